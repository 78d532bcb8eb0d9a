// The answers to station data: an IMS2.0 ERROR_LOG for a rejected message, MESACK for a laboratory's message,
// and ACK (a LOG) for a message whose preface asks for one (3.2.5).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "acq/outbox.hpp"
#include "acq/processor.hpp"

namespace imsgate::acq {

struct ReplySettings {
  bool enabled = false;  // replies need an SMTP server: off unless configured
  std::string from = "imsgate@localhost";
  std::string source = "IMSGATE";    // MSG_ID source of our messages
  bool answer_unregistered = false;  // ERROR_LOG to senders the registry does not know (backscatter risk)
};

class ReplyWriter {
 public:
  explicit ReplyWriter(ReplySettings settings) : settings_(std::move(settings)) {}

  // The answer a judged and committed message deserves, if any.
  std::optional<OutgoingMail> reply_for(const Verdict& verdict, ims2::TimePoint now);

  // A new MSG_ID for a message of ours: the time to the second and a sequence number (at most 20 characters).
  std::string next_msg_id(ims2::TimePoint now);

  const ReplySettings& settings() const { return settings_; }

 private:
  ReplySettings settings_;
  std::atomic<std::uint32_t> sequence_{0};
};

}  // namespace imsgate::acq
