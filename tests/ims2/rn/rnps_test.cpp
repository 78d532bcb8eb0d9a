#include "ims2/rn/rnps.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "print_diagnostic.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace std::chrono;

TimePoint at(int y, int mo, int d, int h, int mi, int s = 0) {
  return sys_days{year{y} / mo / d} + hours{h} + minutes{mi} + seconds{s};
}

DataSection example() {
  const auto result =
      read_messages(testing::read_file(testing::data_examples_dir() / "I.32-rnps.damaged.msg"));
  return std::get<DataMessage>(result.messages.at(0)).sections.at(0);
}

DataSection body(const std::string& text) {
  DataSection s;
  s.header.type = "RNPS";
  s.body = text;
  s.line.number = 10;
  return s;
}

TEST(Rnps, ReadsTheDamagedExampleLeniently) {
  Diagnostics d;
  const auto r = read_rnps_section(example(), d);
  ASSERT_TRUE(r);
  EXPECT_FALSE(d.has_errors()) << d.items()[0].message;
  EXPECT_EQ(r->created, at(2021, 12, 10, 12, 44, 11));
  EXPECT_EQ(r->period_start, at(2021, 11, 25, 0, 0));
  EXPECT_EQ(r->period_end, at(2021, 11, 30, 0, 0));
  ASSERT_EQ(r->samples.size(), 20u);
  const RnpsSample& first = r->samples[0];
  EXPECT_EQ(first.station, "SEX63");
  EXPECT_EQ(first.detector, "SEX63_008");
  EXPECT_EQ(first.sample_id, 6470591);
  EXPECT_EQ(first.type, "B");
  EXPECT_EQ(first.collection_start, at(2021, 11, 29, 12, 1));
  EXPECT_EQ(first.collection_stop, at(2021, 11, 29, 18, 1));
  EXPECT_EQ(first.level, "2");
  EXPECT_EQ(first.status, "R");
  EXPECT_EQ(first.products, (std::vector<std::string>{"A", "R", "XA", "XR"}));
  EXPECT_EQ(first.relevant_nuclides, std::vector<std::string>{"XE-133"});
  EXPECT_EQ(r->samples[3].relevant_nuclides, (std::vector<std::string>{"XE-131M", "XE-133M"}));
  EXPECT_EQ(r->samples[8].level, "1");
  EXPECT_TRUE(r->samples[8].relevant_nuclides.empty());
  EXPECT_EQ(r->samples[19].sample_id, 6463796);
  // The damage and the I.32 practice are deviations: TAB cells once, numeric levels on noble gas rows.
  ASSERT_EQ(d.size(), 21u);
  EXPECT_EQ(d.items()[0], (Diagnostic{Severity::warning, 13, 6,
                                      "table cells separated by TABs, not in the columns of Table 164",
                                      "7.8.4 Table 164"}));
  EXPECT_EQ(d.items()[1],
            (Diagnostic{Severity::warning, 13, 61, "'Level 2' is not a level of a noble gas station (A to C)",
                        "7.8.4 Table 164"}));
  Diagnostics strict;
  read_rnps_section(example(), strict, Mode::strict);
  EXPECT_EQ(strict.error_count(), 21u);
}

TEST(Rnps, WritesTheChosenColumnsAndReadsThemBack) {
  Diagnostics d;
  const auto r = read_rnps_section(example(), d);
  const auto text = write_rnps_section(*r);
  ASSERT_TRUE(text) << text.error();
  EXPECT_NE(
      text->find("\nStation Detector  SID      P/G/B Cstart(GMT)       Cstop(GMT)        Category   Status  "
                 "Products    CTBT Relevant\n"
                 "SEX63   SEX63_008  6470591 B     2021/11/29 12:01  2021/11/29 18:01  Level 2    R       "
                 "A,R,XA,XR   XE-133\n"),
      std::string::npos)
      << *text;
  EXPECT_NE(text->find("\nProducts Legend:\n  A: ARR\n  R: RRR\n  S: SSREB\n  XA: SAMPML XML A\n"),
            std::string::npos);
  Diagnostics again;
  const auto back = read_rnps_section(body(*text), again);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *r);
  EXPECT_EQ(again.error_count(), 0u);
  EXPECT_EQ(write_rnps_section(*back).value(), *text);
}

TEST(Rnps, ReadsTheLayoutOfTable164) {
  const std::string text =
      "Radionuclide Network Product Summary\n"
      "Product created on 2021/12/10 12:44:11\n"
      "This product shows the radionuclide products received at the IDC between 2021/12/07 00:00:00 and "
      "2021/12/10 00:00:00\n"
      "Station SID      Type     Cstart (GMT)    Cstop (GMT)    Category  Status   Products   CTBT Relevant\n"
      "SEX63   6470591 X     21/12/08 12:01  21/12/08 18:01  Level C  R       A,R,S,XR   XE-133 XE-135\n"
      "AUP09   6604185 P     21/12/07 06:11  21/12/08 06:11  Level 1  A       A\n";
  Diagnostics d;
  const auto r = read_rnps_section(body(text), d, Mode::strict);
  ASSERT_TRUE(r);
  EXPECT_TRUE(d.empty()) << d.items()[0].message;
  ASSERT_EQ(r->samples.size(), 2u);
  EXPECT_EQ(r->samples[0].detector, "");
  EXPECT_EQ(r->samples[0].collection_start, at(2021, 12, 8, 12, 1));
  EXPECT_EQ(r->samples[0].level, "C");
  EXPECT_EQ(r->samples[0].products, (std::vector<std::string>{"A", "R", "S", "XR"}));
  EXPECT_EQ(r->samples[0].relevant_nuclides, (std::vector<std::string>{"XE-133", "XE-135"}));
  EXPECT_EQ(r->samples[1].type, "P");
  EXPECT_TRUE(r->samples[1].relevant_nuclides.empty());
  const auto written = write_rnps_section(*r);
  Diagnostics again;
  EXPECT_EQ(read_rnps_section(body(*written), again, Mode::strict), r);
  EXPECT_TRUE(again.empty());
}

TEST(RnpsMalformed, Catalogue) {
  const std::string good =
      "Radionuclide Network Product Summary\n"                                                 // 11
      "Product created on 2021/12/10 12:44:11\n"                                               // 12
      "This product shows the radionuclide products received at the IDC between\n"             // 13
      "2021/12/07 00:00:00 and 2021/12/10 00:00:00\n"                                          // 14
      "SEX63 SEX63_008 6470591 X 2021/12/08 12:01 2021/12/08 18:01 Level C R A,R,S XE-133\n";  // 15
  struct Case {
    std::string from, to;
    Diagnostic expected;
  };
  const std::vector<Case> cases{
      {"SEX63 SEX63_008",
       "SEX6 SEX63_008",
       {Severity::error, 15, 1, "'SEX6' is not a station code (e.g. SEX63)", "3.5.10"}},
      {"SEX63_008",
       "AUX04_008",
       {Severity::warning, 15, 7, "the detector AUX04_008 is not one of station SEX63", "3.5.11"}},
      {"6470591",
       "64705x1",
       {Severity::error, 15, 17, "'64705x1' is not a valid sample ID: expected an integer",
        "7.8.4 Table 164"}},
      {" X ",
       " Q ",
       {Severity::error, 15, 25, "'Q' is not a station type (P, G, B or X)", "7.8.4 Table 164"}},
      {"2021/12/08 18:01",
       "2021/12/08 11:01",
       {Severity::error, 15, 25, "the collection stops before it starts", "7.8.4 Table 164"}},
      {"2021/12/08 12:01",
       "2021/12/32 12:01",
       {Severity::error, 15, 27,
        "'2021/12/32 12:01' is not a collection start date (yyyy/mm/dd hh:mm or yy/mm/dd hh:mm)",
        "7.8.4 Table 164"}},
      {"Level C",
       "Class C",
       {Severity::error, 15, 61, "the category is 'Level n', not 'Class'", "7.8.4 Table 164"}},
      {"Level C",
       "Level 4",
       {Severity::warning, 15, 61, "'Level 4' is not a level of a noble gas station (A to C)",
        "7.8.4 Table 164"}},
      {" R A,R,S", " Z A,R,S", {Severity::error, 15, 69, "the status is A or R, not 'Z'", "7.8.4 Table 164"}},
      {"A,R,S ",
       "A,Q,S ",
       {Severity::error, 15, 71, "'Q' is not a product code (A, R, S, XA, XR)", "7.8.4 Table 164"}},
      {"Level C R A,R,S",
       "Level B R A,R,S",
       {Severity::warning, 15, 71, "an SSREB is made for levels 4, 5 and C, not for 'Level B'", "7.8"}},
      {"Product created on 2021/12/10 12:44:11\n",
       "",
       {Severity::error, 11, 1, "the RNPS gives no 'Product created on' date", "7.8.4"}},
      {"2021/12/10 00:00:00\n",
       "2021/12/01 00:00:00\n",
       {Severity::error, 13, 1, "the period ends before it begins", "7.8.4"}},
      {"Radionuclide Network Product Summary\n",
       "",
       {Severity::warning, 11, 1, "the RNPS begins with 'Radionuclide Network Product Summary'", "7.8.4"}},
  };
  for (const Case& c : cases) {
    std::string text = good;
    text.replace(text.find(c.from), c.from.size(), c.to);
    Diagnostics d;
    ASSERT_TRUE(read_rnps_section(body(text), d)) << c.to;
    EXPECT_NE(std::find(d.begin(), d.end(), c.expected), d.end())
        << c.to << ": " << ::testing::PrintToString(d.items());
  }
  Diagnostics clean;
  read_rnps_section(body(good), clean, Mode::strict);
  EXPECT_TRUE(clean.empty()) << clean.items()[0].message;
}

TEST(RnpsWriter, RefusesRowsThatCannotBeReadBack) {
  Diagnostics d;
  auto r = *read_rnps_section(example(), d);
  Rnps bad = r;
  bad.samples[0].sample_id.reset();
  EXPECT_FALSE(write_rnps_section(bad));
  bad = r;
  bad.samples[0].level = "1/2/3/4";
  EXPECT_EQ(write_rnps_section(bad).error(),
            "categorization level 'Level 1/2/3/4' does not fit in columns 70-78");
  bad = r;
  bad.samples[0].relevant_nuclides = {"XE 133"};
  EXPECT_FALSE(write_rnps_section(bad));
  DataSection other = body("");
  other.header.type = "SSREB";
  EXPECT_FALSE(read_rnps_section(other, d));
}

}  // namespace
}  // namespace imsgate::ims2::rn
