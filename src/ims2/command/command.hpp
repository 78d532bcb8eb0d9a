// Command request and command response messages (chapter 8): the body model, its reader and its writer.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ims2/envelope.hpp"

namespace imsgate::ims2::command {

struct CommandBody {
  std::vector<std::string> lines;
  bool operator==(const CommandBody&) const = default;
};

CommandBody read_command_body(std::span<const Line> lines, MessageType type, const ReadOptions& options,
                              Diagnostics& diagnostics);
void write_command_body(const CommandBody& body, MessageType type, KeywordCase style, std::string& out);

}  // namespace imsgate::ims2::command
