// The pipeline: inputs → clean articles → stories → briefs. Every entry point is a function of
// plain values; none keeps state between calls. Thread-safe.
#ifndef CROSSREAD_PIPELINE_H_
#define CROSSREAD_PIPELINE_H_

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "crossread/article.h"
#include "crossread/brief.h"
#include "crossread/options.h"
#include "crossread/status.h"

namespace crossread {

// A path (or archive member, or stdin line) that was skipped, and why.
struct InputError {
  std::string path;
  std::string reason;
};

struct Inputs {
  std::vector<Article> articles;  // cleaned, in input order
  std::vector<InputError> errors;
};

// Reads every PATH ("-" = JSONL on `stdin`), extracts and (unless `clean` is false) cleans
// each article on up to `threads` threads (0 = all cores). Bad inputs go to `errors`; the rest
// are read.
Inputs ReadArticles(const std::vector<std::string>& paths, std::istream& stdin_stream,
                    int threads = 0, bool clean = true);

// Cleans already-read articles (those whose raw_text is set and text is empty), together, so
// that lines repeated across articles are seen as boilerplate; up to `threads` threads.
void CleanArticles(std::vector<Article>& articles, int threads = 0);

// The whole brief: stories, their alignments and summaries.
Brief BuildBrief(std::vector<Article> articles, const Options& options);
// The same, handed to `sink` as it is built (the articles, then story by story), so that the
// stories are never all held.
void BuildBrief(std::vector<Article> articles, const Options& options, BriefSink* sink);

// The brief of one story: every article taken as a member of the story `story_id` (the store
// builds each story it holds this way, from the articles the streaming clusterer put in it).
Brief BuildStoryBrief(std::vector<Article> articles, const std::string& story_id,
                      const Options& options);

// Story id ("s1", "s2"...) of each article, in input order, numbered by first appearance. The
// articles may be as ReadArticles(..., clean = false) leaves them: they are taken in
// publication order (undated ones last, in input order) and cleaned, deduplicated and
// clustered by the streaming clusterer 4,096 at a time, each batch freed once clustered, so
// that memory beyond the input follows a batch and the stories still open. Near-duplicates are
// found within a batch; a larger input differs from one batch in that only.
std::vector<std::string> ClusterStories(std::vector<Article> articles, const Options& options);

struct DuplicateGroup {
  std::vector<std::string> articles;  // first = the earliest copy
  double similarity = 0;              // least estimated Jaccard between a member and the first
};
std::vector<DuplicateGroup> FindDuplicates(const std::vector<Article>& articles,
                                           const Options& options);

// Quotes of one article with code-point offsets into its raw_text.
struct Span {
  uint32_t start = 0, end = 0;
  std::string text;
};
struct ArticleQuote {
  Span cue;
  std::vector<Span> sources;
  std::vector<Span> contents;
  std::optional<std::string> speaker;
  std::string kind;
};
std::vector<ArticleQuote> ExtractQuotes(const Article& article);

// All articles taken as one story: summary sentences, best first in reading order.
std::vector<SummarySentence> Summarize(const std::vector<Article>& articles,
                                       const Options& options);

// The article as CoNLL-U (INTERFACE.md `annotate`): tokens with lemma, Penn tag, head and
// relation, and NER= and Span= (code points into raw_text) in MISC. Fails only when the
// shipped linguistic models cannot be loaded.
Result<std::string> AnnotateConllu(const Article& article);

// One JSON line (no newline) per INTERFACE.md for `extract`, `quotes` and `dedup`.
std::string RenderExtractLine(const Article& article);
std::string RenderQuotesLine(const Article& article, const std::vector<ArticleQuote>& quotes);
std::string RenderDuplicateLine(size_t group, const DuplicateGroup& g);
// `cluster --format jsonl`: {"story", "articles"}.
std::string RenderStoryLine(const std::string& story, const std::vector<std::string>& articles);

}  // namespace crossread

#endif  // CROSSREAD_PIPELINE_H_
