// The brief as one self-contained HTML page (inline CSS and SVG, no scripts, no external
// assets), and the parts of it that `crossread serve` embeds in its own pages. Every piece of
// article text passes through EscapeHtml().
#include <algorithm>
#include <set>
#include <sstream>

#include "common/dates.h"
#include "common/strings.h"
#include "crossread/brief.h"
#include "render/labels.h"

namespace crossread {

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::string Escape(std::string_view s) { return EscapeHtml(s); }

constexpr char kStyle[] = R"css(
body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #ddd}h3{margin-top:1.6rem}
.meta{color:#666}.badge{display:inline-block;font:12px/1.6 monospace;background:#e8eef8;color:#1f4f99;
border-radius:4px;padding:0 .35em;margin:0 .1em}.kind{color:#777;font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top}
th{background:#f6f6f6}td.y{text-align:center;color:#1a7f37;font-weight:bold}td.n{background:#fafafa}
blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid #bbb}.variant{color:#555;font-size:.9em;margin-left:1.5em}
.tl{list-style:none;padding-left:0}.tl li{border-left:3px solid #1f4f99;padding:.2em .8em;margin:.3em 0}
.tl time{font-weight:bold;margin-right:.6em}.compatible{color:#1a7f37}.conflict{color:#b42318}
svg.timeline{width:100%;height:auto;max-width:60rem;display:block}svg.timeline circle{fill:#1f4f99}
svg.timeline line{stroke:#999}svg.timeline text{font:11px system-ui,sans-serif;fill:#555}
)css";

// The timeline as an inline SVG chart: one dot per entry on a time axis (entries on the same
// day stacked), its text in a tooltip.
void TimelineChart(const std::vector<TimelineEntry>& timeline, std::ostringstream& h) {
  std::vector<std::pair<Day, const TimelineEntry*>> points;
  for (const TimelineEntry& t : timeline) {
    if (std::optional<Day> d = PeriodStart(t.date)) points.emplace_back(*d, &t);
  }
  if (points.empty()) return;
  std::sort(points.begin(), points.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  constexpr int kWidth = 800, kLeft = 40, kRight = 760, kAxis = 70;
  const double span = static_cast<double>((points.back().first - points.front().first).count());
  h << "<svg class=\"timeline\" viewBox=\"0 0 " << kWidth
    << " 100\" role=\"img\" "
       "aria-label=\"timeline\"><line x1=\""
    << kLeft << "\" y1=\"" << kAxis << "\" x2=\"" << kRight << "\" y2=\"" << kAxis << "\"/>\n";
  int stack = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& [day, t] = points[i];
    stack = (i > 0 && points[i - 1].first == day) ? stack + 1 : 0;
    double x = span > 0
                   ? kLeft + (kRight - kLeft) *
                                 static_cast<double>((day - points.front().first).count()) / span
                   : (kLeft + kRight) / 2.0;
    h << "<circle cx=\"" << static_cast<int>(x) << "\" cy=\""
      << kAxis - 10 - 12 * std::min(stack, 4) << "\" r=\"5\"><title>" << Escape(t->date) << ": "
      << Escape(t->text) << "</title></circle>\n";
  }
  h << "<text x=\"" << kLeft << "\" y=\"90\">" << Escape(points.front().second->date)
    << "</text><text x=\"" << kRight << "\" y=\"90\" text-anchor=\"end\">"
    << Escape(points.back().second->date) << "</text></svg>\n";
}

std::string Badges(const render::Labels& labels, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    out += "<span class=\"badge\" title=\"" + Escape(labels.Name(id)) + "\">" +
           Escape(labels.Badge(id)) + "</span>";
  }
  return out;
}

void RenderStory(const Brief& brief, const Story& s, const render::Labels& labels,
                 const std::string& article_href, std::ostringstream& h) {
  h << "<section id=\"" << Escape(s.id) << "\"><h2>"
    << Escape(s.headline.empty() ? s.id : s.headline) << "</h2>\n<p class=\"meta\">Story "
    << Escape(s.id) << " · " << s.articles.size() << " articles";
  if (s.first_published) h << " · " << Escape(*s.first_published);
  if (s.last_published && s.last_published != s.first_published)
    h << " to " << Escape(*s.last_published);
  h << "</p>\n<h3>Summary</h3><ul>\n";
  for (const SummarySentence& x : s.summary) {
    h << "<li>" << Escape(x.text) << " " << Badges(labels, {x.article});
    if (!x.also_in.empty()) h << " <span class=\"meta\">also</span> " << Badges(labels, x.also_in);
    h << "</li>\n";
  }
  h << "</ul>\n<h3>What happened</h3><table>\n";
  const std::pair<const char*, const std::optional<std::string>*> rows[] = {
      {"Who", &s.event.who},     {"What", &s.event.what}, {"When", &s.event.when},
      {"Where", &s.event.where}, {"Why", &s.event.why},   {"How", &s.event.how}};
  for (const auto& [k, v] : rows) {
    h << "<tr><th>" << k << "</th><td>" << (*v ? Escape(**v) : "–") << "</td></tr>\n";
  }
  h << "</table>\n<h3>Facts × outlets</h3>\n";
  size_t more = 0;
  std::vector<const Fact*> shared = render::SharedFacts(s, &more);
  if (shared.empty()) {
    h << "<p class=\"meta\">No claim is carried by two or more articles.</p>\n";
  } else {
    h << "<table class=\"matrix\"><tr><th>Fact</th>";
    for (const std::string& a : s.articles) h << "<th>" << Badges(labels, {a}) << "</th>";
    h << "</tr>\n";
    for (const Fact* f : shared) {
      std::set<std::string> in(f->articles.begin(), f->articles.end());
      h << "<tr><td>" << Escape(f->text) << "</td>";
      for (const std::string& a : s.articles) {
        h << (in.count(a) ? "<td class=\"y\">✓</td>" : "<td class=\"n\"></td>");
      }
      h << "</tr>\n";
    }
    h << "</table>\n";
    if (more > 0) {
      h << "<p class=\"meta\">and " << more
        << " more facts that two or more articles carry (all in the JSON brief)</p>\n";
    }
  }
  h << "<h3>Quotes</h3>\n";
  for (const auto& [who, quotes] : render::QuotesBySpeaker(s)) {
    h << "<h4>" << Escape(who.empty() ? "Unattributed" : who) << "</h4>\n";
    for (const Quote* q : quotes) {
      std::set<std::string> arts;
      for (const QuoteInstance& i : q->instances) arts.insert(i.article);
      h << "<blockquote>" << Escape(q->text) << " <span class=\"kind\">" << Escape(q->kind)
        << "</span> " << Badges(labels, std::vector<std::string>(arts.begin(), arts.end()))
        << "</blockquote>\n";
      for (const QuoteInstance& i : q->instances) {
        if (i.text == q->text) continue;
        h << "<div class=\"variant\">" << Badges(labels, {i.article}) << " " << Escape(i.text)
          << "</div>\n";
      }
    }
  }
  h << "<h3>Conflicts</h3><ul>\n";
  for (const Conflict& c : s.conflicts) {
    h << "<li><b>" << Escape(c.about) << "</b>: ";
    for (size_t i = 0; i < c.values.size(); ++i) {
      if (i) h << " vs ";
      h << "“" << Escape(c.values[i].value) << "” " << Badges(labels, c.values[i].articles);
    }
    h << (c.compatible ? " <span class=\"compatible\">compatible</span>"
                       : " <span class=\"conflict\">differ</span>")
      << "</li>\n";
  }
  h << "</ul>\n<h3>Timeline</h3>\n";
  TimelineChart(s.timeline, h);
  h << "<ul class=\"tl\">\n";
  for (const TimelineEntry& t : s.timeline) {
    h << "<li><time>" << Escape(t.date) << "</time>" << Escape(t.text) << " "
      << Badges(labels, t.articles) << "</li>\n";
  }
  h << "</ul>\n<h3>Shared passages</h3><ul>\n";
  for (const Reuse& r : s.reuse) {
    h << "<li>" << r.words << " words " << Badges(labels, r.articles) << ": “" << Escape(r.text)
      << "”</li>\n";
  }
  h << "</ul>\n<h3>Only in one article</h3><ul>\n";
  for (const auto& [article, ids] : s.unique) {
    h << "<li>" << Badges(labels, {article}) << " " << ids.size() << " items";
    for (const Fact& f : s.facts) {
      if (f.articles.size() == 1 && f.articles[0] == article) {
        h << " — e.g. “" << Escape(f.text) << "”";
        break;
      }
    }
    h << "</li>\n";
  }
  h << "</ul>\n<h3>Entities</h3><table><tr><th>Name</th><th>Type</th><th>Described as</th>"
       "<th>Also called</th><th>Articles</th></tr>\n";
  for (const Entity& e : s.entities) {
    h << "<tr><td>" << Escape(e.name) << "</td><td>" << e.type << "</td><td>"
      << Escape(Join(e.descriptions, "; ")) << "</td><td>" << Escape(Join(e.aliases, ", "))
      << "</td><td>" << e.mentions.size() << "</td></tr>\n";
  }
  h << "</table>\n<h3>Articles</h3><ul>\n";
  for (const std::string& id : s.articles) {
    const Article* a = labels.Find(id);
    if (!a) continue;
    h << "<li>" << Badges(labels, {id}) << " ";
    if (article_href.empty()) {
      h << Escape(id);
    } else {
      h << "<a href=\"" << Escape(article_href + id) << "\">" << Escape(id) << "</a>";
    }
    if (a->title) h << " — " << Escape(*a->title);
    for (const std::string& d : render::ArticleDetails(brief, *a)) h << " · " << Escape(d);
    // A page with article links shows the text there; a standalone page carries it inline.
    if (article_href.empty()) {
      h << "<details><summary>text</summary><p>" << Escape(a->text) << "</p></details>";
    }
    h << "</li>\n";
  }
  h << "</ul></section>\n";
}

}  // namespace

std::string BriefStyleSheet() { return kStyle; }

std::string RenderStorySectionHtml(const Brief& brief, const Story& story,
                                   const std::string& article_href) {
  render::Labels labels(brief);
  std::ostringstream h;
  RenderStory(brief, story, labels, article_href, h);
  return h.str();
}

std::string RenderBriefHtml(const Brief& brief, const Story* only_story) {
  render::Labels labels(brief);
  std::ostringstream h;
  h << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
    << Escape(only_story ? only_story->headline : "crossread brief") << "</title><style>" << kStyle
    << "</style></head><body>\n<h1>crossread brief</h1>\n";
  if (only_story) {
    RenderStory(brief, *only_story, labels, "", h);
  } else {
    h << "<p class=\"meta\">" << brief.articles.size() << " articles, " << brief.stories.size()
      << " stories</p><ul>\n";
    for (const Story& s : brief.stories) {
      h << "<li><a href=\"#" << Escape(s.id) << "\">" << Escape(s.headline) << "</a> ("
        << s.articles.size() << ")</li>\n";
    }
    h << "</ul>\n";
    for (const Story& s : brief.stories) RenderStory(brief, s, labels, "", h);
  }
  h << "</body></html>\n";
  return h.str();
}

}  // namespace crossread
