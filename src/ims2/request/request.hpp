// Request and subscription messages (chapters 4 and 5): the body model, its reader and its writer.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ims2/envelope.hpp"

namespace imsgate::ims2::request {

struct RequestBody {
  std::vector<std::string> lines;
  bool operator==(const RequestBody&) const = default;
};

struct SubscriptionBody {
  std::vector<std::string> lines;
  bool operator==(const SubscriptionBody&) const = default;
};

RequestBody read_request_body(std::span<const Line> lines, const ReadOptions& options, Diagnostics& diagnostics);
SubscriptionBody read_subscription_body(std::span<const Line> lines, const ReadOptions& options,
                                        Diagnostics& diagnostics);
void write_request_body(const RequestBody& body, KeywordCase style, std::string& out);
void write_subscription_body(const SubscriptionBody& body, KeywordCase style, std::string& out);

}  // namespace imsgate::ims2::request
