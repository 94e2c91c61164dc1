// Facts: sentences of different articles that make the same claim. Sentences of six or more
// words become TF-IDF vectors over the story's sentences; pairs from different articles with
// cosine ≥ 0.35 (found through an inverted index, so only sentences sharing a term are
// compared) that are each other's best match are linked, and linked sentences form one fact.
// Sentences that give one figure of one thing ("around 25 leaders", "two dozen leaders") are
// linked the same way from cosine 0.1 on: the figure is most of the claim. A fact's text is the
// sentence most similar to the rest of its group. Sentences that stand alone stay facts of one
// article. Sentences of different articles that say one participant was missing ("but not the
// U.S.", "The United States is not represented") make one fact too, even when the absence is
// one clause of a sentence that is another fact.
#include <algorithm>
#include <numeric>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "align/align.h"
#include "common/strings.h"
#include "sketch/terms.h"

namespace crossread::align {

namespace {

constexpr double kSameFact = 0.35;
// Two sentences that give one figure of one thing ("around 25 leaders", "two dozen leaders")
// make one claim at a lower similarity; the figures agree when equal, or compatible as
// conflicts judge them.
constexpr double kSameFigureFact = 0.1;
constexpr size_t kMinSharedTerms = 3;  // two shared words make a topic, not a claim
constexpr int kMinWords = 6;
constexpr size_t kMaxSingleFactsPerArticle = 60;

struct Unit {
  size_t doc;
  uint32_t sentence;
  sketch::TermVector vec;
};

bool SameFigure(const analyze::Quantity& a, const analyze::Quantity& b) {
  if (a.unit != b.unit) return false;
  return a.value == b.value ||
         CompatibleFigures(std::min(a.value, b.value), std::max(a.value, b.value),
                           a.approximate || b.approximate);
}

bool SharesFigure(const std::vector<const analyze::Quantity*>& a,
                  const std::vector<const analyze::Quantity*>& b) {
  for (const analyze::Quantity* x : a) {
    for (const analyze::Quantity* y : b) {
      if (SameFigure(*x, *y)) return true;
    }
  }
  return false;
}

// Keeps (v, c) as u's best match in document `doc` if it beats the one kept.
void Offer(std::map<std::pair<size_t, size_t>, std::pair<size_t, double>>& best, size_t u,
           size_t doc, size_t v, double c) {
  auto [it, inserted] = best.try_emplace({u, doc}, v, c);
  if (!inserted && c > it->second.second) it->second = {v, c};
}

// What says a name was left out: the words before it ("..., but not the U.S.") or the
// predicate after it ("is not represented", "did not attend").
constexpr std::string_view kLeftOutBefore[] = {"but not",
                                               "except",
                                               "except for",
                                               "excluding",
                                               "not including",
                                               "no representative from",
                                               "no representatives from",
                                               "no representative of",
                                               "no one from",
                                               "absence of"};
constexpr std::string_view kAuxiliaries[] = {"is",  "was",  "are",   "were", "has",  "have",
                                             "had", "will", "would", "did",  "does", "do"};
constexpr std::string_view kNegations[] = {"not", "n't", "never"};
constexpr std::string_view kTakingPart[] = {"represented",   "present",  "invited", "attending",
                                            "participating", "involved", "attend",  "participate",
                                            "join",          "joining"};

// The names (mention keys) that sentence `s` of `doc` says were missing.
std::vector<std::string> LeftOut(const analyze::Document& doc, uint32_t s,
                                 std::span<const analyze::Mention> mentions) {
  const analyze::Sentence& sentence = doc.sentences[s];
  auto word = [&](uint32_t t) {
    return t >= sentence.first_token && t < sentence.end_token ? AsciiLower(doc.TokenText(t))
                                                               : std::string();
  };
  // Whether the words that end before token `end` are `phrase`.
  auto ends_with = [&](uint32_t end, std::string_view phrase) {
    for (std::string_view rest = phrase; !rest.empty(); --end) {
      const size_t space = rest.rfind(' ');
      const std::string_view last = space == rest.npos ? rest : rest.substr(space + 1);
      if (end <= sentence.first_token || word(end - 1) != last) return false;
      rest = space == rest.npos ? std::string_view() : rest.substr(0, space);
    }
    return true;
  };
  std::vector<std::string> out;
  for (const analyze::Mention& m : mentions) {
    const uint32_t before = m.first_token - (ends_with(m.first_token, "the") ? 1 : 0);
    bool left_out = std::any_of(std::begin(kLeftOutBefore), std::end(kLeftOutBefore),
                                [&](std::string_view p) { return ends_with(before, p); });
    uint32_t t = m.end_token;
    if (IsOneOf(word(t), kAuxiliaries)) {
      ++t;
      if (word(t) == "absent") left_out = true;
      if (IsOneOf(word(t), kNegations)) {
        ++t;
        if (word(t) == "been" || word(t) == "be") ++t;
        const std::string w = word(t);
        left_out |=
            IsOneOf(w, kTakingPart) || ((w == "take" || w == "taking") && word(t + 1) == "part");
      }
    }
    if (left_out) out.push_back(m.name);
  }
  return out;
}

// Sentences whose bytes lie mostly inside direct, partial or unmarked quotes: they are quotes,
// listed as such, not facts.
std::vector<bool> QuotedSentences(const analyze::Document& doc) {
  std::vector<analyze::ByteSpan> spans;
  for (const analyze::Attribution& a : doc.quotes) {
    if (a.kind == "indirect") continue;
    spans.insert(spans.end(), a.contents.begin(), a.contents.end());
  }
  std::sort(spans.begin(), spans.end(), [](const analyze::ByteSpan& a, const analyze::ByteSpan& b) {
    return a.begin < b.begin;
  });
  std::vector<bool> out(doc.sentences.size(), false);
  size_t first = 0;  // sentences and spans both advance through the text
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const analyze::ByteSpan& span = doc.sentences[s].span;
    while (first < spans.size() && spans[first].end <= span.begin) ++first;
    uint32_t inside = 0;
    for (size_t k = first; k < spans.size() && spans[k].begin < span.end; ++k) {
      uint32_t b = std::max(spans[k].begin, span.begin), e = std::min(spans[k].end, span.end);
      if (b < e) inside += e - b;
    }
    out[s] = inside * 2 > span.end - span.begin;
  }
  return out;
}

}  // namespace

FactTable AlignFacts(const Docs& docs) {
  FactTable table;
  table.fact_of.resize(docs.size());
  std::vector<Unit> units;
  std::vector<std::vector<const analyze::Quantity*>> figures;  // per unit
  std::vector<std::vector<uint64_t>> terms;
  std::map<std::string, std::vector<size_t>> left_out;  // name → units that say it was missing
  sketch::DocumentFrequencies df;
  for (size_t d = 0; d < docs.size(); ++d) {
    const analyze::Document& doc = *docs[d];
    table.fact_of[d].assign(doc.sentences.size(), -1);
    std::vector<bool> quoted = QuotedSentences(doc);
    std::vector<std::vector<const analyze::Quantity*>> sentence_figures(doc.sentences.size());
    for (const analyze::Quantity& q : doc.quantities) sentence_figures[q.sentence].push_back(&q);
    size_t mention = 0;  // mentions come in text order
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const size_t first_mention = mention;
      while (mention < doc.mentions.size() && doc.mentions[mention].sentence == s) ++mention;
      std::string_view text = doc.Text(doc.sentences[s].span);
      if (CountWords(text) < kMinWords || quoted[s]) continue;
      for (std::string& name : LeftOut(
               doc, s, std::span(doc.mentions).subspan(first_mention, mention - first_mention))) {
        left_out[name].push_back(units.size());
      }
      units.push_back({d, s, {}});
      figures.push_back(std::move(sentence_figures[s]));
      terms.push_back(sketch::ContentTerms(text));
      df.Add(terms.back());
    }
  }
  for (size_t u = 0; u < units.size(); ++u) units[u].vec = sketch::TfIdf(terms[u], df);

  std::vector<size_t> parent(units.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<std::vector<std::pair<size_t, double>>> links(units.size());
  if (docs.size() >= 2) {
    std::unordered_map<uint64_t, std::vector<size_t>> postings;
    for (size_t u = 0; u < units.size(); ++u) {
      for (const auto& [t, w] : units[u].vec) postings[t].push_back(u);
    }
    std::map<std::pair<size_t, size_t>, std::pair<size_t, double>> best;  // (unit, doc) → match
    decltype(best) best_with_figure;  // the same among sentences that give one figure
    std::unordered_set<size_t> candidates;
    for (size_t u = 0; u < units.size(); ++u) {
      candidates.clear();
      for (const auto& [t, w] : units[u].vec) {
        for (size_t v : postings[t]) {
          if (v > u && units[v].doc != units[u].doc) candidates.insert(v);
        }
      }
      for (size_t v : candidates) {
        double c = sketch::Cosine(units[u].vec, units[v].vec);
        if (sketch::SharedTerms(units[u].vec, units[v].vec) < kMinSharedTerms) continue;
        if (c >= kSameFigureFact && SharesFigure(figures[u], figures[v])) {
          Offer(best_with_figure, u, units[v].doc, v, c);
          Offer(best_with_figure, v, units[u].doc, u, c);
        }
        if (c < kSameFact) continue;
        Offer(best, u, units[v].doc, v, c);
        Offer(best, v, units[u].doc, u, c);
      }
    }
    // Link mutual best matches only: single links between any similar sentences would chain
    // unrelated claims through a shared phrase (or a common figure: "two bodies", "13-year-old").
    for (const auto* matches : {&best, &best_with_figure}) {
      for (const auto& [key, match] : *matches) {
        auto [u, other_doc] = key;
        auto back = matches->find({match.first, units[u].doc});
        if (back == matches->end() || back->second.first != u) continue;
        const size_t v = match.first;  // clang before 16 cannot capture a structured binding
        if (std::any_of(links[u].begin(), links[u].end(),
                        [v](const auto& l) { return l.first == v; })) {
          continue;  // linked by both
        }
        parent[find(match.first)] = find(u);
        links[u].push_back(match);
      }
    }
  }
  // A participant missing in two or more articles: the sentences that are no other article's
  // fact join one; those already in a fact across articles are its instances as well.
  std::vector<std::set<size_t>> group_docs(left_out.empty() ? 0 : units.size());
  for (size_t u = 0; u < group_docs.size(); ++u) group_docs[find(u)].insert(units[u].doc);
  std::map<size_t, std::vector<size_t>> also;  // group → units that are instances besides
  for (const auto& [name, said] : left_out) {
    std::set<size_t> in_docs;
    std::vector<size_t> alone, shared;
    for (size_t u : said) {
      in_docs.insert(units[u].doc);
      (group_docs[find(u)].size() == 1 ? alone : shared).push_back(u);
    }
    if (in_docs.size() < 2 || alone.empty()) continue;
    for (size_t u : alone) parent[find(u)] = find(alone.front());
    std::vector<size_t>& extra = also[find(alone.front())];
    extra.insert(extra.end(), shared.begin(), shared.end());
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t u = 0; u < units.size(); ++u) groups[find(u)].push_back(u);

  struct Built {
    Fact fact;
    std::vector<size_t> members;
    size_t first;
  };
  std::vector<Built> built;
  std::vector<size_t> singles_per_doc(docs.size(), 0);
  for (auto& [root, members] : groups) {
    std::vector<size_t> instances = members;
    if (auto it = also.find(root); it != also.end()) {
      instances.insert(instances.end(), it->second.begin(), it->second.end());
      std::sort(instances.begin(), instances.end());
      instances.erase(std::unique(instances.begin(), instances.end()), instances.end());
    }
    std::set<size_t> in_docs;
    for (size_t m : instances) in_docs.insert(units[m].doc);
    if (in_docs.size() == 1 && ++singles_per_doc[*in_docs.begin()] > kMaxSingleFactsPerArticle) {
      continue;
    }
    // Representative: the member with the largest total similarity to the others.
    size_t rep = members.front();
    double best = -1;
    for (size_t m : members) {
      double total = 0;
      for (const auto& [v, c] : links[m]) total += c;
      if (total > best) {
        best = total;
        rep = m;
      }
    }
    Built b;
    for (size_t m : instances) {
      const analyze::Document& doc = *docs[units[m].doc];
      b.fact.instances.push_back(
          {doc.article->id, std::string(doc.Text(doc.SentenceSpan(units[m].sentence)))});
    }
    const analyze::Document& rdoc = *docs[units[rep].doc];
    b.fact.text = std::string(rdoc.Text(rdoc.SentenceSpan(units[rep].sentence)));
    for (size_t d : in_docs) b.fact.articles.push_back(docs[d]->article->id);  // story order
    b.members = members;
    b.first = *std::min_element(members.begin(), members.end());
    built.push_back(std::move(b));
  }
  std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
    if (a.fact.articles.size() != b.fact.articles.size()) {
      return a.fact.articles.size() > b.fact.articles.size();
    }
    return a.first < b.first;
  });
  for (size_t i = 0; i < built.size(); ++i) {
    built[i].fact.id = "f" + std::to_string(i + 1);
    for (size_t m : built[i].members) {
      table.fact_of[units[m].doc][units[m].sentence] = static_cast<int>(i);
    }
    table.facts.push_back(std::move(built[i].fact));
  }
  return table;
}

}  // namespace crossread::align
