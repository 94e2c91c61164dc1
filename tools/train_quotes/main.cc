// crossread-train-quotes: trains the attribution tagger of data/models/quote_model.bin from
// PolNeAR's annotated news and writes the dev split's spans for the scorer.
//
//   crossread-train-quotes POLNEAR_DIR OUT_DIR [--epochs N] [--prune X] [--dev-spans FILE]
//
// writes OUT_DIR/quote_model.bin (the first stage), OUT_DIR/quote_stack_model.bin (the second,
// stacked on first stages trained on the other three quarters of the articles) and
// OUT_DIR/quote_cues.tsv (the words that make up cues in the training data and how often).
//
// POLNEAR_DIR holds train/text/*.txt, dev/text/*.txt and citron_json/{train,dev_single}/
// (../shared/bench/quotes/polnear). An article annotated by several annotators is learned from
// the alphabetically first one, as in dev_single. The texts are read exactly as `crossread
// quotes` reads a .txt file, and gold spans (code points into the file) become BIO tags of the
// tokens they cover; where spans overlap, a content keeps its tokens. --dev-spans writes, per
// dev article, the predicted spans as quotes of one role each: enough for the scorer's
// relation-agnostic `cofenet_*` rows (`crossread quotes` assembles the full relations).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "analyze/attribution.h"
#include "common/env.h"
#include "common/strings.h"
#include "crossread/pipeline.h"

namespace {

using crossread::Article;
using crossread::analyze::AttributionExample;
using crossread::analyze::CueWords;
using crossread::analyze::Document;
using crossread::analyze::ParagraphTokens;
using crossread::analyze::Role;

constexpr size_t kFolds = 4;       // jackknifing folds for the second stage's input (even)
constexpr size_t kMinCueUses = 3;  // times a word must be part of a cue to count as a cue word

void Log(const std::string& line) {
  static std::mutex mu;  // two folds train at a time
  std::lock_guard<std::mutex> lock(mu);
  std::cerr << line << std::endl;
}

Document Prepare(const Article& a) {
  Document doc;
  doc.article = &a;
  crossread::analyze::Tokenize(&doc);
  crossread::analyze::SplitSentences(&doc);
  crossread::analyze::TagPartsOfSpeech(&doc);
  crossread::analyze::FindMentions(&doc);
  return doc;
}

// The articles of `dir`/text/*.txt, read and cleaned as the CLI reads them, by id.
std::vector<Article> ReadTexts(const std::string& dir) {
  auto files = crossread::ListFilesRecursively(dir + "/text");
  if (!files.ok()) return {};
  std::vector<std::string> paths;
  for (const std::string& f : *files) {
    if (f.size() > 4 && f.compare(f.size() - 4, 4, ".txt") == 0) paths.push_back(f);
  }
  std::sort(paths.begin(), paths.end());
  std::istringstream none;
  crossread::Inputs in = crossread::ReadArticles(paths, none);
  for (const crossread::InputError& e : in.errors) std::cerr << e.path << ": " << e.reason << "\n";
  return std::move(in.articles);
}

// Gold annotation of each article id: the first annotator's file.
std::map<std::string, nlohmann::json> ReadGold(const std::string& dir) {
  std::map<std::string, nlohmann::json> gold;
  auto files = crossread::ListFilesRecursively(dir);
  if (!files.ok()) return gold;
  std::sort(files->begin(), files->end());
  for (const std::string& f : *files) {
    auto text = crossread::ReadFile(f);
    if (!text.ok()) continue;
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) continue;
    std::string id = j.value("doc_id", "");
    if (!id.empty() && !gold.count(id)) gold[id] = std::move(j);
  }
  return gold;
}

// BIO tags per token of `doc` from the annotation `g`.
std::vector<std::string> GoldTags(const Article& a, const Document& doc, const nlohmann::json& g) {
  std::vector<std::pair<uint32_t, uint32_t>> cp(doc.tokens.size());
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    cp[k] = {a.RawCodePoint(doc.tokens[k].begin), a.RawCodePoint(doc.tokens[k].end)};
  }
  std::vector<int> role(doc.tokens.size(), -1);
  std::vector<bool> begins(doc.tokens.size(), false);
  auto mark = [&](const nlohmann::json& span, int r) {
    uint32_t s = span.value("start", 0u), e = span.value("end", 0u);
    bool first = true;
    for (size_t k = 0; k < cp.size(); ++k) {
      if (cp[k].first < s || cp[k].second > e || cp[k].first >= cp[k].second) continue;
      if (role[k] == 2 && r != 2) continue;  // a content keeps its tokens
      role[k] = r;
      begins[k] = first;
      first = false;
    }
  };
  for (const nlohmann::json& q : g["quotes"]) {
    for (const auto& c : q["contents"]) mark(c, 2);
  }
  for (const nlohmann::json& q : g["quotes"]) {
    for (const auto& s : q["sources"]) mark(s, 1);
    for (const auto& c : q["cue_fragments"]) mark(c, 0);
  }
  static const char* kNames[] = {"CUE", "SOURCE", "CONTENT"};
  std::vector<std::string> tags(doc.tokens.size(), "O");
  for (size_t k = 0; k < tags.size(); ++k) {
    if (role[k] < 0) continue;
    bool cont = !begins[k] && k > 0 && role[k - 1] == role[k];
    tags[k] = std::string(cont ? "I-" : "B-") + kNames[role[k]];
  }
  return tags;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: crossread-train-quotes POLNEAR_DIR OUT_DIR [--epochs N] [--prune X] "
                 "[--dev-spans FILE]\n";
    return 2;
  }
  const std::string dir = argv[1], out = argv[2];
  crossread::analyze::TrainOptions options;
  options.epochs = 10;
  float prune = 1.0f;
  std::string dev_spans;
  for (int i = 3; i + 1 < argc; ++i) {
    std::string a = argv[i];
    if (a == "--epochs") options.epochs = std::atoi(argv[++i]);
    if (a == "--prune") prune = static_cast<float>(std::atof(argv[++i]));
    if (a == "--dev-spans") dev_spans = argv[++i];
  }
  std::vector<Article> train = ReadTexts(dir + "/train");
  std::map<std::string, nlohmann::json> gold = ReadGold(dir + "/citron_json/train");
  std::vector<std::pair<Document, std::vector<std::string>>> docs;
  std::map<std::string, std::pair<size_t, size_t>> uses;  // word → (as a cue, in all)
  for (const Article& a : train) {
    auto g = gold.find(a.id);
    if (g == gold.end()) continue;
    Document doc = Prepare(a);
    std::vector<std::string> tags = GoldTags(a, doc, g->second);
    for (size_t k = 0; k < tags.size(); ++k) {
      auto& u = uses[crossread::AsciiLower(doc.TokenText(static_cast<uint32_t>(k)))];
      u.first += tags[k].size() > 2 && tags[k].substr(2) == "CUE";
      ++u.second;
    }
    docs.emplace_back(std::move(doc), std::move(tags));
  }
  CueWords cues;
  std::string cue_tsv;
  for (const auto& [word, u] : uses) {
    double rate = static_cast<double>(u.first) / static_cast<double>(u.second);
    if (u.first < kMinCueUses || rate < 0.1) continue;
    uint8_t cls = rate < 0.3 ? 1 : rate < 0.6 ? 2 : 3;
    cues[word] = cls;
    cue_tsv += word + "\t" + std::to_string(cls) + "\n";
  }
  std::vector<AttributionExample> data;
  std::vector<size_t> fold_of;  // each example's fold: its article's index modulo kFolds
  size_t tokens = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    const auto& [doc, tags] = docs[d];
    for (ParagraphTokens& p : crossread::analyze::DescribeParagraphs(doc, cues)) {
      AttributionExample ex;
      ex.tags.assign(tags.begin() + p.first_token, tags.begin() + p.first_token + p.words.size());
      ex.tokens = std::move(p);
      tokens += ex.tags.size();
      data.push_back(std::move(ex));
      fold_of.push_back(d % kFolds);
    }
  }
  std::cerr << docs.size() << " training articles, " << data.size() << " paragraphs, " << tokens
            << " tokens, " << cues.size() << " cue words\n";
  if (data.empty()) {
    std::cerr << "crossread-train-quotes: no annotated article under " << dir << "\n";
    return 1;
  }
  auto train_stage = [&](const std::vector<AttributionExample>& examples) {
    std::string bytes =
        crossread::analyze::TrainAttributionTagger(examples, options, Log)->Save(prune);
    auto model = crossread::analyze::LinearModel::Load(bytes);
    if (!model.ok()) {
      std::cerr << "crossread-train-quotes: a trained model does not load\n";
      std::exit(1);
    }
    return std::make_pair(std::move(bytes), std::move(*model));
  };
  // The second stage learns from first-stage tags of models that never saw the paragraph
  // (jackknifing), as at run time; two folds train at a time.
  std::vector<AttributionExample> stacked = data;
  auto jackknife = [&](size_t fold) {
    std::vector<AttributionExample> rest;
    for (size_t i = 0; i < data.size(); ++i) {
      if (fold_of[i] != fold) rest.push_back(data[i]);
    }
    auto [bytes, model] = train_stage(rest);
    for (size_t i = 0; i < data.size(); ++i) {
      if (fold_of[i] == fold) crossread::analyze::StackOn(model, &stacked[i].tokens);
    }
  };
  for (size_t fold = 0; fold < kFolds; fold += 2) {
    std::thread other(jackknife, fold + 1);
    jackknife(fold);
    other.join();
  }
  auto [first_bytes, first] = train_stage(data);
  auto [second_bytes, second] = train_stage(stacked);
  std::ofstream(out + "/quote_model.bin", std::ios::binary) << first_bytes;
  std::ofstream(out + "/quote_stack_model.bin", std::ios::binary) << second_bytes;
  std::ofstream(out + "/quote_cues.tsv", std::ios::binary) << cue_tsv;
  std::cerr << "wrote " << out << "/quote_model.bin (" << first_bytes.size() << " bytes), " << out
            << "/quote_stack_model.bin (" << second_bytes.size() << " bytes)\n";

  if (dev_spans.empty()) return 0;
  const crossread::analyze::AttributionTagger tagger(std::move(first), std::move(second),
                                                     std::move(cues));
  std::ofstream spans(dev_spans);
  for (const Article& a : ReadTexts(dir + "/dev")) {
    Document doc = Prepare(a);
    nlohmann::json quotes = nlohmann::json::array();
    for (const auto& s : tagger.Tag(doc)) {
      nlohmann::json span = {{"start", a.RawCodePoint(doc.tokens[s.first_token].begin)},
                             {"end", a.RawCodePoint(doc.tokens[s.end_token - 1].end)}};
      if (s.role == Role::kCue) quotes.push_back({{"cue", span}});
      if (s.role == Role::kSource) quotes.push_back({{"sources", {span}}});
      if (s.role == Role::kContent) quotes.push_back({{"contents", {span}}});
    }
    spans << nlohmann::json{{"doc_id", a.id}, {"quotes", quotes}}.dump() << "\n";
  }
  return 0;
}
