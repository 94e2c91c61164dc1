#include <gtest/gtest.h>

#include <map>

#include "analyze/document.h"
#include "common/test_util.h"

namespace crossread::analyze {
namespace {

std::map<std::string, std::string> Types(const std::string& text) {
  Article a = testing::CleanArticle(text);
  Document d = Analyze(a);
  std::map<std::string, std::string> out;
  for (const Mention& m : d.mentions) out[m.name] = m.type;
  return out;
}

TEST(Mentions, TypesNamesByTitleGazetteerAndShape) {
  auto t = Types(
      "British Prime Minister Keir Starmer met Finnish President Alexander Stubb in Kyiv. "
      "The European Central Bank's president, Christine Lagarde, spoke to NATO and the Kremlin. "
      "Defence Secretary John Healey travelled to Paris from Downing Street.");
  EXPECT_EQ(t["Keir Starmer"], "PERSON");
  EXPECT_EQ(t["Alexander Stubb"], "PERSON");
  EXPECT_EQ(t["Christine Lagarde"], "PERSON");
  EXPECT_EQ(t["John Healey"], "PERSON");
  EXPECT_EQ(t["European Central Bank"], "ORG");
  EXPECT_EQ(t["NATO"], "ORG");
  EXPECT_EQ(t["Kremlin"], "ORG");
  EXPECT_EQ(t["Kyiv"], "PLACE");
  EXPECT_EQ(t["Paris"], "PLACE");
  EXPECT_EQ(t["Downing Street"], "PLACE");
  EXPECT_EQ(t.count("British"), 0u);  // a demonym is a description, not an entity
  EXPECT_EQ(t.count("Defence Secretary"), 0u);
}

TEST(Mentions, KeepsTitlesAsDescriptionsAndResolvesSurnames) {
  Article a = testing::CleanArticle(
      "UK Prime Minister Sir Keir Starmer hosted the call. Starmer said it went well.");
  Document d = Analyze(a);
  ASSERT_EQ(d.mentions.size(), 2u);  // "UK" is part of the title
  const Mention* full = nullptr;
  for (const Mention& m : d.mentions) {
    if (m.surface == "Sir Keir Starmer") full = &m;
  }
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->name, "Keir Starmer");
  EXPECT_EQ(full->description, "UK Prime Minister");
  EXPECT_EQ(d.mentions.back().surface, "Starmer");
  EXPECT_EQ(d.mentions.back().name, "Keir Starmer");
  EXPECT_EQ(d.mentions.back().type, "PERSON");
}

TEST(Mentions, ANameBesideACueSpeaksButAPeopleIsNoPerson) {
  auto t = Types(
      "The poll was published on Monday. Polls show Americans say climate change is "
      "real. The talks went on, Healey said.");
  EXPECT_NE(t["Americans"], "PERSON");
  EXPECT_EQ(t["Healey"], "PERSON");
}

TEST(Mentions, DropsSentenceInitialCommonWordsAndDates) {
  auto t = Types("Leaders met on Saturday in March. However Moscow said no. leaders agreed.");
  EXPECT_EQ(t.count("Leaders"), 0u);
  EXPECT_EQ(t.count("Saturday"), 0u);
  EXPECT_EQ(t.count("However Moscow"), 0u);
  EXPECT_EQ(t["Moscow"], "PLACE");
}

}  // namespace
}  // namespace crossread::analyze
