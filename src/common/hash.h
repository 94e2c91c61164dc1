// 64-bit hashing (xxHash's XXH3), the one hash the engine uses for shingles and keys.
#ifndef CROSSREAD_COMMON_HASH_H_
#define CROSSREAD_COMMON_HASH_H_

#include <cstdint>
#include <string_view>

namespace crossread {

uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

// Mixes two hashes into one (order matters).
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  return a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
}

}  // namespace crossread

#endif  // CROSSREAD_COMMON_HASH_H_
