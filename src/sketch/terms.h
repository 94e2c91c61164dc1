// Term vectors: content words (stopwords out, plural 's' folded) hashed to 64 bits, weighted
// by TF-IDF and L2-normalised.
#ifndef CROSSREAD_SKETCH_TERMS_H_
#define CROSSREAD_SKETCH_TERMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/u64_map.h"

namespace crossread {
class ByteReader;
}  // namespace crossread

namespace crossread::sketch {

// Sparse vector sorted by term.
using TermVector = std::vector<std::pair<uint64_t, float>>;

// Term hashes of the content words of `text`, in order, with repeats.
std::vector<uint64_t> ContentTerms(std::string_view text);

// What the clusterers take of a clean text, from one pass over its words.
struct TextSketch {
  std::vector<uint64_t> words;     // WordHashes(text) (sketch/minhash.h)
  std::vector<uint64_t> terms;     // ContentTerms(text)
  std::vector<std::string> names;  // distinct runs of capitalised words, sorted
};
// Names are runs of words that begin with a capital letter, apart only by white space (or by a
// period between single letters: "U.S."), ending at a possessive ("Starmer's"); a capitalised
// stopword, month or weekday standing alone ("The", "On", "Monday") is not one. Cheaper than the
// entity tagger by two orders of magnitude and, for grouping, as good.
TextSketch SketchText(std::string_view text);

// Document frequencies over a collection.
class DocumentFrequencies {
 public:
  void Add(const std::vector<uint64_t>& terms);  // one document
  double Idf(uint64_t term) const;
  size_t documents() const { return documents_; }
  // The counts as bytes (common/bytes.h), and back. Decode fails on bytes Encode did not write.
  void Encode(std::string* out) const;
  bool Decode(ByteReader* in);

 private:
  U64Map<uint32_t> df_;
  size_t documents_ = 0;
};

TermVector TfIdf(const std::vector<uint64_t>& terms, const DocumentFrequencies& df);
double Cosine(const TermVector& a, const TermVector& b);
// Number of terms both vectors hold.
size_t SharedTerms(const TermVector& a, const TermVector& b);
// The sum of many vectors (unnormalised), in one pass.
TermVector Sum(const std::vector<const TermVector*>& vectors);
// a += weight * b, keeping the order.
void AddScaled(const TermVector& b, float weight, TermVector* a);
// The L2 norm, summed in term order.
double Norm(const TermVector& v);
void Normalize(TermVector* v);

}  // namespace crossread::sketch

#endif  // CROSSREAD_SKETCH_TERMS_H_
