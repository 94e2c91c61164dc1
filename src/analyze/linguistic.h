// The linguistic models: a part-of-speech tagger, an entity tagger and a dependency parser,
// all greedy and linear (averaged perceptrons over hashed features), trained on CoreNLP's
// silver annotations of news (tools/train_linguistic) and shipped in data/models/.
//
// Sentences are given as token forms in crossread's normalised text (straight quotes).
#ifndef CROSSREAD_ANALYZE_LINGUISTIC_H_
#define CROSSREAD_ANALYZE_LINGUISTIC_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/perceptron.h"

namespace crossread::analyze {

// What the features of one token look at, hashed once.
struct WordInfo {
  uint64_t norm = 0;  // lowercased, digits folded ("!YEAR", "!DIGITS")
  uint64_t suf1 = 0, suf2 = 0, suf3 = 0, suf4 = 0, pre1 = 0, pre2 = 0, pre3 = 0;
  uint64_t shape = 0;    // "Xxxx", "dd", "X.X." with runs squeezed
  uint64_t lexicon = 0;  // gazetteer / first-name / title class of the word, 0 if none
  bool capitalized = false;
};
std::vector<WordInfo> DescribeWords(const std::vector<std::string_view>& words);

// One annotated sentence, for training and evaluation.
struct TreebankSentence {
  std::vector<std::string> words;   // normalised forms
  std::vector<std::string> pos;     // Penn tags
  std::vector<std::string> ner;     // IO entity tags: PERSON, ..., O
  std::vector<int> heads;           // 1-based; 0 = root
  std::vector<std::string> labels;  // dependency relations
};

// Reads CoNLL-U as written by CoreNLP's converter (ID FORM LEMMA _ XPOS _ HEAD DEPREL _ MISC
// with NER= in MISC). Forms are normalised as crossread normalises text.
std::vector<TreebankSentence> ReadConllu(std::string_view text);

// The entity types the tagger predicts; other CoreNLP types are read as O.
inline constexpr const char* kEntityTypes[] = {"PERSON", "ORGANIZATION", "LOCATION", "MISC",
                                               "DATE",   "MONEY",        "PERCENT",  "NUMBER"};

struct Arc {
  int head = 0;       // 1-based; 0 = root
  std::string label;  // relation
};

class Linguist {
 public:
  // The models shipped in data/models/, loaded once. Thread-safe; never destroyed. Null only
  // if the embedded models are corrupt.
  static const Linguist* Default();

  Linguist(LinearModel pos, LinearModel ner, LinearModel parser);

  // Each takes a sentence's words as DescribeWords gives them (computed once per document and
  // shared by the three models), or as forms, which it describes itself.
  std::vector<std::string> TagPos(std::span<const WordInfo> words) const;
  std::vector<std::string> TagPos(const std::vector<std::string_view>& words) const;
  // BIO-decoded entity tags per token ("B-PERSON", "I-PERSON", "O").
  std::vector<std::string> TagEntities(std::span<const WordInfo> words,
                                       std::span<const std::string> pos) const;
  std::vector<std::string> TagEntities(const std::vector<std::string_view>& words,
                                       const std::vector<std::string>& pos) const;
  std::vector<Arc> Parse(std::span<const WordInfo> words, std::span<const std::string> pos) const;
  std::vector<Arc> Parse(const std::vector<std::string_view>& words,
                         const std::vector<std::string>& pos) const;

 private:
  LinearModel pos_, ner_, parser_;
};

// The same, with one model given directly (training and evaluation).
std::vector<std::string> TagPosWith(const LinearModel& model, std::span<const WordInfo> words);
std::vector<std::string> TagEntitiesWith(const LinearModel& model, std::span<const WordInfo> words,
                                         std::span<const std::string> pos);
std::vector<Arc> ParseWith(const LinearModel& model, std::span<const WordInfo> words,
                           std::span<const std::string> pos);

// Training (used by tools/train_linguistic and by tests on toy data). Each returns the trained
// model, to be saved (pruned) with PerceptronTrainer::Save; `log` receives one line per epoch
// when not null.
struct TrainOptions {
  int epochs = 8;       // passes over the data
  uint32_t seed = 1;    // shuffling order
  int min_updates = 1;  // see PerceptronTrainer
};
using TrainLog = void (*)(const std::string& line);
std::unique_ptr<PerceptronTrainer> TrainPosTagger(const std::vector<TreebankSentence>& data,
                                                  const TrainOptions& options, TrainLog log);
// For the entity tagger and the parser, `data` POS tags should be the tagger's own predictions
// (as at run time): see JackknifeTags.
std::unique_ptr<PerceptronTrainer> TrainEntityTagger(const std::vector<TreebankSentence>& data,
                                                     const TrainOptions& options, TrainLog log);
std::unique_ptr<PerceptronTrainer> TrainParser(const std::vector<TreebankSentence>& data,
                                               const TrainOptions& options, TrainLog log);
// Replaces the POS tags of `data` by those of taggers trained on the other `folds` - 1 parts.
void JackknifeTags(std::vector<TreebankSentence>* data, int folds, const TrainOptions& options,
                   TrainLog log);
// Penn tags of `words` with a model still in training.
std::vector<std::string> TagWith(const PerceptronTrainer& model,
                                 const std::vector<std::string>& words);

}  // namespace crossread::analyze

#endif  // CROSSREAD_ANALYZE_LINGUISTIC_H_
