#include "ims2/codec/cm8.hpp"

#include <random>
#include <string>
#include <vector>

#include <climits>
#include <gtest/gtest.h>

namespace imsgate::ims2::codec {
namespace {

std::string cm8(const std::vector<std::int32_t>& s) {
  std::string out;
  EXPECT_TRUE(encode_cm8(s, out).has_value());
  return out;
}

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (const int c : b) s += static_cast<char>(c);
  return s;
}

TEST(Cm8, BytesOfTable33) {
  // 1 byte below 64; the first byte carries sign (64) and continuation (128), later bytes 7 bits.
  EXPECT_EQ(cm8({5}).substr(0, 1), bytes({5}));
  EXPECT_EQ(cm8({-5}).substr(0, 1), bytes({64 + 5}));
  EXPECT_EQ(cm8({64}).substr(0, 2), bytes({128 + 0, 64}));
  EXPECT_EQ(cm8({-8191}).substr(0, 2), bytes({128 + 64 + 63, 127}));
  EXPECT_EQ(cm8({8192}).substr(0, 3), bytes({128 + 0, 128 + 64, 0}));
}

TEST(Cm8, PaddingToAMultipleOf80WithAtLeastThreeMarks) {
  for (const std::size_t n : {0u, 1u, 76u, 77u, 78u, 79u, 80u, 200u}) {
    const std::string out = cm8(std::vector<std::int32_t>(n, 1));  // 1, then zeros: one byte each
    ASSERT_EQ(out.back(), '\n');
    const std::size_t data = out.size() - 1;
    EXPECT_EQ(data % 80, 0u) << n;
    EXPECT_GE(data - n, 3u) << n;
    for (std::size_t i = n; i < data; ++i) EXPECT_EQ(static_cast<unsigned char>(out[i]), 0x80u);
  }
}

TEST(Cm8, ControlCharactersAreEscapedAndRestored) {
  // 3, 4, 16 and 26 as last bytes go out raised by 32 and followed by 0x80 0x01 (codeco CHEKBT).
  for (const std::int32_t v : {3, 4, 16, 26}) {
    const std::string out = cm8({v});
    EXPECT_EQ(out.substr(0, 3), bytes({v + 32, 0x80, 0x01})) << v;
    std::vector<std::int32_t> back(1);
    ASSERT_TRUE(decode_cm8(out, back).has_value()) << v;
    EXPECT_EQ(back[0], v);
  }
  // A multi-byte sample whose last byte is 26, followed by another sample.
  const std::vector<std::int32_t> s{128 + 26, 128 + 26 + 5};
  const std::string out = cm8(s);
  EXPECT_EQ(out.substr(0, 4), bytes({128 + 1, 26 + 32, 0x80, 0x01}));
  std::vector<std::int32_t> back(2);
  ASSERT_TRUE(decode_cm8(out, back).has_value());
  EXPECT_EQ(back, s);
}

TEST(Cm8, TheLimitOfFourBytes) {
  // Second differences up to 2^27 - 1 are written; beyond, an error names the sample and leaves out alone.
  const std::vector<std::int32_t> ok{static_cast<std::int32_t>(kCm8Limit),
                                     static_cast<std::int32_t>(2 * kCm8Limit)};
  std::vector<std::int32_t> back(2);
  ASSERT_TRUE(decode_cm8(cm8(ok), back).has_value());
  EXPECT_EQ(back, ok);
  const std::vector<std::int32_t> negative{static_cast<std::int32_t>(-kCm8Limit)};
  std::vector<std::int32_t> one(1);
  ASSERT_TRUE(decode_cm8(cm8(negative), one).has_value());
  EXPECT_EQ(one, negative);
  std::string out = "kept";
  const auto e = encode_cm8(std::vector<std::int32_t>{0, 1, static_cast<std::int32_t>(kCm8Limit + 3)}, out);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, CodecErrc::out_of_range);
  EXPECT_EQ(e.error().sample, 2u);
  EXPECT_EQ(out, "kept");
  // A small sample after a large one: the second difference is large.
  EXPECT_FALSE(encode_cm8(std::vector<std::int32_t>{100000000, 0}, out));
  EXPECT_FALSE(encode_cm8(std::vector<std::int32_t>{INT32_MIN}, out));
}

TEST(Cm8, LineEndBytesAreData) {
  // 10 and 13 are ordinary sample bytes in CM8.
  const std::vector<std::int32_t> s{10, 23, 36, 10, 13};
  const std::string out = cm8(s);
  std::vector<std::int32_t> back(s.size());
  auto consumed = decode_cm8(out + "CHK2 1\n", back);
  ASSERT_TRUE(consumed);
  EXPECT_EQ(*consumed, out.size());
  EXPECT_EQ(back, s);
}

TEST(Cm8, ErrorsGiveTheirOffset) {
  std::vector<std::int32_t> three(3);
  const auto early = decode_cm8(bytes({1, 0x80, 0x80, 0x80}) + "\n", three);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, CodecErrc::data_end);
  EXPECT_EQ(early.error().offset, 1u);
  EXPECT_EQ(early.error().sample, 1u);
  const auto cut = decode_cm8(bytes({1, 2, 0x81}), three);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, CodecErrc::data_end);
  EXPECT_EQ(cut.error().offset, 3u);
  const auto long_sample = decode_cm8(bytes({0x81, 0x81, 0x81, 0x81, 0x01}), three);
  ASSERT_FALSE(long_sample);
  EXPECT_EQ(long_sample.error().code, CodecErrc::sample_too_long);
  EXPECT_EQ(long_sample.error().offset, 0u);
  std::vector<std::int32_t> one(1);
  const auto more = decode_cm8(bytes({1, 2, 0x80, 0x80, '\n'}), one);
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().code, CodecErrc::trailing_data);
  EXPECT_EQ(more.error().offset, 1u);
  const auto escape_first = decode_cm8(bytes({0x80, 0x01, 5}), one);
  ASSERT_FALSE(escape_first);
  EXPECT_EQ(escape_first.error().code, CodecErrc::malformed);
}

TEST(Cm8, ZeroSamples) {
  std::vector<std::int32_t> none;
  const std::string out = cm8({});
  EXPECT_EQ(out.size(), 81u);
  EXPECT_EQ(decode_cm8(out + "CHK2 0\n", none).value(), 81u);
}

}  // namespace
}  // namespace imsgate::ims2::codec
