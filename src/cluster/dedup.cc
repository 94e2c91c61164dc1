// Near-duplicates: MinHash signatures (128 permutations) banded into 32 LSH bands of 4 rows
// propose candidate pairs (a pair at Jaccard 0.8 is missed with probability < 1e-6); each is
// verified by exact Jaccard of the shingle sets, and union-find groups the verified pairs.
#include <algorithm>
#include <numeric>

#include "cluster/cluster.h"
#include "sketch/minhash.h"

namespace crossread::cluster {

namespace {

constexpr int kBands = 32;

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<DuplicateGroupIndex> NearDuplicates(
    const std::vector<std::vector<uint64_t>>& shingle_sets, double threshold) {
  sketch::MinHasher hasher;
  std::vector<std::vector<uint64_t>> sigs;
  sigs.reserve(shingle_sets.size());
  for (const auto& s : shingle_sets) sigs.push_back(hasher.Signature(s));
  std::vector<uint32_t> parent(shingle_sets.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (auto [a, b] : sketch::LshCandidates(sigs, kBands)) {
    if (shingle_sets[a].empty() || shingle_sets[b].empty()) continue;
    if (sketch::Jaccard(shingle_sets[a], shingle_sets[b]) < threshold) continue;
    uint32_t ra = Find(parent, a), rb = Find(parent, b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  std::vector<DuplicateGroupIndex> groups;
  std::vector<int> group_of(shingle_sets.size(), -1);
  for (uint32_t i = 0; i < shingle_sets.size(); ++i) {
    uint32_t r = Find(parent, i);
    if (r == i) continue;
    if (group_of[r] < 0) {
      group_of[r] = static_cast<int>(groups.size());
      groups.push_back({{r}, 1.0});
    }
    DuplicateGroupIndex& g = groups[static_cast<size_t>(group_of[r])];
    g.members.push_back(i);
    g.similarity = std::min(g.similarity, sketch::Jaccard(shingle_sets[r], shingle_sets[i]));
  }
  return groups;
}

}  // namespace crossread::cluster
