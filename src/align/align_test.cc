#include "align/align.h"

#include <gtest/gtest.h>

#include "common/test_util.h"

namespace crossread::align {
namespace {

// Analysed articles that outlive the test's Docs view.
struct Story {
  std::vector<Article> articles;
  std::vector<analyze::Document> docs;
  Docs view;
  explicit Story(const std::vector<std::string>& texts,
                 const std::string& published = "2025-03-15") {
    for (size_t i = 0; i < texts.size(); ++i) {
      articles.push_back(testing::CleanArticle(texts[i], published, "a" + std::to_string(i)));
    }
    for (const Article& a : articles) docs.push_back(analyze::Analyze(a));
    for (const analyze::Document& d : docs) view.push_back(&d);
  }
};

TEST(Entities, MergesVariantsButNotNamesakes) {
  Story s({"Ukrainian President Volodymyr Zelenskyy met Boris Johnson. Zelenskyy spoke.",
           "President Volodymyr Zelensky thanked Dakota Johnson, the actress. Zelensky left."});
  EntityTable t = AlignEntities(s.view);
  const Entity* z = t.Find("Volodymyr Zelensky");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z, t.Find("Volodymyr Zelenskyy"));
  EXPECT_EQ(z->mentions.size(), 2u);
  ASSERT_NE(t.Find("Boris Johnson"), nullptr);
  EXPECT_NE(t.Find("Boris Johnson"), t.Find("Dakota Johnson"));
}

TEST(Reuse, FindsSharedPassagesAcrossSmallEdits) {
  const std::string shared =
      "If Russia finally comes to the table, then we must be ready to monitor a ceasefire to "
      "ensure it is a serious and enduring peace";
  Story s({"Intro one. " + shared + "; if they don't, we act, he said.",
           "Other intro here. \"" + shared + ". If they don't, we act,\" Starmer said.",
           "A third article shares nothing of the kind with the other two at all."});
  std::vector<Reuse> r = FindReuse(s.view, 12);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].articles, (std::vector<std::string>{"a0", "a1"}));
  EXPECT_GE(r[0].words, 25);
  EXPECT_EQ(r[0].text.substr(0, 17), "If Russia finally");
}

TEST(Conflicts, FlagsDifferentFiguresAndNotesCompatibleOnes) {
  Story s({"Around 25 leaders joined. The storm killed 12 people.",
           "Around two dozen leaders joined. The storm killed 40 people.",
           "About 25 leaders joined the call."});
  std::vector<Conflict> c = FindConflicts(s.view);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].about, "leader");
  EXPECT_TRUE(c[0].compatible);
  EXPECT_EQ(c[1].about, "people");
  EXPECT_FALSE(c[1].compatible);
}

TEST(Facts, GroupsParaphrasesAcrossArticlesOnly) {
  Story s(
      {"Britain could send peacekeepers to Ukraine in the event of a ceasefire deal. Rain fell.",
       "Britain and France say they could send peacekeepers to Ukraine after a ceasefire.",
       "Markets rose sharply in Tokyo on Monday after the central bank held rates."});
  FactTable t = AlignFacts(s.view);
  ASSERT_FALSE(t.facts.empty());
  EXPECT_EQ(t.facts[0].articles, (std::vector<std::string>{"a0", "a1"}));
  for (size_t i = 1; i < t.facts.size(); ++i) EXPECT_EQ(t.facts[i].articles.size(), 1u);
}

// "but not the U.S." is one clause of a sentence that is already a fact of two articles; the
// absence it reports is a fact of its own with the article that says so outright. A name that
// merely follows "not" elsewhere is no absence.
TEST(Facts, AParticipantLeftOutIsOneFactAlsoWithinAClause) {
  Story s(
      {"Around two dozen leaders took part in the call on Saturday, including those from "
       "Germany and France - but not the U.S.",
       "About two dozen leaders took part in the call on Saturday, with Germany and France.",
       "The United States is not represented at the meeting of the leaders.",
       "Officials said it was not Germany that asked for the call on Saturday."});
  FactTable t = AlignFacts(s.view);
  std::vector<std::vector<std::string>> shared;
  for (const Fact& f : t.facts) {
    if (f.articles.size() > 1) shared.push_back(f.articles);
  }
  EXPECT_EQ(shared, (std::vector<std::vector<std::string>>{{"a0", "a1"}, {"a0", "a2"}}));
}

TEST(Timeline, DatesEventsAndMergesTheSameOne) {
  Story s({"Trump clashed with Zelenskyy on Feb. 28 in the Oval Office.",
           "The two men clashed in the Oval Office on Feb. 28, officials said."});
  FactTable f = AlignFacts(s.view);
  std::vector<TimelineEntry> t = BuildTimeline(s.view, f);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2025-02-28");
  EXPECT_EQ(t[0].articles.size(), 2u);
}

TEST(Quotes, OneStatementInTwoOutletsIsOneQuote) {
  Story s(
      {"Keir Starmer spoke.\n\nMy message to the Kremlin could not be clearer: stop the "
       "attacks on Ukraine now, once and for all, he added.",
       "\"My message to the Kremlin could not be clearer: stop the attacks on Ukraine, once "
       "and for all,\" Prime Minister Keir Starmer said."});
  EntityTable e = AlignEntities(s.view);
  std::vector<Quote> q = AlignQuotes(s.view, e);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].instances.size(), 2u);
  EXPECT_EQ(q[0].speaker_name.value_or(""), "Keir Starmer");
  EXPECT_EQ(q[0].kind, "direct");
}

TEST(Quotes, OneSpeakersStatementInOtherWordsIsOneQuote) {
  // The seeds' wordings (examples/003 and 004): too few shared word pairs for one quote.
  Story s(
      {"Prime Minister Keir Starmer hosted the call.\n\nStarmer told reporters: \"We agreed "
       "we will keep increasing the pressure on Russia, keep the military aid flowing to "
       "Ukraine, and keep tightening restrictions on Russia's economy to weaken Putin's war "
       "machine and bring him to the table.\"",
       "Prime Minister Keir Starmer hosted the call.\n\nThis morning's participants, he "
       "said, had agreed to keep military aid flowing to Ukraine and tighten restrictions "
       "on the Russian economy, to weaken Vladimir Putin's war machine.",
       "President Vladimir Putin said Russia's economy would grow and that restrictions "
       "on it would fail."});
  EntityTable e = AlignEntities(s.view);
  std::vector<Quote> q = AlignQuotes(s.view, e);
  const Quote* agreed = nullptr;
  for (const Quote& x : q) {
    if (x.text.find("military aid") != std::string::npos) agreed = &x;
  }
  ASSERT_NE(agreed, nullptr);
  EXPECT_EQ(agreed->instances.size(), 2u);  // both outlets' wordings, not Putin's words
  EXPECT_EQ(agreed->speaker_name.value_or(""), "Keir Starmer");
}

// Reported speech that shares a phrase in the reporters' words ("Ukraine in the event of a
// ceasefire") is two statements; a partial quote is one with the direct quote it is cut from,
// though its framing words ("world leaders that Vladimir Putin will") are not the speaker's.
TEST(Quotes, ASharedPhraseIsNotASharedStatement) {
  Story s(
      {"Prime Minister Keir Starmer hosted the call.\n\nStarmer said Britain could send "
       "peacekeepers to Ukraine in the event of a ceasefire deal.\n\nStarmer told world "
       "leaders that Vladimir Putin will \"sooner or later\" have to \"come to the table.\"",
       "Prime Minister Keir Starmer hosted the call.\n\nStarmer said Western allies were "
       "stepping up preparations to support Ukraine in the event of a ceasefire with Russia, "
       "with defense chiefs meeting next week.\n\n\"My feeling is that sooner or later he's "
       "going to have to come to the table and engage in serious discussion,\" Starmer said."});
  EntityTable e = AlignEntities(s.view);
  std::vector<Quote> q = AlignQuotes(s.view, e);
  // The instances of the one quote that has `words` in one of its wordings.
  auto instances_with = [&](const std::string& words) -> size_t {
    std::vector<const Quote*> found;
    for (const Quote& x : q) {
      for (const QuoteInstance& i : x.instances) {
        if (i.text.find(words) != std::string::npos) {
          found.push_back(&x);
          break;
        }
      }
    }
    return found.size() == 1 ? found[0]->instances.size() : 0;
  };
  EXPECT_EQ(instances_with("send peacekeepers"), 1u);
  EXPECT_EQ(instances_with("stepping up preparations"), 1u);
  EXPECT_EQ(instances_with("My feeling"), 2u);  // and the partial quote of the first article
}

// A few words credited without marks or as reported speech ("[which] has backed", "backed
// [the plan]") are no statement; as many words in marks are.
TEST(Quotes, ShortUnmarkedOrReportedWordsAreNoQuote) {
  Story s({"Keir Starmer spoke on Saturday about the talks in London."});
  analyze::Document& d = s.docs[0];
  auto attribution = [&](const std::string& words, const std::string& kind) {
    const size_t at = d.article->text.find(words);
    analyze::Attribution a;
    a.contents.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())});
    a.cue = a.contents.back();
    a.speaker = "Keir Starmer";
    a.kind = kind;
    return a;
  };
  d.quotes = {attribution("spoke", "unmarked"), attribution("the talks", "indirect"),
              attribution("about the talks", "partial")};
  EntityTable e = AlignEntities(s.view);
  std::vector<Quote> q = AlignQuotes(s.view, e);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "partial");
}

}  // namespace
}  // namespace crossread::align
