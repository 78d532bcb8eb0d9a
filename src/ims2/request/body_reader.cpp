// Reads request and subscription bodies line by line into their model, reporting each problem at its token.
#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/request/request.hpp"
#include "ims2/request/resolution.hpp"
#include "ims2/request/subscription.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::request {
namespace {

Position shifted(Position at, std::size_t by) {
  return {at.line, at.column + static_cast<int>(by)};
}

std::string options_text(std::span<const Option> options) {
  std::string out;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (i > 0) out += i + 1 == options.size() ? " or " : ", ";
    out += options[i].name;
  }
  return out;
}

const Option* find_option(std::span<const Option> options, std::string_view name) {
  for (const auto& o : options)
    if (iequals(o.name, name)) return &o;
  return nullptr;
}

class BodyReader {
 public:
  BodyReader(Context context, const ReadOptions& options, Diagnostics& diagnostics)
      : context_(context), options_(options), d_(diagnostics) {}

  std::vector<BodyLine> read(std::span<const Line> lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      LogicalLine logical(lines[i]);
      while (options_.allow_continuation && logical.ends_with_backslash() && i + 1 < lines.size())
        logical.continue_with(lines[++i]);
      read_line(logical);
    }
    return std::move(lines_);
  }

  // Reports the resolver's problems at the keyword of their line, except a missing environment whose own line
  // was wrong and is already reported.
  void report(const std::vector<Issue>& issues) {
    for (const auto& issue : issues) {
      bool already_reported = false;
      for (EnvKeyword k : issue.missing.keywords())
        already_reported = already_reported || failed_.contains(k);
      if (already_reported) continue;
      const Position at = positions_[issue.line];
      d_.add({issue.severity, at.line, at.column, issue.message, issue.rule});
    }
  }

 private:
  bool request() const { return context_ == Context::request; }

  template <class T>
  void push(const Token& keyword, T line) {
    line.source.number = keyword.at.line;
    lines_.emplace_back(std::move(line));
    positions_.push_back(keyword.at);
  }

  void read_line(const LogicalLine& logical) {
    const auto tokens = logical.tokens();
    if (tokens.empty()) return;  // blank lines are allowed (3.5.5)
    const Token& first = tokens[0];
    const std::size_t colon = first.text.find(':');
    const std::string_view name = first.text.substr(0, colon);
    const std::span<const Token> args = std::span(tokens).subspan(1);

    if (colon != std::string_view::npos && (find_env(name) || is_control(name))) {
      d_.error(shifted(first.at, colon),
               fmt::format("unexpected ':' after {}: only request lines take a ':subtype'", to_upper(name)),
               "4.7");
      return;
    }
    if (iequals(name, kEmailKeyword)) return read_email(first, args);
    if (iequals(name, kAckKeyword)) return read_ack(first, args);
    if (iequals(name, kFreqKeyword)) return read_freq(first, args);
    if (iequals(name, kTimeKeyword) && !request()) return read_time(first, args);
    if (iequals(name, kHelpKeyword)) return read_help(first, args);
    if (const EnvSpec* env = find_env(name)) return read_environment(*env, first, args);
    if (const RequestSpec* spec = find_request(name)) return read_request(*spec, first, colon, args);
    d_.error(
        first.at,
        fmt::format("unknown keyword '{}': expected a control line (E-MAIL{}), an environment line ({}) or a "
                    "request line ({})",
                    name, request() ? ", ACK" : ", ACK, FREQ, TIME", request() ? "4.6" : "5.5",
                    request() ? "4.7" : "5.6"),
        request() ? "4.7" : "5.6");
  }

  static bool is_control(std::string_view name) {
    return iequals(name, kEmailKeyword) || iequals(name, kAckKeyword) || iequals(name, kFreqKeyword) ||
           iequals(name, kHelpKeyword);
  }

  // A control line that a message may hold once: false, with an error, when it was seen before.
  bool first_time(const Token& keyword, bool& seen, std::string_view why, std::string_view rule) {
    if (seen) {
      d_.error(keyword.at, fmt::format("{} given twice: {}", to_upper(keyword.text), why), std::string(rule));
      return false;
    }
    seen = true;
    return true;
  }

  bool no_extra(std::span<const Token> args, std::size_t expected, std::string_view what,
                std::string_view rule) {
    if (args.size() <= expected) return true;
    d_.error(args[expected].at, fmt::format("unexpected '{}': {}", args[expected].text, what),
             std::string(rule));
    return false;
  }

  void read_email(const Token& keyword, std::span<const Token> args) {
    if (args.empty()) {
      d_.error(keyword.at, "E-MAIL needs the address to send the response to, e.g. 'e-mail name@my.computer'",
               "4.5");
      return;
    }
    if (!no_extra(args, 1, "E-MAIL takes one address", "4.5")) return;
    if (!first_time(keyword, seen_email_, "a message has one response address", request() ? "4.4" : "5.4"))
      return;
    if (args[0].text.find('@') == std::string_view::npos)
      d_.warning(args[0].at,
                 fmt::format("'{}' does not look like an e-mail address (name@host)", args[0].text), "4.5");
    push(keyword, EmailLine{std::string(args[0].text), {}});
  }

  void read_ack(const Token& keyword, std::span<const Token> args) {
    if (args.empty() || !(iequals(args[0].text, "true") || iequals(args[0].text, "false"))) {
      d_.error(args.empty() ? keyword.at : args[0].at, "ACK takes TRUE or FALSE", "3.2.5");
      return;
    }
    if (!no_extra(args, 1, "ACK takes TRUE or FALSE", "3.2.5")) return;
    if (!first_time(keyword, seen_ack_, "a message asks for acknowledgement once", "3.2.5")) return;
    push(keyword, AckLine{iequals(args[0].text, "true"), {}});
  }

  void read_freq(const Token& keyword, std::span<const Token> args) {
    if (request()) {
      d_.error(keyword.at,
               "FREQ is a control line of subscription messages: a request message is answered once",
               "5.4.1");
      return;
    }
    if (seen_freq_) {
      d_.error(keyword.at,
               "FREQ given twice: it may appear only once and applies to every subscription of the message",
               "5.4.1");
      return;
    }
    FreqLine line;
    if (!args.empty()) {
      line.value = parse_freq(args[0].text);
      if (!line.value) {
        d_.error(
            args[0].at,
            fmt::format("unknown frequency '{}': FREQ expects continuous, immediate or daily", args[0].text),
            "5.4.1");
        return;
      }
      if (*line.value == Freq::custom) {
        if (args.size() < 2) {
          d_.error(args[0].at, "FREQ CUSTOM needs the name of the delivery schedule after it", "5.4.1");
          return;
        }
        if (!no_extra(args, 2, "FREQ CUSTOM takes one schedule name", "5.4.1")) return;
        line.custom = std::string(args[1].text);
        d_.warning(args[0].at, "FREQ CUSTOM is not supported at the IDC", std::string(kUnsupportedRule));
      } else if (!no_extra(args, 1, "FREQ takes one of continuous, immediate or daily", "5.4.1")) {
        return;
      }
    }
    seen_freq_ = true;
    push(keyword, std::move(line));
  }

  void read_time(const Token& keyword, std::span<const Token> args) {
    TimeLine line;
    if (!args.empty()) {
      line.range = parse_time_range(args, keyword.at, {.allow_now_forever = true}, d_);
      if (!line.range) return;
    }
    if (seen_time_)
      d_.warning(keyword.at, "TIME given twice: the last one applies to every subscription of the message",
                 "5.4.2");
    seen_time_ = true;
    push(keyword, std::move(line));
  }

  void read_help(const Token& keyword, std::span<const Token> args) {
    if (!request()) {
      d_.error(keyword.at, "HELP is a request line of request messages, not of subscriptions", "4.2");
      return;
    }
    if (!no_extra(args, 0, "HELP takes no argument", "4.2")) return;
    push(keyword, HelpLine{});
  }

  void read_environment(const EnvSpec& spec, const Token& keyword, std::span<const Token> args) {
    const std::string name = to_upper(spec.name);
    if (spec.use == EnvUse::request_only && !request()) {
      d_.error(keyword.at, fmt::format("{} is not used in subscription messages", name), "5.5");
      failed_ = failed_ | EnvSet{spec.keyword};
      return;
    }
    if (spec.use == EnvUse::subscription_only && request()) {
      d_.error(keyword.at, fmt::format("{} is used only in subscription messages", name),
               std::string(spec.section));
      failed_ = failed_ | EnvSet{spec.keyword};
      return;
    }
    auto value = parse_environment_value(spec, args, keyword.at, context_, d_);
    if (!value) {
      failed_ = failed_ | EnvSet{spec.keyword} | spec.alias_of;
      return;
    }
    if (spec.legacy) {
      const auto targets = spec.alias_of.keywords();
      if (targets.empty())
        d_.warning(
            keyword.at,
            fmt::format(
                "'{}' is a legacy keyword with no counterpart in this revision: recognised and ignored",
                keyword.text),
            "4.6");
      else
        d_.warning(keyword.at,
                   fmt::format("'{}' is a legacy name: read as {} and {}", keyword.text,
                               to_upper(env_spec(targets[0]).name), to_upper(env_spec(targets[1]).name)),
                   std::string(spec.section));
    }
    if (spec.keyword == EnvKeyword::relative_to)
      d_.warning(keyword.at, "RELATIVE_TO is not supported by the IDC's VDMS", "4.6.42");
    else if (spec.idc == IdcSupport::nowhere)
      d_.warning(keyword.at, fmt::format("{} is not supported at the IDC", name),
                 std::string(kUnsupportedRule));
    else if (spec.idc == IdcSupport::requests_only && !request())
      d_.warning(keyword.at, fmt::format("{} is not supported in subscriptions at the IDC", name),
                 std::string(kUnsupportedRule));
    push(keyword, EnvironmentLine{spec.keyword, std::move(*value), {}});
  }

  // The ':'-glued part after a keyword or format: `kind` is "subtype" or "sub_format".
  bool read_option(const RequestSpec& spec, std::span<const Option> options, std::string_view value,
                   Position colon, std::string_view kind, std::string_view rule) {
    const std::string name = to_upper(spec.name);
    if (options.empty()) {
      d_.error(colon, fmt::format("{} has no {}: expected '{}' without ':'", name, kind, name),
               std::string(rule));
      return false;
    }
    if (value.empty()) {
      d_.error(colon, fmt::format("expected a {} after ':': {}", kind, options_text(options)),
               std::string(rule));
      return false;
    }
    const Option* option = find_option(options, value);
    const Position at = shifted(colon, 1);
    if (!option) {
      d_.error(at,
               fmt::format("unknown {} '{}' of {}: expected {}", kind, value, name, options_text(options)),
               std::string(rule));
      return false;
    }
    if (!option->idc_supported)
      d_.warning(at, fmt::format("{} {} '{}' is not supported at the IDC", name, kind, value),
                 std::string(kUnsupportedRule));
    return true;
  }

  void read_request(const RequestSpec& spec, const Token& keyword, std::size_t colon,
                    std::span<const Token> args) {
    const std::string name = to_upper(spec.name);
    if (request() && spec.request_section.empty()) {
      d_.error(keyword.at, fmt::format("{} is a command of subscription messages, not of requests", name),
               "5.6");
      return;
    }
    if (!request() && spec.subscription_section.empty()) {
      d_.error(keyword.at, fmt::format("{} is not available in subscription messages", name), "5.6");
      return;
    }
    const std::string rule(request() ? spec.request_section : spec.subscription_section);
    RequestLine line;
    line.keyword = spec.keyword;
    if (colon != std::string_view::npos) {
      line.subtype = std::string(keyword.text.substr(colon + 1));
      if (!read_option(spec, spec.subtypes, line.subtype, shifted(keyword.at, colon), "subtype", rule))
        return;
    }
    if (!args.empty()) {
      if (!spec.takes_format()) {
        d_.error(args[0].at, fmt::format("unexpected '{}': {} takes no argument", args[0].text, name), rule);
        return;
      }
      if (!no_extra(args, 1, "a request line is 'keyword[:subtype] [format[:sub_format]]'", "4.7")) return;
      const std::string_view format = args[0].text;
      const std::size_t sub = format.find(':');
      line.format = std::string(format.substr(0, sub));
      if (!iequals(line.format, kFormatIms20)) {
        d_.error(args[0].at, fmt::format("unknown format '{}' of {}: expected ims2.0", line.format, name),
                 "4.7");
        return;
      }
      if (sub != std::string_view::npos) {
        line.subformat = std::string(format.substr(sub + 1));
        if (!read_option(spec, spec.subformats, line.subformat, shifted(args[0].at, sub), "sub_format", rule))
          return;
      }
    }
    if (spec.idc == IdcSupport::nowhere)
      d_.warning(keyword.at, fmt::format("{} is not supported at the IDC", name),
                 std::string(kUnsupportedRule));
    else if (spec.idc == IdcSupport::requests_only && !request())
      d_.warning(keyword.at, fmt::format("{} subscriptions are not supported at the IDC", name),
                 std::string(kUnsupportedRule));
    push(keyword, std::move(line));
  }

  Context context_;
  const ReadOptions& options_;
  Diagnostics& d_;
  std::vector<BodyLine> lines_;
  std::vector<Position> positions_;  // of each line's keyword
  EnvSet failed_;                    // keywords of environment lines that could not be read
  bool seen_email_ = false, seen_ack_ = false, seen_freq_ = false, seen_time_ = false;
};

}  // namespace

RequestBody read_request_body(std::span<const Line> lines, const ReadOptions& options,
                              Diagnostics& diagnostics) {
  BodyReader reader(Context::request, options, diagnostics);
  RequestBody body{reader.read(lines)};
  reader.report(resolve_request(body).issues);
  return body;
}

SubscriptionBody read_subscription_body(std::span<const Line> lines, const ReadOptions& options,
                                        Diagnostics& diagnostics) {
  BodyReader reader(Context::subscription, options, diagnostics);
  SubscriptionBody body{reader.read(lines)};
  reader.report(resolve_subscription(body).issues);
  return body;
}

}  // namespace imsgate::ims2::request
