// Shared passages. For each pair of articles, every run of at least `min_words` words that both
// carry is found through a hash of its first `min_words` words, extended as far as the words
// agree, and bridged over small edits (up to two words skipped on either side when four words
// agree after them), so near-verbatim copies stay one passage. Occurrences that overlap in the
// same article are then merged across pairs, giving each passage the set of articles carrying
// it.
#include <algorithm>
#include <numeric>
#include <set>
#include <unordered_map>

#include "align/align.h"
#include "common/hash.h"

namespace crossread::align {

namespace {

constexpr uint32_t kBridgeSkip = 2;
constexpr uint32_t kBridgeAgree = 4;
constexpr size_t kMaxPairs = 2000;
constexpr uint32_t kDangling = 2;

struct Occurrence {
  size_t doc;
  uint32_t begin, end;  // word indices
};

bool Agree(const std::vector<Word>& a, uint32_t i, const std::vector<Word>& b, uint32_t j,
           uint32_t n) {
  if (i + n > a.size() || j + n > b.size()) return false;
  for (uint32_t k = 0; k < n; ++k) {
    if (a[i + k].text != b[j + k].text) return false;
  }
  return true;
}

}  // namespace

std::vector<Reuse> FindReuse(const Docs& docs, int min_words) {
  const uint32_t n = static_cast<uint32_t>(std::max(2, min_words));
  std::vector<std::vector<Word>> words;
  std::vector<std::vector<uint64_t>> grams;
  for (const analyze::Document* d : docs) {
    words.push_back(WordsOf(d->article->text));
    const auto& w = words.back();
    std::vector<uint64_t> h(w.size() >= n ? w.size() - n + 1 : 0);
    std::vector<uint64_t> wh(w.size());
    for (size_t i = 0; i < w.size(); ++i) wh[i] = Hash64(w[i].text);
    for (size_t i = 0; i < h.size(); ++i) {
      uint64_t x = 0;
      for (uint32_t k = 0; k < n; ++k) x = HashCombine(x, wh[i + k]);
      h[i] = x;
    }
    grams.push_back(std::move(h));
  }
  std::vector<std::pair<Occurrence, Occurrence>> matches;
  size_t pairs = 0;
  for (size_t a = 0; a < docs.size() && pairs < kMaxPairs; ++a) {
    std::unordered_map<uint64_t, std::vector<uint32_t>> index;
    for (uint32_t i = 0; i < grams[a].size(); ++i) index[grams[a][i]].push_back(i);
    for (size_t b = a + 1; b < docs.size() && pairs < kMaxPairs; ++b, ++pairs) {
      const auto& wa = words[a];
      const auto& wb = words[b];
      for (uint32_t j = 0; j < grams[b].size();) {
        auto it = index.find(grams[b][j]);
        uint32_t best_len = 0, best_i = 0, best_jend = 0;
        if (it != index.end()) {
          for (uint32_t i : it->second) {
            if (!Agree(wa, i, wb, j, n)) continue;
            uint32_t ia = i + n, jb = j + n;
            while (true) {
              while (ia < wa.size() && jb < wb.size() && wa[ia].text == wb[jb].text) {
                ++ia;
                ++jb;
              }
              bool bridged = false;
              for (uint32_t da = 0; da <= kBridgeSkip && !bridged; ++da) {
                for (uint32_t db = 0; db <= kBridgeSkip && !bridged; ++db) {
                  if ((da || db) && Agree(wa, ia + da, wb, jb + db, kBridgeAgree)) {
                    ia += da;
                    jb += db;
                    bridged = true;
                  }
                }
              }
              if (!bridged) break;
            }
            if (ia - i > best_len) {
              best_len = ia - i;
              best_i = i;
              best_jend = jb;
            }
          }
        }
        if (best_len >= n) {
          matches.push_back({{a, best_i, best_i + best_len}, {b, j, best_jend}});
          j = best_jend;
        } else {
          ++j;
        }
      }
    }
  }
  // Merge occurrences that overlap within an article.
  std::vector<Occurrence> occ;
  std::vector<size_t> parent;
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& [x, y] : matches) {
    occ.push_back(x);
    occ.push_back(y);
  }
  parent.resize(occ.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i + 1 < occ.size(); i += 2) parent[find(i + 1)] = find(i);
  for (size_t i = 0; i < occ.size(); ++i) {
    for (size_t j = i + 1; j < occ.size(); ++j) {
      if (occ[i].doc == occ[j].doc && occ[i].begin < occ[j].end && occ[j].begin < occ[i].end) {
        parent[find(j)] = find(i);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < occ.size(); ++i) groups[find(i)].push_back(i);
  std::vector<Reuse> out;
  for (const auto& [root, members] : groups) {
    std::set<size_t> doc_set;
    for (size_t m : members) doc_set.insert(occ[m].doc);
    if (doc_set.size() < 2) continue;
    // The shortest occurrence in the first article: what all of them share.
    const Occurrence* rep = nullptr;
    for (size_t m : members) {
      const Occurrence& o = occ[m];
      if (!rep || o.doc < rep->doc || (o.doc == rep->doc && o.end - o.begin < rep->end - rep->begin)) {
        rep = &o;
      }
    }
    const auto& w = words[rep->doc];
    const std::string& text = docs[rep->doc]->article->text;
    // End the passage at a punctuation mark when only a word or two dangle after it
    // ("... to deliver peace, he").
    uint32_t end = rep->end;
    for (uint32_t k = rep->end - 1; k > rep->begin && rep->end - k <= kDangling; --k) {
      char c = text[w[k - 1].end];
      if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?') {
        end = k;
        break;
      }
    }
    Reuse r;
    for (size_t d : doc_set) r.articles.push_back(docs[d]->article->id);
    r.text = text.substr(w[rep->begin].begin, w[end - 1].end - w[rep->begin].begin);
    r.words = static_cast<int>(end - rep->begin);
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const Reuse& a, const Reuse& b) {
    if (a.articles.size() != b.articles.size()) return a.articles.size() > b.articles.size();
    return a.words > b.words;
  });
  return out;
}

}  // namespace crossread::align
