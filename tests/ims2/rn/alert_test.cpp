#include "ims2/rn/alert.hpp"

#include <gtest/gtest.h>

#include "soh_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using testing::at;
using testing::describe;
using testing::example_section;
using testing::section_of;

AlertSection read_example(std::string_view file) {
  Diagnostics d;
  const auto s = read_alert_section(example_section(file), d);
  EXPECT_TRUE(s) << file;
  EXPECT_TRUE(d.empty()) << file << "\n" << describe(d);
  return s ? *s : AlertSection{};
}

void expect_round_trip(const AlertSection& s) {
  const auto written = write_alert_section(s);
  ASSERT_TRUE(written) << written.error();
  Diagnostics d;
  const auto again = read_alert_section(section_of(s.data_type, *written), d);
  ASSERT_TRUE(again);
  EXPECT_TRUE(d.empty()) << describe(d) << *written;
  EXPECT_EQ(*again, s) << *written;
  EXPECT_EQ(write_alert_section(*again), written);
}

TEST(Alert, ReadsExampleI11FlowAlerts) {
  const AlertSection s = read_example("I.1.1-alert-flow.msg");
  EXPECT_EQ(s.data_type, "ALERT_FLOW");
  ASSERT_EQ(s.alerts.size(), 6u);
  EXPECT_EQ(s.alerts[0].station, "AUP06");
  EXPECT_EQ(s.alerts[0].type, "ALERT_FLOW");
  EXPECT_EQ(s.alerts[0].time, at(2021, 12, 1, 23, 8, 53));
  EXPECT_EQ(s.alerts[0].text, std::vector<std::string>{"Low Flow - Alerting Operator."});
  const Alert& nop49 = s.alerts[2];
  EXPECT_EQ(nop49.station, "NOP49");
  EXPECT_EQ(nop49.time, at(2021, 12, 3, 14, 44, 2, 700));
  EXPECT_EQ(nop49.text,
            (std::vector<std::string>{"Air flow alarm!", "Air Sampler average flow rate: 335.2 scm/h",
                                      "LowLow Limit: 500.0 Low Limit: 530.0 HighHigh Limit: 800.0"}));
  EXPECT_EQ(s.alerts[5].time, at(2021, 12, 8, 1, 48, 58));
  ASSERT_EQ(s.time_stamps.size(), 2u);
  EXPECT_EQ(s.time_stamps[0], at(2021, 12, 10, 8, 47, 4));

  const auto written = write_alert_section(s);
  ASSERT_TRUE(written);
  const std::string start =
      "TIME_STAMP 2021/12/10 08:47:04\n"
      "AUP06 ALERT_FLOW   2021/12/01 23:08:53.0\n"
      "Low Flow - Alerting Operator.\n"
      "AUP10 ";
  EXPECT_EQ(written->substr(0, start.size()), start);
  EXPECT_TRUE(written->ends_with("Low Flow - Alerting Operator.\nTIME_STAMP 2021/12/10 08:47:04\n"));
  expect_round_trip(s);
}

TEST(Alert, ReadsExamplesI12ToI14) {
  const AlertSection system = read_example("I.1.2-alert-system.msg");
  ASSERT_EQ(system.alerts.size(), 3u);
  EXPECT_EQ(system.alerts[1].time, at(2021, 12, 1, 14, 13, 5, 500));
  EXPECT_EQ(system.alerts[1].text, std::vector<std::string>{"Warning: Mains power lost."});
  expect_round_trip(system);

  const AlertSection temp = read_example("I.1.3-alert-temp.msg");
  ASSERT_EQ(temp.alerts.size(), 1u);
  EXPECT_EQ(temp.alerts[0].station, "GBX66");
  EXPECT_EQ(temp.alerts[0].text.size(), 5u);
  EXPECT_EQ(temp.alerts[0].text[2],
            "Value of sensor: 303.758755 Lower limit: 304.4933 Upper Limit: 394.9568");
  expect_round_trip(temp);

  const AlertSection ups = read_example("I.1.4-alert-ups.msg");
  EXPECT_EQ(ups.data_type, "ALERT_UPS");
  ASSERT_EQ(ups.alerts.size(), 3u);
  EXPECT_EQ(ups.alerts[1].station, "AUP09");
  EXPECT_EQ(ups.alerts[1].text, std::vector<std::string>{"Switched to battery"});
  EXPECT_EQ(ups.alerts[2].time, at(2021, 12, 1, 22, 49, 28));
  EXPECT_EQ(ups.alerts[2].text.back(), "Param #16: 234 is not within the range 30 - 150");
  expect_round_trip(ups);
}

TEST(Alert, PowerIsUpsAndBlankLinesAreText) {
  Diagnostics d;
  const auto s = read_alert_section(
      section_of("ALERT_UPS", "AUP09 ALERT_POWER 2021/12/01 05:58:14\nSwitched to battery\n\nat 05:58\n"), d);
  ASSERT_TRUE(s);
  EXPECT_TRUE(d.empty()) << describe(d);
  EXPECT_EQ(s->alerts.at(0).text, (std::vector<std::string>{"Switched to battery", "", "at 05:58"}));
  expect_round_trip(*s);
}

TEST(Alert, PressureTypeMovesTheDateAlong) {
  AlertSection s;
  s.data_type = "ALERT_PRESSURE";
  s.alerts.push_back({"SEX63", "ALERT_PRESSURE", at(2021, 12, 1, 5, 58, 14), {"Pressure low"}});
  const auto written = write_alert_section(s);
  ASSERT_TRUE(written) << written.error();
  EXPECT_EQ(*written, "SEX63 ALERT_PRESSURE 2021/12/01 05:58:14.0\nPressure low\n");
  expect_round_trip(s);
}

TEST(Alert, NotItsDataType) {
  Diagnostics d;
  EXPECT_FALSE(read_alert_section(section_of("MET", "AUP09 ALERT_UPS 2021/12/01 05:58:14\nx\n"), d));
  EXPECT_FALSE(read_alert_section(section_of("ALERT", "AUP09 ALERT_UPS 2021/12/01 05:58:14\nx\n"), d));
  EXPECT_TRUE(is_alert_data_type("alert_power"));
}

struct Malformed {
  std::string name;
  std::string type;
  std::string body;
  int line;
  int column;
  Severity severity;
  std::string rule;
  std::string message;
};

TEST(Alert, MalformedSectionsEachHaveTheirDiagnostic) {
  const std::vector<Malformed> cases = {
      {"type of another section", "ALERT_FLOW", "AUP06 ALERT_TEMP 2021/12/01 23:08:53\nx\n", 2, 7,
       Severity::error, "7.7", "alert type ALERT_TEMP in a DATA_TYPE ALERT_FLOW section"},
      {"unknown type", "ALERT_FLOW", "AUP06 ALERT_WIND 2021/12/01 23:08:53\nx\n", 2, 7, Severity::error,
       "7.7",
       "'ALERT_WIND' is not an alert type: expected ALERT_FLOW, ALERT_SYSTEM, ALERT_TEMP, ALERT_UPS "
       "(ALERT_POWER) "
       "or ALERT_PRESSURE"},
      {"no text", "ALERT_FLOW",
       "AUP06 ALERT_FLOW 2021/12/01 23:08:53\nAUP10 ALERT_FLOW 2021/12/01 23:09:53\nx\n", 2, 1,
       Severity::error, "7.7", "an alert has at least one line of free text describing it"},
      {"only blank text", "ALERT_FLOW", "AUP06 ALERT_FLOW 2021/12/01 23:08:53\n\n", 2, 1, Severity::error,
       "7.7", "an alert has at least one line of free text describing it"},
      {"text before the first alert", "ALERT_FLOW", "Low flow\nAUP06 ALERT_FLOW 2021/12/01 23:08:53\nx\n", 2,
       1, Severity::error, "7.7",
       "text before the first alert line 'STA01 ALERT_TYPE yyyy/mm/dd hh:mm:ss.s'"},
      {"malformed time", "ALERT_FLOW", "AUP06 ALERT_FLOW 2021/12/01 23:8:x\nx\n", 2, 29, Severity::error,
       "7.7", "'23:8:x' is not a valid alert time: expected hh:mm:ss[.s]"},
      {"no time", "ALERT_FLOW", "AUP06 ALERT_FLOW 2021/12/01\nx\n", 2, 28, Severity::error, "7.7",
       "the line ends before the alert time"},
      {"malformed station code", "ALERT_FLOW", "AUP6X ALERT_FLOW 2021/12/01 23:08:53\nx\n", 2, 1,
       Severity::error, "3.5.10",
       "'AUP6X' is not a station code: expected two letters, P, X or G and two digits"},
      {"text wider than a80", "ALERT_FLOW",
       "AUP06 ALERT_FLOW 2021/12/01 23:08:53\n" + std::string(81, 'x') + "\n", 3, 81, Severity::warning,
       "7.7", "alert text of 81 characters: the free text is a80"},
      {"hundredths of a second", "ALERT_FLOW", "AUP06 ALERT_FLOW 2021/12/01 23:08:53.07\nx\n", 2, 18,
       Severity::warning, "3.5.9", "alert time has more decimals of seconds than hh:mm:ss.s keeps"},
      {"empty section", "ALERT_FLOW", "", 1, 1, Severity::error, "7.7",
       "an ALERT section holds at least one alert"},
  };
  for (const Malformed& c : cases) {
    SCOPED_TRACE(c.name);
    Diagnostics d;
    ASSERT_TRUE(read_alert_section(section_of(c.type, c.body), d));
    ASSERT_GE(d.size(), 1u);
    const Diagnostic& first = d.items()[0];
    EXPECT_EQ(first.line, c.line) << describe(d);
    EXPECT_EQ(first.column, c.column) << describe(d);
    EXPECT_EQ(first.severity, c.severity);
    EXPECT_EQ(first.rule, c.rule);
    EXPECT_EQ(first.message, c.message);
  }
}

TEST(Alert, StrictReadingMakesWideTextAnError) {
  Diagnostics d;
  read_alert_section(
      section_of("ALERT_FLOW", "AUP06 ALERT_FLOW 2021/12/01 23:08:53\n" + std::string(81, 'x') + "\n"), d,
      Mode::strict);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].severity, Severity::error);
}

TEST(Alert, WriterRefusesWhatWouldNotReadBack) {
  AlertSection s;
  s.data_type = "ALERT_FLOW";
  s.alerts.push_back({"AUP06", "ALERT_FLOW", at(2021, 12, 1, 23, 8, 53), {"Low flow"}});
  ASSERT_TRUE(write_alert_section(s));
  const auto fails = [&](auto change, std::string_view message) {
    AlertSection copy = s;
    change(copy.alerts[0]);
    const auto written = write_alert_section(copy);
    ASSERT_FALSE(written) << *written;
    EXPECT_EQ(written.error(), message);
  };
  fails([](Alert& a) { a.text = {}; }, "the ALERT_FLOW alert of AUP06 has no text");
  fails([](Alert& a) { a.time.reset(); }, "the ALERT_FLOW alert of AUP06 has no time");
  fails([](Alert& a) { a.text = {"AUP10 ALERT_FLOW 2021/12/02 02:15:58"}; },
        "alert text 'AUP10 ALERT_FLOW 2021/12/02 02:15:58' would read as the line of a new alert");
  fails([](Alert& a) { a.text = {"TIME_STAMP 2021/12/02 02:15:58"}; },
        "the text line 'TIME_STAMP 2021/12/02 02:15:58' would read as a TIME_STAMP line");
  fails([](Alert& a) { a.text = {"Low flow "}; }, "alert text 'Low flow ' ends with a blank");
  fails([](Alert& a) { *a.time += std::chrono::milliseconds(70); },
        "alert time 2021/12/01 23:08:53.070000 has more decimals of seconds than the field keeps");
  fails([](Alert& a) { a.text = {std::string(81, 'x')}; },
        "alert text '" + std::string(81, 'x') + "' is longer than 80 characters");
}

TEST(Alert, HostileInputsNeverCrash) {
  constexpr char kBinary[] = "\0\xff\n\x80 ALERT_ \x81/\n";
  for (const std::string& input :
       {std::string("-"), std::string("#Header"), std::string(kBinary, sizeof kBinary - 1),
        std::string("AAAAA ALERT_FLOW 9999/99/99 99:99:99\n"), std::string("AAAAA ALERT_ 1/ 2 3 4 5\n\n\n"),
        std::string(3000, 'A') + " ALERT_FLOW 2021/01/01 00:00:00\n"}) {
    Diagnostics d;
    const auto s = read_alert_section(section_of("ALERT_FLOW", input), d);
    ASSERT_TRUE(s);
    EXPECT_TRUE(d.has_errors()) << input;
    (void)write_alert_section(*s);
  }
}

}  // namespace
}  // namespace imsgate::ims2::rn
