// The HTML reader: libxml2's forgiving HTML parser builds the DOM; clean/content.h finds the
// article body in it; metadata comes from <title>, <meta> (Open Graph, article:published_time,
// author), <html lang>, <h1> and the canonical link. Boilerplate lines that survive are left to
// the plain-text cleaner.
#include "clean/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <utility>

#include "clean/charset.h"
#include "clean/content.h"
#include "common/strings.h"

namespace crossread::clean {

namespace {

bool NameIs(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string NodeText(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (!c) return {};
  std::string s = CollapseSpaces(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

std::optional<std::string> DateOf(const std::string& s) {
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return s.substr(0, 10);
  return std::nullopt;
}

struct Walk {
  HtmlDocument doc;
  std::string h1;
};

void Visit(xmlNode* n, Walk* w) {
  if (NameIs(n, "html")) {
    std::string lang = Attr(n, "lang");
    if (lang.size() >= 2) w->doc.language = AsciiLower(lang.substr(0, 2));
  } else if (NameIs(n, "title") && !w->doc.title) {
    std::string t = NodeText(n);
    if (!t.empty()) w->doc.title = t;
  } else if (NameIs(n, "h1") && w->h1.empty()) {
    w->h1 = NodeText(n);
  } else if (NameIs(n, "meta")) {
    std::string key = AsciiLower(Attr(n, "property"));
    if (key.empty()) key = AsciiLower(Attr(n, "name"));
    if (key.empty()) key = AsciiLower(Attr(n, "itemprop"));
    std::string content = Attr(n, "content");
    if (content.empty()) return;
    if (key == "og:title") {
      w->doc.title = content;
    } else if (key == "og:site_name") {
      w->doc.outlet = content;
    } else if (key == "og:url" && !w->doc.url) {
      w->doc.url = content;
    } else if ((key == "article:published_time" || key == "datepublished" || key == "date" ||
                key == "pubdate" || key == "publish-date" || key == "dc.date") &&
               !w->doc.published) {
      w->doc.published = DateOf(content);
    } else if (key == "author" || key == "article:author") {
      if (content.find("://") == std::string::npos) w->doc.authors.push_back(content);
    }
  } else if (NameIs(n, "link") && AsciiLower(Attr(n, "rel")) == "canonical") {
    std::string href = Attr(n, "href");
    if (!href.empty()) w->doc.url = href;
  }
}

// Case-insensitive search for the ASCII `needle` (lowercase) in `s` from `from`.
size_t FindNoCase(std::string_view s, std::string_view needle, size_t from) {
  while (from + needle.size() <= s.size()) {
    const void* hit = std::memchr(s.data() + from, needle[0], s.size() - from);
    const void* hit_upper = std::memchr(s.data() + from, needle[0] - 'a' + 'A', s.size() - from);
    if (!hit || (hit_upper && hit_upper < hit)) hit = hit_upper;
    if (!hit) return std::string_view::npos;
    size_t at = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    if (at + needle.size() > s.size()) return std::string_view::npos;
    size_t k = 1;
    while (k < needle.size() && (s[at + k] | 0x20) == needle[k]) ++k;
    if (k == needle.size()) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

// `html` without comments and the insides of <script>, <style> and <svg>, which are more than
// half of a typical news page's bytes and none of its text: the parser then reads half as much.
// An element left unterminated is cut to the end of the page, as a browser would.
std::string StripScripts(std::string_view html) {
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
    size_t end = close == "-->" ? html.find(close, at + 4) : FindNoCase(html, close, at + 1);
    if (end == std::string_view::npos) return out;
    size_t gt = close == "-->" ? end + 2 : html.find('>', end);
    if (gt == std::string_view::npos) return out;
    pos = gt + 1;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace

Result<HtmlDocument> ExtractHtml(std::string_view html, std::string_view declared_charset) {
  if (html.size() > static_cast<size_t>(INT32_MAX)) return Status::DataLoss("page too large");
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  const std::string charset = SniffCharset(html, declared_charset);
  // UTF-16 has NUL bytes in every ASCII character: the byte-level strip does not apply.
  const std::string stripped =
      StartsWith(charset, "UTF-16") ? std::string(html) : StripScripts(html);
  htmlDocPtr doc = htmlReadMemory(stripped.data(), static_cast<int>(stripped.size()), nullptr,
                                  charset.c_str(), kOptions);
  if (doc == nullptr) {  // an encoding libxml2 does not know: let it guess
    doc = htmlReadMemory(stripped.data(), static_cast<int>(stripped.size()), nullptr, nullptr,
                         kOptions);
  }
  if (doc == nullptr) return Status::DataLoss("not parseable as HTML");
  Walk w;
  std::vector<xmlNode*> stack;
  for (xmlNode* c = doc->children; c; c = c->next) stack.push_back(c);
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type != XML_ELEMENT_NODE) continue;
    Visit(n, &w);
    for (xmlNode* c = n->children; c; c = c->next) stack.push_back(c);
  }
  HtmlDocument out = std::move(w.doc);
  if (!out.title && !w.h1.empty()) out.title = w.h1;
  out.text = MainContentText(doc);
  xmlFreeDoc(doc);
  return out;
}

}  // namespace crossread::clean
