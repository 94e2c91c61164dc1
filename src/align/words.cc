#include <algorithm>
#include <unordered_set>

#include "align/align.h"
#include "common/hash.h"
#include "common/utf8.h"

namespace crossread::align {

std::vector<Word> WordsOf(std::string_view text, uint32_t base) {
  std::vector<Word> words;
  size_t i = 0;
  Word cur;
  bool in_word = false;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(text, &i);
    bool inner = cp == '\'' && in_word && i < text.size() && IsLetter(static_cast<unsigned char>(text[i]));
    if (IsLetter(cp) || IsDigit(cp) || inner) {
      if (!in_word) {
        cur = Word();
        cur.begin = base + static_cast<uint32_t>(start);
        in_word = true;
      }
      if (cp < 0x80) {
        cur.text.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      } else {
        cur.text.append(text.substr(start, i - start));
      }
      cur.end = base + static_cast<uint32_t>(i);
    } else if (in_word) {
      words.push_back(std::move(cur));
      in_word = false;
    }
  }
  if (in_word) words.push_back(std::move(cur));
  return words;
}

namespace {

std::unordered_set<uint64_t> Bigrams(std::string_view text) {
  std::vector<Word> w = WordsOf(text);
  std::unordered_set<uint64_t> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) out.insert(HashCombine(Hash64(w[i].text), Hash64(w[i + 1].text)));
  return out;
}

}  // namespace

double BigramContainment(std::string_view a, std::string_view b) {
  std::unordered_set<uint64_t> ba = Bigrams(a), bb = Bigrams(b);
  if (ba.empty() || bb.empty()) return 0;
  const auto& small = ba.size() <= bb.size() ? ba : bb;
  const auto& large = ba.size() <= bb.size() ? bb : ba;
  size_t hit = 0;
  for (uint64_t h : small) hit += large.count(h);
  return static_cast<double>(hit) / static_cast<double>(small.size());
}

}  // namespace crossread::align
