#include <gtest/gtest.h>

#include "analyze/document.h"
#include "common/test_util.h"

namespace crossread::analyze {
namespace {

std::vector<std::pair<std::string, std::string>> Dates(const std::string& text,
                                                       std::optional<std::string> published) {
  Article a = testing::CleanArticle(text, std::move(published));
  Document d = Analyze(a);
  std::vector<std::pair<std::string, std::string>> out;
  for (const DateMention& m : d.dates) out.emplace_back(m.date, m.precision);
  return out;
}

using P = std::pair<std::string, std::string>;

TEST(Dates, ResolvesAgainstThePublicationDate) {
  // 2025-03-15 is a Saturday.
  const std::string pub = "2025-03-15";
  EXPECT_EQ(Dates("Trump clashed with Zelenskyy on Feb. 28 in the Oval Office.", pub),
              (std::vector<P>{{"2025-02-28", "day"}}));
  EXPECT_EQ(Dates("Unlike the first summit on March 2, it was virtual.", pub),
            (std::vector<P>{{"2025-03-02", "day"}}));
  EXPECT_EQ(Dates("Leaders met on Saturday.", pub), (std::vector<P>{{"2025-03-15", "day"}}));
  EXPECT_EQ(Dates("Putin spoke on Thursday.", pub), (std::vector<P>{{"2025-03-13", "day"}}));
  EXPECT_EQ(Dates("Chiefs will meet on Thursday.", pub), (std::vector<P>{{"2025-03-20", "day"}}));
  EXPECT_EQ(Dates("They meet next Thursday.", pub), (std::vector<P>{{"2025-03-20", "day"}}));
  EXPECT_EQ(Dates("Troops entered Kursk last August.", pub), (std::vector<P>{{"2024-08", "month"}}));
  EXPECT_EQ(Dates("A session is due next week.", pub), (std::vector<P>{{"2025-W12", "week"}}));
  EXPECT_EQ(Dates("She spoke earlier this month.", pub), (std::vector<P>{{"2025-03", "month"}}));
  EXPECT_EQ(Dates("The invasion began in 2022.", pub), (std::vector<P>{{"2022", "year"}}));
  EXPECT_EQ(Dates("It was signed on 15 March 2025 and yesterday.", pub),
            (std::vector<P>{{"2025-03-15", "day"}, {"2025-03-14", "day"}}));
  EXPECT_EQ(Dates("He may resign.", pub), (std::vector<P>{}));
}

TEST(Dates, UseAReferenceDateWhenTheArticleHasNone) {
  Article a = testing::CleanArticle("Chiefs would meet next Thursday. Troops left last August.");
  Document d = Analyze(a);
  EXPECT_TRUE(d.dates.empty());
  FindDates(&d, std::string("2025-03-15"));
  ASSERT_EQ(d.dates.size(), 2u);
  EXPECT_EQ(d.dates[0].date, "2025-03-20");
  EXPECT_EQ(d.dates[1].date, "2024-08");
}

TEST(Dates, DropsRelativeDatesWithoutAPublicationDate) {
  EXPECT_EQ(Dates("Leaders met on Saturday, as on March 15, 2025.", std::nullopt),
            (std::vector<P>{{"2025-03-15", "day"}}));
}

}  // namespace
}  // namespace crossread::analyze
