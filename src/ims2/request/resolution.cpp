#include "ims2/request/resolution.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::request {
namespace {

std::string upper_name(EnvKeyword k) {
  return to_upper(env_spec(k).name);
}

// "A", "A or B", "A, B or C"
std::string alternatives(const std::vector<EnvKeyword>& keywords, std::string_view last_joiner) {
  std::string out;
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    if (i > 0) out += i + 1 == keywords.size() ? fmt::format(" {} ", last_joiner) : ", ";
    out += upper_name(keywords[i]);
  }
  return out;
}

void add(std::vector<Issue>& issues, std::size_t line, Severity severity, std::string message,
         std::string_view rule, EnvSet missing = {}) {
  issues.push_back({line, severity, std::move(message), std::string(rule), missing});
}

// The IDC reads CHAN_STATUS and STA_STATUS times in whole days (Appendix IV).
bool finer_than_days(const EnvironmentValue& time) {
  const auto* range = std::get_if<TimeRange>(&time);
  if (!range) return false;
  for (const auto& bound : {range->from, range->to})
    if (bound && bound->kind == TimeBound::Kind::at && bound->at.precision > TimePrecision::day) return true;
  return false;
}

}  // namespace

EnvSet applicable_environments(const RequestLine& line, Context context, const Environment& environment) {
  const RequestSpec& spec = request_spec(line.keyword);
  const EnvSet all = (context == Context::request ? spec.in_request : spec.in_subscription).applicable();
  EnvSet out;
  const auto* bulletin = std::get_if<Word>(environment.given(EnvKeyword::bull_type));
  const bool screened = bulletin && (context == Context::request ? iequals(bulletin->text, "idc_neb") ||
                                                                       iequals(bulletin->text, "idc_nseb")
                                                                 : is_national_bulletin(bulletin->text));
  const bool relative = environment.is_given(EnvKeyword::relative_to);
  for (EnvKeyword k : all.keywords()) {
    if (kScreeningEnvironments.contains(k) && !screened) continue;
    const bool bulletin_constraint = k == EnvKeyword::bull_type || kEventConstraints.contains(k);
    if (canonical(line.keyword) == RequestKeyword::waveform && !relative && bulletin_constraint) continue;
    out = out | EnvSet{k};
  }
  return out;
}

void check_request_line(const RequestLine& line, std::size_t index, Context context,
                        const Environment& environment, std::vector<Issue>& issues) {
  const RequestSpec& spec = request_spec(line.keyword);
  const std::string name = to_upper(spec.name);
  const bool request = context == Context::request;
  const EnvRequirements& needs = request ? spec.in_request : spec.in_subscription;
  const std::string_view rule = request ? std::string_view("4.7") : spec.subscription_section;

  for (EnvKeyword k : needs.required.keywords()) {
    if (environment.is_given(k)) continue;
    add(issues, index, Severity::error,
        fmt::format("{} needs {}: give a '{}' line before the request line", name, upper_name(k),
                    env_spec(k).name),
        rule, {k});
  }
  const auto one_of = needs.one_of.keywords();
  if (!one_of.empty() &&
      std::none_of(one_of.begin(), one_of.end(), [&](EnvKeyword k) { return environment.is_given(k); }))
    add(issues, index, Severity::error,
        fmt::format("{} needs one of {} before it", name, alternatives(one_of, "or")), rule, needs.one_of);
  if (spec.domain == Domain::subscription_command) {
    // A command names its subscriptions one way only (5.6, Table 9 "*").
    std::vector<EnvKeyword> given;
    for (EnvKeyword k : kSelectorEnvironments.keywords())
      if (environment.is_given(k)) given.push_back(k);
    if (given.size() > 1)
      add(issues, index, Severity::error,
          fmt::format("{} takes one of SUBSCR_LIST, PRODID_LIST or SUBSCR_NAME; found {}", name,
                      alternatives(given, "and")),
          rule);
  }

  if (environment.is_given(EnvKeyword::relative_to)) {
    if (canonical(line.keyword) != RequestKeyword::waveform)
      add(issues, index, Severity::warning,
          fmt::format("RELATIVE_TO applies to WAVEFORM only and is used up by this {} line without effect",
                      name),
          "4.6.42");
    else if (!environment.is_given(EnvKeyword::bull_type))
      add(issues, index, Severity::error,
          "WAVEFORM with RELATIVE_TO needs BULL_TYPE: the bulletin that selects the events", "4.6.42",
          {EnvKeyword::bull_type});
  }

  if (!request) return;
  for (EnvKeyword k : spec.idc_unsupported_environments.keywords())
    if (environment.is_given(k))
      add(issues, index, Severity::warning,
          fmt::format("{} with {} is not supported at the IDC", name, upper_name(k)), kUnsupportedRule);
  if (spec.idc_days_only && finer_than_days(environment.value(EnvKeyword::time)))
    add(issues, index, Severity::warning,
        fmt::format("the IDC reads the TIME of {} in whole days: the hours, minutes and seconds are not used",
                    name),
        kUnsupportedRule);
}

RequestResolution resolve_request(const RequestBody& body) {
  RequestResolution r;
  Environment environment;
  for (std::size_t i = 0; i < body.lines.size(); ++i) {
    std::visit(
        [&](const auto& line) {
          using T = std::decay_t<decltype(line)>;
          if constexpr (std::is_same_v<T, EmailLine>) {
            r.reply_to = line.address;
          } else if constexpr (std::is_same_v<T, AckLine>) {
            r.ack = line.value;
          } else if constexpr (std::is_same_v<T, EnvironmentLine>) {
            environment.apply(line);
          } else if constexpr (std::is_same_v<T, RequestLine> || std::is_same_v<T, HelpLine>) {
            RequestLine request;
            if constexpr (std::is_same_v<T, RequestLine>)
              request = line;
            else
              request.source = line.source;
            check_request_line(request, i, Context::request, environment, r.issues);
            r.jobs.push_back({i, std::move(request), environment});
            environment.reset(EnvKeyword::relative_to);  // one line only (4.6.42)
          } else {
            add(r.issues, i, Severity::error, "FREQ and TIME control lines belong to subscription messages",
                "5.4");
          }
        },
        body.lines[i]);
  }
  return r;
}

}  // namespace imsgate::ims2::request
