// Grouping articles: near-duplicates (MinHash + LSH, verified exactly) and stories
// (single-pass clustering over TF-IDF vectors, shared entities and a time window).
#ifndef CROSSREAD_CLUSTER_CLUSTER_H_
#define CROSSREAD_CLUSTER_CLUSTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"
#include "crossread/article.h"
#include "sketch/terms.h"

namespace crossread::cluster {

struct DuplicateGroupIndex {
  std::vector<uint32_t> members;  // input indices, first = earliest in input order
  double similarity = 0;          // least exact shingle Jaccard between a member and the first
};

// Groups of articles whose clean texts' 5-word shingle sets have Jaccard ≥ threshold; up to
// `threads` threads.
std::vector<DuplicateGroupIndex> NearDuplicates(const std::vector<Article>& articles,
                                                double threshold, int threads);
// The same among `n` articles whose words' hashes (sketch::WordHashes of the text)
// `word_hashes(i)` gives; called from several threads at once.
std::vector<DuplicateGroupIndex> NearDuplicates(
    size_t n, const std::function<std::vector<uint64_t>(uint32_t)>& word_hashes, double threshold,
    int threads);

// What the story clusterer knows of one article.
struct StoryFeatures {
  std::vector<uint64_t> terms;        // content-word hashes, sorted, with repeats
  std::vector<std::string> entities;  // distinct names: runs of capitalised words
  std::optional<Day> published;
  std::optional<uint32_t> duplicate_of;  // index, in the same batch, of an earlier near-duplicate
};

struct StoryOptions {
  // Score at or above which an article joins a story. Default: 0.18.
  double threshold = 0.18;
  // Weight of the entity overlap in the score (the rest is term cosine). Default: 0.2.
  double entity_weight = 0.2;
  // Days apart beyond which similarity starts to decay. Default: 3.
  int window_days = 3;
};

// Single-pass story clustering that goes on across batches: the stories found so far, the
// document frequencies of the terms seen so far, and an index from terms to stories. A batch
// is taken in publication order (undated articles last, in batch order), each article joining
// the best story at or above the threshold or opening a new one. The Save functions and Load
// carry the state between runs (`crossread ingest`). Stories that fall out of the time window
// for good are closed, so memory follows the live window, not all history; an article older
// than that window, arriving late, opens a story of its own. Not thread-safe.
class StoryStream {
 public:
  explicit StoryStream(const StoryOptions& options);
  ~StoryStream();
  StoryStream(StoryStream&&) noexcept;
  StoryStream& operator=(StoryStream&&) noexcept;

  // Story number of each article of `batch`: stories are numbered 0, 1, ... in the order they
  // were opened, across every batch this stream has seen.
  std::vector<uint32_t> Add(const std::vector<StoryFeatures>& batch);
  size_t stories() const;
  // Stories still inside the time window of the newest article seen (the others are closed:
  // no later article joins them, and their vectors are freed).
  size_t open_stories() const;

  // The state as bytes, in parts, so that a store rewrites only what a batch changed: the
  // document frequencies, and each story by number. Load takes the parts back (the stories in
  // number order) and fails (nullopt) on bytes the Save functions did not write.
  std::string SaveFrequencies() const;
  std::string SaveStory(uint32_t story) const;
  static std::optional<StoryStream> Load(std::string_view frequencies,
                                         const std::vector<std::string>& stories,
                                         const StoryOptions& options);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The inputs of the clusterers, from clean articles (src/cluster/features.cc).
// The earlier near-duplicate of each article (input index), at Jaccard ≥ threshold.
std::vector<std::optional<uint32_t>> DuplicateOf(const std::vector<Article>& articles,
                                                 double threshold, int threads);
// What the story clusterer knows of each article; `duplicate_of` as DuplicateOf gives it.
std::vector<StoryFeatures> FeaturesOf(const std::vector<Article>& articles,
                                      const std::vector<std::optional<uint32_t>>& duplicate_of,
                                      int threads);

// Both of the above for a batch, from one pass over each text (it holds every article's word
// hashes while it finds the near-duplicates, so it is meant for batches, not whole corpora).
std::vector<StoryFeatures> SketchBatch(const std::vector<Article>& articles, double threshold,
                                       int threads);

// Story numbers renumbered 0, 1, ... in order of each story's first article in `story_of`.
std::vector<uint32_t> NumberByFirstAppearance(const std::vector<uint32_t>& story_of);

// Stories of one batch on a fresh stream: the story index (0, 1, ...) of each article, numbered
// in order of each story's first article in input order.
std::vector<uint32_t> ClusterStories(const std::vector<StoryFeatures>& articles,
                                     const StoryOptions& options);

}  // namespace crossread::cluster

#endif  // CROSSREAD_CLUSTER_CLUSTER_H_
