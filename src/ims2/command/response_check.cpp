#include "ims2/command/response_check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::command {
namespace {

int command_line(const Command& command) {
  return std::visit(
      [](const auto& c) {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, std::monostate>)
          return 0;
        else
          return c.line.number;
      },
      command);
}

std::string names(std::span<const CommandKind> kinds) {
  std::string out;
  for (std::size_t i = 0; i < kinds.size(); ++i)
    out += fmt::format("{}{}",
                       i == 0                  ? ""
                       : i + 1 == kinds.size() ? " or "
                                               : ", ",
                       to_upper(command_keyword(kinds[i])));
  return out;
}

}  // namespace

bool check_response(const Preface& request_preface, const CommandBody& request,
                    const Preface& response_preface, const CommandBody& response, Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.error_count();
  const Position response_begin{response_preface.begin.number, 1};
  const auto asked = command_kind(request.command);
  const auto answer = command_kind(response.command);
  if (!asked || !is_request(*asked) || request_preface.type != MessageType::command_request) {
    diagnostics.error(response_begin, "the message answered is not a command request", "8.1");
    return false;
  }
  if (!answer || is_request(*answer) || response_preface.type != MessageType::command_response) {
    diagnostics.error(response_begin, "the answer is not a command response", "8.1");
    return false;
  }
  const std::string_view rule = command_section(*answer);
  const Position at{command_line(response.command), 1};
  const auto expected = responses_to(*asked);
  if (std::find(expected.begin(), expected.end(), *answer) == expected.end())
    diagnostics.error(at,
                      fmt::format("{} does not answer {}: expected {}", to_upper(command_keyword(*answer)),
                                  to_upper(command_keyword(*asked)), names(expected)),
                      std::string(rule));

  // The REF_ID of a response is the MSG_ID of the request (8.1, 3.2.4).
  const MessageId& id = request_preface.msg_id;
  if (!response_preface.ref_id) {
    diagnostics.error(response_begin, fmt::format("no REF_ID: expected 'REF_ID {} {}'", id.id, id.source),
                      "8.1");
  } else {
    const RefId& ref = *response_preface.ref_id;
    if (ref.id != id.id || (!ref.source.empty() && !iequals(ref.source, id.source)))
      diagnostics.error(response_begin,
                        fmt::format("REF_ID {} {} does not name the request, MSG_ID {} {}", ref.id,
                                    ref.source, id.id, id.source),
                        "8.1");
    else if (ref.source.empty() && !id.source.empty())
      diagnostics.warning(response_begin,
                          fmt::format("REF_ID without the source {} of the request", id.source), "3.2.4");
  }

  const Position station_at{response.station.line.number, 1};
  if (!iequals(response.station.code, request.station.code))
    diagnostics.error(station_at,
                      fmt::format("the response names station {}, the request {}", response.station.code,
                                  request.station.code),
                      std::string(rule));
  else if (!request.station.detector.empty() && !response.station.detector.empty() &&
           !iequals(request.station.detector, response.station.detector))
    diagnostics.error(station_at,
                      fmt::format("the response names detector {}, the request {}", response.station.detector,
                                  request.station.detector),
                      std::string(rule));
  if (request.auth_id && response.auth_id && *request.auth_id != *response.auth_id)
    diagnostics.error(station_at,
                      fmt::format("the response names authenticator {}, the request {}", *response.auth_id,
                                  *request.auth_id),
                      std::string(rule));
  if (response.time_stamp.time < request.time_stamp.time)
    diagnostics.warning(at, "the response's TIME_STAMP is earlier than the request's", "8.3");
  return diagnostics.error_count() == errors;
}

}  // namespace imsgate::ims2::command
