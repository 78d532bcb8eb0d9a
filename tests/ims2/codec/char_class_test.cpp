// The SSE2 classifiers give what their scalar references give, for every byte in every position.
#include "ims2/codec/char_class.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2::codec::detail {
namespace {

#if defined(__SSE2__)

TEST(CharClass, Sse2MatchesScalarForEveryByte) {
  for (int shift = 0; shift < 16; ++shift) {
    for (int base = 0; base < 256; base += 16) {
      char in[16];
      for (int i = 0; i < 16; ++i) in[i] = static_cast<char>(base + (i + shift) % 16);
      std::uint8_t v_sse[16], v_scalar[16];
      const Cm6Classes a = classify_cm6_sse2(in, v_sse);
      const Cm6Classes b = classify_cm6_scalar(in, v_scalar);
      EXPECT_EQ(a.continues, b.continues);
      EXPECT_EQ(a.invalid, b.invalid);
      for (int i = 0; i < 16; ++i) {
        if (!((b.invalid >> i) & 1)) {
          EXPECT_EQ(v_sse[i], v_scalar[i]) << static_cast<int>(in[i]);
        }
      }
      const IntClasses x = classify_int_sse2(in);
      const IntClasses y = classify_int_scalar(in);
      EXPECT_EQ(x.digit, y.digit);
      EXPECT_EQ(x.minus, y.minus);
      EXPECT_EQ(x.sign, y.sign);
      EXPECT_EQ(x.other, y.other);
    }
  }
}

#endif

TEST(CharClass, Cm6AlphabetValues) {
  for (int v = 0; v < 64; ++v) EXPECT_EQ(kCm6Value[static_cast<unsigned char>(kCm6Alphabet[v])], v);
  int valid = 0;
  for (int c = 0; c < 256; ++c) valid += kCm6Value[static_cast<std::size_t>(c)] != kNotCm6;
  EXPECT_EQ(valid, 64);
}

}  // namespace
}  // namespace imsgate::ims2::codec::detail
