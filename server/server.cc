// Routes (INTERFACE.md "HTTP API"):
//   GET /                      the story list page (+ /app.js, its script)
//   GET /stories/{id}          a story's page
//   GET /articles/{id}         an article's page
//   GET /api/stories           the story list: q, from, to, limit, offset
//   GET /api/stories/{id}      a brief of that one story, with its articles
//   GET /api/articles/{id}     one article as in the brief
//   GET /api/search            full-text search over articles: q, limit
// Errors are JSON {"error"} with 400, 404, 413, 414 or 500 (HTML pages answer errors with a small
// HTML page). Requests are bounded: 8 KiB of URI (the library's limit), 64 KiB of body, 256
// bytes of search text; every page carries a Content-Security-Policy without inline script.
#include "server/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/pages.h"

namespace crossread::server {

namespace {

constexpr size_t kMaxBody = 64 * 1024;
constexpr int kSearchLimit = 20;  // articles a search answers unless asked for another number
constexpr char kIdPattern[] = "([^/]{1,200})";
constexpr char kSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

std::string ErrorJson(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

bool IsApi(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

void Fail(const httplib::Request& req, httplib::Response& res, int status,
          const std::string& message) {
  res.status = status;
  if (IsApi(req)) {
    res.set_content(ErrorJson(message), "application/json");
  } else {
    res.set_content(ErrorPage(status, message), "text/html; charset=utf-8");
  }
}

// Answers with `result` as `type`, or with its error.
void Answer(const httplib::Request& req, httplib::Response& res, const Result<std::string>& result,
            const char* type) {
  if (!result.ok()) return Fail(req, res, HttpStatus(result.status()), result.status().message());
  res.set_content(*result, type);
}

// A whole-number query parameter, or `fallback` when absent; false when it is not one. Its
// range is the store's to check.
bool IntParam(const httplib::Request& req, const char* name, int fallback, int* out) {
  *out = fallback;
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *out = std::stoi(v);
  return true;
}

// cpp-httplib 0.11 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when Debian
// built the library), so a burst of new connections overflows it and the dropped clients
// retry a second later. Calling listen() again on the bound socket raises the backlog; the
// library does not hand out the socket, so it is found among this process's descriptors.
void RaiseListenBacklog(int port) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    int fd = std::atoi(entry.path().filename().c_str());
    int listening = 0;
    socklen_t len = sizeof(listening);
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof(addr);
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) {
      continue;
    }
    int bound = addr.ss_family == AF_INET6
                    ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                    : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    if (bound == port) listen(fd, SOMAXCONN);
  }
}

// A counting semaphore that lets its waiters through in arrival order: a released place goes
// to the longest-waiting thread, so no request waits behind later ones.
class FifoGate {
 public:
  explicit FifoGate(int places) : free_(places) {}
  FifoGate(const FifoGate&) = delete;
  FifoGate& operator=(const FifoGate&) = delete;

  // Holds a place for its lifetime.
  class Pass {
   public:
    explicit Pass(FifoGate& gate) : gate_(gate) { gate_.Acquire(); }
    ~Pass() { gate_.Release(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FifoGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };

  void Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    if (free_ > 0 && waiting_.empty()) {
      --free_;
      return;
    }
    Waiter me;
    waiting_.push_back(&me);
    me.cv.wait(lock, [&] { return me.admitted; });
  }

  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    if (waiting_.empty()) {
      ++free_;
      return;
    }
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->admitted = true;  // the place passes to it directly
    next->cv.notify_one();
  }

  std::mutex mu_;
  int free_;                     // guarded by mu_
  std::deque<Waiter*> waiting_;  // guarded by mu_; in arrival order
};

}  // namespace

Server::Server(const StoreReader& store, const ServerOptions& options)
    : options_(options), http_(std::make_unique<httplib::Server>()) {
  httplib::Server& http = *http_;
  const size_t workers = static_cast<size_t>(std::max(1, options.connections));
  http.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  http.set_payload_max_length(kMaxBody);
  http.set_keep_alive_max_count(1000000);  // a busy client keeps its connection
  http.set_tcp_nodelay(true);  // headers and body go out at once: no 40 ms delayed-ACK stalls
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_default_headers({{"Content-Security-Policy", kSecurityPolicy},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"}});
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already said what went wrong
    const char* what = res.status == 413   ? "request too large"
                       : res.status == 404 ? "no such page"
                       : res.status == 414 ? "request address too long"
                                           : "bad request";
    Fail(req, res, res.status, what);
  });
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                std::exception_ptr) { Fail(req, res, 500, "internal error"); });

  // Requests are answered by at most `threads` workers at a time (one per core by default):
  // the other workers (one per open connection) wait their turn on the gate, in arrival
  // order, instead of preempting each other. This trades some throughput (a hand-off per
  // request) for a tail close to the mean: p99 11-12 ms instead of 21-27 ms on story pages
  // at 64 connections (docs/BENCHMARKS.md).
  const int answering = options.threads > 0
                            ? options.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto gate = std::make_shared<FifoGate>(answering);
  auto get = [&http, gate](const std::string& pattern, httplib::Server::Handler handler) {
    http.Get(pattern, [gate, handler](const httplib::Request& req, httplib::Response& res) {
      FifoGate::Pass pass(*gate);
      handler(req, res);
    });
  };
  const StoreReader* db = &store;
  get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(ListPage()), "text/html; charset=utf-8");
  });
  get("/app.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(AppScript()), "text/javascript; charset=utf-8");
  });
  get(std::string("/stories/") + kIdPattern,
      [db](const httplib::Request& req, httplib::Response& res) {
        const std::string id = req.matches[1];
        Result<std::string> section = db->StorySection(id);
        if (!section.ok()) {
          return Fail(req, res, HttpStatus(section.status()), section.status().message());
        }
        res.set_content(StoryPage(id, *section), "text/html; charset=utf-8");
      });
  get(std::string("/articles/") + kIdPattern,
      [db](const httplib::Request& req, httplib::Response& res) {
        Result<StoredArticle> a = db->Article(req.matches[1]);
        if (!a.ok()) return Fail(req, res, HttpStatus(a.status()), a.status().message());
        res.set_content(ArticlePage(*a), "text/html; charset=utf-8");
      });
  get("/api/stories", [db](const httplib::Request& req, httplib::Response& res) {
    StoryQuery q;
    if (!IntParam(req, "limit", q.limit, &q.limit) ||
        !IntParam(req, "offset", q.offset, &q.offset)) {
      return Fail(req, res, 400, "limit and offset must be whole numbers");
    }
    q.q = req.get_param_value("q");
    q.from = req.get_param_value("from");
    q.to = req.get_param_value("to");
    Answer(req, res, db->StoriesJson(q), "application/json");
  });
  get(std::string("/api/stories/") + kIdPattern,
      [db](const httplib::Request& req, httplib::Response& res) {
        Answer(req, res, db->StoryJson(req.matches[1]), "application/json");
      });
  get(std::string("/api/articles/") + kIdPattern,
      [db](const httplib::Request& req, httplib::Response& res) {
        Answer(req, res, db->ArticleJson(req.matches[1]), "application/json");
      });
  get("/api/search", [db](const httplib::Request& req, httplib::Response& res) {
    int limit = 0;
    if (!IntParam(req, "limit", kSearchLimit, &limit)) {
      return Fail(req, res, 400, "limit must be a whole number");
    }
    if (!req.has_param("q")) return Fail(req, res, 400, "q is required");
    Answer(req, res, db->SearchJson(req.get_param_value("q"), limit), "application/json");
  });
}

Server::~Server() = default;

Result<int> Server::Bind() {
  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.host);
    if (port <= 0) return Status::IoError("cannot listen on " + options_.host);
  } else if (!http_->bind_to_port(options_.host, port)) {
    return Status::IoError("cannot listen on " + options_.host + ":" + std::to_string(port));
  }
  RaiseListenBacklog(port);
  return port;
}

Status Server::Run() {
  if (!http_->listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() { http_->stop(); }

Status Serve(const StoreReader& store, const ServerOptions& options,
             const std::function<void(int port)>& on_listening) {
  Server server(store, options);
  CROSSREAD_ASSIGN_OR_RETURN(int port, server.Bind());
  if (on_listening) on_listening(port);
  return server.Run();
}

}  // namespace crossread::server
