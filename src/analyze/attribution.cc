#include "analyze/attribution.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <random>
#include <type_traits>

#include "analyze/lemma.h"
#include "common/data.h"
#include "common/hash.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

constexpr uint64_t kStart = 0x5EED5EEDULL;  // the tag before the paragraph
constexpr uint8_t kOutside = 0, kOpening = 1, kInside = 2, kClosing = 3;
// Paragraphs are tagged up to this token (a long book chapter): beyond, a runaway input (a
// 20 MB "article") would cost minutes of parsing for quotes no brief can show.
constexpr uint32_t kMaxTokens = 100000;

uint64_t H(std::string_view s) { return Hash64(s, 0xA77B); }

// 1, 2, 3, 4-5, 6-9, 10-19, 20+ → 1..7.
uint8_t Bucket(uint32_t d) {
  if (d <= 3) return static_cast<uint8_t>(d);
  if (d <= 5) return 4;
  if (d <= 9) return 5;
  if (d <= 19) return 6;
  return 7;
}

constexpr int kTags = 7;        // O and B-/I- of CUE, SOURCE, CONTENT
constexpr int kBefore = kTags;  // the "previous tag" of a paragraph's first token
constexpr int kClasses = kTags + (kTags + 1) * kTags;

// The model's classes: the tags, which the features of a token alone weigh, and the pairs
// "previous>tag" ("^" before the first token), which the history features weigh. A feature
// that looks at the previous tag thus needs one lookup for all of them rather than one each.
const std::vector<std::string>& Classes() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> tags = {"O",        "B-CUE",     "I-CUE",    "B-SOURCE",
                                     "I-SOURCE", "B-CONTENT", "I-CONTENT"};
    std::vector<std::string> names = tags;
    for (int prev = 0; prev <= kBefore; ++prev) {
      for (const std::string& t : tags) {
        names.push_back((prev == kBefore ? "^" : tags[static_cast<size_t>(prev)]) + ">" + t);
      }
    }
    return names;
  }();
  return kNames;
}

int PairClass(int prev, int cls) { return kTags + prev * kTags + cls; }

// I-X only after B-X or I-X.
bool Allowed(int cls, int prev) {
  if (cls == 0 || cls % 2 == 1) return true;
  return prev == cls || prev == cls - 1;
}

// The features of token i: `fixed` those that weigh its tag, `history` those that weigh the
// pair of the previous tag and its own.
struct Neighbourhood {
  const WordInfo &w0, &m1, &m2, &n1, &n2;
  const TokenContext &c0, &cm1, &cm2, &cn1, &cn2;
};

Neighbourhood Around(const ParagraphTokens& p, int i) {
  static const WordInfo kEdge{kStart, kStart, kStart, kStart, kStart, kStart,
                              kStart, kStart, kStart, kStart, false};
  static const TokenContext kEdgeContext{kStart, 0,      0,      0, 0, 0, 0, 0, 0,
                                         0,      kStart, kStart, 0, 0, 0, 0, 0};
  auto word = [&](int k) -> const WordInfo& {
    return k >= 0 && k < static_cast<int>(p.words.size()) ? p.words[static_cast<size_t>(k)] : kEdge;
  };
  auto ctx = [&](int k) -> const TokenContext& {
    return k >= 0 && k < static_cast<int>(p.context.size()) ? p.context[static_cast<size_t>(k)]
                                                            : kEdgeContext;
  };
  return {word(i), word(i - 1), word(i - 2), word(i + 1), word(i + 2),
          ctx(i),  ctx(i - 1),  ctx(i - 2),  ctx(i + 1),  ctx(i + 2)};
}

[[gnu::flatten]] void FixedFeatures(const Neighbourhood& n, std::vector<uint64_t>* f) {
  const WordInfo &w0 = n.w0, &m1 = n.m1, &n1 = n.n1;
  const TokenContext &c0 = n.c0, &cm1 = n.cm1, &cn1 = n.cn1;
  f->clear();
  f->push_back(Feature(1));
  f->push_back(Feature(2, w0.norm));
  f->push_back(Feature(3, m1.norm));
  f->push_back(Feature(4, n1.norm));
  f->push_back(Feature(5, n.m2.norm));
  f->push_back(Feature(6, n.n2.norm));
  f->push_back(Feature(7, c0.pos));
  f->push_back(Feature(8, cm1.pos, c0.pos));
  f->push_back(Feature(9, c0.pos, cn1.pos));
  f->push_back(Feature(10, n.cm2.pos, cm1.pos, c0.pos));
  f->push_back(Feature(11, w0.shape));
  f->push_back(Feature(12, w0.suf3));
  f->push_back(Feature(13, w0.lexicon));
  f->push_back(Feature(14, c0.cue, c0.pos));
  f->push_back(Feature(15, c0.cue_before));
  f->push_back(Feature(16, c0.cue_after));
  f->push_back(Feature(17, c0.cue_before, c0.cue_after));
  f->push_back(Feature(18, c0.cue_before, c0.pos));
  f->push_back(Feature(19, c0.cue_after, c0.pos));
  f->push_back(Feature(20, c0.quote));
  f->push_back(Feature(22, c0.quote, c0.pos));
  f->push_back(Feature(23, c0.in_sentence));
  f->push_back(Feature(31, c0.mention));
  f->push_back(Feature(33, c0.mention, c0.cue_after, c0.cue_before));
  f->push_back(Feature(34, c0.sentence));
  f->push_back(Feature(36, m1.norm, w0.norm));
  f->push_back(Feature(37, w0.norm, n1.norm));
  f->push_back(Feature(38, c0.paragraph, c0.in_sentence == 0));
  f->push_back(Feature(41, w0.norm, c0.cue_before));
  f->push_back(Feature(44, cm1.cue, w0.norm));
  f->push_back(Feature(46, c0.sentence, c0.cue_before, c0.cue_after));
  f->push_back(Feature(48, w0.lexicon, c0.cue_after));
  f->push_back(Feature(49, c0.governor));
  f->push_back(Feature(51, c0.governor, c0.edge));
  f->push_back(Feature(52, c0.relation, c0.head_cue));
  f->push_back(Feature(53, c0.governor, c0.pos));
  f->push_back(Feature(54, c0.governor, c0.quote, c0.edge));
  f->push_back(Feature(58, c0.relation, c0.cue, w0.norm));
  f->push_back(Feature(59, cm1.governor, c0.governor, c0.edge));
  f->push_back(Feature(60, c0.cue, cn1.cue, cm1.cue));
  f->push_back(Feature(62, c0.children, c0.pos));
  f->push_back(Feature(63, c0.children, w0.norm));
  f->push_back(Feature(64, c0.children, c0.cue));
  f->push_back(Feature(65, c0.sense));
  f->push_back(Feature(66, c0.sense, c0.pos));
  f->push_back(Feature(67, c0.sense, c0.cue));
  f->push_back(Feature(68, c0.sense, c0.children));
  f->push_back(Feature(69, c0.head_sense, c0.relation));
  f->push_back(Feature(70, cm1.sense, c0.sense, cn1.sense));
}

// The second stage's view of the first stage's decisions around token i.
[[gnu::flatten]] void StackedFeatures(const Neighbourhood& n, std::vector<uint64_t>* f) {
  const TokenContext &c0 = n.c0, &cm1 = n.cm1, &cn1 = n.cn1;
  f->push_back(Feature(80, c0.prior));
  f->push_back(Feature(81, cm1.prior, c0.prior));
  f->push_back(Feature(82, c0.prior, cn1.prior));
  f->push_back(Feature(83, cn1.prior, n.cn2.prior));
  f->push_back(Feature(84, n.cm2.prior, cm1.prior));
  f->push_back(Feature(85, c0.prior, n.w0.norm));
  f->push_back(Feature(86, c0.prior_cue_before, c0.prior_cue_after));
  f->push_back(Feature(87, c0.prior, c0.prior_cue_after, c0.quote));
  f->push_back(Feature(89, c0.prior, c0.governor));
}

// The second stage's history feature: the first stage's tag with the pair.
void StackedHistoryFeatures(const Neighbourhood& n, std::vector<uint64_t>* f) {
  f->push_back(Feature(88, n.c0.prior));
}

[[gnu::flatten]] void HistoryFeatures(const Neighbourhood& n, std::vector<uint64_t>* f) {
  const TokenContext &c0 = n.c0, &cn1 = n.cn1;
  f->push_back(Feature(26));
  f->push_back(Feature(21, c0.quote));
  f->push_back(Feature(24, c0.to_end));
  f->push_back(Feature(28, n.w0.norm));
  f->push_back(Feature(29, c0.pos));
  f->push_back(Feature(30, c0.quote, c0.cue_after));
  f->push_back(Feature(35, c0.sentence));
  f->push_back(Feature(39, n.n1.norm));
  f->push_back(Feature(40, c0.to_end, c0.quote));
  f->push_back(Feature(42, c0.paragraph, c0.quote));
  f->push_back(Feature(47, cn1.pos, cn1.quote));
  f->push_back(Feature(50, c0.governor));
  f->push_back(Feature(71, c0.sense));
  f->push_back(Feature(55, c0.governor, n.cm1.governor));
  f->push_back(Feature(57, cn1.governor, cn1.edge));
}

// All features of token i, those that weigh its tag first; returns where the history
// features begin.
size_t TokenFeatures(const ParagraphTokens& p, int i, std::vector<uint64_t>* f) {
  Neighbourhood hood = Around(p, i);
  FixedFeatures(hood, f);
  if (p.stacked) StackedFeatures(hood, f);
  size_t history = f->size();
  HistoryFeatures(hood, f);
  if (p.stacked) StackedHistoryFeatures(hood, f);
  return history;
}

// Viterbi decoding over first-order tag sequences with a LinearModel or a PerceptronTrainer;
// `gold` (training) takes a structured perceptron step where the best sequence differs from
// it and counts the tokens tagged right in `*right`.
template <typename Model>
std::vector<int> Decode(Model& model, const ParagraphTokens& p, const std::vector<int>* gold,
                        size_t* right) {
  const int n = static_cast<int>(p.words.size());
  if (n == 0) return {};
  const bool training = gold != nullptr;
  // Features are kept per token for training's updates only.
  std::vector<std::vector<uint64_t>> kept(training ? static_cast<size_t>(n) : 0);
  std::vector<size_t> history(static_cast<size_t>(n));
  std::vector<uint64_t> features;
  std::vector<std::array<float, kTags>> best(static_cast<size_t>(n));
  std::vector<std::array<int8_t, kTags>> back(static_cast<size_t>(n));
  std::array<float, kClasses> scores{};
  for (int i = 0; i < n; ++i) {
    const size_t u = static_cast<size_t>(i);
    std::vector<uint64_t>& f = training ? kept[u] : features;
    f.clear();
    history[u] = TokenFeatures(p, i, &f);
    scores.fill(0.0f);
    model.Score(f, scores.data());
    best[u].fill(-1e30f);
    for (int prev = 0; prev <= kBefore; ++prev) {
      if ((i == 0) != (prev == kBefore)) continue;
      float base = i == 0 ? 0.0f : best[u - 1][static_cast<size_t>(prev)];
      if (base <= -1e29f) continue;
      for (int c = 0; c < kTags; ++c) {
        if (!Allowed(c, prev == kBefore ? 0 : prev)) continue;
        float v =
            base + scores[static_cast<size_t>(c)] + scores[static_cast<size_t>(PairClass(prev, c))];
        if (v > best[u][static_cast<size_t>(c)]) {
          best[u][static_cast<size_t>(c)] = v;
          back[u][static_cast<size_t>(c)] = static_cast<int8_t>(prev);
        }
      }
    }
  }
  std::vector<int> tags(static_cast<size_t>(n));
  const auto& last = best[static_cast<size_t>(n - 1)];
  tags.back() = static_cast<int>(std::max_element(last.begin(), last.end()) - last.begin());
  for (int i = n - 1; i > 0; --i) {
    tags[static_cast<size_t>(i - 1)] =
        back[static_cast<size_t>(i)][static_cast<size_t>(tags[static_cast<size_t>(i)])];
  }
  if constexpr (!std::is_const_v<Model>) {
    if (training) {
      for (int i = 0; i < n; ++i) {
        const size_t u = static_cast<size_t>(i);
        int g = (*gold)[u], t = tags[u];
        *right += g == t;
        int gp = i == 0 ? kBefore : (*gold)[u - 1], tp = i == 0 ? kBefore : tags[u - 1];
        // A step per token, also where nothing changes, so that the average weighs a model by
        // how long it lasted.
        const std::span<const uint64_t> all(kept[u]);
        model.Update(all.first(history[u]), g, t);
        model.Update(all.subspan(history[u]), PairClass(gp, g), PairClass(tp, t));
      }
    }
  }
  return tags;
}

std::vector<RoleSpan> Spans(const ParagraphTokens& p, const std::vector<int>& tags) {
  std::vector<RoleSpan> out;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == 0 || tags[i] % 2 == 0) continue;  // spans open at B-
    size_t e = i + 1;
    while (e < tags.size() && tags[e] == tags[i] + 1) ++e;
    RoleSpan s;
    s.role = static_cast<Role>((tags[i] - 1) / 2);
    s.first_token = p.first_token + static_cast<uint32_t>(i);
    s.end_token = p.first_token + static_cast<uint32_t>(e);
    out.push_back(s);
  }
  return out;
}

// A paragraph with neither a cue word nor a quote mark is taken to attribute nothing, untagged.
bool MayAttribute(const ParagraphTokens& p) {
  return std::any_of(p.context.begin(), p.context.end(),
                     [](const TokenContext& c) { return c.cue >= 2 || c.quote != kOutside; });
}

uint8_t MentionClass(const std::string& type) {
  if (type == "PERSON") return 1;
  if (type == "ORG") return 2;
  if (type == "PLACE") return 3;
  return 4;
}

// 1 + the WordNet lexicographer file of the first sense of `word`'s lemma as the verb or
// common noun `tag` says it is; 0 if none.
uint8_t SenseOf(std::string_view word, const std::string& tag) {
  static const auto* senses = [] {
    auto* m = new std::unordered_map<std::string, uint8_t>();
    for (const auto& row : ParseTsv(data::supersenses())) {
      if (row.size() != 3) continue;
      (*m)[std::string(row[0]) + "\t" + std::string(row[1])] =
          static_cast<uint8_t>(1 + std::atoi(std::string(row[2]).c_str()));
    }
    return m;
  }();
  char kind = StartsWith(tag, "VB") ? 'v' : (tag == "NN" || tag == "NNS") ? 'n' : 0;
  if (kind == 0) return 0;
  std::string key = std::string(1, kind) + "\t" + Lemma(AsciiLower(word), tag);
  auto it = senses->find(key);
  return it == senses->end() ? 0 : it->second;
}

// The tree features of the tokens of `sent` (their cue classes already set in `ctx`).
void DescribeTree(const Document& doc, const Sentence& sent, TokenContext* ctx) {
  const Linguist* linguist = Linguist::Default();
  const int n = static_cast<int>(sent.end_token - sent.first_token);
  bool any_cue = false;
  for (int i = 0; i < n; ++i) any_cue = any_cue || ctx[i].cue >= 2;
  if (linguist == nullptr || doc.pos.empty() || !any_cue) return;
  const std::span<const std::string> pos(doc.pos);
  std::vector<Arc> arcs = linguist->Parse(doc.Words(sent.first_token, sent.end_token),
                                          pos.subspan(sent.first_token, n));
  // The span of each token's subtree.
  std::vector<int> lo(static_cast<size_t>(n)), hi(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) lo[static_cast<size_t>(i)] = hi[static_cast<size_t>(i)] = i;
  for (int i = 0; i < n; ++i) {
    for (int h = arcs[static_cast<size_t>(i)].head, steps = 0; h > 0 && steps < n;
         h = arcs[static_cast<size_t>(h - 1)].head, ++steps) {
      lo[static_cast<size_t>(h - 1)] = std::min(lo[static_cast<size_t>(h - 1)], i);
      hi[static_cast<size_t>(h - 1)] = std::max(hi[static_cast<size_t>(h - 1)], i);
    }
  }
  for (int i = 0; i < n; ++i) {
    const Arc& arc = arcs[static_cast<size_t>(i)];
    if (arc.head <= 0) continue;
    uint8_t bit = arc.label == "nsubj"   ? 1
                  : arc.label == "ccomp" ? 2
                  : arc.label == "xcomp" ? 4
                  : arc.label == "dobj"  ? 8
                                         : 0;
    ctx[arc.head - 1].children |= bit;
  }
  for (int i = 0; i < n; ++i) {
    TokenContext& c = ctx[i];
    const Arc& arc = arcs[static_cast<size_t>(i)];
    c.relation = H(arc.label);
    c.head_cue = arc.head > 0 ? ctx[arc.head - 1].cue : 0;
    c.head_sense = arc.head > 0 ? ctx[arc.head - 1].sense : 0;
    // Up from the token to the first cue word: the relation of the node just below it.
    int node = i, steps = 0;
    while (steps++ < n) {
      int h = arcs[static_cast<size_t>(node)].head;
      if (h <= 0) break;
      if (ctx[h - 1].cue >= 2) {
        const std::string& label = arcs[static_cast<size_t>(node)].label;
        c.governor = Feature(99, H(label), ctx[h - 1].cue);
        c.edge = static_cast<uint8_t>((lo[static_cast<size_t>(node)] == i) |
                                      (hi[static_cast<size_t>(node)] == i) << 1);
        break;
      }
      node = h - 1;
    }
  }
}

}  // namespace

CueWords ParseCueWords(std::string_view tsv) {
  CueWords out;
  for (const auto& row : ParseTsv(tsv)) {
    if (row.size() != 2 || row[1].size() != 1) continue;
    int cls = row[1][0] - '0';
    if (cls >= 1 && cls <= 3) out[std::string(row[0])] = static_cast<uint8_t>(cls);
  }
  return out;
}

std::vector<ParagraphTokens> DescribeParagraphs(const Document& doc, const CueWords& cues) {
  std::vector<uint8_t> mention(doc.tokens.size(), 0);
  for (const Mention& m : doc.mentions) {
    for (uint32_t k = m.first_token; k < m.end_token; ++k) mention[k] = MentionClass(m.type);
  }
  std::vector<ParagraphTokens> out;
  bool open_before = false, cue_before = false;
  for (uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    ParagraphTokens p;
    p.first_token = doc.sentences[para.first_sentence].first_token;
    if (p.first_token >= kMaxTokens) break;
    uint32_t end = doc.sentences[para.end_sentence - 1].end_token;
    std::vector<std::string_view> words;
    for (uint32_t k = p.first_token; k < end; ++k) words.push_back(doc.TokenText(k));
    const std::span<const WordInfo> described = doc.Words(p.first_token, end);
    p.words.assign(described.begin(), described.end());
    p.context.resize(words.size());
    // Quote marks pair up inside the paragraph; an unclosed one runs to its end.
    bool open = false;
    for (size_t i = 0; i < words.size(); ++i) {
      TokenContext& c = p.context[i];
      if (!doc.pos.empty()) {
        const std::string& tag = doc.pos[p.first_token + i];
        c.pos = H(tag);
        c.sense = SenseOf(words[i], tag);
      }
      if (auto it = cues.find(AsciiLower(words[i])); it != cues.end()) c.cue = it->second;
      c.mention = mention[p.first_token + i];
      if (IsQuoteMark(words[i])) {
        c.quote = open ? kClosing : kOpening;
        open = !open;
      } else {
        c.quote = open ? kInside : kOutside;
      }
    }
    bool has_cue = false;
    for (uint32_t s = para.first_sentence; s < para.end_sentence; ++s) {
      const Sentence& sent = doc.sentences[s];
      size_t b = sent.first_token - p.first_token, e = sent.end_token - p.first_token;
      DescribeTree(doc, sent, &p.context[b]);
      bool mark = false, cue = false;
      for (size_t i = b; i < e; ++i) {
        mark = mark || p.context[i].quote == kOpening || p.context[i].quote == kClosing;
        cue = cue || p.context[i].cue >= 2;
      }
      has_cue = has_cue || cue;
      uint32_t last_cue = UINT32_MAX;
      for (size_t i = b; i < e; ++i) {
        TokenContext& c = p.context[i];
        c.in_sentence = Bucket(static_cast<uint32_t>(i - b));
        c.to_end = Bucket(static_cast<uint32_t>(e - i - 1));
        c.sentence = static_cast<uint8_t>(mark | cue << 1 | (s == para.first_sentence) << 2);
        if (last_cue != UINT32_MAX) c.cue_before = Bucket(static_cast<uint32_t>(i - last_cue));
        if (c.cue >= 2) last_cue = static_cast<uint32_t>(i);
      }
      last_cue = UINT32_MAX;
      for (size_t i = e; i-- > b;) {
        TokenContext& c = p.context[i];
        if (last_cue != UINT32_MAX) c.cue_after = Bucket(static_cast<uint32_t>(last_cue - i));
        if (c.cue >= 2) last_cue = static_cast<uint32_t>(i);
      }
    }
    uint8_t bits = static_cast<uint8_t>((pi == 0) | open_before << 1 | cue_before << 2 |
                                        (!words.empty() && IsQuoteMark(words[0])) << 3);
    for (TokenContext& c : p.context) c.paragraph = bits;
    open_before = open;
    cue_before = has_cue;
    out.push_back(std::move(p));
  }
  return out;
}

void StackOn(const LinearModel& first, ParagraphTokens* p) {
  p->stacked = false;
  std::vector<int> tags = Decode(first, *p, nullptr, nullptr);
  const size_t n = tags.size();
  auto is_cue = [&](size_t k) { return tags[k] == 1 || tags[k] == 2; };
  uint32_t last = UINT32_MAX;
  for (size_t k = 0; k < n; ++k) {
    TokenContext& c = p->context[k];
    c.prior = static_cast<uint8_t>(tags[k]);
    c.prior_cue_before = last == UINT32_MAX ? 0 : Bucket(static_cast<uint32_t>(k) - last);
    if (is_cue(k)) last = static_cast<uint32_t>(k);
  }
  last = UINT32_MAX;
  for (size_t k = n; k-- > 0;) {
    p->context[k].prior_cue_after =
        last == UINT32_MAX ? 0 : Bucket(last - static_cast<uint32_t>(k));
    if (is_cue(k)) last = static_cast<uint32_t>(k);
  }
  p->stacked = true;
}

const AttributionTagger* AttributionTagger::Default() {
  static const AttributionTagger* tagger = []() -> const AttributionTagger* {
    Result<LinearModel> first = LinearModel::Load(data::quote_model());
    Result<LinearModel> second = LinearModel::Load(data::quote_stack_model());
    if (!first.ok() || !second.ok() || first->classes() != Classes() ||
        second->classes() != Classes()) {
      return nullptr;
    }
    return new AttributionTagger(std::move(*first), std::move(*second),
                                 ParseCueWords(data::quote_cues()));
  }();
  return tagger;
}

AttributionTagger::AttributionTagger(LinearModel first, LinearModel second, CueWords cues)
    : first_(std::move(first)), second_(std::move(second)), cues_(std::move(cues)) {}

std::vector<RoleSpan> AttributionTagger::Tag(const Document& doc) const {
  std::vector<RoleSpan> out;
  for (ParagraphTokens& p : DescribeParagraphs(doc, cues_)) {
    if (!MayAttribute(p)) continue;
    StackOn(first_, &p);
    for (const RoleSpan& s : Spans(p, Decode(second_, p, nullptr, nullptr))) out.push_back(s);
  }
  return out;
}

std::unique_ptr<PerceptronTrainer> TrainAttributionTagger(
    const std::vector<AttributionExample>& data, const TrainOptions& options, TrainLog log) {
  auto model = std::make_unique<PerceptronTrainer>(Classes());
  std::vector<std::vector<int>> gold;
  for (const AttributionExample& ex : data) {
    std::vector<int> g;
    for (const std::string& t : ex.tags) {
      g.push_back(
          static_cast<int>(std::find(Classes().begin(), Classes().end(), t) - Classes().begin()));
    }
    gold.push_back(std::move(g));
  }
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, total = 0;
    for (size_t idx : order) {
      Decode(*model, data[idx].tokens, &gold[idx], &right);
      total += gold[idx].size();
    }
    if (log) {
      log("quotes epoch " + std::to_string(epoch + 1) + ": train tag accuracy " +
          std::to_string(100.0 * right / std::max<size_t>(1, total)));
    }
  }
  return model;
}

}  // namespace crossread::analyze
