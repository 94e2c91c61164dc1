// The store and the server, tested through a real HTTP server on loopback: API answers, error
// statuses, escaping of hostile article text, and readers running while ingest writes.
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "common/test_util.h"
#include "crossread/store.h"

namespace crossread::server {
namespace {

using nlohmann::json;

// A fresh directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "crossread-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

Article Make(const std::string& id, std::string text, std::optional<std::string> published) {
  Article a = testing::CleanArticle(std::move(text), std::move(published), id);
  a.source = id + ".txt";
  return a;
}

// A made-up word, the same for the same (topic, k): topics share no content word.
std::string Word(int topic, int k) {
  static const char* kSyllables[] = {"ka",  "lo", "mi", "ru",   "ten", "vo",  "zan", "pe",
                                     "dor", "fi", "gu", "shal", "bre", "nim", "tos", "xe"};
  std::string w;
  for (unsigned x = static_cast<unsigned>(topic * 131 + k * 7919 + 17), n = 0; n < 3; ++n) {
    w += kSyllables[x % 16];
    x = x / 16 + static_cast<unsigned>(topic + 3);
  }
  w += std::to_string(topic);
  return w;
}

// Synthetic articles on `topics` distinct subjects, `per_topic` each.
std::vector<Article> Synthetic(int first_topic, int topics, int per_topic) {
  std::vector<Article> out;
  for (int t = first_topic; t < first_topic + topics; ++t) {
    for (int k = 0; k < per_topic; ++k) {
      std::ostringstream text;
      text << "The " << Word(t, 0) << " of " << Word(t, 1) << " met the " << Word(t, 2) << " "
           << Word(t, 3) << " near " << Word(t, 4) << ". The " << Word(t, 5) << " " << Word(t, 6)
           << " " << Word(t, 7) << " the " << Word(t, 8) << " (report " << k << "). " << Word(t, 9)
           << " " << Word(t, 10) << " " << Word(t, 11) << ".";
      out.push_back(Make("t" + std::to_string(t) + "-" + std::to_string(k), text.str(),
                         "2025-03-1" + std::to_string(t % 10)));
    }
  }
  return out;
}

std::vector<Article> Hostile() {
  Article a = Make("evil",
                   "The mayor said \"<script>alert(1)</script>\" at the meeting on Monday.\n\n"
                   "A sign read <img src=x onerror=alert(2)> and \" onmouseover=\"alert(3) "
                   "near the town hall.",
                   "2025-03-20");
  a.title = "<script>alert(\"title\")</script>";
  a.url = "javascript:alert(4)";
  a.outlet = "\"><b>Outlet</b>";
  return {a};
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("store.db");
    Options options;
    options.threads = 2;
    Result<std::unique_ptr<StoreWriter>> w = StoreWriter::Open(db_, options);
    ASSERT_TRUE(w.ok()) << w.status().message();
    writer_ = std::move(*w);
    Inputs seeds = ReadArticles({testing::SourceDir() + "/examples"}, std::cin);
    ASSERT_EQ(seeds.articles.size(), 5u);
    IngestReport report;
    ASSERT_TRUE(writer_->Add(std::move(seeds.articles), 100, &report, nullptr).ok());
    ASSERT_TRUE(writer_->Add(Hostile(), 100, &report, nullptr).ok());
    ASSERT_TRUE(writer_->BuildBriefs(&report, nullptr).ok());
    EXPECT_EQ(report.stored, 6u);
    Result<std::unique_ptr<StoreReader>> r = StoreReader::Open(db_);
    ASSERT_TRUE(r.ok()) << r.status().message();
    reader_ = std::move(*r);
    ServerOptions so;
    so.port = 0;
    server_ = std::make_unique<Server>(*reader_, so);
    Result<int> port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path);
  }

  // The story holding article `id`.
  std::string StoryOf(const std::string& id) {
    auto res = Get("/api/articles/" + id);
    EXPECT_TRUE(res && res->status == 200);
    return json::parse(res->body)["story"].get<std::string>();
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<StoreWriter> writer_;
  std::unique_ptr<StoreReader> reader_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ServerTest, ListsSearchesAndAnswersStoriesAndArticles) {
  auto list = Get("/api/stories");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(list->get_header_value("Content-Type"), "application/json");
  json j = json::parse(list->body);
  EXPECT_EQ(j["total"], 2);
  ASSERT_EQ(j["stories"].size(), 2u);
  EXPECT_EQ(j["stories"][0]["published"]["last"], "2025-03-20");  // newest first
  const std::string seed_story = StoryOf("002_d908cffa983cbaf0");
  EXPECT_EQ(j["stories"][1]["id"], seed_story);
  EXPECT_EQ(j["stories"][1]["articles"], 5);

  json found = json::parse(Get("/api/stories?q=Starmer%20Zelensky")->body);
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["stories"][0]["id"], seed_story);
  EXPECT_EQ(json::parse(Get("/api/stories?from=2025-03-16")->body)["total"], 1);
  EXPECT_EQ(json::parse(Get("/api/stories?to=2025-03-15")->body)["total"], 1);
  EXPECT_EQ(json::parse(Get("/api/stories?limit=1&offset=1")->body)["stories"].size(), 1u);

  json story = json::parse(Get("/api/stories/" + seed_story)->body);
  EXPECT_EQ(story["schema"], "crossread.brief/1");
  EXPECT_EQ(story["articles"].size(), 5u);
  ASSERT_EQ(story["stories"].size(), 1u);
  EXPECT_EQ(story["stories"][0]["id"], seed_story);
  EXPECT_FALSE(story["stories"][0]["quotes"].empty());

  json article = json::parse(Get("/api/articles/002_d908cffa983cbaf0")->body);
  EXPECT_EQ(article["id"], "002_d908cffa983cbaf0");
  EXPECT_EQ(article["published"], "2025-03-15");
  EXPECT_FALSE(article["text"].get<std::string>().empty());

  json hits = json::parse(Get("/api/search?q=ceasefire")->body);
  ASSERT_FALSE(hits["articles"].empty());
  EXPECT_EQ(hits["articles"][0]["story"], seed_story);

  auto page = Get("/stories/" + seed_story);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("class=\"matrix\""), std::string::npos);
  EXPECT_NE(page->body.find("<svg class=\"timeline\""), std::string::npos);
  auto home = Get("/");
  EXPECT_EQ(home->status, 200);
  EXPECT_NE(home->body.find("<script src=\"/app.js\"></script>"), std::string::npos);
  EXPECT_EQ(Get("/app.js")->status, 200);
  EXPECT_EQ(Get("/articles/002_d908cffa983cbaf0")->status, 200);
}

TEST_F(ServerTest, BadRequestsGetJsonErrorsWithTheirStatus) {
  struct Case {
    std::string path;
    int status;
  } cases[] = {
      {"/api/stories/s999", 404},
      {"/api/articles/nope", 404},
      {"/api/nothing", 404},
      {"/stories/s999", 404},
      {"/api/stories?limit=0", 400},
      {"/api/stories?limit=abc", 400},
      {"/api/stories?offset=-1", 400},
      {"/api/stories?from=yesterday", 400},
      {"/api/stories?q=" + std::string(300, 'a'), 400},
      {"/api/search", 400},
      {"/api/search?q=%20%2B", 400},
  };
  for (const Case& c : cases) {
    auto res = Get(c.path);
    ASSERT_TRUE(res) << c.path;
    EXPECT_EQ(res->status, c.status) << c.path;
    if (c.path.rfind("/api/", 0) == 0) {
      json j = json::parse(res->body, nullptr, false);
      ASSERT_TRUE(j.is_object()) << c.path << ": " << res->body;
      EXPECT_TRUE(j.contains("error")) << c.path;
    }
  }
  httplib::Client client("127.0.0.1", port_);
  auto big = client.Post("/api/stories", std::string(100 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_TRUE(json::parse(big->body).contains("error"));
  auto long_uri = Get("/api/stories?q=" + std::string(10000, 'a'));
  ASSERT_TRUE(long_uri);
  EXPECT_GE(long_uri->status, 400);
}

TEST_F(ServerTest, HostileArticleTextIsEscapedEverywhere) {
  const std::string story = StoryOf("evil");
  for (const std::string& path : {"/stories/" + story, std::string("/articles/evil")}) {
    auto res = Get(path);
    ASSERT_TRUE(res && res->status == 200) << path;
    const std::string& body = res->body;
    EXPECT_EQ(body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(body.find("\" onmouseover=\""), std::string::npos) << path;
    EXPECT_EQ(body.find("<b>Outlet"), std::string::npos) << path;
    EXPECT_EQ(body.find("javascript:"), std::string::npos) << path;
    EXPECT_NE(body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"),
              std::string::npos);
  }
  // JSON carries the text as it is: escaping is the page's job, and JSON strings are inert.
  json a = json::parse(Get("/api/articles/evil")->body);
  EXPECT_EQ(a["title"], "<script>alert(\"title\")</script>");
}

TEST_F(ServerTest, ReadersSeeConsistentAnswersWhileIngestWrites) {
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, answers{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      httplib::Client client("127.0.0.1", port_);
      int64_t last_total = 0;
      while (!done) {
        auto res = client.Get("/api/stories?limit=5");
        json j = res ? json::parse(res->body, nullptr, false) : json();
        if (!res || res->status != 200 || !j.is_object() ||
            j["total"].get<int64_t>() < last_total) {
          ++failures;
          continue;
        }
        last_total = j["total"].get<int64_t>();
        ++answers;
      }
    });
  }
  IngestReport report;
  for (int batch = 0; batch < 8; ++batch) {
    ASSERT_TRUE(writer_->Add(Synthetic(batch * 3, 3, 2), 4, &report, nullptr).ok());
    ASSERT_TRUE(writer_->BuildBriefs(&report, nullptr).ok());
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(answers, 0);
  EXPECT_EQ(report.stored, 48u);
  json j = json::parse(Get("/api/stories?limit=200")->body);
  EXPECT_EQ(j["total"], 2 + 24);  // each synthetic topic is a story of its own
  for (const json& s : j["stories"]) EXPECT_FALSE(s["headline"].is_null()) << s["id"];
}

TEST(Store, IngestIsIdempotentAndRefusesAChangedText) {
  TempDir dir;
  const std::string db = dir.File("s.db");
  Options options;
  for (int run = 0; run < 2; ++run) {
    Result<std::unique_ptr<StoreWriter>> w = StoreWriter::Open(db, options);
    ASSERT_TRUE(w.ok());
    IngestReport report;
    std::vector<Article> articles = Synthetic(0, 2, 3);
    articles.push_back(articles[0]);  // repeated in the input
    ASSERT_TRUE((*w)->Add(std::move(articles), 2, &report, nullptr).ok());
    ASSERT_TRUE((*w)->BuildBriefs(&report, nullptr).ok());
    EXPECT_EQ(report.stored, run == 0 ? 6u : 0u);
    EXPECT_EQ(report.unchanged, run == 0 ? 1u : 7u);
    EXPECT_EQ(report.briefs_built, run == 0 ? 2u : 0u);
  }
  Result<std::unique_ptr<StoreWriter>> w = StoreWriter::Open(db, options);
  ASSERT_TRUE(w.ok());
  IngestReport report;
  std::vector<Article> changed = Synthetic(0, 1, 1);
  changed[0].text += " A correction was appended.";
  // A new id given twice in one input with two texts: the first is kept.
  std::vector<Article> twice = Synthetic(7, 1, 1);
  twice.push_back(twice[0]);
  twice[1].text += " Another wording.";
  changed.insert(changed.end(), twice.begin(), twice.end());
  ASSERT_TRUE((*w)->Add(std::move(changed), 10, &report, nullptr).ok());
  ASSERT_EQ(report.refused.size(), 2u);
  EXPECT_EQ(report.refused[0].path, "t0-0.txt");
  EXPECT_NE(report.refused[0].reason.find("another text"), std::string::npos);
  EXPECT_EQ(report.refused[1].path, "t7-0.txt");
  EXPECT_EQ(report.stored, 1u);
}

TEST(Store, TwoWritersTakeTurnsOnOneFile) {
  TempDir dir;
  const std::string db = dir.File("shared.db");
  Result<std::unique_ptr<StoreWriter>> a = StoreWriter::Open(db, Options());
  Result<std::unique_ptr<StoreWriter>> b = StoreWriter::Open(db, Options());
  ASSERT_TRUE(a.ok() && b.ok());
  // Topic 0 starts with writer a, goes on with b, then a again; topic 1 only with b.
  std::vector<Article> topic0 = Synthetic(0, 1, 3), topic1 = Synthetic(1, 1, 2);
  IngestReport ra, rb;
  ASSERT_TRUE((*a)->Add({topic0[0]}, 10, &ra, nullptr).ok());
  ASSERT_TRUE((*b)->Add({topic0[1], topic1[0]}, 10, &rb, nullptr).ok());
  ASSERT_TRUE((*a)->Add({topic0[2], topic1[1]}, 10, &ra, nullptr).ok());
  ASSERT_TRUE((*b)->BuildBriefs(&rb, nullptr).ok());
  Result<std::unique_ptr<StoreReader>> r = StoreReader::Open(db);
  ASSERT_TRUE(r.ok());
  auto story_of = [&](const std::string& id) {
    Result<std::string> j = (*r)->ArticleJson(id);
    return j.ok() ? json::parse(*j)["story"].get<std::string>() : "";
  };
  // Each writer saw the other's stories: one story per topic, not one per writer.
  EXPECT_EQ(story_of("t0-0"), story_of("t0-1"));
  EXPECT_EQ(story_of("t0-0"), story_of("t0-2"));
  EXPECT_EQ(story_of("t1-0"), story_of("t1-1"));
  EXPECT_NE(story_of("t0-0"), story_of("t1-0"));
  json list = json::parse(*(*r)->StoriesJson(StoryQuery()));
  EXPECT_EQ(list["total"], 2);
  for (const json& s : list["stories"]) EXPECT_FALSE(s["headline"].is_null());
}

TEST(Store, AStoreOfAnotherSchemaVersionIsRefused) {
  TempDir dir;
  const std::string db = dir.File("future.db");
  ASSERT_TRUE(StoreWriter::Open(db, Options()).ok());
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);
  Result<std::unique_ptr<StoreWriter>> w = StoreWriter::Open(db, Options());
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("newer"), std::string::npos) << w.status().message();
  Result<std::unique_ptr<StoreReader>> r = StoreReader::Open(db);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("schema 99"), std::string::npos) << r.status().message();
}

TEST(Store, OpeningSomethingElseFailsClearly) {
  TempDir dir;
  EXPECT_FALSE(StoreReader::Open(dir.File("absent.db")).ok());
  const std::string junk = dir.File("junk.db");
  { std::ofstream(junk) << "this is not a database, only some text that is long enough"; }
  Result<std::unique_ptr<StoreWriter>> w = StoreWriter::Open(junk, Options());
  ASSERT_FALSE(w.ok());
  EXPECT_FALSE(w.status().message().empty());
}

}  // namespace
}  // namespace crossread::server
