// Assembles one story: alignments, summary, headline, 5W1H and per-article uniques.
#include <algorithm>
#include <map>
#include <set>

#include "brief/brief.h"
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
  return cut == std::string::npos ? s : s.substr(0, cut) + "...";
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
  const analyze::Document* earliest = nullptr;
  for (const analyze::Document* d : docs) {
    const auto& p = d->article->published;
    if (!earliest || (p && (!earliest->article->published || *p < *earliest->article->published)))
      earliest = d;
  }
  for (const analyze::Mention& m :
       earliest ? earliest->mentions : std::vector<analyze::Mention>()) {
    if (e.where || m.sentence > 1) break;
    if (m.type == "PLACE") e.where = m.surface;
  }
  for (const Entity& ent : story.entities) {
    if (e.where) break;
    if (ent.type == "PLACE") e.where = ent.name;
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
