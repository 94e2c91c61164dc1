// MinHash signatures over word shingles, and banded LSH over them.
#ifndef CROSSREAD_SKETCH_MINHASH_H_
#define CROSSREAD_SKETCH_MINHASH_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace crossread::sketch {

struct MinHashOptions {
  // Signature length (bins of the one permutation). Default: 128.
  int permutations = 128;
  // Words per shingle. Default: 5.
  int shingle_words = 5;
};

// Hash64 of each word ForEachLowerWord gives of `text`, in text order.
std::vector<uint64_t> WordHashes(std::string_view text);
// Hashes of the word shingles of `text` (lowercased words), in text order, with repeats.
std::vector<uint64_t> ShingleHashes(std::string_view text, int shingle_words);
// The same from the words' hashes (WordHashes).
std::vector<uint64_t> ShingleHashesOfWords(const std::vector<uint64_t>& word_hashes,
                                           int shingle_words);
// The distinct ones, sorted: the shingle set.
std::vector<uint64_t> Shingles(std::string_view text, int shingle_words);
// The shingle set of shingle hashes.
std::vector<uint64_t> ShingleSet(std::vector<uint64_t> hashes);

// Exact Jaccard similarity of two sorted hash sets.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

class MinHasher {
 public:
  explicit MinHasher(const MinHashOptions& options = {});

  // The signature of a shingle set (in any order, repeats or not: ShingleHashes will do), by
  // one-permutation hashing (Li, Owen and Zhang, 2012): each shingle is hashed once, the hash's
  // high bits pick one of `permutations` bins and its low 32 bits compete for the bin's
  // minimum; an empty bin is filled by optimal densification (Shrivastava, 2017). Two sets
  // agree on each position with probability their Jaccard similarity, as with as many
  // independent permutations, at one hash per shingle instead of one per shingle and
  // permutation.
  std::vector<uint32_t> Signature(const std::vector<uint64_t>& shingles) const;

  // Estimated Jaccard: the share of equal positions.
  static double Estimate(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

  const MinHashOptions& options() const { return options_; }

 private:
  MinHashOptions options_;
};

// Candidate pairs (i < j) whose signatures agree on all rows of at least one band. A band's
// bucket of more than kMaxCliqueBucket signatures (many copies of one text) proposes each
// member with the first and with the next instead of every pair: enough to join copies into
// one group, and linear rather than quadratic in the copies.
constexpr size_t kMaxCliqueBucket = 32;
std::vector<std::pair<uint32_t, uint32_t>> LshCandidates(
    const std::vector<std::vector<uint32_t>>& signatures, int bands);

}  // namespace crossread::sketch

#endif  // CROSSREAD_SKETCH_MINHASH_H_
