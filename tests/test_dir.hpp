// A temporary directory for one test, removed with everything in it when the test ends.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace imsgate::test {

class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& name) {
    static std::atomic<int> sequence{0};
    path_ = std::filesystem::temp_directory_path() /
            ("imsgate-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(sequence++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace imsgate::test
