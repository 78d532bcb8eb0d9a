#include "ims2/codec/csf.hpp"

#include <random>
#include <string>
#include <vector>

#include <climits>
#include <gtest/gtest.h>

#include "ims2/codec/base64.hpp"
#include "ims2/codec/canadian.hpp"
#include "ims2/codec/cd11_subframe.hpp"

namespace imsgate::ims2::codec {
namespace {

std::vector<std::uint8_t> to_bytes(std::string_view s) {
  return {s.begin(), s.end()};
}

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg==\n"},
                                                         {"fo", "Zm8=\n"},
                                                         {"foo", "Zm9v\n"},
                                                         {"foob", "Zm9vYg==\n"},
                                                         {"fooba", "Zm9vYmE=\n"},
                                                         {"foobar", "Zm9vYmFy\n"}};
  for (const auto& [plain, coded] : vectors) {
    std::string out;
    append_base64(to_bytes(plain), out);
    EXPECT_EQ(out, coded);
    std::vector<std::uint8_t> back;
    EXPECT_FALSE(decode_base64(coded, back));
    EXPECT_EQ(back, to_bytes(plain));
  }
}

TEST(Base64, LinesOf76AndErrors) {
  std::vector<std::uint8_t> data(1000);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
  std::string out;
  append_base64(data, out);
  EXPECT_EQ(out.find('\n'), 76u);
  std::string crlf;
  for (const char c : out) crlf += c == '\n' ? std::string("  \r\n") : std::string(1, c);
  std::vector<std::uint8_t> back;
  EXPECT_FALSE(decode_base64(crlf, back));
  EXPECT_EQ(back, data);
  EXPECT_EQ(decode_base64("Zm9v!", back)->offset, 4u);
  EXPECT_TRUE(decode_base64("Zm9", back));
  EXPECT_TRUE(decode_base64("Z===", back));
  EXPECT_TRUE(decode_base64("Zg==Zg==", back));
}

TEST(Canadian, RoundTripAtEveryScale) {
  std::mt19937 rng(9);
  for (const std::uint32_t bits : {1u, 3u, 8u, 12u, 17u, 20u, 25u, 31u, 32u}) {
    std::vector<std::int32_t> s(200);
    for (auto& v : s) {
      const std::uint32_t r = bits == 32 ? rng() : rng() & ((1u << bits) - 1);
      v = static_cast<std::int32_t>(r) - (bits == 32 ? 0 : static_cast<std::int32_t>(1u << (bits - 1)));
    }
    std::vector<std::uint8_t> packed;
    canadian_compress(s, s.back(), packed);
    std::vector<std::int32_t> back(s.size());
    EXPECT_FALSE(canadian_decompress(packed, back)) << bits;
    EXPECT_EQ(back, s) << bits;
  }
}

TEST(Canadian, LayoutOfAQuietBlock) {
  // 20 equal samples: second differences 0 (the last first difference leads to `next`, equal too): index
  // 0x0000 (five groups of 4 bits), the first sample, then 5 groups of 2 bytes.
  const std::vector<std::int32_t> s(20, -7);
  std::vector<std::uint8_t> packed;
  canadian_compress(s, -7, packed);
  ASSERT_EQ(packed.size(), 2u + 4 + 10);
  EXPECT_EQ(packed[0], 0);
  EXPECT_EQ(packed[1], 0);
  EXPECT_EQ(packed[2], 0xFF);
  EXPECT_EQ(packed[5], 0xF9);
  // A block needing more than 18 bits switches every group of it to 4, 8, ... 32 bits (high bit set).
  std::vector<std::int32_t> loud(20, 0);
  loud[10] = 1 << 20;
  packed.clear();
  canadian_compress(loud, 0, packed);
  EXPECT_EQ(packed[0] & 0x80, 0x80);
  std::vector<std::int32_t> back(20);
  EXPECT_FALSE(canadian_decompress(packed, back));
  EXPECT_EQ(back, loud);
}

TEST(Canadian, RefusesShortDataAndOddCounts) {
  std::vector<std::int32_t> s(20);
  EXPECT_TRUE(canadian_decompress(std::vector<std::uint8_t>(5), s));
  std::vector<std::int32_t> odd(21);
  EXPECT_TRUE(canadian_decompress(std::vector<std::uint8_t>(100), odd));
}

Cd11SubframeSpec spec(bool canadian) {
  Cd11SubframeSpec s;
  s.site = "FINES";
  s.channel = "SHZ";
  s.location = "01";
  s.time_stamp = "2021335 12:00:00.000";
  s.time_length_ms = 10000;
  s.canadian = canadian;
  return s;
}

std::vector<std::int32_t> series(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::int32_t> s(n);
  std::int32_t v = 0;
  for (auto& x : s) x = v += static_cast<std::int32_t>(rng() % 2001) - 1000;
  return s;
}

TEST(Cd11Subframe, FieldsAsWritten) {
  const auto s = series(400, 1);
  std::vector<std::uint8_t> bytes;
  append_cd11_subframe(spec(false), s, bytes);
  auto frames = read_cd11_subframes(bytes);
  ASSERT_TRUE(frames);
  ASSERT_EQ(frames->size(), 1u);
  const Cd11Subframe& f = frames->front();
  EXPECT_EQ(f.bytes.size(), bytes.size());
  EXPECT_EQ(f.site, "FINES");
  EXPECT_EQ(f.channel, "SHZ");
  EXPECT_EQ(f.location, "01");
  EXPECT_EQ(f.data_type, "s4");
  EXPECT_EQ(f.time_stamp, "2021335 12:00:00.000");
  EXPECT_EQ(f.time_length_ms, 10000u);
  EXPECT_EQ(f.sample_count, 400u);
  EXPECT_FALSE(f.authenticated);
  EXPECT_EQ(f.data.size(), 1600u);
  EXPECT_TRUE(f.signature.empty());
  // Signed: description (24), time stamp (20), 3 lengths, status, data size and data, subframe count.
  EXPECT_EQ(f.signed_part.size(), 24u + 20 + 4 + 4 + 4 + 4 + 1600 + 4);
  std::vector<std::int32_t> back(400);
  ASSERT_TRUE(cd11_samples(f, back));
  EXPECT_EQ(back, s);
}

TEST(Cd11Subframe, OtherIntegerTypes) {
  // Build an s4 subframe, then rewrite its data as s2, i2, s3 and i4.
  const std::vector<std::int32_t> s{1, -2, 300, -32768, 32767};
  std::vector<std::uint8_t> bytes;
  append_cd11_subframe(spec(false), s, bytes);
  const std::size_t type_at = 4 + 4 + 14;  // length, authentication offset, description bytes 1-14
  const std::size_t data_at = 4 + 4 + 24 + 20 + 4 + 4 + 4 + 4;
  for (const std::string type : {"s2", "i2", "s3", "i4"}) {
    std::vector<std::uint8_t> b = bytes;
    b[type_at] = static_cast<std::uint8_t>(type[0]);
    b[type_at + 1] = static_cast<std::uint8_t>(type[1]);
    const std::size_t width = type[1] - '0';
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto u = static_cast<std::uint32_t>(s[i]);
      for (std::size_t k = 0; k < width; ++k) {
        const std::size_t shift = 8 * (type[0] == 's' ? width - 1 - k : k);
        b[data_at + i * width + k] = static_cast<std::uint8_t>(u >> shift);
      }
    }
    auto frames = read_cd11_subframes(b);
    ASSERT_TRUE(frames) << type;
    std::vector<std::int32_t> back(s.size());
    ASSERT_TRUE(cd11_samples(frames->front(), back)) << type;
    EXPECT_EQ(back, s) << type;
  }
  std::vector<std::uint8_t> floats = bytes;
  floats[type_at] = 't';
  auto frames = read_cd11_subframes(floats);
  ASSERT_TRUE(frames);
  std::vector<std::int32_t> back(s.size());
  const auto e = cd11_samples(frames->front(), back);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, CodecErrc::unsupported);
}

TEST(Cd11Subframe, MalformedLengths) {
  std::vector<std::uint8_t> bytes;
  append_cd11_subframe(spec(false), series(10, 2), bytes);
  std::vector<std::uint8_t> cut(bytes.begin(), bytes.end() - 4);
  EXPECT_FALSE(read_cd11_subframes(cut));
  std::vector<std::uint8_t> odd = bytes;
  odd[3] += 1;
  EXPECT_FALSE(read_cd11_subframes(odd));
  std::vector<std::uint8_t> steim = bytes;
  steim[4 + 4 + 1] = 3;
  auto frames = read_cd11_subframes(steim);
  ASSERT_TRUE(frames);
  std::vector<std::int32_t> back(10);
  EXPECT_EQ(cd11_samples(frames->front(), back).error().code, CodecErrc::unsupported);
}

std::string csf_text(const std::vector<std::int32_t>& s, std::size_t per_frame, bool canadian) {
  std::vector<std::uint8_t> frames;
  for (std::size_t at = 0; at < s.size(); at += per_frame) {
    const std::size_t n = std::min(per_frame, s.size() - at);
    auto sp = spec(canadian);
    sp.next_sample = at + n < s.size() ? s[at + n] : s.back();
    append_cd11_subframe(sp, std::span<const std::int32_t>(s).subspan(at, n), frames);
  }
  std::string text;
  encode_csf(frames, text);
  return text;
}

TEST(Csf, DecodesSubframesOfEitherKind) {
  const auto s = series(1200, 4);
  for (const bool canadian : {false, true}) {
    const std::string text = csf_text(s, 400, canadian);
    std::vector<std::int32_t> back(s.size());
    auto consumed = decode_csf(text + "\nCHK2 1\n", back);
    ASSERT_TRUE(consumed) << consumed.error().message;
    EXPECT_EQ(*consumed, text.size() + 1);
    EXPECT_EQ(back, s);
  }
}

TEST(Csf, TheSubframesMustHoldTheAnnouncedCount) {
  const auto s = series(400, 5);
  const std::string text = csf_text(s, 200, false) + "CHK2 1\n";
  std::vector<std::int32_t> more(401), fewer(399);
  const auto e1 = decode_csf(text, more);
  ASSERT_FALSE(e1);
  EXPECT_EQ(e1.error().code, CodecErrc::data_end);
  const auto e2 = decode_csf(text, fewer);
  ASSERT_FALSE(e2);
  EXPECT_EQ(e2.error().code, CodecErrc::trailing_data);
}

TEST(Csf, ErrorsPointIntoTheText) {
  std::vector<std::int32_t> s(10);
  const auto junk = decode_csf("AAAA\nAA*A\n", s);  // the line with '*' ends the base-64: 3 bytes
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().code, CodecErrc::malformed);
  const auto bad = decode_csf("AAAAAAAA\n", s);  // a subframe of length 0 is too short
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, CodecErrc::malformed);
  EXPECT_EQ(bad.error().offset, 0u);
  std::vector<std::int32_t> none;
  EXPECT_EQ(decode_csf("CHK2 0\n", none).value(), 0u);
}

}  // namespace
}  // namespace imsgate::ims2::codec
