#include "clean/boilerplate.h"

#include <gtest/gtest.h>

#include "common/test_util.h"

namespace crossread::clean {
namespace {

TEST(Boilerplate, ClassifiesLinesByLexiconAndShape) {
  const BoilerplateClassifier& c = BoilerplateClassifier::Default();
  struct Case {
    const char* line;
    bool boilerplate;
  } cases[] = {
      {"By continuing to browse our site you agree to our use of cookies, revised Privacy Policy "
       "and Terms of Use. You can change your cookie settings through your browser.",
       true},
      {"CHOOSE YOUR LANGUAGE", true},
      {"\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91\xE6\x96\xB0\xE9\x97\xBB\xE4\xBF\xA1\xE6\x81\xAF"
       "\xE8\xAE\xB8\xE5\x8F\xAF\xE8\xAF\x81"
       "10120180008",
       true},
      {"Disinformation report hotline: 010-85061466", true},
      {"Also Read", true},
      {"We'll bring you more lines here as we get them.", true},
      {"British Prime Minister Keir Starmer speaks with European leaders at 10 Downing Street in "
       "London, England, March 15, 2025. /VCG",
       true},
      {"-----", true},
      {"Starmer accused Putin of trying to delay matters.", false},
      {"Around two dozen leaders took part, including those from Germany and France.", false},
      {"The hotline received 4,000 calls from worried parents in the first week of the year, "
       "officials said on Tuesday, and more staff will be hired to answer them.",
       false},
      {"Virtual summit under way", false},
  };
  for (const Case& k : cases) {
    EXPECT_EQ(!c.Classify(k.line).empty(), k.boilerplate) << k.line;
  }
}

TEST(Boilerplate, DropsLinesRepeatedWithinAnArticle) {
  Article a = testing::CleanArticle(
      "Menu item\nThe council voted on Monday to close the road.\nMenu item\nIt reopens in May.");
  EXPECT_EQ(a.text, "The council voted on Monday to close the road.\n\nIt reopens in May.");
  ASSERT_EQ(a.removed.size(), 2u);
  EXPECT_EQ(a.removed[0], "Menu item");
}

TEST(Boilerplate, DropsShortLinesRepeatedAcrossThreeArticles) {
  std::vector<Article> v(3);
  for (int i = 0; i < 3; ++i) {
    v[i].id = "a" + std::to_string(i);
    v[i].raw_text = "Sign in to comment\nStory number " + std::to_string(i) + " has its own body.";
  }
  CleanArticles(v);
  for (const Article& a : v) {
    EXPECT_EQ(a.text.find("Sign in"), std::string::npos) << a.text;
    EXPECT_EQ(a.removed.size(), 1u);
  }
}

}  // namespace
}  // namespace crossread::clean
