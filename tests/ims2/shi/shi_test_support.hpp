// Test helpers for the S/H/I data-type tests: a section of an Appendix I example, a section built from text.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::shi::testing {

// The index-th DATA_TYPE section of an example; lines that are only an elision mark of the spec (":", "⋮")
// become blank lines (which the readers skip), so that line numbers stay those of the file.
inline DataSection example_section(std::string_view file, std::size_t index = 0) {
  const std::string text =
      imsgate::testing::read_file(imsgate::testing::data_examples_dir() / std::string(file));
  ReadResult result = read_messages(text);
  EXPECT_EQ(result.messages.size(), 1u) << file;
  if (result.messages.empty()) return {};
  const auto* data = std::get_if<DataMessage>(&result.messages[0]);
  EXPECT_NE(data, nullptr) << file;
  if (data == nullptr || data->sections.size() <= index) {
    ADD_FAILURE() << file << " has no section " << index;
    return {};
  }
  DataSection section = data->sections[index];
  std::string body;
  std::size_t start = 0;
  while (start < section.body.size()) {
    std::size_t end = section.body.find('\n', start);
    if (end == std::string::npos) end = section.body.size() - 1;
    const std::string_view line(section.body.data() + start, end - start);
    const auto mark = line.find_first_not_of(' ');
    const bool elision =
        mark != std::string_view::npos && (line.substr(mark) == ":" || line.substr(mark) == "\u22ee");
    body += elision ? std::string("\n") : std::string(line) + "\n";
    start = end + 1;
  }
  section.body = body;
  return section;
}

// A section whose body is `body`, its first body line numbered 2.
inline DataSection text_section(std::string_view type, std::string body) {
  DataSection section;
  section.header.type = std::string(type);
  section.header.format = "IMS2.0";
  section.line.number = 1;
  section.body = std::move(body);
  return section;
}

inline std::string describe(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d) out += format_diagnostic(item, "section") + "\n";
  return out;
}

}  // namespace imsgate::ims2::shi::testing
