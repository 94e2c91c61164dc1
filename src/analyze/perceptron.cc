#include "analyze/perceptron.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

#include "common/bytes.h"

namespace crossread::analyze {

namespace {

constexpr char kMagic[8] = {'C', 'R', 'L', 'M', '0', '0', '0', '2'};

Result<std::string> Inflate(std::string_view in) {
  if (in.size() < 12 || std::memcmp(in.data(), kMagic, 8) != 0) {
    return Status::DataLoss("not a crossread model");
  }
  uint32_t raw_size = 0;
  std::memcpy(&raw_size, in.data() + 8, 4);
  std::string out(raw_size, '\0');
  uLongf out_len = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &out_len,
                 reinterpret_cast<const Bytef*>(in.data() + 12), in.size() - 12) != Z_OK ||
      out_len != raw_size) {
    return Status::DataLoss("model data is corrupt");
  }
  return out;
}

}  // namespace

Result<LinearModel> LinearModel::Load(std::string_view bytes) {
  CROSSREAD_ASSIGN_OR_RETURN(std::string raw, Inflate(bytes));
  ByteReader r(raw);
  LinearModel m;
  uint32_t n_classes = 0;
  if (!r.U32(&n_classes) || n_classes == 0 || n_classes > 255) {
    return Status::DataLoss("bad class count");
  }
  for (uint32_t c = 0; c < n_classes; ++c) {
    uint32_t len = 0;
    std::string name;
    if (!r.U32(&len) || !r.Str(&name, len)) return Status::DataLoss("truncated class names");
    m.classes_.push_back(std::move(name));
  }
  float scale = 0;
  uint32_t n_features = 0;
  if (!r.F32(&scale) || !r.U32(&n_features)) return Status::DataLoss("truncated header");
  size_t slots = 1;
  while (slots < static_cast<size_t>(n_features) * 2 + 1) slots <<= 1;
  std::vector<uint32_t> keys(slots, 0);
  // First pass: place each feature in its slot and keep its weights in file order.
  std::vector<uint32_t> slot_of(n_features), first(n_features + 1);
  uint32_t key = 0;
  std::vector<uint8_t> cls;
  std::vector<int16_t> weight;
  for (uint32_t f = 0; f < n_features; ++f) {
    uint32_t delta = 0;
    uint8_t count = 0;
    if (!r.Varint(&delta) || !r.U8(&count)) return Status::DataLoss("truncated features");
    key += delta;  // keys are stored sorted, as gaps
    if (key == 0) return Status::DataLoss("bad feature key");
    size_t slot = key & (slots - 1);
    while (keys[slot] != 0) slot = (slot + 1) & (slots - 1);
    keys[slot] = key;
    slot_of[f] = static_cast<uint32_t>(slot);
    first[f] = static_cast<uint32_t>(cls.size());
    for (uint8_t k = 0; k < count; ++k) {
      uint8_t c = 0;
      int16_t q = 0;
      if (!r.U8(&c) || !r.I16(&q) || c >= n_classes) return Status::DataLoss("bad weight");
      cls.push_back(c);
      weight.push_back(q);
    }
  }
  first[n_features] = static_cast<uint32_t>(cls.size());
  // Second pass: lay the weights out in slot order (a counting sort by slot).
  std::vector<uint32_t> per_slot(slots + 1, 0);
  for (uint32_t f = 0; f < n_features; ++f) per_slot[slot_of[f] + 1] = first[f + 1] - first[f];
  for (size_t sl = 0; sl < slots; ++sl) per_slot[sl + 1] += per_slot[sl];
  m.slots_.resize(slots + 1);
  for (size_t sl = 0; sl <= slots; ++sl) m.slots_[sl] = {sl < slots ? keys[sl] : 0, per_slot[sl]};
  m.entries_.resize(cls.size());
  for (uint32_t f = 0; f < n_features; ++f) {
    uint32_t out = per_slot[slot_of[f]];
    for (uint32_t e = first[f]; e < first[f + 1]; ++e, ++out) m.entries_[out] = {weight[e], cls[e]};
  }
  m.empty_slots_ = slots - n_features;
  m.scale_ = scale;
  return m;
}

int LinearModel::ClassIndex(std::string_view name) const {
  for (size_t i = 0; i < classes_.size(); ++i) {
    if (classes_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void LinearModel::Score(const std::vector<uint64_t>& features, float* scores) const {
  // In batches: first the home slot of every feature is computed and prefetched, so that
  // the cache misses of a batch overlap instead of following one another.
  constexpr size_t kBatch = 64;
  const size_t mask = slots_.size() - 2;  // slots_ holds a power of two plus the sentinel
  uint32_t keys[kBatch];
  size_t home[kBatch];
  // The weights are summed as the integers they are stored as, and scaled once per class.
  const size_t classes = classes_.size();
  int32_t sums[256];
  std::fill_n(sums, classes, 0);
  for (size_t at = 0; at < features.size(); at += kBatch) {
    const size_t n = std::min(kBatch, features.size() - at);
    for (size_t i = 0; i < n; ++i) {
      keys[i] = FeatureKey(features[at + i]);
      home[i] = keys[i] & mask;
      __builtin_prefetch(&slots_[home[i]]);
    }
    // Then each feature's weights are found and prefetched, and only then read.
    uint32_t begin[kBatch], end[kBatch];
    for (size_t i = 0; i < n; ++i) {
      size_t slot = home[i];
      while (slots_[slot].key != 0 && slots_[slot].key != keys[i]) slot = (slot + 1) & mask;
      begin[i] = slots_[slot].begin;
      end[i] = slots_[slot].key == 0 ? begin[i] : slots_[slot + 1].begin;
      __builtin_prefetch(entries_.data() + begin[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t e = begin[i]; e < end[i]; ++e) sums[entries_[e].cls] += entries_[e].weight;
    }
  }
  for (size_t c = 0; c < classes; ++c) scores[c] += static_cast<float>(sums[c]) * scale_;
}

PerceptronTrainer::PerceptronTrainer(std::vector<std::string> classes, int min_updates)
    : classes_(std::move(classes)), min_updates_(min_updates) {}

void PerceptronTrainer::Score(const std::vector<uint64_t>& features, float* scores) const {
  for (uint64_t f : features) {
    auto it = weights_.find(f == 0 ? 1 : f);
    if (it == weights_.end()) continue;
    for (const Weight& w : it->second) scores[w.cls] += w.w;
  }
}

void PerceptronTrainer::Update(std::span<const uint64_t> features, int truth, int guess) {
  ++step_;
  if (truth == guess) return;
  for (uint64_t f : features) {
    if (f == 0) f = 1;
    if (min_updates_ > 1 && !weights_.contains(f)) {
      auto it = pending_.try_emplace(f, 0).first;
      if (++it->second < min_updates_) continue;
      pending_.erase(it);
    }
    std::vector<Weight>& ws = weights_[f];
    for (const auto& [cls, delta] : {std::pair<int, float>{truth, 1.0f}, {guess, -1.0f}}) {
      if (cls < 0) continue;
      const int c = cls;  // clang before 16 cannot capture a structured binding
      auto it = std::find_if(ws.begin(), ws.end(), [c](const Weight& w) { return w.cls == c; });
      if (it == ws.end()) {
        ws.push_back(Weight{static_cast<uint8_t>(cls), 0, 0, step_});
        it = ws.end() - 1;
      }
      it->total += static_cast<double>(step_ - it->stamp) * it->w;
      it->stamp = step_;
      it->w += delta;
    }
  }
}

std::string PerceptronTrainer::Save(float prune_below) const {
  struct Kept {
    uint32_t key;
    std::vector<std::pair<uint8_t, float>> w;
  };
  std::vector<Kept> kept;
  const double steps = static_cast<double>(std::max<int64_t>(1, step_));
  for (const auto& [feature, ws] : weights_) {
    Kept k{FeatureKey(feature), {}};
    for (const Weight& w : ws) {
      double total = w.total + static_cast<double>(step_ - w.stamp) * w.w;
      float avg = static_cast<float>(total / steps);
      if (std::fabs(avg) >= prune_below) k.w.emplace_back(w.cls, avg);
    }
    if (!k.w.empty()) kept.push_back(std::move(k));
  }
  // Sorted by key (then by content, so the order never depends on the hash map's); features
  // whose 32-bit keys collide are merged, as lookups cannot tell them apart either.
  for (Kept& k : kept) std::sort(k.w.begin(), k.w.end());
  std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
    return std::tie(a.key, a.w) < std::tie(b.key, b.w);
  });
  std::vector<Kept> merged;
  for (Kept& k : kept) {
    if (merged.empty() || merged.back().key != k.key) {
      merged.push_back(std::move(k));
      continue;
    }
    for (const auto& [cls, v] : k.w) {
      const uint8_t c = cls;  // clang before 16 cannot capture a structured binding
      auto it = std::find_if(merged.back().w.begin(), merged.back().w.end(),
                             [c](const auto& e) { return e.first == c; });
      if (it == merged.back().w.end()) {
        merged.back().w.emplace_back(c, v);
      } else {
        it->second += v;
      }
    }
  }
  kept = std::move(merged);
  float max_abs = 0;
  for (const Kept& k : kept) {
    for (auto [c, v] : k.w) max_abs = std::max(max_abs, std::fabs(v));
  }
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::string raw;
  PutU32(&raw, static_cast<uint32_t>(classes_.size()));
  for (const std::string& c : classes_) {
    PutU32(&raw, static_cast<uint32_t>(c.size()));
    raw += c;
  }
  raw.append(reinterpret_cast<const char*>(&scale), 4);
  PutU32(&raw, static_cast<uint32_t>(kept.size()));
  uint32_t previous = 0;
  for (const Kept& k : kept) {
    PutVarint(&raw, k.key - previous);
    previous = k.key;
    raw.push_back(static_cast<char>(k.w.size()));
    for (auto [c, v] : k.w) {
      raw.push_back(static_cast<char>(c));
      auto q = static_cast<int16_t>(std::lround(v / scale));
      raw.append(reinterpret_cast<const char*>(&q), 2);
    }
  }
  uLongf bound = compressBound(raw.size());
  std::string out(kMagic, 8);
  PutU32(&out, static_cast<uint32_t>(raw.size()));
  size_t head = out.size();
  out.resize(head + bound);
  compress2(reinterpret_cast<Bytef*>(out.data() + head), &bound,
            reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9);
  out.resize(head + bound);
  return out;
}

}  // namespace crossread::analyze
