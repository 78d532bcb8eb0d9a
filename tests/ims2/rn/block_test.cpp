#include "ims2/rn/block.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2::rn {
namespace {

DataSection section_of(std::string body) {
  DataSection s;
  s.header.type = "CALIBPHD";
  s.line.number = 4;
  s.body = std::move(body);
  return s;
}

TEST(SplitProducts, SplitsProductsAtEachHeaderAndKeepsBlockRecords) {
  const DataSection s = section_of(
      "#Header 3\nAAP01 AAP01_001 P GEO FULL\n#g_Energy\n1 2 0\n3 4 0\n"
      "TIME_STAMP 2022/01/02 03:04:05\n#Header 3\nX\n#Comment\nfirst\n\nthird\n#unknown_Block extra "
      "words\nkept\n");
  Diagnostics d;
  const SplitSection split = split_products(s, d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(split.products.size(), 2u);
  ASSERT_EQ(split.products[0].blocks.size(), 2u);
  EXPECT_EQ(split.products[0].blocks[0].designator, "3");
  EXPECT_EQ(split.products[0].blocks[1].records.size(), 2u);
  EXPECT_EQ(split.products[0].blocks[1].records[1].number, 9);  // body line 5 after the DATA_TYPE line 4
  ASSERT_NE(split.products[1].find("#COMMENT"), nullptr);
  EXPECT_EQ(split.products[1].find("#comment")->records.size(), 3u);  // the blank line of a comment is text
  EXPECT_EQ(split.products[1].blocks.back().name, "#unknown_Block");
  EXPECT_EQ(split.products[1].blocks.back().designator, "extra words");
  ASSERT_EQ(split.time_stamps.size(), 1u);
  EXPECT_EQ(write_time_stamp(split.time_stamps[0]), "TIME_STAMP 2022/01/02 03:04:05");
}

TEST(SplitProducts, ReportsBlankLinesTextBeforeBlocksAndAMissingHeader) {
  Diagnostics d;
  const SplitSection split = split_products(section_of("stray\n#g_Energy\n1 2 0\n\n3 4 0\n"), d);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.items()[0].line, 5);
  EXPECT_EQ(d.items()[0].message, "text before the first block: a block begins with '#Name'");
  EXPECT_EQ(d.items()[1].line, 6);
  EXPECT_EQ(d.items()[1].message, "'#g_Energy' before '#Header': '#Header' is the first block");
  EXPECT_EQ(d.items()[2].severity, Severity::warning);
  EXPECT_EQ(d.items()[2].line, 8);
  EXPECT_EQ(d.items()[2].rule, "3.5.5");
  ASSERT_EQ(split.products.size(), 1u);
  EXPECT_EQ(split.products[0].blocks[0].records.size(), 2u);
}

TEST(SplitProducts, AFamilyNamesItsFreeTextBlocks) {
  Diagnostics d;
  split_products(section_of("#Header\n#Objective\na\n\nb\n"), d,
                 [](std::string_view name) { return name == "#Objective"; });
  EXPECT_TRUE(d.empty());
}

TEST(TimeStamp, MalformedIsAnError) {
  Diagnostics d;
  const Line line{"TIME_STAMP 2022/13/02 03:04:05", 7, 0, false};
  EXPECT_FALSE(read_time_stamp(line, d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].column, 12);
}

}  // namespace
}  // namespace imsgate::ims2::rn
