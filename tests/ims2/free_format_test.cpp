#include "ims2/free_format.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2 {

TEST(FreeFormat, TokensKeepTheirColumns) {
  const LogicalLine line(Line{"  sta_list  ABC,\tDEF", 7});
  const auto tokens = line.tokens();
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "sta_list");
  EXPECT_EQ(tokens[0].at.line, 7);
  EXPECT_EQ(tokens[0].at.column, 3);
  EXPECT_EQ(tokens[1].text, "ABC,");
  EXPECT_EQ(tokens[1].at.column, 13);
  EXPECT_EQ(tokens[2].text, "DEF");
  EXPECT_EQ(tokens[2].at.column, 18);
}

TEST(FreeFormat, ContinuationJoinsWithoutBlankAndMapsPositions) {
  LogicalLine line(Line{"sta_list ABC,DE\\", 3});
  ASSERT_TRUE(line.ends_with_backslash());
  line.continue_with(Line{"F,GHI", 4});
  EXPECT_EQ(line.text(), "sta_list ABC,DEF,GHI");
  const auto tokens = line.tokens();
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].text, "ABC,DEF,GHI");
  // 'G' is the third character of physical line 4.
  const auto g = line.position(line.text().find('G'));
  EXPECT_EQ(g.line, 4);
  EXPECT_EQ(g.column, 3);
}

TEST(FreeFormat, RestAfterFirstToken) {
  EXPECT_EQ(rest_after_first_token("  e-mail   name@my.computer  "), "name@my.computer");
  EXPECT_EQ(rest_after_first_token("help"), "");
}

}  // namespace imsgate::ims2
