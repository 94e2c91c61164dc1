#include "sketch/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace crossread::sketch {
namespace {

std::string RandomText(std::mt19937* rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) s += "w" + std::to_string((*rng)() % 400) + " ";
  return s;
}

// The MinHash estimate tracks exact Jaccard within the expected error of 128 permutations.
TEST(MinHash, EstimatesExactJaccard) {
  std::mt19937 rng(7);
  MinHasher hasher;
  double worst = 0;
  for (int trial = 0; trial < 40; ++trial) {
    std::string a = RandomText(&rng, 300);
    std::string b = a.substr(0, a.size() * (trial % 10) / 10) + RandomText(&rng, 100);
    auto sa = Shingles(a, 5), sb = Shingles(b, 5);
    double exact = Jaccard(sa, sb);
    double est = MinHasher::Estimate(hasher.Signature(sa), hasher.Signature(sb));
    worst = std::max(worst, std::abs(exact - est));
  }
  EXPECT_LT(worst, 0.15);  // 3.4 standard deviations of a 128-sample estimate at J = 0.5
}

TEST(MinHash, LshProposesNearDuplicatesAndNotStrangers) {
  std::mt19937 rng(11);
  MinHasher hasher;
  std::string base = RandomText(&rng, 400);
  std::string copy = base + " one more line added by the editor";
  std::string other = RandomText(&rng, 400);
  std::vector<std::vector<uint32_t>> sigs = {hasher.Signature(Shingles(base, 5)),
                                             hasher.Signature(Shingles(copy, 5)),
                                             hasher.Signature(Shingles(other, 5))};
  auto pairs = LshCandidates(sigs, 32);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (std::pair<uint32_t, uint32_t>{0, 1}));
}

// 5,000 copies of one text: every copy is proposed with another, in pairs linear in the copies.
TEST(MinHash, ManyCopiesProposeLinearlyManyPairs) {
  std::mt19937 rng(12);
  MinHasher hasher;
  std::vector<uint32_t> sig = hasher.Signature(Shingles(RandomText(&rng, 200), 5));
  std::vector<std::vector<uint32_t>> sigs(5000, sig);
  auto pairs = LshCandidates(sigs, 32);
  EXPECT_LE(pairs.size(), 2u * sigs.size());  // the same pairs in every band
  std::vector<bool> linked(sigs.size(), false);
  for (auto [a, b] : pairs) linked[a] = linked[b] = true;
  EXPECT_EQ(std::count(linked.begin(), linked.end(), true), 5000);
}

// A signature depends on the shingle set only: text order and repeats do not change it.
TEST(MinHash, SignatureOfTheShingleHashesIsThatOfTheSet) {
  std::mt19937 rng(13);
  MinHasher hasher;
  std::string text = RandomText(&rng, 100);
  text += text;  // every shingle twice
  EXPECT_GT(ShingleHashes(text, 5).size(), Shingles(text, 5).size());
  EXPECT_EQ(hasher.Signature(ShingleHashes(text, 5)), hasher.Signature(Shingles(text, 5)));
}

// A text of a few shingles leaves most bins empty; densification fills them from its own bins,
// so that copies still agree everywhere and strangers almost nowhere.
TEST(MinHash, ShortTextsGetWholeSignatures) {
  std::mt19937 rng(14);
  MinHasher hasher;
  const std::string text = RandomText(&rng, 12);  // 8 shingles for 128 bins
  const std::vector<uint32_t> sig = hasher.Signature(Shingles(text, 5));
  std::vector<uint32_t> values = sig;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  EXPECT_LE(values.size(), 8u);
  EXPECT_EQ(std::count(sig.begin(), sig.end(), UINT32_MAX), 0);
  EXPECT_EQ(MinHasher::Estimate(sig, hasher.Signature(Shingles(text + " ", 5))), 1.0);
  EXPECT_LT(MinHasher::Estimate(sig, hasher.Signature(Shingles(RandomText(&rng, 12), 5))), 0.2);
}

TEST(MinHash, ShinglesAreCaseAndPunctuationBlind) {
  EXPECT_EQ(Shingles("The cat sat on the mat today.", 3),
            Shingles("the CAT, sat on THE mat today", 3));
  EXPECT_EQ(Jaccard({}, {}), 1.0);
}

}  // namespace
}  // namespace crossread::sketch
