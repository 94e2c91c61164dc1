#include "common/strings.h"

#include <gtest/gtest.h>

#include <random>

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

TEST(CountWords, CountsRunsOfNonSpaceBytesAtEveryLength) {
  auto reference = [](std::string_view t) {
    int n = 0;
    bool in_word = false;
    for (char c : t) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      n += !space && !in_word;
      in_word = !space;
    }
    return n;
  };
  std::mt19937 rng(3);
  const std::string alphabet = "ab \n\t\r.\xC3\xA9";
  for (size_t size = 0; size < 80; ++size) {
    for (int trial = 0; trial < 20; ++trial) {
      std::string t;
      for (size_t k = 0; k < size; ++k) t += alphabet[rng() % alphabet.size()];
      EXPECT_EQ(CountWords(t), reference(t)) << '"' << t << '"';
    }
  }
  EXPECT_EQ(CountWords("Leaders met in London on Saturday to discuss the plan."), 10);
}

}  // namespace
}  // namespace crossread
