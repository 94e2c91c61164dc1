// HTML → text lines and metadata (v0: DOM walk with libxml2's forgiving HTML parser).
#ifndef CROSSREAD_CLEAN_HTML_H_
#define CROSSREAD_CLEAN_HTML_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossread/status.h"

namespace crossread::clean {

struct HtmlDocument {
  std::optional<std::string> title;
  std::optional<std::string> published;  // YYYY-MM-DD
  std::optional<std::string> outlet;
  std::optional<std::string> language;
  std::optional<std::string> url;
  std::vector<std::string> authors;
  // The visible text of the main content, one block element per line.
  std::string text;
};

// Parses `html` (any encoding libxml2 detects; UTF-8 by default). Never throws; a page with no
// text gives an empty `text`.
Result<HtmlDocument> ExtractHtml(std::string_view html);

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_HTML_H_
