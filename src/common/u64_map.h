// A hash map from 64-bit keys (term and name hashes) to small values: open addressing with
// linear probing in one array of slots, no node per entry, so a lookup is one or two cache
// lines where std::unordered_map follows a pointer per entry. The table doubles at half full.
// Iteration order is the slot order: deterministic for a given sequence of insertions, but not
// sorted. Not thread-safe for writers; concurrent readers are fine.
#ifndef CROSSREAD_COMMON_U64_MAP_H_
#define CROSSREAD_COMMON_U64_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace crossread {

template <typename V>
class U64Map {
 public:
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }
  bool empty() const { return size() == 0; }

  // The value of `key`, or nullptr.
  const V* Find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].first == key) return &slots_[i].second;
      if (slots_[i].first == 0) return nullptr;
    }
  }
  V* Find(uint64_t key) { return const_cast<V*>(std::as_const(*this).Find(key)); }

  // Asks the cache for the slot where a lookup of `key` starts, ahead of the lookup.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key)]);
  }

  // The value of `key`, inserted as V{} when absent; `*inserted` (if given) says which.
  V& Insert(uint64_t key, bool* inserted = nullptr) {
    if (key == 0) {
      if (inserted) *inserted = !has_zero_;
      has_zero_ = true;
      return zero_;
    }
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t i = Home(key);
    while (slots_[i].first != 0 && slots_[i].first != key) i = (i + 1) & mask_;
    const bool fresh = slots_[i].first == 0;
    if (fresh) {
      slots_[i].first = key;
      ++size_;
    }
    if (inserted) *inserted = fresh;
    return slots_[i].second;
  }
  V& operator[](uint64_t key) { return Insert(key); }

  void Clear() {
    slots_.clear();
    mask_ = 0;
    shift_ = 64;
    size_ = 0;
    has_zero_ = false;
    zero_ = V{};
  }

  // fn(key, value) for every entry, in slot order; through a mutable map, fn may change values.
  template <typename Fn>
  void ForEach(Fn fn) const {
    ForEachOf(*this, fn);
  }
  template <typename Fn>
  void ForEach(Fn fn) {
    ForEachOf(*this, fn);
  }

 private:
  template <typename Self, typename Fn>
  static void ForEachOf(Self& self, Fn& fn) {
    if (self.has_zero_) fn(uint64_t{0}, self.zero_);
    for (auto& [key, value] : self.slots_) {
      if (key != 0) fn(key, value);
    }
  }

  // Fibonacci hashing: the top bits of key × 2^64/φ, so that keys differing only in their low
  // bits still spread.
  size_t Home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  void Grow() {
    std::vector<std::pair<uint64_t, V>> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    shift_ = 64;
    for (size_t n = slots_.size(); n > 1; n >>= 1) --shift_;
    for (auto& [key, value] : old) {
      if (key == 0) continue;
      size_t i = Home(key);
      while (slots_[i].first != 0) i = (i + 1) & mask_;
      slots_[i] = {key, std::move(value)};
    }
  }

  std::vector<std::pair<uint64_t, V>> slots_;  // key 0 marks an empty slot
  size_t mask_ = 0;
  int shift_ = 64;
  size_t size_ = 0;  // keys in slots_
  // Key 0 is a valid key, kept beside the table.
  bool has_zero_ = false;
  V zero_{};
};

}  // namespace crossread

#endif  // CROSSREAD_COMMON_U64_MAP_H_
