// Assembles one story: alignments, summary, headline, 5W1H and per-article uniques.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <span>

#include "brief/brief.h"
#include "common/dates.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::brief {

namespace {

constexpr int kHeadlineWords = 24;

// The headline: the title of the first article that has one, else the summary's first
// sentence, cut at a clause boundary when long.
std::string Headline(const align::Docs& docs, const std::vector<SummarySentence>& summary) {
  for (const analyze::Document* d : docs) {
    if (d->article->title && !Trim(*d->article->title).empty()) return *d->article->title;
  }
  if (summary.empty()) return {};
  std::string s = summary.front().text;
  if (CountWords(s) <= kHeadlineWords) return s;
  // Cut at the last comma before the limit, else at the limit.
  int words = 0;
  size_t cut = std::string::npos, comma = std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && ++words == kHeadlineWords) {
      cut = i;
      break;
    }
    if (s[i] == ',') comma = i;
  }
  if (comma != std::string::npos && comma > s.size() / 4) return s.substr(0, comma);
  if (cut == std::string::npos) return s;
  // Not after a word that needs the next one ("... to accept the...").
  static constexpr std::string_view kDangling[] = {"the",  "a",  "an",   "to",   "of",  "in",
                                                   "on",   "at", "for",  "and",  "or",  "but",
                                                   "with", "by", "from", "that", "its", "their"};
  for (size_t space; (space = s.rfind(' ', cut - 1)) != std::string::npos; cut = space) {
    const std::string last = AsciiLower(std::string_view(s).substr(space + 1, cut - space - 1));
    if (!IsOneOf(last, kDangling)) break;
  }
  return s.substr(0, cut) + "...";
}

std::string TitleCase(std::string_view place) {
  std::string out;
  bool start = true;
  for (char c : place) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
    start = c == ' ' || c == '-' || c == ',';
  }
  return out;
}

// Why and how, as a lead gives them: the words after a marker of cause ("... after changing its
// iconic shape", "because of rising costs", "in retaliation for air strikes") or of method ("by
// ramming a truck into ...", "using drones") up to the end of the clause, at most kPhraseWords.
// The marker that comes first in the lead wins; where two begin at one word ("because of",
// "because"), the one listed first.
constexpr int kLeadSentences = 3;
constexpr size_t kPhraseWords = 12;
constexpr std::string_view kCauses[] = {"because of",
                                        "because",
                                        "due to",
                                        "owing to",
                                        "as a result of",
                                        "in retaliation for",
                                        "in response to",
                                        "in protest at",
                                        "in protest against",
                                        "in protest over",
                                        "in a bid to",
                                        "in an attempt to",
                                        "amid",
                                        "after",
                                        "in order to",
                                        "for"};
constexpr std::string_view kMethods[] = {"by", "using", "by means of"};
// Words that say nothing as a cause or method of their own ("after that", "because of it").
constexpr std::string_view kPronouns[] = {"that", "this", "these", "those", "it",
                                          "them", "him",  "her",   "which", "what"};
// Units of time that make "after" a time ("after 10 years", "after hours of talks").
constexpr std::string_view kTimeUnits[] = {"years",   "months",  "weeks",    "days", "hours",
                                           "minutes", "decades", "midnight", "dark"};

// Whether `word`, as written after "after", makes it a time: a number, a unit of time, a month
// or a weekday ("after Sunday's vote").
bool AfterIsATime(std::string_view word) {
  if (EndsWith(word, "'s")) word.remove_suffix(2);
  const Lexicon& lex = Lexicon::Get();
  return std::isdigit(static_cast<unsigned char>(word[0])) ||
         IsOneOf(AsciiLower(word), kTimeUnits) || lex.Is(word, Lex::kMonth) ||
         lex.Is(word, Lex::kWeekday);
}

// The phrase the first of `markers` found in `sentence` opens, or "" if none. A method's "by"
// or a cause's "for" counts only before a gerund ("by ramming", "for changing"), a cause's
// "after" not before a time.
std::string PhraseAfter(std::string_view sentence, std::span<const std::string_view> markers) {
  struct Word {
    std::string text;
    size_t begin, end;
  };
  std::vector<Word> words;
  ForEachWord(sentence, [&](std::string_view w, size_t b, size_t e) {
    words.push_back({std::string(w), b, e});
  });
  for (size_t i = 0; i < words.size(); ++i) {
    for (std::string_view marker : markers) {
      size_t k = 0;  // words of the marker matched from i
      std::string_view rest = marker;
      while (!rest.empty() && i + k < words.size()) {
        const size_t space = rest.find(' ');
        if (words[i + k].text != rest.substr(0, space)) break;
        ++k;
        rest = space == rest.npos ? std::string_view() : rest.substr(space + 1);
      }
      const size_t first = i + k;
      if (!rest.empty() || first >= words.size()) continue;
      const std::string_view next = words[first].text;
      if ((marker == "by" || marker == "for") && !EndsWith(next, "ing")) continue;
      if (IsOneOf(next, kPronouns)) continue;
      if (marker == "after" && AfterIsATime(sentence.substr(
                                   words[first].begin, words[first].end - words[first].begin))) {
        continue;
      }
      // The clause ends at a comma, semicolon, colon, bracket or dash, or with the sentence.
      size_t end = sentence.find_first_of(",;:()[]", words[first].begin);
      for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
        end = std::min(end, sentence.find(dash, words[first].begin));
      }
      size_t last = first;
      while (last + 1 < words.size() && last + 1 - first < kPhraseWords &&
             words[last + 1].end <= end) {
        ++last;
      }
      // "after the incident", "after the blast": an event told before, not a cause given.
      const std::string_view head = words[first].text;
      if (last - first < 3 && (head == "the" || head == "a" || head == "an")) continue;
      return std::string(sentence.substr(words[first].begin, words[last].end - words[first].begin));
    }
  }
  return {};
}

Event MakeEvent(const align::Docs& docs, const Story& story) {
  Event e;
  for (const Entity& ent : story.entities) {
    if (ent.type == "PERSON") {
      e.who = ent.name;
      break;
    }
  }
  if (!story.headline.empty()) e.what = story.headline;
  e.when = story.first_published;
  std::map<std::string, int> datelines;
  for (const analyze::Document* d : docs) {
    if (d->article->dateline) ++datelines[TitleCase(*d->article->dateline)];
  }
  int best = 0;
  for (const auto& [place, n] : datelines) {
    if (n > best) {
      best = n;
      e.where = place;
    }
  }
  // No dateline: a place named in the lead (the first two sentences) of the earliest article,
  // else the story's most mentioned place.
  std::vector<const analyze::Document*> by_date(docs.begin(), docs.end());
  std::stable_sort(by_date.begin(), by_date.end(), [](const auto* a, const auto* b) {
    return PublishedBefore(a->article->published, b->article->published);
  });
  for (const analyze::Mention& m :
       by_date.empty() ? std::vector<analyze::Mention>() : by_date.front()->mentions) {
    if (e.where || m.sentence > 1) break;
    if (m.type == "PLACE") e.where = m.surface;
  }
  for (const Entity& ent : story.entities) {
    if (e.where) break;
    if (ent.type == "PLACE") e.where = ent.name;
  }
  // Why and how: from the titles and the first sentences of the articles, earliest first.
  std::vector<std::string_view> leads;
  for (const analyze::Document* d : by_date) {
    if (d->article->title) leads.push_back(*d->article->title);
    for (uint32_t s = 0; s < d->sentences.size() && s < kLeadSentences; ++s) {
      leads.push_back(d->Text(d->SentenceSpan(s)));
    }
  }
  for (std::string_view lead : leads) {
    if (!e.why) {
      if (std::string p = PhraseAfter(lead, kCauses); !p.empty()) e.why = std::move(p);
    }
    if (!e.how) {
      if (std::string p = PhraseAfter(lead, kMethods); !p.empty()) e.how = std::move(p);
    }
  }
  return e;
}

}  // namespace

Story BuildStory(const align::Docs& docs, const std::string& id, const Options& options) {
  Story story;
  story.id = id;
  for (const analyze::Document* d : docs) {
    story.articles.push_back(d->article->id);
    if (const auto& p = d->article->published) {
      if (!story.first_published || *p < *story.first_published) story.first_published = *p;
      if (!story.last_published || *p > *story.last_published) story.last_published = *p;
    }
  }
  align::EntityTable entities = align::AlignEntities(docs);
  align::FactTable facts = align::AlignFacts(docs);
  story.quotes = align::AlignQuotes(docs, entities);
  story.reuse = align::FindReuse(docs, options.reuse_min_words);
  story.conflicts = align::FindConflicts(docs);
  story.timeline = align::BuildTimeline(docs, facts);
  story.summary = Summarize(docs, facts, options.summary_words, options.query);
  story.headline = Headline(docs, story.summary);
  story.entities = std::move(entities.entities);
  story.facts = std::move(facts.facts);
  story.event = MakeEvent(docs, story);
  // Uniques: facts and quotes only one article of the story carries.
  if (docs.size() > 1) {
    for (const Fact& f : story.facts) {
      if (f.articles.size() == 1) story.unique[f.articles.front()].push_back(f.id);
    }
    for (const Quote& q : story.quotes) {
      std::set<std::string> arts;
      for (const QuoteInstance& i : q.instances) arts.insert(i.article);
      if (arts.size() == 1) story.unique[*arts.begin()].push_back(q.id);
    }
  }
  return story;
}

}  // namespace crossread::brief
