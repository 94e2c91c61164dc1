// The pages of `crossread serve`. Article text only ever reaches a page through EscapeHtml()
// (server side) or textContent (app.js), and the Content-Security-Policy the server sends
// allows no inline script, so stored text cannot run as code.
#include "server/pages.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "crossread/brief.h"

namespace crossread::server {

namespace {

constexpr char kSiteStyle[] = R"css(
nav{margin-bottom:1rem}nav a{color:#1f4f99}header form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
input[type=search]{flex:1 1 18rem;font-size:1rem;padding:.35em}button{font-size:1rem;padding:.3em .9em}
#stories td:nth-child(n+2){white-space:nowrap}#pager{margin:1rem 0;display:flex;gap:.5rem}
mark.reuse{background:#fff3b0}.snippet{color:#555;font-size:.92em}article .text p{max-width:46rem}
)css";

std::string Head(const std::string& title) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<link rel=\"icon\" href=\"data:,\"><title>" +
         EscapeHtml(title) + "</title><style>" + BriefStyleSheet() + kSiteStyle +
         "</style></head><body>\n";
}

constexpr char kListBody[] = R"html(<header><h1>crossread</h1>
<form id="search" role="search"><input type="search" id="q" name="q" maxlength="200"
placeholder="Search stories and articles" aria-label="search">
<label>from <input type="date" id="from" name="from"></label>
<label>to <input type="date" id="to" name="to"></label><button type="submit">Search</button></form>
</header>
<p id="count" class="meta"></p>
<table id="stories"><thead><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Published</th></tr></thead>
<tbody></tbody></table>
<div id="pager"><button type="button" id="newer">Newer</button><button type="button" id="older">Older</button></div>
<section id="hits" hidden><h2>Matching articles</h2><ul></ul></section>
<script src="/app.js"></script>
</body></html>
)html";

constexpr char kAppScript[] = R"js('use strict';
// The story list: reads q, from, to and offset from the address, asks the API, and builds the
// rows with textContent only (stored text never becomes markup).
const PAGE = 50;
const $ = (id) => document.getElementById(id);
function params() {
  const p = new URLSearchParams(location.search);
  return {q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '',
          offset: Math.max(0, parseInt(p.get('offset') || '0', 10) || 0)};
}
function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}
function go(next) {
  const p = new URLSearchParams();
  for (const k of ['q', 'from', 'to']) if (next[k]) p.set(k, next[k]);
  if (next.offset) p.set('offset', next.offset);
  history.pushState(null, '', p.toString() ? '?' + p : '/');
  load();
}
async function getJson(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}
async function load() {
  const p = params();
  $('q').value = p.q; $('from').value = p.from; $('to').value = p.to;
  const api = new URLSearchParams({limit: PAGE, offset: p.offset});
  for (const k of ['q', 'from', 'to']) if (p[k]) api.set(k, p[k]);
  const tbody = $('stories').tBodies[0];
  tbody.replaceChildren();
  try {
    const data = await getJson('/api/stories?' + api);
    $('count').textContent = data.total + (data.total === 1 ? ' story' : ' stories') +
        (p.q ? ' matching “' + p.q + '”' : '');
    for (const s of data.stories) {
      const tr = el('tr');
      const td = el('td');
      td.append(el('a', s.headline || s.id, {href: '/stories/' + encodeURIComponent(s.id)}));
      tr.append(td, el('td', s.articles), el('td', s.outlets),
                el('td', [s.published.first, s.published.last].filter(Boolean)
                             .filter((d, i, a) => a.indexOf(d) === i).join(' – ')));
      tbody.append(tr);
    }
    $('newer').disabled = p.offset === 0;
    $('older').disabled = p.offset + PAGE >= data.total;
  } catch (e) {
    $('count').textContent = 'Error: ' + e.message;
  }
  const hits = $('hits');
  hits.hidden = !p.q;
  const list = hits.querySelector('ul');
  list.replaceChildren();
  if (!p.q) return;
  try {
    const data = await getJson('/api/search?' + new URLSearchParams({q: p.q}));
    for (const a of data.articles) {
      const li = el('li');
      li.append(el('a', a.title || a.id, {href: '/articles/' + encodeURIComponent(a.id)}), ' ',
                el('span', '(story ' + a.story + ')', {class: 'meta'}), el('div', a.snippet, {class: 'snippet'}));
      list.append(li);
    }
    if (!data.articles.length) list.append(el('li', 'No article matches.'));
  } catch (e) {
    list.append(el('li', 'Error: ' + e.message));
  }
}
$('search').addEventListener('submit', (e) => {
  e.preventDefault();
  go({q: $('q').value.trim(), from: $('from').value, to: $('to').value, offset: 0});
});
$('newer').addEventListener('click', () => { const p = params(); go({...p, offset: Math.max(0, p.offset - PAGE)}); });
$('older').addEventListener('click', () => { const p = params(); go({...p, offset: p.offset + PAGE}); });
window.addEventListener('popstate', load);
load();
)js";

// `text` as paragraphs ("\n\n" apart), with the byte ranges `marks` (sorted, disjoint) inside
// <mark>.
std::string MarkedParagraphs(const std::string& text,
                             const std::vector<std::pair<size_t, size_t>>& marks) {
  std::string out;
  size_t m = 0;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    out += "<p>";
    for (size_t at = begin; at < end;) {
      while (m < marks.size() && marks[m].second <= at) ++m;
      if (m < marks.size() && marks[m].first <= at) {
        size_t stop = std::min(end, marks[m].second);
        out += "<mark class=\"reuse\">" + EscapeHtml(text.substr(at, stop - at)) + "</mark>";
        at = stop;
      } else {
        size_t stop = m < marks.size() ? std::min(end, marks[m].first) : end;
        out += EscapeHtml(text.substr(at, stop - at));
        at = stop;
      }
    }
    out += "</p>\n";
    begin = end + 2;
  }
  return out;
}

}  // namespace

std::string_view ListPage() {
  static const std::string page = Head("crossread: stories") + kListBody;
  return page;
}

std::string_view AppScript() { return kAppScript; }

std::string StoryPage(const std::string& story_id, const std::string& section) {
  return Head("crossread: story " + story_id) + "<nav><a href=\"/\">← all stories</a></nav>\n" +
         section + "</body></html>\n";
}

std::string ArticlePage(const StoredArticle& s) {
  const Article& a = s.article;
  std::vector<std::pair<size_t, size_t>> marks;
  for (const std::string& p : s.shared_passages) {
    if (p.empty()) continue;
    for (size_t at = a.text.find(p); at != std::string::npos; at = a.text.find(p, at + p.size())) {
      marks.emplace_back(at, at + p.size());
    }
  }
  std::sort(marks.begin(), marks.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& r : marks) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  std::string out =
      Head(a.title.value_or(a.id)) + "<nav><a href=\"/\">← all stories</a> · <a href=\"/stories/" +
      EscapeHtml(s.story) + "\">story " + EscapeHtml(s.story) + "</a></nav>\n<article><h1>" +
      EscapeHtml(a.title.value_or(a.id)) + "</h1>\n<p class=\"meta\">" + EscapeHtml(a.id);
  for (const std::string& d : ArticleDetails(a, s.duplicate_of)) out += " · " + EscapeHtml(d);
  if (a.url &&
      (a.url->rfind("https://", 0) == 0 || a.url->rfind("http://", 0) == 0))  // no javascript:
    out += " · <a href=\"" + EscapeHtml(*a.url) + "\" rel=\"noopener noreferrer\">source</a>";
  out += "</p>\n";
  if (!merged.empty()) {
    out +=
        "<p class=\"meta\"><mark class=\"reuse\">Marked</mark>: passages other articles of the "
        "story repeat.</p>\n";
  }
  out += "<div class=\"text\">" + MarkedParagraphs(a.text, merged) +
         "</div></article></body></html>\n";
  return out;
}

std::string ErrorPage(int status, const std::string& message) {
  return Head("crossread: " + std::to_string(status)) +
         "<nav><a href=\"/\">← all stories</a></nav><h1>" + std::to_string(status) + "</h1><p>" +
         EscapeHtml(message) + "</p></body></html>\n";
}

}  // namespace crossread::server
