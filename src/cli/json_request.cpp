// JSON views of request and subscription bodies: the lines as written with typed values, and what they
// resolve to.
#include "cli/json_model.hpp"
#include "ims2/request/resolution.hpp"
#include "ims2/request/subscription.hpp"

namespace imsgate::cli {

using nlohmann::json;
namespace rq = ims2::request;

namespace {

json time_bound(const std::optional<ims2::TimeBound>& bound) {
  if (!bound) return nullptr;
  switch (bound->kind) {
    case ims2::TimeBound::Kind::now:
      return "now";
    case ims2::TimeBound::Kind::forever:
      return "forever";
    case ims2::TimeBound::Kind::at:
      break;
  }
  return ims2::write_fixed_date_time(bound->at.time, 3);
}

json time_range(const ims2::TimeRange& range) {
  return {{"from", time_bound(range.from)}, {"to", time_bound(range.to)}};
}

// Typed values: integer ids and counts as integers, other numbers as reals, codes and words as written.
json value_json(const rq::EnvSpec& spec, const rq::EnvironmentValue& value) {
  return std::visit(
      [&](const auto& v) -> json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, rq::ItemList>) {
          json items = json::array();
          for (const auto& item : v.items) items.push_back(item.id ? json(*item.id) : json(item.text));
          return items;
        } else if constexpr (std::is_same_v<T, rq::NumberRange>) {
          return {{"low", v.low ? json(v.low->value) : json(nullptr)},
                  {"high", v.high ? json(v.high->value) : json(nullptr)}};
        } else if constexpr (std::is_same_v<T, rq::Number>) {
          if (spec.type == rq::ValueType::integer) return static_cast<std::int64_t>(v.value);
          return v.value;
        } else if constexpr (std::is_same_v<T, rq::Word>) {
          return v.text;
        } else if constexpr (std::is_same_v<T, ims2::TimeRange>) {
          return time_range(v);
        } else {
          return nullptr;
        }
      },
      value);
}

json environment_line(const rq::EnvironmentLine& l) {
  const auto& spec = rq::env_spec(l.keyword);
  json j = {{"line", l.source.number}, {"kind", "environment"}, {"keyword", spec.name}};
  if (spec.kind == rq::EnvKind::flag)
    j["value"] = true;
  else if (std::holds_alternative<rq::NoArgument>(l.value))
    j["reset"] = true;
  else
    j["value"] = value_json(spec, l.value);
  return j;
}

json request_line(const rq::RequestLine& l) {
  json j = {{"line", l.source.number}, {"kind", "request"}, {"keyword", rq::request_spec(l.keyword).name}};
  if (!l.subtype.empty()) j["subtype"] = l.subtype;
  if (!l.format.empty()) j["format"] = l.format;
  if (!l.subformat.empty()) j["subformat"] = l.subformat;
  return j;
}

// A job's request line with the subtype and sub_format in force: as written, or the line's default (4.7).
json job_request(const rq::RequestLine& l) {
  json j = request_line(l);
  const auto& spec = rq::request_spec(l.keyword);
  if (l.subtype.empty() && !spec.default_subtype.empty()) j["subtype"] = spec.default_subtype;
  if (l.subformat.empty() && !spec.default_subformat.empty()) j["subformat"] = spec.default_subformat;
  return j;
}

json line_json(const rq::BodyLine& line) {
  return std::visit(
      [](const auto& l) -> json {
        using T = std::decay_t<decltype(l)>;
        if constexpr (std::is_same_v<T, rq::EmailLine>) {
          return {{"line", l.source.number}, {"kind", "e-mail"}, {"address", l.address}};
        } else if constexpr (std::is_same_v<T, rq::AckLine>) {
          return {{"line", l.source.number}, {"kind", "ack"}, {"value", l.value}};
        } else if constexpr (std::is_same_v<T, rq::FreqLine>) {
          json j = {{"line", l.source.number}, {"kind", "freq"}};
          j["value"] = l.value ? json(rq::freq_name(*l.value)) : json(nullptr);
          if (!l.custom.empty()) j["custom"] = l.custom;
          return j;
        } else if constexpr (std::is_same_v<T, rq::TimeLine>) {
          return {{"line", l.source.number},
                  {"kind", "time"},
                  {"value", l.range ? time_range(*l.range) : json(nullptr)}};
        } else if constexpr (std::is_same_v<T, rq::EnvironmentLine>) {
          return environment_line(l);
        } else if constexpr (std::is_same_v<T, rq::RequestLine>) {
          return request_line(l);
        } else {
          return {{"line", l.source.number}, {"kind", "help"}};
        }
      },
      line);
}

json lines_json(const std::vector<rq::BodyLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back(line_json(l));
  return out;
}

// The environment a request line sees: every keyword that applies to it or was given, with its value in
// force.
json snapshot(const rq::Environment& environment, const rq::RequestLine& line, rq::Context context) {
  const rq::EnvSet applicable = rq::applicable_environments(line, context, environment);
  json j = json::object();
  for (const auto& env : rq::env_specs()) {
    const bool given = environment.is_given(env.keyword);
    if (!given && !applicable.contains(env.keyword)) continue;
    json value =
        env.kind == rq::EnvKind::flag ? json(given) : value_json(env, environment.value(env.keyword));
    j[std::string(env.name)] = {{"value", value}, {"given", given}};
  }
  return j;
}

json issues_json(const std::vector<rq::Issue>& issues, const std::vector<rq::BodyLine>& lines) {
  json out = json::array();
  for (const auto& issue : issues) {
    const int number = std::visit([](const auto& l) { return l.source.number; }, lines[issue.line]);
    out.push_back({{"line", number},
                   {"severity", ims2::severity_name(issue.severity)},
                   {"message", issue.message},
                   {"rule", issue.rule}});
  }
  return out;
}

json selector_json(const rq::Selector& s) {
  json j = json::object();
  if (!s.subscription_ids.empty()) j["subscr_list"] = s.subscription_ids;
  if (!s.product_ids.empty()) j["prodid_list"] = s.product_ids;
  if (!s.names.empty()) j["subscr_name"] = s.names;
  return j;
}

json action_json(const rq::SubscriptionAction& action) {
  return std::visit(
      [](const auto& a) -> json {
        using T = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<T, rq::NewSubscription>) {
          return {{"action", "new_subscription"},
                  {"line", a.request.source.number},
                  {"request", job_request(a.request)},
                  {"environment", snapshot(a.environment, a.request, rq::Context::subscription)}};
        } else if constexpr (std::is_same_v<T, rq::NationalBulletin>) {
          return {{"action", a.establish ? "establish_national_bulletin" : "subscribe_national_bulletin"},
                  {"line", a.request.source.number},
                  {"name", a.name},
                  {"request", job_request(a.request)},
                  {"environment", snapshot(a.environment, a.request, rq::Context::subscription)}};
        } else if constexpr (std::is_same_v<T, rq::ChangeSubscription>) {
          json changes = json::array();
          for (const auto& c : a.changes) changes.push_back(environment_line(c));
          return {{"action", "change"},
                  {"selector", selector_json(a.selector)},
                  {"changes", changes},
                  {"request", job_request(a.request)}};
        } else if constexpr (std::is_same_v<T, rq::Subscribe>) {
          return {{"action", "subscribe"}, {"names", a.names}};
        } else if constexpr (std::is_same_v<T, rq::Unsubscribe>) {
          return {{"action", "unsubscribe"}, {"selector", selector_json(a.selector)}};
        } else if constexpr (std::is_same_v<T, rq::SubscriptionLog>) {
          return {{"action", "subscr_log"}, {"selector", selector_json(a.selector)}};
        } else if constexpr (std::is_same_v<T, rq::SubscribedProducts>) {
          return {{"action", "subscr_prod"}, {"selector", selector_json(a.selector)}};
        } else {
          return {{"action", "subscr_resend"},
                  {"selector", selector_json(a.selector)},
                  {"delivid_list", a.delivery_ids}};
        }
      },
      action);
}

}  // namespace

json to_json(const rq::RequestBody& body) {
  const auto resolution = rq::resolve_request(body);
  json jobs = json::array();
  for (const auto& job : resolution.jobs)
    jobs.push_back({{"request", job_request(job.request)},
                    {"environment", snapshot(job.environment, job.request, rq::Context::request)}});
  json j = {{"lines", lines_json(body.lines)}, {"jobs", jobs}, {"ack", resolution.ack}};
  if (resolution.reply_to) j["e-mail"] = *resolution.reply_to;
  if (!resolution.issues.empty()) j["issues"] = issues_json(resolution.issues, body.lines);
  return j;
}

json to_json(const rq::SubscriptionBody& body) {
  const auto resolution = rq::resolve_subscription(body);
  json actions = json::array();
  for (const auto& a : resolution.actions) actions.push_back(action_json(a));
  const auto& d = resolution.delivery;
  json delivery = {{"freq", rq::freq_name(d.freq)}, {"period", time_range(d.period)}};
  if (!d.custom.empty()) delivery["custom"] = d.custom;
  json j = {{"lines", lines_json(body.lines)},
            {"delivery", delivery},
            {"actions", actions},
            {"ack", resolution.ack}};
  if (resolution.reply_to) j["e-mail"] = *resolution.reply_to;
  if (!resolution.issues.empty()) j["issues"] = issues_json(resolution.issues, body.lines);
  return j;
}

}  // namespace imsgate::cli
