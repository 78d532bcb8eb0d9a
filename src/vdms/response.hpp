// The data message that answers a request (10.6): the request echoed in a LOG section, the products, an
// ERROR_LOG, and the split into parts at DATA_TYPE boundaries when a size limit is set (3.5.6).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/envelope.hpp"
#include "ims2/message.hpp"

namespace imsgate::vdms {

struct ResponseDraft {
  ims2::KeywordCase style = ims2::KeywordCase::upper;
  std::optional<ims2::RefId> ref;  // the request's MSG_ID; nothing when the request had none
  std::vector<std::string> log;    // LOG lines, without the leading blank that LOG lines are written with
  std::vector<ims2::DataSection> sections;
  std::vector<std::string> errors;  // ERROR_LOG lines
};

struct ResponseIds {
  std::function<std::string()> next_msg_id;  // a new unique MSG_ID id string per part
  std::string source;                        // the MSG_ID source of our messages
};

// The response as one message, or, when it is larger than `max_bytes` (0: no limit), as several: each part
// a whole message with its own MSG_ID and "REF_ID ... PART n OF N", filled section by section up to the
// limit. The LOG goes first in the first part, the ERROR_LOG last in the last; a section larger than the
// limit goes alone in its part, since a section cannot be cut.
// The draft is taken by value, so that a caller that moves it in has its sections moved, not copied.
std::vector<std::string> write_response(ResponseDraft draft, std::size_t max_bytes, const ResponseIds& ids);

// Receives the response's text piece by piece, the parts one after the other.
using ResponseSink = std::function<void(std::string_view)>;

struct ResponseSize {
  std::size_t bytes = 0;  // of all parts
  int parts = 0;
};

// The same response written into `sink` as it is made: each section's text is handed over and freed as it
// goes, so that no whole message is ever held.
ResponseSize write_response(ResponseDraft draft, std::size_t max_bytes, const ResponseIds& ids,
                            const ResponseSink& sink);

}  // namespace imsgate::vdms
