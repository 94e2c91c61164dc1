// The attribution tagger: the cue, source and content spans of reported speech (direct,
// partial, indirect and unmarked quotes alike), tagged token by token over a paragraph (BIO
// over CUE, SOURCE and CONTENT), decoded by first-order Viterbi with a structured averaged
// perceptron, in two stacked stages. Trained on PolNeAR's annotated news
// (tools/train_quotes) and shipped in data/models/quote_model.bin (first stage) and
// quote_stack_model.bin (second).
//
// The features look at words, POS tags, the quote marks around a token, the words that were
// cues in the training data (before and after it in the sentence), WordNet supersenses
// ("verb.communication"), entity mentions, sentence position, the previous paragraph and the
// dependency tree. quotes.cc assembles attributions from the spans.
#ifndef CROSSREAD_ANALYZE_ATTRIBUTION_H_
#define CROSSREAD_ANALYZE_ATTRIBUTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/document.h"
#include "analyze/linguistic.h"
#include "analyze/perceptron.h"

namespace crossread::analyze {

enum class Role : uint8_t { kCue, kSource, kContent };

struct RoleSpan {
  Role role = Role::kCue;
  uint32_t first_token = 0, end_token = 0;  // [first, end) into Document::tokens
};

// What the tagger sees of one token beyond its word: hashed once per paragraph.
struct TokenContext {
  uint64_t pos = 0;         // hashed Penn tag
  uint8_t quote = 0;        // 0 outside marks, 1 opening mark, 2 inside, 3 closing mark
  uint8_t in_sentence = 0;  // bucket of the token's index in its sentence
  uint8_t to_end = 0;       // bucket of the tokens left in its sentence
  uint8_t cue_before = 0;   // bucket of the distance back to a likely cue word (class 2+)
  uint8_t cue_after = 0;    // bucket of the distance on to a likely cue word (class 2+)
  uint8_t mention = 0;      // 1 + type of the entity mention it is in; 0 none
  uint8_t sentence = 0;     // bits: sentence has a quote mark, has a cue word; first of paragraph
  uint8_t paragraph = 0;    // bits: first paragraph, previous one left a quote open,
                            // previous one had a cue word, this one opens with a mark
  uint8_t cue = 0;          // its CueWords class, 0 if none
  // From the dependency tree: the token's relation, and for a token under a likely cue word
  // (class 2+), the relation of the cue's child it descends from ("nsubj", "ccomp"), whether
  // the token opens (1) or closes (2) that child's subtree, and whether its own head is a cue.
  uint64_t relation = 0;
  uint64_t governor = 0;
  uint8_t edge = 0;
  uint8_t head_cue = 0;
  uint8_t children = 0;  // bits: the token has an nsubj, ccomp, xcomp, dobj child
  // WordNet supersense (1 + lexicographer file) of the token's lemma as a verb or a noun, and
  // of its head's; 0 if none (data/supersenses.tsv).
  uint8_t sense = 0;
  uint8_t head_sense = 0;
  // Stacking (second stage only): the first stage's tag of the token (class index), and
  // buckets of the distance back and on to the nearest cue the first stage tagged.
  uint8_t prior = 0;
  uint8_t prior_cue_before = 0;
  uint8_t prior_cue_after = 0;
};

struct ParagraphTokens {
  uint32_t first_token = 0;  // into Document::tokens
  std::vector<WordInfo> words;
  std::vector<TokenContext> context;
  bool stacked = false;  // the prior* fields are set: the second stage's input
};

// Words that open or make up cues in the training data, lowercased, with the class of how
// often they do: 1 (10-30% of their uses), 2 (30-60%), 3 (more). Written by the trainer as
// "word<TAB>class" lines.
using CueWords = std::unordered_map<std::string, uint8_t>;
CueWords ParseCueWords(std::string_view tsv);

// The paragraphs of `doc` as the tagger sees them, those that start in its first 100,000
// tokens. REQUIRES: doc.pos is filled.
std::vector<ParagraphTokens> DescribeParagraphs(const Document& doc, const CueWords& cues);

// Tags `p` with the first stage and records its decisions in `p` for the second (stacking:
// the second stage sees what the first decided on both sides of each token, such as a cue
// further on that makes the words before it a content).
void StackOn(const LinearModel& first, ParagraphTokens* p);

class AttributionTagger {
 public:
  // The tagger shipped in data/models/, loaded once; thread-safe, never destroyed. Null if the
  // embedded models are corrupt.
  static const AttributionTagger* Default();

  AttributionTagger(LinearModel first, LinearModel second, CueWords cues);

  // Spans of every paragraph of `doc`, in order. REQUIRES: doc.pos is filled.
  std::vector<RoleSpan> Tag(const Document& doc) const;

 private:
  LinearModel first_, second_;
  CueWords cues_;
};

// Training (tools/train_quotes): one example per paragraph, with its gold BIO tags
// ("B-CUE", "I-CONTENT", "O", ...).
struct AttributionExample {
  ParagraphTokens tokens;
  std::vector<std::string> tags;
};
// Trains one stage: the first on unstacked examples, the second on examples stacked on first
// stages that did not see them (jackknifing, tools/train_quotes).
std::unique_ptr<PerceptronTrainer> TrainAttributionTagger(
    const std::vector<AttributionExample>& data, const TrainOptions& options, TrainLog log);

}  // namespace crossread::analyze

#endif  // CROSSREAD_ANALYZE_ATTRIBUTION_H_
