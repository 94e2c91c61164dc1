// The HTML reader: libxml2's forgiving HTML parser builds a compact DOM (clean/dom.h);
// clean/content.h finds the article body in it. Metadata, most specific source first: JSON-LD
// (schema.org Article: headline, datePublished, author, publisher), Open Graph and other <meta>
// tags, <time datetime>, a byline element, the <title> without its site name, <h1>, the URL (a date
// in its path, its host as the outlet) and <html lang>. Boilerplate lines that survive the
// extraction are left to the plain-text cleaner.
#include "clean/html.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <utility>

#include "clean/charset.h"
#include "clean/content.h"
#include "common/dates.h"
#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::clean {

namespace {

// The day of an ISO 8601 date or timestamp; placeholders before 1990 ("0001-01-01") are none.
std::optional<std::string> DateOf(std::string_view s) {
  std::optional<Day> day = ParseIsoDay(Trim(s));
  if (!day || *day < *MakeDay(1990, 1, 1)) return std::nullopt;
  return FormatDay(*day);
}

// A date in a URL path: /2019/11/19/ or /2019-11-19.
std::optional<std::string> DateInUrl(std::string_view url) {
  for (size_t i = 0; i + 11 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    std::string_view d = url.substr(i + 1, 10);
    if ((d[4] != '/' && d[4] != '-') || d[7] != d[4]) continue;
    std::string iso(d);
    iso[4] = iso[7] = '-';
    if (auto date = DateOf(iso)) return date;
  }
  return std::nullopt;
}

// The host of a URL without "www.", or empty.
std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string();
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (StartsWith(rest, "www.")) rest.remove_prefix(4);
  return AsciiLower(rest);
}

// "By Jane Roe and John Doe" → {"Jane Roe", "John Doe"}; nothing if it reads as a date or is
// only "By".
std::vector<std::string> BylineNames(std::string_view text) {
  std::string t = CollapseSpaces(text);
  std::string lower = AsciiLower(t);
  for (const char* by : {"by ", "by: ", "written by "}) {
    if (StartsWith(lower, by)) {
      t = t.substr(std::string_view(by).size());
      break;
    }
  }
  std::vector<std::string> names;
  for (char c : t) {
    if (c >= '0' && c <= '9') return names;  // a date or time, not a name
  }
  size_t pos = 0;
  while (pos < t.size()) {
    size_t next = t.size(), skip = 0;
    for (std::string_view sep :
         {std::string_view(" and "), std::string_view(", "), std::string_view(" & ")}) {
      size_t at = t.find(sep, pos);
      if (at != std::string::npos && at < next) {
        next = at;
        skip = sep.size();
      }
    }
    std::string name(Trim(t.substr(pos, next - pos)));
    if (!name.empty() && CountWords(name) <= 5) names.push_back(name);
    pos = next + skip;
    if (skip == 0) break;
  }
  return names;
}

// What the page says about itself, gathered before choosing (see Choose).
struct Walk {
  HtmlDocument doc;
  std::string title_tag, og_title, h1, og_site, byline, time_date;
  std::optional<std::string> meta_published;
  std::vector<std::string> meta_authors;
  std::string ld_headline, ld_publisher;
  std::optional<std::string> ld_published;
  std::vector<std::string> ld_authors;
};

// Names in a JSON-LD "author" / "publisher" value: a string, an object with "name", or a list.
void LdNames(const nlohmann::json& v, std::vector<std::string>* out) {
  if (v.is_string()) {
    out->push_back(CollapseSpaces(v.get<std::string>()));
  } else if (v.is_object()) {
    auto name = v.find("name");
    if (name != v.end() && name->is_string())
      out->push_back(CollapseSpaces(name->get<std::string>()));
  } else if (v.is_array()) {
    for (const auto& e : v) LdNames(e, out);
  }
}

bool IsArticleType(const nlohmann::json& type) {
  auto article = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    return EndsWith(s, "Article") || EndsWith(s, "BlogPosting") || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), article);
  return article(type);
}

// Headline, date, authors and publisher of the first article object in a JSON-LD block.
void ReadJsonLd(std::string_view body, Walk* w) {
  nlohmann::json root = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  std::vector<const nlohmann::json*> todo = {&root};
  for (size_t i = 0; i < todo.size() && i < 256; ++i) {
    const nlohmann::json& j = *todo[i];
    if (j.is_array()) {
      for (const auto& e : j) todo.push_back(&e);
      continue;
    }
    if (!j.is_object()) continue;
    if (auto g = j.find("@graph"); g != j.end()) todo.push_back(&*g);
    auto type = j.find("@type");
    if (type == j.end() || !IsArticleType(*type) || !w->ld_authors.empty() || w->ld_published) {
      continue;
    }
    if (auto h = j.find("headline"); h != j.end() && h->is_string())
      w->ld_headline = CollapseSpaces(h->get<std::string>());
    if (auto d = j.find("datePublished"); d != j.end() && d->is_string())
      w->ld_published = DateOf(d->get<std::string>());
    if (auto a = j.find("author"); a != j.end()) LdNames(*a, &w->ld_authors);
    if (auto p = j.find("publisher"); p != j.end()) {
      std::vector<std::string> names;
      LdNames(*p, &names);
      if (!names.empty()) w->ld_publisher = names[0];
    }
  }
}

void Visit(const Dom& dom, int n, Walk* w) {
  auto attr = [&](const char* name) { return std::string(dom.Attr(n, name)); };
  if (dom.Is(n, "html")) {
    std::string lang = attr("lang");
    if (lang.size() >= 2) w->doc.language = AsciiLower(lang.substr(0, 2));
  } else if (dom.Is(n, "title") && w->title_tag.empty()) {
    w->title_tag = dom.TextContent(n);
  } else if (dom.Is(n, "h1") && w->h1.empty()) {
    w->h1 = dom.TextContent(n);
  } else if (dom.Is(n, "time") && w->time_date.empty()) {
    if (auto d = DateOf(attr("datetime"))) w->time_date = *d;
  } else if (dom.Is(n, "meta")) {
    std::string key = AsciiLower(attr("property"));
    if (key.empty()) key = AsciiLower(attr("name"));
    if (key.empty()) key = AsciiLower(attr("itemprop"));
    std::string content = CollapseSpaces(attr("content"));
    if (content.empty()) return;
    if (key == "og:title") {
      w->og_title = content;
    } else if (key == "og:site_name") {
      w->og_site = content;
    } else if (key == "og:url" && !w->doc.url) {
      w->doc.url = content;
    } else if ((key == "article:published_time" || key == "datepublished" || key == "date" ||
                key == "pubdate" || key == "publish-date" || key == "dc.date" ||
                key == "dc.date.issued" || key == "sailthru.date" || key == "parsely-pub-date") &&
               !w->meta_published) {
      w->meta_published = DateOf(content);
    } else if (key == "author" || key == "article:author" || key == "dc.creator" ||
               key == "parsely-author" || key == "sailthru.author") {
      if (content.find("://") == std::string::npos) w->meta_authors.push_back(content);
    }
  } else if (dom.Is(n, "link") && AsciiLower(attr("rel")) == "canonical") {
    std::string href = attr("href");
    if (!href.empty()) w->doc.url = href;
  } else if (w->byline.empty()) {
    std::string names = dom.LowerAttrs(n, {"class", "id", "rel", "itemprop"});
    if (names.find("byline") != std::string::npos || names.find("author") != std::string::npos) {
      std::string text = dom.TextContent(n);
      if (!text.empty() && text.size() < 100) w->byline = text;
    }
  }
}

// Letters and digits of `s`, lowercased ("Example News" → "examplenews").
std::string Squashed(std::string_view s) {
  std::string out;
  for (char c : AsciiLower(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) out.push_back(c);
  }
  return out;
}

// Whether a title segment names the site: the outlet, or the host's main label.
bool NamesSite(const std::string& segment, const std::string& outlet, const std::string& host) {
  std::string seg = Squashed(segment);
  if (seg.empty()) return false;
  std::string out = Squashed(outlet);
  if (!out.empty() && (out.find(seg) != std::string::npos || seg.find(out) != std::string::npos))
    return true;
  std::string label = host.substr(0, host.find('.'));
  return label.size() >= 3 &&
         (seg.find(label) != std::string::npos || label.find(seg) != std::string::npos);
}

// `title` without the site's name before or after " | ", " - ", " – ", " — ".
std::string TitleWithoutSite(const std::string& title, const std::string& outlet,
                             const std::string& host) {
  for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "}) {
    size_t at = title.rfind(sep);
    if (at != std::string::npos && at > 0 &&
        NamesSite(title.substr(at + sep.size()), outlet, host)) {
      return TitleWithoutSite(title.substr(0, at), outlet, host);
    }
    at = title.find(sep);
    if (at != std::string::npos && at > 0 && NamesSite(title.substr(0, at), outlet, host)) {
      return TitleWithoutSite(title.substr(at + sep.size()), outlet, host);
    }
  }
  return title;
}

// The page's own metadata, most specific source first.
void Choose(Walk* w) {
  HtmlDocument& d = w->doc;
  std::string host = d.url ? HostOf(*d.url) : std::string();
  if (!w->og_site.empty()) {
    d.outlet = w->og_site;
  } else if (!w->ld_publisher.empty()) {
    d.outlet = w->ld_publisher;
  } else if (!host.empty()) {
    d.outlet = host;
  }
  const std::string outlet = d.outlet.value_or("");
  if (!w->og_title.empty()) {
    d.title = TitleWithoutSite(w->og_title, outlet, host);
  } else if (!w->ld_headline.empty()) {
    d.title = w->ld_headline;
  } else if (!w->title_tag.empty()) {
    d.title = TitleWithoutSite(w->title_tag, outlet, host);
  } else if (!w->h1.empty()) {
    d.title = w->h1;
  }
  if (w->ld_published) {
    d.published = w->ld_published;
  } else if (w->meta_published) {
    d.published = w->meta_published;
  } else if (!w->time_date.empty()) {
    d.published = w->time_date;
  } else if (d.url) {
    d.published = DateInUrl(*d.url);
  }
  if (!w->ld_authors.empty()) {
    d.authors = w->ld_authors;
  } else if (!w->meta_authors.empty()) {
    d.authors = w->meta_authors;
  } else {
    d.authors = BylineNames(w->byline);
  }
  std::vector<std::string> unique;  // the outlet itself is no author
  for (std::string& a : d.authors) {
    if (!a.empty() && !EqualsIgnoreCase(a, outlet) &&
        std::find(unique.begin(), unique.end(), a) == unique.end()) {
      unique.push_back(std::move(a));
    }
  }
  d.authors = std::move(unique);
}

// `html` without comments and the insides of <script>, <style> and <svg>, which are more than
// half of a typical news page's bytes and none of its text: the parser then reads half as much.
// An element left unterminated is cut to the end of the page, as a browser would.
std::string StripScripts(std::string_view html, std::vector<std::string>* json_ld) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  while (pos < html.size()) {
    const void* lt = std::memchr(html.data() + pos, '<', html.size() - pos);
    if (!lt) break;
    size_t at = static_cast<size_t>(static_cast<const char*>(lt) - html.data());
    std::string_view rest = html.substr(at);
    std::string_view close;
    if (StartsWith(rest, "<!--")) {
      close = "-->";
    } else {
      for (std::string_view tag : {"script", "style", "svg"}) {
        if (rest.size() > tag.size() + 1 && EqualsIgnoreCase(rest.substr(1, tag.size()), tag)) {
          char next = rest[tag.size() + 1];
          if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r' ||
              next == '/') {
            close = tag == "script" ? "</script" : tag == "style" ? "</style" : "</svg";
          }
        }
      }
    }
    if (close.empty()) {
      out.append(html.substr(pos, at + 1 - pos));
      pos = at + 1;
      continue;
    }
    out.append(html.substr(pos, at - pos));
    size_t end = close == "-->" ? html.find(close, at + 4) : FindIgnoreCase(html, close, at + 1);
    if (end == std::string_view::npos) return out;
    if (close == "</script") {
      size_t open_end = html.find('>', at);
      if (open_end < end &&
          FindIgnoreCase(html.substr(at, open_end - at), "ld+json", 0) != std::string_view::npos) {
        json_ld->emplace_back(html.substr(open_end + 1, end - open_end - 1));
      }
    }
    size_t gt = close == "-->" ? end + 2 : html.find('>', end);
    if (gt == std::string_view::npos) return out;
    pos = gt + 1;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace

Result<HtmlDocument> ExtractHtml(std::string_view html, std::string_view declared_charset) {
  const std::string charset = SniffCharset(html, declared_charset);
  // UTF-16 has NUL bytes in every ASCII character: the byte-level strip does not apply.
  std::vector<std::string> json_ld;
  const std::string stripped =
      StartsWith(charset, "UTF-16") ? std::string(html) : StripScripts(html, &json_ld);
  CROSSREAD_ASSIGN_OR_RETURN(Dom dom, Dom::Parse(stripped, charset));
  Walk w;
  for (const std::string& block : json_ld) {
    if (IsValidUtf8(block)) ReadJsonLd(block, &w);
  }
  // Document order, which the node indices are.
  for (int n = 1; n < static_cast<int>(dom.size()); ++n) {
    if (!dom.IsText(n)) Visit(dom, n, &w);
  }
  Choose(&w);
  HtmlDocument out = std::move(w.doc);
  out.text = MainContentText(dom);
  return out;
}

}  // namespace crossread::clean
