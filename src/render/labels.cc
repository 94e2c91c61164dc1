#include "render/labels.h"

#include <algorithm>

namespace crossread::render {

Labels::Labels(const Brief& brief) {
  int i = 0;
  for (const Article& a : brief.articles) {
    by_id_[a.id] = &a;
    index_[a.id] = ++i;
  }
}

std::string Labels::Badge(const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? id : "A" + std::to_string(it->second);
}

std::string Labels::Name(const std::string& id) const {
  const Article* a = Find(id);
  return a && a->outlet ? *a->outlet : id;
}

const Article* Labels::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<std::string> ArticleDetails(const Brief& brief, const Article& a) {
  auto dup = brief.duplicate_of.find(a.id);
  return crossread::ArticleDetails(a, dup == brief.duplicate_of.end() ? std::nullopt : dup->second);
}

std::vector<const Fact*> SharedFacts(const Story& story, size_t* more) {
  std::vector<const Fact*> out;
  *more = 0;
  for (const Fact& f : story.facts) {
    if (f.articles.size() < 2) continue;
    if (out.size() < kMatrixFacts) {
      out.push_back(&f);
    } else {
      ++*more;
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<const Quote*>>> QuotesBySpeaker(const Story& s) {
  std::vector<std::pair<std::string, std::vector<const Quote*>>> groups;
  for (const Quote& q : s.quotes) {
    std::string who = q.speaker_name.value_or("");
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == who; });
    if (it == groups.end()) {
      groups.push_back({who, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(&q);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    if (a.first.empty() != b.first.empty()) return b.first.empty();
    return a.second.size() > b.second.size();
  });
  return groups;
}

}  // namespace crossread::render

namespace crossread {

std::vector<std::string> ArticleDetails(const Article& a,
                                        const std::optional<std::string>& duplicate_of) {
  std::vector<std::string> out;
  if (a.outlet) out.push_back(*a.outlet);
  if (a.published) out.push_back(*a.published);
  if (a.dateline) out.push_back("dateline " + *a.dateline);
  for (const std::string& wire : a.wire) out.push_back("wire " + wire);
  if (!a.removed.empty())
    out.push_back(std::to_string(a.removed.size()) + " boilerplate lines removed");
  if (duplicate_of) out.push_back("copy of " + *duplicate_of);
  return out;
}

}  // namespace crossread
