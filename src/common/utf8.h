// UTF-8 decoding, validation and code-point offsets.
#ifndef CROSSREAD_COMMON_UTF8_H_
#define CROSSREAD_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crossread {

inline constexpr char32_t kReplacementChar = 0xFFFD;

namespace utf8_internal {
// The out-of-line halves of the inline functions below: multi-byte sequences, and the
// properties of code points beyond ASCII (ICU).
char32_t DecodeMultiByte(std::string_view text, size_t* pos);
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);
}  // namespace utf8_internal

// Decodes the code point at text[*pos] and advances *pos past it. Invalid bytes decode to
// U+FFFD one byte at a time. REQUIRES: *pos < text.size().
inline char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const auto c = static_cast<unsigned char>(text[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return utf8_internal::DecodeMultiByte(text, pos);
}

// True if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// On false, *bad_offset (if given) is the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view text, size_t* bad_offset = nullptr);

void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in `text` (valid UTF-8: counts lead bytes).
size_t CodePointCount(std::string_view text);

// Byte length of the sequence that starts with `lead`, 1 for stray bytes.
inline size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Unicode character classes, inline for ASCII.
inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return utf8_internal::IsLetter(cp);
}
inline bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8_internal::IsUpper(cp);
}
inline bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8_internal::IsLower(cp);
}
inline bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8_internal::IsDigit(cp);
}
inline bool IsSpace(char32_t cp) {
  if (cp < 0x80) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  }
  return utf8_internal::IsSpace(cp);
}

}  // namespace crossread

#endif  // CROSSREAD_COMMON_UTF8_H_
