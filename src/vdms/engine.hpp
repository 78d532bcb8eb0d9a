// The request engine: reads a request message, checks who asks, executes every request line against the
// store and writes the response (10.6). Thread-safe: each answer uses its own section source, over a cache
// of message texts that the answers share.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/datetime.hpp"
#include "store/store.hpp"
#include "vdms/body_cache.hpp"
#include "vdms/response.hpp"

namespace imsgate::vdms {

struct EngineSettings {
  std::string source = "IMSGATE";       // the MSG_ID source of responses
  std::string contact;                  // the local contact's e-mail address, for HELP (10.7)
  std::size_t email_limit = 1'000'000;  // bytes of one e-mailed response message (10.6.1); 0: no limit
  std::size_t rest_limit = 0;           // bytes of one response message over REST; 0: no limit
  std::size_t body_cache = 64 << 20;    // bytes of message texts kept across requests (BodyCache)
};

// Who asks: a registered user, or only an address.
struct Requester {
  std::optional<store::UserRow> user;
  std::string address;
};

enum class Channel { email, rest };

struct Answer {
  std::vector<std::string> messages;  // the response: one data message, or its parts; or the HELP text
  bool help = false;                  // the messages are the HELP text (plain text, not IMS2.0)
  std::string reply_to;               // the E-MAIL line's address; empty when none was given
  std::string msg_id;                 // the request's MSG_ID id string
  std::string products;               // the request lines' keywords, comma-separated, in order
  int sections = 0;                   // data sections produced
  int errors = 0;                     // ERROR_LOG lines
  std::size_t bytes = 0;              // of all messages
  int parts = 0;                      // response messages (1 for HELP)
  std::string outcome;                // one line for the request log
};

class Engine {
 public:
  Engine(const store::Store& store, EngineSettings settings, std::function<std::string()> next_msg_id);

  // Answers one request text (a request message, or the one word HELP). Never fails: what cannot be done is
  // said in the response's ERROR_LOG.
  Answer answer(std::string_view text, const Requester& requester, Channel channel,
                ims2::TimePoint now) const;
  // The same, the response written into `sink` as it is made rather than kept in `messages` (left empty):
  // a large response is never held whole.
  Answer answer(std::string_view text, const Requester& requester, Channel channel, ims2::TimePoint now,
                const ResponseSink& sink) const;

  // The HELP text (10.7): the local contact and limits, every request line, subtype, subformat and
  // environment supported, and the data this store holds.
  std::string help_text() const;

  const EngineSettings& settings() const { return settings_; }

 private:
  // Executes the request into a draft response; nothing for HELP, whose text is then in `answer`.
  std::optional<ResponseDraft> prepare(std::string_view text, const Requester& requester, ims2::TimePoint now,
                                       Answer& answer) const;

  const store::Store& store_;
  EngineSettings settings_;
  std::function<std::string()> next_msg_id_;
  mutable BodyCache bodies_;  // shared by the answers, which may run side by side
};

}  // namespace imsgate::vdms
