// An IMS2.0 message of any type, read from an input that may hold several, and written back canonically.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ims2/command/command.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/envelope.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/request/request.hpp"

namespace imsgate::ims2 {

// The one-word HELP e-mail (4.2): no preface, no body.
struct HelpMessage {
  bool operator==(const HelpMessage&) const = default;
};

// "DATA_TYPE type[:subtype] [format[:sub_format]]" (6.1.1, 7.1); each part as written, empty when absent.
struct DataTypeLine {
  std::string type;
  std::string subtype;
  std::string format;
  std::string subformat;
  bool operator==(const DataTypeLine&) const = default;
};

// One DATA_TYPE section. Its lines are kept as text; the per-type readers turn them into models.
struct DataSection {
  DataTypeLine header;
  std::string body;  // the section's lines after the DATA_TYPE line, each ending in LF
  SourceLine line;   // the DATA_TYPE line
  int first_body_line() const { return line.number + 1; }
  bool operator==(const DataSection&) const = default;
};

// The lines of a section's body, numbered as in the whole input.
std::vector<Line> section_lines(const DataSection& section);

struct DataMessage {  // MSG_TYPE data and labdata
  Preface preface;
  // GSE2 waveform blocks with no BEGIN and no preface, as waveform archives keep them: one WAVEFORM section,
  // written back the same way.
  bool bare = false;
  std::optional<std::string> email;  // an E-MAIL line before the first section (GSE2.0 senders write one)
  std::vector<DataSection> sections;
  bool operator==(const DataMessage&) const = default;
};

struct RequestMessage {
  Preface preface;
  request::RequestBody body;
  bool operator==(const RequestMessage&) const = default;
};

struct SubscriptionMessage {
  Preface preface;
  request::SubscriptionBody body;
  bool operator==(const SubscriptionMessage&) const = default;
};

struct CommandMessage {  // MSG_TYPE command_request and command_response
  Preface preface;
  command::CommandBody body;
  bool operator==(const CommandMessage&) const = default;
};

using Message = std::variant<HelpMessage, RequestMessage, SubscriptionMessage, DataMessage, CommandMessage>;

struct ReadResult {
  std::vector<Message> messages;
  Diagnostics diagnostics;  // warnings of messages that were read, and the errors of those that were not
};

// Reads every message of an input. Never fails as a whole: problems are diagnostics.
ReadResult read_messages(std::string_view input, const ReadOptions& options = {});

// The preface of a message (nothing for HELP).
const Preface* preface_of(const Message& message);

// Canonical text of one message, BEGIN to STOP; of several, one after the other.
std::string write_message(const Message& message);
std::string write_messages(const std::vector<Message>& messages);

}  // namespace imsgate::ims2
