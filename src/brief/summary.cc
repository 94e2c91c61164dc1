// Extractive summary. Candidates are sentences of 6 to 60 words that end like sentences and
// are not questions. Each scores
//   cos(sentence, story centroid) + 0.25 lead prior + 0.2 corroboration (+ cos with the query)
// where the lead prior falls with the sentence's position in its article and corroboration is
// the share of the story's other articles that carry the same fact. Selection is MMR
// (λ = 0.7 against the most similar sentence already chosen); a sentence more than 0.5
// similar to a chosen one, or too long for the words left, is passed over.
#include <algorithm>
#include <cmath>

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
constexpr size_t kMaxCandidates = 400;

struct Candidate {
  size_t doc;
  uint32_t sentence;
  int words;
  sketch::TermVector vec;
  double score = 0;
};

bool EndsLikeSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == '!');
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
      std::string_view text = doc.Text(doc.sentences[s].span);
      int words = CountWords(text);
      if (words < kMinWords || words > kMaxWords || !EndsLikeSentence(text)) continue;
      if (text.front() == '-') continue;  // a bullet of a live page, not a sentence of prose
      cands.push_back({d, s, words, {}, 0});
      terms.push_back(sketch::ContentTerms(text));
      df.Add(terms.back());
    }
  }
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
        fact >= 0 ? static_cast<double>(facts.facts[static_cast<size_t>(fact)].articles.size() - 1) / others : 0;
    c.score = sketch::Cosine(c.vec, centroid) + kLead * (1.0 - position) +
              kCorroboration * corroboration;
    if (!qvec.empty()) c.score += sketch::Cosine(c.vec, qvec);
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (cands.size() > kMaxCandidates) cands.resize(kMaxCandidates);

  std::vector<size_t> chosen;
  int used = 0;
  std::vector<bool> taken(cands.size(), false);
  while (true) {
    int best = -1;
    double best_mmr = -1e9;
    for (size_t c = 0; c < cands.size(); ++c) {
      if (taken[c] || used + cands[c].words > max_words) continue;
      double sim = 0;
      for (size_t k : chosen) sim = std::max(sim, sketch::Cosine(cands[c].vec, cands[k].vec));
      if (sim > kRedundant) continue;
      double mmr = kLambda * cands[c].score - (1 - kLambda) * sim;
      if (mmr > best_mmr) {
        best_mmr = mmr;
        best = static_cast<int>(c);
      }
    }
    if (best < 0) break;
    taken[static_cast<size_t>(best)] = true;
    chosen.push_back(static_cast<size_t>(best));
    used += cands[static_cast<size_t>(best)].words;
  }
  std::vector<SummarySentence> out;
  for (size_t k : chosen) {
    const Candidate& c = cands[k];
    const analyze::Document& doc = *docs[c.doc];
    SummarySentence s;
    s.text = std::string(doc.Text(doc.sentences[c.sentence].span));
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
