#include "mail/smtp.hpp"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>

#include "mail/mime.hpp"
#include "mail/smime.hpp"
#include "mail/test_pki.hpp"
#include "test_dir.hpp"

extern char** environ;

namespace imsgate::mail {
namespace {

using namespace std::chrono_literals;

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  return address;
}

int bound_port(int socket) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  getsockname(socket, reinterpret_cast<sockaddr*>(&address), &size);
  return ntohs(address.sin_port);
}

// A loopback port that nothing listens on (the kernel's pick, released at once).
int free_port() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(0);
  bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
  int port = bound_port(s);
  close(s);
  return port;
}

bool accepts_connections(int port) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(port);
    bool connected = connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(s);
    if (connected) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

std::string find_smtp_sink() {
  for (const char* path :
       {"/usr/sbin/smtp-sink", "/usr/lib/postfix/sbin/smtp-sink", "/usr/libexec/postfix/smtp-sink"})
    if (access(path, X_OK) == 0) return path;
  return {};
}

// Postfix's smtp-sink on a free loopback port, dumping each message into a file of dump_dir.
class SmtpSink {
 public:
  SmtpSink(const std::string& program, const std::filesystem::path& dump_dir) : port_(free_port()) {
    std::filesystem::create_directories(dump_dir);
    std::vector<std::string> args = {program};
    if (geteuid() == 0) {  // smtp-sink must drop root, and the user it becomes writes the dumps
      chmod(dump_dir.c_str(), 0777);
      args.insert(args.end(), {"-u", "nobody"});
    }
    args.insert(args.end(),
                {"-d", (dump_dir / "message.").string(), "127.0.0.1:" + std::to_string(port_), "10"});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
  }
  ~SmtpSink() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  bool ready() const { return pid_ > 0 && accepts_connections(port_); }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  pid_t pid_ = 0;
};

SmtpSettings settings_for(const std::string& url, long timeout_seconds = 10) {
  SmtpSettings settings;
  settings.url = url;
  settings.timeout_seconds = timeout_seconds;
  return settings;
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  return files;
}

TEST(Smtp, SendsASignedMessageThroughPostfixSmtpSink) {
  std::string program = find_smtp_sink();
  if (program.empty()) GTEST_SKIP() << "Postfix's smtp-sink is not installed";
  imsgate::test::TempDir dir;
  SmtpSink sink(program, dir.path() / "dump");
  ASSERT_TRUE(sink.ready()) << "smtp-sink did not start";

  auto pki = test::make_test_pki();
  const std::string body = "BEGIN IMS2.0\nMSG_TYPE DATA\n.a line with a leading dot\nSTOP\n";
  auto message = sign_message({"station@example.org", "data@example.org", "data"}, body,
                              pki.station.certificate_pem, pki.station.key_pem);
  ASSERT_TRUE(message) << message.error();
  auto sent = send_mail(settings_for(sink.url()), "station@example.org",
                        {"data@example.org", "copy@example.org"}, *message);
  ASSERT_TRUE(sent) << sent.error();

  std::vector<std::filesystem::path> dumps;
  std::string dump;
  for (int attempt = 0; attempt < 100 && dump.find("\n--") == std::string::npos; ++attempt) {
    std::this_thread::sleep_for(20ms);
    dumps = files_in(dir.path() / "dump");
    if (dumps.size() == 1) dump = dir.read(std::filesystem::relative(dumps[0], dir.path()).string());
  }
  ASSERT_EQ(dumps.size(), 1u);
  EXPECT_NE(dump.find("X-Mail-Args: <station@example.org>"), std::string::npos) << dump;
  EXPECT_NE(dump.find("X-Rcpt-Args: <data@example.org>"), std::string::npos) << dump;
  EXPECT_NE(dump.find("X-Rcpt-Args: <copy@example.org>"), std::string::npos) << dump;
  EXPECT_NE(dump.find(body), std::string::npos) << dump;

  // What arrived still verifies: the sink's own header lines are header fields like the others.
  auto mail = parse_mail(dump);
  ASSERT_TRUE(mail) << mail.error();
  EXPECT_EQ(mail->text, body);
  ASSERT_TRUE(mail->signed_parts);
  TrustStore store;
  ASSERT_TRUE(store.add_certificates(pki.ca.certificate_pem));
  auto verification = store.verify(mail->signed_parts->content, mail->signed_parts->signature, pki.made);
  EXPECT_EQ(verification.fault, SignatureFault::none) << verification.detail;
}

TEST(Smtp, ReportsAServerThatIsNotThere) {
  std::string url = "smtp://127.0.0.1:" + std::to_string(free_port());
  auto sent = send_mail(settings_for(url, 5), "a@example.org", {"b@example.org"}, "Subject: x\r\n\r\nx\r\n");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().rfind("SMTP to " + url + ": ", 0), 0u) << sent.error();
  auto nobody = send_mail(settings_for(url), "a@example.org", {}, "x");
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error(), "no recipient");
  auto http = send_mail(settings_for("http://127.0.0.1:1/"), "a@example.org", {"b@example.org"}, "x");
  EXPECT_FALSE(http);
}

TEST(Smtp, FetchesAFileUrl) {
  imsgate::test::TempDir dir;
  std::string bytes("CRL\0bytes\r\n", 11);
  std::string path = dir.write("crl.der", bytes);
  auto fetched = fetch_url("file://" + path, 5);
  ASSERT_TRUE(fetched) << fetched.error();
  EXPECT_EQ(*fetched, bytes);
  auto missing = fetch_url("file://" + dir.file("missing.crl"), 5);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rfind("file://", 0), 0u) << missing.error();
  EXPECT_FALSE(fetch_url("gopher://127.0.0.1/", 5));
}

// A loopback HTTP/1.1 server answering "/crl" with a body and anything else with 404, until destroyed.
class HttpServer {
 public:
  explicit HttpServer(std::string body) : body_(std::move(body)), socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address = loopback(0);
    bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(socket_, 4);
    port_ = bound_port(socket_);
    thread_ = std::thread([this] { serve(); });
  }
  ~HttpServer() {
    stop_ = true;
    thread_.join();
    close(socket_);
  }
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd ready{socket_, POLLIN, 0};
      if (poll(&ready, 1, 50) <= 0) continue;
      int client = accept(socket_, nullptr, nullptr);
      if (client < 0) continue;
      std::string request;
      char buffer[1024];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = read(client, buffer, sizeof buffer);
        if (n <= 0) break;
        request.append(buffer, static_cast<std::size_t>(n));
      }
      bool found = request.rfind("GET /crl ", 0) == 0;
      std::string content = found ? body_ : "not here";
      std::string response = std::string(found ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") +
                             "\r\nContent-Length: " + std::to_string(content.size()) +
                             "\r\nConnection: close\r\n\r\n" + content;
      (void)!write(client, response.data(), response.size());
      close(client);
    }
  }

  std::string body_;
  int socket_;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

TEST(Smtp, FetchesAnHttpUrlAndFailsOnErrorStatus) {
  HttpServer server("-----BEGIN X509 CRL-----\n");
  auto fetched = fetch_url(server.url("/crl"), 5);
  ASSERT_TRUE(fetched) << fetched.error();
  EXPECT_EQ(*fetched, "-----BEGIN X509 CRL-----\n");
  auto missing = fetch_url(server.url("/other"), 5);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("404"), std::string::npos) << missing.error();
}

}  // namespace
}  // namespace imsgate::mail
