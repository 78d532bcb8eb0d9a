#include "web/http_server.hpp"

#include <arpa/inet.h>
#include <atomic>
#include <curl/curl.h>
#include <filesystem>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace imsgate::web {
namespace {

// ---- a real client: libcurl ----

struct CurlCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistCleanup {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Reply {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string body;
  std::vector<std::string> headers;  // "Name: value" lines
  long connects = 0;                 // new connections this transfer opened

  std::string header(std::string_view name) const {
    for (const auto& line : headers)
      if (line.size() > name.size() && line[name.size()] == ':' &&
          strncasecmp(line.data(), name.data(), name.size()) == 0)
        return line.substr(name.size() + 2);
    return {};
  }
};

size_t collect_body(char* data, size_t size, size_t count, void* reply) {
  static_cast<Reply*>(reply)->body.append(data, size * count);
  return size * count;
}

size_t collect_header(char* data, size_t size, size_t count, void* reply) {
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.find(':') != std::string::npos) static_cast<Reply*>(reply)->headers.push_back(line);
  return size * count;
}

// A body sent with chunked transfer coding (no Content-Length).
struct Upload {
  std::string_view rest;
};
size_t read_upload(char* buffer, size_t size, size_t count, void* upload) {
  auto& rest = static_cast<Upload*>(upload)->rest;
  const auto n = std::min(rest.size(), size * count);
  std::copy_n(rest.data(), n, buffer);
  rest.remove_prefix(n);
  return n;
}

// One connection that curl keeps alive between requests.
class Client {
 public:
  Client() : curl_(curl_easy_init()) {}

  // Settings for HTTPS: trust this certificate (the test's self-signed one).
  std::string ca_file;
  bool chunked = false;

  Reply send(const std::string& method, const std::string& url, const std::string& body = {},
             const std::vector<std::string>& headers = {}) {
    CURL* c = curl_.get();
    curl_easy_reset(c);
    Reply reply;
    Upload upload{body};
    std::unique_ptr<curl_slist, SlistCleanup> list;
    for (const auto& h : headers) list.reset(curl_slist_append(list.release(), h.c_str()));
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &reply);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (!ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, ca_file.c_str());
    if (method == "HEAD") {
      curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else if (method == "POST" && chunked) {
      curl_easy_setopt(c, CURLOPT_POST, 1L);
      curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
      curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    } else if (method != "GET") {
      curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
      if (!body.empty() || method == "POST") {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
      }
    }
    if (list) curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
    reply.code = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &reply.connects);
    return reply;
  }

 private:
  std::unique_ptr<CURL, CurlCleanup> curl_;
};

// ---- a raw TCP client, for what curl would not send ----

// Sends `bytes` (if any) and returns everything read until the server closes (or 30 s pass: then "TIMEOUT").
std::string raw_exchange(unsigned short port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "NO SOCKET";
  const std::unique_ptr<const int, void (*)(const int*)> closer(&fd, [](const int* f) { ::close(*f); });
  timeval timeout{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return "NO CONNECTION";
  if (!bytes.empty() &&
      ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(bytes.size()))
    return "SEND FAILED";
  std::string received;
  char buffer[4096];
  for (;;) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) return received;
    if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? "TIMEOUT" : received;
    received.append(buffer, static_cast<std::size_t>(n));
  }
}

// ---- a self-signed certificate for localhost and 127.0.0.1 ----

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct ExtensionFree {
  void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};

void write_self_signed(const std::filesystem::path& certificate_file, const std::filesystem::path& key_file) {
  const std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  ASSERT_TRUE(key);
  const std::unique_ptr<X509, X509Free> cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"),
                             -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
  const std::unique_ptr<X509_EXTENSION, ExtensionFree> names(
      X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"));
  ASSERT_TRUE(names);
  X509_add_ext(cert.get(), names.get(), -1);
  ASSERT_GT(X509_sign(cert.get(), key.get(), EVP_sha256()), 0);

  const std::unique_ptr<BIO, BioFree> cert_out(BIO_new_file(certificate_file.c_str(), "w"));
  ASSERT_TRUE(cert_out);
  ASSERT_EQ(PEM_write_bio_X509(cert_out.get(), cert.get()), 1);
  const std::unique_ptr<BIO, BioFree> key_out(BIO_new_file(key_file.c_str(), "w"));
  ASSERT_TRUE(key_out);
  ASSERT_EQ(PEM_write_bio_PrivateKey(key_out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr), 1);
}

// ---- the fixture ----

Response json_response(const nlohmann::json& body) {
  Response response;
  response.body = body.dump();
  return response;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override { curl_global_init(CURL_GLOBAL_DEFAULT); }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
    curl_global_cleanup();
  }

  // The routes every test uses; the server listens on a free port.
  Router routes() {
    Router router;
    router.add("GET", "/api/v1/messages/{id}", [](const Request& r) {
      return json_response({{"method", r.method},
                            {"path", r.path},
                            {"params", r.params},
                            {"query", r.query},
                            {"remote", r.remote},
                            {"station", r.header("x-station")}});
    });
    router.add("POST", "/echo", [](const Request& r) {
      std::uint64_t sum = 0;
      for (const unsigned char c : r.body) sum += c;
      return json_response({{"length", r.body.size()}, {"sum", sum}});
    });
    router.add("GET", "/boom",
               [](const Request&) -> Response { throw std::runtime_error("handler failed"); });
    router.add("GET", "/count", [this](const Request&) {
      const auto n = ++handled_;
      return json_response({{"n", n}});
    });
    return router;
  }

  void start(ServerSettings settings = {}) { start(routes(), std::move(settings)); }
  void start(Router router, ServerSettings settings) {
    settings.port = 0;
    server_ = std::make_unique<HttpServer>(std::move(settings), std::move(router));
    const auto started = server_->start();
    ASSERT_TRUE(started) << started.error();
    ASSERT_NE(server_->port(), 0);
  }

  std::string url(std::string_view path, std::string_view scheme = "http") const {
    return fmt::format("{}://127.0.0.1:{}{}", scheme, server_->port(), path);
  }

  std::filesystem::path dir_ = [] {
    auto d = std::filesystem::temp_directory_path() /
             fmt::format("imsgate-web-{}-{}", ::getpid(),
                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(d);
    return d;
  }();
  std::atomic<int> handled_{0};
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, RoutesWithDecodedParamsQueryAndHeaders) {
  start();
  Client client;
  const auto reply = client.send("GET", url("/api/v1/messages/ab%20c?station=SEP%2063&note=x+y&empty="), {},
                                 {"X-Station: ARP01"});
  ASSERT_EQ(reply.code, CURLE_OK);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "application/json");
  const auto body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["method"], "GET");
  EXPECT_EQ(body["path"], "/api/v1/messages/ab c");
  EXPECT_EQ(body["params"], (nlohmann::json{{"id", "ab c"}}));
  EXPECT_EQ(body["query"], (nlohmann::json{{"station", "SEP 63"}, {"note", "x y"}, {"empty", ""}}));
  EXPECT_EQ(body["remote"], "127.0.0.1");
  EXPECT_EQ(body["station"], "ARP01");
}

TEST_F(HttpServerTest, Answers404And405WithJsonErrors) {
  start();
  Client client;
  const auto missing = client.send("GET", url("/nothing/here"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"], "no such resource: /nothing/here");
  const auto wrong = client.send("DELETE", url("/echo"));
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "POST");
  EXPECT_TRUE(nlohmann::json::parse(wrong.body).contains("error"));
  const auto dots = client.send("GET", url("/api/v1/messages/%2E%2E"));
  EXPECT_EQ(dots.status, 400);
}

TEST_F(HttpServerTest, KeepsTheConnectionForASecondRequest) {
  start();
  Client client;
  const auto first = client.send("GET", url("/count"));
  const auto second = client.send("POST", url("/echo"), "abc");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(first.connects, 1);
  EXPECT_EQ(second.connects, 0);  // reused
  EXPECT_EQ(nlohmann::json::parse(second.body)["length"], 3);
}

TEST_F(HttpServerTest, ThrowingHandlerGives500AndTheServerGoesOn) {
  std::mutex mutex;
  std::vector<std::string> reported;
  ServerSettings settings;
  settings.on_handler_exception = [&](const Request& r, std::string_view what) {
    const std::lock_guard lock(mutex);
    reported.push_back(r.path + ": " + std::string(what));
  };
  start(std::move(settings));
  Client client;
  const auto failed = client.send("GET", url("/boom"));
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(nlohmann::json::parse(failed.body)["error"], "internal server error");
  const auto next = client.send("GET", url("/count"));
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(next.connects, 0);  // the same connection still serves
  server_->stop();
  EXPECT_EQ(reported, std::vector<std::string>{"/boom: handler failed"});
}

TEST_F(HttpServerTest, ServesConcurrentClients) {
  ServerSettings settings;
  settings.threads = 4;
  start(std::move(settings));
  constexpr int kClients = 16;
  constexpr int kRequests = 50;
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i)
    clients.emplace_back([&, i] {
      Client client;
      for (int j = 0; j < kRequests; ++j) {
        const auto body = fmt::format("client {} request {}", i, j);
        const auto reply = client.send("POST", url("/echo"), body);
        if (reply.status == 200 && nlohmann::json::parse(reply.body)["length"] == body.size()) ++good;
        if (client.send("GET", url("/count")).status == 200) ++good;
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(good, 2 * kClients * kRequests);
  EXPECT_EQ(handled_, kClients * kRequests);
}

TEST_F(HttpServerTest, ReceivesALargeBody) {
  start();
  std::string body(10 * 1024 * 1024, '\0');
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    body[i] = static_cast<char>((i * 7919) % 251);
    sum += static_cast<unsigned char>(body[i]);
  }
  Client client;
  for (const bool chunked : {false, true}) {
    client.chunked = chunked;
    const auto reply = client.send("POST", url("/echo"), body);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(nlohmann::json::parse(reply.body), (nlohmann::json{{"length", body.size()}, {"sum", sum}}));
  }
}

TEST_F(HttpServerTest, RefusesABodyOverTheLimitWith413) {
  ServerSettings settings;
  settings.body_limit = 1024;
  start(std::move(settings));
  Client client;
  const auto at_limit = client.send("POST", url("/echo"), std::string(1024, 'x'));
  EXPECT_EQ(at_limit.status, 200);
  const auto declared = client.send("POST", url("/echo"), std::string(4096, 'x'));
  EXPECT_EQ(declared.status, 413);
  EXPECT_EQ(nlohmann::json::parse(declared.body)["error"], "the body is larger than 1024 bytes");
  const auto expecting =
      client.send("POST", url("/echo"), std::string(2 * 1024 * 1024, 'x'), {"Expect: 100-continue"});
  EXPECT_EQ(expecting.status, 413);
  client.chunked = true;
  const auto chunked = client.send("POST", url("/echo"), std::string(64 * 1024, 'x'));
  EXPECT_EQ(chunked.status, 413);
  client.chunked = false;
  EXPECT_EQ(client.send("GET", url("/count")).status, 200);
}

TEST_F(HttpServerTest, ServesHttpsWithACertificate) {
  const auto cert = dir_ / "server.pem";
  const auto key = dir_ / "server.key";
  write_self_signed(cert, key);
  ServerSettings settings;
  settings.tls_certificate_file = cert.string();
  settings.tls_key_file = key.string();
  start(std::move(settings));

  Client client;
  client.ca_file = cert.string();
  const auto first = client.send("GET", url("/api/v1/messages/x?a=b", "https"));
  ASSERT_EQ(first.code, CURLE_OK) << curl_easy_strerror(first.code);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(nlohmann::json::parse(first.body)["params"]["id"], "x");
  const auto second = client.send("POST", url("/echo", "https"), std::string(3 * 1024 * 1024, 'y'));
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.connects, 0);
  EXPECT_EQ(nlohmann::json::parse(second.body)["length"], 3 * 1024 * 1024);

  // Plain HTTP to the TLS port gets nowhere, and the server still serves HTTPS.
  Client plain;
  EXPECT_NE(plain.send("GET", url("/count")).status, 200);
  Client again;
  again.ca_file = cert.string();
  EXPECT_EQ(again.send("GET", url("/count", "https")).status, 200);
}

TEST_F(HttpServerTest, StartFailsOnBadTlsFilesOrMissingKey) {
  ServerSettings half;
  half.port = 0;
  half.tls_certificate_file = (dir_ / "server.pem").string();
  HttpServer no_key(half, routes());
  const auto refused = no_key.start();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(), "TLS needs both a certificate file and a key file");

  ServerSettings missing = half;
  missing.tls_key_file = (dir_ / "server.key").string();
  HttpServer no_files(missing, routes());
  const auto failed = no_files.start();
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().find("TLS certificate"), std::string::npos) << failed.error();
}

TEST_F(HttpServerTest, StartFailsWhenThePortIsTaken) {
  start();
  ServerSettings settings;
  settings.port = server_->port();
  HttpServer second(settings, routes());
  const auto started = second.start();
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().find(fmt::format("cannot listen on 127.0.0.1:{}", server_->port())),
            std::string::npos)
      << started.error();
}

TEST_F(HttpServerTest, AnswersAMalformedRequestWith400) {
  start();
  const auto reply = raw_exchange(server_->port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 400 Bad Request\r\n")) << reply;
  EXPECT_NE(reply.find("Connection: close\r\n"), std::string::npos) << reply;
  const auto absolute = raw_exchange(server_->port(), "GET http://elsewhere/x HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_TRUE(absolute.starts_with("HTTP/1.1 400 Bad Request\r\n")) << absolute;
}

TEST_F(HttpServerTest, ClosesAnIdleConnection) {
  ServerSettings settings;
  settings.idle_timeout = std::chrono::seconds(1);
  start(std::move(settings));
  EXPECT_EQ(raw_exchange(server_->port(), ""), "");  // closed by the server, not by the 30 s guard
}

TEST_F(HttpServerTest, AnswersHttp10AndClosesAfterwards) {
  start();
  const auto reply = raw_exchange(server_->port(), "GET /count HTTP/1.0\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.0 200 OK\r\n")) << reply;
  EXPECT_TRUE(reply.ends_with("\r\n\r\n{\"n\":1}")) << reply;
}

TEST_F(HttpServerTest, AnswersPipelinedRequestsInOrder) {
  start();
  const auto reply = raw_exchange(server_->port(),
                                  "GET /count HTTP/1.1\r\nHost: a\r\n\r\n"
                                  "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nab"
                                  "GET /count HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  const auto first = reply.find("{\"n\":1}");
  const auto echo = reply.find("{\"length\":2,\"sum\":195}");
  const auto last = reply.find("{\"n\":2}");
  ASSERT_NE(last, std::string::npos) << reply;
  EXPECT_LT(first, echo);
  EXPECT_LT(echo, last);
  EXPECT_TRUE(reply.ends_with("{\"n\":2}")) << reply;
}

TEST_F(HttpServerTest, HeadSendsTheHeadersOfGetWithoutBody) {
  Router router;
  router.add("GET", "/station", [](const Request&) { return json_response({{"code", "SEP63"}}); });
  start(std::move(router), {});
  Client client;
  const auto get = client.send("GET", url("/station"));
  const auto head = client.send("HEAD", url("/station"));
  EXPECT_EQ(get.body, R"({"code":"SEP63"})");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  EXPECT_EQ(head.connects, 0);  // no body was expected, so the connection goes on
}

TEST_F(HttpServerTest, SendsStatusContentTypeAndExtraHeadersAsGiven) {
  Router router;
  router.add("GET", "/created", [](const Request&) {
    Response r;
    r.status = 201;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "made";
    r.headers = {{"Location", "/things/1"}, {"X-Injected", "a\r\nSet-Cookie: evil=1"}};
    return r;
  });
  router.add("GET", "/empty", [](const Request&) {
    Response r;
    r.status = 204;
    r.body = "dropped";
    return r;
  });
  start(std::move(router), {});
  Client client;
  const auto created = client.send("GET", url("/created"));
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(created.body, "made");
  EXPECT_EQ(created.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(created.header("location"), "/things/1");
  EXPECT_EQ(created.header("x-injected"), "");
  EXPECT_EQ(created.header("set-cookie"), "");
  const auto empty = client.send("GET", url("/empty"));
  EXPECT_EQ(empty.status, 204);
  EXPECT_EQ(empty.body, "");
}

TEST_F(HttpServerTest, ReportsEveryResponse) {
  struct Seen {
    std::string method, path;
    int status;
    std::size_t bytes;
    bool timed;
  };
  std::mutex mutex;
  std::vector<Seen> seen;
  ServerSettings settings;
  settings.on_response = [&](const Request& request, const Response& response, double seconds) {
    const std::lock_guard lock(mutex);
    seen.push_back({request.method, request.path, response.status, response.body.size(), seconds >= 0});
  };
  start(std::move(settings));
  Client client;
  const auto ok = client.send("POST", url("/echo"), "12345");
  client.send("GET", url("/missing"));
  client.send("GET", url("/boom"));
  const std::lock_guard lock(mutex);  // reported before written: all three are in
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].path, "/echo");
  EXPECT_EQ(seen[0].status, 200);
  EXPECT_EQ(seen[0].bytes, ok.body.size());
  EXPECT_TRUE(seen[0].timed);
  EXPECT_EQ(seen[1].status, 404);
  EXPECT_EQ(seen[2].status, 500);
}

TEST_F(HttpServerTest, StopClosesTheListener) {
  start();
  const auto port = server_->port();
  Client client;
  EXPECT_EQ(client.send("GET", url("/count")).status, 200);
  server_->stop();
  EXPECT_EQ(raw_exchange(port, "GET /count HTTP/1.1\r\nHost: a\r\n\r\n"), "NO CONNECTION");
  server_->stop();  // again: nothing happens
}

}  // namespace
}  // namespace imsgate::web
