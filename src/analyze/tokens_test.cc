#include <gtest/gtest.h>

#include "analyze/document.h"
#include "common/test_util.h"

namespace crossread::analyze {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Article a = testing::CleanArticle(text);
  Document d = Analyze(a);
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.Text(s.span));
  return out;
}

TEST(Sentences, SurviveAbbreviationsDecimalsAndQuotes) {
  struct Case {
    const char* text;
    std::vector<std::string> sentences;
  } cases[] = {
      {"U.K. Prime Minister Keir Starmer spoke. He left.",
       {"U.K. Prime Minister Keir Starmer spoke.", "He left."}},
      {"Trump clashed with Zelenskyy on Feb. 28 in the Oval Office. Then talks resumed.",
       {"Trump clashed with Zelenskyy on Feb. 28 in the Oval Office.", "Then talks resumed."}},
      {"Support from the U.S. The meeting went on.", {"Support from the U.S.", "The meeting went on."}},
      {"Aid rose 3.5 percent to $1.2bn. Mr. Smith agreed.",
       {"Aid rose 3.5 percent to $1.2bn.", "Mr. Smith agreed."}},
      {"He said \"Stop now.\" Then he left.", {"He said \"Stop now.\"", "Then he left."}},
      {"\"Stop now,\" he said. Sir Keir Starmer agreed.",
       {"\"Stop now,\" he said.", "Sir Keir Starmer agreed."}},
      {"Is it over? Nobody knows!", {"Is it over?", "Nobody knows!"}},
      {"First paragraph without a stop\n\nSecond one.", {"First paragraph without a stop", "Second one."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

// A bullet's sentence is quoted without its list marker; a minus sign or a double dash stays.
TEST(Sentences, AreQuotedWithoutTheirListMarker) {
  Article a = testing::CleanArticle(
      "- Downing Street says 25 leaders will attend\n\n_ In his book, he estimates it.\n\n"
      "_No salmon stock is threatened.\n\n\u2022 Talks resume.\n\n-3 degrees were measured "
      "there.\n\n-- Not a bullet.");
  Document d = Analyze(a);
  std::vector<std::string> quoted;
  for (uint32_t s = 0; s < d.sentences.size(); ++s) quoted.emplace_back(d.Text(d.SentenceSpan(s)));
  EXPECT_EQ(quoted, (std::vector<std::string>{
                        "Downing Street says 25 leaders will attend",
                        "In his book, he estimates it.", "No salmon stock is threatened.",
                        "Talks resume.", "-3 degrees were measured there.", "-- Not a bullet."}));
}

TEST(Tokens, KeepsAbbreviationsAndSplitsPossessives) {
  Article a = testing::CleanArticle("The U.K.'s 30-day plan, Trump's deal.");
  Document d = Analyze(a);
  std::vector<std::string> toks;
  for (uint32_t k = 0; k < d.tokens.size(); ++k) toks.emplace_back(d.TokenText(k));
  EXPECT_EQ(toks, (std::vector<std::string>{"The", "U.K.", "'s", "30-day", "plan", ",", "Trump",
                                            "'s", "deal", "."}));
}

TEST(Tokens, FollowThePennTreebank) {
  Article a = testing::CleanArticle("We can't go -- he cannot, she'll say at 1:30 on 9/11...");
  Document d = Analyze(a);
  std::vector<std::string> toks;
  for (uint32_t k = 0; k < d.tokens.size(); ++k) toks.emplace_back(d.TokenText(k));
  EXPECT_EQ(toks, (std::vector<std::string>{"We", "ca", "n't", "go", "--", "he", "can", "not", ",",
                                            "she", "'ll", "say", "at", "1:30", "on", "9/11", "..."}));
}

}  // namespace
}  // namespace crossread::analyze
