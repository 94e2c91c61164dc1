#include <gtest/gtest.h>

#include "common/test_util.h"
#include "crossread/pipeline.h"

namespace crossread {
namespace {

Event EventOf(const std::string& text) {
  Options options;
  options.threads = 1;
  Brief brief = BuildBrief({testing::CleanArticle(text, "2016-12-09", "a0")}, options);
  return brief.stories.at(0).event;
}

// Why and how come from the lead: the clause after a marker of cause or method.
TEST(Event, WhyAndHowAreTheLeadsCauseAndMethod) {
  Event e = EventOf(
      "Seven people were killed when a tram derailed after speeding round a sharp bend, "
      "police said.\n\nThe driver was arrested by officers at the scene.");
  EXPECT_EQ(e.why, "speeding round a sharp bend");
  EXPECT_FALSE(e.how);  // "by officers": no gerund, no method
  e = EventOf("Rescuers reached the boy by digging a parallel shaft through the night.");
  EXPECT_EQ(e.how, "digging a parallel shaft through the night");
  EXPECT_FALSE(e.why);
}

// "after" before a time says when, not why; "after that" and "after the blast" (an event told
// before) neither.
TEST(Event, AfterATimeIsNoCause) {
  Event e = EventOf(
      "The plant reopened after 10 years of repairs and after Sunday's vote, and after that the "
      "workers came back.");
  EXPECT_FALSE(e.why);
  EXPECT_FALSE(EventOf("Officers closed the road to all traffic after the blast.").why);
}

// A long untitled lead is cut for the headline, but not after a word that needs the next one.
TEST(Headline, IsCutAfterAWordThatCanEndIt) {
  Options options;
  options.threads = 1;
  Brief brief =
      BuildBrief({testing::CleanArticle(
                     "British Prime Minister Keir Starmer will urge around 25 world leaders "
                     "on Saturday to mount pressure on Russian President Vladimir Putin "
                     "to accept the Ukraine ceasefire.",
                     "2025-03-15", "a0")},
                 options);
  EXPECT_EQ(brief.stories.at(0).headline,
            "British Prime Minister Keir Starmer will urge around 25 world leaders on Saturday to "
            "mount pressure on Russian President Vladimir Putin to accept...");
}

}  // namespace
}  // namespace crossread
