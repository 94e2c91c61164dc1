// Lexicon: the word lists of data/lexicon.tsv, loaded once and shared read-only.
#ifndef CROSSREAD_COMMON_LEXICON_H_
#define CROSSREAD_COMMON_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/strings.h"

namespace crossread {

enum class Lex : uint32_t {
  kHonorific = 1u << 0,
  kTitle = 1u << 1,
  kRole = 1u << 2,  // lowercase role nouns: "prime minister", "envoy"
  kCue = 1u << 3,   // verbs of saying, lowercase
  kFirstName = 1u << 4,
  kStopword = 1u << 5,  // lowercase
  kMonth = 1u << 6,
  kMonthAbbr = 1u << 7,
  kWeekday = 1u << 8,
  kOrgSuffix = 1u << 9,
  kPlaceSuffix = 1u << 10,
  kPronoun = 1u << 11,  // lowercase
  kNumber = 1u << 12,   // lowercase, with a value
  kApprox = 1u << 13,   // lowercase
  kAbbreviation = 1u << 14,
  kSentenceStarter = 1u << 15,
  kWire = 1u << 16,  // with the credit as value
};

class Lexicon {
 public:
  // The lexicon built from the embedded data file. Thread-safe; never destroyed.
  static const Lexicon& Get();

  explicit Lexicon(std::string_view tsv);
  Lexicon(const Lexicon&) = delete;  // large and shared: pass by reference
  Lexicon& operator=(const Lexicon&) = delete;

  // Exact match (case as written in the file; lowercase categories are stored lowercase).
  bool Is(std::string_view word, Lex category) const;
  // Every category `word` is in, as Lex bits; 0 if none (one lookup for many questions).
  uint32_t Categories(std::string_view word) const;
  // The VALUE column for `word` in `category`, or "" when there is none.
  std::string_view Value(std::string_view word, Lex category) const;
  // Every entry of a category, in file order.
  const std::vector<std::string>& Entries(Lex category) const;

 private:
  struct Entry {
    uint32_t categories = 0;
    std::unordered_map<uint32_t, std::string> values;  // category bit → value
  };
  StringMap<Entry> words_;
  std::unordered_map<uint32_t, std::vector<std::string>> entries_;
  std::vector<std::string> empty_;
};

}  // namespace crossread

#endif  // CROSSREAD_COMMON_LEXICON_H_
