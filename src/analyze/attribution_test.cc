#include "analyze/attribution.h"

#include <gtest/gtest.h>

#include <memory>

#include "common/test_util.h"

namespace crossread::analyze {
namespace {

// "<Name> said that <clause>. It rained all day." paragraphs, tagged: source, cue, content
// (without the period), then nothing.
struct Toy {
  Article article;
  Document doc;  // points at `article`: a Toy stays where it was made
};

std::unique_ptr<Toy> Prepare(const std::string& text) {
  auto t = std::make_unique<Toy>();
  t->article = testing::CleanArticle(text);
  t->doc.article = &t->article;
  Tokenize(&t->doc);
  SplitSentences(&t->doc);
  TagPartsOfSpeech(&t->doc);
  FindMentions(&t->doc);
  return t;
}

std::vector<std::string> ToyTags(const Document& doc) {
  std::vector<std::string> tags;
  for (uint32_t k = 0; k < doc.tokens.size(); ++k) {
    std::string_view w = doc.TokenText(k);
    if (w == "said") {
      tags.push_back("B-CUE");
    } else if (w == "." || w == "It" || (!tags.empty() && tags.back() == "O")) {
      tags.push_back("O");
    } else if (!tags.empty() && (tags.back() == "B-CUE" || tags.back().substr(2) == "CONTENT")) {
      tags.push_back(tags.back() == "B-CUE" ? "B-CONTENT" : "I-CONTENT");
    } else {
      tags.push_back(tags.empty() || tags.back() == "O" ? "B-SOURCE" : "I-SOURCE");
    }
  }
  return tags;
}

TEST(Attribution, TwoStagesLearnAToyPatternAndDecodeWholeSpans) {
  const char* kNames[] = {"Maria Lopez", "Tom Berg", "Ana Silva", "Omar Khan", "Lea Roth"};
  const char* kClauses[] = {"taxes would rise", "the plan had failed", "talks will resume",
                            "prices fell sharply", "the vote was delayed"};
  const CueWords cues = {{"said", 3}};
  std::vector<AttributionExample> data;
  for (const char* name : kNames) {
    for (const char* clause : kClauses) {
      auto t = Prepare(std::string(name) + " said that " + clause + ". It rained all day.");
      std::vector<std::string> tags = ToyTags(t->doc);
      for (ParagraphTokens& p : DescribeParagraphs(t->doc, cues)) data.push_back({p, tags});
    }
  }
  TrainOptions options;
  options.epochs = 10;
  Result<LinearModel> first =
      LinearModel::Load(TrainAttributionTagger(data, options, nullptr)->Save(0.0f));
  ASSERT_TRUE(first.ok());
  for (AttributionExample& ex : data) StackOn(*first, &ex.tokens);
  Result<LinearModel> second =
      LinearModel::Load(TrainAttributionTagger(data, options, nullptr)->Save(0.0f));
  ASSERT_TRUE(second.ok());
  AttributionTagger tagger(*first, *second, cues);

  auto t = Prepare("Ana Berg said that the talks had failed. It rained all day.");
  std::vector<RoleSpan> spans = tagger.Tag(t->doc);
  auto text = [&](const RoleSpan& s) {
    return std::string(
        t->doc.Text({t->doc.tokens[s.first_token].begin, t->doc.tokens[s.end_token - 1].end}));
  };
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].role, Role::kSource);
  EXPECT_EQ(text(spans[0]), "Ana Berg");
  EXPECT_EQ(spans[1].role, Role::kCue);
  EXPECT_EQ(text(spans[1]), "said");
  EXPECT_EQ(spans[2].role, Role::kContent);
  EXPECT_EQ(text(spans[2]), "that the talks had failed");

  // A paragraph with neither a cue word nor a quote mark is not tagged at all.
  auto plain = Prepare("Ana Berg arrived that morning.");
  EXPECT_TRUE(tagger.Tag(plain->doc).empty());
}

TEST(Attribution, CueWordsParseAndDescribeTheSentence) {
  CueWords cues = ParseCueWords("said\t3\nalso\t2\nto\t1\nbad line\nx\t7\n");
  EXPECT_EQ(cues.size(), 3u);
  EXPECT_EQ(cues.at("said"), 3);
  auto t = Prepare("He said \"we will go\" today.");
  std::vector<ParagraphTokens> ps = DescribeParagraphs(t->doc, cues);
  ASSERT_EQ(ps.size(), 1u);
  const std::vector<TokenContext>& c = ps[0].context;
  ASSERT_EQ(c.size(), 9u);  // He said " we will go " today .
  EXPECT_EQ(c[1].cue, 3);
  EXPECT_EQ(c[0].cue_after, 1);   // "said" one token on
  EXPECT_EQ(c[3].cue_before, 2);  // "said" two tokens back
  EXPECT_EQ(c[2].quote, 1);       // opening mark
  EXPECT_EQ(c[4].quote, 2);       // inside
  EXPECT_EQ(c[6].quote, 3);       // closing mark
  EXPECT_EQ(c[7].quote, 0);
  EXPECT_EQ(c[8].quote, 0);
}

}  // namespace
}  // namespace crossread::analyze
