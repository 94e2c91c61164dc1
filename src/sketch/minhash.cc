#include "sketch/minhash.h"

#include <algorithm>
#include <limits>
#include <string>

#include "common/hash.h"
#include "common/radix_sort.h"
#include "common/strings.h"

namespace crossread::sketch {

namespace {

// splitmix64's finaliser: the one hash of a shingle, and the probes of densification.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// Bin of a 64-bit hash among k bins: the high 32 bits scaled to [0, k) (Lemire's fast range).
inline size_t BinOf(uint64_t h, size_t k) { return static_cast<size_t>(((h >> 32) * k) >> 32); }

// The seed of the one hash of every shingle; shingles are mixed with it, so that shingle
// hashes made by a weak combiner still fall evenly in the bins.
constexpr uint64_t kShingleSeed = 0x2545F4914F6CDD1DULL;

}  // namespace

std::vector<uint64_t> WordHashes(std::string_view text) {
  std::vector<uint64_t> out;
  ForEachLowerWord(text, [&](std::string_view w) { out.push_back(Hash64(w)); });
  return out;
}

std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words) {
  return ShingleHashesOfWords(WordHashes(text), shingle_words);
}

std::vector<uint64_t> ShingleHashesOfWords(const std::vector<uint64_t>& word_hash,
                                           int shingle_words) {
  std::vector<uint64_t> out;
  const size_t n = static_cast<size_t>(std::max(1, shingle_words));
  if (word_hash.empty()) return out;
  if (word_hash.size() < n) {
    uint64_t h = 0;
    for (uint64_t w : word_hash) h = HashCombine(h, w);
    out.push_back(h);
    return out;
  }
  // A shingle's hash is the polynomial sum of its n word hashes, w_i·B^(n-1) + ... +
  // w_(i+n-1) (mod 2^64), rolled from one shingle to the next in three operations; the
  // signatures mix it, and sets compare it whole.
  constexpr uint64_t kBase = 0x100000001B3ULL;  // FNV's 64-bit prime: odd, so invertible
  uint64_t top = 1;                             // B^(n-1)
  for (size_t k = 1; k < n; ++k) top *= kBase;
  uint64_t h = 0;
  for (size_t k = 0; k < n; ++k) h = h * kBase + word_hash[k];
  out.reserve(word_hash.size() - n + 1);
  out.push_back(h);
  for (size_t i = n; i < word_hash.size(); ++i) {
    h = (h - word_hash[i - n] * top) * kBase + word_hash[i];
    out.push_back(h);
  }
  return out;
}

std::vector<uint64_t> Shingles(std::string_view text, int shingle_words) {
  return ShingleSet(ShingleHashes(text, shingle_words));
}

std::vector<uint64_t> ShingleSet(std::vector<uint64_t> hashes) {
  RadixSort(&hashes);
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++inter;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

MinHasher::MinHasher(const MinHashOptions& options) : options_(options) {}

std::vector<uint32_t> MinHasher::Signature(const std::vector<uint64_t>& shingles) const {
  const size_t k = static_cast<size_t>(std::max(1, options_.permutations));
  std::vector<uint32_t> sig(k, std::numeric_limits<uint32_t>::max());
  if (shingles.empty()) return sig;
  std::vector<uint8_t> filled(k, 0);
  for (uint64_t s : shingles) {
    const uint64_t h = Mix(s ^ kShingleSeed);
    const size_t bin = BinOf(h, k);
    sig[bin] = std::min(sig[bin], static_cast<uint32_t>(h));
    filled[bin] = 1;
  }
  // Optimal densification: an empty bin takes the value of the first filled bin of its own
  // probe sequence, which depends on the bin only, so two sets agree on a densified bin with
  // probability their Jaccard similarity, as on a filled one.
  for (size_t i = 0; i < k; ++i) {
    if (filled[i]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      const size_t j = BinOf(Mix((static_cast<uint64_t>(i) << 32) + attempt), k);
      if (filled[j]) {
        sig[i] = sig[j];
        break;
      }
    }
  }
  return sig;
}

double MinHasher::Estimate(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<std::pair<uint32_t, uint32_t>> LshCandidates(
    const std::vector<std::vector<uint32_t>>& signatures, int bands) {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  if (signatures.empty() || bands <= 0) return pairs;
  const size_t len = signatures[0].size();
  const size_t rows = std::max<size_t>(1, len / static_cast<size_t>(bands));
  // Per band, each signature's band hash beside its index, sorted: a bucket is a run of one
  // hash, its members in index order (a hash table of buckets cost a node and a vector per
  // signature and band).
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  std::vector<uint32_t> members;
  for (size_t b = 0; b * rows + rows <= len; ++b) {
    keyed.clear();
    for (uint32_t i = 0; i < signatures.size(); ++i) {
      if (signatures[i].size() != len) continue;
      uint64_t h = b;
      for (size_t r = 0; r < rows; ++r) h = HashCombine(h, signatures[i][b * rows + r]);
      keyed.emplace_back(h, i);
    }
    std::sort(keyed.begin(), keyed.end());
    for (size_t at = 0; at < keyed.size();) {
      members.clear();
      const uint64_t bucket = keyed[at].first;
      for (; at < keyed.size() && keyed[at].first == bucket; ++at) {
        members.push_back(keyed[at].second);
      }
      if (members.size() > kMaxCliqueBucket) {
        for (size_t x = 1; x < members.size(); ++x) {
          pairs.emplace_back(members[0], members[x]);
          if (x + 1 < members.size()) pairs.emplace_back(members[x], members[x + 1]);
        }
        continue;
      }
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) pairs.emplace_back(members[x], members[y]);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace crossread::sketch
