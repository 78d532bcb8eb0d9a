// The command request and command response keywords of Table 165 (8.4): names, direction, sections, pairs.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace imsgate::ims2::command {

enum class CommandKind {
  calibrate_start,
  calibrate_confirm,
  calibrate_result,
  detbkphd_start,
  blankphd_start,
  calibphd_start,
  detbkphd_confirm,
  blankphd_confirm,
  calibphd_confirm,
  change_decay,
  decay_changed,
  send_sample,
  sample_sent,
  sample_notsent,
  sample_received,
  update_calibpairs,
  calibpairs_updated,
  generate_keypair,
  keypair_generated,
  start_keypair,
  keypair_started,
  update_crl,
  crl_updated,
};

// Every kind, in the order of Table 165.
std::span<const CommandKind> all_command_kinds();

// Case-insensitive: "CALIBRATE_START" and "calibrate_start" are the same command.
std::optional<CommandKind> parse_command_kind(std::string_view keyword);
std::string_view command_keyword(CommandKind kind);  // lower case, as in the listings
bool is_request(CommandKind kind);                   // false: a command response
std::string_view command_section(CommandKind kind);  // e.g. "8.8.2" for SAMPLE_SENT

// The responses that may answer a request (Table 165); empty for a response.
std::span<const CommandKind> responses_to(CommandKind request);

}  // namespace imsgate::ims2::command
