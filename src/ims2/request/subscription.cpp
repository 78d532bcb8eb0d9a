#include "ims2/request/subscription.hpp"

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::request {
namespace {

std::vector<std::int64_t> ids(const Environment& environment, EnvKeyword keyword) {
  std::vector<std::int64_t> out;
  if (const auto* list = std::get_if<ItemList>(environment.given(keyword)))
    for (const auto& item : list->items)
      if (item.id) out.push_back(*item.id);
  return out;
}

std::vector<std::string> names(const Environment& environment, EnvKeyword keyword) {
  std::vector<std::string> out;
  if (const auto* list = std::get_if<ItemList>(environment.given(keyword)))
    for (const auto& item : list->items) out.push_back(item.text);
  return out;
}

Selector selector_of(const Environment& environment) {
  return {ids(environment, EnvKeyword::subscr_list), ids(environment, EnvKeyword::prodid_list),
          names(environment, EnvKeyword::subscr_name)};
}

std::string bulletin_of(const Environment& environment) {
  const auto* word = std::get_if<Word>(environment.given(EnvKeyword::bull_type));
  return word ? word->text : std::string();
}

// Establishing an NEB/NSEB is told apart from subscribing to one by the other environments given (5.6.7).
bool establishes(const Environment& environment, const RequestSpec& spec) {
  for (EnvKeyword k : spec.in_subscription.applicable().keywords())
    if (k != EnvKeyword::bull_type && k != EnvKeyword::time_stamp && environment.is_given(k)) return true;
  return false;
}

// FREQ and TIME apply to the whole message wherever they are written (5.4.1, 5.4.2).
Delivery delivery_of(const SubscriptionBody& body) {
  Delivery d;
  for (const auto& line : body.lines) {
    if (const auto* freq = std::get_if<FreqLine>(&line)) {
      d.freq = freq->value.value_or(kDefaultFreq);
      d.custom = freq->custom;
      d.freq_given = true;
    } else if (const auto* time = std::get_if<TimeLine>(&line)) {
      d.period = Delivery{}.period;
      if (time->range && time->range->from) d.period.from = time->range->from;
      if (time->range && time->range->to) d.period.to = time->range->to;
      d.time_given = true;
    }
  }
  return d;
}

struct PendingChange {
  std::size_t line;
  Selector selector;
  std::vector<EnvironmentLine> changes;
};

}  // namespace

SubscriptionResolution resolve_subscription(const SubscriptionBody& body) {
  SubscriptionResolution r;
  r.delivery = delivery_of(body);
  Environment environment;
  std::optional<PendingChange> change;

  auto close_open_change = [&](std::string_view before) {
    if (!change) return;
    r.issues.push_back(
        {change->line,
         Severity::error,
         fmt::format("CHANGE is not completed: the changed environments must be followed by the "
                     "product line of the subscription{}",
                     before),
         "5.6.9",
         {}});
    change.reset();
  };

  auto command = [&](const RequestLine& line, std::size_t i) {
    close_open_change(fmt::format(" before {}", to_upper(request_spec(line.keyword).name)));
    check_request_line(line, i, Context::subscription, environment, r.issues);
    const Selector selector = selector_of(environment);
    switch (line.keyword) {
      case RequestKeyword::change:
        change = PendingChange{i, selector, {}};
        break;
      case RequestKeyword::subscribe:
        r.actions.push_back(Subscribe{i, selector.names});
        break;
      case RequestKeyword::unsubscribe:
        r.actions.push_back(Unsubscribe{i, selector});
        break;
      case RequestKeyword::subscr_log:
        r.actions.push_back(SubscriptionLog{i, selector});
        break;
      case RequestKeyword::subscr_prod:
        r.actions.push_back(SubscribedProducts{i, selector});
        break;
      case RequestKeyword::subscr_resend:
        r.actions.push_back(Resend{i, selector, ids(environment, EnvKeyword::delivid_list)});
        break;
      default:
        break;
    }
    for (EnvKeyword k : (kSelectorEnvironments | EnvSet{EnvKeyword::delivid_list}).keywords())
      environment.reset(k);
  };

  auto product = [&](const RequestLine& line, std::size_t i) {
    if (change) {
      r.actions.push_back(
          ChangeSubscription{change->line, std::move(change->selector), std::move(change->changes), i, line});
      change.reset();
      return;
    }
    check_request_line(line, i, Context::subscription, environment, r.issues);
    const RequestSpec& spec = request_spec(line.keyword);
    const std::string bulletin = bulletin_of(environment);
    if (line.keyword == RequestKeyword::bulletin && is_national_bulletin(bulletin))
      r.actions.push_back(NationalBulletin{i, line, environment, bulletin, establishes(environment, spec)});
    else
      r.actions.push_back(NewSubscription{i, line, environment});
  };

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
            if (change) change->changes.push_back(line);
          } else if constexpr (std::is_same_v<T, RequestLine>) {
            if (request_spec(line.keyword).domain == Domain::subscription_command)
              command(line, i);
            else
              product(line, i);
            environment.reset(EnvKeyword::relative_to);  // one line only (4.6.42)
          } else if constexpr (std::is_same_v<T, HelpLine>) {
            r.issues.push_back({i, Severity::error, "HELP is a line of request messages", "4.2", {}});
          }
        },
        body.lines[i]);
  }
  close_open_change("");
  return r;
}

}  // namespace imsgate::ims2::request
