// Decoders on damaged input: every prefix of good data and random bytes give a result or an error, read
// nothing outside the text (run under AddressSanitizer), and place errors inside the text.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ims2/codec/cd11_subframe.hpp"
#include "ims2/codec/codec.hpp"
#include "ims2/codec/csf.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr Subformat kAll[] = {Subformat::int_text, Subformat::cm6, Subformat::cm8, Subformat::csf};

void decode_anything(Subformat subformat, const std::string& text, std::size_t count) {
  // A copy of exactly the text's size, so that any read past its end is caught.
  const std::vector<char> exact(text.begin(), text.end());
  std::vector<std::int32_t> out(count);
  const auto r = decode(subformat, std::string_view(exact.data(), exact.size()), out);
  if (r) {
    EXPECT_LE(*r, text.size());
  } else {
    EXPECT_LE(r.error().offset, text.size());
    EXPECT_LE(r.error().sample, count);
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(Robustness, EveryPrefixOfGoodData) {
  std::mt19937 rng(17);
  std::vector<std::int32_t> s(60);
  for (auto& v : s) v = static_cast<std::int32_t>(rng()) >> (rng() % 32);
  for (const auto subformat : {Subformat::int_text, Subformat::cm6}) {
    std::string text;
    ASSERT_TRUE(encode(subformat, s, text));
    for (std::size_t n = 0; n <= text.size(); ++n) decode_anything(subformat, text.substr(0, n), s.size());
  }
  for (auto& v : s) v >>= 8;  // within CM8's reach
  std::string bytes;
  ASSERT_TRUE(encode(Subformat::cm8, s, bytes));
  for (std::size_t n = 0; n <= bytes.size(); ++n)
    decode_anything(Subformat::cm8, bytes.substr(0, n), s.size());
}

TEST(Robustness, RandomBytes) {
  std::mt19937 rng(23);
  const std::string alphabets[] = {"+-0123456789ABCDEFGHUVWXYZabcz \n\r", "0123456789-+ \t\n\r", "",
                                   "AQIDBAUGBw+/=\n"};
  for (int run = 0; run < 3000; ++run) {
    const std::string& alphabet = alphabets[run % 4];
    std::string text(rng() % 200, ' ');
    for (char& c : text) c = alphabet.empty() ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    decode_anything(kAll[rng() % 4], text, rng() % 100);
  }
}

TEST(Robustness, GoodDataWithAFewBytesChanged) {
  std::mt19937 rng(29);
  for (int run = 0; run < 2000; ++run) {
    std::vector<std::int32_t> s(1 + rng() % 300);
    for (auto& v : s) v = static_cast<std::int32_t>(rng()) >> (6 + rng() % 26);
    const Subformat subformat = kAll[rng() % 3];
    std::string text;
    ASSERT_TRUE(encode(subformat, s, text));
    for (unsigned k = 1 + rng() % 3; k > 0; --k) text[rng() % text.size()] = static_cast<char>(rng());
    decode_anything(subformat, text, s.size() + rng() % 3 - 1);
  }
}

TEST(Robustness, CsfWithAFewBytesChanged) {
  std::mt19937 rng(31);
  for (int run = 0; run < 500; ++run) {
    std::vector<std::int32_t> s(20 * (1 + rng() % 10));
    for (auto& v : s) v = static_cast<std::int32_t>(rng()) >> (rng() % 32);
    Cd11SubframeSpec spec;
    spec.site = "XYZ";
    spec.canadian = rng() % 2 == 0;
    std::vector<std::uint8_t> frames;
    append_cd11_subframe(spec, s, frames);
    // Damage the binary (lengths, codes, compressed data) or the base-64 text.
    if (rng() % 2) frames[rng() % frames.size()] = static_cast<std::uint8_t>(rng());
    std::string text;
    encode_csf(frames, text);
    if (rng() % 2) text[rng() % text.size()] = static_cast<char>(rng());
    decode_anything(Subformat::csf, text, s.size());
  }
}

}  // namespace
}  // namespace imsgate::ims2::codec
