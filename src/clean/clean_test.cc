#include <gtest/gtest.h>

#include "common/test_util.h"

namespace crossread {
namespace {

TEST(Clean, LanguageIsDetectedWhenNotGiven) {
  struct Case {
    const char* text;
    const char* language;  // "" = not reliably detectable
  } cases[] = {
      {"Leaders met in London on Saturday to discuss the plan for a ceasefire, and they agreed "
       "to meet again next month with their military chiefs.",
       "en"},
      {"Der Bundeskanzler sagte am Montag in Berlin, dass die Regierung die Pl\xC3\xA4ne "
       "f\xC3\xBCr "
       "die neue Steuer \xC3\xBC"
       "berpr\xC3\xBC"
       "fen werde und eine Entscheidung im Herbst erwartet.",
       "de"},
      {"Le pr\xC3\xA9sident a annonc\xC3\xA9 lundi \xC3\xA0 Paris que le gouvernement allait "
       "pr\xC3\xA9senter un nouveau projet de loi sur les retraites avant la fin de l'ann\xC3\xA9"
       "e.",
       "fr"},
      {"OK", ""},
  };
  for (const Case& c : cases) {
    Article a = testing::CleanArticle(c.text);
    EXPECT_EQ(a.language.value_or(""), c.language) << c.text;
  }
}

}  // namespace
}  // namespace crossread
