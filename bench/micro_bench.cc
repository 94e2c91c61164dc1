// Micro-benchmarks, one thread (Google Benchmark):
// - the shipped linguistic models on the sentences of a CoNLL-U file: tokens per second for the
//   POS tagger, the entity tagger and the parser, each given the file's own tokens (and POS tags
//   where it needs them), so that each model is timed alone;
// - MinHash signatures (128 permutations over 5-word shingles) of the texts of a JSONL file,
//   articles per second, shingling included (bench/minhash.sh compares a Python MinHash).
//
//   CROSSREAD_TREEBANK=../shared/bench/linguistic/polnear_dev.conllu
//   CROSSREAD_ARTICLES=../shared/bench/cluster/multinews_val.jsonl build-bench/crossread_bench
// (both variables set); a benchmark whose file is not given is skipped.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyze/linguistic.h"
#include "common/env.h"
#include "common/strings.h"
#include "sketch/minhash.h"

namespace {

using crossread::analyze::Linguist;
using crossread::analyze::TreebankSentence;

struct Corpus {
  std::vector<TreebankSentence> sentences;
  std::vector<std::vector<std::string_view>> words;
  size_t tokens = 0;
};

const Corpus& TheCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    const char* path = std::getenv("CROSSREAD_TREEBANK");
    auto text = crossread::ReadFile(path ? path : "");
    if (!text.ok()) return c;
    c.sentences = crossread::analyze::ReadConllu(*text);
    for (const TreebankSentence& s : c.sentences) {
      c.words.emplace_back(s.words.begin(), s.words.end());
      c.tokens += s.words.size();
    }
    return c;
  }();
  return corpus;
}

template <typename Run>
void TimeModel(benchmark::State& state, Run run) {
  const Corpus& c = TheCorpus();
  if (c.sentences.empty()) return state.SkipWithError("CROSSREAD_TREEBANK is not set");
  const Linguist& linguist = *Linguist::Default();
  for (auto _ : state) {
    for (size_t i = 0; i < c.sentences.size(); ++i) run(linguist, c, i);
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void BM_PosTagger(benchmark::State& state) {
  TimeModel(state, [](const Linguist& l, const Corpus& c, size_t i) {
    benchmark::DoNotOptimize(l.TagPos(c.words[i]));
  });
}
BENCHMARK(BM_PosTagger)->Unit(benchmark::kMillisecond);

void BM_EntityTagger(benchmark::State& state) {
  TimeModel(state, [](const Linguist& l, const Corpus& c, size_t i) {
    benchmark::DoNotOptimize(l.TagEntities(c.words[i], c.sentences[i].pos));
  });
}
BENCHMARK(BM_EntityTagger)->Unit(benchmark::kMillisecond);

void BM_Parser(benchmark::State& state) {
  TimeModel(state, [](const Linguist& l, const Corpus& c, size_t i) {
    benchmark::DoNotOptimize(l.Parse(c.words[i], c.sentences[i].pos));
  });
}
BENCHMARK(BM_Parser)->Unit(benchmark::kMillisecond);

const std::vector<std::string>& TheArticles() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    const char* path = std::getenv("CROSSREAD_ARTICLES");
    auto bytes = crossread::ReadFile(path ? path : "");
    if (!bytes.ok()) return out;
    for (std::string_view line : crossread::SplitLines(*bytes)) {
      auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_object() && j.contains("text") && j["text"].is_string())
        out.push_back(j["text"].get<std::string>());
    }
    return out;
  }();
  return texts;
}

void BM_MinHashSignatures(benchmark::State& state) {
  const std::vector<std::string>& texts = TheArticles();
  if (texts.empty()) return state.SkipWithError("CROSSREAD_ARTICLES is not set");
  const crossread::sketch::MinHasher hasher;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      benchmark::DoNotOptimize(
          hasher.Signature(crossread::sketch::ShingleHashes(t, hasher.options().shingle_words)));
    }
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(texts.size()),
                                                    benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_MinHashSignatures)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
