#include "common/lexicon.h"

#include "common/data.h"
#include "common/strings.h"

namespace crossread {

namespace {

struct CategoryName {
  std::string_view name;
  Lex lex;
};
constexpr CategoryName kCategories[] = {
    {"honorific", Lex::kHonorific},
    {"title", Lex::kTitle},
    {"role", Lex::kRole},
    {"cue", Lex::kCue},
    {"first_name", Lex::kFirstName},
    {"stopword", Lex::kStopword},
    {"month", Lex::kMonth},
    {"month_abbr", Lex::kMonthAbbr},
    {"weekday", Lex::kWeekday},
    {"org_suffix", Lex::kOrgSuffix},
    {"place_suffix", Lex::kPlaceSuffix},
    {"pronoun", Lex::kPronoun},
    {"number", Lex::kNumber},
    {"approx", Lex::kApprox},
    {"abbreviation", Lex::kAbbreviation},
    {"sentence_starter", Lex::kSentenceStarter},
    {"wire", Lex::kWire},
};

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon(data::lexicon());
  return *lexicon;
}

Lexicon::Lexicon(std::string_view tsv) {
  for (const auto& row : ParseTsv(tsv)) {
    if (row.size() < 2) continue;
    for (const auto& cat : kCategories) {
      if (cat.name != row[0]) continue;
      auto bit = static_cast<uint32_t>(cat.lex);
      Entry& e = words_[std::string(row[1])];
      e.categories |= bit;
      if (row.size() > 2) e.values[bit] = std::string(row[2]);
      entries_[bit].emplace_back(row[1]);
    }
  }
}

bool Lexicon::Is(std::string_view word, Lex category) const {
  return (Categories(word) & static_cast<uint32_t>(category)) != 0;
}

uint32_t Lexicon::Categories(std::string_view word) const {
  auto it = words_.find(word);
  return it == words_.end() ? 0 : it->second.categories;
}

std::string_view Lexicon::Value(std::string_view word, Lex category) const {
  auto it = words_.find(word);
  if (it == words_.end()) return {};
  auto v = it->second.values.find(static_cast<uint32_t>(category));
  return v == it->second.values.end() ? std::string_view() : std::string_view(v->second);
}

const std::vector<std::string>& Lexicon::Entries(Lex category) const {
  auto it = entries_.find(static_cast<uint32_t>(category));
  return it == entries_.end() ? empty_ : it->second;
}

}  // namespace crossread
