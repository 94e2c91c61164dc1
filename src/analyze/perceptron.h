// Linear models over hashed features: the averaged perceptron that trains them, and the
// compact read-only form that ships in data/models/ and scores at run time.
//
// A feature is a 64-bit hash (template id mixed with the hashes of the words, tags or shapes it
// looks at). Training keeps, per feature, only the classes it was ever updated for, with the
// running sums needed for averaging. Saving averages the weights, drops features whose weights
// are all below a threshold, keys the rest by 32 bits (stored sorted, as varint gaps),
// quantises weights to 16 bits with one scale, and deflates the result.
#ifndef CROSSREAD_ANALYZE_PERCEPTRON_H_
#define CROSSREAD_ANALYZE_PERCEPTRON_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crossread/status.h"

namespace crossread::analyze {

// The functions that list a token's features are marked [[gnu::flatten]]: each appends some
// fifty features, and without it every append is an out-of-line call.

// Mixes a template id and up to three values into one feature hash.
inline uint64_t Feature(uint64_t templ, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = templ * 0x9E3779B97F4A7C15ULL;
  for (uint64_t v : {a, b, c}) {
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  return h;
}

// The 32-bit key a feature is stored under in a saved model (never 0).
inline uint32_t FeatureKey(uint64_t feature) {
  auto k = static_cast<uint32_t>(feature ^ (feature >> 32));
  return k == 0 ? 1 : k;
}

// Read-only model. Thread-safe; share one instance.
class LinearModel {
 public:
  // Parses the bytes written by PerceptronTrainer::Save.
  static Result<LinearModel> Load(std::string_view bytes);

  size_t num_classes() const { return classes_.size(); }
  const std::vector<std::string>& classes() const { return classes_; }
  int ClassIndex(std::string_view name) const;  // -1 if unknown
  size_t num_features() const { return slots_.size() - 1 - empty_slots_; }

  // scores[c] += weight(f, c) for every feature f. REQUIRES: scores has num_classes() slots.
  void Score(const std::vector<uint64_t>& features, float* scores) const;

 private:
  std::vector<std::string> classes_;
  // Open addressing over slots_ (one past the end: a sentinel). A slot holds its key (0 =
  // empty) and where its weights begin in entries_; they end where the next slot's begin. Key
  // and bounds share a cache line, and a weight and its class share an entry, so a lookup
  // touches two lines, which Score prefetches for a batch of features at a time. A weight is
  // kept as saved, 16 bits times the model's scale: 4 bytes an entry, so that more of the
  // model stays in cache.
  struct Slot {
    uint32_t key;
    uint32_t begin;
  };
  struct Entry {
    int16_t weight;
    uint16_t cls;
  };
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  float scale_ = 0;
  size_t empty_slots_ = 0;
};

class PerceptronTrainer {
 public:
  // A feature gets weights only from its `min_updates`-th update on: the updates before it are
  // skipped, so that features seen in a single mistake do not soak up what the common ones
  // should learn (1: every update counts).
  explicit PerceptronTrainer(std::vector<std::string> classes, int min_updates = 1);
  PerceptronTrainer(const PerceptronTrainer&) = delete;  // large: train in place
  PerceptronTrainer& operator=(const PerceptronTrainer&) = delete;

  size_t num_classes() const { return classes_.size(); }
  const std::vector<std::string>& classes() const { return classes_; }

  // Current (not averaged) scores, added into `scores`.
  void Score(const std::vector<uint64_t>& features, float* scores) const;
  // One perceptron step: +1 for `truth`, -1 for `guess` (nothing when equal); either may be
  // -1 for a one-sided step.
  void Update(std::span<const uint64_t> features, int truth, int guess);

  // The averaged model, pruned and compressed, as LinearModel::Load reads it.
  std::string Save(float prune_below) const;

 private:
  struct Weight {
    uint8_t cls;
    float w = 0;       // current weight
    double total = 0;  // sum of w over all steps so far, as of `stamp`
    int64_t stamp = 0;
  };
  std::vector<std::string> classes_;
  std::unordered_map<uint64_t, std::vector<Weight>> weights_;
  std::unordered_map<uint64_t, int> pending_;  // updates seen of features without weights yet
  int min_updates_;
  int64_t step_ = 0;
};

}  // namespace crossread::analyze

#endif  // CROSSREAD_ANALYZE_PERCEPTRON_H_
