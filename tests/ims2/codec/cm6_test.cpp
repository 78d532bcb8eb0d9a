#include "ims2/codec/cm6.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <climits>
#include <gtest/gtest.h>

namespace imsgate::ims2::codec {
namespace {

std::string cm6(std::vector<std::int32_t> samples) {
  std::string out;
  encode_cm6(samples, out);
  return out;
}

std::vector<std::int32_t> from_cm6(std::string_view text, std::size_t count) {
  std::vector<std::int32_t> out(count);
  auto r = decode_cm6(text, out);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return out;
}

CodecError cm6_error(std::string_view text, std::size_t count) {
  std::vector<std::int32_t> out(count);
  auto r = decode_cm6(text, out);
  EXPECT_FALSE(r.has_value());
  return r ? CodecError{} : r.error();
}

TEST(Cm6, KnownVectorsOfTheDigest) {
  // A single sample is its own first second difference.
  const std::pair<std::int32_t, const char*> vectors[] = {
      {0, "+"},    {1, "-"},    {15, "D"},    {-1, "F"},     {-15, "T"},    {16, "UE"},
      {-16, "kE"}, {511, "jT"}, {512, "Uk+"}, {-574, "klS"}, {4249, "YYN"}, {-4320, "ob+"}};
  for (const auto& [d, code] : vectors) {
    EXPECT_EQ(cm6({d}), std::string(code) + "\n") << d;
    EXPECT_EQ(from_cm6(std::string(code) + "\n", 1), std::vector<std::int32_t>{d}) << code;
  }
}

TEST(Cm6, FirstSamplesOfTheIdcExample) {
  // I.42's 4249 4178 4042 give d = 4249, -4320, -65: how I.41's data begin.
  EXPECT_EQ(cm6({4249, 4178, 4042}), "YYNob+m-\n");
}

TEST(Cm6, CharacterCountsAtTheirBoundaries) {
  const std::pair<std::int64_t, std::size_t> bounds[] = {{15, 1},
                                                         {16, 2},
                                                         {511, 2},
                                                         {512, 3},
                                                         {16383, 3},
                                                         {16384, 4},
                                                         {(1 << 19) - 1, 4},
                                                         {1 << 19, 5},
                                                         {(1 << 24) - 1, 5},
                                                         {1 << 24, 6},
                                                         {(1 << 29) - 1, 6},
                                                         {1 << 29, 7},
                                                         {INT32_MAX, 7},
                                                         {INT32_MIN, 7}};
  for (const auto& [v, chars] : bounds) {
    EXPECT_EQ(cm6({static_cast<std::int32_t>(v)}).size(), chars + 1) << v;
    EXPECT_EQ(cm6({static_cast<std::int32_t>(-v)}).size(), chars + 1) << -v;
  }
}

TEST(Cm6, ExtremesOfThe32BitRangeRoundTrip) {
  // Second differences up to +-2^33 exactly, written modulo 2^32.
  const std::vector<std::int32_t> s{INT32_MAX, INT32_MIN, INT32_MAX, INT32_MIN, 0,
                                    -1,        INT32_MIN, INT32_MIN, 1};
  EXPECT_EQ(from_cm6(cm6(s), s.size()), s);
}

TEST(Cm6, ExactSecondDifferencesOfOtherWritersDecodeToo) {
  // 2147483647, -2147483648 written with exact differences: d1 = -2^31 - 2 (2^31 - 1) = -6442450942,
  // 7 characters, more than 32 bits. Integration modulo 2^32 still gives the samples.
  // -6442450942: magnitude 0x17FFFFFFE, groups of 5 bits from the top: 4 | 5 ...
  const std::int64_t d = -6442450942;
  const std::uint64_t m = static_cast<std::uint64_t>(-d);
  std::string text;
  text += "+-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[16 | 32 | ((m >> 30) & 15)];
  for (int shift = 25; shift >= 0; shift -= 5) {
    const int v = static_cast<int>((m >> shift) & 31) | (shift ? 32 : 0);
    text += "+-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[v];
  }
  const std::string all = cm6({INT32_MAX}).substr(0, 7) + text + "\n";
  EXPECT_EQ(from_cm6(all, 2), (std::vector<std::int32_t>{INT32_MAX, INT32_MIN}));
}

TEST(Cm6, LinesOf80CharactersAndSamplesThatContinueOnTheNextLine) {
  std::vector<std::int32_t> s(200);
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::int32_t>(i * i * 37 % 100000);
  const std::string text = cm6(s);
  std::size_t start = 0, lines = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    ASSERT_NE(end, std::string::npos);
    if (end + 1 < text.size()) {
      EXPECT_EQ(end - start, 80u);
    }
    EXPECT_LE(end - start, 80u);
    start = end + 1;
    ++lines;
  }
  EXPECT_GT(lines, 2u);
  EXPECT_EQ(from_cm6(text, s.size()), s);
}

TEST(Cm6, ZeroSamples) {
  EXPECT_EQ(cm6({}), "");
  std::vector<std::int32_t> none;
  EXPECT_EQ(decode_cm6("", none).value(), 0u);
  EXPECT_EQ(decode_cm6("CHK2        0\n", none).value(), 0u);
  EXPECT_EQ(decode_cm6("  \n\nCHK2        0\n", none).value(), 4u);  // blank lines go with the data
}

TEST(Cm6, OneSample) {
  EXPECT_EQ(cm6({-7}), "L\n");
  std::vector<std::int32_t> one(1);
  EXPECT_EQ(decode_cm6("L\nCHK2        7\n", one).value(), 2u);
  EXPECT_EQ(one[0], -7);
}

TEST(Cm6, ConsumedEndsAfterTheLastSampleLineAndBlankLines) {
  const std::string data = cm6({1, 2, 3});
  const std::string text = data + "   \n\nCHK2        6\n";
  std::vector<std::int32_t> s(3);
  auto consumed = decode_cm6(text, s);
  ASSERT_TRUE(consumed);
  EXPECT_EQ(text.substr(*consumed, 4), "CHK2");
}

TEST(Cm6, CrlfAndBlankPaddingAndTabs) {
  std::vector<std::int32_t> s(150);
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::int32_t>(i % 7 * 300) - 900;
  const std::string lf = cm6(s);
  std::string crlf;
  for (const char c : lf) {
    if (c == '\n')
      crlf += "  \t\r\n";
    else
      crlf += c;
  }
  EXPECT_EQ(from_cm6(crlf + "CHK2 1\r\n", s.size()), s);
  std::vector<std::int32_t> out(s.size());
  EXPECT_EQ(decode_cm6(crlf + "CHK2 1\r\n", out).value(), crlf.size());
}

TEST(Cm6, ADataLineMayStartWithTheLettersChk2) {
  // C, H, K and 2 are CM6 characters: 14, -3, -6, 4 as second differences.
  EXPECT_EQ(from_cm6("CHK2\n", 4), (std::vector<std::int32_t>{14, 25, 30, 39}));
  EXPECT_EQ(from_cm6("++\nCHK2\nCHK2    123\n", 6).size(), 6u);
}

TEST(Cm6, TheChk2LineBeforeTheLastSampleIsAnEarlyEnd) {
  const CodecError e = cm6_error("+++\nCHK2        0\n", 5);
  EXPECT_EQ(e.code, CodecErrc::data_end);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.sample, 3u);
  EXPECT_NE(e.message.find("3 of the 5"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("CHK2"), std::string::npos) << e.message;
}

TEST(Cm6, TruncatedDataGiveTheOffsetOfTheEnd) {
  const CodecError e = cm6_error("+++\n", 5);
  EXPECT_EQ(e.code, CodecErrc::data_end);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.sample, 3u);
  const CodecError inside = cm6_error("++U", 3);  // U continues a sample that never ends
  EXPECT_EQ(inside.code, CodecErrc::data_end);
  EXPECT_EQ(inside.offset, 3u);
  EXPECT_NE(inside.message.find("inside a sample"), std::string::npos);
}

TEST(Cm6, IllegalCharactersGiveTheirOffset) {
  const CodecError bang = cm6_error("++++\n++!+\n", 8);
  EXPECT_EQ(bang.code, CodecErrc::invalid_character);
  EXPECT_EQ(bang.offset, 7u);
  EXPECT_EQ(bang.sample, 6u);
  const CodecError blank = cm6_error("++ ++\n", 4);
  EXPECT_EQ(blank.code, CodecErrc::invalid_character);
  EXPECT_EQ(blank.offset, 2u);
  EXPECT_NE(blank.message.find("blank"), std::string::npos);
  const CodecError high = cm6_error(std::string("+\xC3\xA9+\n"), 3);
  EXPECT_EQ(high.offset, 1u);
  const CodecError cr = cm6_error("+\r+\n", 2);  // a CR only before LF
  EXPECT_EQ(cr.offset, 1u);
}

TEST(Cm6, CaseMatters) {
  // A = 12, a = 38 = 32 + 6 (continues, magnitude bits 6): "aA" is 6 * 32 + 12 (Table 32).
  EXPECT_EQ(from_cm6("A\n", 1), std::vector<std::int32_t>{12});
  EXPECT_EQ(from_cm6("aA\n", 1), std::vector<std::int32_t>{204});
  EXPECT_EQ(cm6_error("AA\n", 1).code, CodecErrc::trailing_data);
}

TEST(Cm6, SamplesOfMoreThanSevenCharactersAreRefused) {
  const CodecError e = cm6_error("+UUUUUUU+\n", 2);
  EXPECT_EQ(e.code, CodecErrc::sample_too_long);
  EXPECT_EQ(e.offset, 1u);
  // Also when the sample began on an earlier line.
  const CodecError split = cm6_error("+UUUU\nUUU+\n", 2);
  EXPECT_EQ(split.code, CodecErrc::sample_too_long);
  EXPECT_EQ(split.offset, 1u);
  // Seven are fine.
  EXPECT_EQ(from_cm6("+UUUUUU+\n", 2), (std::vector<std::int32_t>{0, 0}));
}

TEST(Cm6, DataAfterTheLastSampleOnItsLineAreAnError) {
  const CodecError e = cm6_error("+++X\n", 3);
  EXPECT_EQ(e.code, CodecErrc::trailing_data);
  EXPECT_EQ(e.offset, 3u);
  // An unfinished extra sample too.
  EXPECT_EQ(cm6_error("+++U\n", 3).code, CodecErrc::trailing_data);
}

TEST(Cm6, ManyShortLinesAndVeryLongLines) {
  std::mt19937 rng(11);
  std::vector<std::int32_t> s(3000);
  for (auto& v : s) v = static_cast<std::int32_t>(rng() % 2000000) - 1000000;
  std::string flat;
  encode_cm6(s, flat);
  flat.erase(std::remove(flat.begin(), flat.end(), '\n'), flat.end());
  std::string one_per_line, one_line = flat + "\n";
  for (const char c : flat) (one_per_line += c) += '\n';
  EXPECT_EQ(from_cm6(one_per_line, s.size()), s);
  EXPECT_EQ(from_cm6(one_line, s.size()), s);
}

}  // namespace
}  // namespace imsgate::ims2::codec
