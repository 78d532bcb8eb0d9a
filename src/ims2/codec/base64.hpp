// Base-64 (RFC 4648, the MIME alphabet) for CSF, which sends binary CD-1.1 subframes in e-mail (6.3.2.5).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace imsgate::ims2::codec {

// Appends the bytes as base-64 lines of 76 characters (RFC 2045), padded with '=', each ending in LF.
void append_base64(std::span<const std::uint8_t> bytes, std::string& out);

struct Base64Error {
  std::size_t offset = 0;  // in the text
  std::string message;
};

// Decodes base-64 text, skipping line ends and blanks at the ends of lines. Appends to `out`, or gives the
// first character that is wrong.
std::optional<Base64Error> decode_base64(std::string_view text, std::vector<std::uint8_t>& out);

}  // namespace imsgate::ims2::codec
