#include "ims2/request/request.hpp"

namespace imsgate::ims2::request {

RequestBody read_request_body(std::span<const Line> lines, const ReadOptions&, Diagnostics&) {
  RequestBody body;
  for (const auto& l : lines) body.lines.emplace_back(l.text);
  return body;
}
SubscriptionBody read_subscription_body(std::span<const Line> lines, const ReadOptions&, Diagnostics&) {
  SubscriptionBody body;
  for (const auto& l : lines) body.lines.emplace_back(l.text);
  return body;
}
void write_request_body(const RequestBody& body, KeywordCase, std::string& out) {
  for (const auto& l : body.lines) out += l + '\n';
}
void write_subscription_body(const SubscriptionBody& body, KeywordCase, std::string& out) {
  for (const auto& l : body.lines) out += l + '\n';
}

}  // namespace imsgate::ims2::request
