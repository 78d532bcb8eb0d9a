// Where tests find the spec's example messages, the real third-party files and the project's own files.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace imsgate::testing {

inline std::filesystem::path shared_dir() {
  return IMSGATE_SHARED_DIR;
}
inline std::filesystem::path listings_dir() {
  return shared_dir() / "spec/examples/listings";
}
inline std::filesystem::path data_examples_dir() {
  return shared_dir() / "spec/examples/data";
}
inline std::filesystem::path real_dir() {
  return shared_dir() / "testdata/real";
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace imsgate::testing
