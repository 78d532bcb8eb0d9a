// Test helpers for the bulletin-family readers: the first data section of a file or of a text.
#pragma once

#include <chrono>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::shi::testing {

inline DataSection section_of_text(const std::string& text, std::size_t index = 0) {
  ReadResult r = read_messages(text);
  EXPECT_FALSE(r.messages.empty());
  if (r.messages.empty()) return {};
  const auto* data = std::get_if<DataMessage>(&r.messages.front());
  EXPECT_NE(data, nullptr);
  if (!data || data->sections.size() <= index) return {};
  return data->sections[index];
}

inline DataSection example_section(const std::string& name, std::size_t index = 0) {
  return section_of_text(imsgate::testing::read_file(imsgate::testing::data_examples_dir() / name), index);
}

inline DataSection real_section(const std::string& name, std::size_t index = 0) {
  return section_of_text(
      imsgate::testing::read_file(imsgate::testing::real_dir() / "obspy-gse2-bulletin" / name), index);
}

// A section built from a body, as a data message would carry it.
inline DataSection section_with_body(const std::string& data_type, const std::string& body) {
  return section_of_text("BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 1 TEST\nDATA_TYPE " + data_type + "\n" + body +
                         "STOP\n");
}

// All diagnostics, one a line, for failure messages.
inline std::string dump(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += format_diagnostic(x, "") + "\n";
  return out;
}

inline TimePoint at(int y, unsigned mo, unsigned d, int h, int mi, int s, int ms) {
  using namespace std::chrono;
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

}  // namespace imsgate::ims2::shi::testing
