// Unicode normalisation that remembers where every output byte came from.
//
// Text is brought to NFKC, then quote and dash variants are folded (curly quotes and guillemets
// to ASCII quotes, as are the typewriter pairs `` and ''; figure dash and minus sign to '-',
// horizontal bar to an em dash) and
// invisible characters (zero-width space, BOM, soft hyphen) dropped. Like SentencePiece's
// normaliser, it keeps a map from output offsets back to input code points: runs of unchanged
// text are one verbatim anchor, each changed segment one replacement anchor.
#ifndef CROSSREAD_CLEAN_NORMALIZE_H_
#define CROSSREAD_CLEAN_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "crossread/article.h"

namespace crossread::clean {

// Builds a clean text from pieces of a raw text, with its offset map.
class TextBuilder {
 public:
  // Appends `piece` (valid UTF-8) normalised; `raw_cp` is the code-point offset of its first
  // character in the raw text.
  void AppendNormalized(std::string_view piece, uint32_t raw_cp);
  // Appends bytes that stand for nothing in the raw text (a paragraph break); they map to
  // `raw_cp`.
  void AppendSeparator(std::string_view sep, uint32_t raw_cp);

  const std::string& text() const { return text_; }
  // The text and the map, closed by an anchor at the end of the text that stands for the end
  // of the raw text consumed (so an end offset after a replaced character maps past it).
  // Nothing may be appended after either is taken.
  std::string TakeText();
  std::vector<OffsetAnchor> TakeAnchors();

 private:
  void Anchor(uint32_t raw_cp, bool verbatim);
  void Close();

  std::string text_;
  std::vector<OffsetAnchor> anchors_;
  bool in_verbatim_run_ = false;
  uint32_t run_next_raw_cp_ = 0;  // raw offset just past the current verbatim run
  uint32_t raw_end_ = 0;          // raw offset just past everything appended
  bool closed_ = false;
};

// NFKC plus folding, without a map. For text that does not need offsets (titles, metadata).
std::string NormalizeText(std::string_view text);

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_NORMALIZE_H_
