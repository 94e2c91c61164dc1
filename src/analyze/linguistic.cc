// Greedy linear models for news English.
//
// POS: left to right, features of the word, its neighbours (two each side), affixes, shape and
// the two previous predicted tags (the averaged perceptron tagger of Collins 2002 as popularised
// by Honnibal's "A good part-of-speech tagger in about 200 lines").
//
// Entities: left to right over BIO tags with the same word features plus POS tags, a lexicon
// class (gazetteer, first name, title) and the previous two entity tags; decoding never opens
// an I-X that does not continue an X.
//
// Parser: arc-eager (Nivre 2003) with labelled arcs and the root at the end of the buffer
// (Ballesteros and Nivre 2013), trained with Goldberg and Nivre's (2012) dynamic oracle and
// exploration; features after Zhang and Nivre (2011): words, tags, labels, distance, valency
// and label sets around the two stack tops and three buffer fronts, the verbs and commas between
// the stack top and the buffer front, and word triples for attachment. Trained with a feature
// cutoff (`TrainOptions::min_updates`), which pays most here: the parser's lexical features are
// the sparsest.
#include "analyze/linguistic.h"

#include <algorithm>
#include <cstring>
#include <random>

#include "analyze/gazetteer.h"
#include "clean/normalize.h"
#include "common/data.h"
#include "common/hash.h"
#include "common/lexicon.h"
#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::analyze {

namespace {

constexpr uint64_t kNone = 0x51ED270B27AC3DULL;  // a missing token
constexpr uint64_t kStart = 0x2C1B3C6DULL;       // before the sentence
constexpr uint64_t kEnd = 0x7FEB352DULL;         // after the sentence
constexpr uint64_t kRoot = 0x1B873593ULL;        // the parser's root, after the sentence

uint64_t H(std::string_view s) { return Hash64(s, 0xC0FFEE); }

// `lower` with digits folded ("!YEAR", "!DIGITS", "b0b"), into `out`.
void FoldDigits(std::string_view lower, std::string* out) {
  bool all_digits = !lower.empty();
  bool any_digit = false;
  for (char c : lower) {
    bool d = c >= '0' && c <= '9';
    any_digit |= d;
    all_digits &= d;
  }
  if (all_digits) {
    *out = lower.size() == 4 ? "!YEAR" : "!DIGITS";
    return;
  }
  out->assign(lower);
  if (any_digit) {
    for (char& c : *out) c = c >= '0' && c <= '9' ? '0' : c;
  }
}

// The shape of `w` ("Xxxx", "dd", "X.X.", runs of three or more squeezed to two), into `out`.
void Shape(std::string_view w, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < w.size()) {
    char32_t cp = DecodeUtf8(w, &i);
    char c = IsUpper(cp)   ? 'X'
             : IsLower(cp) ? 'x'
             : IsDigit(cp) ? 'd'
                           : (cp < 0x80 ? static_cast<char>(cp) : '?');
    if (out->size() >= 2 && out->back() == c && (*out)[out->size() - 2] == c) continue;
    out->push_back(c);
  }
}

uint64_t LexiconClass(std::string_view w) {
  static const uint64_t kDemonym = H("DEMONYM"), kFirst = H("FIRST"), kTitle = H("TITLE"),
                        kDate = H("DATE"), kOrgSuffix = H("ORGSUF");
  if (const Gazetteer::Entry* g = Gazetteer::Get().Find(w)) {
    return g->demonym ? kDemonym : H(g->type);
  }
  const uint32_t in = Lexicon::Get().Categories(w);
  auto is = [in](Lex c) { return (in & static_cast<uint32_t>(c)) != 0; };
  if (is(Lex::kFirstName)) return kFirst;
  if (is(Lex::kTitle) || is(Lex::kHonorific)) return kTitle;
  if (is(Lex::kMonth) || is(Lex::kWeekday)) return kDate;
  if (is(Lex::kOrgSuffix)) return kOrgSuffix;
  return 0;
}

template <typename T>
const T& At(std::span<const T> v, int i, const T& outside) {
  return i >= 0 && i < static_cast<int>(v.size()) ? v[static_cast<size_t>(i)] : outside;
}

// ---- POS -----------------------------------------------------------------------------------

[[gnu::flatten]] void PosFeatures(std::span<const WordInfo> w, int i, uint64_t p1, uint64_t p2,
                                  std::vector<uint64_t>* f) {
  static const WordInfo kStartInfo{kStart, kStart, kStart, kStart, kStart, kStart,
                                   kStart, kStart, kStart, 0,      false};
  static const WordInfo kEndInfo{kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, 0, false};
  const WordInfo& w0 = w[static_cast<size_t>(i)];
  const WordInfo& m1 = At(w, i - 1, kStartInfo);
  const WordInfo& m2 = At(w, i - 2, kStartInfo);
  const WordInfo& n1 = At(w, i + 1, kEndInfo);
  const WordInfo& n2 = At(w, i + 2, kEndInfo);
  f->clear();
  f->push_back(Feature(1));
  f->push_back(Feature(2, w0.norm));
  f->push_back(Feature(3, w0.suf3));
  f->push_back(Feature(4, w0.pre1));
  f->push_back(Feature(5, p1));
  f->push_back(Feature(6, p2));
  f->push_back(Feature(7, p1, p2));
  f->push_back(Feature(8, p1, w0.norm));
  f->push_back(Feature(9, m1.norm));
  f->push_back(Feature(10, m1.suf3));
  f->push_back(Feature(11, m2.norm));
  f->push_back(Feature(12, n1.norm));
  f->push_back(Feature(13, n1.suf3));
  f->push_back(Feature(14, n2.norm));
  f->push_back(Feature(15, w0.shape));
  f->push_back(Feature(16, w0.suf2));
  f->push_back(Feature(17, w0.suf4));
  f->push_back(Feature(18, w0.pre3));
  f->push_back(Feature(19, w0.suf1));
  f->push_back(Feature(20, m1.norm, w0.norm));
  f->push_back(Feature(21, w0.norm, n1.norm));
  f->push_back(Feature(22, w0.shape, i == 0));
  f->push_back(Feature(23, p1, n1.norm));
  f->push_back(Feature(24, n1.shape));
}

// ---- Entities ------------------------------------------------------------------------------

[[gnu::flatten]] void NerFeatures(std::span<const WordInfo> w, std::span<const uint64_t> pos, int i,
                                  uint64_t t1, uint64_t t2, std::vector<uint64_t>* f) {
  static const WordInfo kStartInfo{kStart, kStart, kStart, kStart, kStart, kStart,
                                   kStart, kStart, kStart, kStart, false};
  static const WordInfo kEndInfo{kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, kEnd, false};
  const WordInfo& w0 = w[static_cast<size_t>(i)];
  const WordInfo& m1 = At(w, i - 1, kStartInfo);
  const WordInfo& m2 = At(w, i - 2, kStartInfo);
  const WordInfo& n1 = At(w, i + 1, kEndInfo);
  const WordInfo& n2 = At(w, i + 2, kEndInfo);
  uint64_t p0 = pos[static_cast<size_t>(i)], pm1 = At(pos, i - 1, kStart),
           pn1 = At(pos, i + 1, kEnd);
  f->clear();
  f->push_back(Feature(101));
  f->push_back(Feature(102, w0.norm));
  f->push_back(Feature(103, w0.shape));
  f->push_back(Feature(104, w0.suf3));
  f->push_back(Feature(105, w0.pre3));
  f->push_back(Feature(106, p0));
  f->push_back(Feature(107, pm1));
  f->push_back(Feature(108, pn1));
  f->push_back(Feature(109, m1.norm));
  f->push_back(Feature(110, n1.norm));
  f->push_back(Feature(111, m2.norm));
  f->push_back(Feature(112, n2.norm));
  f->push_back(Feature(113, m1.shape));
  f->push_back(Feature(114, n1.shape));
  f->push_back(Feature(115, t1));
  f->push_back(Feature(116, t1, t2));
  f->push_back(Feature(117, t1, w0.norm));
  f->push_back(Feature(118, t1, w0.shape));
  f->push_back(Feature(119, w0.lexicon));
  f->push_back(Feature(120, m1.lexicon));
  f->push_back(Feature(121, n1.lexicon));
  f->push_back(Feature(122, w0.norm, n1.shape));
  f->push_back(Feature(123, p0, pn1));
  f->push_back(Feature(124, pm1, p0));
  f->push_back(Feature(125, w0.shape, i == 0));
  f->push_back(Feature(126, m1.norm, w0.norm));
  f->push_back(Feature(127, w0.norm, n1.norm));
  f->push_back(Feature(128, t1, p0));
  f->push_back(Feature(129, w0.suf4));
  f->push_back(Feature(130, w0.lexicon, w0.shape));
  f->push_back(Feature(131, m1.lexicon, w0.shape));
  f->push_back(Feature(132, w0.pre2));
  f->push_back(Feature(133, m1.suf3));
  f->push_back(Feature(134, n1.suf3));
  f->push_back(Feature(135, m1.norm, n1.norm));
  f->push_back(Feature(136, w0.norm, p0));
  f->push_back(Feature(137, t1, m1.norm));
  f->push_back(Feature(138, m2.lexicon, n2.lexicon));
  f->push_back(Feature(139, m1.capitalized, w0.capitalized, n1.capitalized));
  f->push_back(Feature(140, m2.shape, n2.shape));
  f->push_back(Feature(141, n1.lexicon, w0.shape));
  f->push_back(Feature(142, t1, t2, w0.shape));
  f->push_back(Feature(143, m1.norm, w0.norm, n1.norm));
  f->push_back(Feature(144, p0, w0.shape));
  f->push_back(Feature(145, m1.lexicon, w0.lexicon, n1.lexicon));
}

std::vector<std::string> NerClasses() {
  std::vector<std::string> c = {"O"};
  for (const char* t : kEntityTypes) {
    c.push_back(std::string("B-") + t);
    c.push_back(std::string("I-") + t);
  }
  return c;
}

// I-X may only follow B-X or I-X. At run time (`io`), B-X may not either: the training data
// is IO, where two neighbouring tokens of one type are always one mention. Training decodes
// without that rule, which measured better on the dev split (85.4 against 84.7 F1).
bool NerAllowed(const std::string& cls, const std::string& prev, bool io) {
  if (cls.size() < 2) return true;
  bool continues = prev.size() > 2 && prev.substr(2) == cls.substr(2);
  return cls[0] == 'I' ? continues : !(io && continues);
}

std::vector<std::string> IoToBio(const std::vector<std::string>& io) {
  std::vector<std::string> out(io.size(), "O");
  for (size_t i = 0; i < io.size(); ++i) {
    bool known = std::any_of(std::begin(kEntityTypes), std::end(kEntityTypes),
                             [&](const char* t) { return io[i] == t; });
    if (!known) continue;
    bool cont = i > 0 && io[i - 1] == io[i];
    out[i] = (cont ? "I-" : "B-") + io[i];
  }
  return out;
}

// ---- Parser --------------------------------------------------------------------------------

enum Move { kShift = 0, kReduce = 1 };  // then LEFT-l at 2 + l, RIGHT-l at 2 + L + l

// Arc-eager with the root at the end of the buffer (Ballesteros and Nivre 2013): tokens are
// 1..n and the root is n + 1, so a token is made a root only by a LEFT arc once the whole
// sentence has been read, and every token ends with a head.
struct ParseState {
  int n = 0;               // tokens 1..n; n + 1 is the root
  std::vector<int> stack;  // bottom first
  int b = 1;               // front of the buffer; n + 1 once only the root is left
  std::vector<int> head;   // head[t], -1 while unattached
  std::vector<int> label;  // label index of t's arc
  // A token's dependents on one side, as far as the features look: how many, the outermost
  // two (each new one is further out than those before it) and the set of their labels.
  struct Side {
    int count = 0;
    int outer = -1, outer2 = -1;
    uint64_t labels = 0;  // bit l & 63 for label l
  };
  std::vector<Side> left, right;

  explicit ParseState(int tokens)
      : n(tokens),
        head(static_cast<size_t>(tokens + 2), -1),
        label(static_cast<size_t>(tokens + 2), -1),
        left(static_cast<size_t>(tokens + 2)),
        right(static_cast<size_t>(tokens + 2)) {}
  int Root() const { return n + 1; }
  bool Done() const { return b > n && stack.empty(); }
  int S0() const { return stack.empty() ? -1 : stack.back(); }
  int S1() const { return stack.size() < 2 ? -1 : stack[stack.size() - 2]; }
  bool Valid(int move, int labels) const {
    int s = S0();
    if (move == kShift) return b <= n;
    if (move == kReduce) return s > 0 && head[static_cast<size_t>(s)] >= 0;
    if (move < 2 + labels) return s > 0 && head[static_cast<size_t>(s)] < 0;  // LEFT
    return b <= n && s > 0;                                                   // RIGHT
  }
  void Attach(int h, int d, int l) {
    head[static_cast<size_t>(d)] = h;
    label[static_cast<size_t>(d)] = l;
    Side& side = (d < h ? left : right)[static_cast<size_t>(h)];
    ++side.count;
    side.outer2 = side.outer;
    side.outer = d;
    side.labels |= uint64_t{1} << (l & 63);
  }
  void Apply(int move, int labels) {
    int s = S0();
    if (move == kShift) {
      stack.push_back(b++);
    } else if (move == kReduce) {
      stack.pop_back();
    } else if (move < 2 + labels) {
      Attach(b, s, move - 2);
      stack.pop_back();
    } else {
      Attach(s, b, move - 2 - labels);
      stack.push_back(b++);
    }
  }
};

// Cost of a move under the dynamic oracle: gold arcs it makes unreachable (Goldberg and Nivre
// 2012), plus one for a gold arc with the wrong label.
int MoveCost(const ParseState& st, int move, int labels, const std::vector<int>& gold_head,
             const std::vector<int>& gold_label) {
  const int s = st.S0(), b = st.b, n = st.n;
  auto gh = [&](int t) { return gold_head[static_cast<size_t>(t)]; };
  int cost = 0;
  if (move == kShift) {
    for (int k : st.stack) {
      if (gh(b) == k) ++cost;
      if (k > 0 && gh(k) == b && st.head[static_cast<size_t>(k)] < 0) ++cost;
    }
  } else if (move == kReduce) {
    for (int k = b; k <= n; ++k) cost += gh(k) == s;
  } else if (move < 2 + labels) {  // LEFT: s ← b
    if (gh(s) != b && gh(s) > b) ++cost;
    for (int k = b; k <= n; ++k) cost += gh(k) == s;
    if (gh(s) == b && gold_label[static_cast<size_t>(s)] != move - 2) ++cost;
  } else {  // RIGHT: s → b
    if (gh(b) != s) {
      bool head_reachable = gh(b) > b;
      for (int k : st.stack) head_reachable |= k == gh(b);
      if (head_reachable) ++cost;
    }
    for (int k : st.stack) {
      if (k > 0 && gh(k) == b && st.head[static_cast<size_t>(k)] < 0) ++cost;
    }
    if (gh(b) == s && gold_label[static_cast<size_t>(b)] != move - 2 - labels) ++cost;
  }
  return cost;
}

class ParserFeatures {
 public:
  ParserFeatures(std::span<const WordInfo> w, std::span<const uint64_t> pos,
                 const std::vector<uint64_t>& label_hash)
      : w_(w), pos_(pos), label_hash_(label_hash), verbs_(pos.size() + 1), breaks_(pos.size() + 1) {
    static const uint64_t kVerbs[] = {H("VB"),  H("VBD"), H("VBZ"), H("VBP"),
                                      H("VBN"), H("VBG"), H("MD")};
    static const uint64_t kBreaks[] = {H(","), H(":"), H("CC")};
    auto in = [](const auto& set, uint64_t tag) {
      return std::find(std::begin(set), std::end(set), tag) != std::end(set);
    };
    for (size_t i = 0; i < pos.size(); ++i) {
      verbs_[i + 1] = verbs_[i] + in(kVerbs, pos[i]);
      breaks_[i + 1] = breaks_[i] + in(kBreaks, pos[i]);
    }
  }

  [[gnu::flatten]] void Extract(const ParseState& st, std::vector<uint64_t>* f) const {
    const int s0 = st.S0(), s1 = st.S1(), n0 = st.b;
    const int n1 = st.b + 1 <= st.n ? st.b + 1 : -1, n2 = st.b + 2 <= st.n ? st.b + 2 : -1;
    const int s0h = s0 > 0 ? st.head[static_cast<size_t>(s0)] : -1;
    const int s0h2 = s0h > 0 ? st.head[static_cast<size_t>(s0h)] : -1;
    auto kid = [&](int t, bool leftside, int k) {  // the outermost dependent (k 0) or the next
      if (t < 0) return -1;
      const ParseState::Side& v = (leftside ? st.left : st.right)[static_cast<size_t>(t)];
      return k == 0 ? v.outer : v.outer2;
    };
    const int s0l = kid(s0, true, 0), s0l2 = kid(s0, true, 1), s0r = kid(s0, false, 0),
              s0r2 = kid(s0, false, 1), n0l = kid(n0, true, 0), n0l2 = kid(n0, true, 1);
    const uint64_t ws0 = W(s0), ps0 = P(s0), wn0 = W(n0), pn0 = P(n0), wn1 = W(n1), pn1 = P(n1);
    const uint64_t wn2 = W(n2), pn2 = P(n2);
    const uint64_t d = s0 < 0 ? 0 : n0 == st.Root() ? 9 : DistanceBucket(n0 - s0);
    const uint64_t between = Between(s0, n0, st.n);
    auto count = [](const ParseState::Side& v) { return static_cast<uint64_t>(v.count); };
    const uint64_t vl_s0 = s0 >= 0 ? count(st.left[static_cast<size_t>(s0)]) : 99;
    const uint64_t vr_s0 = s0 >= 0 ? count(st.right[static_cast<size_t>(s0)]) : 99;
    const uint64_t vl_n0 = n0 >= 0 ? count(st.left[static_cast<size_t>(n0)]) : 99;
    f->clear();
    f->push_back(Feature(201));
    f->push_back(Feature(202, ws0));
    f->push_back(Feature(203, ps0));
    f->push_back(Feature(204, ws0, ps0));
    f->push_back(Feature(205, wn0));
    f->push_back(Feature(206, pn0));
    f->push_back(Feature(207, wn0, pn0));
    f->push_back(Feature(208, wn1));
    f->push_back(Feature(209, pn1));
    f->push_back(Feature(210, wn1, pn1));
    f->push_back(Feature(211, wn2));
    f->push_back(Feature(212, pn2));
    f->push_back(Feature(213, Feature(0, ws0, ps0), wn0, pn0));
    f->push_back(Feature(214, Feature(0, ws0, ps0), wn0));
    f->push_back(Feature(215, ws0, wn0, pn0));
    f->push_back(Feature(216, Feature(0, ws0, ps0), pn0));
    f->push_back(Feature(217, ps0, wn0, pn0));
    f->push_back(Feature(218, ws0, wn0));
    f->push_back(Feature(219, ps0, pn0));
    f->push_back(Feature(220, pn0, pn1));
    f->push_back(Feature(221, pn0, pn1, pn2));
    f->push_back(Feature(222, ps0, pn0, pn1));
    f->push_back(Feature(223, P(s0h), ps0, pn0));
    f->push_back(Feature(224, ps0, P(s0l), pn0));
    f->push_back(Feature(225, ps0, P(s0r), pn0));
    f->push_back(Feature(226, ps0, pn0, P(n0l)));
    f->push_back(Feature(227, ws0, d));
    f->push_back(Feature(228, ps0, d));
    f->push_back(Feature(229, wn0, d));
    f->push_back(Feature(230, pn0, d));
    f->push_back(Feature(231, ws0, wn0, d));
    f->push_back(Feature(232, ps0, pn0, d));
    f->push_back(Feature(233, ws0, vr_s0));
    f->push_back(Feature(234, ps0, vr_s0));
    f->push_back(Feature(235, ws0, vl_s0));
    f->push_back(Feature(236, ps0, vl_s0));
    f->push_back(Feature(237, wn0, vl_n0));
    f->push_back(Feature(238, pn0, vl_n0));
    f->push_back(Feature(239, W(s0h)));
    f->push_back(Feature(240, P(s0h)));
    f->push_back(Feature(241, L(st, s0)));
    f->push_back(Feature(242, W(s0l)));
    f->push_back(Feature(243, P(s0l)));
    f->push_back(Feature(244, L(st, s0l)));
    f->push_back(Feature(245, W(s0r)));
    f->push_back(Feature(246, P(s0r)));
    f->push_back(Feature(247, L(st, s0r)));
    f->push_back(Feature(248, W(n0l)));
    f->push_back(Feature(249, P(n0l)));
    f->push_back(Feature(250, L(st, n0l)));
    f->push_back(Feature(251, W(s0h2)));
    f->push_back(Feature(252, P(s0h2)));
    f->push_back(Feature(253, L(st, s0h)));
    f->push_back(Feature(254, W(s0l2)));
    f->push_back(Feature(255, P(s0l2)));
    f->push_back(Feature(256, L(st, s0l2)));
    f->push_back(Feature(257, W(s0r2)));
    f->push_back(Feature(258, P(s0r2)));
    f->push_back(Feature(259, L(st, s0r2)));
    f->push_back(Feature(260, W(n0l2)));
    f->push_back(Feature(261, P(n0l2)));
    f->push_back(Feature(262, L(st, n0l2)));
    f->push_back(Feature(263, ps0, P(s0l), P(s0l2)));
    f->push_back(Feature(264, ps0, P(s0r), P(s0r2)));
    f->push_back(Feature(265, ps0, P(s0h), P(s0h2)));
    f->push_back(Feature(266, pn0, P(n0l), P(n0l2)));
    f->push_back(Feature(267, ws0, LabelSet(st, s0, false)));
    f->push_back(Feature(268, ps0, LabelSet(st, s0, false)));
    f->push_back(Feature(269, ws0, LabelSet(st, s0, true)));
    f->push_back(Feature(270, ps0, LabelSet(st, s0, true)));
    f->push_back(Feature(271, wn0, LabelSet(st, n0, true)));
    f->push_back(Feature(272, pn0, LabelSet(st, n0, true)));
    f->push_back(Feature(273, P(s1)));
    f->push_back(Feature(274, W(s1)));
    f->push_back(Feature(275, P(s1), ps0, pn0));
    f->push_back(Feature(276, W(s1), ws0));
    f->push_back(Feature(277, ps0, pn0, P(n0 > 1 ? n0 - 1 : -1)));
    f->push_back(Feature(278, ps0, P(s0 >= 0 ? s0 + 1 : -1), pn0));
    f->push_back(Feature(279, ps0, pn0, between));
    f->push_back(Feature(280, ps0, pn0, Feature(0, between, d)));
    // Lexical attachment: the stack top, its head and the next two words (a preposition and its
    // object, a conjunction and what it joins).
    f->push_back(Feature(281, ws0, wn0, wn1));
    f->push_back(Feature(282, W(s0h), wn0, wn1));
    f->push_back(Feature(283, W(s0h), ws0, wn0));
    f->push_back(Feature(284, P(s0h), wn0, pn1));
    f->push_back(Feature(285, wn0, wn1));
    f->push_back(Feature(286, W(s0r), wn0));
    f->push_back(Feature(287, W(s1), wn0));
  }

 private:
  uint64_t W(int t) const {
    if (t < 0) return kNone;
    if (t == 0) return kStart;
    if (t > static_cast<int>(w_.size())) return kRoot;
    return w_[static_cast<size_t>(t - 1)].norm;
  }
  uint64_t P(int t) const {
    if (t < 0) return kNone;
    if (t == 0) return kStart;
    if (t > static_cast<int>(pos_.size())) return kRoot;
    return pos_[static_cast<size_t>(t - 1)];
  }
  uint64_t L(const ParseState& st, int t) const {
    if (t <= 0 || st.label[static_cast<size_t>(t)] < 0) return kNone;
    return label_hash_[static_cast<size_t>(st.label[static_cast<size_t>(t)])];
  }
  // The set of labels of t's dependents on one side, as a bit mask.
  uint64_t LabelSet(const ParseState& st, int t, bool leftside) const {
    if (t < 0) return kNone;
    return (leftside ? st.left : st.right)[static_cast<size_t>(t)].labels;
  }
  static uint64_t DistanceBucket(int d) {
    if (d <= 4) return static_cast<uint64_t>(d);
    return d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : 8;
  }
  // The verbs (0, 1, 2 or more) and the commas, colons and conjunctions (the same) strictly
  // between tokens s and b, as one value; 99 if either is missing or the root.
  uint64_t Between(int s, int b, int n) const {
    if (s <= 0 || b > n) return 99;
    auto count = [&](const std::vector<uint32_t>& prefix) {
      return std::min<uint64_t>(prefix[static_cast<size_t>(b - 1)] - prefix[static_cast<size_t>(s)],
                                2);
    };
    return count(verbs_) * 3 + count(breaks_);
  }

  std::span<const WordInfo> w_;
  std::span<const uint64_t> pos_;
  const std::vector<uint64_t>& label_hash_;
  std::vector<uint32_t> verbs_, breaks_;  // counts over tokens 1..i, at i
};

std::vector<uint64_t> HashTags(std::span<const std::string> tags) {
  std::vector<uint64_t> out;
  out.reserve(tags.size());
  for (const std::string& t : tags) out.push_back(H(t));
  return out;
}

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  return std::vector<std::string_view>(words.begin(), words.end());
}

template <typename Score>
int BestValid(size_t classes, Score valid, const float* scores) {
  int best = -1;
  for (size_t c = 0; c < classes; ++c) {
    if (!valid(static_cast<int>(c))) continue;
    if (best < 0 || scores[c] > scores[best]) best = static_cast<int>(c);
  }
  return best;
}

bool Projective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  for (int i = 1; i <= n; ++i) {
    int h = heads[static_cast<size_t>(i - 1)];
    int lo = std::min(i, h), hi = std::max(i, h);
    for (int j = lo + 1; j < hi; ++j) {
      int k = j;  // every token between must descend from h
      int guard = 0;
      while (k != h && k != 0 && guard++ <= n) k = heads[static_cast<size_t>(k - 1)];
      if (k != h) return false;
    }
  }
  return true;
}

std::vector<std::string> LabelsOf(const std::vector<TreebankSentence>& data) {
  std::vector<std::string> labels;
  for (const TreebankSentence& s : data) {
    for (const std::string& l : s.labels) {
      if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
    }
  }
  std::sort(labels.begin(), labels.end());
  return labels;
}

// Greedy POS decoding with a LinearModel or a PerceptronTrainer (anything with Score,
// num_classes and classes).
template <typename Model>
std::vector<std::string> TagPosGreedy(const Model& model, std::span<const WordInfo> info) {
  std::vector<std::string> tags;
  std::vector<uint64_t> feats;
  std::vector<float> scores(model.num_classes());
  uint64_t p1 = kStart, p2 = kStart;
  for (int i = 0; i < static_cast<int>(info.size()); ++i) {
    PosFeatures(info, i, p1, p2, &feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.Score(feats, scores.data());
    size_t best =
        static_cast<size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    tags.push_back(model.classes()[best]);
    p2 = p1;
    p1 = H(tags.back());
  }
  return tags;
}

}  // namespace

std::vector<WordInfo> DescribeWords(const std::vector<std::string_view>& words) {
  std::vector<WordInfo> out;
  out.reserve(words.size());
  std::string lower, norm, shape, affix;  // reused: a word costs no allocation
  for (std::string_view w : words) {
    WordInfo info;
    if (w == "''" || w == "``") w = "\"";  // the treebank's quotes are crossread's '"'
    AsciiLower(w, &lower);
    FoldDigits(lower, &norm);
    info.norm = H(norm);
    // Affixes are hashed as "s" + suffix and "p" + prefix (bytes, as the models were trained).
    auto affix_hash = [&](char kind, size_t from, size_t n) {
      affix.assign(1, kind);
      affix.append(lower, from, n);
      return H(affix);
    };
    auto suffix = [&](size_t n) {
      size_t from = lower.size() > n ? lower.size() - n : 0;
      return affix_hash('s', from, lower.size() - from);
    };
    info.suf1 = suffix(1);
    info.suf2 = suffix(2);
    info.suf3 = suffix(3);
    info.suf4 = suffix(4);
    info.pre1 = affix_hash('p', 0, 1);
    info.pre2 = affix_hash('p', 0, 2);
    info.pre3 = affix_hash('p', 0, 3);
    Shape(w, &shape);
    info.shape = H(shape);
    info.lexicon = LexiconClass(w);
    size_t i = 0;
    info.capitalized = !w.empty() && IsUpper(DecodeUtf8(w, &i));
    out.push_back(info);
  }
  return out;
}

std::vector<TreebankSentence> ReadConllu(std::string_view text) {
  std::vector<TreebankSentence> out;
  TreebankSentence cur;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = TreebankSentence();
  };
  for (std::string_view line : SplitLines(text)) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 10 || f[0].find_first_of("-.") != std::string_view::npos) continue;
    std::string form(f[1]);
    if (form == "``" || form == "''")
      form = "\"";
    else if (form == "`")
      form = "'";
    else if (form == "-LRB-")
      form = "(";
    else if (form == "-RRB-")
      form = ")";
    cur.words.push_back(clean::NormalizeText(form));
    cur.pos.emplace_back(f[4]);
    cur.heads.push_back(std::atoi(std::string(f[6]).c_str()));
    cur.labels.emplace_back(f[7]);
    std::string ner = "O";
    size_t at = f[9].find("NER=");
    if (at != std::string_view::npos) {
      size_t e = f[9].find('|', at);
      ner = std::string(f[9].substr(at + 4, e == std::string_view::npos ? e : e - at - 4));
    }
    cur.ner.push_back(ner);
  }
  flush();
  return out;
}

const Linguist* Linguist::Default() {
  static const Linguist* linguist = []() -> const Linguist* {
    Result<LinearModel> pos = LinearModel::Load(data::pos_model());
    Result<LinearModel> ner = LinearModel::Load(data::ner_model());
    Result<LinearModel> parser = LinearModel::Load(data::parser_model());
    if (!pos.ok() || !ner.ok() || !parser.ok()) return nullptr;
    return new Linguist(std::move(*pos), std::move(*ner), std::move(*parser));
  }();
  return linguist;
}

Linguist::Linguist(LinearModel pos, LinearModel ner, LinearModel parser)
    : pos_(std::move(pos)), ner_(std::move(ner)), parser_(std::move(parser)) {}

std::vector<std::string> Linguist::TagPos(std::span<const WordInfo> words) const {
  return TagPosWith(pos_, words);
}

std::vector<std::string> Linguist::TagPos(const std::vector<std::string_view>& words) const {
  return TagPos(DescribeWords(words));
}

std::vector<std::string> Linguist::TagEntities(std::span<const WordInfo> words,
                                               std::span<const std::string> pos) const {
  return TagEntitiesWith(ner_, words, pos);
}

std::vector<std::string> Linguist::TagEntities(const std::vector<std::string_view>& words,
                                               const std::vector<std::string>& pos) const {
  return TagEntities(DescribeWords(words), pos);
}

std::vector<Arc> Linguist::Parse(std::span<const WordInfo> words,
                                 std::span<const std::string> pos) const {
  return ParseWith(parser_, words, pos);
}

std::vector<Arc> Linguist::Parse(const std::vector<std::string_view>& words,
                                 const std::vector<std::string>& pos) const {
  return Parse(DescribeWords(words), pos);
}

std::vector<std::string> TagPosWith(const LinearModel& model, std::span<const WordInfo> words) {
  return TagPosGreedy(model, words);
}

std::vector<std::string> TagEntitiesWith(const LinearModel& model, std::span<const WordInfo> info,
                                         std::span<const std::string> pos) {
  std::vector<uint64_t> ph = HashTags(pos);
  std::vector<std::string> tags;
  std::vector<uint64_t> feats;
  std::vector<float> scores(model.num_classes());
  uint64_t t1 = kStart, t2 = kStart;
  std::string prev = "O";
  for (int i = 0; i < static_cast<int>(info.size()); ++i) {
    NerFeatures(info, ph, i, t1, t2, &feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.Score(feats, scores.data());
    int best = BestValid(
        model.num_classes(),
        [&](int c) { return NerAllowed(model.classes()[static_cast<size_t>(c)], prev, true); },
        scores.data());
    tags.push_back(model.classes()[static_cast<size_t>(best)]);
    prev = tags.back();
    t2 = t1;
    t1 = H(prev);
  }
  return tags;
}

std::vector<Arc> ParseWith(const LinearModel& model, std::span<const WordInfo> info,
                           std::span<const std::string> pos) {
  const int n = static_cast<int>(info.size());
  const int labels = static_cast<int>((model.num_classes() - 2) / 2);
  std::vector<std::string> label_names;
  for (int l = 0; l < labels; ++l)
    label_names.push_back(model.classes()[static_cast<size_t>(2 + l)].substr(2));
  std::vector<uint64_t> label_hash = HashTags(label_names);
  std::vector<uint64_t> ph = HashTags(pos);
  ParserFeatures features(info, ph, label_hash);
  ParseState st(n);
  std::vector<uint64_t> feats;
  std::vector<float> scores(model.num_classes());
  while (!st.Done()) {
    // A move's validity depends on its kind only: SHIFT, REDUCE, LEFT-*, RIGHT-*.
    const bool can[4] = {st.Valid(kShift, labels), st.Valid(kReduce, labels), st.Valid(2, labels),
                         st.Valid(2 + labels, labels)};
    if (!can[2] && !can[3] && can[0] != can[1]) {  // one move only: nothing to score
      st.Apply(can[0] ? kShift : kReduce, labels);
      continue;
    }
    features.Extract(st, &feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.Score(feats, scores.data());
    int best = BestValid(
        model.num_classes(),
        [&](int c) {
          return can[c < 2 ? c : c < 2 + labels ? 2 : 3];
        },
        scores.data());
    st.Apply(best, labels);
  }
  // One root: the first token the parser attached to the root as "root", else the first
  // attached at all; the others hang from it with the labels the parser gave them.
  const int root_label = static_cast<int>(
      std::find(label_names.begin(), label_names.end(), "root") - label_names.begin());
  int root = -1;
  for (int t = 1; t <= n; ++t) {
    if (st.head[static_cast<size_t>(t)] == st.Root() &&
        (root < 0 || (st.label[static_cast<size_t>(t)] == root_label &&
                      st.label[static_cast<size_t>(root)] != root_label))) {
      root = t;
    }
  }
  std::vector<Arc> arcs(static_cast<size_t>(n));
  for (int t = 1; t <= n; ++t) {
    const int h = st.head[static_cast<size_t>(t)];
    const int l = st.label[static_cast<size_t>(t)];
    if (t == root) {
      arcs[static_cast<size_t>(t - 1)] = {0, "root"};
    } else if (h == st.Root()) {
      arcs[static_cast<size_t>(t - 1)] = {
          root, l == root_label ? "dep" : label_names[static_cast<size_t>(l)]};
    } else {
      arcs[static_cast<size_t>(t - 1)] = {h, label_names[static_cast<size_t>(l)]};
    }
  }
  return arcs;
}

std::unique_ptr<PerceptronTrainer> TrainPosTagger(const std::vector<TreebankSentence>& data,
                                                  const TrainOptions& options, TrainLog log) {
  std::vector<std::string> classes;
  for (const TreebankSentence& s : data) {
    for (const std::string& t : s.pos) {
      if (std::find(classes.begin(), classes.end(), t) == classes.end()) classes.push_back(t);
    }
  }
  std::sort(classes.begin(), classes.end());
  auto trained = std::make_unique<PerceptronTrainer>(classes, options.min_updates);
  PerceptronTrainer& model = *trained;
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<uint64_t> feats;
  std::vector<float> scores(classes.size());
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    size_t right = 0, total = 0;
    for (size_t idx : order) {
      const TreebankSentence& s = data[idx];
      std::vector<WordInfo> info = DescribeWords(Views(s.words));
      uint64_t p1 = kStart, p2 = kStart;
      for (int i = 0; i < static_cast<int>(s.words.size()); ++i) {
        PosFeatures(info, i, p1, p2, &feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        model.Score(feats, scores.data());
        int guess =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        int truth = static_cast<int>(
            std::lower_bound(classes.begin(), classes.end(), s.pos[static_cast<size_t>(i)]) -
            classes.begin());
        model.Update(feats, truth, guess);
        right += truth == guess;
        ++total;
        p2 = p1;
        p1 = H(classes[static_cast<size_t>(guess)]);
      }
    }
    if (log)
      log("pos epoch " + std::to_string(epoch + 1) + ": train accuracy " +
          std::to_string(100.0 * right / std::max<size_t>(1, total)));
    std::shuffle(order.begin(), order.end(), rng);
  }
  return trained;
}

std::unique_ptr<PerceptronTrainer> TrainEntityTagger(const std::vector<TreebankSentence>& data,
                                                     const TrainOptions& options, TrainLog log) {
  std::vector<std::string> classes = NerClasses();
  auto trained = std::make_unique<PerceptronTrainer>(classes, options.min_updates);
  PerceptronTrainer& model = *trained;
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<uint64_t> feats;
  std::vector<float> scores(classes.size());
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    size_t right = 0, total = 0;
    for (size_t idx : order) {
      const TreebankSentence& s = data[idx];
      std::vector<WordInfo> info = DescribeWords(Views(s.words));
      std::vector<uint64_t> ph = HashTags(s.pos);
      std::vector<std::string> gold = IoToBio(s.ner);
      uint64_t t1 = kStart, t2 = kStart;
      std::string prev = "O";
      for (int i = 0; i < static_cast<int>(s.words.size()); ++i) {
        NerFeatures(info, ph, i, t1, t2, &feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        model.Score(feats, scores.data());
        int guess = BestValid(
            classes.size(),
            [&](int c) { return NerAllowed(classes[static_cast<size_t>(c)], prev, false); },
            scores.data());
        int truth = static_cast<int>(
            std::find(classes.begin(), classes.end(), gold[static_cast<size_t>(i)]) -
            classes.begin());
        model.Update(feats, truth, guess);
        right += truth == guess;
        ++total;
        prev = classes[static_cast<size_t>(guess)];
        t2 = t1;
        t1 = H(prev);
      }
    }
    if (log)
      log("ner epoch " + std::to_string(epoch + 1) + ": train tag accuracy " +
          std::to_string(100.0 * right / std::max<size_t>(1, total)));
    std::shuffle(order.begin(), order.end(), rng);
  }
  return trained;
}

std::unique_ptr<PerceptronTrainer> TrainParser(const std::vector<TreebankSentence>& data,
                                               const TrainOptions& options, TrainLog log) {
  std::vector<std::string> label_names = LabelsOf(data);
  const int labels = static_cast<int>(label_names.size());
  std::vector<std::string> classes = {"SHIFT", "REDUCE"};
  for (const std::string& l : label_names) classes.push_back("L-" + l);
  for (const std::string& l : label_names) classes.push_back("R-" + l);
  std::vector<uint64_t> label_hash = HashTags(label_names);
  auto trained = std::make_unique<PerceptronTrainer>(classes, options.min_updates);
  PerceptronTrainer& model = *trained;
  std::vector<size_t> order;
  for (size_t i = 0; i < data.size(); ++i) {
    if (Projective(data[i].heads)) order.push_back(i);
  }
  std::mt19937 rng(options.seed);
  std::uniform_real_distribution<double> coin(0, 1);
  std::vector<uint64_t> feats;
  std::vector<float> scores(classes.size());
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    size_t right = 0, total = 0;
    for (size_t idx : order) {
      const TreebankSentence& s = data[idx];
      const int n = static_cast<int>(s.words.size());
      std::vector<int> gold_head(static_cast<size_t>(n + 2), -1),
          gold_label(static_cast<size_t>(n + 2), -1);
      for (int t = 1; t <= n; ++t) {
        const int h = s.heads[static_cast<size_t>(t - 1)];
        gold_head[static_cast<size_t>(t)] = h == 0 ? n + 1 : h;
        gold_label[static_cast<size_t>(t)] =
            static_cast<int>(std::lower_bound(label_names.begin(), label_names.end(),
                                              s.labels[static_cast<size_t>(t - 1)]) -
                             label_names.begin());
      }
      std::vector<WordInfo> info = DescribeWords(Views(s.words));
      std::vector<uint64_t> ph = HashTags(s.pos);
      ParserFeatures features(info, ph, label_hash);
      ParseState st(n);
      while (!st.Done()) {
        features.Extract(st, &feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        model.Score(feats, scores.data());
        int guess = -1, truth = -1;
        for (int c = 0; c < static_cast<int>(classes.size()); ++c) {
          if (!st.Valid(c, labels)) continue;
          if (guess < 0 || scores[static_cast<size_t>(c)] > scores[static_cast<size_t>(guess)])
            guess = c;
          if (MoveCost(st, c, labels, gold_head, gold_label) == 0 &&
              (truth < 0 || scores[static_cast<size_t>(c)] > scores[static_cast<size_t>(truth)])) {
            truth = c;
          }
        }
        if (truth < 0) truth = guess;  // no zero-cost move: the tree is already lost
        model.Update(feats, truth, guess);
        right += truth == guess;
        ++total;
        // Explore: after the first epoch, follow the model's own mistakes nine times in ten.
        bool explore = epoch > 0 && coin(rng) < 0.9;
        st.Apply(explore ? guess : truth, labels);
      }
    }
    if (log)
      log("parser epoch " + std::to_string(epoch + 1) + ": oracle agreement " +
          std::to_string(100.0 * right / std::max<size_t>(1, total)));
    std::shuffle(order.begin(), order.end(), rng);
  }
  return trained;
}

std::vector<std::string> TagWith(const PerceptronTrainer& model,
                                 const std::vector<std::string>& words) {
  return TagPosGreedy(model, DescribeWords(Views(words)));
}

void JackknifeTags(std::vector<TreebankSentence>* data, int folds, const TrainOptions& options,
                   TrainLog log) {
  std::vector<std::vector<std::string>> predicted(data->size());
  for (int f = 0; f < folds; ++f) {
    std::vector<TreebankSentence> rest;
    for (size_t i = 0; i < data->size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) != f) rest.push_back((*data)[i]);
    }
    std::unique_ptr<PerceptronTrainer> tagger = TrainPosTagger(rest, options, nullptr);
    for (size_t i = static_cast<size_t>(f); i < data->size(); i += static_cast<size_t>(folds)) {
      predicted[i] = TagWith(*tagger, (*data)[i].words);
    }
    if (log) log("jackknife fold " + std::to_string(f + 1) + " of " + std::to_string(folds));
  }
  for (size_t i = 0; i < data->size(); ++i) (*data)[i].pos = std::move(predicted[i]);
}

}  // namespace crossread::analyze
