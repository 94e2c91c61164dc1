// The v0 HTML reader: libxml2 parses (recovering from broken markup), then an iterative walk
// (no recursion, so a deep DOM cannot overflow the stack) collects the text of block elements,
// skipping scripts, styles, navigation, headers, footers, asides and forms. When the page marks
// its article (<article>, itemprop=articleBody) only that subtree is read. Metadata comes from
// <title>, <meta> (Open Graph, article:published_time, author), <html lang> and the canonical
// link. Boilerplate lines that survive are left to the plain-text cleaner.
#include "clean/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <utility>

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

bool IsSkipped(const xmlNode* n) {
  static constexpr const char* kSkip[] = {"script", "style", "noscript", "nav", "header", "footer",
                                          "aside", "form", "button", "svg", "iframe", "template",
                                          "select", "figure", "figcaption", "head"};
  for (const char* s : kSkip) {
    if (NameIs(n, s)) return true;
  }
  return false;
}

bool IsBlock(const xmlNode* n) {
  static constexpr const char* kBlock[] = {
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "br",
      "tr", "td", "th", "section", "article", "main", "pre", "dd", "dt", "table", "hr"};
  for (const char* s : kBlock) {
    if (NameIs(n, s)) return true;
  }
  return false;
}

// Appends text with runs of white space collapsed to one space.
void AppendCollapsed(std::string_view s, std::string* line) {
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!line->empty() && line->back() != ' ') line->push_back(' ');
    } else {
      line->push_back(c);
    }
  }
}

// Text of `root`'s subtree, one line per block element.
std::string BlockText(xmlNode* root) {
  std::string out, line;
  auto flush = [&] {
    std::string_view t = Trim(line);
    if (!t.empty()) {
      out.append(t);
      out.push_back('\n');
    }
    line.clear();
  };
  std::vector<std::pair<xmlNode*, bool>> stack;  // node, children already pushed
  stack.emplace_back(root, false);
  while (!stack.empty()) {
    auto [node, expanded] = stack.back();
    stack.pop_back();
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) AppendCollapsed(reinterpret_cast<const char*>(node->content), &line);
      continue;
    }
    if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE &&
        node->type != XML_HTML_DOCUMENT_NODE) {
      continue;
    }
    if (node->type == XML_ELEMENT_NODE && IsSkipped(node)) continue;
    if (expanded) {
      if (IsBlock(node)) flush();
      continue;
    }
    if (node->type == XML_ELEMENT_NODE && IsBlock(node)) flush();
    stack.emplace_back(node, true);
    std::vector<xmlNode*> children;
    for (xmlNode* c = node->children; c; c = c->next) children.push_back(c);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, false);
  }
  flush();
  return out;
}

std::string NodeText(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (!c) return {};
  std::string s;
  AppendCollapsed(reinterpret_cast<const char*>(c), &s);
  xmlFree(c);
  return std::string(Trim(s));
}

std::optional<std::string> DateOf(const std::string& s) {
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return s.substr(0, 10);
  return std::nullopt;
}

struct Walk {
  HtmlDocument doc;
  xmlNode* article = nullptr;  // the largest marked article subtree
  size_t article_size = 0;
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
  } else if (NameIs(n, "article") || AsciiLower(Attr(n, "itemprop")) == "articlebody") {
    std::string text = BlockText(n);
    if (text.size() > w->article_size) {
      w->article = n;
      w->article_size = text.size();
    }
  }
}

}  // namespace

Result<HtmlDocument> ExtractHtml(std::string_view html) {
  if (html.size() > static_cast<size_t>(INT32_MAX)) return Status::DataLoss("page too large");
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, nullptr,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT);
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
  out.text = w.article ? BlockText(w.article) : BlockText(reinterpret_cast<xmlNode*>(doc));
  xmlFreeDoc(doc);
  return out;
}

}  // namespace crossread::clean
