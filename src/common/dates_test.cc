#include "common/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace crossread {
namespace {

TEST(PeriodStart, FirstDayOfEachPrecision) {
  struct Case {
    const char* date;
    const char* start;  // "" when not a date
  } cases[] = {
      {"2025", "2025-01-01"},
      {"2024-08", "2024-08-01"},
      {"2025-03-15", "2025-03-15"},
      {"2025-W11", "2025-03-10"},
      {"2025-W01", "2024-12-30"},
      {"2021-W01", "2021-01-04"},
      {"2020-W53", "2020-12-28"},
      {"2025-13", ""},
      {"2025-W00", ""},
      {"20x5", ""},
      {"2025-03-15T10:00", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    std::optional<Day> d = PeriodStart(c.date);
    EXPECT_EQ(d ? FormatDay(*d) : "", c.start) << c.date;
    // The week of a week's first day is that week.
    if (d && std::string_view(c.date).size() == 8) {
      EXPECT_EQ(FormatIsoWeek(*d), c.date);
    }
  }
}

TEST(PublishedBefore, DatedFirstInOrderUndatedKeepTheirPlace) {
  using Item = std::pair<std::optional<std::string>, int>;
  std::vector<Item> items = {{std::nullopt, 1},
                             {"2025-03-02", 2},
                             {std::nullopt, 3},
                             {"2025-03-01", 4},
                             {"2025-03-02", 5}};
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return PublishedBefore(a.first, b.first); });
  std::vector<int> order;
  for (const Item& i : items) order.push_back(i.second);
  EXPECT_EQ(order, (std::vector<int>{4, 2, 5, 1, 3}));
}

}  // namespace
}  // namespace crossread
