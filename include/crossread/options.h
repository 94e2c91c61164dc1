// Options for the pipeline. Each field has its default in a comment and in its initialiser.
#ifndef CROSSREAD_OPTIONS_H_
#define CROSSREAD_OPTIONS_H_

#include <string>

namespace crossread {

struct Options {
  // Worker threads; 0 means all cores. Default: 0.
  int threads = 0;
  // Words at most in a story's summary. Default: 120.
  int summary_words = 120;
  // Optional focus for summaries (`--query`). Default: none.
  std::string query;
  // MinHash Jaccard at or above which two articles are near-duplicates. Default: 0.8.
  double duplicate_threshold = 0.8;
  // Similarity at or above which an article joins a story. Default: 0.18.
  double story_threshold = 0.18;
  // Fewest words a passage shared between articles needs to be listed as reuse. Default: 12.
  int reuse_min_words = 12;
};

}  // namespace crossread

#endif  // CROSSREAD_OPTIONS_H_
