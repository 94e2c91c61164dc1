// crossread-train: trains the POS tagger, entity tagger and parser of data/models/ from
// CoNLL-U (the shared silver treebank) and reports agreement with a dev file.
//
//   crossread-train TRAIN.conllu DEV.conllu OUT_DIR [--epochs N] [--parser-epochs N]
//                   [--min-updates N] [--sweep] [--only pos|ner|parser] [--eval]
//
// --min-updates N: a feature gets weights from its N-th update on (every model trained in the
// run, the jackknifing taggers included; default 1).
// --eval trains nothing: it scores the models in OUT_DIR on DEV, the parser with predicted
// and with the dev file's own POS tags.
//
// The entity tagger and the parser learn from POS tags predicted by 5-fold jackknifing, as
// they will see predicted tags at run time. Each model is saved pruned at its threshold
// (--sweep prints size and dev agreement for a range of thresholds first). The exact command
// behind the shipped models is in data/models/README.md.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <optional>
#include <set>
#include <string>

#include "analyze/linguistic.h"
#include "common/env.h"

namespace {

using crossread::analyze::Arc;
using crossread::analyze::LinearModel;
using crossread::analyze::PerceptronTrainer;
using crossread::analyze::TreebankSentence;

void Log(const std::string& line) { std::cerr << line << std::endl; }

bool IsPunct(const std::string& pos, const std::string& label) {
  static const std::set<std::string> kPunct = {".",     ",",     ":", "``", "''",
                                               "-LRB-", "-RRB-", "#", "$"};
  return kPunct.count(pos) || label == "punct";
}

// Mentions as (sentence, begin, end, type) over the four scored types, from IO or BIO tags.
std::set<std::tuple<size_t, size_t, size_t, std::string>> Mentions(
    size_t sent, const std::vector<std::string>& tags) {
  std::set<std::tuple<size_t, size_t, size_t, std::string>> out;
  static const std::set<std::string> kScored = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};
  size_t i = 0;
  while (i < tags.size()) {
    std::string t = tags[i].size() > 2 && tags[i][1] == '-' ? tags[i].substr(2) : tags[i];
    if (!kScored.count(t)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < tags.size()) {
      const std::string& n = tags[j];
      bool bio = n.size() > 2 && n[1] == '-';
      if (bio ? (n[0] == 'I' && n.substr(2) == t) : n == t) {
        ++j;
      } else {
        break;
      }
    }
    out.insert({sent, i, j, t});
    i = j;
  }
  return out;
}

struct Scores {
  double pos = 0, ner_f1 = 0, uas = 0, las = 0;
};

// Agreement with `dev` on its own tokens; models may be missing (their scores stay 0).
Scores Evaluate(const LinearModel* pos_model, const LinearModel* ner_model,
                const LinearModel* parser_model, const std::vector<TreebankSentence>& dev) {
  size_t pos_right = 0, tokens = 0, scored = 0, uas = 0, las = 0;
  size_t tp = 0, npred = 0, ngold = 0;
  for (size_t s = 0; s < dev.size(); ++s) {
    const TreebankSentence& g = dev[s];
    const std::vector<std::string_view> views(g.words.begin(), g.words.end());
    const std::vector<crossread::analyze::WordInfo> words =
        crossread::analyze::DescribeWords(views);
    std::vector<std::string> pos = g.pos;
    if (pos_model) pos = crossread::analyze::TagPosWith(*pos_model, words);
    for (size_t i = 0; i < words.size(); ++i) {
      ++tokens;
      pos_right += pos[i] == g.pos[i];
    }
    if (ner_model) {
      auto gm = Mentions(s, g.ner),
           pm = Mentions(s, crossread::analyze::TagEntitiesWith(*ner_model, words, pos));
      ngold += gm.size();
      npred += pm.size();
      for (const auto& m : pm) tp += gm.count(m);
    }
    if (parser_model) {
      std::vector<Arc> arcs = crossread::analyze::ParseWith(*parser_model, words, pos);
      for (size_t i = 0; i < words.size(); ++i) {
        if (IsPunct(g.pos[i], g.labels[i])) continue;
        ++scored;
        if (arcs[i].head == g.heads[i]) {
          ++uas;
          las += arcs[i].label == g.labels[i];
        }
      }
    }
  }
  Scores r;
  r.pos = 100.0 * pos_right / std::max<size_t>(1, tokens);
  double p = npred ? 100.0 * tp / npred : 0, rec = ngold ? 100.0 * tp / ngold : 0;
  r.ner_f1 = p + rec > 0 ? 2 * p * rec / (p + rec) : 0;
  r.uas = 100.0 * uas / std::max<size_t>(1, scored);
  r.las = 100.0 * las / std::max<size_t>(1, scored);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: crossread-train TRAIN.conllu DEV.conllu OUT_DIR [--epochs N] "
                 "[--parser-epochs N] [--min-updates N] [--sweep] [--only pos|ner|parser] "
                 "[--eval]\n";
    return 2;
  }
  crossread::analyze::TrainOptions options;
  int parser_epochs = 12;
  bool sweep = false;
  std::string only;  // train just this model; the others are read from OUT_DIR
  for (int i = 4; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--epochs" && i + 1 < argc) options.epochs = std::atoi(argv[++i]);
    if (a == "--parser-epochs" && i + 1 < argc) parser_epochs = std::atoi(argv[++i]);
    if (a == "--min-updates" && i + 1 < argc) options.min_updates = std::atoi(argv[++i]);
    if (a == "--sweep") sweep = true;
    if (a == "--only" && i + 1 < argc) only = argv[++i];
    if (a == "--eval") only = "none";
  }
  auto train_text = crossread::ReadFile(argv[1]);
  auto dev_text = crossread::ReadFile(argv[2]);
  if (!train_text.ok() || !dev_text.ok()) {
    std::cerr << "crossread-train: cannot read the CoNLL-U files\n";
    return 1;
  }
  std::vector<TreebankSentence> train = crossread::analyze::ReadConllu(*train_text);
  const std::vector<TreebankSentence> dev = crossread::analyze::ReadConllu(*dev_text);
  std::cerr << train.size() << " training sentences, " << dev.size() << " dev sentences\n";
  const std::string out = argv[3];

  // Saves `model` pruned at `prune`, after printing the sweep if asked.
  auto save = [&](const char* name, const PerceptronTrainer& model, float prune,
                  const std::function<std::string(const LinearModel&)>& score) -> LinearModel {
    if (sweep) {
      for (float p : {0.5f, 1.0f, 2.0f, 2.5f, 3.0f, 3.5f, 4.0f, 8.0f}) {
        std::string bytes = model.Save(p);
        auto m = LinearModel::Load(bytes);
        std::cerr << name << " prune " << p << ": " << bytes.size() << " bytes, "
                  << m->num_features() << " features, dev " << score(*m) << "\n";
      }
    }
    std::string bytes = model.Save(prune);
    std::string path = out + "/" + name + "_model.bin";
    if (!crossread::WriteFileAtomically(path, bytes).ok()) {
      std::cerr << "crossread-train: cannot write " << path << "\n";
      std::exit(1);
    }
    LinearModel m = *LinearModel::Load(bytes);
    std::cerr << "wrote " << path << " (" << bytes.size() << " bytes, pruned below " << prune
              << "): dev " << score(m) << "\n";
    return m;
  };

  auto load = [&](const char* name) {
    auto bytes = crossread::ReadFile(out + "/" + name + "_model.bin");
    auto m = crossread::analyze::LinearModel::Load(bytes.ok() ? *bytes : std::string());
    if (!m.ok()) {
      std::cerr << "crossread-train: no usable " << name << " model in " << out << "\n";
      std::exit(1);
    }
    return std::move(*m);
  };
  auto wanted = [&](const char* name) { return only.empty() || only == name; };
  LinearModel pos =
      wanted("pos")
          ? save("pos", *crossread::analyze::TrainPosTagger(train, options, Log), 1.0f,
                 [&](const LinearModel& m) {
                   return "POS " + std::to_string(Evaluate(&m, nullptr, nullptr, dev).pos);
                 })
          : load("pos");
  if (wanted("ner") || wanted("parser")) crossread::analyze::JackknifeTags(&train, 5, options, Log);
  // Models not trained here are read only now, so a parallel run may still be writing them.
  std::optional<LinearModel> ner, parser;
  if (wanted("ner")) {
    ner = save("ner", *crossread::analyze::TrainEntityTagger(train, options, Log), 1.0f,
               [&](const LinearModel& m) {
                 return "NER F1 " + std::to_string(Evaluate(&pos, &m, nullptr, dev).ner_f1);
               });
  }
  if (wanted("parser")) {
    crossread::analyze::TrainOptions parser_options = options;
    parser_options.epochs = parser_epochs;
    parser = save("parser", *crossread::analyze::TrainParser(train, parser_options, Log), 3.0f,
                  [&](const LinearModel& m) {
                    Scores s = Evaluate(&pos, nullptr, &m, dev);
                    return "UAS " + std::to_string(s.uas) + " LAS " + std::to_string(s.las);
                  });
  }
  if (!ner) ner = load("ner");
  if (!parser) parser = load("parser");
  if (only == "none") {
    Scores gold_tags = Evaluate(nullptr, nullptr, &*parser, dev);
    std::cout << "dev parser with the dev file's POS tags: UAS " << gold_tags.uas << "%  LAS "
              << gold_tags.las << "%\n";
  }
  Scores all = Evaluate(&pos, &*ner, &*parser, dev);
  std::cout << "dev (its own tokens, predicted tags): POS " << all.pos << "%  NER F1 " << all.ner_f1
            << "  UAS " << all.uas << "%  LAS " << all.las << "%\n";
  return 0;
}
