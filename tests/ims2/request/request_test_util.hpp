// Helpers of the request and subscription tests: read a body wrapped in a preface, and look for diagnostics.
#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/request/request.hpp"

namespace imsgate::ims2::request::testing {

// The preface takes lines 1-3, so the first body line is line 4.
inline constexpr int kFirstBodyLine = 4;

inline std::string wrap(std::string_view msg_type, std::string_view body) {
  return "begin ims2.0\nmsg_type " + std::string(msg_type) + "\nmsg_id t any_ndc\n" + std::string(body) +
         "stop\n";
}

struct ReadRequest {
  RequestBody body;
  Diagnostics diagnostics;
};

struct ReadSubscription {
  SubscriptionBody body;
  Diagnostics diagnostics;
};

inline ReadRequest read_request(std::string_view body) {
  auto result = read_messages(wrap("request", body));
  ReadRequest out{{}, result.diagnostics};
  if (result.messages.size() == 1)
    if (const auto* m = std::get_if<RequestMessage>(&result.messages[0])) out.body = m->body;
  return out;
}

inline ReadSubscription read_subscription(std::string_view body) {
  auto result = read_messages(wrap("subscription", body));
  ReadSubscription out{{}, result.diagnostics};
  if (result.messages.size() == 1)
    if (const auto* m = std::get_if<SubscriptionMessage>(&result.messages[0])) out.body = m->body;
  return out;
}

inline std::string dump(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += format_diagnostic(x, "in") + "\n";
  return out;
}

inline bool has(const Diagnostics& d, Severity s, int line, int column, std::string_view fragment,
                std::string_view rule) {
  for (const auto& x : d)
    if (x.severity == s && x.line == line && x.column == column &&
        x.message.find(fragment) != std::string::npos && x.rule == rule)
      return true;
  return false;
}

}  // namespace imsgate::ims2::request::testing
