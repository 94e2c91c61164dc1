#include "clean/metadata.h"

#include <gtest/gtest.h>

#include "common/test_util.h"

namespace crossread::clean {
namespace {

TEST(Metadata, ParsesHeaderDates) {
  auto h = ParseHeaderDate(" date 2025-03-15 British Prime Minister");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->date, "2025-03-15");
  EXPECT_EQ(std::string(" date 2025-03-15 British").substr(h->consumed), "British");
  EXPECT_TRUE(ParseHeaderDate("Published: 2024-01-02T10:00:00Z Body"));
  EXPECT_FALSE(ParseHeaderDate("dated 2025-03-15 is not a header"));
  EXPECT_FALSE(ParseHeaderDate("date unknown"));
}

TEST(Metadata, ParsesDatelines) {
  struct Case {
    const char* text;
    const char* place;
    const char* wire;  // "" for none
    const char* rest;
  } cases[] = {
      {"LONDON \xE2\x80\x94 (AP) \xE2\x80\x94 U.K. Prime Minister", "LONDON", "AP",
       "U.K. Prime Minister"},
      {"PARIS (Reuters) - France said", "PARIS", "Reuters", "France said"},
      {"SEOUL, South Korea \xE2\x80\x94 South Korea succeeded", "SEOUL, South Korea", "",
       "South Korea succeeded"},
      {"NEW YORK (AFP) - Stocks rose", "NEW YORK", "AFP", "Stocks rose"},
      {"SYDNEY, September 28 (Xinhua) -- Russian runner", "SYDNEY", "Xinhua", "Russian runner"},
      {"WINNIPEG, Canada, Aug. 7 (Xinhua) -- The human", "WINNIPEG, Canada", "Xinhua", "The human"},
      {"CROW AGENCY, Mont. _ First the Crow", "CROW AGENCY, Mont.", "", "First the Crow"},
      {"BERLIN (AP) _ Germany's second trial", "BERLIN", "AP", "Germany's second trial"},
  };
  for (const Case& c : cases) {
    auto d = ParseDateline(c.text);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(d->place, c.place);
    EXPECT_EQ(d->wire.value_or(""), c.wire);
    EXPECT_EQ(std::string(c.text).substr(d->consumed), c.rest);
  }
  EXPECT_FALSE(ParseDateline("U.K. Prime Minister Keir Starmer has told"));
  EXPECT_FALSE(ParseDateline("NATO allies met on Friday."));
  EXPECT_FALSE(ParseDateline("US President Donald Trump said"));
  EXPECT_FALSE(ParseDateline("PARIS, September 2025 - a month of strikes"));
  EXPECT_FALSE(ParseDateline("SEPT_2025 results"));
}

TEST(Metadata, ParsesCreditsAndWireMentions) {
  EXPECT_EQ(ParseCreditLine("(With inputs from Reuters)").value_or(""), "Reuters");
  EXPECT_EQ(ParseCreditLine("With inputs from PTI").value_or(""), "PTI");
  EXPECT_EQ(ParseCreditLine("(Reporting by A; Editing by B)").value_or(""), "Reuters");
  EXPECT_FALSE(ParseCreditLine("Inputs were collected from farmers."));
  auto wires = FindWireMentions("The talks stalled, Reuters reported. Earlier (AP) said.");
  EXPECT_EQ(wires, (std::vector<std::string>{"AP", "Reuters"}));
  EXPECT_EQ(CanonicalWire("Associated Press"), "AP");
}

TEST(Metadata, CleanArticleTakesHeaderDatelineAndCredit) {
  Article a = testing::CleanArticle(
      " date 2025-03-15 LONDON \xE2\x80\x94 (AP) \xE2\x80\x94 Leaders met.\n\nThey talked.\n"
      "(With inputs from Reuters)\n");
  EXPECT_EQ(a.published.value_or(""), "2025-03-15");
  EXPECT_EQ(a.dateline.value_or(""), "LONDON");
  EXPECT_EQ(a.wire, (std::vector<std::string>{"AP", "Reuters"}));
  EXPECT_EQ(a.text, "Leaders met.\n\nThey talked.");
  EXPECT_EQ(a.RawCodePoint(0), std::string(" date 2025-03-15 LONDON — (AP) — ").size() - 4);
}

}  // namespace
}  // namespace crossread::clean
