// Speed of the shipped linguistic models, one thread, on the sentences of a CoNLL-U file
// (the PolNeAR dev split in bench/linguistic.sh): tokens per second for the POS tagger, the
// entity tagger and the parser, each given the file's own tokens (and POS tags where it needs
// them), so that each model is timed alone.
//
//   CROSSREAD_TREEBANK=../shared/bench/linguistic/polnear_dev.conllu build/crossread_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "analyze/linguistic.h"
#include "common/env.h"

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
    if (!text.ok()) {
      std::cerr << "crossread_bench: set CROSSREAD_TREEBANK to a CoNLL-U file\n";
      std::exit(2);
    }
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

}  // namespace

BENCHMARK_MAIN();
