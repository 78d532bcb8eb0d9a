// The envelope of IMS2.0 messages (chapter 3): BEGIN ... STOP, the preface lines, and how one input holds
// several messages. The body of each message is handed on, as physical lines, to the reader for its type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"

namespace imsgate::ims2 {

// Where a part of a model came from. Not part of its value: two models read from differently laid out
// inputs compare equal when they say the same thing.
struct SourceLine {
  int number = 0;
  bool operator==(const SourceLine&) const { return true; }
};

struct ReadOptions {
  bool strict = false;             // every warning is an error
  bool allow_continuation = true;  // backslash continuation of free-format lines (3.5.2)
  bool read_data_sections = true;  // read each data section with the reader for its type, for its diagnostics
};

enum class MessageType { request, subscription, data, labdata, command_request, command_response };
std::optional<MessageType> parse_message_type(std::string_view word);
std::string_view message_type_name(MessageType type);  // lower case, as written in MSG_TYPE

// The format named on the BEGIN line. IMS2.0 is the spec; the others are read as legacy (3.2.1).
enum class FormatVersion { ims2_0, ims1_0, gse2_0, gse2_1 };
std::optional<FormatVersion> parse_format_version(std::string_view word);
std::string_view format_version_name(FormatVersion version);  // "IMS2.0", ...

// Keywords are case-insensitive (3.5.3). The writer spells them in the case the message's BEGIN was
// written in, so that the spec's lower-case requests and the IDC's upper-case data messages both come back
// as they were.
enum class KeywordCase { lower, upper };
void append_keyword(std::string& out, std::string_view lower_case_keyword, KeywordCase style);

struct MessageId {
  std::string id;      // at most 20 characters
  std::string source;  // at most 16 characters; empty when not given
  bool operator==(const MessageId&) const = default;
};

struct RefId {
  std::string id;
  std::string source;
  std::optional<int> part;
  std::optional<int> total;
  bool operator==(const RefId&) const = default;
};

struct ProdId {
  std::int64_t product = 0;
  std::int64_t delivery = 0;
  bool operator==(const ProdId&) const = default;
};

struct Preface {
  FormatVersion version = FormatVersion::ims2_0;
  KeywordCase keyword_case = KeywordCase::lower;
  MessageType type = MessageType::request;
  MessageId msg_id;
  std::optional<RefId> ref_id;
  std::optional<ProdId> prod_id;
  std::optional<bool> ack;  // only when given on a preface line; ACK in a request body is a control line
  SourceLine begin;
  bool operator==(const Preface&) const = default;
};

// One message as the envelope sees it: its preface and the lines of its body, up to STOP.
struct Envelope {
  Preface preface;
  std::vector<Line> body;
  bool complete = false;  // a STOP line was found
};

struct SplitInput {
  std::vector<Envelope> envelopes;
  bool help = false;  // the input is the one word HELP (4.2)
};

// Finds the messages of an input. Free text outside BEGIN ... STOP is skipped with a warning; preface errors
// are reported, and an envelope whose preface could not be read is left out.
SplitInput split_messages(std::string_view input, Diagnostics& diagnostics);

void write_preface(const Preface& preface, std::string& out);

}  // namespace imsgate::ims2
