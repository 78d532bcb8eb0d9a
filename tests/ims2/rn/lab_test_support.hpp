// Test helpers for the laboratory message tests: sections of the Appendix I examples and of text, dates.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <gtest/gtest.h>

#include "ims2/datetime.hpp"
#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn::testing {

// The text of an Appendix I example with the spec's elision marks (":" and "⋮" lines) left out: what is left
// of an elided example is a report with fewer records.
inline std::string example_text(std::string_view file) {
  const std::string text =
      imsgate::testing::read_file(imsgate::testing::data_examples_dir() / std::string(file));
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    const auto mark = line.find_first_not_of(' ');
    const bool elision =
        mark != std::string_view::npos && (line.substr(mark) == ":" || line.substr(mark) == "\u22ee");
    if (!elision) out.append(line).push_back('\n');
    start = end + 1;
  }
  return out;
}

// The first DATA_TYPE section of a message text.
inline DataSection first_section(const std::string& text) {
  ReadResult result = read_messages(text);
  if (result.messages.size() != 1) {
    ADD_FAILURE() << "expected one message";
    return {};
  }
  const auto* data = std::get_if<DataMessage>(&result.messages[0]);
  if (data == nullptr || data->sections.empty()) {
    ADD_FAILURE() << "expected a data message with a section";
    return {};
  }
  return data->sections[0];
}

// A section whose body is `body`, its first body line numbered 2.
inline DataSection text_section(std::string_view type, std::string body) {
  DataSection section;
  section.header.type = std::string(type);
  section.line.number = 1;
  section.body = std::move(body);
  return section;
}

inline TimePoint at(std::string_view date, std::string_view time) {
  return *parse_fixed_date_time(date, time);
}

inline std::string describe(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d) out += format_diagnostic(item, "section") + "\n";
  return out;
}

}  // namespace imsgate::ims2::rn::testing
