#include <gtest/gtest.h>

#include "crossread/brief.h"

namespace crossread {
namespace {

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// A story of two articles sharing 105 claims and reporting one alone.
Brief ManySharedFacts() {
  Brief b;
  for (const char* id : {"a", "b"}) {
    Article a;
    a.id = id;
    a.text = "Text.";
    b.articles.push_back(a);
    b.story_of[id] = "s1";
  }
  Story s;
  s.id = "s1";
  s.headline = "Many claims";
  s.articles = {"a", "b"};
  for (int i = 1; i <= 106; ++i) {
    Fact f;
    f.id = "f" + std::to_string(i);
    f.text = "Claim number " + std::to_string(i) + ".";
    f.articles = i <= 105 ? std::vector<std::string>{"a", "b"} : std::vector<std::string>{"a"};
    s.facts.push_back(f);
  }
  b.stories.push_back(s);
  return b;
}

TEST(Render, TheMatrixShowsTheMostCarriedFactsAndCountsTheRest) {
  const Brief b = ManySharedFacts();
  const std::string html = RenderBriefHtml(b);
  EXPECT_EQ(Count(html, "<td class=\"y\">"), 200u);  // 100 rows of two articles
  EXPECT_NE(html.find("Claim number 100."), std::string::npos);
  EXPECT_EQ(html.find("Claim number 101."), std::string::npos);
  EXPECT_NE(html.find("and 5 more facts that two or more articles carry"), std::string::npos);
  const std::string md = RenderBriefMarkdown(b);
  EXPECT_NE(md.find("| Claim number 100. |"), std::string::npos);
  EXPECT_EQ(md.find("| Claim number 101. |"), std::string::npos);
  EXPECT_NE(md.find("and 5 more facts that two or more articles carry"), std::string::npos);
}

}  // namespace
}  // namespace crossread
