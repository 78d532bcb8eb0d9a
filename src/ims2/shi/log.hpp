// LOG and ERROR_LOG data types (6.6): free-format lines whose first character is blank.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

// One model for both types: they differ only in their purpose (6.6.1, 6.6.2).
struct Log {
  std::vector<std::string> lines;  // without the leading blank
  bool operator==(const Log&) const = default;
};

Log read_log(const DataSection& section, Diagnostics& diagnostics);
Log read_error_log(const DataSection& section, Diagnostics& diagnostics);
// Every line is indented by one blank, so that an echoed "stop" or "data_type" is never a message line.
tl::expected<std::string, std::string> write_log(const Log& log);
tl::expected<std::string, std::string> write_error_log(const Log& log);

}  // namespace imsgate::ims2::shi
