// Bad input: each is reported with the path and a reason, and the rest of the run goes on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/env.h"
#include "common/test_util.h"
#include "crossread/pipeline.h"

namespace crossread {
namespace {

class Failures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("crossread_fail_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::filesystem::path dir_;
};

TEST_F(Failures, EachBadFileIsNamedAndSkipped) {
  std::vector<std::string> paths = {
      Write("empty.txt", ""),
      Write("binary.txt", std::string("PK\x03\x04\0\0binary", 12)),
      Write("latin1.txt", "caf\xE9"),
      (dir_ / "missing.txt").string(),
      Write("bad.jsonl", "{\"id\": \"x\", \"text\": \"fine text here.\"}\n{broken\n{\"text\": \"no id\"}\n"),
      Write("good.txt", "A council voted to close the road on Monday. It reopens in May."),
  };
  std::istringstream no_stdin;
  Inputs in = ReadArticles(paths, no_stdin);
  ASSERT_EQ(in.errors.size(), 6u);
  EXPECT_EQ(in.errors[0].path, paths[0]);
  EXPECT_EQ(in.errors[0].reason, "empty file");
  EXPECT_EQ(in.errors[1].reason, "binary file, not text");
  EXPECT_EQ(in.errors[2].reason, "invalid UTF-8 at byte 3");
  EXPECT_EQ(in.errors[3].reason, "no such file or directory");
  EXPECT_EQ(in.errors[4].path, paths[4] + ":2");
  EXPECT_EQ(in.errors[5].path, paths[4] + ":3");
  ASSERT_EQ(in.articles.size(), 2u);
  EXPECT_EQ(in.articles[0].id, "x");
  EXPECT_EQ(in.articles[1].id, "good");
  Brief b = BuildBrief(std::move(in.articles), Options());
  EXPECT_EQ(b.articles.size(), 2u);
}

TEST_F(Failures, EmptyInputGivesAnEmptyBrief) {
  Brief b = BuildBrief({}, Options());
  EXPECT_TRUE(b.stories.empty());
  EXPECT_NE(RenderBriefJson(b).find("\"stories\": []"), std::string::npos);
}

TEST_F(Failures, ATwentyMegabyteArticleIsHandled) {
  Result<std::string> seed =
      ReadFile(testing::SourceDir() + "/examples/002_d908cffa983cbaf0.txt");
  ASSERT_TRUE(seed.ok());
  std::string big;
  for (int i = 0; big.size() < (20u << 20); ++i) {
    big += "Paragraph " + std::to_string(i) + ". " + *seed + "\n\n";
  }
  std::string path = Write("big.txt", big);
  std::istringstream no_stdin;
  Inputs in = ReadArticles({path}, no_stdin);
  ASSERT_TRUE(in.errors.empty());
  ASSERT_EQ(in.articles.size(), 1u);
  EXPECT_GT(in.articles[0].text.size(), 19u << 20);
  Options o;
  o.threads = 1;
  Brief b = BuildBrief(std::move(in.articles), o);
  ASSERT_EQ(b.stories.size(), 1u);
  EXPECT_FALSE(b.stories[0].summary.empty());
}

TEST_F(Failures, HtmlAndGzipInputsAreRead) {
  std::string html =
      "<html lang=\"en\"><head><title>Talks resume | Example News</title>"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"article:published_time\" content=\"2025-03-15T10:00:00Z\"></head><body>"
      "<nav>Home News Sport</nav><article><h1>Talks resume</h1><p>Leaders met in London on "
      "Saturday to discuss the plan.</p><p>They agreed to meet again &amp; talk.</p></article>"
      "<footer>Copyright 2025</footer></body></html>";
  std::string path = Write("page.html", html);
  std::istringstream no_stdin;
  Inputs in = ReadArticles({path, Write("page2.html.gz", "not gzip")}, no_stdin);
  ASSERT_EQ(in.articles.size(), 1u);
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_EQ(in.errors[0].reason, "not a valid gzip file");
  const Article& a = in.articles[0];
  EXPECT_EQ(a.id, "page");
  EXPECT_EQ(a.outlet.value_or(""), "Example News");
  EXPECT_EQ(a.published.value_or(""), "2025-03-15");
  EXPECT_EQ(a.language.value_or(""), "en");
  EXPECT_NE(a.text.find("They agreed to meet again & talk."), std::string::npos);
  EXPECT_EQ(a.text.find("Home News Sport"), std::string::npos);
}

}  // namespace
}  // namespace crossread
