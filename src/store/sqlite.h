// A thin RAII layer over SQLite's C API: a connection that runs SQL and prepares statements,
// and statements that bind, step and read columns. Errors come back as Status, with SQLite's
// message.
#ifndef CROSSREAD_STORE_SQLITE_H_
#define CROSSREAD_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crossread/status.h"

namespace crossread::store {

class Statement;

// One connection. Not thread-safe; not copyable (it owns the handle).
class Connection {
 public:
  // Opens `path` read-write (creating it) or read-only, with a busy timeout so that readers and
  // writers wait for each other's locks instead of failing.
  static Result<Connection> Open(const std::string& path, bool read_only);
  Connection(Connection&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements that return no rows.
  Status Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql);
  Status Error(std::string_view what) const;
  // Rows the last INSERT, UPDATE or DELETE changed.
  int64_t Changes() const { return sqlite3_changes64(db_); }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// One prepared statement. Bind positions start at 1, columns at 0. Not copyable.
class Statement {
 public:
  Statement(Statement&& other) noexcept : st_(other.st_), db_(other.db_) { other.st_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int i, std::string_view text);
  Statement& Bind(int i, const std::string& text) { return Bind(i, std::string_view(text)); }
  Statement& Bind(int i, const std::optional<std::string>& text);  // null when absent
  Statement& Bind(int i, int64_t v);
  Statement& BindBlob(int i, std::string_view bytes);

  // Advances: true with a row to read, false when done; an error as Status.
  Result<bool> Step();
  // Steps to the end, for statements that return no rows.
  Status Run();
  // Clears the bindings and rewinds, to run again.
  void Reset();

  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::string Blob(int col) const;
  int64_t Int(int col) const;
  bool IsNull(int col) const;

 private:
  friend class Connection;
  Statement(sqlite3_stmt* st, sqlite3* db) : st_(st), db_(db) {}
  sqlite3_stmt* st_ = nullptr;
  sqlite3* db_ = nullptr;
};

}  // namespace crossread::store

#endif  // CROSSREAD_STORE_SQLITE_H_
