// Test helper: the first waveform segment of a GSE2/IMS2.0 file, with the least parsing the tests need.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ims2/codec/codec.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::codec::testing {

// WID2 columns 45-47 (subformat) and 49-56 (number of samples), and the line after DAT2.
struct Segment {
  Subformat subformat = Subformat::cm6;
  std::size_t count = 0;  // WID2 number of samples
  std::size_t data = 0;   // offset of the first data line, after the DAT2 line
};

inline std::string read_real(std::string_view name) {
  return imsgate::testing::read_file(imsgate::testing::real_dir() / "obspy-gse2" / std::string(name));
}

inline Segment find_segment(std::string_view file) {
  Segment s;
  const std::size_t wid2 = file.find("WID2");
  EXPECT_NE(wid2, std::string_view::npos);
  const std::string_view line = file.substr(wid2, file.find('\n', wid2) - wid2);
  const auto subformat = parse_subformat(line.substr(44, 3));
  EXPECT_TRUE(subformat.has_value());
  s.subformat = subformat.value_or(Subformat::cm6);
  s.count = std::stoul(std::string(line.substr(48, 8)));
  const std::size_t dat2 = file.find("DAT2", wid2);
  EXPECT_NE(dat2, std::string_view::npos);
  s.data = file.find('\n', dat2) + 1;
  return s;
}

// The value field of the CHK2 line at `at` (the rest of the line after the keyword).
inline std::string_view chk2_field(std::string_view file, std::size_t at) {
  EXPECT_EQ(file.substr(at, 4), "CHK2");
  const std::size_t end = file.find('\n', at);
  return file.substr(at + 4, (end == std::string_view::npos ? file.size() : end) - at - 4);
}

}  // namespace imsgate::ims2::codec::testing
