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
// The day y-m-d, or nullopt when there is no such day (February 30).
std::optional<Day> MakeDay(int y, int m, int d);
std::string FormatDay(Day d);                  // 2025-03-15
std::string FormatMonth(int year, int month);  // 2025-03
std::string FormatIsoWeek(Day d);              // 2025-W11
// Monday = 1 ... Sunday = 7.
int IsoWeekday(Day d);

}  // namespace crossread

#endif  // CROSSREAD_COMMON_DATES_H_
