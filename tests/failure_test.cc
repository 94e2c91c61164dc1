// Bad input: each is reported with the path and a reason, and the rest of the run goes on.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <zlib.h>

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

const char kPage[] =
    "<html><head><title>Talks resume</title></head><body><nav><a href=\"/\">Home</a></nav>"
    "<article><p>Leaders met in London on Saturday to discuss the plan, the budget and the "
    "timetable, and agreed to meet again next month.</p></article></body></html>";

// One WARC record.
std::string Record(const std::string& type, const std::string& id, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <" + id +
         ">\r\nWARC-Target-URI: https://example.com/" + id +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& status, const std::string& type,
                         const std::string& body) {
  return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n\r\n" + body;
}

// `bytes` as one gzip member.
std::string Gzip(const std::string& bytes) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, bytes.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// An archive (`zip` or pax tar) of the named members.
std::string Archive(bool zip, const std::vector<std::pair<std::string, std::string>>& members) {
  archive* ar = archive_write_new();
  if (zip) {
    archive_write_set_format_zip(ar);
  } else {
    archive_write_set_format_pax_restricted(ar);
  }
  std::string out(1 << 20, '\0');
  size_t used = 0;
  archive_write_open_memory(ar, out.data(), out.size(), &used);
  for (const auto& [name, bytes] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_write_header(ar, e);
    archive_write_data(ar, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(ar);
  archive_write_free(ar);
  out.resize(used);
  return out;
}

TEST_F(Failures, EachBadFileIsNamedAndSkipped) {
  std::vector<std::string> paths = {
      Write("empty.txt", ""),
      Write("binary.txt", std::string("PK\x03\x04\0\0binary", 12)),
      Write("latin1.txt", "caf\xE9"),
      (dir_ / "missing.txt").string(),
      Write("bad.jsonl",
            "{\"id\": \"x\", \"text\": \"fine text here.\"}\n{broken\n{\"text\": \"no id\"}\n"),
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

// JSON as tools write it: a byte-order mark before the first line, integer ids beyond int64,
// one JSON array instead of lines.
TEST_F(Failures, MappedFilesAreRegularAndNonEmpty) {
  const std::string bytes = "{\"id\": \"a\", \"text\": \"Leaders met.\"}\n";
  Result<MappedFile> mapped = MappedFile::Open(Write("a.jsonl", bytes));
  ASSERT_TRUE(mapped.ok()) << mapped.status().message();
  EXPECT_EQ(mapped->bytes(), bytes);
  MappedFile moved = std::move(*mapped);
  EXPECT_EQ(moved.bytes(), bytes);
  EXPECT_FALSE(MappedFile::Open(Write("empty.jsonl", "")).ok());
  EXPECT_FALSE(MappedFile::Open(dir_.string()).ok());
  EXPECT_FALSE(MappedFile::Open((dir_ / "missing.jsonl").string()).ok());
}

TEST_F(Failures, JsonInputsAsToolsWriteThem) {
  std::istringstream no_stdin;
  Inputs in = ReadArticles({Write("bom.jsonl",
                                  "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"The first line.\"}\n"
                                  "{\"id\": 18446744073709551615, \"text\": \"A large id.\"}\n"),
                            Write("array.json", "[{\"id\": 7, \"text\": \"In an array.\"}, 3]")},
                           no_stdin);
  ASSERT_EQ(in.articles.size(), 3u);
  EXPECT_EQ(in.articles[0].id, "a");
  EXPECT_EQ(in.articles[1].id, "18446744073709551615");
  EXPECT_EQ(in.articles[2].id, "7");
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_EQ(in.errors[0].reason, "not a JSON object");
}

TEST_F(Failures, EmptyInputGivesAnEmptyBrief) {
  Brief b = BuildBrief({}, Options());
  EXPECT_TRUE(b.stories.empty());
  EXPECT_NE(RenderBriefJson(b).find("\"stories\": []"), std::string::npos);
}

TEST_F(Failures, ATwentyMegabyteArticleIsHandled) {
  Result<std::string> seed = ReadFile(testing::SourceDir() + "/examples/002_d908cffa983cbaf0.txt");
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

TEST_F(Failures, WarcResponsesWithHtmlAreArticles) {
  std::string warc =
      Record("warcinfo", "urn:uuid:info", "software: test\r\n") +
      Record("request", "urn:uuid:req", "GET / HTTP/1.1\r\n\r\n") +
      Record("response", "urn:uuid:page1",
             HttpResponse("200 OK", "text/html; charset=utf-8", kPage)) +
      Record("response", "urn:uuid:redirect", HttpResponse("301 Moved", "text/html", "")) +
      Record("response", "urn:uuid:image", HttpResponse("200 OK", "image/png", "PNG"));
  std::string second =
      Record("response", "urn:uuid:page2", HttpResponse("200 OK", "text/html", kPage));
  std::istringstream no_stdin;
  // Plain, and gzipped one record per member as crawlers write it.
  Inputs in = ReadArticles(
      {Write("crawl.warc", warc + second), Write("crawl2.warc.gz", Gzip(warc) + Gzip(second))},
      no_stdin);
  EXPECT_TRUE(in.errors.empty());
  ASSERT_EQ(in.articles.size(), 4u);
  EXPECT_EQ(in.articles[0].id, "urn:uuid:page1");
  EXPECT_EQ(in.articles[0].url.value_or(""), "https://example.com/urn:uuid:page1");
  EXPECT_NE(in.articles[0].text.find("Leaders met in London"), std::string::npos);
  EXPECT_EQ(in.articles[0].text.find("Home"), std::string::npos);
  EXPECT_EQ(in.articles[3].id, "urn:uuid:page2");

  // A truncated record: the pages before it are kept and the file is named with the reason.
  std::string cut = warc + second.substr(0, second.size() / 2);
  std::string path = Write("cut.warc", cut);
  Inputs partial = ReadArticles({path}, no_stdin);
  ASSERT_EQ(partial.articles.size(), 1u);
  ASSERT_EQ(partial.errors.size(), 1u);
  EXPECT_EQ(partial.errors[0].path, path);
  EXPECT_NE(partial.errors[0].reason.find("truncated WARC record"), std::string::npos);
}

TEST_F(Failures, ArchiveMembersAreReadByTheirType) {
  std::vector<std::pair<std::string, std::string>> members = {
      {"news/a.txt", "A council voted to close the road on Monday. It reopens in May."},
      {"news/b.html", kPage},
      {"news/c.jsonl", "{\"id\": \"c\", \"text\": \"The port reopened on Tuesday.\"}\n"},
      {"news/empty.txt", ""},
      {"news/notes.bin", "ignored: not an article type"},
  };
  std::istringstream no_stdin;
  for (bool zip : {false, true}) {
    std::string name = zip ? "batch.zip" : "batch.tar.gz";
    std::string bytes = Archive(zip, members);
    std::string path = Write(name, zip ? bytes : Gzip(bytes));
    Inputs in = ReadArticles({path}, no_stdin);
    ASSERT_EQ(in.articles.size(), 3u) << name;
    EXPECT_EQ(in.articles[0].id, "a");
    EXPECT_EQ(in.articles[1].id, "b");
    EXPECT_EQ(in.articles[2].id, "c");
    ASSERT_EQ(in.errors.size(), 1u) << name;
    EXPECT_EQ(in.errors[0].path, path + ":news/empty.txt");
    EXPECT_EQ(in.errors[0].reason, "empty file");
  }
  std::string broken = Write("broken.zip", "PK\x03\x04 this is not really a zip file");
  Inputs bad = ReadArticles({broken}, no_stdin);
  EXPECT_TRUE(bad.articles.empty());
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].path, broken);
}

}  // namespace
}  // namespace crossread
