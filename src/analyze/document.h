// The per-article analysis: paragraphs, sentences, tokens, entity mentions, quotes, dates and
// quantities, all as byte spans into the article's clean text.
#ifndef CROSSREAD_ANALYZE_DOCUMENT_H_
#define CROSSREAD_ANALYZE_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/linguistic.h"
#include "crossread/article.h"

namespace crossread::analyze {

struct ByteSpan {
  uint32_t begin = 0, end = 0;  // [begin, end) into Article::text
  bool empty() const { return begin >= end; }
};

enum TokenFlags : uint32_t {
  kWord = 1u << 0,         // letters (and digits, inner apostrophes, hyphens, periods)
  kNumeric = 1u << 1,      // starts with a digit
  kCapitalized = 1u << 2,  // first letter upper case
  kAllCaps = 1u << 3,      // two or more letters, all upper case
  kPunct = 1u << 4,
  kAbbrev = 1u << 5,  // ends with '.': "U.K.", "Mr.", "Feb."
};

// A double quote mark as a token. The clean text has one form of it: curly quotes, guillemets
// and the typewriter pairs `` and '' are all '"' there (clean/normalize.h).
inline bool IsQuoteMark(std::string_view w) { return w == "\""; }

struct Token {
  uint32_t begin = 0, end = 0;
  uint32_t flags = 0;
};

struct Paragraph {
  ByteSpan span;
  uint32_t first_sentence = 0, end_sentence = 0;
};

struct Sentence {
  ByteSpan span;
  uint32_t paragraph = 0;
  uint32_t first_token = 0, end_token = 0;  // [first, end) into Document::tokens
};

struct Mention {
  ByteSpan span;            // the name, without titles
  std::string name;         // canonical key: "Keir Starmer", "United Kingdom"
  std::string surface;      // as written, with honorifics: "Sir Keir Starmer"
  std::string type;         // PERSON, ORG, PLACE, OTHER
  std::string description;  // titles before it: "British Prime Minister"
  uint32_t sentence = 0;
  uint32_t first_token = 0, end_token = 0;
};

struct Attribution {
  std::vector<ByteSpan> contents;
  ByteSpan cue;
  ByteSpan source;      // the speaker mention: a name, a pronoun or a nominal
  std::string speaker;  // resolved name key, or "" when unknown
  std::string kind;     // direct, partial, indirect, unmarked
  uint32_t paragraph = 0;
};

struct DateMention {
  ByteSpan span;
  std::string date;       // ISO 8601 cut to precision
  std::string precision;  // year, month, week, day
  uint32_t sentence = 0;
};

struct Quantity {
  ByteSpan span;
  double value = 0;
  bool approximate = false;
  std::string unit;  // the counted noun, singular lowercase: "leader"
  uint32_t sentence = 0;
};

struct Document {
  const Article* article = nullptr;  // not owned; outlives the Document
  std::vector<Token> tokens;
  std::vector<std::string> pos;  // Penn tag per token; empty if the models cannot be loaded
  // Per token, what the models' features read (DescribeWords); Analyze releases it once the
  // models have run.
  std::vector<WordInfo> words;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Attribution> quotes;
  std::vector<DateMention> dates;
  std::vector<Quantity> quantities;

  std::string_view Text(ByteSpan s) const {
    return std::string_view(article->text).substr(s.begin, s.end - s.begin);
  }
  std::string_view TokenText(uint32_t i) const {
    return std::string_view(article->text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // Sentence s as a reader quotes it: without the list marker ("-", "_", "•", "*", a dash)
  // that opens a bullet. Its tokens still include the marker.
  ByteSpan SentenceSpan(uint32_t s) const;
  // The words of tokens [first, end).
  std::span<const WordInfo> Words(uint32_t first, uint32_t end) const {
    return std::span<const WordInfo>(words).subspan(first, end - first);
  }
};

// Runs every analyzer over `article`. REQUIRES: `article` outlives the result. Thread-safe.
Document Analyze(const Article& article);

// The stages of Analyze, in order; each reads what the earlier ones filled in.
void Tokenize(Document* doc);
void SplitSentences(Document* doc);
void TagPartsOfSpeech(Document* doc);
void FindMentions(Document* doc);
void FindQuotes(Document* doc);
// Relative dates resolve against the article's publication date, or, when it has none,
// against `reference` (YYYY-MM-DD) if given: the date of its story.
void FindDates(Document* doc, const std::optional<std::string>& reference = std::nullopt);
void FindQuantities(Document* doc);

}  // namespace crossread::analyze

#endif  // CROSSREAD_ANALYZE_DOCUMENT_H_
