#include "ims2/text.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2 {

TEST(Text, ComparesCaseInsensitively) {
  EXPECT_TRUE(iequals("STA_LIST", "sta_list"));
  EXPECT_FALSE(iequals("sta_list", "sta_lis"));
  EXPECT_TRUE(istarts_with("WAVEFORM:cm6", "waveform"));
}

TEST(Text, ParsesWholeNumbersOnly) {
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("+7"), 7);
  EXPECT_EQ(parse_integer("-12"), -12);
  EXPECT_FALSE(parse_integer("12a"));
  EXPECT_FALSE(parse_integer(""));
  EXPECT_DOUBLE_EQ(*parse_real("4.5"), 4.5);
  EXPECT_DOUBLE_EQ(*parse_real("-0.25"), -0.25);
  EXPECT_FALSE(parse_real("4.5.1"));
}

TEST(Text, MatchesWildcards) {
  EXPECT_TRUE(wildcard_match("*Z", "BHZ"));
  EXPECT_TRUE(wildcard_match("a*", "ARCES"));
  EXPECT_TRUE(wildcard_match("*", ""));
  EXPECT_TRUE(wildcard_match("S*Z", "SHZ"));
  EXPECT_FALSE(wildcard_match("*Z", "BHN"));
  EXPECT_FALSE(wildcard_match("RU*", "FRP27"));
  EXPECT_TRUE(wildcard_match("*a*b*", "xxAyyBzz"));
}

}  // namespace imsgate::ims2
