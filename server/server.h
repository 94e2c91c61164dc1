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
  // Requests answered at once (the others wait their turn); 0 means one per core. Default: 0.
  int threads = 0;
  // Connections served at once, each by a worker thread of its own (a keep-alive client holds
  // its worker while its connection is open); further ones wait to be taken. Default: 64.
  int connections = 64;
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
