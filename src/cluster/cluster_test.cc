#include "cluster/cluster.h"

#include <gtest/gtest.h>

#include "sketch/minhash.h"
#include "sketch/terms.h"

namespace crossread::cluster {
namespace {

TEST(NearDuplicates, GroupsCopiesAndReportsTheirSimilarity) {
  std::string story =
      "The council voted on Monday to close the bridge for repairs after engineers found cracks "
      "in two of its supports, and the mayor said the work would take six weeks to complete.";
  std::vector<std::string> texts = {
      story, "A different story entirely about football results and transfer rumours this week.",
      story + " Updated at noon.", story};
  std::vector<std::vector<uint64_t>> sets;
  for (const auto& t : texts) sets.push_back(sketch::Shingles(t, 5));
  auto groups = NearDuplicates(sets, 0.8);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members, (std::vector<uint32_t>{0, 2, 3}));
  EXPECT_NEAR(groups[0].similarity, sketch::Jaccard(sets[0], sets[2]), 1e-9);
}

TEST(Stories, SameEventTogetherOtherEventApart) {
  std::vector<std::string> texts = {
      "An earthquake of magnitude 7.1 struck off the coast of Japan near Fukushima on Tuesday.",
      "A strong earthquake hit Fukushima in Japan on Tuesday, shaking buildings in Tokyo.",
      "The central bank raised interest rates by half a point to fight inflation in Brazil.",
  };
  sketch::DocumentFrequencies df;
  std::vector<std::vector<uint64_t>> terms;
  for (const auto& t : texts) {
    terms.push_back(sketch::ContentTerms(t));
    df.Add(terms.back());
  }
  std::vector<StoryFeatures> f(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) f[i].terms = sketch::TfIdf(terms[i], df);
  f[0].entities = f[1].entities = {"Fukushima", "Japan"};
  f[2].entities = {"Brazil"};
  EXPECT_EQ(ClusterStories(f, StoryOptions()), (std::vector<uint32_t>{0, 0, 1}));
}

}  // namespace
}  // namespace crossread::cluster
