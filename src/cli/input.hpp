// Reading the command's inputs: a file, or standard input for "-".
#pragma once

#include <optional>
#include <string>

namespace imsgate::cli {

struct Input {
  std::string name;  // the path as given, or "<stdin>"
  std::string bytes;
};

// The whole input, or nothing when it cannot be read (the reason in `error`).
std::optional<Input> read_input(const std::string& path, std::string& error);

}  // namespace imsgate::cli
