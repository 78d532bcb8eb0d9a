// Property tests: random series through every codec that can hold them, and the errors where one cannot.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <climits>
#include <gtest/gtest.h>

#include "ims2/codec/cd11_subframe.hpp"
#include "ims2/codec/cm8.hpp"
#include "ims2/codec/codec.hpp"
#include "ims2/codec/csf.hpp"

namespace imsgate::ims2::codec {
namespace {

enum class Kind { full_range, seismic, spiky, constant };

std::vector<std::int32_t> make_series(Kind kind, std::size_t n, std::mt19937& rng) {
  std::vector<std::int32_t> s(n);
  std::int64_t level = static_cast<std::int32_t>(rng()) / 1024;
  for (std::size_t i = 0; i < n; ++i) {
    switch (kind) {
      case Kind::full_range:
        s[i] = static_cast<std::int32_t>(rng());
        if (rng() % 16 == 0) s[i] = rng() % 2 ? INT32_MAX : INT32_MIN;
        break;
      case Kind::seismic:
        level += static_cast<std::int64_t>(rng() % 201) - 100 - level / 64;
        s[i] = static_cast<std::int32_t>(level);
        break;
      case Kind::spiky:
        s[i] = static_cast<std::int32_t>(rng() % 41) - 20;
        if (rng() % 50 == 0) s[i] = static_cast<std::int32_t>(rng() % 2000001) - 1000000;
        break;
      case Kind::constant:
        s[i] = INT32_MIN + 5;
        break;
    }
  }
  return s;
}

// The largest second difference (modulo 2^32, as the encoders take it).
std::int64_t largest_difference(const std::vector<std::int32_t>& s) {
  std::uint32_t a = 0, b = 0;
  std::int64_t largest = 0;
  for (const std::int32_t v : s) {
    const auto d = static_cast<std::int32_t>(static_cast<std::uint32_t>(v) - 2 * a + b);
    largest = std::max(largest, d < 0 ? -std::int64_t{d} : std::int64_t{d});
    b = a;
    a = static_cast<std::uint32_t>(v);
  }
  return largest;
}

// Lines re-cut at random lengths, with CR LF, trailing blanks and blank lines, as senders write them.
std::string rewrap(const std::string& text, std::mt19937& rng) {
  std::string flat;
  for (const char c : text) flat += c == '\n' ? "" : std::string(1, c);
  std::string out;
  std::size_t at = 0;
  while (at < flat.size()) {
    std::size_t n = 1 + rng() % 300;
    n = std::min(n, flat.size() - at);
    out.append(flat, at, n);
    at += n;
    if (rng() % 3 == 0) out.append(rng() % 4, ' ');
    out += rng() % 2 ? "\r\n" : "\n";
    if (rng() % 10 == 0) out += "\n";
  }
  return out;
}

// INT values with random runs of blanks and TABs between them, and line ends (LF or CR LF) anywhere between.
std::string respace(const std::string& text, std::mt19937& rng) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find_first_of(" \n", at);
    out.append(text, at, end - at);
    at = end + 1;
    if (at >= text.size()) break;
    switch (rng() % 4) {
      case 0:
        out += rng() % 2 ? "\r\n" : "\n";
        break;
      case 1:
        out.append(1 + rng() % 70, ' ');
        break;
      case 2:
        out += " \t ";
        break;
      default:
        out += ' ';
    }
  }
  return out + "\n";
}

class RoundTrip : public ::testing::TestWithParam<Kind> {};

TEST_P(RoundTrip, IntAndCm6HoldEverySeries) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) + 100);
  for (int run = 0; run < 30; ++run) {
    const auto s = make_series(GetParam(), rng() % 3000, rng);
    for (const auto subformat : {Subformat::int_text, Subformat::cm6}) {
      std::string text;
      ASSERT_TRUE(encode(subformat, s, text));
      std::vector<std::int32_t> back;
      auto consumed = decode(subformat, text + "CHK2 1\n", s.size(), back);
      ASSERT_TRUE(consumed) << subformat_name(subformat) << ": " << consumed.error().message;
      EXPECT_EQ(*consumed, text.size());
      EXPECT_EQ(back, s) << subformat_name(subformat);
    }
    if (s.size() < 1000) {
      // CM6 characters may be cut into lines anywhere; INT values may be spaced and broken between lines
      // as a writer likes.
      std::string cm6_text, int_text;
      ASSERT_TRUE(encode(Subformat::cm6, s, cm6_text));
      ASSERT_TRUE(encode(Subformat::int_text, s, int_text));
      for (const auto& [subformat, text] : {std::pair{Subformat::cm6, rewrap(cm6_text, rng)},
                                            std::pair{Subformat::int_text, respace(int_text, rng)}}) {
        std::vector<std::int32_t> back;
        auto consumed = decode(subformat, text + "CHK2 1\n", s.size(), back);
        ASSERT_TRUE(consumed) << subformat_name(subformat) << ": " << consumed.error().message;
        EXPECT_EQ(*consumed, text.size());
        EXPECT_EQ(back, s) << subformat_name(subformat);
      }
    }
  }
}

TEST_P(RoundTrip, Cm8HoldsWhatFitsAndRefusesTheRest) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) + 200);
  for (int run = 0; run < 30; ++run) {
    const auto s = make_series(GetParam(), rng() % 3000, rng);
    std::string bytes;
    const auto ok = encode(Subformat::cm8, s, bytes);
    if (largest_difference(s) > kCm8Limit) {
      ASSERT_FALSE(ok);
      EXPECT_EQ(ok.error().code, CodecErrc::out_of_range);
      EXPECT_TRUE(bytes.empty());
      continue;
    }
    ASSERT_TRUE(ok);
    std::vector<std::int32_t> back;
    auto consumed = decode(Subformat::cm8, bytes + "CHK2 1\n", s.size(), back);
    ASSERT_TRUE(consumed) << consumed.error().message;
    EXPECT_EQ(*consumed, bytes.size());
    EXPECT_EQ(back, s);
  }
}

TEST_P(RoundTrip, CsfHoldsEverySeries) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) + 300);
  for (int run = 0; run < 10; ++run) {
    const auto s = make_series(GetParam(), 20 * (rng() % 100), rng);
    std::vector<std::uint8_t> frames;
    Cd11SubframeSpec spec;
    spec.site = "ABC";
    spec.channel = "BHZ";
    spec.time_stamp = "2024001 00:00:00.000";
    for (std::size_t at = 0; at < s.size(); at += 200) {
      const std::size_t n = std::min<std::size_t>(200, s.size() - at);
      spec.canadian = (at / 200) % 2 == 1;
      spec.next_sample = at + n < s.size() ? s[at + n] : 0;
      append_cd11_subframe(spec, std::span<const std::int32_t>(s).subspan(at, n), frames);
    }
    std::string text;
    encode_csf(frames, text);
    std::vector<std::int32_t> back;
    auto consumed = decode(Subformat::csf, text + "CHK2 1\n", s.size(), back);
    ASSERT_TRUE(consumed) << consumed.error().message;
    EXPECT_EQ(*consumed, text.size());
    EXPECT_EQ(back, s);
  }
}

INSTANTIATE_TEST_SUITE_P(Series, RoundTrip,
                         ::testing::Values(Kind::full_range, Kind::seismic, Kind::spiky, Kind::constant));

}  // namespace
}  // namespace imsgate::ims2::codec
