#include "sketch/terms.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/bytes.h"
#include "common/hash.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::sketch {

namespace {

// The stopwords by their hash: a word is tested with the hash it needs anyway, one probe in a
// small table instead of a string lookup (a content word whose 64-bit hash is a stopword's is
// not a concern).
const U64Map<bool>& StopwordHashes() {
  static const U64Map<bool>* set = [] {
    auto* hashes = new U64Map<bool>;
    for (const std::string& w : Lexicon::Get().Entries(Lex::kStopword)) {
      hashes->Insert(Hash64(w)) = true;
    }
    return hashes;
  }();
  return *set;
}

// `terms` sorted: itself when it already is (StoryFeatures keeps them so), else a sorted copy
// in `*copy`.
const std::vector<uint64_t>& Sorted(const std::vector<uint64_t>& terms,
                                    std::vector<uint64_t>* copy) {
  if (std::is_sorted(terms.begin(), terms.end())) return terms;
  *copy = terms;
  std::sort(copy->begin(), copy->end());
  return *copy;
}

}  // namespace

std::vector<uint64_t> ContentTerms(std::string_view text) {
  const U64Map<bool>& stopwords = StopwordHashes();
  std::vector<uint64_t> terms;
  ForEachLowerWord(text, [&](std::string_view w) {
    if (w.size() < 2) return;
    const uint64_t hash = Hash64(w);
    if (stopwords.Find(hash)) return;
    const size_t size = w.size();
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
    if (EndsWith(w, "'s")) w.remove_suffix(2);
    terms.push_back(w.size() == size ? hash : Hash64(w));
  });
  return terms;
}

void DocumentFrequencies::Add(const std::vector<uint64_t>& terms) {
  std::vector<uint64_t> copy;
  const std::vector<uint64_t>& sorted = Sorted(terms, &copy);
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i == 0 || sorted[i] != sorted[i - 1]) ++df_[sorted[i]];
  }
  ++documents_;
}

double DocumentFrequencies::Idf(uint64_t term) const {
  const uint32_t* n = df_.Find(term);
  double df = n ? *n : 0;
  return std::log((1.0 + static_cast<double>(documents_)) / (1.0 + df)) + 1.0;
}

void DocumentFrequencies::Encode(std::string* out) const {
  PutVarint(out, documents_);
  PutVarint(out, df_.size());
  df_.ForEach([&](uint64_t term, uint32_t n) {
    PutFixed(out, term);
    PutVarint(out, n);
  });
}

bool DocumentFrequencies::Decode(ByteReader* in) {
  size_t terms = 0;
  if (!in->Varint(&documents_) || !in->Varint(&terms)) return false;
  df_.Clear();
  for (size_t i = 0; i < terms; ++i) {
    uint64_t term = 0;
    uint32_t n = 0;
    if (!in->Fixed(&term) || !in->Varint(&n)) return false;
    df_[term] = n;
  }
  return true;
}

TermVector TfIdf(const std::vector<uint64_t>& terms, const DocumentFrequencies& df) {
  std::vector<uint64_t> copy;
  const std::vector<uint64_t>& sorted = Sorted(terms, &copy);
  TermVector v;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    double tf = 1.0 + std::log(static_cast<double>(j - i));
    v.emplace_back(sorted[i], static_cast<float>(tf * df.Idf(sorted[i])));
    i = j;
  }
  Normalize(&v);
  return v;
}

namespace {

// Calls fn(weight_a, weight_b) for every term both sorted vectors hold.
template <typename Fn>
void ForEachShared(const TermVector& a, const TermVector& b, Fn fn) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      fn(a[i].second, b[j].second);
      ++i;
      ++j;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
}

}  // namespace

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  ForEachShared(a, b, [&](float x, float y) { dot += static_cast<double>(x) * y; });
  return dot;
}

size_t SharedTerms(const TermVector& a, const TermVector& b) {
  size_t n = 0;
  ForEachShared(a, b, [&](float, float) { ++n; });
  return n;
}

TermVector Sum(const std::vector<const TermVector*>& vectors) {
  std::unordered_map<uint64_t, float> acc;
  for (const TermVector* v : vectors) {
    for (const auto& [t, w] : *v) acc[t] += w;
  }
  TermVector out(acc.begin(), acc.end());
  std::sort(out.begin(), out.end());
  return out;
}

void AddScaled(const TermVector& b, float weight, TermVector* a) {
  TermVector out;
  out.reserve(a->size() + b.size());
  size_t i = 0, j = 0;
  while (i < a->size() || j < b.size()) {
    if (j >= b.size() || (i < a->size() && (*a)[i].first < b[j].first)) {
      out.push_back((*a)[i++]);
    } else if (i >= a->size() || b[j].first < (*a)[i].first) {
      out.emplace_back(b[j].first, weight * b[j].second);
      ++j;
    } else {
      out.emplace_back((*a)[i].first, (*a)[i].second + weight * b[j].second);
      ++i;
      ++j;
    }
  }
  *a = std::move(out);
}

double Norm(const TermVector& v) {
  double squares = 0;
  for (const auto& [t, w] : v) squares += static_cast<double>(w) * w;
  return std::sqrt(squares);
}

void Normalize(TermVector* v) {
  const double norm = Norm(*v);
  if (norm <= 0) return;
  float inv = static_cast<float>(1.0 / norm);
  for (auto& [t, w] : *v) w *= inv;
}

}  // namespace crossread::sketch
