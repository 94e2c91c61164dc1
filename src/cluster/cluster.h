// Grouping articles: near-duplicates (MinHash + LSH, verified exactly) and stories
// (single-pass clustering over TF-IDF vectors, shared entities and a time window).
#ifndef CROSSREAD_CLUSTER_CLUSTER_H_
#define CROSSREAD_CLUSTER_CLUSTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/dates.h"
#include "sketch/terms.h"

namespace crossread::cluster {

struct DuplicateGroupIndex {
  std::vector<uint32_t> members;  // input indices, first = earliest in input order
  double similarity = 0;          // least exact shingle Jaccard between a member and the first
};

// Groups of articles whose shingle sets (sorted hashes) have Jaccard ≥ threshold.
std::vector<DuplicateGroupIndex> NearDuplicates(
    const std::vector<std::vector<uint64_t>>& shingle_sets, double threshold);

// What the story clusterer knows of one article.
struct StoryFeatures {
  sketch::TermVector terms;           // TF-IDF, normalised
  std::vector<std::string> entities;  // distinct names: runs of capitalised words
  std::optional<Day> published;
  std::optional<uint32_t> duplicate_of;  // input index of an earlier near-duplicate
};

struct StoryOptions {
  // Score at or above which an article joins a story. Default: 0.22.
  double threshold = 0.22;
  // Weight of the entity overlap in the score (the rest is term cosine). Default: 0.3.
  double entity_weight = 0.3;
  // Days apart beyond which similarity starts to decay. Default: 3.
  int window_days = 3;
};

// Story index (0, 1, ...) of each article, numbered in order of each story's first article in
// input order. Articles are taken in publication order, undated ones last in input order.
std::vector<uint32_t> ClusterStories(const std::vector<StoryFeatures>& articles,
                                     const StoryOptions& options);

}  // namespace crossread::cluster

#endif  // CROSSREAD_CLUSTER_CLUSTER_H_
