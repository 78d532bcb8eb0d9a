// What the API's handlers share: JSON responses, numbers from query strings, times as text, and the 401.
#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ims2/datetime.hpp"
#include "web/router.hpp"

namespace imsgate::web {

Response json_response(int status, const nlohmann::json& body);

// 401 with WWW-Authenticate: Bearer.
Response unauthorised();

// "2026-11-23T10:00:00.000000Z"
std::string iso_time(ims2::TimePoint time);

template <class Int>
std::optional<Int> to_number(std::string_view text) {
  Int value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A query parameter as a number; the fallback when it is absent or not a number.
template <class Int>
Int query_number(const Request& request, const std::string& key, Int fallback) {
  const auto found = request.query.find(key);
  return found == request.query.end() ? fallback : to_number<Int>(found->second).value_or(fallback);
}

}  // namespace imsgate::web
