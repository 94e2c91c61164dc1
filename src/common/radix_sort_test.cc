#include "common/radix_sort.h"

#include <gtest/gtest.h>

#include <random>

namespace crossread {
namespace {

TEST(RadixSort, SortsAsStdSortDoes) {
  std::mt19937_64 rng(7);
  for (size_t n : {0, 1, 2, 63, 64, 65, 700, 5000}) {
    for (int kind = 0; kind < 3; ++kind) {
      std::vector<uint64_t> v(n);
      for (uint64_t& k : v) {
        k = rng();
        if (kind == 1) k &= 0xFF00FF;  // most bytes shared by every key
        if (kind == 2) k %= 5;         // many repeats
      }
      std::vector<uint64_t> want = v;
      std::sort(want.begin(), want.end());
      RadixSort(&v);
      EXPECT_EQ(v, want) << n << " keys of kind " << kind;
    }
  }
}

}  // namespace
}  // namespace crossread
