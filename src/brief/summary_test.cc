#include <gtest/gtest.h>

#include "common/strings.h"
#include "common/test_util.h"

namespace crossread {
namespace {

std::vector<Article> Story(const std::vector<std::string>& texts) {
  std::vector<Article> out;
  for (size_t i = 0; i < texts.size(); ++i) {
    out.push_back(testing::CleanArticle(texts[i], "2025-03-15", "a" + std::to_string(i)));
  }
  return out;
}

std::string Joined(const std::vector<SummarySentence>& summary) {
  std::string out;
  for (const SummarySentence& s : summary) out += s.text + "\n";
  return out;
}

// Three outlets on one rescue; each also carries a sentence of its own that no other shares.
const std::vector<std::string> kRescue = {
    "Local officials spoke to reporters at length about the weather and the roads today.\n\n"
    "Rescuers pulled twelve miners from the flooded shaft near Tarnow on Tuesday night.",
    "Rescuers pulled twelve miners from the flooded shaft after a day of pumping water.\n\n"
    "The regional football club announced a new coach for the coming season on Monday.",
    "A bakery near the station opened its doors to customers with free bread and coffee.\n\n"
    "All twelve miners from the flooded shaft were alive, and rescuers pulled them out."};

TEST(Summary, PrefersWhatTheOutletsShare) {
  Options options;
  options.summary_words = 16;
  std::vector<SummarySentence> summary = Summarize(Story(kRescue), options);
  ASSERT_EQ(summary.size(), 1u) << Joined(summary);
  EXPECT_NE(summary[0].text.find("twelve miners from the flooded shaft"), std::string::npos)
      << Joined(summary);
}

TEST(Summary, PrefersASentenceThatStandsAlone) {
  // The same claim twice in as many words; the first outlet's version leans on the sentence
  // before it.
  Options options;
  options.summary_words = 16;
  std::vector<SummarySentence> summary = Summarize(
      Story({"But twelve miners were pulled from the flooded shaft near Tarnow on Tuesday.",
             "All twelve miners were pulled from the flooded shaft near Tarnow on Tuesday."}),
      options);
  ASSERT_EQ(summary.size(), 1u) << Joined(summary);
  EXPECT_EQ(summary[0].article, "a1") << Joined(summary);
}

TEST(Summary, StaysWithinItsWordsAndNeverRepeatsASentence) {
  Options options;
  for (int words : {10, 30, 60, 200}) {
    options.summary_words = words;
    std::vector<SummarySentence> summary = Summarize(Story(kRescue), options);
    int used = 0;
    for (size_t i = 0; i < summary.size(); ++i) {
      used += CountWords(summary[i].text);
      for (size_t j = 0; j < i; ++j) EXPECT_NE(summary[i].text, summary[j].text);
    }
    EXPECT_LE(used, words) << Joined(summary);
  }
  // With room for everything, one of the near-identical rescue sentences comes first and the
  // others, which add nothing to it, are passed over.
  options.summary_words = 200;
  std::vector<SummarySentence> all = Summarize(Story(kRescue), options);
  ASSERT_FALSE(all.empty());
  EXPECT_NE(all[0].text.find("twelve miners"), std::string::npos) << Joined(all);
  int rescues = 0;
  for (const SummarySentence& s : all) rescues += s.text.find("twelve miners") != std::string::npos;
  EXPECT_EQ(rescues, 1) << Joined(all);
}

TEST(Summary, OneArticleStillGetsASummary) {
  Options options;
  options.summary_words = 40;
  std::vector<SummarySentence> summary = Summarize(Story({kRescue[0]}), options);
  ASSERT_FALSE(summary.empty());
  EXPECT_EQ(summary[0].article, "a0");
}

}  // namespace
}  // namespace crossread
