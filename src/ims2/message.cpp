#include "ims2/message.hpp"

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/section.hpp"
#include "ims2/shi/section.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2 {
namespace {

std::pair<std::string, std::string> split_colon(std::string_view token) {
  const std::size_t colon = token.find(':');
  if (colon == std::string_view::npos) return {std::string(token), {}};
  return {std::string(token.substr(0, colon)), std::string(token.substr(colon + 1))};
}

DataMessage read_data_body(Preface preface, std::span<const Line> lines, Diagnostics& diagnostics) {
  DataMessage message;
  message.preface = std::move(preface);
  DataSection* section = nullptr;
  int stray_lines = 0;
  for (const Line& line : lines) {
    const LogicalLine logical(line);
    const auto tokens = logical.tokens();
    // A DATA_TYPE line is left-justified; an indented one is text of the section (App. I.13).
    if (!tokens.empty() && tokens[0].at.column == 1 && iequals(tokens[0].text, "data_type")) {
      DataSection& s = message.sections.emplace_back();
      s.line.number = line.number;
      if (tokens.size() < 2) {
        diagnostics.error(tokens[0].at, "DATA_TYPE needs a data type, e.g. 'DATA_TYPE WAVEFORM IMS2.0:CM6'",
                          "6.1.1");
      } else {
        std::tie(s.header.type, s.header.subtype) = split_colon(tokens[1].text);
        if (s.header.type.empty())
          diagnostics.error(tokens[1].at, "the data type is missing before ':'", "6.1.1");
        if (tokens.size() > 2) {
          std::tie(s.header.format, s.header.subformat) = split_colon(tokens[2].text);
          if (s.header.format.empty())
            diagnostics.error(tokens[2].at, "the format is missing before ':', e.g. 'IMS2.0:CM6'", "6.1.1");
        }
        if (tokens.size() > 3)
          diagnostics.error(tokens[3].at,
                            fmt::format("unexpected '{}' after the format of DATA_TYPE", tokens[3].text),
                            "6.1.1");
      }
      section = &s;
      continue;
    }
    if (section) {
      section->body.append(line.text);
      section->body += '\n';
      continue;
    }
    if (tokens.empty()) continue;
    if (iequals(tokens[0].text, "e-mail") && tokens.size() <= 2 && !message.email) {
      message.email = tokens.size() == 2 ? std::string(tokens[1].text) : std::string();
      if (tokens.size() == 1) diagnostics.warning(tokens[0].at, "E-MAIL line without an address", "4.4");
      continue;
    }
    if (stray_lines++ == 0)
      diagnostics.error(tokens[0].at, fmt::format("expected a DATA_TYPE line, found '{}'", trim(line.text)),
                        "6.1.1");
  }
  if (stray_lines > 1)
    diagnostics.error(
        {lines.front().number, 1},
        fmt::format("{} lines before the first DATA_TYPE line belong to no section", stray_lines), "6.1.1");
  if (message.sections.empty())
    diagnostics.warning({message.preface.begin.number, 1}, "data message without any DATA_TYPE section",
                        "6.1.1");
  return message;
}

void write_data_body(const DataMessage& m, std::string& out) {
  const KeywordCase k = m.preface.keyword_case;
  if (m.email) {
    append_keyword(out, "e-mail", k);
    if (!m.email->empty()) out += ' ' + *m.email;
    out += '\n';
  }
  for (const auto& s : m.sections) {
    append_keyword(out, "data_type", k);
    out += ' ' + s.header.type;
    if (!s.header.subtype.empty()) out += ':' + s.header.subtype;
    if (!s.header.format.empty()) {
      out += ' ' + s.header.format;
      if (!s.header.subformat.empty()) out += ':' + s.header.subformat;
    }
    out += '\n';
    out += s.body;
  }
}

// The first non-blank line of an input, if any.
std::optional<Line> first_text_line(std::string_view input) {
  LineReader lines(input);
  while (auto line = lines.next())
    if (!trim(line->text).empty()) return line;
  return std::nullopt;
}

bool starts_with_word(std::string_view text, std::string_view word) {
  return istarts_with(text, word) && (text.size() == word.size() || is_blank(text[word.size()]));
}

// A file of bare GSE2 waveform blocks: WID2 ... CHK2 up to a STOP line or the end, read as one WAVEFORM
// section.
DataMessage read_bare_waveform(std::string_view input, int first_line, Diagnostics& diagnostics) {
  DataMessage message;
  message.bare = true;
  message.preface.type = MessageType::data;
  DataSection& section = message.sections.emplace_back();
  section.header.type = "WAVEFORM";
  section.line.number = first_line - 1;
  LineReader lines(input);
  bool stopped = false;
  while (auto line = lines.next()) {
    if (line->number < first_line) continue;
    if (!stopped && starts_with_word(line->text, "STOP")) {
      stopped = true;
    } else if (!stopped) {
      section.body.append(line->text);
      section.body += '\n';
    } else if (!trim(line->text).empty()) {
      diagnostics.warning({line->number, 1}, "text after STOP ignored", "3.4.1");
      break;
    }
  }
  return message;
}

// Reads every data section with the reader for its type; only the diagnostics are kept here (the models are
// read again by whoever needs them). Diagnostics then go in input order.
void read_sections(ReadResult& result, const ReadOptions& options) {
  const rn::Mode mode = options.strict ? rn::Mode::strict : rn::Mode::lenient;
  for (const auto& message : result.messages)
    if (const auto* data = std::get_if<DataMessage>(&message))
      for (const auto& section : data->sections)
        if (!shi::read_section(section, result.diagnostics))
          rn::read_section(section, result.diagnostics, mode);
  result.diagnostics.sort_by_position();
}

}  // namespace

ReadResult read_messages(std::string_view input, const ReadOptions& options) {
  ReadResult result;
  if (auto first = first_text_line(input)) {
    if (starts_with_word(first->text, "WID2")) {
      result.diagnostics.warning(
          {first->number, 1}, "bare GSE2 waveform blocks without BEGIN: read as one WAVEFORM section", "3.1");
      result.messages.emplace_back(read_bare_waveform(input, first->number, result.diagnostics));
      if (options.read_data_sections) read_sections(result, options);
      if (options.strict) result.diagnostics.escalate_warnings();
      return result;
    }
    if (starts_with_word(first->text, "WID1") || starts_with_word(first->text, "XW01")) {
      result.diagnostics.error(
          {first->number, 1},
          "GSE1 waveform files (XW01, WID1, DAT1) are not supported: only GSE2 and IMS2.0 WID2 "
          "blocks are read",
          "6.3.2");
      return result;
    }
  }
  SplitInput split = split_messages(input, result.diagnostics);
  if (split.help) result.messages.emplace_back(HelpMessage{});
  for (auto& envelope : split.envelopes) {
    if (!envelope.complete) continue;  // discarded (3.4.1); the error is already reported
    Preface& p = envelope.preface;
    switch (p.type) {
      case MessageType::request:
        result.messages.emplace_back(
            RequestMessage{p, request::read_request_body(envelope.body, options, result.diagnostics)});
        break;
      case MessageType::subscription:
        result.messages.emplace_back(SubscriptionMessage{
            p, request::read_subscription_body(envelope.body, options, result.diagnostics)});
        break;
      case MessageType::data:
      case MessageType::labdata:
        result.messages.emplace_back(read_data_body(p, envelope.body, result.diagnostics));
        break;
      case MessageType::command_request:
      case MessageType::command_response:
        command::check_command_preface(p, result.diagnostics);
        result.messages.emplace_back(CommandMessage{
            p, command::read_command_body(envelope.body, p.type, options, result.diagnostics)});
        break;
    }
  }
  if (options.read_data_sections) read_sections(result, options);
  if (options.strict) result.diagnostics.escalate_warnings();
  return result;
}

const Preface* preface_of(const Message& message) {
  return std::visit(
      [](const auto& m) -> const Preface* {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, HelpMessage>)
          return nullptr;
        else
          return &m.preface;
      },
      message);
}

std::string write_message(const Message& message) {
  std::string out;
  if (std::holds_alternative<HelpMessage>(message)) return "help\n";
  if (const auto* data = std::get_if<DataMessage>(&message); data && data->bare) {
    for (const auto& section : data->sections) out += section.body;
    return out + "STOP\n";
  }
  const Preface& p = *preface_of(message);
  write_preface(p, out);
  std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, RequestMessage>)
          request::write_request_body(m.body, p.keyword_case, out);
        else if constexpr (std::is_same_v<T, SubscriptionMessage>)
          request::write_subscription_body(m.body, p.keyword_case, out);
        else if constexpr (std::is_same_v<T, DataMessage>)
          write_data_body(m, out);
        else if constexpr (std::is_same_v<T, CommandMessage>)
          command::write_command_body(m.body, p.type, p.keyword_case, out);
      },
      message);
  append_keyword(out, "stop", p.keyword_case);
  out += '\n';
  return out;
}

std::string write_messages(const std::vector<Message>& messages) {
  std::string out;
  for (const auto& m : messages) out += write_message(m);
  return out;
}

std::vector<Line> section_lines(const DataSection& section) {
  std::vector<Line> lines;
  LineReader reader(section.body);
  while (auto line = reader.next()) {
    line->number += section.first_body_line() - 1;
    lines.push_back(*line);
  }
  return lines;
}

}  // namespace imsgate::ims2
