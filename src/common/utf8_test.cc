#include "common/utf8.h"

#include <gtest/gtest.h>

#include "common/offset_map.h"

namespace crossread {
namespace {

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("curly \xE2\x80\x9Cquotes\xE2\x80\x9D and \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8("a real \xEF\xBF\xBD replacement char"));
}

TEST(Utf8, RejectsMalformedText) {
  struct Case {
    std::string bytes;
    size_t bad;
  } cases[] = {
      {"caf\xE9", 3},                 // Latin-1 byte
      {"ab\xC0\xAF", 2},              // overlong '/'
      {"x\xED\xA0\x80", 1},           // surrogate
      {"trunc\xE2\x80", 5},           // truncated sequence
      {"\xF4\x90\x80\x80", 0},        // above U+10FFFF
  };
  for (const Case& c : cases) {
    size_t bad = 99;
    EXPECT_FALSE(IsValidUtf8(c.bytes, &bad)) << c.bytes;
    EXPECT_EQ(bad, c.bad) << c.bytes;
  }
}

TEST(Utf8, DecodesAndCounts) {
  std::string s = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80";  // a é — 😀
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), U'a');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u00E9');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u2014');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\U0001F600');
  EXPECT_EQ(pos, s.size());
  EXPECT_EQ(CodePointCount(s), 4u);
  EXPECT_EQ(ByteOfCodePoint(s, 2), 3u);
  std::string round;
  for (char32_t cp : {U'a', U'\u00E9', U'\u2014', U'\U0001F600'}) AppendUtf8(cp, &round);
  EXPECT_EQ(round, s);
}

}  // namespace
}  // namespace crossread
