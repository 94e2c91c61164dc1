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

// Appends the term of the lowercased word `w` (its Hash64 `hash`) to `terms`, if it is one.
void AddTerm(std::string_view w, uint64_t hash, std::vector<uint64_t>* terms) {
  if (w.size() < 2 || StopwordHashes().Find(hash)) return;
  const size_t size = w.size();
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
  if (EndsWith(w, "'s")) w.remove_suffix(2);
  terms->push_back(w.size() == size ? hash : Hash64(w));
}

}  // namespace

std::vector<uint64_t> ContentTerms(std::string_view text) {
  std::vector<uint64_t> terms;
  ForEachLowerWord(text, [&](std::string_view w) { AddTerm(w, Hash64(w), &terms); });
  return terms;
}

TextSketch SketchText(std::string_view text) {
  TextSketch out;
  const Lexicon& lex = Lexicon::Get();
  // Words joined by one of - . & / ("Anglo-French", "U.S", "AT&T") make a token, as the
  // tokenizer has them; a token followed by a period that it takes (an initial, "U.S.", "Mr.")
  // includes it. Names are runs of capitalised tokens apart only by white space.
  struct Token {
    size_t begin = 0, end = 0;
    uint64_t first_hash = 0;  // of its word lowercased, if it has one word
    bool capitalized = false, possessive = false, joined = false;
  } tok;
  bool pending = false;
  std::string run;
  int run_words = 0;
  bool run_open = false;
  size_t run_end = 0;
  uint64_t run_hash = 0;
  auto flush = [&] {
    bool name = run_words > 1;
    if (run_words == 1) {
      name = !StopwordHashes().Find(run_hash) &&
             !(lex.Categories(run) &
               (static_cast<uint32_t>(Lex::kMonth) | static_cast<uint32_t>(Lex::kWeekday)));
    }
    if (name) out.names.push_back(run);
    run.clear();
    run_words = 0;
    run_open = false;
  };
  auto emit = [&] {  // the pending token into the run
    std::string_view word = text.substr(tok.begin, tok.end - tok.begin);
    if (tok.possessive) word.remove_suffix(2);
    size_t end = tok.end;
    if (!tok.possessive && end < text.size() && text[end] == '.' &&
        (word.size() == 1 || tok.joined || lex.Is(word, Lex::kAbbreviation))) {
      word = text.substr(tok.begin, ++end - tok.begin);
    }
    if (!tok.capitalized) {
      if (run_words > 0) flush();
      return;
    }
    if (run_words > 0 && !(run_open && Trim(text.substr(run_end, tok.begin - run_end)).empty())) {
      flush();
    }
    if (run_words > 0) run += ' ';
    if (run_words == 0) run_hash = tok.first_hash;
    run.append(word);
    ++run_words;
    run_open = !tok.possessive;
    run_end = end;
  };
  ForEachWord(text, [&](std::string_view w, size_t begin, size_t end) {
    const uint64_t hash = Hash64(w);
    out.words.push_back(hash);
    AddTerm(w, hash, &out.terms);
    const bool possessive = EndsWith(w, "'s");
    if (pending && !tok.possessive && begin == tok.end + 1 &&
        std::string_view("-.&/").find(text[tok.end]) != std::string_view::npos) {
      tok.end = end;
      tok.first_hash = 0;  // several words are no stopword ("AT&T" is not "at")
      tok.possessive = possessive;
      tok.joined = tok.joined || text[begin - 1] == '.';
      return;
    }
    if (pending) emit();
    size_t at = begin;
    tok = Token{begin,
                end,
                possessive ? Hash64(w.substr(0, w.size() - 2)) : hash,
                IsUpper(DecodeUtf8(text, &at)),
                possessive,
                false};
    pending = true;
  });
  if (pending) emit();
  if (run_words > 0) flush();
  std::sort(out.names.begin(), out.names.end());
  out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
  return out;
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
