// HTML → article text and metadata.
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

// Parses `html` in the encoding clean/charset.h finds (`declared_charset`: from an HTTP header,
// or empty). Never throws; a page with no article text gives an empty `text`.
Result<HtmlDocument> ExtractHtml(std::string_view html, std::string_view declared_charset = {});

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_HTML_H_
