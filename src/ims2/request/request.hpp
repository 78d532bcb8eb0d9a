// Request and subscription messages (chapters 4 and 5): the body model, its reader and its writer.
#pragma once

#include <span>
#include <string>

#include "ims2/diagnostic.hpp"
#include "ims2/envelope.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/request/body.hpp"

namespace imsgate::ims2::request {

// Read a body (the lines between the preface and STOP) into its model. Each line that cannot be read is
// reported and left out; the body is then resolved (resolution.hpp, subscription.hpp) and the problems of the
// resolution (missing environments, a CHANGE left open, ...) are reported at their request lines.
RequestBody read_request_body(std::span<const Line> lines, const ReadOptions& options,
                              Diagnostics& diagnostics);
SubscriptionBody read_subscription_body(std::span<const Line> lines, const ReadOptions& options,
                                        Diagnostics& diagnostics);

// Canonical text: one line per body line, each ending in LF; keywords in the message's case.
void write_request_body(const RequestBody& body, KeywordCase style, std::string& out);
void write_subscription_body(const SubscriptionBody& body, KeywordCase style, std::string& out);

// One line's canonical text, without its LF (for echoes in LOG messages).
std::string write_line(const BodyLine& line, KeywordCase style);

}  // namespace imsgate::ims2::request
