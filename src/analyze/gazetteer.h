// Gazetteer: places and organisations by name and alias, and demonyms (data/gazetteer.tsv).
#ifndef CROSSREAD_ANALYZE_GAZETTEER_H_
#define CROSSREAD_ANALYZE_GAZETTEER_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "common/strings.h"

namespace crossread::analyze {

class Gazetteer {
 public:
  struct Entry {
    std::string canonical;
    std::string type;  // PLACE or ORG
    bool demonym = false;
  };

  // The gazetteer over the embedded data file. Thread-safe; never destroyed.
  static const Gazetteer& Get();

  explicit Gazetteer(std::string_view tsv);
  Gazetteer(const Gazetteer&) = delete;  // large and shared: pass by reference
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The entry for a name, alias or demonym as written, or nullptr.
  const Entry* Find(std::string_view name) const;
  // Longest number of words of a gazetteer name (for bounded longest-match scans).
  int max_words() const { return max_words_; }

 private:
  StringMap<Entry> names_;
  int max_words_ = 1;
};

}  // namespace crossread::analyze

#endif  // CROSSREAD_ANALYZE_GAZETTEER_H_
