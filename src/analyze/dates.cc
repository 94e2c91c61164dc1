// Dates in text, resolved against the publication date.
//
// Absolute: "March 15, 2025", "15 March 2025", "Feb. 28", "March 2025", "in 2022". A month
// and day without a year take the year that puts them nearest the publication date. Relative:
// weekdays ("Saturday", "on Thursday", "next Thursday", "last Monday": a bare weekday is the
// latest one on or before publication unless its sentence speaks of the future, then the next
// one), "today", "yesterday", "tomorrow", "this morning", "next/last/this week|month|year",
// "earlier this month", "last August". Relative dates need a publication date and are dropped
// without one.
#include <algorithm>

#include "analyze/document.h"
#include "common/dates.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

using namespace std::chrono;

int MonthNumber(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                                 "may",     "june",     "july",      "august",
                                                 "september", "october", "november", "december"};
  std::string l = AsciiLower(w);
  if (!l.empty() && l.back() == '.') l.pop_back();
  if (l == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    if (l == kMonths[i] || (l.size() == 3 && kMonths[i].substr(0, 3) == l)) return i + 1;
  }
  return 0;
}

int WeekdayNumber(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  std::string l = AsciiLower(w);
  for (int i = 0; i < 7; ++i) {
    if (l == kDays[i]) return i + 1;
  }
  return 0;
}

int SmallInt(std::string_view w, int lo, int hi) {
  if (w.empty() || w.size() > 4) return 0;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v >= lo && v <= hi ? v : 0;
}

bool SpeaksOfFuture(const Document& doc, const Sentence& s) {
  for (uint32_t k = s.first_token; k < s.end_token; ++k) {
    std::string w = AsciiLower(doc.TokenText(k));
    if (w == "will" || w == "'ll" || w == "would" || w == "due" || w == "upcoming" || w == "plans" ||
        w == "scheduled" || w == "expected" || w == "set" || w == "next") {
      return true;
    }
  }
  return false;
}

class DateFinder {
 public:
  DateFinder(Document* doc, const std::optional<std::string>& reference) : doc_(doc) {
    const std::optional<std::string>& date = doc->article->published ? doc->article->published : reference;
    if (date) pub_ = ParseIsoDay(*date);
  }

  void Run() {
    for (uint32_t s = 0; s < doc_->sentences.size(); ++s) {
      const Sentence& sent = doc_->sentences[s];
      for (uint32_t k = sent.first_token; k < sent.end_token;) {
        uint32_t used = Match(s, k, sent.end_token);
        k += used ? used : 1;
      }
    }
  }

 private:
  std::string_view Tok(uint32_t k) const { return doc_->TokenText(k); }
  std::string Low(uint32_t k, uint32_t end) const {
    return k < end ? AsciiLower(Tok(k)) : std::string();
  }

  void Emit(uint32_t s, uint32_t b, uint32_t e, std::string date, const char* precision) {
    DateMention d;
    d.span = {doc_->tokens[b].begin, doc_->tokens[e - 1].end};
    d.date = std::move(date);
    d.precision = precision;
    d.sentence = s;
    doc_->dates.push_back(std::move(d));
  }

  // Year for a month/day without one: the nearest to publication.
  std::optional<Day> NearestYear(int month, int dayn) const {
    if (!pub_) return std::nullopt;
    int y0 = static_cast<int>(year_month_day(*pub_).year());
    std::optional<Day> best;
    for (int y : {y0 - 1, y0, y0 + 1}) {
      std::optional<Day> d = MakeDay(y, month, dayn);
      if (d && (!best || std::abs((*d - *pub_).count()) < std::abs((*best - *pub_).count()))) {
        best = d;
      }
    }
    return best;
  }

  // Tries every pattern at token k; returns tokens consumed (0 for no match).
  uint32_t Match(uint32_t s, uint32_t k, uint32_t end) {
    const std::string w = Low(k, end);
    const std::string prev = k > doc_->sentences[s].first_token ? Low(k - 1, end) : "";
    // Month Day[, Year] | Month Year | Month
    if (int m = MonthNumber(Tok(k)); m > 0 && (doc_->tokens[k].flags & kCapitalized)) {
      if (w == "may" && !(k + 1 < end && SmallInt(Tok(k + 1), 1, 31))) return 0;  // the verb
      if (k + 1 < end) {
        if (int d = SmallInt(Tok(k + 1), 1, 31)) {
          uint32_t e = k + 2;
          int y = 0;
          if (e + 1 < end && Tok(e) == "," && (y = SmallInt(Tok(e + 1), 1800, 2200))) e += 2;
          else if (e < end && (y = SmallInt(Tok(e), 1800, 2200))) e += 1;
          if (std::optional<Day> day = y ? MakeDay(y, m, d) : NearestYear(m, d)) {
            Emit(s, k, e, FormatDay(*day), "day");
          }
          return e - k;
        }
        if (int y = SmallInt(Tok(k + 1), 1800, 2200)) {
          Emit(s, k, k + 2, FormatMonth(y, m), "month");
          return 2;
        }
      }
      if (pub_ && (prev == "in" || prev == "last" || prev == "since" || prev == "this" ||
                   prev == "next" || prev == "early" || prev == "late" || prev == "mid")) {
        year_month_day p(*pub_);
        int y = static_cast<int>(p.year());
        int pm = static_cast<int>(static_cast<unsigned>(p.month()));
        if (prev == "next") {
          if (m <= pm) ++y;
        } else if (prev == "last") {
          if (m >= pm) --y;
        } else if (prev != "this" && m > pm) {
          --y;
        }
        Emit(s, k - (prev == "last" || prev == "next" || prev == "this" ? 1 : 0), k + 1,
             FormatMonth(y, m), "month");
      }
      return 1;
    }
    // Day Month [Year]
    if (int d = SmallInt(Tok(k), 1, 31); d && k + 1 < end) {
      if (int m = MonthNumber(Tok(k + 1)); m && (doc_->tokens[k + 1].flags & kCapitalized)) {
        uint32_t e = k + 2;
        int y = e < end ? SmallInt(Tok(e), 1800, 2200) : 0;
        if (y) ++e;
        if (std::optional<Day> day = y ? MakeDay(y, m, d) : NearestYear(m, d)) {
          Emit(s, k, e, FormatDay(*day), "day");
        }
        return e - k;
      }
    }
    // in 2022
    if (int y = SmallInt(Tok(k), 1900, 2100);
        y && (prev == "in" || prev == "since" || prev == "until" || prev == "by" ||
              prev == "early" || prev == "late" || prev == "mid")) {
      Emit(s, k, k + 1, std::to_string(y), "year");
      return 1;
    }
    if (!pub_) return 0;
    const Day pub = *pub_;
    // Weekdays.
    if (int wd = WeekdayNumber(Tok(k)); wd && (doc_->tokens[k].flags & kCapitalized)) {
      int pw = IsoWeekday(pub);
      Day d;
      uint32_t b = k;
      if (prev == "next") {
        d = pub + days((wd - pw + 7) % 7 == 0 ? 7 : (wd - pw + 7) % 7);
        b = k - 1;
      } else if (prev == "last") {
        d = pub - days((pw - wd + 7) % 7 == 0 ? 7 : (pw - wd + 7) % 7);
        b = k - 1;
      } else if (SpeaksOfFuture(*doc_, doc_->sentences[s]) && wd != pw) {
        d = pub + days((wd - pw + 7) % 7);
      } else {
        d = pub - days((pw - wd + 7) % 7);
      }
      Emit(s, b, k + 1, FormatDay(d), "day");
      return 1;
    }
    if (w == "today" || w == "tonight") {
      Emit(s, k, k + 1, FormatDay(pub), "day");
      return 1;
    }
    if (w == "yesterday") {
      Emit(s, k, k + 1, FormatDay(pub - days(1)), "day");
      return 1;
    }
    if (w == "tomorrow") {
      Emit(s, k, k + 1, FormatDay(pub + days(1)), "day");
      return 1;
    }
    if (w == "this" && k + 1 < end) {
      std::string n = Low(k + 1, end);
      if (n == "morning" || n == "afternoon" || n == "evening") {
        Emit(s, k, k + 2, FormatDay(pub), "day");
        return 2;
      }
    }
    if ((w == "next" || w == "last" || w == "this") && k + 1 < end) {
      std::string n = Low(k + 1, end);
      int dir = w == "next" ? 1 : (w == "last" ? -1 : 0);
      uint32_t b = (w == "this" && (prev == "earlier" || prev == "later")) ? k - 1 : k;
      year_month_day p(pub);
      if (n == "week") {
        Emit(s, b, k + 2, FormatIsoWeek(pub + days(7 * dir)), "week");
        return 2;
      }
      if (n == "month") {
        year_month_day t = p + months(dir);
        Emit(s, b, k + 2,
             FormatMonth(static_cast<int>(t.year()), static_cast<int>(static_cast<unsigned>(t.month()))),
             "month");
        return 2;
      }
      if (n == "year") {
        Emit(s, b, k + 2, std::to_string(static_cast<int>(p.year()) + dir), "year");
        return 2;
      }
    }
    return 0;
  }

  Document* doc_;
  std::optional<Day> pub_;
};

}  // namespace

void FindDates(Document* doc, const std::optional<std::string>& reference) {
  doc->dates.clear();
  DateFinder(doc, reference).Run();
}

}  // namespace crossread::analyze
