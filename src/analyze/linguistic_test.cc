#include "analyze/linguistic.h"

#include <gtest/gtest.h>

#include <map>

#include "analyze/document.h"
#include "analyze/lemma.h"
#include "common/test_util.h"

namespace crossread::analyze {
namespace {

TreebankSentence S(std::vector<std::string> words, std::vector<std::string> pos,
                   std::vector<std::string> ner, std::vector<int> heads,
                   std::vector<std::string> labels) {
  return {std::move(words), std::move(pos), std::move(ner), std::move(heads), std::move(labels)};
}

std::vector<TreebankSentence> Toy() {
  std::vector<TreebankSentence> d;
  for (int i = 0; i < 20; ++i) {
    d.push_back(S({"Anna", "saw", "the", "dog", "."}, {"NNP", "VBD", "DT", "NN", "."},
                  {"PERSON", "O", "O", "O", "O"}, {2, 0, 4, 2, 2},
                  {"nsubj", "root", "det", "dobj", "punct"}));
    d.push_back(S({"The", "cat", "saw", "Bob", "Smith", "."},
                  {"DT", "NN", "VBD", "NNP", "NNP", "."}, {"O", "O", "O", "PERSON", "PERSON", "O"},
                  {2, 3, 0, 5, 3, 3}, {"det", "nsubj", "root", "compound", "dobj", "punct"}));
  }
  return d;
}

TEST(Perceptron, SavesAndLoadsTheAveragedModel) {
  PerceptronTrainer t({"A", "B"});
  std::vector<uint64_t> fa = {Feature(1, 1)}, fb = {Feature(1, 2)};
  for (int i = 0; i < 10; ++i) {
    t.Update(fa, 0, 1);
    t.Update(fb, 1, 0);
  }
  Result<LinearModel> m = LinearModel::Load(t.Save(0.0f));
  ASSERT_TRUE(m.ok()) << m.status().message();
  float sa[2] = {0, 0}, sb[2] = {0, 0};
  m->Score(fa, sa);
  m->Score(fb, sb);
  EXPECT_GT(sa[0], sa[1]);
  EXPECT_GT(sb[1], sb[0]);
  EXPECT_EQ(m->ClassIndex("B"), 1);
  EXPECT_FALSE(LinearModel::Load("not a model").ok());
}

TEST(Perceptron, GivesAFeatureWeightsFromItsNthUpdateOn) {
  PerceptronTrainer t({"A", "B"}, 3);
  const std::vector<uint64_t> once = {Feature(1, 1)}, thrice = {Feature(1, 2)};
  t.Update(once, 0, 1);
  for (int i = 0; i < 3; ++i) t.Update(thrice, 0, 1);
  t.Update(thrice, 0, 0);  // a step without a mistake, over which the learned weight counts
  Result<LinearModel> m = LinearModel::Load(t.Save(0.0f));
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->num_features(), 1u);
  float s[2] = {0, 0};
  m->Score(once, s);
  EXPECT_EQ(s[0], 0.0f);
  m->Score(thrice, s);
  EXPECT_GT(s[0], s[1]);
}

TEST(Linguistic, LearnsToyTagsEntitiesAndTrees) {
  std::vector<TreebankSentence> data = Toy();
  TrainOptions o;
  o.epochs = 5;
  auto pos = LinearModel::Load(TrainPosTagger(data, o, nullptr)->Save(0));
  auto ner = LinearModel::Load(TrainEntityTagger(data, o, nullptr)->Save(0));
  auto parser = LinearModel::Load(TrainParser(data, o, nullptr)->Save(0));
  ASSERT_TRUE(pos.ok() && ner.ok() && parser.ok());
  Linguist l(std::move(*pos), std::move(*ner), std::move(*parser));
  std::vector<std::string_view> words = {"The", "cat", "saw", "Bob", "Smith", "."};
  std::vector<std::string> tags = l.TagPos(words);
  EXPECT_EQ(tags, (std::vector<std::string>{"DT", "NN", "VBD", "NNP", "NNP", "."}));
  EXPECT_EQ(l.TagEntities(words, tags),
            (std::vector<std::string>{"O", "O", "O", "B-PERSON", "I-PERSON", "O"}));
  std::vector<Arc> arcs = l.Parse(words, tags);
  std::vector<int> heads;
  for (const Arc& a : arcs) heads.push_back(a.head);
  EXPECT_EQ(heads, (std::vector<int>{2, 3, 0, 5, 3, 3}));
  EXPECT_EQ(arcs[1].label, "nsubj");
}

TEST(Linguistic, ReadsCoreNlpConllu) {
  auto s = ReadConllu(
      "# newdoc id = x\n1\t``\t``\t_\t``\t_\t2\tpunct\t_\tNER=O|Span=0-1\n"
      "2\tHi\thi\t_\tUH\t_\t0\troot\t_\tNER=O|Span=1-3\n\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words, (std::vector<std::string>{"\"", "Hi"}));
  EXPECT_EQ(s[0].heads, (std::vector<int>{2, 0}));
  EXPECT_EQ(s[0].ner[1], "O");
}

TEST(Lemma, HandlesRegularAndIrregularForms) {
  EXPECT_EQ(Lemma("said", "VBD"), "say");
  EXPECT_EQ(Lemma("countries", "NNS"), "country");
  EXPECT_EQ(Lemma("stopped", "VBD"), "stop");
  EXPECT_EQ(Lemma("voted", "VBD"), "vote");
  EXPECT_EQ(Lemma("talks", "VBZ"), "talk");
  EXPECT_EQ(Lemma("Leaders", "NNS"), "leader");
  EXPECT_EQ(Lemma("Starmer", "NNP"), "Starmer");
  EXPECT_EQ(Lemma("n't", "RB"), "not");
}

// The shipped models on the seed story.
TEST(LinguisticModels, TagTheSeedsAsANewsReaderWould) {
  const Linguist* l = Linguist::Default();
  ASSERT_NE(l, nullptr);
  auto run = [&](const std::string& text) {
    Article a = testing::CleanArticle(text);
    Document d = Analyze(a);
    std::vector<std::string_view> words;
    for (uint32_t k = 0; k < d.tokens.size(); ++k) words.push_back(d.TokenText(k));
    std::vector<std::string> pos = l->TagPos(words);
    return std::make_tuple(std::vector<std::string>(words.begin(), words.end()), pos,
                           l->TagEntities(words, pos), l->Parse(words, pos));
  };
  auto type_of = [](const std::vector<std::string>& words, const std::vector<std::string>& ner,
                    const std::string& word) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == word) return ner[i].size() > 2 ? ner[i].substr(2) : ner[i];
    }
    return std::string("missing");
  };
  {
    auto [w, pos, ner, arcs] =
        run("Finnish President Alexander Stubb has told the BBC that Keir Starmer and Christine "
            "Lagarde spoke.");
    EXPECT_EQ(type_of(w, ner, "Stubb"), "PERSON");
    EXPECT_EQ(type_of(w, ner, "Starmer"), "PERSON");
    EXPECT_EQ(type_of(w, ner, "Lagarde"), "PERSON");
  }
  {
    // Organisations and places as the analyze stage types them: the tagger where the rules
    // are unsure, the gazetteer where it knows better (CoreNLP tags the Kremlin a LOCATION).
    Article a = testing::CleanArticle(
        "The European Central Bank and NATO criticised the Kremlin over attacks in Kursk and "
        "Kyiv, officials in Downing Street said. Analysts at Hartwell Capital agreed.");
    Document d = Analyze(a);
    std::map<std::string, std::string> types;
    for (const Mention& m : d.mentions) types[m.name] = m.type;
    EXPECT_EQ(types["European Central Bank"], "ORG");
    EXPECT_EQ(types["NATO"], "ORG");
    EXPECT_EQ(types["Kremlin"], "ORG");
    EXPECT_EQ(types["Kursk"], "PLACE");
    EXPECT_EQ(types["Kyiv"], "PLACE");
    EXPECT_EQ(types["Downing Street"], "PLACE");
    EXPECT_EQ(types["Hartwell Capital"], "ORG");
  }
  {
    auto [w, pos, ner, arcs] =
        run("\"My message to the Kremlin could not be clearer,\" Starmer said in a statement.");
    size_t starmer = std::find(w.begin(), w.end(), "Starmer") - w.begin();
    size_t said = std::find(w.begin(), w.end(), "said") - w.begin();
    ASSERT_LT(starmer, w.size());
    EXPECT_EQ(arcs[starmer].head, static_cast<int>(said + 1));
    EXPECT_EQ(arcs[starmer].label, "nsubj");
  }
}

}  // namespace
}  // namespace crossread::analyze
