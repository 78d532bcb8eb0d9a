// PEM objects (RFC 7468) of the key-management commands, kept byte for byte, and their boundary lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ims2/envelope.hpp"

namespace imsgate::ims2::command {

struct PemObject {
  std::string label;  // between "-----BEGIN " and "-----", e.g. "X509 CRL"
  std::string text;   // the whole object, BEGIN line to END line, each line ending in LF
  SourceLine line;    // the BEGIN line
  bool operator==(const PemObject&) const = default;
};

// The label of a boundary line "-----BEGIN LABEL-----" or "-----END LABEL-----" (blanks around the line are
// allowed); nothing when the line is not such a boundary.
std::optional<std::string_view> pem_begin_label(std::string_view line);
std::optional<std::string_view> pem_end_label(std::string_view line);

}  // namespace imsgate::ims2::command
