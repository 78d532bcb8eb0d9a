// Test helpers for the RMSSOH, MET and ALERT tests: a section of an Appendix I example as it is (elision
// marks included), a section built from text, times.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn::testing {

inline DataSection example_section(std::string_view file, std::size_t index = 0) {
  const std::string text =
      imsgate::testing::read_file(imsgate::testing::data_examples_dir() / std::string(file));
  const ReadResult result = read_messages(text);
  EXPECT_EQ(result.messages.size(), 1u) << file;
  const auto* data = result.messages.empty() ? nullptr : std::get_if<DataMessage>(&result.messages[0]);
  if (data == nullptr || data->sections.size() <= index) {
    ADD_FAILURE() << file << " has no section " << index;
    return {};
  }
  return data->sections[index];
}

// A section whose body is `body`, its first body line numbered 2.
inline DataSection section_of(std::string_view type, std::string body) {
  DataSection section;
  section.header.type = std::string(type);
  section.line.number = 1;
  section.body = std::move(body);
  return section;
}

inline TimePoint at(int y, unsigned mo, unsigned d, int h, int mi, int s, int ms = 0) {
  using namespace std::chrono;
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

inline std::string describe(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d) out += format_diagnostic(item, "section") + "\n";
  return out;
}

}  // namespace imsgate::ims2::rn::testing
