// The store: a running collection of articles and their stories in one SQLite file (WAL mode),
// grown incrementally by `crossread ingest` and read by `crossread serve`.
//
// Every change is a transaction: a batch of articles, their story assignments and the streaming
// clusterer's state commit together, and a story's brief is replaced together with the mark
// that it is up to date. A process killed at any moment leaves the file as of its last commit;
// running the same ingest again stores nothing twice.
#ifndef CROSSREAD_STORE_H_
#define CROSSREAD_STORE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crossread/article.h"
#include "crossread/options.h"
#include "crossread/pipeline.h"
#include "crossread/status.h"

namespace crossread {

// Schema version of a store this build writes; older stores are migrated when opened to write.
inline constexpr int kStoreSchemaVersion = 1;

struct IngestReport {
  size_t stored = 0;                // new articles written
  size_t unchanged = 0;             // already stored with the same text (or repeated in the input)
  std::vector<InputError> refused;  // an id already stored with another text
  size_t stories_touched = 0;       // stories that gained articles
  size_t briefs_built = 0;          // story briefs (re)built
};

// Called after each commit with the report so far.
using IngestProgress = std::function<void(const IngestReport&)>;

// Writes to a store. Several writers (processes) may share a file: they take turns on SQLite's
// write lock, and a writer re-reads the clusterer's state when another has moved it.
// Not thread-safe; not copyable (it owns a connection).
class StoreWriter {
 public:
  // Opens the store at `path`, creating it if absent and migrating an older schema.
  static Result<std::unique_ptr<StoreWriter>> Open(const std::string& path, const Options& options);
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // Adds clean articles in publication order (undated ones last), in transactions of `batch`
  // articles, clustering them into the stories already held; the stories they join are
  // marked for a new brief.
  Status Add(std::vector<Article> articles, size_t batch, IngestReport* report,
             const IngestProgress& progress);

  // Builds the brief of every story marked by Add, committing as it goes.
  Status BuildBriefs(IngestReport* report, const IngestProgress& progress);

 private:
  struct Rep;
  explicit StoreWriter(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The story list's filter: INTERFACE.md `GET /api/stories`.
struct StoryQuery {
  std::string q;     // words every matching story's articles contain somewhere; "" = all
  std::string from;  // YYYY-MM-DD: stories published on or after; "" = no bound
  std::string to;    // YYYY-MM-DD: stories published on or before; "" = no bound
  int limit = 50;    // 1..200
  int offset = 0;    // 0..1,000,000
};

// An article as stored, with what its page needs.
struct StoredArticle {
  Article article;
  std::string story;
  std::optional<std::string> duplicate_of;
  std::vector<std::string> shared_passages;  // passages of its text other articles repeat
};

// Reads a store. Thread-safe: each call borrows a read-only connection from a pool, so readers
// run alongside a writer (WAL) and see the last commit.
class StoreReader {
 public:
  static Result<std::unique_ptr<StoreReader>> Open(const std::string& path);
  ~StoreReader();
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;

  // JSON documents of INTERFACE.md's HTTP API. Bad arguments are kInvalidArgument, an unknown
  // id kNotFound.
  Result<std::string> StoriesJson(const StoryQuery& query) const;
  Result<std::string> StoryJson(const std::string& id) const;  // a brief of that one story
  Result<std::string> ArticleJson(const std::string& id) const;
  Result<std::string> SearchJson(const std::string& q, int limit) const;

  // The HTML section of one story (RenderStorySectionHtml), built at ingest.
  Result<std::string> StorySection(const std::string& id) const;
  Result<StoredArticle> Article(const std::string& id) const;

 private:
  struct Rep;
  explicit StoreReader(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace crossread

#endif  // CROSSREAD_STORE_H_
