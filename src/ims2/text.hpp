// Small text helpers shared by the readers and writers: case-insensitive comparison, trimming, numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imsgate::ims2 {

constexpr bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}
constexpr char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
std::string_view trim(std::string_view s);
std::string_view trim_right(std::string_view s);

// Whole-field numbers: nothing but the number (a leading '+' is accepted).
std::optional<std::int64_t> parse_integer(std::string_view s);
std::optional<double> parse_real(std::string_view s);

// Case-insensitive match with '*' standing for any run of characters (3.5, 4.6 lists).
bool wildcard_match(std::string_view pattern, std::string_view text);

}  // namespace imsgate::ims2
