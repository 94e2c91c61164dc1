#include "clean/content.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "common/strings.h"

namespace crossread::clean {

namespace {

// What the extraction may do; retried with fewer when a page gives too little text.
struct Flags {
  bool strip_unlikely = true;       // drop blocks whose class/id reads as non-content
  bool weight_classes = true;       // let class/id names move scores
  bool clean_conditionally = true;  // drop link-heavy / form-like blocks inside the body
};

constexpr size_t kMinText = 500;  // characters below which a result is retried

bool Is(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

template <size_t N>
bool IsOneOf(const xmlNode* n, const char* const (&names)[N]) {
  for (const char* s : names) {
    if (Is(n, s)) return true;
  }
  return false;
}

std::string Attr(const xmlNode* n, const char* name) {
  for (xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      if (a->children && a->children->content)
        return std::string(reinterpret_cast<const char*>(a->children->content));
      return std::string();
    }
  }
  return std::string();
}

bool HasAttr(const xmlNode* n, const char* name) {
  for (xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  }
  return false;
}

bool ContainsAny(std::string_view hay, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (hay.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// Readability's name patterns, matched against the lowercased class and id.
bool UnlikelyName(std::string_view s) {
  return ContainsAny(
      s,
      {"-ad-",       "ai2html", "banner",    "breadcrumbs",  "combx",    "comment",  "community",
       "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
       "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
       "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
       "pager",      "popup",   "yom-remote"});
}
bool MaybeCandidateName(std::string_view s) {
  return ContainsAny(s, {"and", "article", "body", "column", "content", "main", "shadow"});
}
bool PositiveName(std::string_view s) {
  return ContainsAny(s, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                         "pagination", "post", "text", "blog", "story"});
}
bool NegativeName(std::string_view s) {
  if (ContainsAny(s, {"-ad-",     "hidden",     "banner",  "combx",    "comment", "com-",
                      "contact",  "footer",     "gdpr",    "masthead", "media",   "meta",
                      "outbrain", "promo",      "related", "scroll",   "share",   "shoutbox",
                      "sidebar",  "skyscraper", "sponsor", "shopping", "tags",    "widget"})) {
    return true;
  }
  // "hid" as a whole name
  for (size_t at = s.find("hid"); at != std::string_view::npos; at = s.find("hid", at + 1)) {
    bool starts = at == 0 || s[at - 1] == ' ';
    bool ends = at + 3 == s.size() || s[at + 3] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

int ClassWeight(const xmlNode* n) {
  int w = 0;
  for (const char* attr : {"class", "id"}) {
    std::string v = AsciiLower(Attr(n, attr));
    if (v.empty()) continue;
    if (NegativeName(v)) w -= 25;
    if (PositiveName(v)) w += 25;
  }
  return w;
}

bool IsHidden(const xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (AsciiLower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = AsciiLower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool NeverContent(const xmlNode* n) {
  static constexpr const char* kSkip[] = {
      "script", "style",  "noscript", "nav",   "header",   "footer", "aside",  "button",
      "svg",    "iframe", "object",   "embed", "template", "select", "figure", "figcaption",
      "head",   "input",  "textarea", "label", "dialog",   "menu",   "canvas"};
  if (IsOneOf(n, kSkip)) return true;
  std::string role = AsciiLower(Attr(n, "role"));
  return role == "menu" || role == "menubar" || role == "complementary" || role == "navigation" ||
         role == "alert" || role == "alertdialog" || role == "dialog";
}

bool IsBlock(const xmlNode* n) {
  static constexpr const char* kBlock[] = {
      "p",    "div", "h1",         "h2", "h3",    "h4", "h5", "h6",      "li",
      "ul",   "ol",  "blockquote", "br", "tr",    "td", "th", "section", "article",
      "main", "pre", "dd",         "dt", "table", "hr", "dl", "address", "center"};
  return IsOneOf(n, kBlock);
}

bool IsHeading(const xmlNode* n) {
  static constexpr const char* kHeadings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
  return IsOneOf(n, kHeadings);
}

// Characters of visible text: code points that are not white space.
size_t CountChars(const char* s, int* commas) {
  size_t n = 0;
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p; ++p) {
    unsigned char c = *p;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    ++n;
    if (c == ',') ++*commas;
    // U+FF0C FULLWIDTH COMMA, U+3001 IDEOGRAPHIC COMMA
    if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ++*commas;
    if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x81) ++*commas;
  }
  return n;
}

struct Node {
  xmlNode* xml = nullptr;
  int parent = -1;
  bool removed = false;  // never content (script, hidden, unlikely): not descended into
  bool block_child = false;
  size_t text = 0, link_text = 0, heading_text = 0, list_text = 0;
  int commas = 0, paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0;
  bool candidate = false;
  double score = 0;
};

class Extractor {
 public:
  Extractor(xmlDoc* doc, Flags flags) : flags_(flags) { Collect(doc); }

  std::string Run() {
    if (nodes_.empty()) return std::string();
    ScoreParagraphs();
    int top = TopCandidate();
    std::vector<int> parts = JoinSiblings(top);
    std::string out;
    for (int p : parts) Emit(p, &out);
    return out;
  }

 private:
  // A node's index in nodes_, kept in libxml2's field for applications.
  static int IndexOf(const xmlNode* n) {
    return static_cast<int>(reinterpret_cast<intptr_t>(n->_private)) - 1;
  }
  static void SetIndex(xmlNode* n, int index) {
    n->_private = reinterpret_cast<void*>(static_cast<intptr_t>(index) + 1);
  }

  double LinkDensity(int i) const {
    const Node& n = nodes_[static_cast<size_t>(i)];
    return n.text == 0 ? 0 : static_cast<double>(n.link_text) / static_cast<double>(n.text);
  }

  // Pre-order walk recording every element, with subtree statistics summed bottom-up.
  void Collect(xmlDoc* doc) {
    std::vector<std::pair<xmlNode*, int>> stack;  // node, parent index
    for (xmlNode* c = xmlDocGetRootElement(doc); c; c = c->next) stack.emplace_back(c, -1);
    std::reverse(stack.begin(), stack.end());
    std::vector<xmlNode*> kids;
    while (!stack.empty()) {
      auto [x, parent] = stack.back();
      stack.pop_back();
      if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
        if (parent >= 0 && x->content) {
          Node& p = nodes_[static_cast<size_t>(parent)];
          p.text += CountChars(reinterpret_cast<const char*>(x->content), &p.commas);
        }
        continue;
      }
      if (x->type != XML_ELEMENT_NODE) continue;
      const int index = static_cast<int>(nodes_.size());
      Node n;
      n.xml = x;
      n.parent = parent;
      bool parent_gone = parent >= 0 && nodes_[static_cast<size_t>(parent)].removed;
      n.removed =
          parent_gone || NeverContent(x) || IsHidden(x) || Unlikely(x, flags_.strip_unlikely);
      SetIndex(x, index);
      if (parent >= 0 && IsBlock(x)) nodes_[static_cast<size_t>(parent)].block_child = true;
      nodes_.push_back(n);
      if (n.removed) continue;
      kids.clear();
      for (xmlNode* c = x->children; c; c = c->next) kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, index);
    }
    // Children come after their parent in pre-order: sum from the end.
    for (size_t i = nodes_.size(); i-- > 0;) {
      Node& n = nodes_[i];
      if (n.removed) continue;
      const xmlNode* x = n.xml;
      if (Is(x, "a")) n.link_text = n.text;
      if (IsHeading(x)) n.heading_text = n.text;
      if (Is(x, "ul") || Is(x, "ol")) n.list_text = n.text;
      n.paragraphs += Is(x, "p");
      n.images += Is(x, "img");
      n.items += Is(x, "li");
      n.inputs += Is(x, "input");
      n.embeds += Is(x, "object") || Is(x, "embed") || Is(x, "iframe");
      if (n.parent < 0) continue;
      Node& p = nodes_[static_cast<size_t>(n.parent)];
      p.text += n.text;
      p.link_text += n.link_text;
      p.heading_text += n.heading_text;
      p.list_text += n.list_text;
      p.commas += n.commas;
      p.paragraphs += n.paragraphs;
      p.images += n.images;
      p.items += n.items;
      p.inputs += n.inputs;
      p.embeds += n.embeds;
    }
  }

  // Class/id says non-content: only when `strip_unlikely`, except comment threads, which are
  // never the article even when the article is short.
  static bool Unlikely(const xmlNode* x, bool strip_unlikely) {
    if (Is(x, "body") || Is(x, "html") || Is(x, "a") || Is(x, "article") || Is(x, "main"))
      return false;
    std::string names = AsciiLower(Attr(x, "class") + " " + Attr(x, "id"));
    if (MaybeCandidateName(names)) return false;
    if (ContainsAny(names, {"comment", "disqus"})) return true;
    return strip_unlikely && UnlikelyName(names);
  }

  // Bylines, datelines, timestamps and captions: short blocks about the article, not of it.
  static bool AboutTheArticle(const xmlNode* x, size_t chars) {
    if (Is(x, "time")) return true;
    if (chars >= 200) return false;
    std::string names = AsciiLower(Attr(x, "class") + " " + Attr(x, "id") + " " + Attr(x, "rel") +
                                   " " + Attr(x, "itemprop"));
    return ContainsAny(
        names, {"byline", "author", "dateline", "writtenby", "timestamp", "caption", "credit",
                "published", "posted-on", "post-date", "entry-date", "publish-date", "updated"});
  }

  void Initialize(int i) {
    Node& n = nodes_[static_cast<size_t>(i)];
    if (n.candidate) return;
    n.candidate = true;
    const xmlNode* x = n.xml;
    double s = 0;
    if (Is(x, "div")) {
      s = 5;
    } else if (Is(x, "pre") || Is(x, "td") || Is(x, "blockquote")) {
      s = 3;
    } else if (Is(x, "address") || Is(x, "ol") || Is(x, "ul") || Is(x, "dl") || Is(x, "dd") ||
               Is(x, "dt") || Is(x, "li") || Is(x, "form")) {
      s = -3;
    } else if (IsHeading(x) || Is(x, "th")) {
      s = -5;
    }
    if (flags_.weight_classes) s += ClassWeight(x);
    n.score = s;
  }

  // A paragraph of `chars` characters and `commas` commas whose parent is `parent` gives its
  // score to five levels of ancestors.
  void AddParagraph(int parent, size_t chars, int commas) {
    if (chars < 25) return;
    double content = 1 + commas + std::min<double>(static_cast<double>(chars / 100), 3);
    int level = 0;
    for (int a = parent; a >= 0 && level < 5; a = Parent(a)) {
      if (Parent(a) < 0) break;  // not <html>
      Initialize(a);
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      nodes_[static_cast<size_t>(a)].score += content / divider;
      ++level;
    }
  }

  // Paragraphs are <p>, <pre>, <td>, blocks without block children, and runs of text and
  // inline elements between the block children of a block (text set with <br>s).
  void ScoreParagraphs() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (n.removed || n.parent < 0) continue;
      xmlNode* x = n.xml;
      if (Is(x, "p") || Is(x, "pre") || Is(x, "td") ||
          ((Is(x, "div") || Is(x, "section")) && !n.block_child)) {
        AddParagraph(n.parent, n.text, n.commas);
        continue;
      }
      if (!n.block_child || Is(x, "body")) continue;
      size_t run = 0;
      int run_commas = 0;
      for (xmlNode* c = x->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
          run += CountChars(reinterpret_cast<const char*>(c->content), &run_commas);
        } else if (c->type == XML_ELEMENT_NODE && !IsBlock(c)) {
          const Node& k = nodes_[static_cast<size_t>(IndexOf(c))];
          if (!k.removed) {
            run += k.text;
            run_commas += k.commas;
          }
        } else if (c->type == XML_ELEMENT_NODE) {
          AddParagraph(static_cast<int>(i), run, run_commas);
          run = 0;
          run_commas = 0;
        }
      }
      AddParagraph(static_cast<int>(i), run, run_commas);
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].candidate) nodes_[i].score *= 1 - LinkDensity(static_cast<int>(i));
    }
  }

  bool IsBody(int i) const { return i < 0 || Is(nodes_[static_cast<size_t>(i)].xml, "body"); }
  int Parent(int i) const { return nodes_[static_cast<size_t>(i)].parent; }
  double Score(int i) const { return nodes_[static_cast<size_t>(i)].score; }

  bool Descends(int node, int ancestor) const {
    for (int a = Parent(node); a >= 0; a = Parent(a)) {
      if (a == ancestor) return true;
    }
    return false;
  }

  int TopCandidate() {
    std::vector<int> best;  // the five best candidates, best first
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (!nodes_[i].candidate) continue;
      best.push_back(static_cast<int>(i));
      std::stable_sort(best.begin(), best.end(), [&](int a, int b) { return Score(a) > Score(b); });
      if (best.size() > 5) best.pop_back();
    }
    if (best.empty()) {
      for (size_t i = 0; i < nodes_.size(); ++i) {
        if (Is(nodes_[i].xml, "body")) return static_cast<int>(i);
      }
      return 0;
    }
    int top = best[0];
    // Several near-best candidates under one ancestor: the ancestor is the article.
    std::vector<int> rivals;
    for (size_t k = 1; k < best.size(); ++k) {
      if (Score(best[k]) >= 0.75 * Score(top)) rivals.push_back(best[k]);
    }
    if (rivals.size() >= 3) {
      for (int a = Parent(top); !IsBody(a); a = Parent(a)) {
        int containing = 0;
        for (int r : rivals) containing += Descends(r, a);
        if (containing >= 3) {
          top = a;
          Initialize(top);
          break;
        }
      }
    }
    // Climb while the parent scores at least as well (the article split over children).
    double last = Score(top), threshold = last / 3;
    for (int a = Parent(top); !IsBody(a); a = Parent(a)) {
      if (!nodes_[static_cast<size_t>(a)].candidate) continue;
      if (Score(a) < threshold) break;
      if (Score(a) > last) {
        top = a;
        break;
      }
      last = Score(a);
    }
    // An only child stands for its parent.
    while (!IsBody(Parent(top)) && ElementChildren(Parent(top)) == 1) top = Parent(top);
    Initialize(top);
    return top;
  }

  int ElementChildren(int i) const {
    int k = 0;
    for (xmlNode* c = nodes_[static_cast<size_t>(i)].xml->children; c; c = c->next)
      k += c->type == XML_ELEMENT_NODE;
    return k;
  }

  static bool EndsSentence(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) return true;
    }
    return false;
  }

  // The top candidate and those of its siblings that read as more of the article.
  std::vector<int> JoinSiblings(int top) {
    const int parent = Parent(top);
    if (parent < 0) return {top};
    const double threshold = std::max(10.0, Score(top) * 0.2);
    const std::string top_class = Attr(nodes_[static_cast<size_t>(top)].xml, "class");
    std::vector<int> out;
    for (xmlNode* c = nodes_[static_cast<size_t>(parent)].xml->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const int s = IndexOf(c);
      const Node& n = nodes_[static_cast<size_t>(s)];
      if (n.removed) continue;
      bool join = s == top;
      if (!join && n.candidate) {
        double bonus = !top_class.empty() && Attr(c, "class") == top_class ? Score(top) * 0.2 : 0;
        join = n.score + bonus >= threshold;
      }
      if (!join && Is(c, "p")) {
        double density = LinkDensity(s);
        if (n.text > 80) {
          join = density < 0.25;
        } else if (n.text > 0 && density == 0) {
          join = EndsSentence(TextOf(c));
        }
      }
      if (join) out.push_back(s);
    }
    return out;
  }

  static std::string TextOf(xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    if (!c) return {};
    std::string s(reinterpret_cast<const char*>(c));
    xmlFree(c);
    return s;
  }

  // Readability's conditional cleaning: blocks inside the article that are mostly links,
  // images, form fields or list items rather than prose.
  bool Fishy(int i) const {
    const Node& n = nodes_[static_cast<size_t>(i)];
    const xmlNode* x = n.xml;
    if (!(Is(x, "div") || Is(x, "section") || Is(x, "ul") || Is(x, "ol") || Is(x, "table") ||
          Is(x, "fieldset") || Is(x, "form"))) {
      return false;
    }
    const int weight = flags_.weight_classes ? ClassWeight(x) : 0;
    if (weight < 0) return true;
    if (n.commas >= 10) return false;
    bool list = Is(x, "ul") || Is(x, "ol");
    if (!list && n.text > 0) list = static_cast<double>(n.list_text) / n.text > 0.9;
    const double p = n.paragraphs, img = n.images, li = n.items - 100, density = LinkDensity(i);
    const double heading_density =
        n.text == 0 ? 0 : static_cast<double>(n.heading_text) / static_cast<double>(n.text);
    return (img > 1 && p / img < 0.5) || (!list && li > p) || n.inputs > static_cast<int>(p / 3) ||
           (!list && heading_density < 0.9 && n.text < 25 && (img == 0 || img > 2)) ||
           (!list && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5) ||
           (n.embeds == 1 && n.text < 75) || n.embeds > 1;
  }

  bool Dropped(xmlNode* x, bool root) const {
    const Node& n = nodes_[static_cast<size_t>(IndexOf(x))];
    if (n.removed || AboutTheArticle(x, n.text)) return true;
    if (Is(x, "h1")) return true;  // the title, which is metadata
    if (IsHeading(x) && flags_.weight_classes && ClassWeight(x) < 0) return true;
    if (IsHeading(x) && LinkDensity(IndexOf(x)) > 0.33) return true;
    if (!root && flags_.clean_conditionally && Fishy(IndexOf(x))) return true;
    if (flags_.clean_conditionally && n.text < 500) {
      std::string names = AsciiLower(Attr(x, "class") + " " + Attr(x, "id"));
      if (names.find("share") != std::string::npos) return true;
    }
    return false;
  }

  // Text of the subtree at `i`, one line per block element.
  void Emit(int i, std::string* out) const {
    std::string line;
    auto flush = [&] {
      std::string_view t = Trim(line);
      if (!t.empty()) {
        out->append(t);
        out->push_back('\n');
      }
      line.clear();
    };
    std::vector<std::pair<xmlNode*, bool>> stack;  // node, children already pushed
    stack.emplace_back(nodes_[static_cast<size_t>(i)].xml, false);
    std::vector<xmlNode*> kids;
    while (!stack.empty()) {
      auto [x, expanded] = stack.back();
      stack.pop_back();
      if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
        if (x->content) AppendCollapsed(reinterpret_cast<const char*>(x->content), &line);
        continue;
      }
      if (x->type != XML_ELEMENT_NODE) continue;
      if (expanded) {
        if (IsBlock(x)) flush();
        continue;
      }
      if (Dropped(x, x == nodes_[static_cast<size_t>(i)].xml)) continue;
      if (IsBlock(x)) flush();
      stack.emplace_back(x, true);
      kids.clear();
      for (xmlNode* c = x->children; c; c = c->next) kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, false);
    }
    flush();
  }

  Flags flags_;
  std::vector<Node> nodes_;
};

}  // namespace

std::string MainContentText(xmlDoc* doc) {
  if (doc == nullptr || xmlDocGetRootElement(doc) == nullptr) return std::string();
  // Readability's retries: each pass trusts the page's markup less; the longest result wins
  // when none reaches kMinText.
  const Flags passes[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
  std::string best;
  for (const Flags& f : passes) {
    std::string text = Extractor(doc, f).Run();
    int commas = 0;
    if (CountChars(text.c_str(), &commas) >= kMinText) return text;
    if (text.size() > best.size()) best = std::move(text);
  }
  return best;
}

}  // namespace crossread::clean
