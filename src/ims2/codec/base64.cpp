#include "ims2/codec/base64.hpp"

#include <array>

#include <fmt/format.h>

#include "ims2/codec/data_lines.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::uint8_t kNone = 0xFF;
constexpr std::size_t kLineLength = 76;

constexpr std::array<std::uint8_t, 256> kValue = [] {
  std::array<std::uint8_t, 256> t{};
  t.fill(kNone);
  for (std::uint8_t v = 0; v < 64; ++v) t[static_cast<unsigned char>(kAlphabet[v])] = v;
  return t;
}();

}  // namespace

void append_base64(std::span<const std::uint8_t> bytes, std::string& out) {
  std::size_t column = 0;
  const auto put = [&](char c) {
    out += c;
    if (++column == kLineLength) {
      out += '\n';
      column = 0;
    }
  };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t w = static_cast<std::uint32_t>(bytes[i]) << 16 |
                            static_cast<std::uint32_t>(bytes[i + 1]) << 8 | bytes[i + 2];
    put(kAlphabet[w >> 18]);
    put(kAlphabet[(w >> 12) & 63]);
    put(kAlphabet[(w >> 6) & 63]);
    put(kAlphabet[w & 63]);
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const std::uint32_t w = static_cast<std::uint32_t>(bytes[i]) << 16 |
                            (two ? static_cast<std::uint32_t>(bytes[i + 1]) << 8 : 0);
    put(kAlphabet[w >> 18]);
    put(kAlphabet[(w >> 12) & 63]);
    put(two ? kAlphabet[(w >> 6) & 63] : '=');
    put('=');
  }
  if (column != 0) out += '\n';
}

std::optional<Base64Error> decode_base64(std::string_view text, std::vector<std::uint8_t>& out) {
  std::uint32_t group = 0;
  std::size_t chars = 0;    // characters in the current group of four
  std::size_t padding = 0;  // '=' seen
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || detail::is_padding(c)) continue;
    if (c == '=') {
      if (chars < 2) return Base64Error{i, "'=' too early in base-64 data"};
      ++padding;
      ++chars;
    } else {
      const std::uint8_t v = kValue[static_cast<unsigned char>(c)];
      if (v == kNone)
        return Base64Error{i, fmt::format("{} is not a base-64 character", detail::quote_char(c))};
      if (padding != 0) return Base64Error{i, "base-64 data after '='"};
      group = group << 6 | v;
      ++chars;
    }
    if (chars == 4) {
      group <<= 6 * padding;
      out.push_back(static_cast<std::uint8_t>(group >> 16));
      if (padding < 2) out.push_back(static_cast<std::uint8_t>(group >> 8));
      if (padding < 1) out.push_back(static_cast<std::uint8_t>(group));
      group = 0;
      chars = 0;
    }
  }
  if (chars != 0) return Base64Error{text.size(), "base-64 data end inside a group of four characters"};
  return std::nullopt;
}

}  // namespace imsgate::ims2::codec
