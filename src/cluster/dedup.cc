// Near-duplicates: MinHash signatures (128 bins of one-permutation hashing) of each article's
// 5-word shingles, banded into 32 LSH bands of 4 rows, propose candidate pairs (a pair at Jaccard
// 0.8 is missed with probability < 1e-6); each is verified by exact Jaccard of the shingle sets,
// and union-find groups the verified pairs. Only signatures (512 bytes an article) are held for
// every article; shingle sets, several times larger, only for the articles of candidate pairs.
// The shingles are made from the words' hashes, which the caller gives: from the text each time
// it is asked (NearDuplicates of articles), or held for a batch (SketchBatch: one pass a text).
#include <algorithm>
#include <numeric>

#include "cluster/cluster.h"
#include "common/parallel.h"
#include "sketch/minhash.h"

namespace crossread::cluster {

namespace {

constexpr int kBands = 32;
constexpr int kShingleWords = 5;

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<DuplicateGroupIndex> NearDuplicates(
    size_t n, const std::function<std::vector<uint64_t>(uint32_t)>& word_hashes, double threshold,
    int threads) {
  auto shingles = [&](uint32_t i) {
    return sketch::ShingleHashesOfWords(word_hashes(i), kShingleWords);
  };
  const sketch::MinHasher hasher;
  std::vector<std::vector<uint32_t>> sigs(n);
  ParallelFor(n, threads,
              [&](size_t i) { sigs[i] = hasher.Signature(shingles(static_cast<uint32_t>(i))); });
  const std::vector<std::pair<uint32_t, uint32_t>> candidates = sketch::LshCandidates(sigs, kBands);
  std::vector<std::vector<uint32_t>>().swap(sigs);
  // The shingle sets of the articles the candidates name, computed once each.
  std::vector<uint32_t> named;
  for (auto [a, b] : candidates) {
    named.push_back(a);
    named.push_back(b);
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  std::vector<std::vector<uint64_t>> named_sets(named.size());
  ParallelFor(named.size(), threads,
              [&](size_t k) { named_sets[k] = sketch::ShingleSet(shingles(named[k])); });
  auto set_of = [&](uint32_t i) -> const std::vector<uint64_t>& {
    return named_sets[static_cast<size_t>(std::lower_bound(named.begin(), named.end(), i) -
                                          named.begin())];
  };
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (auto [a, b] : candidates) {
    if (set_of(a).empty() || set_of(b).empty()) continue;
    if (sketch::Jaccard(set_of(a), set_of(b)) < threshold) continue;
    uint32_t ra = Find(parent, a), rb = Find(parent, b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  std::vector<DuplicateGroupIndex> groups;
  std::vector<int> group_of(n, -1);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t r = Find(parent, i);
    if (r == i) continue;
    if (group_of[r] < 0) {
      group_of[r] = static_cast<int>(groups.size());
      groups.push_back({{r}, 1.0});
    }
    DuplicateGroupIndex& g = groups[static_cast<size_t>(group_of[r])];
    g.members.push_back(i);
    g.similarity = std::min(g.similarity, sketch::Jaccard(set_of(r), set_of(i)));
  }
  return groups;
}

std::vector<DuplicateGroupIndex> NearDuplicates(const std::vector<Article>& articles,
                                                double threshold, int threads) {
  return NearDuplicates(
      articles.size(), [&](uint32_t i) { return sketch::WordHashes(articles[i].text); }, threshold,
      threads);
}

}  // namespace crossread::cluster
