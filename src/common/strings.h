// Small string helpers shared by every stage. ASCII-only case mapping: news text's function
// words, cues and lexicon keys are ASCII after normalisation.
#ifndef CROSSREAD_COMMON_STRINGS_H_
#define CROSSREAD_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/utf8.h"

namespace crossread {

// Hash and equality that let unordered containers keyed by std::string be searched with a
// string_view, without building a string (C++20 heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

std::string AsciiLower(std::string_view s);
void AsciiLower(std::string_view s, std::string* out);  // into `out`, reusing its memory
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}
inline bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
// Whether `w` is one of `words` (a word list: `static constexpr std::string_view kList[]`).
template <size_t N>
bool IsOneOf(std::string_view w, const std::string_view (&words)[N]) {
  for (std::string_view x : words) {
    if (w == x) return true;
  }
  return false;
}
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Position of the ASCII-case-insensitive match of `lower_needle` at or after `from`, or npos.
size_t FindIgnoreCase(std::string_view haystack, std::string_view lower_needle, size_t from = 0);
// Trims ASCII and Unicode white space from both ends.
std::string_view Trim(std::string_view s);
// Appends `s` to `line` with each run of ASCII white space as one space (none at the start).
void AppendCollapsed(std::string_view s, std::string* line);
// `s` with runs of ASCII white space as one space, trimmed.
std::string CollapseSpaces(std::string_view s);
std::vector<std::string_view> SplitLines(std::string_view text);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// Calls fn(word, begin, end) for each word of `text`: maximal runs of letters, digits and inner
// apostrophes, lowercased, with its byte range in `text`. The view is valid during the call only
// (one buffer for all words).
template <typename Fn>
void ForEachWord(std::string_view text, Fn fn) {
  std::string cur;
  size_t begin = 0;
  size_t i = 0;
  auto ascii_alnum = [](unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  while (i < text.size()) {
    if (ascii_alnum(static_cast<unsigned char>(text[i]))) {  // a run of ASCII word bytes at once
      if (cur.empty()) begin = i;
      size_t j = i + 1;
      while (j < text.size() && ascii_alnum(static_cast<unsigned char>(text[j]))) ++j;
      const size_t from = cur.size();
      cur.append(text.data() + i, j - i);
      for (size_t k = from; k < cur.size(); ++k) {
        if (cur[k] >= 'A' && cur[k] <= 'Z') cur[k] = static_cast<char>(cur[k] + ('a' - 'A'));
      }
      i = j;
      continue;
    }
    const size_t start = i;
    const char32_t cp = DecodeUtf8(text, &i);
    const bool inner_apostrophe = cp == '\'' && !cur.empty() && i < text.size() &&
                                  IsLetter(static_cast<unsigned char>(text[i]));
    if (IsLetter(cp) || IsDigit(cp) || inner_apostrophe) {
      if (cur.empty()) begin = start;
      if (cp < 0x80) {
        cur.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
      } else {
        cur.append(text.substr(start, i - start));
      }
    } else if (!cur.empty()) {
      fn(std::string_view(cur), begin, start);
      cur.clear();
    }
  }
  if (!cur.empty()) fn(std::string_view(cur), begin, text.size());
}
// Calls fn(word) for each word ForEachWord gives.
template <typename Fn>
void ForEachLowerWord(std::string_view text, Fn fn) {
  ForEachWord(text, [&](std::string_view word, size_t, size_t) { fn(word); });
}
// The words ForEachLowerWord gives, as strings.
std::vector<std::string> LowerWords(std::string_view text);
// Number of white-space separated words.
int CountWords(std::string_view text);
// The tab-separated fields of one line (views into it).
std::vector<std::string_view> SplitTabs(std::string_view line);
// Iterates the lines of a tab-separated data file: skips blank lines and '#' comments.
std::vector<std::vector<std::string_view>> ParseTsv(std::string_view data);

}  // namespace crossread

#endif  // CROSSREAD_COMMON_STRINGS_H_
