#include "common/u64_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace crossread {
namespace {

// Random inserts and lookups, with keys that collide in their home slots and key 0, agree with
// std::map; iteration visits every entry once.
TEST(U64Map, AgreesWithStdMap) {
  std::mt19937_64 rng(5);
  U64Map<int> map;
  std::map<uint64_t, int> reference;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 20000; ++i) {
      // Small keys share their top bits after the multiply less than random ones: mix both.
      const uint64_t key = i % 3 == 0 ? rng() % 64 : rng() % 5000 * 0x100000000ULL;
      if (rng() % 2) {
        bool inserted = false;
        map.Insert(key, &inserted) += 1;
        EXPECT_EQ(inserted, reference.count(key) == 0);
        reference[key] += 1;
      } else {
        const int* v = map.Find(key);
        auto it = reference.find(key);
        ASSERT_EQ(v != nullptr, it != reference.end());
        if (v) {
          EXPECT_EQ(*v, it->second);
        }
      }
    }
    EXPECT_EQ(map.size(), reference.size());
    std::map<uint64_t, int> seen;
    map.ForEach([&](uint64_t k, int v) { EXPECT_TRUE(seen.emplace(k, v).second); });
    EXPECT_EQ(seen, reference);
    map.Clear();
    reference.clear();
    EXPECT_TRUE(map.empty());
    EXPECT_EQ(map.Find(0), nullptr);
  }
}

TEST(U64Map, ForEachMayChangeTheValues) {
  const std::vector<uint64_t> keys = {0, 1, 2, 1000, 1ULL << 63};
  U64Map<int> map;
  for (uint64_t key : keys) map[key] = static_cast<int>(key % 7);
  map.ForEach([](uint64_t, int& v) { v += 10; });
  for (uint64_t key : keys) {
    ASSERT_NE(map.Find(key), nullptr);
    EXPECT_EQ(*map.Find(key), static_cast<int>(key % 7) + 10);
  }
}

}  // namespace
}  // namespace crossread
