#include "common/dates.h"

#include <cstdio>

namespace crossread {

using namespace std::chrono;

std::optional<Day> MakeDay(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days(ymd);
}

namespace {

// The number written by s[from, from + n), digits only.
std::optional<int> Digits(std::string_view s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<Day> ParseIsoDay(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  std::optional<int> y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  return MakeDay(*y, *m, *d);
}

std::optional<Day> PeriodStart(std::string_view s) {
  std::optional<int> y = Digits(s, 0, 4);
  if (!y) return std::nullopt;
  if (s.size() == 4) return MakeDay(*y, 1, 1);
  if (s.size() == 7 && s[4] == '-') {
    std::optional<int> m = Digits(s, 5, 2);
    return m ? MakeDay(*y, *m, 1) : std::nullopt;
  }
  if (s.size() == 8 && s[4] == '-' && s[5] == 'W') {
    std::optional<int> w = Digits(s, 6, 2);
    if (!w || *w < 1 || *w > 53) return std::nullopt;
    // Week 1 is the week that holds 4 January; weeks start on Monday.
    Day jan4 = sys_days(year{*y} / January / 4);
    return jan4 - days(IsoWeekday(jan4) - 1) + days(7 * (*w - 1));
  }
  return s.size() == 10 ? ParseIsoDay(s) : std::nullopt;
}

std::string FormatDay(Day d) {
  year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}

int IsoWeekday(Day d) { return static_cast<int>(weekday(d).iso_encoding()); }

std::string FormatIsoWeek(Day d) {
  Day thursday = d + days(4 - IsoWeekday(d));
  year_month_day ymd(thursday);
  Day jan1 = sys_days(ymd.year() / January / 1);
  int week = static_cast<int>((thursday - jan1).count() / 7 + 1);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-W%02d", static_cast<int>(ymd.year()), week);
  return buf;
}

}  // namespace crossread
