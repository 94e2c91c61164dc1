// Boilerplate lines of scraped article text: notices, pickers, credits, related links.
//
// A line is judged alone by the lexicon of data/boilerplate.txt and by its shape (a licence
// number, a phone line, a photo credit, a rule of dashes); lines repeated within one article or
// across several are judged together by CleanArticles.
#ifndef CROSSREAD_CLEAN_BOILERPLATE_H_
#define CROSSREAD_CLEAN_BOILERPLATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crossread::clean {

class BoilerplateClassifier {
 public:
  // The classifier over the embedded lexicon. Thread-safe; never destroyed.
  static const BoilerplateClassifier& Default();

  explicit BoilerplateClassifier(std::string_view lexicon);
  BoilerplateClassifier(const BoilerplateClassifier&) = delete;  // shared: pass by reference
  BoilerplateClassifier& operator=(const BoilerplateClassifier&) = delete;

  // Why `line` (normalised, trimmed) is boilerplate, or "" when it is body text.
  std::string_view Classify(std::string_view line) const;
  // The same, given what a caller has computed already: CountWords(line) and
  // Hash64(LineKey(line)).
  std::string_view Classify(std::string_view line, int words, uint64_t key) const;

 private:
  struct Pattern {
    std::string text;
    std::string reason;
  };
  std::unordered_map<uint64_t, std::string> whole_lines_;  // Hash64(LineKey) → reason
  std::vector<Pattern> prefixes_;
  std::vector<Pattern> contains_;
};

// The line reduced to lowercase words separated by single spaces: the key under which lines
// are compared ("Also Read:" → "also read").
std::string LineKey(std::string_view line);

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_BOILERPLATE_H_
