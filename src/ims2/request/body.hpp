// The body of request and subscription messages (4.3, 5.3): its lines in the order written, each typed.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/envelope.hpp"
#include "ims2/request/environment.hpp"
#include "ims2/request/keywords.hpp"

namespace imsgate::ims2::request {

// "e-mail address" (4.5): where the response goes.
struct EmailLine {
  std::string address;  // as written
  SourceLine source;
  bool operator==(const EmailLine&) const = default;
};

// "ack true|false" in the body (3.2.5, digest 7 #3).
struct AckLine {
  bool value = true;
  SourceLine source;
  bool operator==(const AckLine&) const = default;
};

// "freq [continuous|immediate|daily]" (5.4.1); no value resets to daily. CUSTOM carries its schedule name.
struct FreqLine {
  std::optional<Freq> value;
  std::string custom;
  SourceLine source;
  bool operator==(const FreqLine&) const = default;
};

// The TIME control line of subscriptions (5.4.2): the active period; no range resets to "now to forever".
struct TimeLine {
  std::optional<TimeRange> range;
  SourceLine source;
  bool operator==(const TimeLine&) const = default;
};

// "keyword[:subtype] [format[:sub_format]]" (4.7); subtype, format and sub_format as written, empty when
// absent.
struct RequestLine {
  RequestKeyword keyword = RequestKeyword::help;
  std::string subtype;
  std::string format;
  std::string subformat;
  SourceLine source;
  bool operator==(const RequestLine&) const = default;
};

// "help" inside a request message (4.2, digest 7 #33).
struct HelpLine {
  SourceLine source;
  bool operator==(const HelpLine&) const = default;
};

using BodyLine = std::variant<EmailLine, AckLine, FreqLine, TimeLine, EnvironmentLine, RequestLine, HelpLine>;

struct RequestBody {
  std::vector<BodyLine> lines;
  bool operator==(const RequestBody&) const = default;
};

struct SubscriptionBody {
  std::vector<BodyLine> lines;
  bool operator==(const SubscriptionBody&) const = default;
};

}  // namespace imsgate::ims2::request
