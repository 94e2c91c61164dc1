// Quotes across the articles of a story. Every attribution of every article is an instance
// (but reported or unmarked speech of under four words: "backed the plan" is no statement).
// Instances whose wordings share at least half of the smaller one's word bigrams are one quote
// (union-find) where both are direct quotes (two excerpts of one speech), and otherwise where
// they also share most of the smaller one's own content words (60%, 3 at least; a partial
// quote's own words are those inside its marks) or nearly all bigrams of both (80% of the
// larger set): a phrase in the reporters' words ("Ukraine in the event of a ceasefire", "the
// coalition of the willing") does not make two statements one. So are two outlets' instances
// credited to one speaker whose content words are mostly (70% of the smaller set, 6 at least)
// the same: a statement reported in other words. Then each quote's wording is looked for in
// the articles that have no instance of it: a paragraph that contains most of its bigrams is
// an instance too (this is how a quote printed without marks is found). A quote's text is its
// fullest wording, its kind the most marked kind among its instances, its speaker the entity
// most instances name. An instance within another of its article (an attribution nested in a
// longer one) is not listed.
#include <algorithm>
#include <numeric>
#include <set>
#include <unordered_map>

#include "align/align.h"
#include "common/hash.h"
#include "common/offset_map.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "sketch/terms.h"

namespace crossread::align {

namespace {

constexpr double kSameQuote = 0.5;
// Of the smaller wording's content words, how many a quote's other wording must carry.
constexpr double kSameQuoteTerms = 0.6;
constexpr size_t kMinSharedQuoteTerms = 3;
constexpr double kSameWording = 0.8;  // of the larger bigram set: one wording, however short
// One speaker in two outlets, in different words ("We agreed we will keep the military aid
// flowing" / "had agreed to keep military aid flowing"): most content words are shared.
constexpr double kSameStatement = 0.7;
constexpr size_t kMinSharedTerms = 6;
constexpr double kSameQuoteInOneArticle = 0.95;  // a quote printed twice in one article
constexpr double kFoundByWording = 0.75;
constexpr int kMinWordsToSearch = 8;
constexpr int kMinUnmarkedWords = 4;     // shorter unmarked speech is an object, not a statement
constexpr size_t kMinSharedBigrams = 4;  // fewer is a shared phrase, not a shared quote
constexpr size_t kMaxPostings = 256;     // a bigram in more instances proposes no pairs

struct Inst {
  size_t doc;
  QuoteInstance inst;
  std::string speaker;  // name key
  std::string kind;
  std::string own;  // a partial quote's words inside its marks
};

// The words of a partial quote's contents that are inside quote marks: the speaker's own. Marks
// pair up within a paragraph, so a content's marks are counted from its paragraph's start.
std::string OwnWords(const analyze::Document& doc, const std::vector<analyze::ByteSpan>& contents) {
  std::string out;
  for (const analyze::ByteSpan& c : contents) {
    auto para = std::upper_bound(
        doc.paragraphs.begin(), doc.paragraphs.end(), c.begin,
        [](uint32_t at, const analyze::Paragraph& p) { return at < p.span.begin; });
    const uint32_t from = para == doc.paragraphs.begin() ? c.begin : std::prev(para)->span.begin;
    const std::string_view before = doc.Text({from, c.begin}), text = doc.Text(c);
    bool inside = std::count(before.begin(), before.end(), '"') % 2 == 1;
    for (size_t at = 0; at <= text.size();) {
      const size_t mark = std::min(text.find('"', at), text.size());
      if (inside) out.append(text.substr(at, mark - at)).push_back(' ');
      inside = !inside;
      at = mark + 1;
    }
  }
  return out;
}

// Distinct content terms of `text`, sorted.
std::vector<uint64_t> TermSet(std::string_view text) {
  std::vector<uint64_t> t = sketch::ContentTerms(text);
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  return t;
}

// How many of the smaller of two sorted sets are in the other: the count and the share.
std::pair<size_t, double> Overlap(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t both = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++both, ++i, ++j;
    }
  }
  const size_t smaller = std::min(a.size(), b.size());
  return {both, smaller == 0 ? 0.0 : static_cast<double>(both) / static_cast<double>(smaller)};
}

// Distinct hashes of the word bigrams of `text`, sorted.
std::vector<uint64_t> BigramSet(std::string_view text) {
  std::vector<Word> w = WordsOf(text);
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    out.push_back(HashCombine(Hash64(w[i].text), Hash64(w[i + 1].text)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int KindRank(const std::string& k) {
  if (k == "direct") return 3;
  if (k == "partial") return 2;
  if (k == "unmarked") return 1;
  return 0;
}

// A content as read, without the quote marks and the comma that close it: `"We act,"`.
std::string_view WithoutMarks(std::string_view t) {
  auto junk = [](char c) { return c == '"' || c == ',' || c == ' '; };
  while (!t.empty() && junk(t.front())) t.remove_prefix(1);
  while (!t.empty() && junk(t.back())) t.remove_suffix(1);
  return t;
}

}  // namespace

std::vector<Quote> AlignQuotes(const Docs& docs, const EntityTable& entities) {
  std::vector<CodePointIndex> cps;
  for (const analyze::Document* d : docs) cps.emplace_back(d->article->text);
  std::vector<Inst> all;
  for (size_t d = 0; d < docs.size(); ++d) {
    const analyze::Document& doc = *docs[d];
    for (const analyze::Attribution& a : doc.quotes) {
      if (a.contents.empty()) continue;
      Inst in;
      int words = 0;
      for (const analyze::ByteSpan& c : a.contents) words += CountWords(doc.Text(c));
      // "backed [the plan]", "[which] has backed": words unmarked this short are no statement.
      if ((a.kind == "indirect" || a.kind == "unmarked") && words < kMinUnmarkedWords) continue;
      in.doc = d;
      in.inst.article = doc.article->id;
      for (const analyze::ByteSpan& c : a.contents) {
        if (!in.inst.text.empty()) in.inst.text += " ... ";
        in.inst.text += std::string(WithoutMarks(doc.Text(c)));
      }
      in.inst.start = cps[d].At(a.contents.front().begin);
      in.inst.end = cps[d].At(a.contents.back().end);
      in.inst.cue = std::string(doc.Text(a.cue));
      in.speaker = a.speaker;
      in.kind = a.kind;
      if (a.kind == "partial") in.own = OwnWords(doc, a.contents);
      all.push_back(std::move(in));
    }
  }
  // Pairs sharing word bigrams, found through an inverted index; a bigram carried by very
  // many instances ("of the") proposes no pairs.
  std::vector<std::vector<uint64_t>> bigrams(all.size()), own(all.size()), terms(all.size());
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < all.size(); ++i) {
    bigrams[i] = BigramSet(all[i].inst.text);
    terms[i] = TermSet(all[i].inst.text);
    own[i] = all[i].own.empty() ? terms[i] : TermSet(all[i].own);
    for (uint64_t b : bigrams[i]) postings[b].push_back(i);
  }
  std::vector<size_t> parent(all.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::unordered_map<uint32_t, uint32_t> shared;
  for (uint32_t i = 0; i < all.size(); ++i) {
    shared.clear();
    for (uint64_t b : bigrams[i]) {
      const std::vector<uint32_t>& list = postings[b];
      if (list.size() > kMaxPostings) continue;
      for (uint32_t j : list) {
        if (j > i) ++shared[j];
      }
    }
    for (const auto& [j, n] : shared) {
      const size_t smaller = std::min(bigrams[i].size(), bigrams[j].size());
      const size_t larger = std::max(bigrams[i].size(), bigrams[j].size());
      double need = all[i].doc == all[j].doc ? kSameQuoteInOneArticle : kSameQuote;
      if (n < kMinSharedBigrams || static_cast<double>(n) < need * static_cast<double>(smaller)) {
        continue;
      }
      const auto [both, share] = Overlap(own[i], own[j]);
      if ((all[i].kind == "direct" && all[j].kind == "direct") ||
          (both >= kMinSharedQuoteTerms && share >= kSameQuoteTerms) ||
          static_cast<double>(n) >= kSameWording * static_cast<double>(larger)) {
        parent[find(j)] = find(i);
      }
    }
  }
  // The same speaker's statement as reported by two outlets in their own words.
  std::map<std::string, std::vector<uint32_t>> by_speaker;
  for (uint32_t i = 0; i < all.size(); ++i) {
    if (!all[i].speaker.empty()) by_speaker[all[i].speaker].push_back(i);
  }
  for (const auto& [speaker, members] : by_speaker) {
    for (size_t a = 0; a < members.size(); ++a) {
      for (size_t b = a + 1; b < members.size(); ++b) {
        if (all[members[a]].doc == all[members[b]].doc) continue;
        const auto [both, share] = Overlap(terms[members[a]], terms[members[b]]);
        if (both >= kMinSharedTerms && share >= kSameStatement) {
          parent[find(members[b])] = find(members[a]);
        }
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < all.size(); ++i) groups[find(i)].push_back(i);

  // Paragraph bigrams, to find each quote's wording where it was printed without marks.
  std::unordered_map<uint64_t, std::vector<std::pair<size_t, uint32_t>>> para_postings;
  if (docs.size() > 1) {
    for (size_t d = 0; d < docs.size(); ++d) {
      for (uint32_t p = 0; p < docs[d]->paragraphs.size(); ++p) {
        for (uint64_t b : BigramSet(docs[d]->Text(docs[d]->paragraphs[p].span))) {
          para_postings[b].push_back({d, p});
        }
      }
    }
  }
  std::vector<Quote> quotes;
  for (auto& [root, members] : groups) {
    // Instances found by wording in articles without one.
    std::set<size_t> has;
    for (size_t m : members) has.insert(all[m].doc);
    const Inst* longest = &all[members.front()];
    for (size_t m : members) {
      if (all[m].inst.text.size() > longest->inst.text.size()) longest = &all[m];
    }
    std::vector<Inst> found;
    std::vector<uint64_t> want = BigramSet(longest->inst.text);
    if (want.size() + 1 >= static_cast<size_t>(kMinWordsToSearch)) {
      std::map<std::pair<size_t, uint32_t>, uint32_t> hits;  // (doc, paragraph) → bigrams
      for (uint64_t b : want) {
        auto it = para_postings.find(b);
        if (it == para_postings.end() || it->second.size() > kMaxPostings) continue;
        for (const auto& dp : it->second) {
          if (!has.count(dp.first)) ++hits[dp];
        }
      }
      std::set<size_t> taken;
      for (const auto& [dp, n] : hits) {
        if (taken.count(dp.first) ||
            static_cast<double>(n) < kFoundByWording * static_cast<double>(want.size())) {
          continue;
        }
        taken.insert(dp.first);
        const analyze::Document& doc = *docs[dp.first];
        const analyze::ByteSpan span = doc.paragraphs[dp.second].span;
        Inst in;
        in.doc = dp.first;
        in.inst.article = doc.article->id;
        in.inst.text = std::string(doc.Text(span));
        in.inst.start = cps[dp.first].At(span.begin);
        in.inst.end = cps[dp.first].At(span.end);
        in.kind = "unmarked";
        found.push_back(std::move(in));
      }
    }
    Quote q;
    std::map<std::string, int> speakers;
    int kind_rank = -1;
    const std::vector<size_t>& group = members;  // a lambda may not capture a binding
    auto within_another = [&](size_t m) {        // nested in another instance of its article
      const QuoteInstance& i = all[m].inst;
      return std::any_of(group.begin(), group.end(), [&](size_t o) {
        const QuoteInstance& x = all[o].inst;
        return o != m && all[o].doc == all[m].doc && x.start <= i.start && i.end <= x.end &&
               (x.end - x.start > i.end - i.start || o < m);
      });
    };
    for (size_t m : members) {
      const Inst& in = all[m];
      if (within_another(m)) continue;
      q.instances.push_back(in.inst);
      if (!in.speaker.empty()) ++speakers[in.speaker];
      if (KindRank(in.kind) > kind_rank) {
        kind_rank = KindRank(in.kind);
        q.kind = in.kind;
      }
    }
    for (Inst& in : found) q.instances.push_back(std::move(in.inst));
    q.text = longest->inst.text;
    // The entity named by most instances.
    std::map<std::string, int> by_entity;
    for (const auto& [name, c] : speakers) {
      if (const Entity* e = entities.Find(name)) {
        by_entity[e->id] += c;
      }
    }
    int best = 0;
    for (const auto& [id, c] : by_entity) {
      if (c > best) {
        best = c;
        q.speaker = id;
      }
    }
    if (q.speaker) {
      for (const Entity& e : entities.entities) {
        if (e.id == *q.speaker) q.speaker_name = e.name;
      }
    } else if (!speakers.empty()) {
      q.speaker_name = speakers.begin()->first;
    }
    quotes.push_back(std::move(q));
  }
  auto articles_of = [](const Quote& q) {
    std::set<std::string> a;
    for (const QuoteInstance& i : q.instances) a.insert(i.article);
    return a.size();
  };
  std::stable_sort(quotes.begin(), quotes.end(),
                   [&](const Quote& a, const Quote& b) { return articles_of(a) > articles_of(b); });
  for (size_t i = 0; i < quotes.size(); ++i) quotes[i].id = "q" + std::to_string(i + 1);
  return quotes;
}

}  // namespace crossread::align
