#include "ims2/rn/met.hpp"

#include <gtest/gtest.h>

#include "soh_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using testing::at;
using testing::describe;
using testing::example_section;
using testing::section_of;

void expect_round_trip(const MetSection& s) {
  const auto written = write_met_section(s);
  ASSERT_TRUE(written) << written.error();
  Diagnostics d;
  const auto again = read_met_section(section_of("MET", *written), d);
  ASSERT_TRUE(again);
  EXPECT_TRUE(d.empty()) << describe(d) << *written;
  EXPECT_EQ(*again, s) << *written;
  EXPECT_EQ(write_met_section(*again), written);
}

TEST(Met, ReadsExampleI22WithTwoGroupsOfOneStation) {
  Diagnostics d;
  const auto s = read_met_section(example_section("I.22-met.msg"), d);
  ASSERT_TRUE(s);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(s->groups.size(), 2u);
  EXPECT_EQ(s->groups[0].station, "CAP14");
  EXPECT_EQ(s->groups[1].station, "CAP14");
  ASSERT_EQ(s->groups[0].records.size(), 12u);
  ASSERT_EQ(s->groups[1].records.size(), 12u);
  const MetRecord& first = s->groups[0].records[0];
  EXPECT_EQ(first.start, at(2021, 12, 1, 11, 10, 0));
  EXPECT_EQ(first.end, at(2021, 12, 1, 11, 20, 0));
  EXPECT_EQ(first.temperature, 11.0);
  EXPECT_EQ(first.wind_direction, 112);
  EXPECT_EQ(first.wind_speed, 3.4);
  EXPECT_EQ(first.pressure, 1017.80);
  EXPECT_EQ(first.humidity, 85);
  EXPECT_EQ(first.rainfall, 0.0);
  EXPECT_EQ(s->groups[0].records[4].rainfall, 0.1);  // 11:50-12:00
  double rain = 0, warmest = -100;
  for (const MetGroup& g : s->groups) {
    for (const MetRecord& m : g.records) {
      rain += m.rainfall.value_or(0);
      warmest = std::max(warmest, m.temperature.value_or(-100));
    }
  }
  EXPECT_DOUBLE_EQ(rain, 0.1);
  EXPECT_EQ(warmest, 13.2);
  const MetRecord& last = s->groups[1].records.back();
  EXPECT_EQ(last.start, at(2021, 12, 1, 15, 0, 0));
  EXPECT_EQ(last.wind_direction, 107);
  expect_round_trip(*s);
}

TEST(Met, WritesTable136Columns) {
  Diagnostics d;
  const auto s = read_met_section(
      section_of("MET",
                 "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 112 3.4 1017.80 85 0\n"
                 "2021/12/01 11:20:00.0 2021/12/01 11:30:00.0 -9999 -99 -9999 -999999 -99 -9999\n"),
      d);
  ASSERT_TRUE(s);
  EXPECT_TRUE(d.empty()) << describe(d);
  const MetRecord& missing = s->groups.at(0).records.at(1);
  EXPECT_EQ(missing.temperature, std::nullopt);
  EXPECT_EQ(missing.wind_direction, std::nullopt);  // "-99": the nines of an i3 field
  EXPECT_EQ(missing.humidity, std::nullopt);
  EXPECT_EQ(missing.rainfall, std::nullopt);
  EXPECT_EQ(*write_met_section(*s),
            "CAP14\n"
            "2021/12/01 11:10:00.0 2021/12/01 11:20:00.0  11.0 112   3.4 1017.80  85   0.0\n"
            "2021/12/01 11:20:00.0 2021/12/01 11:30:00.0 -9999 -99 -9999 -999999 -99 -9999\n");
  expect_round_trip(*s);
}

TEST(Met, NotItsDataType) {
  Diagnostics d;
  EXPECT_FALSE(read_met_section(section_of("RMSSOH", "CAP14\n"), d));
}

struct Malformed {
  std::string name;
  std::string body;
  int line;
  int column;
  Severity severity;
  std::string rule;
  std::string message;
};

TEST(Met, MalformedSectionsEachHaveTheirDiagnostic) {
  const std::string ok = "2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 112 3.4 1017.80 85 0\n";
  const std::vector<Malformed> cases = {
      {"end before start", "CAP14\n2021/12/01 11:30:00.0 2021/12/01 11:20:00.0 11.0 112 3.4 1017.80 85 0\n",
       3, 23, Severity::error, "7.6",
       "the met end 2021/12/01 11:20:00.0 is not after its start 2021/12/01 11:30:00.0"},
      {"wind direction over 360",
       "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 361 3.4 1017.80 85 0\n", 3, 50,
       Severity::error, "7.6", "average wind direction 361 is outside 0 to 360"},
      {"humidity over 100", "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 112 3.4 1017.80 101 0\n",
       3, 66, Severity::error, "7.6", "average relative humidity 101 is outside 0 to 100"},
      {"negative wind speed",
       "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 112 -3.4 1017.80 85 0\n", 3, 54,
       Severity::error, "7.6", "average wind speed -3.4 is outside 0 to 150"},
      {"text in a numeric field",
       "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 NE 3.4 1017.80 85 0\n", 3, 50,
       Severity::error, "7.6", "'NE' is not a valid average wind direction: expected an integer"},
      {"record cut short", "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 112\n", 3, 53,
       Severity::error, "7.6", "the line ends before the average wind speed"},
      {"no end", "CAP14\n2021/12/01 11:10:00.0 0 11.0 112 3.4 1017.80 85 0\n", 3, 23, Severity::error, "7.6",
       "a MET record has a start and an end date-time: record left out"},
      {"record before the station line", ok + "CAP14\n" + ok, 2, 1, Severity::error, "7.6",
       "a MET record before its station code line"},
      {"station without records", "CAP14\n" + ok + "CAP15\n", 4, 1, Severity::error, "7.6",
       "station CAP15 has no MET record: at least one follows its line"},
      {"malformed station code", "CAP1\n" + ok, 2, 1, Severity::error, "3.5.10",
       "'CAP1' is not a station code: expected two letters, P, X or G and two digits"},
      {"blank line", "CAP14\n\n" + ok, 3, 1, Severity::warning, "3.5.5",
       "blank line: radionuclide data messages have none outside free text"},
      {"elision mark", "CAP14\n" + ok + "   :\n", 4, 4, Severity::error, "7.6",
       "':' is an elision mark of a listing, not a record: the message is incomplete"},
      {"more decimals than f7.2 keeps",
       "CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 11.0 112 3.4 1018.6003 85 0\n", 3, 58,
       Severity::warning, "7.6",
       "average barometric reading '1018.6003' has more digits than the field keeps: it would be written "
       "'1018.60'"},
      {"empty section", "", 1, 1, Severity::error, "7.6",
       "a MET section has a station code line and at least one record"},
  };
  for (const Malformed& c : cases) {
    SCOPED_TRACE(c.name);
    Diagnostics d;
    ASSERT_TRUE(read_met_section(section_of("MET", c.body), d));
    ASSERT_GE(d.size(), 1u);
    const Diagnostic& first = d.items()[0];
    EXPECT_EQ(first.line, c.line) << describe(d);
    EXPECT_EQ(first.column, c.column) << describe(d);
    EXPECT_EQ(first.severity, c.severity);
    EXPECT_EQ(first.rule, c.rule);
    EXPECT_EQ(first.message, c.message);
  }
}

TEST(Met, WriterRefusesWhatWouldNotReadBack) {
  MetSection s;
  MetRecord m;
  m.start = at(2021, 12, 1, 11, 10, 0);
  m.end = at(2021, 12, 1, 11, 20, 0);
  s.groups.push_back({"CAP14", {m}});
  ASSERT_TRUE(write_met_section(s));
  MetSection empty_group = s;
  empty_group.groups[0].records.clear();
  EXPECT_EQ(write_met_section(empty_group).error(), "station CAP14 has no MET record");
  MetSection wide = s;
  wide.groups[0].records[0].pressure = 12345678.0;
  EXPECT_EQ(write_met_section(wide).error(),
            "average barometric reading '12345678' does not fit in columns 61-67");
  MetSection precise = s;
  precise.groups[0].records[0].pressure = 1018.6003;
  EXPECT_EQ(write_met_section(precise).error(),
            "average barometric reading 1018.6003 would be written '1018.60', which does not keep its value");
  MetSection nines = s;
  nines.groups[0].records[0].wind_direction = -99;
  EXPECT_EQ(write_met_section(nines).error(), "average wind direction -99 reads as missing");
}

TEST(Met, HostileInputsNeverCrash) {
  constexpr char kBinary[] = "\0\xff\n\x80 \x81\n";
  for (const std::string& input :
       {std::string("-"), std::string("#Header"), std::string(kBinary, sizeof kBinary - 1),
        std::string("CAP14\n9999/99/99 99:99:99.9 0000/00/00 00:00:00 1e999 99999999999999999999 - - - -\n"),
        std::string("CAP14\n2021/12/01 11:10:00.0 2021/12/01 11:20:00.0 nan inf -inf 1e308 -0 -\n"),
        std::string(3000, '9')}) {
    Diagnostics d;
    const auto s = read_met_section(section_of("MET", input), d);
    ASSERT_TRUE(s);
    EXPECT_TRUE(d.has_errors()) << input;
    (void)write_met_section(*s);
  }
}

}  // namespace
}  // namespace imsgate::ims2::rn
