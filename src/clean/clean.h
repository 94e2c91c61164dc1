// Cleaning a batch of read articles: the public CleanArticles (crossread/pipeline.h) with the
// choice of what to find besides the text.
#ifndef CROSSREAD_CLEAN_CLEAN_H_
#define CROSSREAD_CLEAN_CLEAN_H_

#include <vector>

#include "crossread/article.h"

namespace crossread::clean {

struct CleanOptions {
  // Also find the language (CLD2), the agencies the text credits (`wire`) and the lines
  // dropped as boilerplate (`removed`). The text, its offsets, `published` from a header and
  // `dateline` are found either way; `crossread cluster` needs no more. Default: true.
  bool metadata = true;
};

// As crossread::CleanArticles, with `options`.
void CleanArticles(std::vector<Article>& articles, int threads, const CleanOptions& options);

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_CLEAN_H_
