#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "ims2/rn/rmssoh.hpp"
#include "soh_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace std::chrono;
using testing::at;
using testing::describe;
using testing::example_section;
using testing::section_of;

// A particulate report that breaks no rule, for the malformed variants below.
constexpr std::string_view kValid =
    "#Header 3\n"
    "GBP68 GBP68_002\n"
    "2021/12/01 18:00:00.0 2021/12/01 18:20:00.0 2021/12/01 18:25:00.0\n"
    "#AirSamplerFlow\n"
    "908.0000 -9999999999 2021/12/01 18:00:00.0 600\n"
    "897.0000 0.5 2021/12/01 18:10:00.0 600\n"
    "#DetEnv\n"
    "22.5 CLOSED 29 2500 -173 ON 0.85 1.2 2021/12/01 18:00:00.0 1200\n"
    "#PowerSupply\n"
    "MAIN ON AUX OFF UPS OFF 2021/12/01 18:00:00.0 1200\n"
    "#EquipStatus\n"
    "C: 68202112011711 P: 68202111301711 A: 68202111291711 2021/12/01 18:00:00.0 1200\n";

RmssohSection read(std::string_view body, Diagnostics& d, Mode mode = Mode::lenient) {
  auto s = read_rmssoh_section(section_of("RMSSOH", std::string(body)), d, mode);
  EXPECT_TRUE(s.has_value());
  return s ? *s : RmssohSection{};
}

// Written, read back equal, and written again the same.
void expect_round_trip(const RmssohSection& s) {
  const auto written = write_rmssoh_section(s);
  ASSERT_TRUE(written) << written.error();
  Diagnostics d;
  const RmssohSection again = read(*written, d);
  EXPECT_FALSE(d.has_errors()) << describe(d) << *written;
  EXPECT_EQ(again, s) << *written;
  EXPECT_EQ(write_rmssoh_section(again), written);
}

TEST(Rmssoh, ReadsExampleI31AndReportsItsElisions) {
  Diagnostics d;
  const auto section = read_rmssoh_section(example_section("I.31-rmssoh.msg"), d);
  ASSERT_TRUE(section);
  ASSERT_EQ(section->reports.size(), 1u);
  const Rmssoh& s = section->reports[0];
  EXPECT_EQ(s.header.designator, "3");
  EXPECT_EQ(s.header.station, "GBP68");
  EXPECT_EQ(s.header.detector, "GBP68_002");
  EXPECT_EQ(s.header.period_start, at(2021, 12, 1, 17, 58, 51, 700));
  EXPECT_EQ(s.header.period_end, at(2021, 12, 1, 20, 0, 0));
  EXPECT_EQ(s.header.transmitted, at(2021, 12, 1, 20, 4, 46, 300));

  ASSERT_EQ(s.air_sampler_flow.size(), 6u);
  EXPECT_EQ(s.air_sampler_flow[1].flow_rate, 897.0);
  EXPECT_EQ(s.air_sampler_flow[1].flow_rate_sd, std::nullopt);  // -9999999999: missing, never a number
  EXPECT_EQ(s.air_sampler_flow[1].start, at(2021, 12, 1, 18, 10, 0));
  EXPECT_EQ(s.air_sampler_flow[1].duration, 600);
  const double flow_sum = std::accumulate(
      s.air_sampler_flow.begin(), s.air_sampler_flow.end(), 0.0,
      [](double sum, const AirSamplerFlowRecord& r) { return sum + r.flow_rate.value_or(0); });
  EXPECT_EQ(flow_sum, 908.0 + 897.0 + 898.0 + 904.0 + 900.0 + 900.0);

  ASSERT_EQ(s.air_sampler_env.size(), 6u);
  EXPECT_EQ(s.air_sampler_env[0].temperature, 17.0);
  EXPECT_EQ(s.air_sampler_env[0].pressure, 1010.0);
  EXPECT_EQ(s.air_sampler_env[5].start, at(2021, 12, 1, 19, 50, 0));

  ASSERT_EQ(s.det_env.size(), 6u);
  const DetEnvRecord& det = s.det_env[3];
  EXPECT_EQ(det.room_temperature, 22.4);
  EXPECT_EQ(det.shield, SohOpenClosed::closed);
  EXPECT_EQ(det.room_humidity, 26);
  EXPECT_EQ(det.high_voltage, 2500);
  EXPECT_EQ(det.crystal_temperature, -173);
  EXPECT_EQ(det.cooler, std::nullopt);  // '0': missing character data
  EXPECT_EQ(det.cooling, std::nullopt);
  EXPECT_EQ(det.leakage_current, std::nullopt);
  EXPECT_EQ(det.start, at(2021, 12, 1, 19, 28, 51, 700));
  EXPECT_EQ(s.det_env[5].room_temperature, 22.1);

  ASSERT_EQ(s.power_supply.size(), 6u);
  EXPECT_EQ(s.power_supply[0].main, SohOnOff::on);
  EXPECT_EQ(s.power_supply[0].aux, SohOnOff::off);
  EXPECT_EQ(s.power_supply[0].ups, SohOnOff::off);

  ASSERT_EQ(s.equip_status.size(), 6u);
  EXPECT_EQ(s.equip_status[2].collection, "68202112011711");
  EXPECT_EQ(s.equip_status[2].processing, "68202111301711");
  EXPECT_EQ(s.equip_status[2].acquisition, "68202111291711");
  EXPECT_EQ(s.equip_status[2].start, at(2021, 12, 1, 18, 18, 51, 700));

  ASSERT_EQ(s.tamper_env.size(), 12u);
  EXPECT_EQ(s.tamper_env[1].sensor, "aspanel");
  EXPECT_EQ(s.tamper_env[1].status, SohOpenClosed::open);
  EXPECT_EQ(s.tamper_env[11].sensor, "door1");
  EXPECT_EQ(s.comment,
            std::vector<std::string>{"HealthMonitor.exe Version 4.2.9.0 at 2021/12/01 20:04:45.535"});
  EXPECT_TRUE(s.process_sensors.empty());
  EXPECT_FALSE(s.chromatogram);

  // Each of the six ':' lines is an error; the interval after it does not follow the one before (a warning
  // per series: one for each of the four tamper sensors).
  EXPECT_EQ(d.error_count(), 6u) << describe(d);
  EXPECT_EQ(d.warning_count(), 9u) << describe(d);
  const Diagnostic& elision = d.items()[0];
  EXPECT_EQ(elision.severity, Severity::error);
  EXPECT_EQ(elision.line, 13);
  EXPECT_EQ(elision.column, 5);
  EXPECT_EQ(elision.rule, "7.5");
  EXPECT_EQ(elision.message, "':' is an elision mark of a listing, not a record: the message is incomplete");
  const Diagnostic& gap = d.items()[1];
  EXPECT_EQ(gap.severity, Severity::warning);
  EXPECT_EQ(gap.line, 14);
  EXPECT_EQ(gap.column, 15);
  EXPECT_EQ(
      gap.message,
      "the interval starts at 2021/12/01 19:30:00.0, not where the previous #AirSamplerEnv interval ended "
      "(2021/12/01 18:30:00.0): intervals are consecutive");

  expect_round_trip(*section);
}

TEST(Rmssoh, StrictReadingMakesTheGapsErrors) {
  Diagnostics d;
  read_rmssoh_section(example_section("I.31-rmssoh.msg"), d, Mode::strict);
  EXPECT_EQ(d.error_count(), 15u) << describe(d);
  EXPECT_EQ(d.warning_count(), 0u);
}

TEST(Rmssoh, NotItsDataType) {
  Diagnostics d;
  EXPECT_FALSE(read_rmssoh_section(section_of("MET", std::string(kValid)), d));
  EXPECT_TRUE(d.empty());
}

TEST(Rmssoh, ValidReportHasNoDiagnostics) {
  Diagnostics d;
  const RmssohSection s = read(kValid, d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(s.reports.size(), 1u);
  const DetEnvRecord& det = s.reports[0].det_env.at(0);
  EXPECT_EQ(det.cooler, SohOnOff::on);
  EXPECT_EQ(det.cooling, 0.85);
  EXPECT_EQ(det.leakage_current, 1.2);
  EXPECT_EQ(det.duration, 1200);
  EXPECT_EQ(s.reports[0].air_sampler_flow.at(1).flow_rate_sd, 0.5);
  expect_round_trip(s);
}

// A noble gas report with every block: the writer's exact columns (Tables 126-135).
constexpr std::string_view kNobleGasCanonical =
    "TIME_STAMP 2022/01/02 03:04:05\n"
    "#Header 3\n"
    "SEX63 SEX63_001\n"
    "2021/12/01 18:00:00.0 2021/12/01 18:20:00.0 0\n"
    "#AirSamplerFlow\n"
    "    1.2500    0.010000 2021/12/01 18:00:00.0    600\n"
    "    1.2600 -9999999999 2021/12/01 18:10:00.0    600\n"
    "#Comment\n"
    "first line\n"
    "\n"
    "  third line, indented\n"
    "#DetEnv\n"
    " 21.0 OPEN    54    13 -196 OFF 25.0  5.900 2021/12/01 18:00:00.0   1200\n"
    "#PowerSupply\n"
    "MAIN OFF AUX 0   UPS ON  2021/12/01 18:00:00.0   1200\n"
    "#EquipStatus\n"
    "C: 63202112011711   P: 0                A: 63202111301711   2021/12/01 18:00:00.0   1200\n"
    "#TamperEnv\n"
    "door1                CLOSED 2021/12/01 18:00:00.0   1200\n"
    "rear gate            OPEN   2021/12/01 18:00:00.0   1200\n"
    "#ProcessSensors\n"
    "TEMP            XeTrapOven                         -12.25 2021/12/01 18:00:00.0   1200\n"
    "COUNTRATES      Radon                               1e-05 2021/12/01 18:00:00.0   1200\n"
    "#Chromatogram\n"
    "63202112011711X\n"
    "    7\n"
    "    1         1           0.5\n"
    "    2         5           2.0\n"
    "    1          0         12        340 -999999999         10\n"
    "    6          3          0\n"
    "#StationExtra 2\n"
    "kept as written\n"
    "TIME_STAMP 2022/01/02 03:04:06\n";

TEST(Rmssoh, NobleGasReportWithEveryBlockIsWrittenInTheTablesColumns) {
  Diagnostics d;
  const RmssohSection s = read(kNobleGasCanonical, d);
  ASSERT_EQ(d.size(), 1u) << describe(d);
  EXPECT_EQ(d.items()[0].severity, Severity::warning);
  EXPECT_EQ(d.items()[0].line, 21);
  EXPECT_EQ(d.items()[0].message,
            "tamper sensor 'rear gate' is not one of Table 133's names: kept, but the IDC does not parse it");
  const Rmssoh& r = s.reports.at(0);
  EXPECT_EQ(r.header.transmitted, std::nullopt);
  EXPECT_EQ(r.comment, (std::vector<std::string>{"first line", "", "  third line, indented"}));
  EXPECT_EQ(r.det_env.at(0).cooling, 25.0);  // electric cooling power, W
  EXPECT_EQ(r.power_supply.at(0).aux, std::nullopt);
  EXPECT_EQ(r.power_supply.at(0).ups, SohOnOff::on);
  EXPECT_EQ(r.equip_status.at(0).processing, "");
  EXPECT_EQ(r.tamper_env.at(1).sensor, "rear gate");
  ASSERT_EQ(r.process_sensors.size(), 2u);
  EXPECT_EQ(r.process_sensors[0].reading, -12.25);
  EXPECT_EQ(r.process_sensors[1].type, "COUNTRATES");
  EXPECT_EQ(r.process_sensors[1].reading, 1e-5);
  ASSERT_TRUE(r.chromatogram);
  const Chromatogram& g = *r.chromatogram;
  EXPECT_EQ(g.srid, "63202112011711X");
  EXPECT_EQ(g.readings, 7);
  ASSERT_EQ(g.intervals.size(), 2u);
  EXPECT_EQ(g.intervals[1].start_channel, 5);
  EXPECT_EQ(g.intervals[1].spacing, 2.0);
  EXPECT_EQ(g.first_channel, 1);
  EXPECT_EQ(g.responses, (std::vector<std::optional<std::int64_t>>{0, 12, 340, std::nullopt, 10, 3, 0}));
  ASSERT_EQ(r.other_blocks.size(), 1u);
  EXPECT_EQ(r.other_blocks[0].name_line, "#StationExtra 2");
  EXPECT_EQ(s.time_stamps.size(), 2u);

  const auto written = write_rmssoh_section(s);
  ASSERT_TRUE(written) << written.error();
  EXPECT_EQ(*written, kNobleGasCanonical);
  expect_round_trip(s);
}

TEST(Rmssoh, SeveralReportsInOneSection) {
  Diagnostics d;
  const RmssohSection s = read(std::string(kValid) + std::string(kValid), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  EXPECT_EQ(s.reports.size(), 2u);
  EXPECT_EQ(s.reports[0], s.reports[1]);
}

struct Malformed {
  std::string name;
  std::string from;  // a line of kValid, replaced by `to`
  std::string to;
  int line;  // of the diagnostic; the body begins on line 2
  int column;
  Severity severity;
  std::string rule;
  std::string message;
};

std::string replaced(const std::string& from, const std::string& to) {
  std::string body(kValid);
  const auto at = body.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) body.replace(at, from.size(), to);
  return body;
}

TEST(Rmssoh, MalformedReportsEachHaveTheirDiagnostic) {
  const std::string flow = "897.0000 0.5 2021/12/01 18:10:00.0 600";
  const std::string det = "22.5 CLOSED 29 2500 -173 ON 0.85 1.2 2021/12/01 18:00:00.0 1200";
  const std::string power = "MAIN ON AUX OFF UPS OFF 2021/12/01 18:00:00.0 1200";
  const std::string equip =
      "C: 68202112011711 P: 68202111301711 A: 68202111291711 2021/12/01 18:00:00.0 1200";
  const std::vector<Malformed> cases = {
      {"text in a numeric field", flow, "8x7.0 0.5 2021/12/01 18:10:00.0 600", 7, 1, Severity::error, "7.5",
       "'8x7.0' is not a valid average flow rate: expected a number"},
      {"negative flow", flow, "-897.0 0.5 2021/12/01 18:10:00.0 600", 7, 1, Severity::error, "7.5",
       "average flow rate -897 is negative"},
      {"shield neither OPEN nor CLOSED", det, "22.5 AJAR 29 2500 -173 ON 0.85 1.2 2021/12/01 18:00:00.0 1200",
       9, 6, Severity::error, "7.5", "'AJAR' is not a valid detector shield status: expected OPEN or CLOSED"},
      {"cooler neither ON nor OFF", det, "22.5 CLOSED 29 2500 -173 YES 0.85 1.2 2021/12/01 18:00:00.0 1200",
       9, 26, Severity::error, "7.5", "'YES' is not a valid electric cooler status: expected ON or OFF"},
      {"humidity over 100", det, "22.5 CLOSED 129 2500 -173 ON 0.85 1.2 2021/12/01 18:00:00.0 1200", 9, 13,
       Severity::error, "7.5", "average room humidity 129 is outside 0 to 100"},
      {"duration zero", flow, "897.0000 0.5 2021/12/01 18:10:00.0 0", 7, 36, Severity::error, "7.5",
       "the interval duration is 0 s: it is positive"},
      {"duration left out", flow, "897.0000 0.5 2021/12/01 18:10:00.0", 7, 35, Severity::error, "7.5",
       "the line ends before the interval duration"},
      {"duration wider than i6", flow, "897.0000 0.5 2021/12/01 18:10:00.0 99999999999", 7, 36,
       Severity::error, "7.5",
       "the interval duration 99999999999 s does not fit i6: a record without one is left out"},
      {"missing interval start", flow, "897.0000 0.5 0 600", 7, 14, Severity::error, "7.5",
       "the interval start is required: a record without one is left out"},
      {"interval beyond the period", flow, "897.0000 0.5 2021/12/01 18:10:00.0 660", 7, 14, Severity::error,
       "7.5",
       "the interval 2021/12/01 18:10:00.0 + 660 s is not within the SOH period 2021/12/01 18:00:00.0 to "
       "2021/12/01 18:20:00.0"},
      {"gap between intervals", flow, "897.0000 0.5 2021/12/01 18:11:00.0 540", 7, 14, Severity::warning,
       "7.5",
       "the interval starts at 2021/12/01 18:11:00.0, not where the previous #AirSamplerFlow interval ended "
       "(2021/12/01 18:10:00.0): intervals are consecutive"},
      {"malformed station code", "GBP68 GBP68_002", "GB68 GBP68_002", 3, 1, Severity::error, "3.5.10",
       "'GB68' is not a station code: expected two letters, P, X or G and two digits"},
      {"malformed detector code", "GBP68 GBP68_002", "GBP68 GBP68-002", 3, 7, Severity::error, "3.5.11",
       "'GBP68-002' is not a detector code: expected the station code, '_' and three characters, or NA"},
      {"detector of another station", "GBP68 GBP68_002", "GBP68 GBP69_002", 3, 7, Severity::warning, "3.5.11",
       "detector 'GBP69_002' is not one of station 'GBP68'"},
      {"period ends before it starts", "2021/12/01 18:20:00.0 2021/12/01 18:25",
       "2021/12/01 17:20:00.0 2021/12/01 18:25", 4, 23, Severity::error, "7.5",
       "the SOH period ends at 2021/12/01 17:20:00.0, not after its start 2021/12/01 18:00:00.0"},
      {"no #DetEnv", "#DetEnv\n" + det + "\n", "", 2, 1, Severity::error, "7.5",
       "a particulate station's RMSSOH has a #DetEnv block (Table 125)"},
      {"no #EquipStatus", "#EquipStatus\n" + equip + "\n", "", 2, 1, Severity::warning, "7.5",
       "a particulate station's RMSSOH has a #EquipStatus block (Table 125)"},
      {"no AUX label", power, "MAIN ON UPS OFF 2021/12/01 18:00:00.0 1200", 11, 9, Severity::warning, "7.5",
       "'AUX status' is missing: a record reads MAIN status AUX status UPS status"},
      {"unknown #EquipStatus label", equip,
       "C: 68202112011711 Q: 68202111301711 A: 68202111291711 2021/12/01 18:00:00.0 1200", 13, 19,
       Severity::warning, "7.5",
       "'Q:' is not one of the #EquipStatus labels C:, P:, A: (I.31): '68202111301711' ignored"},
      {"block without records", "#PowerSupply\n" + power + "\n", "#PowerSupply\n", 10, 1, Severity::error,
       "7.5", "#PowerSupply has no record: it has at least one"},
      {"extra token", power, power + " x", 11, 52, Severity::warning, "7.5",
       "'x' after the last field of the record, ignored"},
      {"second #DetEnv block", "#PowerSupply", "#DetEnv\n" + det + "\n#PowerSupply", 10, 1, Severity::warning,
       "7.5", "a second #DetEnv block in one report: its records are added to the first"},
      {"block before #Header", "#Header 3\n", "#DetEnv\n" + det + "\n#Header 3\n", 2, 1, Severity::error,
       "7.1", "'#DetEnv' before '#Header': '#Header' is the first block"},
  };
  for (const Malformed& c : cases) {
    SCOPED_TRACE(c.name);
    Diagnostics d;
    read(replaced(c.from, c.to), d);
    ASSERT_GE(d.size(), 1u);
    const Diagnostic& first = d.items()[0];
    EXPECT_EQ(first.line, c.line) << describe(d);
    EXPECT_EQ(first.column, c.column) << describe(d);
    EXPECT_EQ(first.severity, c.severity) << describe(d);
    EXPECT_EQ(first.rule, c.rule);
    EXPECT_EQ(first.message, c.message);
  }
}

TEST(Rmssoh, NobleGasReportsNeedProcessSensors) {
  Diagnostics d;
  std::string body = replaced("GBP68 GBP68_002", "SEX63 SEX63_001");
  read(body, d);
  ASSERT_EQ(d.size(), 1u) << describe(d);
  EXPECT_EQ(d.items()[0].message, "a noble gas station's RMSSOH has a #ProcessSensors block (Table 125)");
}

TEST(Rmssoh, TamperAndSensorNamesOutsideTheTablesAreKeptWithAWarning) {
  Diagnostics d;
  const RmssohSection s = read(std::string(kValid) +
                                   "#TamperEnv\n"
                                   "shed CLOSED 2021/12/01 18:00:00.0 600\n"
                                   "shed OPEN 2021/12/01 18:10:00.0 600\n"
                                   "#ProcessSensors\n"
                                   "COUNTRATE Radon 12.5 2021/12/01 18:00:00.0 1200\n"
                                   "HUMIDITY Room 50 2021/12/01 18:00:00.0 1200\n",
                               d);
  ASSERT_EQ(d.size(), 2u) << describe(d);  // one warning per unknown name, not per record
  EXPECT_EQ(d.items()[0].line, 15);
  EXPECT_EQ(d.items()[1].line, 19);
  EXPECT_EQ(
      d.items()[1].message,
      "sensor type 'HUMIDITY' is not one of TEMP, PRESSURE, PROCESSFLOW, VOLTAGE, COUNTRATES, DEWPOINT, "
      "CO2VOLUME");
  EXPECT_EQ(s.reports.at(0).tamper_env.size(), 2u);
  EXPECT_EQ(s.reports.at(0).process_sensors.at(0).type, "COUNTRATE");  // Table 134's unit text spelling
  EXPECT_EQ(s.reports.at(0).process_sensors.size(), 2u);
}

TEST(Rmssoh, ChromatogramRecordsThatCannotBeTold) {
  Diagnostics d;
  const RmssohSection s = read(std::string(kValid) +
                                   "#Chromatogram\n"
                                   "63202112011711X\n"
                                   "9\n"
                                   "1 1 0.5\n"
                                   "2 4 1\n"  // three integers continuing the intervals
                                   "1 5 6 7 8 9\n"
                                   "8 1 2\n",  // channel 6 expected
                               d);
  ASSERT_EQ(d.size(), 3u) << describe(d);
  EXPECT_EQ(d.items()[0].severity, Severity::warning);
  EXPECT_EQ(d.items()[0].line, 18);
  EXPECT_EQ(d.items()[1].message,
            "channel 8 does not follow the previous record (expected 6): record left out");
  EXPECT_EQ(d.items()[2].message, "#Chromatogram announces 9 readings and holds 5");
  const Chromatogram& g = *s.reports.at(0).chromatogram;
  ASSERT_EQ(g.intervals.size(), 2u);
  EXPECT_EQ(g.intervals[1].spacing, 1.0);
  EXPECT_EQ(g.responses.size(), 5u);
}

TEST(Rmssoh, WriterRefusesWhatWouldNotReadBack) {
  Diagnostics d;
  RmssohSection s = read(kValid, d);
  const auto fails = [&](auto change, std::string_view message) {
    RmssohSection copy = s;
    change(copy.reports.at(0));
    const auto written = write_rmssoh_section(copy);
    ASSERT_FALSE(written) << *written;
    EXPECT_EQ(written.error(), message);
  };
  fails([](Rmssoh& x) { x.air_sampler_flow[0].flow_rate = 12345678901.0; },
        "average flow rate '12345678901' does not fit in columns 1-10");
  fails([](Rmssoh& x) { x.det_env[0].leakage_current = -99999.0; },
        "detector leakage current -99999 would be written '-99999', which reads as missing");
  fails([](Rmssoh& x) { x.det_env[0].room_humidity = -99; }, "average room humidity -99 reads as missing");
  fails([](Rmssoh& x) { x.air_sampler_flow[0].duration = 1000000; },
        "interval duration '1000000' does not fit in columns 46-51");
  fails([](Rmssoh& x) { x.header.station = "GB P68"; },
        "station code 'GB P68' holds a blank: it is read as one token");
  fails([](Rmssoh& x) { x.comment = {"#NotAComment"}; },
        "the text line '#NotAComment' begins with '#' and would open a block");
  fails([](Rmssoh& x) { x.comment = {"STOP"}; }, "the text line 'STOP' would end the section");
  fails(
      [](Rmssoh& x) {
        x.other_blocks = {{"#DetEnv", {"1"}}};
      },
      "'#DetEnv' cannot be written as another block: it is not '#Name' of an unknown block");
  fails(
      [](Rmssoh& x) {
        x.process_sensors = {{"TEMP", "Oven", std::nan(""), {}, 600}};
      },
      "sensor reading nan is not a finite number");
  EXPECT_TRUE(write_rmssoh_section(s));
}

TEST(Rmssoh, HostileInputsNeverCrash) {
  constexpr char kBinary[] = "#Header\n\0\xff\xfe\x01\n#DetEnv\n\x80\x81 \x82\n";
  const std::vector<std::string> inputs = {
      "",
      "#Header",
      "#Header\n#Header\n#Header 3\n",
      "#Header 3\nGBP68 GBP68_002\n2021/12/01 18:00:00.0 2021/12/01 18:20:00.0\n#AirSamplerFlow\n"
      "1e308 1e999 2021/12/01 18:00:00.0 -9223372036854775808\n"
      "99999999999999999999 -1 2021/12/01 18:00:00.0 9223372036854775807\n",
      "#Header\n-\n-\n#DetEnv\n-\n#Chromatogram\n-\n-\n-\n",
      "#Header\nX\nX\n#Chromatogram\nS\n5\n1 9223372036854775807 0.1\n2 1 1\n"
      "99999 1 2 3 4 5\n-99999 1\n9223372036854775807 1 2\n",
      "#Header\n\n\n#TamperEnv\nOPEN\n \t \n#EquipStatus\nC: C: C:\n: : :\n",
      std::string(kBinary, sizeof kBinary - 1),
      std::string(5000, '#') + "\n" + std::string(5000, '9') + "\n",
  };
  for (const std::string& input : inputs) {
    Diagnostics d;
    const auto s = read_rmssoh_section(section_of("RMSSOH", input), d);
    ASSERT_TRUE(s);
    if (!input.empty()) {
      EXPECT_TRUE(d.has_errors()) << input;
    }
    const auto written = write_rmssoh_section(*s);
    if (written) {
      Diagnostics again;
      read_rmssoh_section(section_of("RMSSOH", *written), again);
    }
  }
}

}  // namespace
}  // namespace imsgate::ims2::rn
