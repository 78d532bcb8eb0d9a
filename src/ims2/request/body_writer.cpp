// Writes request and subscription bodies in canonical form: one line per body line, keyword, one blank,
// arguments.
#include "ims2/request/request.hpp"

namespace imsgate::ims2::request {
namespace {

void write_body(const std::vector<BodyLine>& lines, KeywordCase style, std::string& out) {
  for (const auto& line : lines) {
    out += write_line(line, style);
    out += '\n';
  }
}

}  // namespace

std::string write_line(const BodyLine& line, KeywordCase style) {
  std::string out;
  auto keyword = [&](std::string_view word) { append_keyword(out, word, style); };
  std::visit(
      [&](const auto& l) {
        using T = std::decay_t<decltype(l)>;
        if constexpr (std::is_same_v<T, EmailLine>) {
          keyword(kEmailKeyword);
          out += ' ' + l.address;
        } else if constexpr (std::is_same_v<T, AckLine>) {
          keyword(kAckKeyword);
          out += ' ';
          keyword(l.value ? "true" : "false");
        } else if constexpr (std::is_same_v<T, FreqLine>) {
          keyword(kFreqKeyword);
          if (l.value) {
            out += ' ';
            keyword(freq_name(*l.value));
          }
          if (!l.custom.empty()) out += ' ' + l.custom;
        } else if constexpr (std::is_same_v<T, TimeLine>) {
          keyword(kTimeKeyword);
          if (l.range) out += ' ' + write_environment_value(*l.range, style);
        } else if constexpr (std::is_same_v<T, EnvironmentLine>) {
          const EnvSpec& spec = env_spec(l.keyword);
          keyword(spec.name);
          const std::string value = write_environment_value(l.value, style);
          if (!value.empty()) out += ' ' + value;
        } else if constexpr (std::is_same_v<T, RequestLine>) {
          keyword(request_spec(l.keyword).name);
          if (!l.subtype.empty()) out += ':' + l.subtype;
          if (!l.format.empty()) out += ' ' + l.format;
          if (!l.subformat.empty()) out += ':' + l.subformat;
        } else if constexpr (std::is_same_v<T, HelpLine>) {
          keyword(kHelpKeyword);
        }
      },
      line);
  return out;
}

void write_request_body(const RequestBody& body, KeywordCase style, std::string& out) {
  write_body(body.lines, style, out);
}

void write_subscription_body(const SubscriptionBody& body, KeywordCase style, std::string& out) {
  write_body(body.lines, style, out);
}

}  // namespace imsgate::ims2::request
