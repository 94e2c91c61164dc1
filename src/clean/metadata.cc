#include "clean/metadata.h"

#include <algorithm>

#include "common/lexicon.h"
#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::clean {

namespace {

bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Matches YYYY-MM-DD at s[i]; returns its length (plus a THH:MM[:SS][zone] tail) or 0.
size_t MatchIsoDate(std::string_view s, size_t i) {
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigitAt(s, i + k)) return 0;
  }
  if (s[i + 4] != '-' || s[i + 7] != '-') return 0;
  size_t n = 10;
  if (i + n < s.size() && (s[i + n] == 'T' || s[i + n] == ' ') && IsDigitAt(s, i + n + 1) &&
      IsDigitAt(s, i + n + 2) && i + n + 3 < s.size() && s[i + n + 3] == ':') {
    n += 1;
    while (i + n < s.size() && (IsDigitAt(s, i + n) || s[i + n] == ':' || s[i + n] == '.' ||
                                s[i + n] == 'Z' || s[i + n] == '+' || s[i + n] == '-')) {
      ++n;
    }
  }
  return n;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// A dash of any kind (after normalisation: '-', en dash, em dash, or the underscore that old
// wire copy types for one: "CHICAGO _ A tiny tribe"), possibly doubled.
size_t MatchDash(std::string_view s, size_t i) {
  size_t start = i;
  while (i < s.size()) {
    if (s[i] == '-' || s[i] == '_') {
      ++i;
    } else if (s.substr(i, 3) == "\xE2\x80\x94" || s.substr(i, 3) == "\xE2\x80\x93") {
      i += 3;
    } else {
      break;
    }
  }
  return i - start;
}

// "(AP)" at s[i]: the agency's canonical name and the length matched.
std::optional<std::pair<std::string, size_t>> MatchAgencyParen(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] != '(') return std::nullopt;
  size_t close = s.find(')', i);
  if (close == std::string_view::npos || close - i > 40) return std::nullopt;
  std::string_view wire = CanonicalWire(Trim(s.substr(i + 1, close - i - 1)));
  if (wire.empty()) return std::nullopt;
  return std::make_pair(std::string(wire), close + 1 - i);
}

// The length of a day of the month at s[i] ("September 28", "Jan. 5", "Sept 3"), or 0.
size_t MatchMonthDay(std::string_view s, size_t i) {
  size_t w = i;
  while (w < s.size() && IsLetter(static_cast<unsigned char>(s[w]))) ++w;
  const Lexicon& lex = Lexicon::Get();
  std::string_view month = s.substr(i, w - i);
  if (lex.Is(month, Lex::kMonthAbbr)) {
    if (w < s.size() && s[w] == '.') ++w;
  } else if (!lex.Is(month, Lex::kMonth)) {
    return 0;
  }
  if (w >= s.size() || s[w] != ' ' || !IsDigitAt(s, w + 1)) return 0;
  size_t d = w + 1;
  while (IsDigitAt(s, d) && d - w <= 2) ++d;
  return IsDigitAt(s, d) ? 0 : d - i;
}

}  // namespace

std::string_view CanonicalWire(std::string_view name) {
  return Lexicon::Get().Value(name, Lex::kWire);
}

std::optional<HeaderDate> ParseHeaderDate(std::string_view line) {
  size_t i = SkipSpaces(line, 0);
  static constexpr std::string_view kKeys[] = {"date", "published", "updated", "pubdate"};
  for (std::string_view key : kKeys) {
    if (!EqualsIgnoreCase(line.substr(i, key.size()), key)) continue;
    size_t j = i + key.size();
    if (j < line.size() && line[j] == ':') ++j;
    size_t k = SkipSpaces(line, j);
    if (k == j) continue;  // "date" must be followed by a separator
    size_t n = MatchIsoDate(line, k);
    if (n == 0) continue;
    return HeaderDate{std::string(line.substr(k, 10)), SkipSpaces(line, k + n)};
  }
  return std::nullopt;
}

std::optional<Dateline> ParseDateline(std::string_view p) {
  // PLACE: an all-caps word (2+ letters), more all-caps words, then optionally ", Region".
  size_t i = 0;
  int caps_words = 0;
  while (i < p.size()) {
    size_t w = i;
    while (w < p.size() && (IsUpperAscii(p[w]) || p[w] == '.' || p[w] == '\'')) ++w;
    if (w - i < 2 || (w < p.size() && p[w] != ' ' && p[w] != ',')) break;
    ++caps_words;
    i = w;
    if (i < p.size() && p[i] == ' ' && i + 1 < p.size() && IsUpperAscii(p[i + 1]) &&
        i + 2 < p.size() && IsUpperAscii(p[i + 2])) {
      ++i;
      continue;
    }
    break;
  }
  if (caps_words == 0 || caps_words > 4) return std::nullopt;
  size_t place_end = i;
  if (i + 2 < p.size() && p[i] == ',' && p[i + 1] == ' ' && IsUpperAscii(p[i + 2]) &&
      MatchMonthDay(p, i + 2) == 0) {
    // ", South Korea": up to three capitalised words.
    size_t j = i + 2;
    int words = 0;
    while (j < p.size() && IsUpperAscii(p[j]) && words < 3) {
      size_t w = j;
      while (w < p.size() && p[w] != ' ' && p[w] != '(' && p[w] != ',') ++w;
      ++words;
      place_end = w;
      j = w + 1;
      if (w >= p.size() || p[w] != ' ' || j >= p.size() || !IsUpperAscii(p[j])) break;
    }
    i = place_end;
  }
  Dateline d;
  d.place = std::string(p.substr(0, place_end));
  // The day may follow the place: "BEIJING, March 5 (Xinhua) --".
  if (i + 2 < p.size() && p[i] == ',' && p[i + 1] == ' ') {
    if (size_t n = MatchMonthDay(p, i + 2)) i += 2 + n;
  }
  size_t j = SkipSpaces(p, i);
  if (auto agency = MatchAgencyParen(p, j)) {  // LONDON (Reuters) -
    d.wire = agency->first;
    j = SkipSpaces(p, j + agency->second);
  }
  size_t dash = MatchDash(p, j);
  if (dash == 0) return std::nullopt;
  j = SkipSpaces(p, j + dash);
  if (!d.wire) {  // LONDON — (AP) —
    if (auto agency = MatchAgencyParen(p, j)) {
      size_t k = SkipSpaces(p, j + agency->second);
      size_t dash2 = MatchDash(p, k);
      if (dash2 > 0) {
        d.wire = agency->first;
        j = SkipSpaces(p, k + dash2);
      }
    }
  }
  // Something must follow, and an all-caps place without an agency needs 3+ letters.
  if (j >= p.size() || (!d.wire && place_end < 3)) return std::nullopt;
  d.consumed = j;
  return d;
}

std::optional<std::string> ParseCreditLine(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() > 200) return std::nullopt;
  if (!t.empty() && t.front() == '(' && t.back() == ')') t = Trim(t.substr(1, t.size() - 2));
  static constexpr std::string_view kInputs[] = {"with inputs from ", "with input from ",
                                                 "inputs from "};
  for (std::string_view prefix : kInputs) {
    if (!EqualsIgnoreCase(t.substr(0, prefix.size()), prefix)) continue;
    std::string_view rest = Trim(t.substr(prefix.size()));
    for (const std::string& name : Lexicon::Get().Entries(Lex::kWire)) {
      if (rest.find(name) != std::string_view::npos) return std::string(CanonicalWire(name));
    }
    return std::string("agencies");
  }
  if (EqualsIgnoreCase(t.substr(0, 13), "reporting by ") &&
      t.find("diting by") != std::string_view::npos) {
    return std::string("Reuters");
  }
  return std::nullopt;
}

std::vector<std::string> FindWireMentions(std::string_view text) {
  std::vector<std::string> found;
  for (const std::string& name : Lexicon::Get().Entries(Lex::kWire)) {
    const std::string paren = "(" + name + ")";
    const std::string reported = name + " reported";
    const std::string contributed = name + " contributed";
    if (text.find(paren) != std::string_view::npos ||
        text.find(reported) != std::string_view::npos ||
        text.find(contributed) != std::string_view::npos) {
      found.emplace_back(CanonicalWire(name));
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace crossread::clean
