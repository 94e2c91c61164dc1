#include "clean/boilerplate.h"

#include "common/data.h"
#include "common/hash.h"
#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::clean {

namespace {

constexpr int kMaxWordsForContains = 40;

// Longest run of consecutive ASCII digits.
int LongestDigitRun(std::string_view s) {
  int best = 0, cur = 0;
  for (char c : s) {
    cur = (c >= '0' && c <= '9') ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

// True if `s` holds a phone-number-like run: 7+ digits joined by spaces, dots, dashes, brackets.
bool HasPhoneNumber(std::string_view s) {
  int digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
      if (digits >= 7) return true;
    } else if (!(c == '-' || c == ' ' || c == '.' || c == '(' || c == ')' || c == '+')) {
      digits = 0;
    }
  }
  return false;
}

bool MentionsContact(std::string_view lower) {
  for (std::string_view w :
       {"hotline", "phone", "tel:", "tel.", "call ", "fax", "contact", "whatsapp"}) {
    if (lower.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool HasLetterOrDigit(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = DecodeUtf8(s, &i);
    if (IsLetter(cp) || IsDigit(cp)) return true;
  }
  return false;
}

// "... at 10 Downing Street in London, England, March 15, 2025. /VCG": a caption that ends in
// a slash credit of one to three capitalised words.
bool EndsWithSlashCredit(std::string_view line) {
  size_t slash = line.rfind('/');
  if (slash == std::string_view::npos || slash == 0 || line[slash - 1] != ' ') return false;
  std::string_view credit = Trim(line.substr(slash + 1));
  if (credit.empty() || credit.size() > 40) return false;
  if (!(credit[0] >= 'A' && credit[0] <= 'Z')) return false;
  int words = CountWords(credit);
  return words <= 3 && credit.find('.') == std::string_view::npos;
}

}  // namespace

std::string LineKey(std::string_view line) {
  std::string key;
  ForEachLowerWord(line, [&](std::string_view w) {
    if (!key.empty()) key.push_back(' ');
    key.append(w);
  });
  return key;
}

const BoilerplateClassifier& BoilerplateClassifier::Default() {
  static const BoilerplateClassifier* c = new BoilerplateClassifier(data::boilerplate());
  return *c;
}

BoilerplateClassifier::BoilerplateClassifier(std::string_view lexicon) {
  for (const auto& row : ParseTsv(lexicon)) {
    if (row.size() < 3) continue;
    std::string reason(row[2]);
    if (row[0] == "line") {
      whole_lines_[Hash64(LineKey(row[1]))] = reason;
    } else if (row[0] == "prefix") {
      prefixes_.push_back({std::string(row[1]), reason});
    } else if (row[0] == "contains") {
      contains_.push_back({std::string(row[1]), reason});
    }
  }
}

std::string_view BoilerplateClassifier::Classify(std::string_view line) const {
  return Classify(line, CountWords(line), Hash64(LineKey(line)));
}

std::string_view BoilerplateClassifier::Classify(std::string_view line, int words,
                                                 uint64_t key) const {
  if (line.empty()) return {};
  if (!HasLetterOrDigit(line)) return "separator";
  if (words <= 8) {
    auto it = whole_lines_.find(key);
    if (it != whole_lines_.end()) return it->second;
  }
  // Lowered once: whole if the line is short enough to be searched, else as far as a prefix
  // or a contact word is looked for.
  const bool searched = words <= kMaxWordsForContains;
  const std::string lower = AsciiLower(searched ? line : line.substr(0, 200));
  for (const Pattern& p : prefixes_) {
    if (StartsWith(lower, p.text)) return p.reason;
  }
  if (searched) {
    for (const Pattern& p : contains_) {
      if (lower.find(p.text) != std::string::npos) return p.reason;
    }
  }
  // The word counts first: they rule out long lines without reading them again.
  if (words <= 6 && LongestDigitRun(line) >= 8) return "licence or registration number";
  if (words <= 12 && (words <= 4 || MentionsContact(lower)) && HasPhoneNumber(line)) {
    return "contact line";
  }
  if (EndsWithSlashCredit(line)) return "photo caption or credit";
  return {};
}

}  // namespace crossread::clean
