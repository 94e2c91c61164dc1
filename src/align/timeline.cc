// The timeline: every resolved date mention becomes an event dated at its precision, described
// by the clause around it (from the nearest clause opener before it to the next comma or the
// sentence end). Dates inside direct quotes are the speaker's ("this morning"), not events, and
// are left out. Events of the same date whose sentences belong to one fact, or whose clauses
// share most of their words, merge and list all their articles. Sorted by date.
#include <algorithm>
#include <set>

#include "align/align.h"
#include "common/strings.h"

namespace crossread::align {

namespace {

constexpr int kLongSentenceWords = 25;
constexpr double kSameEvent = 0.5;
constexpr uint32_t kMinClauseTokens = 6;  // a shorter clause says too little alone

bool OpensClause(std::string_view w) {
  static constexpr std::string_view kOpeners[] = {"after", "when", "before", "while", "as",
                                                  "since", "until", "where", "but", "and"};
  return IsOneOf(w, kOpeners);
}

std::string Clause(const analyze::Document& doc, const analyze::DateMention& dm) {
  const analyze::Sentence& s = doc.sentences[dm.sentence];
  const analyze::ByteSpan span = doc.SentenceSpan(dm.sentence);
  std::string_view sentence = doc.Text(span);
  if (CountWords(sentence) <= kLongSentenceWords) return std::string(sentence);
  uint32_t b = s.first_token, e = s.end_token;
  for (uint32_t k = s.first_token; k < s.end_token; ++k) {
    if (doc.tokens[k].end > dm.span.begin) break;
    std::string w = AsciiLower(doc.TokenText(k));
    if (w == "," || w == ";") b = k + 1;
    if (OpensClause(w)) b = k + 1;
  }
  for (uint32_t k = s.first_token; k < s.end_token; ++k) {
    if (doc.tokens[k].begin < dm.span.end) continue;
    std::string_view w = doc.TokenText(k);
    if (w == "," || w == ";") {
      e = k;
      break;
    }
  }
  if (b >= e || e - b < kMinClauseTokens) return std::string(sentence);
  return std::string(doc.Text({std::max(doc.tokens[b].begin, span.begin), doc.tokens[e - 1].end}));
}

bool InsideQuote(const analyze::Document& doc, analyze::ByteSpan span) {
  for (const analyze::Attribution& a : doc.quotes) {
    if (a.kind == "indirect") continue;
    for (const analyze::ByteSpan& c : a.contents) {
      if (c.begin <= span.begin && span.end <= c.end) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<TimelineEntry> BuildTimeline(const Docs& docs, const FactTable& facts) {
  struct Event {
    TimelineEntry entry;
    std::set<int> facts;
  };
  std::vector<Event> events;
  for (size_t d = 0; d < docs.size(); ++d) {
    const analyze::Document& doc = *docs[d];
    for (const analyze::DateMention& dm : doc.dates) {
      if (InsideQuote(doc, dm.span)) continue;  // "this morning" of a speaker, not an event
      int fact = facts.fact_of[d][dm.sentence];
      std::string clause = Clause(doc, dm);
      Event* same = nullptr;
      for (Event& e : events) {
        if (e.entry.date != dm.date) continue;
        if ((fact >= 0 && e.facts.count(fact)) ||
            BigramContainment(e.entry.text, clause) >= kSameEvent) {
          same = &e;
          break;
        }
      }
      if (same == nullptr) {
        events.push_back({{dm.date, dm.precision, clause, {}}, {}});
        same = &events.back();
      }
      if (fact >= 0) same->facts.insert(fact);
      const std::string& id = doc.article->id;
      if (std::find(same->entry.articles.begin(), same->entry.articles.end(), id) ==
          same->entry.articles.end()) {
        same->entry.articles.push_back(id);
      }
    }
  }
  std::vector<TimelineEntry> out;
  for (Event& e : events) out.push_back(std::move(e.entry));
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.date < b.date; });
  return out;
}

}  // namespace crossread::align
