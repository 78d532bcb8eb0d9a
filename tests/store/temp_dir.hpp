// A temporary folder for one test, with a unique name, removed with everything in it at the end.
#pragma once

#include <filesystem>
#include <random>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

namespace imsgate::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            fmt::format("imsgate-store-test-{}-{:08x}", ::getpid(), random());
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace imsgate::testing
