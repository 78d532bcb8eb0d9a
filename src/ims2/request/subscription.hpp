// What a subscription body asks for (5.3-5.6): new subscriptions, national bulletins and commands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/request/body.hpp"
#include "ims2/request/environment_state.hpp"
#include "ims2/request/resolution.hpp"

namespace imsgate::ims2::request {

// Which existing subscriptions a command acts on (SUBSCR_LIST, PRODID_LIST, SUBSCR_NAME; 5.5.2-5.5.4).
// Empty: all of the user's subscriptions (SUBSCR_LOG, SUBSCR_PROD).
struct Selector {
  std::vector<std::int64_t> subscription_ids;
  std::vector<std::int64_t> product_ids;
  std::vector<std::string> names;
  bool empty() const { return subscription_ids.empty() && product_ids.empty() && names.empty(); }
  bool operator==(const Selector&) const = default;
};

// The message-level controls FREQ and TIME (5.4), copied into every subscription the message creates.
struct Delivery {
  Freq freq = kDefaultFreq;
  std::string custom;  // the schedule of FREQ CUSTOM
  TimeRange period{TimeBound{TimeBound::Kind::now, {}}, TimeBound{TimeBound::Kind::forever, {}}};
  bool freq_given = false;  // a FREQ line was written (a CHANGE then changes the frequency too)
  bool time_given = false;
  bool operator==(const Delivery&) const = default;
};

// A product line outside CHANGE: one new subscription (5.3).
struct NewSubscription {
  std::size_t line = 0;  // index of the product line in the body
  RequestLine request;
  Environment environment;
  bool operator==(const NewSubscription&) const = default;
};

// BULLETIN with BULL_TYPE NEB_<id> or NSEB_<id> (5.6.7). With other environments given (the screening ones,
// or the event constraints) it establishes the national bulletin; with BULL_TYPE alone it subscribes to it,
// or establishes it with the default screening when it does not exist yet (digest 4.6: the store decides).
struct NationalBulletin {
  std::size_t line = 0;
  RequestLine request;
  Environment environment;
  std::string name;  // as written, e.g. NEB_FR
  bool establish = false;
  bool operator==(const NationalBulletin&) const = default;
};

// CHANGE (5.6.9): the selector before it, the environment lines after it, and the product line that completes
// it. The new definition is the old one overlaid with `changes` (and with FREQ/TIME when the message gives
// them).
struct ChangeSubscription {
  std::size_t line = 0;  // the CHANGE line
  Selector selector;
  std::vector<EnvironmentLine> changes;
  std::size_t request_index = 0;  // the completing product line
  RequestLine request;
  bool operator==(const ChangeSubscription&) const = default;
};

struct Subscribe {  // SUBSCRIBE to standard IDC products by name (5.6.26)
  std::size_t line = 0;
  std::vector<std::string> names;
  bool operator==(const Subscribe&) const = default;
};

struct Unsubscribe {  // 5.6.30
  std::size_t line = 0;
  Selector selector;
  bool operator==(const Unsubscribe&) const = default;
};

struct SubscriptionLog {  // SUBSCR_LOG: the change history (5.6.27)
  std::size_t line = 0;
  Selector selector;
  bool operator==(const SubscriptionLog&) const = default;
};

struct SubscribedProducts {  // SUBSCR_PROD: the current subscriptions (5.6.28)
  std::size_t line = 0;
  Selector selector;
  bool operator==(const SubscribedProducts&) const = default;
};

struct Resend {  // SUBSCR_RESEND (5.6.29)
  std::size_t line = 0;
  Selector selector;
  std::vector<std::int64_t> delivery_ids;
  bool operator==(const Resend&) const = default;
};

using SubscriptionAction = std::variant<NewSubscription, NationalBulletin, ChangeSubscription, Subscribe,
                                        Unsubscribe, SubscriptionLog, SubscribedProducts, Resend>;

struct SubscriptionResolution {
  Delivery delivery;
  std::optional<std::string> reply_to;
  bool ack = true;
  std::vector<SubscriptionAction> actions;  // in the order of their lines
  std::vector<Issue> issues;
};

// Environments persist as in requests; SUBSCR_LIST, PRODID_LIST, SUBSCR_NAME and DELIVID_LIST are used up by
// the command that reads them (digest 4.3), RELATIVE_TO by the next request line.
SubscriptionResolution resolve_subscription(const SubscriptionBody& body);

}  // namespace imsgate::ims2::request
