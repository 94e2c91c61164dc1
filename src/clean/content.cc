#include "clean/content.h"

#include <algorithm>
#include <cstdint>
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

template <size_t N>
bool IsOneOf(const Dom& dom, int i, const char* const (&names)[N]) {
  for (const char* s : names) {
    if (dom.Is(i, s)) return true;
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

int ClassWeight(const Dom& dom, int i) {
  int w = 0;
  for (const char* attr : {"class", "id"}) {
    std::string v = AsciiLower(dom.Attr(i, attr));
    if (v.empty()) continue;
    if (NegativeName(v)) w -= 25;
    if (PositiveName(v)) w += 25;
  }
  return w;
}

bool IsHidden(const Dom& dom, int i) {
  if (dom.HasAttr(i, "hidden")) return true;
  if (AsciiLower(dom.Attr(i, "aria-hidden")) == "true") return true;
  std::string style = AsciiLower(dom.Attr(i, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool NeverContent(const Dom& dom, int i) {
  static constexpr const char* kSkip[] = {
      "script", "style",  "noscript", "nav",   "header",   "footer", "aside",  "button",
      "svg",    "iframe", "object",   "embed", "template", "select", "figure", "figcaption",
      "head",   "input",  "textarea", "label", "dialog",   "menu",   "canvas"};
  if (IsOneOf(dom, i, kSkip)) return true;
  std::string role = AsciiLower(dom.Attr(i, "role"));
  return role == "menu" || role == "menubar" || role == "complementary" || role == "navigation" ||
         role == "alert" || role == "alertdialog" || role == "dialog";
}

bool IsBlock(const Dom& dom, int i) {
  static constexpr const char* kBlock[] = {
      "p",    "div", "h1",         "h2", "h3",    "h4", "h5", "h6",      "li",
      "ul",   "ol",  "blockquote", "br", "tr",    "td", "th", "section", "article",
      "main", "pre", "dd",         "dt", "table", "hr", "dl", "address", "center"};
  return IsOneOf(dom, i, kBlock);
}

bool IsHeading(const Dom& dom, int i) {
  static constexpr const char* kHeadings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
  return IsOneOf(dom, i, kHeadings);
}

// Characters of visible text: code points that are not white space.
size_t CountChars(std::string_view s, int* commas) {
  size_t n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  for (; p < end; ++p) {
    unsigned char c = *p;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    ++n;
    if (c == ',') ++*commas;
    // U+FF0C FULLWIDTH COMMA, U+3001 IDEOGRAPHIC COMMA
    if (end - p >= 3 && c == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ++*commas;
    if (end - p >= 3 && c == 0xE3 && p[1] == 0x80 && p[2] == 0x81) ++*commas;
  }
  return n;
}

struct Stats {
  bool element = false;
  bool removed = false;  // never content (script, hidden, unlikely): not descended into
  bool block_child = false;
  int parent = -1;  // the parent element, -1 at the top
  size_t text = 0, link_text = 0, heading_text = 0, list_text = 0;
  int commas = 0, paragraphs = 0, images = 0, items = 0, inputs = 0, embeds = 0;
  bool candidate = false;
  double score = 0;
};

class Extractor {
 public:
  Extractor(const Dom& dom, Flags flags) : dom_(dom), flags_(flags), nodes_(dom.size()) {
    Collect();
  }

  std::string Run() {
    ScoreParagraphs();
    int top = TopCandidate();
    if (top < 0) return std::string();
    std::string out;
    for (int p : JoinSiblings(top)) Emit(p, &out);
    return out;
  }

 private:
  const Stats& At(int i) const { return nodes_[static_cast<size_t>(i)]; }
  Stats& At(int i) { return nodes_[static_cast<size_t>(i)]; }
  int Parent(int i) const { return At(i).parent; }
  double Score(int i) const { return At(i).score; }

  double LinkDensity(int i) const {
    const Stats& n = At(i);
    return n.text == 0 ? 0 : static_cast<double>(n.link_text) / static_cast<double>(n.text);
  }

  // Pre-order walk over the elements, with subtree statistics summed bottom-up.
  void Collect() {
    std::vector<int> stack, kids, order;
    for (int c = dom_.node(0).first_child; c >= 0; c = dom_.node(c).next) kids.push_back(c);
    stack.assign(kids.rbegin(), kids.rend());
    while (!stack.empty()) {
      const int x = stack.back();
      stack.pop_back();
      const int parent = dom_.node(x).parent > 0 ? dom_.node(x).parent : -1;
      if (dom_.IsText(x)) {
        if (parent >= 0) At(parent).text += CountChars(dom_.Text(x), &At(parent).commas);
        continue;
      }
      Stats& n = At(x);
      n.element = true;
      n.parent = parent;
      n.removed = (parent >= 0 && At(parent).removed) || NeverContent(dom_, x) ||
                  IsHidden(dom_, x) || Unlikely(x, flags_.strip_unlikely);
      if (parent >= 0 && IsBlock(dom_, x)) At(parent).block_child = true;
      order.push_back(x);
      if (n.removed) continue;
      kids.clear();
      for (int c = dom_.node(x).first_child; c >= 0; c = dom_.node(c).next) kids.push_back(c);
      stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    // Children come after their parent in pre-order: sum from the end.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const int x = *it;
      Stats& n = At(x);
      if (n.removed) continue;
      if (dom_.Is(x, "a")) n.link_text = n.text;
      if (IsHeading(dom_, x)) n.heading_text = n.text;
      if (dom_.Is(x, "ul") || dom_.Is(x, "ol")) n.list_text = n.text;
      n.paragraphs += dom_.Is(x, "p");
      n.images += dom_.Is(x, "img");
      n.items += dom_.Is(x, "li");
      n.inputs += dom_.Is(x, "input");
      n.embeds += dom_.Is(x, "object") || dom_.Is(x, "embed") || dom_.Is(x, "iframe");
      if (n.parent < 0) continue;
      Stats& p = At(n.parent);
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
  bool Unlikely(int x, bool strip_unlikely) const {
    if (dom_.Is(x, "body") || dom_.Is(x, "html") || dom_.Is(x, "a") || dom_.Is(x, "article") ||
        dom_.Is(x, "main")) {
      return false;
    }
    std::string names = dom_.LowerAttrs(x, {"class", "id"});
    if (MaybeCandidateName(names)) return false;
    if (ContainsAny(names, {"comment", "disqus"})) return true;
    return strip_unlikely && UnlikelyName(names);
  }

  // Bylines, datelines, timestamps and captions: short blocks about the article, not of it.
  bool AboutTheArticle(int x, size_t chars) const {
    if (dom_.Is(x, "time")) return true;
    if (chars >= 200) return false;
    return ContainsAny(
        dom_.LowerAttrs(x, {"class", "id", "rel", "itemprop"}),
        {"byline", "author", "dateline", "writtenby", "timestamp", "caption", "credit", "published",
         "posted-on", "post-date", "entry-date", "publish-date", "updated"});
  }

  void Initialize(int i) {
    Stats& n = At(i);
    if (n.candidate) return;
    n.candidate = true;
    double s = 0;
    if (dom_.Is(i, "div")) {
      s = 5;
    } else if (dom_.Is(i, "pre") || dom_.Is(i, "td") || dom_.Is(i, "blockquote")) {
      s = 3;
    } else if (dom_.Is(i, "address") || dom_.Is(i, "ol") || dom_.Is(i, "ul") || dom_.Is(i, "dl") ||
               dom_.Is(i, "dd") || dom_.Is(i, "dt") || dom_.Is(i, "li") || dom_.Is(i, "form")) {
      s = -3;
    } else if (IsHeading(dom_, i) || dom_.Is(i, "th")) {
      s = -5;
    }
    if (flags_.weight_classes) s += ClassWeight(dom_, i);
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
      At(a).score += content / divider;
      ++level;
    }
  }

  // Paragraphs are <p>, <pre>, <td>, blocks without block children, and runs of text and
  // inline elements between the block children of a block (text set with <br>s).
  void ScoreParagraphs() {
    for (int x = 0; x < static_cast<int>(nodes_.size()); ++x) {
      const Stats& n = At(x);
      if (!n.element || n.removed || n.parent < 0) continue;
      if (dom_.Is(x, "p") || dom_.Is(x, "pre") || dom_.Is(x, "td") ||
          ((dom_.Is(x, "div") || dom_.Is(x, "section")) && !n.block_child)) {
        AddParagraph(n.parent, n.text, n.commas);
        continue;
      }
      if (!n.block_child || dom_.Is(x, "body")) continue;
      size_t run = 0;
      int run_commas = 0;
      for (int c = dom_.node(x).first_child; c >= 0; c = dom_.node(c).next) {
        if (dom_.IsText(c)) {
          run += CountChars(dom_.Text(c), &run_commas);
        } else if (!IsBlock(dom_, c)) {
          if (!At(c).removed) {
            run += At(c).text;
            run_commas += At(c).commas;
          }
        } else {
          AddParagraph(x, run, run_commas);
          run = 0;
          run_commas = 0;
        }
      }
      AddParagraph(x, run, run_commas);
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].candidate) nodes_[i].score *= 1 - LinkDensity(static_cast<int>(i));
    }
  }

  bool IsBody(int i) const { return i < 0 || dom_.Is(i, "body"); }

  bool Descends(int node, int ancestor) const {
    for (int a = Parent(node); a >= 0; a = Parent(a)) {
      if (a == ancestor) return true;
    }
    return false;
  }

  int ElementChildren(int i) const {
    int k = 0;
    for (int c = dom_.node(i).first_child; c >= 0; c = dom_.node(c).next) k += !dom_.IsText(c);
    return k;
  }

  // The best-scoring block, or <body> when nothing scored; -1 for a page without elements.
  int TopCandidate() {
    std::vector<int> best;  // the five best candidates, best first
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (!nodes_[i].candidate) continue;
      best.push_back(static_cast<int>(i));
      std::stable_sort(best.begin(), best.end(), [&](int a, int b) { return Score(a) > Score(b); });
      if (best.size() > 5) best.pop_back();
    }
    if (best.empty()) {
      int first = -1;
      for (size_t i = 0; i < nodes_.size(); ++i) {
        if (!nodes_[i].element || nodes_[i].removed) continue;
        if (dom_.Is(static_cast<int>(i), "body")) return static_cast<int>(i);
        if (first < 0) first = static_cast<int>(i);
      }
      return first;
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
      if (!At(a).candidate) continue;
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
    const std::string_view top_class = dom_.Attr(top, "class");
    std::vector<int> out;
    for (int c = dom_.node(parent).first_child; c >= 0; c = dom_.node(c).next) {
      if (dom_.IsText(c) || At(c).removed) continue;
      const Stats& n = At(c);
      bool join = c == top;
      if (!join && n.candidate) {
        double bonus =
            !top_class.empty() && dom_.Attr(c, "class") == top_class ? Score(top) * 0.2 : 0;
        join = n.score + bonus >= threshold;
      }
      if (!join && dom_.Is(c, "p")) {
        double density = LinkDensity(c);
        if (n.text > 80) {
          join = density < 0.25;
        } else if (n.text > 0 && density == 0) {
          join = EndsSentence(dom_.TextContent(c));
        }
      }
      if (join) out.push_back(c);
    }
    return out;
  }

  // Readability's conditional cleaning: blocks inside the article that are mostly links,
  // images, form fields or list items rather than prose.
  bool Fishy(int i) const {
    const Stats& n = At(i);
    if (!(dom_.Is(i, "div") || dom_.Is(i, "section") || dom_.Is(i, "ul") || dom_.Is(i, "ol") ||
          dom_.Is(i, "table") || dom_.Is(i, "fieldset") || dom_.Is(i, "form"))) {
      return false;
    }
    const int weight = flags_.weight_classes ? ClassWeight(dom_, i) : 0;
    if (weight < 0) return true;
    if (n.commas >= 10) return false;
    bool list = dom_.Is(i, "ul") || dom_.Is(i, "ol");
    if (!list && n.text > 0) list = static_cast<double>(n.list_text) / n.text > 0.9;
    const double p = n.paragraphs, img = n.images, li = n.items - 100, density = LinkDensity(i);
    const double heading_density =
        n.text == 0 ? 0 : static_cast<double>(n.heading_text) / static_cast<double>(n.text);
    return (img > 1 && p / img < 0.5) || (!list && li > p) || n.inputs > static_cast<int>(p / 3) ||
           (!list && heading_density < 0.9 && n.text < 25 && (img == 0 || img > 2)) ||
           (!list && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5) ||
           (n.embeds == 1 && n.text < 75) || n.embeds > 1;
  }

  bool Dropped(int x, bool root) const {
    const Stats& n = At(x);
    if (n.removed || AboutTheArticle(x, n.text)) return true;
    if (dom_.Is(x, "h1")) return true;  // the title, which is metadata
    if (IsHeading(dom_, x) && flags_.weight_classes && ClassWeight(dom_, x) < 0) return true;
    if (IsHeading(dom_, x) && LinkDensity(x) > 0.33) return true;
    if (!root && flags_.clean_conditionally && Fishy(x)) return true;
    if (flags_.clean_conditionally && n.text < 500 &&
        dom_.LowerAttrs(x, {"class", "id"}).find("share") != std::string::npos) {
      return true;
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
    std::vector<std::pair<int, bool>> stack = {{i, false}};  // node, children already pushed
    std::vector<int> kids;
    while (!stack.empty()) {
      auto [x, expanded] = stack.back();
      stack.pop_back();
      if (dom_.IsText(x)) {
        AppendCollapsed(dom_.Text(x), &line);
        continue;
      }
      if (expanded) {
        if (IsBlock(dom_, x)) flush();
        continue;
      }
      if (Dropped(x, x == i)) continue;
      if (IsBlock(dom_, x)) flush();
      stack.emplace_back(x, true);
      kids.clear();
      for (int c = dom_.node(x).first_child; c >= 0; c = dom_.node(c).next) kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, false);
    }
    flush();
  }

  const Dom& dom_;
  Flags flags_;
  std::vector<Stats> nodes_;  // by DOM node index
};

}  // namespace

std::string MainContentText(const Dom& dom) {
  // Readability's retries: each pass trusts the page's markup less; the longest result wins
  // when none reaches kMinText.
  const Flags passes[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
  std::string best;
  for (const Flags& f : passes) {
    std::string text = Extractor(dom, f).Run();
    int commas = 0;
    if (CountChars(text, &commas) >= kMinText) return text;
    if (text.size() > best.size()) best = std::move(text);
  }
  return best;
}

}  // namespace crossread::clean
