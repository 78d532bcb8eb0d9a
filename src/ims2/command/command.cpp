#include "ims2/command/command.hpp"

namespace imsgate::ims2::command {

CommandBody read_command_body(std::span<const Line> lines, MessageType, const ReadOptions&, Diagnostics&) {
  CommandBody body;
  for (const auto& l : lines) body.lines.emplace_back(l.text);
  return body;
}
void write_command_body(const CommandBody& body, MessageType, KeywordCase, std::string& out) {
  for (const auto& l : body.lines) out += l + '\n';
}

}  // namespace imsgate::ims2::command
