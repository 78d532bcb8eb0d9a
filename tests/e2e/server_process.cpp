#include "e2e/server_process.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "mail/smtp.hpp"

namespace imsgate::e2e {
namespace fs = std::filesystem;

namespace {

// A port nobody listens on right now (the kernel's choice).
unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

std::vector<char*> argv_of(std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

fs::path imsgate_binary() {
  return IMSGATE_BINARY;
}

Finished run_imsgate(const std::vector<std::string>& arguments) {
  std::string command = imsgate_binary().string();
  for (const auto& argument : arguments) command += " '" + argument + "'";
  Finished finished;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return finished;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    finished.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  finished.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return finished;
}

ServerProcess::ServerProcess(fs::path data_dir, std::vector<std::string> extra_arguments)
    : data_dir_(std::move(data_dir)), extra_(std::move(extra_arguments)) {}

ServerProcess::~ServerProcess() {
  stop();
}

bool ServerProcess::start() {
  port_ = free_port();
  std::vector<std::string> arguments{
      imsgate_binary().string(), "serve",    "--data-dir",
      data_dir_.string(),        "--listen", "127.0.0.1:" + std::to_string(port_)};
  arguments.insert(arguments.end(), extra_.begin(), extra_.end());
  const fs::path log = data_dir_ / "server.log";
  pid_ = ::fork();
  if (pid_ == 0) {
    FILE* out = std::freopen(log.c_str(), "a", stdout);
    if (out) ::dup2(::fileno(stdout), STDERR_FILENO);
    auto argv = argv_of(arguments);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  std::string body;
  for (int attempt = 0; attempt < 300; ++attempt) {
    if (http_request("GET", url("/readyz"), "", "", body) == 200) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 200; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill_hard();
}

std::string ServerProcess::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

int http_request(const std::string& method, const std::string& url, const std::string& token,
                 const std::string& request_body, std::string& response_body) {
  std::vector<std::string> headers;
  if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
  auto answer = mail::http_exchange({method, url, headers, request_body, 30, true});
  response_body = answer ? std::move(answer->body) : std::string();
  return answer ? static_cast<int>(answer->status) : 0;
}

}  // namespace imsgate::e2e
