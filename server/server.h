// crossread serve: the HTTP API of INTERFACE.md and the web page over a store. Thin: every
// answer is a StoreReader call plus HTML or JSON framing.
#ifndef CROSSREAD_SERVER_SERVER_H_
#define CROSSREAD_SERVER_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "crossread/status.h"
#include "crossread/store.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace crossread::server {

struct ServerOptions {
  // Address to listen on. Default: 127.0.0.1 (this machine only).
  std::string host = "127.0.0.1";
  // Port; 0 picks a free one. Default: 8080.
  int port = 8080;
  // Request workers, each serving one connection at a time; 0 means 64 (keep-alive clients
  // hold a worker for as long as their connection is open). Default: 0.
  int threads = 0;
};

// One HTTP server over a store. Not copyable (it owns the listening socket).
class Server {
 public:
  // `store` must outlive the server.
  Server(const StoreReader& store, const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; returns the port.
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Run();
  // Stops Run() from another thread.
  void Stop();

 private:
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
};

// Binds, tells `on_listening` the port, and serves until the process ends.
Status Serve(const StoreReader& store, const ServerOptions& options,
             const std::function<void(int port)>& on_listening);

}  // namespace crossread::server

#endif  // CROSSREAD_SERVER_SERVER_H_
