#include "common/strings.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cstring>

#include "common/utf8.h"

namespace crossread {

std::string AsciiLower(std::string_view s) {
  std::string out;
  AsciiLower(s, &out);
  return out;
}

void AsciiLower(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

static char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

size_t FindIgnoreCase(std::string_view haystack, std::string_view lower_needle, size_t from) {
  if (lower_needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  const char first = lower_needle[0];
  const char first_upper = first >= 'a' && first <= 'z' ? static_cast<char>(first - 32) : first;
  while (from + lower_needle.size() <= haystack.size()) {
    const size_t rest = haystack.size() - from;
    const void* lower = std::memchr(haystack.data() + from, first, rest);
    const void* upper =
        first_upper == first ? nullptr : std::memchr(haystack.data() + from, first_upper, rest);
    const void* hit = !lower ? upper : !upper ? lower : std::min(lower, upper);
    if (!hit) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - haystack.data());
    if (at + lower_needle.size() > haystack.size()) return std::string_view::npos;
    size_t k = 1;
    while (k < lower_needle.size() && LowerAscii(haystack[at + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t next = b;
    if (!IsSpace(DecodeUtf8(s, &next))) break;
    b = next;
  }
  size_t e = s.size();
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t next = start;
    if (!IsSpace(DecodeUtf8(s, &next))) break;
    e = start;
  }
  return s.substr(b, e - b);
}

void AppendCollapsed(std::string_view s, std::string* line) {
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!line->empty() && line->back() != ' ') line->push_back(' ');
    } else {
      line->push_back(c);
    }
  }
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  AppendCollapsed(s, &out);
  return std::string(Trim(out));
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> words;
  ForEachLowerWord(text, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

int CountWords(std::string_view text) {
  // A word starts at a non-space byte after a space byte (or at the start of the text).
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  int n = 0;
  bool after_space = true;
  size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time: a bit per space byte, the word starts being the non-space bits
  // whose previous bit is a space.
  const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                cr = _mm_set1_epi8('\r');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i is_space =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, sp), _mm_cmpeq_epi8(b, nl)),
                     _mm_or_si128(_mm_cmpeq_epi8(b, tab), _mm_cmpeq_epi8(b, cr)));
    const uint32_t spaces = static_cast<uint32_t>(_mm_movemask_epi8(is_space));
    const uint32_t before = ((spaces << 1) | (after_space ? 1u : 0u)) & 0xFFFF;
    n += __builtin_popcount(~spaces & before & 0xFFFF);
    after_space = (spaces >> 15) & 1;
  }
#endif
  for (; i < text.size(); ++i) {
    const bool s = space(text[i]);
    n += !s && after_space;
    after_space = s;
  }
  return n;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::vector<std::vector<std::string_view>> ParseTsv(std::string_view data) {
  std::vector<std::vector<std::string_view>> rows;
  for (std::string_view line : SplitLines(data)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(SplitTabs(line));
  }
  return rows;
}

}  // namespace crossread
