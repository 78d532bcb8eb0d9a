#include "ims2/codec/int.hpp"

#include <random>
#include <string>
#include <vector>

#include <climits>
#include <gtest/gtest.h>

namespace imsgate::ims2::codec {
namespace {

std::vector<std::int32_t> from_int(std::string_view text, std::size_t count) {
  std::vector<std::int32_t> out(count);
  auto r = decode_int(text, out);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return out;
}

CodecError int_error(std::string_view text, std::size_t count) {
  std::vector<std::int32_t> out(count);
  auto r = decode_int(text, out);
  EXPECT_FALSE(r.has_value());
  return r ? CodecError{} : r.error();
}

std::string int_text(const std::vector<std::int32_t>& s) {
  std::string out;
  encode_int(s, out);
  return out;
}

TEST(Int, BlanksTabsSignsAndLineEnds) {
  EXPECT_EQ(from_int("1 -2 +3\n  4\t5\r\n-0\n", 6), (std::vector<std::int32_t>{1, -2, 3, 4, 5, 0}));
  // A value never continues on the next line.
  EXPECT_EQ(from_int("12\n34\n", 2), (std::vector<std::int32_t>{12, 34}));
}

TEST(Int, TheFull32BitRangeAndNoMore) {
  EXPECT_EQ(from_int("2147483647 -2147483648 0000000000000000000012 -0000002147483648\n", 4),
            (std::vector<std::int32_t>{INT32_MAX, INT32_MIN, 12, INT32_MIN}));
  const CodecError above = int_error("1 2147483648\n", 2);
  EXPECT_EQ(above.code, CodecErrc::out_of_range);
  EXPECT_EQ(above.offset, 2u);
  EXPECT_EQ(above.sample, 1u);
  EXPECT_EQ(int_error("-2147483649\n", 1).code, CodecErrc::out_of_range);
  EXPECT_EQ(int_error("99999999999\n", 1).code, CodecErrc::out_of_range);
}

TEST(Int, EveryNumberOfDigits) {
  std::vector<std::int32_t> s;
  for (std::int64_t p = 1; p <= 1000000000; p *= 10) {
    for (const std::int64_t v : {p - 1, p, 2 * p - 1, -p, -(p - 1)})
      s.push_back(static_cast<std::int32_t>(v));
  }
  EXPECT_EQ(from_int(int_text(s), s.size()), s);
}

TEST(Int, WrongCharactersAndSignsGiveTheirOffset) {
  const CodecError x = int_error("1 2 x3\n", 3);
  EXPECT_EQ(x.code, CodecErrc::invalid_character);
  EXPECT_EQ(x.offset, 4u);
  EXPECT_EQ(x.sample, 2u);
  EXPECT_EQ(int_error("1 - 2\n", 2).offset, 2u);  // a sign without digits
  EXPECT_EQ(int_error("1-2\n", 2).offset, 1u);    // a sign inside a value
  EXPECT_EQ(int_error("--1\n", 1).offset, 1u);
  EXPECT_EQ(int_error("1 2.5\n", 2).offset, 3u);
  EXPECT_EQ(int_error("7 +\n", 2).offset, 2u);
}

TEST(Int, TheChk2LineBeforeTheLastSampleIsAnEarlyEnd) {
  const CodecError e = int_error("1 2\nCHK2        3\n", 3);
  EXPECT_EQ(e.code, CodecErrc::data_end);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_NE(e.message.find("CHK2"), std::string::npos);
}

TEST(Int, TruncatedAndTrailingData) {
  const CodecError end = int_error("1 2\n", 3);
  EXPECT_EQ(end.code, CodecErrc::data_end);
  EXPECT_EQ(end.offset, 4u);
  EXPECT_EQ(end.sample, 2u);
  const CodecError more = int_error("1 2 3\n", 2);
  EXPECT_EQ(more.code, CodecErrc::trailing_data);
  EXPECT_EQ(more.offset, 4u);
}

TEST(Int, ConsumedEndsBeforeTheChk2Line) {
  const std::string text = "1 2\n3   \r\n\n CHK2 6\n";
  std::vector<std::int32_t> s(3);
  EXPECT_EQ(decode_int(text, s).value(), 11u);
  std::vector<std::int32_t> none;
  EXPECT_EQ(decode_int("CHK2 0\n", none).value(), 0u);
}

TEST(Int, ValuesAcrossWindowBoundariesAndAtTheVeryEnd) {
  // Values at every position relative to the 64-character windows, the last one without a line end.
  for (std::size_t pad = 0; pad < 70; ++pad) {
    const std::string text = std::string(pad, ' ') + "-1234567 89 -2147483648 7";
    EXPECT_EQ(from_int(text, 4), (std::vector<std::int32_t>{-1234567, 89, INT32_MIN, 7})) << pad;
  }
}

TEST(Int, WriterUsesSingleBlanksAndLinesOfAtMost75) {
  std::vector<std::int32_t> s(500);
  std::mt19937 rng(5);
  for (auto& v : s) v = static_cast<std::int32_t>(rng());
  s[7] = INT32_MIN;
  const std::string text = int_text(s);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line(text.data() + start, end - start);
    EXPECT_LE(line.size(), 75u);
    EXPECT_EQ(line.find("  "), std::string_view::npos);
    EXPECT_NE(line.front(), ' ');
    EXPECT_NE(line.back(), ' ');
    start = end + 1;
  }
  EXPECT_NE(text.find("-2147483648"), std::string::npos);
  EXPECT_EQ(from_int(text, s.size()), s);
  EXPECT_EQ(int_text({}), "");
  EXPECT_EQ(int_text({0}), "0\n");
}

}  // namespace
}  // namespace imsgate::ims2::codec
