#include "analyze/gazetteer.h"

#include <algorithm>

#include "common/data.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

std::vector<std::string_view> SplitList(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t semi = s.find(';', start);
    if (semi == std::string_view::npos) semi = s.size();
    std::string_view item = Trim(s.substr(start, semi - start));
    if (!item.empty()) out.push_back(item);
    start = semi + 1;
  }
  return out;
}

}  // namespace

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer(data::gazetteer());
  return *g;
}

Gazetteer::Gazetteer(std::string_view tsv) {
  for (const auto& row : ParseTsv(tsv)) {
    if (row.size() < 2) continue;
    Entry e{std::string(row[0]), std::string(row[1]), false};
    auto add = [&](std::string_view name, const Entry& entry) {
      names_.emplace(std::string(name), entry);
      max_words_ = std::max(max_words_, CountWords(name));
    };
    add(row[0], e);
    if (row.size() > 2) {
      for (std::string_view alias : SplitList(row[2])) add(alias, e);
    }
    if (row.size() > 3) {
      Entry d = e;
      d.demonym = true;
      for (std::string_view demonym : SplitList(row[3])) add(demonym, d);
    }
  }
}

const Gazetteer::Entry* Gazetteer::Find(std::string_view name) const {
  auto it = names_.find(name);
  return it == names_.end() ? nullptr : &it->second;
}

}  // namespace crossread::analyze
