// Helpers shared by the unit tests.
#ifndef CROSSREAD_COMMON_TEST_UTIL_H_
#define CROSSREAD_COMMON_TEST_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "crossread/article.h"
#include "crossread/pipeline.h"

namespace crossread::testing {

// One article of plain text, cleaned as the pipeline would.
inline Article CleanArticle(std::string text, std::optional<std::string> published = std::nullopt,
                            std::string id = "t") {
  std::vector<Article> v(1);
  v[0].id = std::move(id);
  v[0].raw_text = std::move(text);
  v[0].published = std::move(published);
  CleanArticles(v);
  return std::move(v[0]);
}

// The source tree (examples/, tests/golden/).
inline std::string SourceDir() { return CROSSREAD_SOURCE_DIR; }

}  // namespace crossread::testing

#endif  // CROSSREAD_COMMON_TEST_UTIL_H_
