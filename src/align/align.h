// Alignment across the articles of one story: entities, quotes, facts, shared passages,
// conflicting figures and dated events. Every function reads the analysed documents of the
// story (in story order) and returns plain brief values.
#ifndef CROSSREAD_ALIGN_ALIGN_H_
#define CROSSREAD_ALIGN_ALIGN_H_

#include <map>
#include <string>
#include <vector>

#include "analyze/document.h"
#include "crossread/story.h"

namespace crossread::align {

using Docs = std::vector<const analyze::Document*>;

struct EntityTable {
  std::vector<Entity> entities;                 // e1, e2, ... most mentioned first
  std::map<std::string, std::string> id_of;     // mention name key → entity id
  const Entity* Find(const std::string& name) const;
};
EntityTable AlignEntities(const Docs& docs);

// Quotes grouped across articles, with instances found by wording where no marks were seen.
std::vector<Quote> AlignQuotes(const Docs& docs, const EntityTable& entities);

struct FactTable {
  std::vector<Fact> facts;  // f1, f2, ... most corroborated first
  // fact_of[d][s]: index into facts of sentence s of docs[d], or -1 if it is in none.
  std::vector<std::vector<int>> fact_of;
};
FactTable AlignFacts(const Docs& docs);

std::vector<Reuse> FindReuse(const Docs& docs, int min_words);
std::vector<Conflict> FindConflicts(const Docs& docs);
std::vector<TimelineEntry> BuildTimeline(const Docs& docs, const FactTable& facts);

// Whether different figures of one unit, from `lo` to `hi`, agree: they do when one of them is
// `approximate` and all lie within 10% of the larger ("around 25" and "two dozen"). Conflicts
// and facts both judge them so.
inline bool CompatibleFigures(double lo, double hi, bool approximate) {
  constexpr double kCompatibleSpread = 0.10;
  return approximate && hi > 0 && (hi - lo) / hi <= kCompatibleSpread;
}

// Lowercase words of a text with their byte spans; the unit of wording comparisons.
struct Word {
  std::string text;
  uint32_t begin = 0, end = 0;
};
std::vector<Word> WordsOf(std::string_view text, uint32_t base = 0);

// Share of the smaller text's word bigrams found in the other text.
double BigramContainment(std::string_view a, std::string_view b);

}  // namespace crossread::align

#endif  // CROSSREAD_ALIGN_ALIGN_H_
