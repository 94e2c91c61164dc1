// Conflicting figures: quantities of the same unit ("leader", "country", "usd") given by two or
// more articles. Where every article gives one value for a unit and the values differ, that is
// a conflict; it is `compatible` when the values are all within 10% of each other and at least
// one is approximate ("around 25" and "two dozen").
#include <algorithm>
#include <cmath>
#include <set>

#include "align/align.h"

namespace crossread::align {

std::vector<Conflict> FindConflicts(const Docs& docs) {
  struct Seen {
    std::set<double> values;
    std::string surface;
    bool approximate = false;
  };
  std::map<std::string, std::map<std::string, Seen>> by_unit;  // unit → article → seen
  for (const analyze::Document* d : docs) {
    for (const analyze::Quantity& q : d->quantities) {
      Seen& s = by_unit[q.unit][d->article->id];
      s.values.insert(q.value);
      if (s.surface.empty()) s.surface = std::string(d->Text(q.span));
      s.approximate = s.approximate || q.approximate;
    }
  }
  std::vector<Conflict> out;
  for (const auto& [unit, per_article] : by_unit) {
    if (per_article.size() < 2) continue;
    bool single = std::all_of(per_article.begin(), per_article.end(),
                              [](const auto& p) { return p.second.values.size() == 1; });
    if (!single) continue;
    std::map<double, ConflictValue> by_value;
    double lo = INFINITY, hi = -INFINITY;
    bool any_approx = false;
    for (const auto& [article, seen] : per_article) {
      double v = *seen.values.begin();
      ConflictValue& cv = by_value[v];
      if (cv.value.empty()) cv.value = seen.surface;
      cv.articles.push_back(article);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      any_approx = any_approx || seen.approximate;
    }
    if (by_value.size() < 2) continue;
    Conflict c;
    c.about = unit;
    for (auto& [v, cv] : by_value) c.values.push_back(std::move(cv));
    c.compatible = CompatibleFigures(lo, hi, any_approx);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace crossread::align
