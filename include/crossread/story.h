// Story: the articles of one event and what was aligned across them. Plain value types that
// mirror the brief of INTERFACE.md field by field.
#ifndef CROSSREAD_STORY_H_
#define CROSSREAD_STORY_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crossread {

struct SummarySentence {
  std::string text;
  std::string article;               // the article the sentence is taken from
  std::vector<std::string> also_in;  // other articles that carry the same claim
};

struct Event {
  std::optional<std::string> who, what, when, where, why, how;
};

struct Entity {
  std::string id;    // "e1"
  std::string name;  // canonical form: the fullest name seen
  std::string type;  // PERSON, ORG, PLACE or OTHER
  std::vector<std::string> aliases;       // other surface forms seen
  std::vector<std::string> descriptions;  // "British Prime Minister"
  std::map<std::string, int> mentions;    // article id → mention count
};

struct QuoteInstance {
  std::string article;
  std::string text;      // the wording in this article
  uint32_t start = 0;    // code-point offsets into that article's clean text
  uint32_t end = 0;
  std::string cue;       // "said", or "" when matched only by wording
};

struct Quote {
  std::string id;  // "q1"
  std::optional<std::string> speaker;       // entity id
  std::optional<std::string> speaker_name;  // its name
  std::string text;                          // the fullest wording seen
  std::string kind;                          // direct, partial, indirect, unmarked
  std::vector<QuoteInstance> instances;
};

struct FactInstance {
  std::string article;
  std::string text;
};

struct Fact {
  std::string id;  // "f1"
  std::string text;
  std::vector<std::string> articles;  // every article that reports it
  std::vector<FactInstance> instances;
};

struct ConflictValue {
  std::string value;  // as written: "around 25"
  std::vector<std::string> articles;
};

struct Conflict {
  std::string about;  // the quantity: "leaders"
  std::vector<ConflictValue> values;
  bool compatible = false;  // the values can all be true at once ("around 25", "two dozen")
};

struct TimelineEntry {
  std::string date;       // ISO 8601 cut to precision
  std::string precision;  // year, month, week or day
  std::string text;
  std::vector<std::string> articles;
};

struct Reuse {
  std::vector<std::string> articles;
  std::string text;
  int words = 0;
};

struct Story {
  std::string id;  // "s1"
  std::string headline;
  std::vector<std::string> articles;
  std::optional<std::string> first_published, last_published;
  std::vector<SummarySentence> summary;
  Event event;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Fact> facts;
  std::vector<Conflict> conflicts;
  std::vector<TimelineEntry> timeline;
  std::vector<Reuse> reuse;
  std::map<std::string, std::vector<std::string>> unique;  // article → fact and quote ids
};

}  // namespace crossread

#endif  // CROSSREAD_STORY_H_
