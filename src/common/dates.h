// Calendar arithmetic on ISO 8601 dates (proleptic Gregorian, via <chrono>).
#ifndef CROSSREAD_COMMON_DATES_H_
#define CROSSREAD_COMMON_DATES_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace crossread {

using Day = std::chrono::sys_days;

// "2025-03-15" (or a longer ISO timestamp) → its day.
std::optional<Day> ParseIsoDay(std::string_view s);
// The first day of an ISO 8601 date cut to a precision: "2025" → 1 January, "2025-03" → 1
// March, "2025-W11" → the Monday of ISO week 11, "2025-03-15" → that day.
std::optional<Day> PeriodStart(std::string_view s);
// The day y-m-d, or nullopt when there is no such day (February 30).
std::optional<Day> MakeDay(int y, int m, int d);
std::string FormatDay(Day d);                  // 2025-03-15
std::string FormatMonth(int year, int month);  // 2025-03
std::string FormatIsoWeek(Day d);              // 2025-W11
// Monday = 1 ... Sunday = 7.
int IsoWeekday(Day d);

// Publication order for std::stable_sort: dated before undated, earlier days first (days as
// Day or as ISO strings); undated items, and items of one day, keep their order.
template <typename T>
bool PublishedBefore(const std::optional<T>& a, const std::optional<T>& b) {
  if (a && b) return *a < *b;
  return a.has_value() && !b.has_value();
}

}  // namespace crossread

#endif  // CROSSREAD_COMMON_DATES_H_
