// The SQLite store. Tables:
//   articles      one row per article (id unique, content hash, story, clean fields, text);
//                 articles_fts indexes title and text (FTS5, external content, kept by trigger)
//   stories       one row per story: counts and dates for the list, the story of its brief
//                 as JSON (its articles are the rows above), its HTML section, and the
//                 streaming clusterer's state of the story; `version` counts
//                 changes to its articles and `built` is the version its brief was built from
//                 (stale while built < version)
//   meta          the streaming clusterer's document frequencies and a sequence number bumped
//                 with every change to its state
// The schema version is PRAGMA user_version; kMigrations[v] takes a store from v to v + 1.
//
// Ingest commits a batch at a time: its new articles, the stories they join (version + 1) and
// the clusterer's state, in one transaction taken under SQLite's write lock (BEGIN IMMEDIATE),
// so that a kill at any moment leaves a consistent store and re-running skips what was
// committed. Briefs are built outside the lock from a snapshot and written back only where the
// story's version is still the one they were built from.
#include "crossread/store.h"

#include <ctime>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "cluster/cluster.h"
#include "common/dates.h"
#include "common/hash.h"
#include "common/parallel.h"
#include "crossread/brief.h"
#include "store/sqlite.h"

namespace crossread {

namespace {

using Json = nlohmann::json;
using store::Connection;
using store::Statement;

constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE articles(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  story TEXT NOT NULL,
  duplicate_of TEXT,
  url TEXT, title TEXT, outlet TEXT, published TEXT, language TEXT, dateline TEXT,
  authors TEXT NOT NULL, wire TEXT NOT NULL, removed TEXT NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL,
  added INTEGER NOT NULL);
CREATE INDEX articles_story ON articles(story, seq);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TABLE stories(
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  headline TEXT,
  articles INTEGER NOT NULL,
  outlets INTEGER NOT NULL,
  first TEXT,
  last TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  built INTEGER NOT NULL DEFAULT -1,
  story TEXT,
  section TEXT,
  state BLOB NOT NULL);
CREATE INDEX stories_newest ON stories(last DESC, number DESC);
CREATE INDEX stories_stale ON stories(number) WHERE built < version;
)sql"};
static_assert(std::size(kMigrations) == kStoreSchemaVersion);

constexpr char kFrequenciesKey[] = "frequencies";
constexpr char kStateSeqKey[] = "stories_seq";
constexpr size_t kStoriesPerRound = 256;  // stale stories briefed between two commits
constexpr int kMaxLimit = 200;
constexpr int kMaxOffset = 1000000;
constexpr size_t kMaxQueryBytes = 256;
constexpr int64_t kReaderMmapBytes = int64_t{1} << 30;  // address space, not memory

std::string StoryId(uint32_t number) { return "s" + std::to_string(number + 1); }

std::string HashHex(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = Hash64(text);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 0xF];
  return out;
}

// Runs `body` in a transaction (BEGIN IMMEDIATE for writes), rolling back on error.
template <typename Fn>
Status Transaction(Connection& db, bool write, Fn body) {
  CROSSREAD_RETURN_IF_ERROR(db.Exec(write ? "BEGIN IMMEDIATE" : "BEGIN"));
  Status s = body();
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) db.Exec("ROLLBACK");
  return s;
}

Status Migrate(Connection& db) {
  CROSSREAD_ASSIGN_OR_RETURN(Statement version, db.Prepare("PRAGMA user_version"));
  CROSSREAD_ASSIGN_OR_RETURN(bool row, version.Step());
  int64_t v = row ? version.Int(0) : 0;
  if (v > kStoreSchemaVersion) {
    return Status::InvalidArgument("store schema " + std::to_string(v) +
                                   " is newer than this crossread reads (" +
                                   std::to_string(kStoreSchemaVersion) + ")");
  }
  for (; v < kStoreSchemaVersion; ++v) {
    Status s = Transaction(db, true, [&] {
      Status step = db.Exec(kMigrations[v]);
      return step.ok() ? db.Exec("PRAGMA user_version = " + std::to_string(v + 1)) : step;
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

std::vector<std::string> JsonStrings(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const Json& s : j) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

std::string JsonDump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

constexpr char kArticleColumns[] =
    "id, story, duplicate_of, url, title, outlet, published, language, dateline, authors, wire, "
    "removed, text, source";

// An article row selected with kArticleColumns.
StoredArticle ReadArticle(const Statement& st) {
  StoredArticle s;
  Article& a = s.article;
  a.id = st.Text(0);
  s.story = st.Text(1);
  s.duplicate_of = st.OptText(2);
  a.url = st.OptText(3);
  a.title = st.OptText(4);
  a.outlet = st.OptText(5);
  a.published = st.OptText(6);
  a.language = st.OptText(7);
  a.dateline = st.OptText(8);
  a.authors = JsonStrings(st.Text(9));
  a.wire = JsonStrings(st.Text(10));
  a.removed = JsonStrings(st.Text(11));
  a.text = st.Text(12);
  a.source = st.Text(13);
  return s;
}

// Words of a search box as an FTS5 query: each a quoted phrase, all required. Empty when the
// text holds no word.
std::string FtsQuery(std::string_view q) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (char c : q) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Writer

struct StoreWriter::Rep {
  Rep(Connection c, const Options& o) : db(std::move(c)), options(o) {}

  Connection db;
  Options options;
  cluster::StoryStream stream{cluster::StoryOptions()};
  int64_t stream_seq = -1;  // the state's sequence number `stream` holds; -1: not loaded

  cluster::StoryOptions StreamOptions() const {
    cluster::StoryOptions so;
    so.threshold = options.story_threshold;
    return so;
  }

  // Within a write transaction: makes `stream` the committed state.
  Status SyncStream() {
    CROSSREAD_ASSIGN_OR_RETURN(Statement st,
                               db.Prepare("SELECT key, value FROM meta WHERE key IN (?1, ?2)"));
    st.Bind(1, std::string_view(kFrequenciesKey)).Bind(2, std::string_view(kStateSeqKey));
    int64_t seq = 0;
    std::optional<std::string> state;
    for (;;) {
      CROSSREAD_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (st.Text(0) == kStateSeqKey) {
        seq = std::stoll(st.Text(1));
      } else {
        state = st.Blob(1);
      }
    }
    if (seq == stream_seq) return Status::Ok();
    if (!state) {
      stream = cluster::StoryStream(StreamOptions());
    } else {
      CROSSREAD_ASSIGN_OR_RETURN(Statement rows,
                                 db.Prepare("SELECT number, state FROM stories ORDER BY number"));
      std::vector<std::string> stories;
      for (;;) {
        CROSSREAD_ASSIGN_OR_RETURN(bool row, rows.Step());
        if (!row) break;
        if (rows.Int(0) != static_cast<int64_t>(stories.size())) {
          return Status::DataLoss("the store's stories are not numbered 0, 1, ...");
        }
        stories.push_back(rows.Blob(1));
      }
      std::optional<cluster::StoryStream> loaded =
          cluster::StoryStream::Load(*state, stories, StreamOptions());
      if (!loaded) return Status::DataLoss("the store's clustering state is damaged");
      stream = std::move(*loaded);
    }
    stream_seq = seq;
    return Status::Ok();
  }

  Status SaveStream() {
    CROSSREAD_ASSIGN_OR_RETURN(Statement st,
                               db.Prepare("INSERT INTO meta(key, value) VALUES (?1, ?2), (?3, ?4) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    st.Bind(1, std::string_view(kFrequenciesKey)).BindBlob(2, stream.SaveFrequencies());
    st.Bind(3, std::string_view(kStateSeqKey)).Bind(4, std::to_string(stream_seq + 1));
    CROSSREAD_RETURN_IF_ERROR(st.Run());
    ++stream_seq;
    return Status::Ok();
  }

  Status AddBatch(std::vector<Article> batch, IngestReport* report);
  // Builds the briefs of up to kStoriesPerRound stale stories: `found` of them were stale,
  // `built` still unchanged when written back.
  Status BuildRound(size_t* found, size_t* built);
};

StoreWriter::StoreWriter(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
StoreWriter::~StoreWriter() = default;

Result<std::unique_ptr<StoreWriter>> StoreWriter::Open(const std::string& path,
                                                       const Options& options) {
  CROSSREAD_ASSIGN_OR_RETURN(Connection db, Connection::Open(path, false));
  // WAL: readers go on while a writer commits. FULL: a commit reported done is on disk.
  CROSSREAD_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"));
  CROSSREAD_RETURN_IF_ERROR(Migrate(db));
  auto rep = std::make_unique<Rep>(std::move(db), options);
  rep->stream = cluster::StoryStream(rep->StreamOptions());
  return std::unique_ptr<StoreWriter>(new StoreWriter(std::move(rep)));
}

Status StoreWriter::Rep::AddBatch(std::vector<Article> batch, IngestReport* report) {
  return Transaction(db, true, [&]() -> Status {
    // Which articles are new: an id not stored yet, taken once.
    CROSSREAD_ASSIGN_OR_RETURN(Statement known,
                               db.Prepare("SELECT hash FROM articles WHERE id = ?"));
    std::vector<Article> fresh;
    std::vector<std::string> hashes;
    std::map<std::string, std::string> seen;  // id → hash, of this batch
    for (Article& a : batch) {
      std::string hash = HashHex(a.text);
      std::optional<std::string> stored;
      if (auto it = seen.find(a.id); it != seen.end()) {
        stored = it->second;
      } else {
        known.Reset();
        known.Bind(1, a.id);
        CROSSREAD_ASSIGN_OR_RETURN(bool row, known.Step());
        if (row) stored = known.Text(0);
      }
      if (stored && *stored != hash) {
        report->refused.push_back(
            {a.source, "article " + a.id + " is already stored with another text; kept that one"});
      } else if (stored) {
        ++report->unchanged;
      } else {
        seen.emplace(a.id, hash);
        fresh.push_back(std::move(a));
        hashes.push_back(std::move(hash));
      }
    }
    if (fresh.empty()) return Status::Ok();

    CROSSREAD_RETURN_IF_ERROR(SyncStream());
    const std::vector<cluster::StoryFeatures> features =
        cluster::SketchBatch(fresh, options.duplicate_threshold, options.threads);
    std::vector<uint32_t> story = stream.Add(features);

    CROSSREAD_ASSIGN_OR_RETURN(
        Statement insert,
        db.Prepare(
            "INSERT INTO articles(id, hash, story, duplicate_of, url, title, outlet, "
            "published, language, dateline, authors, wire, removed, text, source, added) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    std::set<uint32_t> touched;
    for (size_t i = 0; i < fresh.size(); ++i) {
      const Article& a = fresh[i];
      insert.Reset();
      insert.Bind(1, a.id).Bind(2, hashes[i]).Bind(3, StoryId(story[i]));
      const std::optional<uint32_t>& dup = features[i].duplicate_of;
      insert.Bind(4, dup ? std::optional<std::string>(fresh[*dup].id) : std::nullopt);
      insert.Bind(5, a.url).Bind(6, a.title).Bind(7, a.outlet).Bind(8, a.published);
      insert.Bind(9, a.language).Bind(10, a.dateline);
      insert.Bind(11, JsonDump(Json(a.authors))).Bind(12, JsonDump(Json(a.wire)));
      insert.Bind(13, JsonDump(Json(a.removed))).Bind(14, a.text).Bind(15, a.source);
      insert.Bind(16, now);
      CROSSREAD_RETURN_IF_ERROR(insert.Run());
      touched.insert(story[i]);
    }
    CROSSREAD_ASSIGN_OR_RETURN(
        Statement upsert,
        db.Prepare("INSERT INTO stories(id, number, articles, outlets, first, last, version, "
                   "state) SELECT ?1, ?2, COUNT(*), COUNT(DISTINCT COALESCE(outlet, id)), "
                   "MIN(published), MAX(published), 1, ?3 FROM articles WHERE story = ?1 "
                   "ON CONFLICT(id) DO UPDATE SET articles = excluded.articles, "
                   "outlets = excluded.outlets, first = excluded.first, last = excluded.last, "
                   "version = version + 1, state = excluded.state"));
    for (uint32_t s : touched) {
      upsert.Reset();
      upsert.Bind(1, StoryId(s)).Bind(2, static_cast<int64_t>(s)).BindBlob(3, stream.SaveStory(s));
      CROSSREAD_RETURN_IF_ERROR(upsert.Run());
    }
    CROSSREAD_RETURN_IF_ERROR(SaveStream());
    report->stored += fresh.size();
    report->stories_touched += touched.size();
    return Status::Ok();
  });
}

Status StoreWriter::Add(std::vector<Article> articles, size_t batch, IngestReport* report,
                        const IngestProgress& progress) {
  batch = std::max<size_t>(1, batch);
  // The stream takes articles in publication order (undated ones last, in input order), and
  // so do the batches: a story is not closed before the articles of its days have come.
  std::stable_sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
    return PublishedBefore(a.published, b.published);
  });
  for (size_t begin = 0; begin < articles.size(); begin += batch) {
    size_t end = std::min(articles.size(), begin + batch);
    std::vector<Article> part(std::make_move_iterator(articles.begin() + static_cast<long>(begin)),
                              std::make_move_iterator(articles.begin() + static_cast<long>(end)));
    Status s = rep_->AddBatch(std::move(part), report);
    if (!s.ok()) {
      rep_->stream_seq = -1;  // the stream may be ahead of the store: reload it next time
      return s;
    }
    if (progress) progress(*report);
  }
  return Status::Ok();
}

Status StoreWriter::Rep::BuildRound(size_t* found, size_t* built) {
  struct Job {
    std::string id;
    int64_t version = 0;
    std::vector<Article> members;
    std::string story, section, headline;
    std::map<std::string, std::optional<std::string>> duplicate_of;
  };
  std::vector<Job> jobs;
  // A snapshot of the stale stories and their members.
  CROSSREAD_RETURN_IF_ERROR(Transaction(db, false, [&]() -> Status {
    CROSSREAD_ASSIGN_OR_RETURN(
        Statement stale,
        db.Prepare(
            "SELECT id, version FROM stories WHERE built < version ORDER BY number LIMIT ?"));
    stale.Bind(1, static_cast<int64_t>(kStoriesPerRound));
    for (;;) {
      CROSSREAD_ASSIGN_OR_RETURN(bool row, stale.Step());
      if (!row) break;
      Job& job = jobs.emplace_back();
      job.id = stale.Text(0);
      job.version = stale.Int(1);
    }
    CROSSREAD_ASSIGN_OR_RETURN(Statement members,
                               db.Prepare(std::string("SELECT ") + kArticleColumns +
                                          " FROM articles WHERE story = ? ORDER BY seq"));
    for (Job& job : jobs) {
      members.Reset();
      members.Bind(1, job.id);
      for (;;) {
        CROSSREAD_ASSIGN_OR_RETURN(bool row, members.Step());
        if (!row) break;
        job.members.push_back(ReadArticle(members).article);
      }
    }
    return Status::Ok();
  }));
  *found = jobs.size();
  if (jobs.empty()) return Status::Ok();

  Options one = options;
  one.threads = 1;  // stories in parallel, each on one thread
  ParallelFor(jobs.size(), options.threads, [&](size_t k) {
    Job& job = jobs[k];
    Brief brief = BuildStoryBrief(std::move(job.members), job.id, one);
    const Story& story = brief.stories.front();
    job.headline = story.headline;
    job.story = RenderStoryJson(story);
    job.section = RenderStorySectionHtml(brief, story, "/articles/");
    job.duplicate_of = std::move(brief.duplicate_of);
  });

  return Transaction(db, true, [&]() -> Status {
    CROSSREAD_ASSIGN_OR_RETURN(
        Statement update,
        db.Prepare("UPDATE stories SET headline = ?1, story = ?2, section = ?3, built = ?4 "
                   "WHERE id = ?5 AND version = ?4"));
    CROSSREAD_ASSIGN_OR_RETURN(Statement dup,
                               db.Prepare("UPDATE articles SET duplicate_of = ? WHERE id = ?"));
    for (const Job& job : jobs) {
      update.Reset();
      update.Bind(1, job.headline).Bind(2, job.story).Bind(3, job.section);
      update.Bind(4, job.version).Bind(5, job.id);
      CROSSREAD_RETURN_IF_ERROR(update.Run());
      if (db.Changes() == 0) continue;  // its articles changed meanwhile: built next round
      ++*built;
      for (const auto& [article, of] : job.duplicate_of) {
        dup.Reset();
        dup.Bind(1, of).Bind(2, article);
        CROSSREAD_RETURN_IF_ERROR(dup.Run());
      }
    }
    return Status::Ok();
  });
}

Status StoreWriter::BuildBriefs(IngestReport* report, const IngestProgress& progress) {
  for (;;) {
    size_t found = 0, built = 0;
    CROSSREAD_RETURN_IF_ERROR(rep_->BuildRound(&found, &built));
    if (found == 0) return Status::Ok();
    report->briefs_built += built;
    if (progress) progress(*report);
  }
}

// ---------------------------------------------------------------------------------------------
// Reader

struct StoreReader::Rep {
  std::string path;
  std::mutex mu;
  std::vector<Connection> idle;  // guarded by mu

  // A connection borrowed from the pool, given back when the handle goes.
  class Handle {
   public:
    Handle(Rep* rep, Connection c) : rep_(rep), c_(std::move(c)) {}
    Handle(Handle&& other) noexcept
        : rep_(std::exchange(other.rep_, nullptr)), c_(std::move(other.c_)) {}
    Handle& operator=(Handle&&) = delete;
    ~Handle() {
      if (rep_ == nullptr) return;
      std::lock_guard<std::mutex> lock(rep_->mu);
      rep_->idle.push_back(std::move(c_));
    }
    Connection& operator*() { return c_; }
    Connection* operator->() { return &c_; }

   private:
    Rep* rep_;  // the pool to give the connection back to; null once moved from
    Connection c_;
  };

  Result<Handle> Borrow() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!idle.empty()) {
        Connection c = std::move(idle.back());
        idle.pop_back();
        return Handle(this, std::move(c));
      }
    }
    CROSSREAD_ASSIGN_OR_RETURN(Connection c, Connection::Open(path, true));
    // Pages are read through a memory map: a story page is a few memory copies, not a
    // pread() per database page.
    CROSSREAD_RETURN_IF_ERROR(c.Exec("PRAGMA mmap_size = " + std::to_string(kReaderMmapBytes)));
    return Handle(this, std::move(c));
  }
};

StoreReader::StoreReader(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
StoreReader::~StoreReader() = default;

Result<std::unique_ptr<StoreReader>> StoreReader::Open(const std::string& path) {
  auto rep = std::make_unique<Rep>();
  rep->path = path;
  CROSSREAD_ASSIGN_OR_RETURN(Rep::Handle h, rep->Borrow());
  CROSSREAD_ASSIGN_OR_RETURN(Statement version, h->Prepare("PRAGMA user_version"));
  CROSSREAD_ASSIGN_OR_RETURN(bool row, version.Step());
  if (!row || version.Int(0) == 0) {
    return Status::InvalidArgument(path + " is not a crossread store (run crossread ingest)");
  }
  if (version.Int(0) != kStoreSchemaVersion) {
    return Status::InvalidArgument(path + " has store schema " + std::to_string(version.Int(0)) +
                                   "; this crossread reads " + std::to_string(kStoreSchemaVersion) +
                                   " (crossread ingest migrates it)");
  }
  return std::unique_ptr<StoreReader>(new StoreReader(std::move(rep)));
}

Result<std::string> StoreReader::StoriesJson(const StoryQuery& query) const {
  if (query.limit < 1 || query.limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be 1 to " + std::to_string(kMaxLimit));
  }
  if (query.offset < 0 || query.offset > kMaxOffset) {
    return Status::InvalidArgument("offset must be 0 to " + std::to_string(kMaxOffset));
  }
  if (query.q.size() > kMaxQueryBytes) return Status::InvalidArgument("q is too long");
  for (const std::string* d : {&query.from, &query.to}) {
    if (!d->empty() && (d->size() != 10 || !ParseIsoDay(*d))) {
      return Status::InvalidArgument("from and to must be dates, YYYY-MM-DD");
    }
  }
  // Only the filters given go into the SQL, so that the planner sees plain conditions (the
  // newest-first index serves an unfiltered list).
  const std::string match = FtsQuery(query.q);
  std::string where;
  auto cond = [&](const char* c) {
    where += where.empty() ? " WHERE " : " AND ";
    where += c;
  };
  if (!query.from.empty()) cond("last >= ?1");
  if (!query.to.empty()) cond("first <= ?2");
  if (!match.empty()) {
    cond(
        "id IN (SELECT story FROM articles WHERE seq IN "
        "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?3))");
  }
  CROSSREAD_ASSIGN_OR_RETURN(Rep::Handle db, rep_->Borrow());
  Json out;
  Json stories = Json::array();
  int64_t total = 0;
  CROSSREAD_RETURN_IF_ERROR(Transaction(*db, false, [&]() -> Status {
    CROSSREAD_ASSIGN_OR_RETURN(Statement count,
                               db->Prepare("SELECT COUNT(*) FROM stories" + where));
    count.Bind(1, query.from).Bind(2, query.to).Bind(3, match);
    CROSSREAD_ASSIGN_OR_RETURN(bool row, count.Step());
    total = row ? count.Int(0) : 0;
    CROSSREAD_ASSIGN_OR_RETURN(
        Statement list, db->Prepare("SELECT id, headline, articles, outlets, first, last "
                                    "FROM stories" +
                                    where + " ORDER BY last DESC, number DESC LIMIT ?4 OFFSET ?5"));
    list.Bind(1, query.from).Bind(2, query.to).Bind(3, match);
    list.Bind(4, static_cast<int64_t>(query.limit)).Bind(5, static_cast<int64_t>(query.offset));
    for (;;) {
      CROSSREAD_ASSIGN_OR_RETURN(bool more, list.Step());
      if (!more) break;
      auto opt = [&](int col) { return list.IsNull(col) ? Json(nullptr) : Json(list.Text(col)); };
      stories.push_back({{"id", list.Text(0)},
                         {"headline", opt(1)},
                         {"articles", list.Int(2)},
                         {"outlets", list.Int(3)},
                         {"published", {{"first", opt(4)}, {"last", opt(5)}}}});
    }
    return Status::Ok();
  }));
  out["stories"] = std::move(stories);
  out["total"] = total;
  return JsonDump(out);
}

namespace {

// The one text column of the row whose key matches, or kNotFound naming `what`.
Result<std::string> Lookup(Connection& db, const std::string& sql, const std::string& key,
                           const std::string& what) {
  CROSSREAD_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  st.Bind(1, key);
  CROSSREAD_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no " + what + " " + key);
  if (st.IsNull(0)) return Status::NotFound(what + " " + key + " is being built; try again soon");
  return st.Text(0);
}

}  // namespace

Result<std::string> StoreReader::StoryJson(const std::string& id) const {
  CROSSREAD_ASSIGN_OR_RETURN(Rep::Handle db, rep_->Borrow());
  std::string out;
  CROSSREAD_RETURN_IF_ERROR(Transaction(*db, false, [&]() -> Status {
    CROSSREAD_ASSIGN_OR_RETURN(std::string story,
                               Lookup(*db, "SELECT story FROM stories WHERE id = ?", id, "story"));
    CROSSREAD_ASSIGN_OR_RETURN(Statement members,
                               db->Prepare(std::string("SELECT ") + kArticleColumns +
                                           " FROM articles WHERE story = ? ORDER BY seq"));
    members.Bind(1, id);
    out = "{\"schema\":" + JsonDump(Json(kBriefSchema)) + ",\"articles\":[";
    for (bool first = true;; first = false) {
      CROSSREAD_ASSIGN_OR_RETURN(bool row, members.Step());
      if (!row) break;
      StoredArticle a = ReadArticle(members);
      if (!first) out += ',';
      out += RenderArticleJson(a.article, a.story, a.duplicate_of);
    }
    out += "],\"stories\":[" + story + "]}";
    return Status::Ok();
  }));
  return out;
}

Result<std::string> StoreReader::StorySection(const std::string& id) const {
  CROSSREAD_ASSIGN_OR_RETURN(Rep::Handle db, rep_->Borrow());
  return Lookup(*db, "SELECT section FROM stories WHERE id = ?", id, "story");
}

Result<StoredArticle> StoreReader::Article(const std::string& id) const {
  CROSSREAD_ASSIGN_OR_RETURN(Rep::Handle db, rep_->Borrow());
  StoredArticle out;
  CROSSREAD_RETURN_IF_ERROR(Transaction(*db, false, [&]() -> Status {
    CROSSREAD_ASSIGN_OR_RETURN(Statement st, db->Prepare(std::string("SELECT ") + kArticleColumns +
                                                         " FROM articles WHERE id = ?"));
    st.Bind(1, id);
    CROSSREAD_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::NotFound("no article " + id);
    out = ReadArticle(st);
    // The passages of its story's `reuse` that name this article.
    CROSSREAD_ASSIGN_OR_RETURN(Statement story,
                               db->Prepare("SELECT story FROM stories WHERE id = ?"));
    story.Bind(1, out.story);
    CROSSREAD_ASSIGN_OR_RETURN(bool has, story.Step());
    if (!has || story.IsNull(0)) return Status::Ok();
    Json brief = Json::parse(story.Text(0), nullptr, false);
    if (!brief.is_object()) return Status::DataLoss("story " + out.story + " is damaged");
    for (const Json& p : brief.value("reuse", Json::array())) {
      const Json& in = p.value("articles", Json::array());
      if (std::find(in.begin(), in.end(), Json(id)) != in.end()) {
        out.shared_passages.push_back(p.value("text", ""));
      }
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::string> StoreReader::ArticleJson(const std::string& id) const {
  CROSSREAD_ASSIGN_OR_RETURN(StoredArticle a, Article(id));
  return RenderArticleJson(a.article, a.story, a.duplicate_of);
}

Result<std::string> StoreReader::SearchJson(const std::string& q, int limit) const {
  if (q.size() > kMaxQueryBytes) return Status::InvalidArgument("q is too long");
  if (limit < 1 || limit > kMaxLimit) {
    return Status::InvalidArgument("limit must be 1 to " + std::to_string(kMaxLimit));
  }
  const std::string match = FtsQuery(q);
  if (match.empty()) return Status::InvalidArgument("q needs at least one word");
  CROSSREAD_ASSIGN_OR_RETURN(Rep::Handle db, rep_->Borrow());
  CROSSREAD_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT a.id, a.story, a.title, snippet(articles_fts, 1, '', '', '…', 24) "
                  "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                  "WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2"));
  st.Bind(1, match).Bind(2, static_cast<int64_t>(limit));
  Json articles = Json::array();
  for (;;) {
    CROSSREAD_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    articles.push_back({{"id", st.Text(0)},
                        {"story", st.Text(1)},
                        {"title", st.IsNull(2) ? Json(nullptr) : Json(st.Text(2))},
                        {"snippet", st.Text(3)}});
  }
  return JsonDump(Json{{"articles", std::move(articles)}});
}

}  // namespace crossread
