#include "cli/input.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace imsgate::cli {

std::optional<Input> read_input(const std::string& path, std::string& error) {
  if (path == "-") {
    Input in{"<stdin>", std::string(std::istreambuf_iterator<char>(std::cin), {})};
    return in;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  Input in{path, std::string(std::istreambuf_iterator<char>(file), {})};
  if (file.bad()) {
    error = path + ": read error";
    return std::nullopt;
  }
  return in;
}

}  // namespace imsgate::cli
