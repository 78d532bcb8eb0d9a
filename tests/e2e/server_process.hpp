// A real `imsgate serve` in a child process, for the whole-system tests: started, waited for, killed.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace imsgate::e2e {

// The imsgate binary under test (set by CMake).
std::filesystem::path imsgate_binary();

// Runs `imsgate ARGS...` to its end; returns the exit status and what it printed on standard output.
struct Finished {
  int status = -1;
  std::string output;
};
Finished run_imsgate(const std::vector<std::string>& arguments);

class ServerProcess {
 public:
  ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra_arguments = {});
  ~ServerProcess();  // stops it (SIGTERM, then SIGKILL)
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts the server on a free port and waits until /readyz answers; false when it did not come up.
  bool start();
  void kill_hard();  // SIGKILL, as a crash would
  void stop();       // SIGTERM and wait
  unsigned short port() const { return port_; }
  std::string url(std::string_view path) const;
  bool running() const { return pid_ > 0; }

 private:
  std::filesystem::path data_dir_;
  std::vector<std::string> extra_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// A blocking HTTP request with libcurl; returns the status (0 when no answer) and fills body.
int http_request(const std::string& method, const std::string& url, const std::string& token,
                 const std::string& request_body, std::string& response_body);

}  // namespace imsgate::e2e
