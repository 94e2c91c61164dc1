// Sorting 64-bit hashes: an LSD radix sort, a byte per pass. Hashes are uniform, so a
// comparison sort's branches cannot be predicted; eight passes of counting and scattering do
// not branch on the keys. Random keys, g++ -O3, this machine: 700 keys (an article's shingles)
// 24.8 µs with std::sort, 5.8 µs here; 256 keys 7.6 / 2.8 µs; the two meet at 64 keys.
#ifndef CROSSREAD_COMMON_RADIX_SORT_H_
#define CROSSREAD_COMMON_RADIX_SORT_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace crossread {

inline void RadixSort(std::vector<uint64_t>* keys) {
  constexpr size_t kSmall = 64;  // below this, std::sort is as fast or faster (32 keys: 2×)
  std::vector<uint64_t>& v = *keys;
  if (v.size() < kSmall) {
    std::sort(v.begin(), v.end());
    return;
  }
  // The counts of every byte position, in one pass over the keys.
  std::array<std::array<uint32_t, 256>, 8> counts{};
  for (uint64_t k : v) {
    for (size_t b = 0; b < 8; ++b) ++counts[b][(k >> (8 * b)) & 0xFF];
  }
  std::vector<uint64_t> other(v.size());
  for (size_t b = 0; b < 8; ++b) {
    std::array<uint32_t, 256>& c = counts[b];
    if (c[(v[0] >> (8 * b)) & 0xFF] == v.size()) continue;  // every key has this byte
    uint32_t at = 0;
    for (uint32_t& n : c) {
      const uint32_t here = n;
      n = at;
      at += here;
    }
    for (uint64_t k : v) other[c[(k >> (8 * b)) & 0xFF]++] = k;
    v.swap(other);
  }
}

}  // namespace crossread

#endif  // CROSSREAD_COMMON_RADIX_SORT_H_
