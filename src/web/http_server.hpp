// The HTTP/1.1 server (plain or TLS) that runs a Router's handlers on its I/O threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "web/router.hpp"

namespace imsgate::web {

struct ServerSettings {
  std::string address = "127.0.0.1";  // an IP address or a host name
  unsigned short port = 8080;         // 0: any free port (tests)
  int threads = 2;
  std::string tls_certificate_file;  // PEM, the chain from the server's certificate up; TLS when both are set
  std::string tls_key_file;          // PEM
  std::size_t body_limit = 256 * 1024 * 1024;  // larger bodies are refused with 413
  // How long a connection may wait for the next request, and how long any read or write of a request or
  // response may make no progress; a slow but moving upload is never cut off.
  std::chrono::seconds idle_timeout{60};

  // Called on the I/O thread for each response (also for 400, 404, 413, 500) just before it is written, with
  // the seconds from the request's header until then: a client never sees a response not yet reported.
  std::function<void(const Request&, const Response&, double seconds)> on_response;
  // Called on the I/O thread when a handler throws; the client gets 500 with a JSON error.
  std::function<void(const Request&, std::string_view what)> on_handler_exception;
};

class HttpServer {
 public:
  HttpServer(ServerSettings settings, Router router);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads the TLS certificate, binds, listens and starts the I/O threads.
  tl::expected<void, std::string> start();
  unsigned short port() const;  // the bound port (after start)
  // Closes the listener and every connection, and joins the I/O threads; requests in flight are dropped. Not
  // from a handler.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace imsgate::web
