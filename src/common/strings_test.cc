#include "common/strings.h"

#include <gtest/gtest.h>

namespace crossread {
namespace {

struct Word {
  std::string lower;
  std::string original;
  bool operator==(const Word&) const = default;
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> out;
  ForEachWord(text, [&](std::string_view w, size_t begin, size_t end) {
    out.push_back({std::string(w), std::string(text.substr(begin, end - begin))});
  });
  return out;
}

TEST(ForEachWord, WordsAreLetterAndDigitRunsWithInnerApostrophes) {
  EXPECT_EQ(Words("Zürich's CAFÉ-au-lait, don't 'quote' U.S. 2025"),
            (std::vector<Word>{{"zürich's", "Zürich's"},
                               {"cafÉ", "CAFÉ"},
                               {"au", "au"},
                               {"lait", "lait"},
                               {"don't", "don't"},
                               {"quote", "quote"},
                               {"u", "U"},
                               {"s", "S"},
                               {"2025", "2025"}}));
}

TEST(ForEachWord, EdgesOfTheText) {
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words(" -- ... ").empty());
  EXPECT_EQ(Words("é"), (std::vector<Word>{{"é", "é"}}));
  EXPECT_EQ(Words("Ab"), (std::vector<Word>{{"ab", "Ab"}}));
  EXPECT_EQ(LowerWords("A b'"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace crossread
