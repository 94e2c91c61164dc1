// The brief as Markdown for a terminal or a wiki: per story, the summary with source badges,
// 5W1H, the facts × outlets matrix, quotes by speaker with each outlet's wording, conflicts,
// the timeline, shared passages, each outlet's unique facts, entities, then the articles.
#include <set>
#include <sstream>

#include "common/strings.h"
#include "crossread/brief.h"
#include "render/labels.h"

namespace crossread {

namespace {

// Text safe inside a Markdown table cell or list item: no pipes, no line breaks.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Badges(const render::Labels& labels, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += " ";
    out += "`" + labels.Badge(id) + "`";
  }
  return out;
}

void RenderStory(const Brief& brief, const Story& s, const render::Labels& labels,
                 std::ostringstream& md) {
  md << "## " << Cell(s.headline.empty() ? s.id : s.headline) << "\n\n";
  md << "_Story " << s.id << " · " << s.articles.size() << " articles";
  if (s.first_published) {
    md << " · " << *s.first_published;
    if (s.last_published && *s.last_published != *s.first_published)
      md << " to " << *s.last_published;
  }
  md << "_\n\n";

  md << "### Summary\n\n";
  for (const SummarySentence& x : s.summary) {
    md << "- " << Cell(x.text) << " " << Badges(labels, {x.article});
    if (!x.also_in.empty()) md << " (also " << Badges(labels, x.also_in) << ")";
    md << "\n";
  }
  if (s.summary.empty()) md << "_No sentence qualified._\n";
  md << "\n### What happened\n\n| | |\n|---|---|\n";
  const std::pair<const char*, const std::optional<std::string>*> rows[] = {
      {"Who", &s.event.who},     {"What", &s.event.what}, {"When", &s.event.when},
      {"Where", &s.event.where}, {"Why", &s.event.why},   {"How", &s.event.how}};
  for (const auto& [k, v] : rows) md << "| " << k << " | " << (*v ? Cell(**v) : "–") << " |\n";

  size_t more = 0;
  std::vector<const Fact*> shared = render::SharedFacts(s, &more);
  md << "\n### Facts × outlets\n\n";
  if (shared.empty()) {
    md << "_No claim is carried by two or more articles._\n";
  } else {
    md << "| Fact |";
    for (const std::string& a : s.articles) md << " " << labels.Badge(a) << " |";
    md << "\n|---|";
    for (size_t i = 0; i < s.articles.size(); ++i) md << ":-:|";
    md << "\n";
    for (const Fact* f : shared) {
      md << "| " << Cell(f->text) << " |";
      std::set<std::string> in(f->articles.begin(), f->articles.end());
      for (const std::string& a : s.articles) md << (in.count(a) ? " ✓ |" : "  |");
      md << "\n";
    }
    if (more > 0) {
      md << "\n_and " << more
         << " more facts that two or more articles carry (all in the JSON brief)_\n";
    }
  }

  md << "\n### Quotes\n\n";
  if (s.quotes.empty()) md << "_No quotes found._\n";
  for (const auto& [who, quotes] : render::QuotesBySpeaker(s)) {
    md << "**" << Cell(who.empty() ? "Unattributed" : who) << "**\n\n";
    for (const Quote* q : quotes) {
      std::set<std::string> arts;
      for (const QuoteInstance& i : q->instances) arts.insert(i.article);
      md << "- \"" << Cell(q->text) << "\" _(" << q->kind << ")_ "
         << Badges(labels, std::vector<std::string>(arts.begin(), arts.end())) << "\n";
      if (q->instances.size() > 1) {
        for (const QuoteInstance& i : q->instances) {
          if (i.text == q->text) continue;
          md << "  - " << labels.Badge(i.article) << ": \"" << Cell(i.text) << "\"\n";
        }
      }
    }
    md << "\n";
  }

  md << "### Conflicts\n\n";
  if (s.conflicts.empty()) md << "_No differing figures found._\n";
  for (const Conflict& c : s.conflicts) {
    md << "- **" << Cell(c.about) << "**: ";
    for (size_t i = 0; i < c.values.size(); ++i) {
      if (i) md << " vs ";
      md << "\"" << Cell(c.values[i].value) << "\" " << Badges(labels, c.values[i].articles);
    }
    md << (c.compatible ? " — compatible (approximate values agree)" : "") << "\n";
  }

  md << "\n### Timeline\n\n";
  if (s.timeline.empty()) md << "_No dated events found._\n";
  for (const TimelineEntry& t : s.timeline) {
    md << "- **" << t.date << "** " << Cell(t.text) << " " << Badges(labels, t.articles) << "\n";
  }

  md << "\n### Shared passages\n\n";
  if (s.reuse.empty()) md << "_No passage of 12+ words appears in two articles._\n";
  for (const Reuse& r : s.reuse) {
    md << "- " << r.words << " words in " << Badges(labels, r.articles) << ": \"" << Cell(r.text)
       << "\"\n";
  }

  md << "\n### Only in one article\n\n";
  if (s.unique.empty()) md << "_Nothing, or a single-article story._\n";
  for (const auto& [article, ids] : s.unique) {
    int facts = 0, quotes = 0;
    for (const std::string& id : ids) (id[0] == 'f' ? facts : quotes)++;
    md << "- " << labels.Badge(article) << " " << Cell(labels.Name(article)) << ": " << facts
       << " facts, " << quotes << " quotes";
    for (const Fact& f : s.facts) {
      if (f.articles.size() == 1 && f.articles[0] == article) {
        md << " — e.g. \"" << Cell(f.text) << "\"";
        break;
      }
    }
    md << "\n";
  }

  md << "\n### Entities\n\n| Name | Type | Described as | Also called | Articles |\n"
        "|---|---|---|---|---|\n";
  for (const Entity& e : s.entities) {
    md << "| " << Cell(e.name) << " | " << e.type << " | " << Cell(Join(e.descriptions, "; "))
       << " | " << Cell(Join(e.aliases, ", ")) << " | " << e.mentions.size() << " |\n";
  }

  md << "\n### Articles\n\n";
  for (const std::string& id : s.articles) {
    const Article* a = labels.Find(id);
    if (!a) continue;
    md << "- `" << labels.Badge(id) << "` " << Cell(id);
    if (a->title) md << " — " << Cell(*a->title);
    for (const std::string& d : render::ArticleDetails(brief, *a)) md << " · " << Cell(d);
    md << "\n";
  }
  md << "\n";
}

}  // namespace

std::string RenderBriefMarkdown(const Brief& brief) {
  render::Labels labels(brief);
  std::ostringstream md;
  md << "# crossread brief\n\n"
     << brief.articles.size() << " articles, " << brief.stories.size()
     << (brief.stories.size() == 1 ? " story" : " stories") << ".\n\n";
  for (const Story& s : brief.stories) RenderStory(brief, s, labels, md);
  return md.str();
}

}  // namespace crossread
