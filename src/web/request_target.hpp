// The request target of an HTTP request (origin form, "/path?query") split into its decoded path and query.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace imsgate::web {

struct RequestTarget {
  std::string path;                          // percent-decoded
  std::map<std::string, std::string> query;  // percent-decoded, '+' as space; the first of a repeated key
};

// Refuses what is not origin form, and a decoded path with a NUL or a "." or ".." segment, so that no handler
// has to guard against path tricks.
tl::expected<RequestTarget, std::string> parse_request_target(std::string_view target);

}  // namespace imsgate::web
