#include "clean/normalize.h"

#include <gtest/gtest.h>

#include "common/offset_map.h"
#include "common/utf8.h"

namespace crossread::clean {
namespace {

TEST(Normalize, FoldsQuotesDashesAndCompatibilityForms) {
  EXPECT_EQ(NormalizeText("\xE2\x80\x9CHi\xE2\x80\x9D, \xE2\x80\x98yes\xE2\x80\x99"),
            "\"Hi\", 'yes'");
  EXPECT_EQ(NormalizeText("a\xC2\xA0"
                          "b"),
            "a b");                                         // no-break space
  EXPECT_EQ(NormalizeText("\xEF\xAC\x81nal"), "final");     // ﬁ ligature
  EXPECT_EQ(NormalizeText("wait\xE2\x80\xA6"), "wait...");  // ellipsis
  EXPECT_EQ(NormalizeText("x\xE2\x88\x92"
                          "1"),
            "x-1");  // minus sign
  EXPECT_EQ(NormalizeText("soft\xC2\xAD"
                          "hyphen"),
            "softhyphen");  // dropped
  EXPECT_EQ(NormalizeText("em\xE2\x80\x94"
                          "dash"),
            "em\xE2\x80\x94"
            "dash");  // kept
  EXPECT_EQ(NormalizeText("``It's over,'' she said."), "\"It's over,\" she said.");
  EXPECT_EQ(NormalizeText("a ' b ` c"), "a ' b ` c");  // single marks stay
}

// Every clean offset maps back to the raw code point holding the same character.
TEST(Normalize, MapsOffsetsBackToTheRawText) {
  const std::string raw = "\xE2\x80\x9CSo\xEF\xAC\x81\xE2\x80\x9D said Caf\xC3\xA9 \xE2\x80\x94 ok";
  TextBuilder b;
  b.AppendNormalized(raw, 10);  // as if the piece started at code point 10 of a larger text
  std::string text = b.TakeText();
  std::vector<OffsetAnchor> anchors = b.TakeAnchors();
  EXPECT_EQ(text, "\"Sofi\" said Caf\xC3\xA9 \xE2\x80\x94 ok");
  EXPECT_EQ(MapToRaw(text, anchors, 0), 10u);                      // the opening quote
  EXPECT_EQ(MapToRaw(text, anchors, text.find("said")), 10u + 6);  // after “Soﬁ” and a space
  EXPECT_EQ(MapToRaw(text, anchors, text.find("ok")), 10u + 18);
  EXPECT_EQ(MapToRaw(text, anchors, text.find("fi")), 10u + 3);  // inside the ligature
}

TEST(Normalize, MapsTypewriterQuotesBackToBothMarks) {
  const std::string raw = "``Go,'' he said";
  TextBuilder b;
  b.AppendNormalized(raw, 0);
  std::string text = b.TakeText();
  std::vector<OffsetAnchor> anchors = b.TakeAnchors();
  EXPECT_EQ(text, "\"Go,\" he said");
  EXPECT_EQ(MapToRaw(text, anchors, 0), 0u);
  EXPECT_EQ(MapToRaw(text, anchors, 1), 2u);                    // "G" after the two marks
  EXPECT_EQ(MapToRaw(text, anchors, text.find(',') + 1), 5u);   // the closing pair
  EXPECT_EQ(MapToRaw(text, anchors, text.find("he")), 8u);      // past both of its marks
  EXPECT_EQ(MapToRaw(text, anchors, text.size()), raw.size());  // the end
}

}  // namespace
}  // namespace crossread::clean
