#include "cluster/cluster.h"

#include <gtest/gtest.h>

#include "crossread/pipeline.h"
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
  std::vector<Article> articles(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) articles[i].text = texts[i];
  auto groups = NearDuplicates(articles, 0.8, 2);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members, (std::vector<uint32_t>{0, 2, 3}));
  EXPECT_NEAR(groups[0].similarity,
              sketch::Jaccard(sketch::Shingles(texts[0], 5), sketch::Shingles(texts[2], 5)), 1e-9);
}

TEST(SketchBatch, IsTheNearDuplicatesAndFeaturesOfTheBatch) {
  std::string story =
      "Keir Starmer said on Monday that the council voted to close the bridge for repairs after "
      "engineers found cracks in two of its supports; the work would take six weeks.";
  std::vector<std::string> texts = {
      story, "A different story entirely about Arsenal's results and transfer rumours this week.",
      story + " Updated at noon.", "", story};
  std::vector<Article> articles(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) articles[i].text = texts[i];
  articles[1].published = "2025-03-15";
  const std::vector<StoryFeatures> one = SketchBatch(articles, 0.8, 2);
  const std::vector<StoryFeatures> two = FeaturesOf(articles, DuplicateOf(articles, 0.8, 2), 2);
  ASSERT_EQ(one.size(), two.size());
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].terms, two[i].terms) << i;
    EXPECT_EQ(one[i].entities, two[i].entities) << i;
    EXPECT_EQ(one[i].published, two[i].published) << i;
    EXPECT_EQ(one[i].duplicate_of, two[i].duplicate_of) << i;
  }
  EXPECT_EQ(one[2].duplicate_of, 0u);
  EXPECT_EQ(one[4].duplicate_of, 0u);
  EXPECT_EQ(one[0].entities, (std::vector<std::string>{"Keir Starmer"}));
  EXPECT_EQ(one[1].entities, (std::vector<std::string>{"Arsenal"}));  // "A" is a stopword
}

TEST(FeaturesOf, CountTheHeadlineThriceAndTakeItsNames) {
  std::vector<Article> articles(2);
  articles[0].text = articles[1].text = "Officials in Bermuda met on Monday.";
  articles[1].title = "Panama Papers leak";
  const std::vector<StoryFeatures> f = FeaturesOf(articles, {std::nullopt, std::nullopt}, 1);
  std::vector<uint64_t> expected = sketch::ContentTerms(articles[0].text);
  for (int k = 0; k < 3; ++k) {
    for (uint64_t t : sketch::ContentTerms(*articles[1].title)) expected.push_back(t);
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(f[1].terms, expected);
  EXPECT_EQ(f[0].entities, (std::vector<std::string>{"Bermuda", "Officials"}));
  EXPECT_EQ(f[1].entities, (std::vector<std::string>{"Bermuda", "Officials", "Panama Papers"}));
}

TEST(Stories, SameEventTogetherOtherEventApart) {
  std::vector<std::string> texts = {
      "An earthquake of magnitude 7.1 struck off the coast of Japan near Fukushima on Tuesday.",
      "A strong earthquake hit Fukushima in Japan on Tuesday, shaking buildings in Tokyo.",
      "The central bank raised interest rates by half a point to fight inflation in Brazil.",
  };
  std::vector<StoryFeatures> f(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) f[i].terms = sketch::ContentTerms(texts[i]);
  f[0].entities = f[1].entities = {"Fukushima", "Japan"};
  f[2].entities = {"Brazil"};
  EXPECT_EQ(ClusterStories(f, StoryOptions()), (std::vector<uint32_t>{0, 0, 1}));
}

std::vector<StoryFeatures> Features(const std::vector<std::string>& texts, const char* day) {
  std::vector<StoryFeatures> f(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    f[i].terms = sketch::ContentTerms(texts[i]);
    f[i].published = ParseIsoDay(day);
  }
  return f;
}

TEST(StoryStream, SavedStateGoesOnAsIfNeverStopped) {
  std::vector<StoryFeatures> first = Features(
      {"An earthquake of magnitude 7.1 struck off the coast of Japan near Fukushima.",
       "The central bank raised interest rates by half a point to fight inflation in Brazil."},
      "2025-03-01");
  first[0].entities = {"Fukushima", "Japan"};
  first[1].entities = {"Brazil"};
  std::vector<StoryFeatures> second =
      Features({"Brazil's central bank said inflation forced the rise in interest rates.",
                "Rescuers searched collapsed buildings in Fukushima after the earthquake in Japan.",
                "A new species of frog was found in the rainforest of Madagascar by biologists."},
               "2025-03-02");
  second[0].entities = {"Brazil"};
  second[1].entities = {"Fukushima", "Japan"};
  second[2].entities = {"Madagascar"};

  StoryStream straight{StoryOptions()};
  EXPECT_EQ(straight.Add(first), (std::vector<uint32_t>{0, 1}));
  std::vector<uint32_t> expected = straight.Add(second);
  EXPECT_EQ(expected, (std::vector<uint32_t>{1, 0, 2}));

  StoryStream before{StoryOptions()};
  before.Add(first);
  std::optional<StoryStream> resumed = StoryStream::Load(
      before.SaveFrequencies(), {before.SaveStory(0), before.SaveStory(1)}, StoryOptions());
  ASSERT_TRUE(resumed.has_value());
  EXPECT_EQ(resumed->stories(), 2u);
  EXPECT_EQ(resumed->Add(second), expected);
}

TEST(StoryStream, SavedStateOfUndatedArticlesGoesOn) {
  std::vector<StoryFeatures> first = Features(
      {"An earthquake of magnitude 7.1 struck off the coast of Japan near Fukushima.",
       "The central bank raised interest rates by half a point to fight inflation in Brazil."},
      "2025-03-01");
  std::vector<StoryFeatures> second =
      Features({"Rescuers searched collapsed buildings in Fukushima after the earthquake in Japan.",
                "Brazil's central bank said inflation forced the rise in interest rates."},
               "2025-03-02");
  for (StoryFeatures& f : first) f.published.reset();
  for (StoryFeatures& f : second) f.published.reset();
  StoryStream before{StoryOptions()};
  EXPECT_EQ(before.Add(first), (std::vector<uint32_t>{0, 1}));
  std::optional<StoryStream> resumed = StoryStream::Load(
      before.SaveFrequencies(), {before.SaveStory(0), before.SaveStory(1)}, StoryOptions());
  ASSERT_TRUE(resumed.has_value());
  EXPECT_EQ(resumed->Add(second), (std::vector<uint32_t>{0, 1}));
}

TEST(StoryStream, StoriesOutOfTheTimeWindowCloseAndStayClosed) {
  StoryStream stream{StoryOptions()};
  const std::string text = "Floods closed roads across the north of England on Sunday.";
  std::vector<StoryFeatures> batch = Features({text, text}, "2025-01-05");
  batch[1].published = ParseIsoDay("2025-01-06");
  EXPECT_EQ(stream.Add(batch), (std::vector<uint32_t>{0, 0}));
  EXPECT_EQ(stream.open_stories(), 1u);
  // Four days after the story's last day: the decay has only begun, so it is joined.
  EXPECT_EQ(stream.Add(Features({text}, "2025-01-10")), (std::vector<uint32_t>{0}));
  // A month later the same words open a new story, and the first one closes.
  EXPECT_EQ(stream.Add(Features({text}, "2025-03-01")), (std::vector<uint32_t>{1}));
  EXPECT_EQ(stream.open_stories(), 1u);
  EXPECT_EQ(stream.stories(), 2u);
  // Saved and loaded, the closed story stays closed: a late article of its days opens a story.
  std::optional<StoryStream> resumed = StoryStream::Load(
      stream.SaveFrequencies(), {stream.SaveStory(0), stream.SaveStory(1)}, StoryOptions());
  ASSERT_TRUE(resumed.has_value());
  EXPECT_EQ(resumed->open_stories(), 1u);
  EXPECT_EQ(resumed->Add(Features({text}, "2025-01-11")), (std::vector<uint32_t>{2}));
}

// `crossread cluster` takes a large input a batch at a time: a story opened in one batch goes on
// in the next, and the ids follow input order.
TEST(ClusterCommand, StoriesGoOnAcrossBatches) {
  const std::string events[] = {
      "An earthquake of magnitude 7.1 struck off the coast of Japan near Fukushima, shaking "
      "buildings in Tokyo; rescue teams searched collapsed homes in the port town.",
      "The central bank of Brazil raised interest rates by half a point to fight inflation, "
      "and the finance minister said the economy would slow in the second half."};
  std::vector<Article> articles(4100);
  for (size_t i = 0; i < articles.size(); ++i) {
    articles[i].id = "a" + std::to_string(i);
    articles[i].raw_text = events[i % 2] + " Update " + std::to_string(i) + ".";
    articles[i].published = i < 2050 ? "2025-03-15" : "2025-03-16";
  }
  std::vector<std::string> story = ::crossread::ClusterStories(std::move(articles), Options());
  ASSERT_EQ(story.size(), 4100u);
  EXPECT_EQ(story[0], "s1");
  EXPECT_EQ(story[1], "s2");
  for (size_t i = 2; i < story.size(); ++i) ASSERT_EQ(story[i], story[i % 2]) << i;
}

TEST(StoryStream, LoadRejectsBytesItDidNotWrite) {
  StoryStream stream{StoryOptions()};
  stream.Add(
      Features({"Floods closed roads across the north of England on Sunday."}, "2025-01-05"));
  const std::string df = stream.SaveFrequencies(), story = stream.SaveStory(0);
  auto load = [](const std::string& f, const std::string& s) {
    return StoryStream::Load(f, {s}, StoryOptions()).has_value();
  };
  EXPECT_TRUE(load(df, story));
  EXPECT_FALSE(load("", story));
  EXPECT_FALSE(load("not a state", story));
  EXPECT_FALSE(load(df + "x", story));
  EXPECT_FALSE(load(df, story + "x"));
  for (size_t cut = 0; cut < df.size(); cut += 7)
    EXPECT_FALSE(load(df.substr(0, cut), story)) << cut;
  for (size_t cut = 0; cut < story.size(); cut += 5) {
    EXPECT_FALSE(load(df, story.substr(0, cut))) << cut;
  }
}

}  // namespace
}  // namespace crossread::cluster
