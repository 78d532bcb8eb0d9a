// Test helpers for the PHD tests: sections of the Appendix I examples and the real files, round trips.
#pragma once

#include <charconv>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/rn/phd.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn::testing {

inline std::string describe(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d) out += format_diagnostic(item, "phd") + "\n";
  return out;
}

// The DATA_TYPE sections of the one message in a file.
inline std::vector<DataSection> sections_of(const std::string& text) {
  ReadResult result = read_messages(text, ReadOptions{.read_data_sections = false});
  EXPECT_EQ(result.messages.size(), 1u) << describe(result.diagnostics);
  if (result.messages.empty()) return {};
  const auto* data = std::get_if<DataMessage>(&result.messages[0]);
  EXPECT_NE(data, nullptr);
  return data ? data->sections : std::vector<DataSection>{};
}

inline std::string example_text(std::string_view file) {
  return imsgate::testing::read_file(imsgate::testing::data_examples_dir() / std::string(file));
}

inline std::string real_text(std::string_view file) {
  return imsgate::testing::read_file(imsgate::testing::real_dir() / "noble-gas-phd" / std::string(file));
}

// A section made from text after a DATA_TYPE line at line `data_type_line` (a fragment or a message without
// STOP, which read_messages discards).
inline DataSection section_from(std::string_view type, std::string body, int data_type_line = 1) {
  DataSection s;
  s.header.type = std::string(type);
  s.line.number = data_type_line;
  s.body = std::move(body);
  return s;
}

// A section holding `body` as written by write_phd_section.
inline DataSection written_section(PhdType type, std::string body) {
  return section_from(phd_type_name(type), std::move(body));
}

struct Read {
  PhdSection section;
  Diagnostics diagnostics;
};

inline Read read(const DataSection& s, Mode mode = Mode::lenient) {
  Read r;
  auto section = read_phd_section(s, r.diagnostics, mode);
  EXPECT_TRUE(section.has_value());
  if (section) r.section = std::move(*section);
  return r;
}

// Written, read back equal without a diagnostic, and written again the same.
inline void expect_round_trip(const PhdSection& section) {
  const auto text = write_phd_section(section);
  ASSERT_TRUE(text.has_value()) << text.error();
  Diagnostics d;
  const auto again = read_phd_section(written_section(section.type, *text), d);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, section);
  const auto text2 = write_phd_section(*again);
  ASSERT_TRUE(text2.has_value());
  EXPECT_EQ(*text2, *text);
}

inline std::size_t count_if(const Diagnostics& d, Severity s, std::string_view part) {
  std::size_t n = 0;
  for (const auto& item : d)
    if (item.severity == s && item.message.find(part) != std::string::npos) ++n;
  return n;
}

}  // namespace imsgate::ims2::rn::testing

namespace imsgate::ims2::rn::testing {

inline std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = std::min(text.find('\n'), text.size());
    lines.push_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

inline std::vector<std::string_view> tokens_of(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

// The numeric tokens of a block's data lines after its record 2, computed from the text alone (independent of
// the reader): `skip_first` leaves out each line's first token (a spectrum line's channel number). Elision
// lines and other non-numbers are skipped.
inline std::vector<std::int64_t> block_numbers(std::string_view text, std::string_view block, bool skip_first,
                                               std::size_t occurrence = 0) {
  std::vector<std::int64_t> numbers;
  const auto lines = lines_of(text);
  std::size_t seen = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].substr(0, block.size()) != block || seen++ != occurrence) continue;
    for (std::size_t j = i + 2; j < lines.size() && !lines[j].starts_with("#") &&
                                !lines[j].starts_with("STOP") && !lines[j].starts_with("TIME_STAMP");
         ++j) {
      const auto tokens = tokens_of(lines[j]);
      for (std::size_t k = skip_first ? 1 : 0; k < tokens.size(); ++k) {
        std::int64_t v = 0;
        const auto [p, ec] = std::from_chars(tokens[k].data(), tokens[k].data() + tokens[k].size(), v);
        if (ec == std::errc() && p == tokens[k].data() + tokens[k].size()) numbers.push_back(v);
      }
    }
    break;
  }
  return numbers;
}

inline std::int64_t sum(const std::vector<std::int64_t>& v) {
  std::int64_t s = 0;
  for (auto x : v) s += x;
  return s;
}

// The 1-based number of the first line of `text` that begins with `prefix`, plus `offset` (the lines before
// the text: a section's body begins after its DATA_TYPE line).
inline int line_of(std::string_view text, std::string_view prefix, int offset = 1) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].starts_with(prefix)) return static_cast<int>(i) + 1 + offset;
  ADD_FAILURE() << "no line begins with " << prefix;
  return 0;
}

inline TimePoint time_of(std::string_view date, std::string_view time) {
  auto t = parse_fixed_date_time(date, time);
  EXPECT_TRUE(t.has_value()) << date << " " << time;
  return t.value_or(TimePoint{});
}

}  // namespace imsgate::ims2::rn::testing
