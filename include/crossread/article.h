// Article: one news article after ingest and cleaning. A plain value type.
#ifndef CROSSREAD_ARTICLE_H_
#define CROSSREAD_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crossread {

// One point of the map from the clean text back to the text as read. Between two anchors the
// clean text is either a verbatim copy of the raw text (`verbatim`: offsets advance together,
// code point by code point) or a replacement of [raw_cp, next anchor's raw_cp) by other bytes.
struct OffsetAnchor {
  uint32_t clean_byte = 0;  // byte offset into Article::text
  uint32_t raw_cp = 0;      // code-point offset into Article::raw_text
  bool verbatim = true;
};

struct Article {
  std::string id;
  std::string source;  // the path (or archive member) it was read from, for messages

  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::optional<std::string> published;  // ISO 8601 date, YYYY-MM-DD
  std::optional<std::string> language;   // ISO 639-1
  std::optional<std::string> dateline;   // "LONDON"
  std::vector<std::string> authors;
  std::vector<std::string> wire;  // agencies credited: "AP", "Reuters"

  // The text as read: for plain text the file's text; for HTML the text extracted from the DOM
  // before boilerplate removal. Offsets of `crossread quotes` point into it.
  std::string raw_text;
  // The clean body: boilerplate removed, Unicode normalised, one paragraph per "\n\n" block.
  std::string text;
  std::vector<std::string> removed;  // lines dropped as boilerplate, in input order
  std::vector<OffsetAnchor> offsets;  // text → raw_text, sorted by clean_byte

  // Maps a byte offset into `text` to a code-point offset into `raw_text`.
  uint32_t RawCodePoint(uint32_t clean_byte) const;
};

}  // namespace crossread

#endif  // CROSSREAD_ARTICLE_H_
