#include "ims2/codec/codec.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace imsgate::ims2::codec {
namespace {

TEST(Codec, SubformatNames) {
  EXPECT_EQ(parse_subformat("CM6"), Subformat::cm6);
  EXPECT_EQ(parse_subformat(" int "), Subformat::int_text);
  EXPECT_EQ(parse_subformat("Cm8"), Subformat::cm8);
  EXPECT_EQ(parse_subformat("csf"), Subformat::csf);
  EXPECT_FALSE(parse_subformat("CM7"));
  EXPECT_FALSE(parse_subformat(""));
  EXPECT_FALSE(parse_subformat("INTX"));
  for (const auto s : {Subformat::int_text, Subformat::cm6, Subformat::cm8, Subformat::csf}) {
    EXPECT_EQ(parse_subformat(subformat_name(s)), s);
  }
}

TEST(Codec, DecodeAppendsAndLeavesTheVectorAloneOnError) {
  std::vector<std::int32_t> samples{42};
  ASSERT_EQ(decode(Subformat::int_text, "1 2\nCHK2 3\n", 2, samples).value(), 4u);
  EXPECT_EQ(samples, (std::vector<std::int32_t>{42, 1, 2}));
  EXPECT_FALSE(decode(Subformat::int_text, "1 x\n", 2, samples));
  EXPECT_EQ(samples, (std::vector<std::int32_t>{42, 1, 2}));
}

TEST(Codec, ACountTheDataCannotHoldIsRefusedBeforeAllocating) {
  std::vector<std::int32_t> samples;
  const auto e = decode(Subformat::cm6, "+++\nCHK2 0\n", 99999999, samples);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, CodecErrc::data_end);
  EXPECT_EQ(samples.capacity(), 0u);
}

TEST(Codec, EncodeEachSubformat) {
  const std::vector<std::int32_t> s{1, -2, 3};
  std::string out;
  ASSERT_TRUE(encode(Subformat::int_text, s, out));
  EXPECT_EQ(out, "1 -2 3\n");
  out.clear();
  ASSERT_TRUE(encode(Subformat::cm6, s, out));
  EXPECT_EQ(out, "-I6\n");  // d = 1, -4, 8
  out.clear();
  ASSERT_TRUE(encode(Subformat::cm8, s, out));
  EXPECT_EQ(out.size(), 81u);
  std::string kept(1, 'x');
  const auto csf = encode(Subformat::csf, s, kept);
  ASSERT_FALSE(csf);
  EXPECT_EQ(csf.error().code, CodecErrc::unsupported);
  EXPECT_EQ(kept, "x");
}

}  // namespace
}  // namespace imsgate::ims2::codec
