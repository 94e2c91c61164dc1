// Cleaning plain article text. Per article: a leading "date ..." header becomes `published`;
// each line is trimmed and judged by the boilerplate classifier and the credit-line parser;
// then, across the whole batch, short lines repeated within one article or across three or
// more articles are dropped too. What remains is normalised (NFKC, quotes, dashes) into
// paragraphs separated by blank lines, with a dateline parsed off the first one, and an offset
// map back to the raw text. Dropped lines go to `removed` in input order.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

// clang-format off: CLD2's header uses FILE from <cstdio> without including it.
#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
// clang-format on

#include "clean/boilerplate.h"
#include "clean/clean.h"
#include "clean/metadata.h"
#include "clean/normalize.h"
#include "common/hash.h"
#include "common/lexicon.h"
#include "common/offset_map.h"
#include "common/parallel.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "crossread/pipeline.h"

namespace crossread {

namespace {

using clean::BoilerplateClassifier;
using clean::TextBuilder;

// Between the two passes of CleanArticles every article's lines are held at once, so a line
// keeps only what the second pass needs: its normalised form only if it is dropped already
// (for `removed`), and the hash of its key.
struct Line {
  std::string_view raw;  // trimmed, a view into Article::raw_text
  uint32_t raw_cp = 0;   // code-point offset of raw.front()
  std::string norm;      // normalised; released after the first pass where the line is kept
  uint64_t key = 0;      // hash of LineKey(norm) for a line of kMaxKeyedWords words or fewer
  int words = 0;
  bool furniture = false;  // short enough to be site furniture if it recurs across articles
  std::string reason;      // why it is dropped; empty while kept
};

// Only short lines are looked up by key (as site furniture, boilerplate or a repeated line):
// a longer one is neither keyed nor looked up.
constexpr int kMaxKeyedWords = 12;

// The normalised form's word count, and its key where it is short enough to need one.
void Measure(Line* line) {
  line->words = CountWords(line->norm);
  line->key = line->words <= kMaxKeyedWords ? Hash64(clean::LineKey(line->norm)) : 0;
}

bool EndsLikeSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

// Splits raw text into trimmed, non-empty lines with their code-point offsets.
std::vector<Line> SplitRawLines(std::string_view raw) {
  std::vector<Line> lines;
  uint32_t cp = 0;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string_view::npos) nl = raw.size();
    std::string_view line = raw.substr(pos, nl - pos);
    std::string_view t = Trim(line);
    if (!t.empty()) {
      size_t lead = static_cast<size_t>(t.data() - line.data());
      Line l;
      l.raw = t;
      l.raw_cp = cp + static_cast<uint32_t>(CodePointCount(line.substr(0, lead)));
      lines.push_back(std::move(l));
    }
    cp += static_cast<uint32_t>(CodePointCount(line)) + 1;
    pos = nl + 1;
  }
  return lines;
}

// Cuts the first `norm_bytes` bytes (of its normalised form) off `line`.
void CutPrefix(Line* line, size_t norm_bytes) {
  TextBuilder b;
  b.AppendNormalized(line->raw, line->raw_cp);
  std::string text = b.TakeText();
  uint32_t cut_cp = MapToRaw(text, b.TakeAnchors(), static_cast<uint32_t>(norm_bytes));
  std::string_view rest = line->raw.substr(ByteOfCodePoint(line->raw, cut_cp - line->raw_cp));
  std::string_view trimmed = Trim(rest);
  line->raw_cp =
      cut_cp + static_cast<uint32_t>(CodePointCount(rest.substr(0, trimmed.data() - rest.data())));
  line->raw = trimmed;
  line->norm = clean::NormalizeText(line->raw);
  Measure(line);
}

// The language of `text` by CLD2 (Google's compact language detector: character n-gram
// tables for 83 languages), when it is reliable: an ISO 639-1 code such as "en", or a BCP 47
// tag where CLD2 gives one ("zh-Hant"). It reads the first 2 KB (some 300 words, enough for
// a sure answer; CLD2's time grows with the text, and was a third of cleaning's).
std::optional<std::string> GuessLanguage(std::string_view text) {
  std::string_view sample = text.substr(0, 2048);
  while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) {
    sample.remove_suffix(1);  // do not cut a character in two
  }
  if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0) sample.remove_suffix(1);
  bool reliable = false;
  int valid = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &reliable, &valid);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return std::nullopt;
  return std::string(CLD2::LanguageCode(lang));
}

}  // namespace

namespace clean {

void CleanArticles(std::vector<Article>& articles, int threads, const CleanOptions& options) {
  const BoilerplateClassifier& boiler = BoilerplateClassifier::Default();
  std::vector<std::vector<Line>> all(articles.size());
  std::vector<std::vector<std::string>> credits(articles.size());

  // Each article's lines alone, in parallel; then the lines seen across articles; then each
  // article's text, in parallel.
  ParallelFor(articles.size(), threads, [&](size_t a) {
    Article& art = articles[a];
    if (!art.text.empty()) return;  // already clean
    std::vector<Line>& lines = all[a] = SplitRawLines(art.raw_text);
    for (Line& l : lines) {
      l.norm = clean::NormalizeText(l.raw);
      Measure(&l);
    }
    if (!lines.empty()) {
      if (auto header = clean::ParseHeaderDate(lines.front().norm)) {
        if (!art.published) art.published = header->date;
        CutPrefix(&lines.front(), header->consumed);
        if (lines.front().raw.empty()) lines.front().reason = "header";
      }
    }
    for (Line& l : lines) {
      if (!l.reason.empty()) continue;
      if (auto wire = clean::ParseCreditLine(l.norm)) {
        l.reason = "wire credit";
        credits[a].push_back(*wire);
        continue;
      }
      l.reason = std::string(boiler.Classify(l.norm, l.words, l.key));
    }
    // Short lines repeated inside one article ("CHOOSE YOUR LANGUAGE" twice).
    std::unordered_map<uint64_t, int> counts;
    for (const Line& l : lines) {
      if (l.words <= 8 && !EndsLikeSentence(l.norm)) ++counts[l.key];
    }
    for (Line& l : lines) {
      if (l.reason.empty() && l.words <= 8 && !EndsLikeSentence(l.norm) && counts[l.key] >= 2) {
        l.reason = "repeated line";
      }
    }
    for (Line& l : lines) {
      l.furniture = l.words <= kMaxKeyedWords && (l.words <= 5 || !EndsLikeSentence(l.norm));
      if (l.reason.empty()) std::string().swap(l.norm);
    }
  });

  // Short lines that recur across three or more articles: site furniture. Per key, the last
  // article seen with it and the number of articles.
  std::unordered_map<uint64_t, std::pair<size_t, int>> seen_in;
  for (size_t a = 0; a < all.size(); ++a) {
    for (const Line& l : all[a]) {
      if (!l.furniture) continue;
      auto [it, fresh] = seen_in.try_emplace(l.key, a, 1);
      if (!fresh && it->second.first != a) it->second = {a, it->second.second + 1};
    }
  }
  ParallelFor(articles.size(), threads, [&](size_t a) {
    Article& art = articles[a];
    if (!art.text.empty()) return;
    std::vector<Line>& lines = all[a];
    for (Line& l : lines) {
      if (!l.reason.empty() || l.words > kMaxKeyedWords) continue;
      auto it = seen_in.find(l.key);
      if (it != seen_in.end() && it->second.second >= 3) {
        l.reason = "repeated across articles";
        l.norm = clean::NormalizeText(l.raw);
      }
    }
    // The first kept paragraph may open with a dateline.
    for (Line& l : lines) {
      if (!l.reason.empty()) continue;
      if (auto d = clean::ParseDateline(clean::NormalizeText(l.raw))) {
        art.dateline = d->place;
        if (d->wire) credits[a].push_back(*d->wire);
        CutPrefix(&l, d->consumed);
      }
      break;
    }
    TextBuilder b;
    uint32_t prev_end = 0;  // raw code point just past the last kept line
    for (const Line& l : lines) {
      if (!l.reason.empty()) {
        if (options.metadata && l.reason != "header") art.removed.push_back(l.norm);
        continue;
      }
      if (l.raw.empty()) continue;
      // The break stands where the previous line ended, so an offset at the end of a
      // paragraph maps to the end of its last character.
      if (!b.text().empty()) b.AppendSeparator("\n\n", prev_end);
      b.AppendNormalized(l.raw, l.raw_cp);
      prev_end = l.raw_cp + static_cast<uint32_t>(CodePointCount(l.raw));
    }
    art.text = b.TakeText();
    art.text.shrink_to_fit();
    art.offsets = b.TakeAnchors();
    art.offsets.shrink_to_fit();
    if (!options.metadata) return;
    for (std::string& w : clean::FindWireMentions(art.text)) credits[a].push_back(std::move(w));
    for (const std::string& w : credits[a]) {
      if (std::find(art.wire.begin(), art.wire.end(), w) == art.wire.end()) art.wire.push_back(w);
    }
    std::sort(art.wire.begin(), art.wire.end());
    if (!art.language) art.language = GuessLanguage(art.text);
  });
}

}  // namespace clean

void CleanArticles(std::vector<Article>& articles, int threads) {
  clean::CleanArticles(articles, threads, clean::CleanOptions());
}

}  // namespace crossread
