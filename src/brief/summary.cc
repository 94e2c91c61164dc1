// Extractive summary. Candidates are sentences of 6 to 60 words that end like sentences and
// are not questions. Each scores
//   cos(sentence, story centroid) + 0.25 lead prior + 0.2 corroboration (+ cos with the query)
// where the lead prior falls with the sentence's position in its article and corroboration is
// the share of the story's other articles that carry the same fact. A sentence that opens on
// words pointing back ("He", "This", "But", "However,") keeps half its score.
//
// Selection covers concepts (Gillick and Favre 2009): a concept is a pair of adjacent content
// words carried by at least 2 of the story's articles (3 from 10 articles), worth the number
// of articles that carry it. Sentences are chosen greedily by the worth of the concepts they
// would add, per word, times their score, until the words run out. Once no concept is left to
// add (one article, or all covered), the rest are chosen by MMR (λ = 0.7 against the most
// similar sentence already chosen), passing over those of which half the word pairs or more
// are covered concepts: they say little the summary does not. Either way a sentence more than 0.5
// similar to a chosen one, or too long for the words left, is passed over.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "brief/brief.h"
#include "common/strings.h"
#include "sketch/terms.h"

namespace crossread::brief {

namespace {

constexpr int kMinWords = 6;
constexpr int kMaxWords = 60;
constexpr double kLead = 0.25;
constexpr double kCorroboration = 0.2;
constexpr double kLambda = 0.7;
constexpr double kRedundant = 0.5;
constexpr double kDependent = 0.5;  // score kept by a sentence that leans on the one before
constexpr size_t kMaxCandidates = 400;

struct Candidate {
  size_t doc;
  uint32_t sentence;
  int words;
  sketch::TermVector vec;
  std::vector<std::pair<uint64_t, double>> concepts;  // distinct, with their worth
  size_t pairs = 0;                                    // adjacent content-word pairs
  double score = 0;
};

uint64_t Bigram(uint64_t a, uint64_t b) { return a * 0x9E3779B97F4A7C15ULL ^ b; }

// How many of `c`'s concepts are in `covered`.
size_t Covered(const Candidate& c, const std::unordered_set<uint64_t>& covered) {
  size_t n = 0;
  for (const auto& entry : c.concepts) n += covered.count(entry.first);
  return n;
}

// The concepts of each candidate (`terms[c]` its content words), worth the number of
// articles that carry them; pairs carried by too few articles are left out.
void FindConcepts(const std::vector<std::vector<uint64_t>>& terms, size_t articles,
                  std::vector<Candidate>* cands) {
  std::unordered_map<uint64_t, std::unordered_set<size_t>> carriers;
  for (size_t c = 0; c < cands->size(); ++c) {
    for (size_t k = 0; k + 1 < terms[c].size(); ++k) {
      carriers[Bigram(terms[c][k], terms[c][k + 1])].insert((*cands)[c].doc);
    }
  }
  const size_t min_articles = articles >= 10 ? 3 : 2;
  for (size_t c = 0; c < cands->size(); ++c) {
    auto& concepts = (*cands)[c].concepts;
    (*cands)[c].pairs = terms[c].empty() ? 0 : terms[c].size() - 1;
    for (size_t k = 0; k + 1 < terms[c].size(); ++k) {
      uint64_t bigram = Bigram(terms[c][k], terms[c][k + 1]);
      size_t n = carriers[bigram].size();
      if (n < min_articles) continue;
      if (std::none_of(concepts.begin(), concepts.end(),
                       [&](const auto& e) { return e.first == bigram; })) {
        concepts.emplace_back(bigram, static_cast<double>(n));
      }
    }
  }
}

bool EndsLikeSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == '!');
}

// Whether a sentence opens on words that point back to what came before it in its article ("He
// said ...", "But the plan ..."): read alone, in a summary, it leaves the reader guessing.
bool DependsOnContext(std::string_view s) {
  static constexpr std::string_view kOpeners[] = {
      "He ",        "She ",        "It ",      "They ",  "This ",  "These ",  "That ",
      "Those ",     "Such ",       "His ",     "Her ",   "Their ", "Its ",    "But ",
      "And ",       "However,",    "Also,",    "Still,", "Yet ",   "Instead", "Then ",
      "Aside from", "In addition", "The move", "Both "};
  return std::any_of(std::begin(kOpeners), std::end(kOpeners),
                     [s](std::string_view o) { return s.substr(0, o.size()) == o; });
}

}  // namespace

std::vector<SummarySentence> Summarize(const align::Docs& docs, const align::FactTable& facts,
                                       int max_words, const std::string& query) {
  std::vector<Candidate> cands;
  std::vector<std::vector<uint64_t>> terms;
  sketch::DocumentFrequencies df;
  for (size_t d = 0; d < docs.size(); ++d) {
    const analyze::Document& doc = *docs[d];
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      // A bullet of a live page is not a sentence of prose.
      if (doc.Text(doc.sentences[s].span).front() == '-') continue;
      std::string_view text = doc.Text(doc.SentenceSpan(s));
      int words = CountWords(text);
      if (words < kMinWords || words > kMaxWords || !EndsLikeSentence(text)) continue;
      cands.push_back({d, s, words, {}, {}, 0});
      terms.push_back(sketch::ContentTerms(text));
      df.Add(terms.back());
    }
  }
  FindConcepts(terms, docs.size(), &cands);
  std::vector<const sketch::TermVector*> vecs;
  for (size_t c = 0; c < cands.size(); ++c) {
    cands[c].vec = sketch::TfIdf(terms[c], df);
    vecs.push_back(&cands[c].vec);
  }
  sketch::TermVector centroid = sketch::Sum(vecs);
  sketch::Normalize(&centroid);
  sketch::TermVector qvec;
  if (!query.empty()) qvec = sketch::TfIdf(sketch::ContentTerms(query), df);
  const double others = docs.size() > 1 ? static_cast<double>(docs.size() - 1) : 1.0;
  for (Candidate& c : cands) {
    const analyze::Document& doc = *docs[c.doc];
    double position = static_cast<double>(c.sentence) / std::max<size_t>(1, doc.sentences.size());
    int fact = facts.fact_of.empty() ? -1 : facts.fact_of[c.doc][c.sentence];
    double corroboration =
        fact >= 0
            ? static_cast<double>(facts.facts[static_cast<size_t>(fact)].articles.size() - 1) /
                  others
            : 0;
    c.score =
        sketch::Cosine(c.vec, centroid) + kLead * (1.0 - position) + kCorroboration * corroboration;
    if (!qvec.empty()) c.score += sketch::Cosine(c.vec, qvec);
    if (DependsOnContext(doc.Text(doc.SentenceSpan(c.sentence)))) c.score *= kDependent;
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (cands.size() > kMaxCandidates) cands.resize(kMaxCandidates);

  std::vector<size_t> chosen;
  int used = 0;
  std::vector<bool> taken(cands.size(), false);
  std::unordered_set<uint64_t> covered;
  auto gain = [&](const Candidate& c) {
    double g = 0;
    for (const auto& [bigram, worth] : c.concepts) g += covered.count(bigram) ? 0 : worth;
    return g;
  };
  while (true) {
    int best = -1;
    double best_value = -1e9;
    bool by_concepts = false;
    for (size_t c = 0; c < cands.size(); ++c) {
      if (taken[c] || used + cands[c].words > max_words) continue;
      double sim = 0;
      for (size_t k : chosen) sim = std::max(sim, sketch::Cosine(cands[c].vec, cands[k].vec));
      if (sim > kRedundant) continue;
      double g = gain(cands[c]);
      if (g <= 0 && (by_concepts || Covered(cands[c], covered) * 2 >= cands[c].pairs)) continue;
      double value = g > 0 ? g / cands[c].words * cands[c].score
                           : kLambda * cands[c].score - (1 - kLambda) * sim;
      if (g > 0 && !by_concepts) {  // the first candidate that adds a concept outranks MMR
        by_concepts = true;
        best_value = -1e9;
      }
      if (value > best_value) {
        best_value = value;
        best = static_cast<int>(c);
      }
    }
    if (best < 0) break;
    taken[static_cast<size_t>(best)] = true;
    chosen.push_back(static_cast<size_t>(best));
    used += cands[static_cast<size_t>(best)].words;
    for (const auto& entry : cands[static_cast<size_t>(best)].concepts) covered.insert(entry.first);
  }
  std::vector<SummarySentence> out;
  for (size_t k : chosen) {
    const Candidate& c = cands[k];
    const analyze::Document& doc = *docs[c.doc];
    SummarySentence s;
    s.text = std::string(doc.Text(doc.SentenceSpan(c.sentence)));
    s.article = doc.article->id;
    int fact = facts.fact_of.empty() ? -1 : facts.fact_of[c.doc][c.sentence];
    if (fact >= 0) {
      for (const std::string& a : facts.facts[static_cast<size_t>(fact)].articles) {
        if (a != s.article) s.also_in.push_back(a);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace crossread::brief
