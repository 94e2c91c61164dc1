#include "sketch/terms.h"

#include <gtest/gtest.h>

#include "sketch/minhash.h"

namespace crossread::sketch {
namespace {

constexpr char kText[] =
    "Prime Minister Keir Starmer's office said on Monday that the U.S. had joined. Mr. Stubb "
    "met AT&T and Anglo-French envoys in Kyiv; The meeting, in March, went on.\n"
    "NATO said the pro-Russian groups in Kursk were\nVolodymyr Zelensky's concern.";

TEST(SketchText, NamesAreRunsOfCapitalisedTokens) {
  const TextSketch sketch = SketchText(kText);
  EXPECT_EQ(sketch.names, (std::vector<std::string>{
                              "AT&T", "Anglo-French", "Kursk", "Kyiv", "Mr. Stubb", "NATO",
                              "Prime Minister Keir Starmer", "U.S.", "Volodymyr Zelensky"}));
}

TEST(SketchText, WordsAndTermsAreThoseOfTheTextAlone) {
  const TextSketch sketch = SketchText(kText);
  EXPECT_EQ(sketch.words, WordHashes(kText));
  EXPECT_EQ(sketch.terms, ContentTerms(kText));
  EXPECT_EQ(ShingleHashesOfWords(sketch.words, 5), ShingleHashes(kText, 5));
  EXPECT_EQ(ShingleHashesOfWords(sketch.words, 3), ShingleHashes(kText, 3));
}

TEST(SketchText, EmptyAndWordlessTexts) {
  EXPECT_TRUE(SketchText("").words.empty());
  const TextSketch sketch = SketchText(" -- ... ");
  EXPECT_TRUE(sketch.words.empty());
  EXPECT_TRUE(sketch.names.empty());
}

}  // namespace
}  // namespace crossread::sketch
