// Whether a command response answers a given command request: Table 165 pairs, REF_ID (8.1), station.
#pragma once

#include "ims2/command/command.hpp"

namespace imsgate::ims2::command {

// Reports each way in which `response` does not answer `request`, at the lines of the response; true when it
// answers it. Both messages are expected to have been read already (their own errors are not repeated).
bool check_response(const Preface& request_preface, const CommandBody& request,
                    const Preface& response_preface, const CommandBody& response, Diagnostics& diagnostics);

}  // namespace imsgate::ims2::command
