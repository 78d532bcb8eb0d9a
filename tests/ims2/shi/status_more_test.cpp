#include <algorithm>

#include <gtest/gtest.h>

#include "ims2/shi/auth_status.hpp"
#include "ims2/shi/comm_status.hpp"
#include "ims2/shi/sta_status.hpp"
#include "shi_test_support.hpp"

namespace imsgate::ims2::shi {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::describe;
using testing::example_section;
using testing::text_section;

TimePoint day(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  const std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

void expect_one_error(const Diagnostics& d, int line, int column, std::string_view rule) {
  ASSERT_EQ(d.error_count(), 1u) << describe(d);
  const auto it =
      std::find_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.severity == Severity::error; });
  EXPECT_EQ(it->line, line) << describe(d);
  EXPECT_EQ(it->column, column) << describe(d);
  EXPECT_EQ(it->rule, rule);
}

// STA_STATUS

TEST(StaStatus, ReadsExampleI40) {
  Diagnostics d;
  const StaStatus s = read_sta_status(example_section("I.40-sta-status.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(d.warning_count(), 10u) << describe(d);  // every data line was read by its words
  EXPECT_EQ(s.period.from, day(2021, 12, 1));
  EXPECT_EQ(s.period.to, day(2021, 12, 2));
  ASSERT_EQ(s.records.size(), 10u);
  const StaStatusRecord& mjar = s.records[0];
  EXPECT_EQ(mjar.station, "MJAR");
  EXPECT_EQ(mjar.max_data_time, 86400.0);
  EXPECT_EQ(mjar.availability, 95.988);
  EXPECT_EQ(mjar.timely_availability, 95.899);
  EXPECT_EQ(mjar.mission_capability, 38.576);
  EXPECT_EQ(mjar.received, 84.707);
  EXPECT_EQ(mjar.geophysical_availability_unauthenticated, 84.707);
  EXPECT_EQ(mjar.geophysical_availability, 84.695);
  EXPECT_EQ(s.records[3].station, "MAW");
  EXPECT_EQ(s.records[3].geophysical_availability_unauthenticated, 99.999);
  EXPECT_EQ(s.records[5].station, "MDT");
  EXPECT_EQ(s.records[5].max_data_time, 16 * 60 + 21.0);
  EXPECT_EQ(s.records[9].station, "MSVF");
  EXPECT_EQ(s.records[9].max_data_time, 8 * 3600 + 58 * 60 + 20.0);
}

constexpr std::string_view kCanonicalSta =
    "Report period from 2021/12/01 00:00:00.0 to 2021/12/02 00:00:00.0\n"
    "Station Status\n"
    "Sta   Max_Exp_Time  ----- Minimum Channels -----                    ----- Geophysical Channels -----\n"
    "                         Data         Timely Data       Mission          Data            Data           "
    " "
    "Data\n"
    "                     Availability    Availability   Capability (%)   Received (%)    Availability    "
    "Availability\n"
    "                          (%)             (%)                                       Unauthenticated     "
    "  "
    "(%)\n"
    "                                                                                          (%)\n"
    "MJAR  0001 00:00:00      95.988          95.899          38.576          84.707          84.707         "
    " "
    "84.695\n"
    "MDT   0000 00:16:21       0.000           0.000           0.000         100.000                         "
    "  "
    "0.000\n";

TEST(StaStatus, CanonicalTextRoundTripsByteForByte) {
  Diagnostics d;
  const StaStatus s = read_sta_status(text_section("STA_STATUS", std::string(kCanonicalSta)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[1].max_data_time, 981.0);
  EXPECT_EQ(s.records[1].received, 100.0);
  EXPECT_EQ(s.records[1].geophysical_availability_unauthenticated, std::nullopt);
  EXPECT_EQ(write_sta_status(s).value(), kCanonicalSta);
}

TEST(StaStatus, ExampleRoundTrips) {
  Diagnostics d;
  const StaStatus s = read_sta_status(example_section("I.40-sta-status.msg"), d);
  Diagnostics again;
  EXPECT_EQ(read_sta_status(text_section("STA_STATUS", write_sta_status(s).value()), again), s);
  EXPECT_TRUE(again.empty()) << describe(again);
}

TEST(StaStatus, LetterInMissionCapabilityIsAnError) {
  Diagnostics d;
  const StaStatus s =
      read_sta_status(text_section("STA_STATUS", replaced(kCanonicalSta, "38.576", "38.5x6")), d);
  EXPECT_EQ(s.records.size(), 1u);
  expect_one_error(d, 9, 58, "6.5.5");
}

TEST(StaStatus, BadMaximumDataTimeIsAnError) {
  Diagnostics d;
  read_sta_status(text_section("STA_STATUS", replaced(kCanonicalSta, "0000 00:16:21", "0000 00:61:21")), d);
  expect_one_error(d, 10, 7, "6.5.5");
}

TEST(StaStatus, MissingStationIsAnError) {
  Diagnostics d;
  read_sta_status(text_section("STA_STATUS", replaced(kCanonicalSta, "MDT ", "    ")), d);
  expect_one_error(d, 10, 1, "6.5.5");
}

TEST(StaStatus, MissingReportPeriodIsAnError) {
  const std::string text(kCanonicalSta.substr(kCanonicalSta.find('\n') + 1));
  Diagnostics d;
  read_sta_status(text_section("STA_STATUS", text), d);
  expect_one_error(d, 2, 1, "6.5.5");
}

TEST(StaStatus, WriterRejectsDurationsItCannotWrite) {
  StaStatus s;
  s.records.emplace_back().station = "MJAR";
  s.records[0].max_data_time = 10000 * 86400.0;
  EXPECT_FALSE(write_sta_status(s).has_value());
  s.records[0].max_data_time = -1.0;
  EXPECT_FALSE(write_sta_status(s).has_value());
  s.records[0].max_data_time = 9999 * 86400.0 + 86399.0;
  EXPECT_TRUE(write_sta_status(s).has_value());
}

// AUTH_STATUS

TEST(AuthStatus, ReadsExampleI5) {
  Diagnostics d;
  const AuthStatus a = read_auth_status(example_section("I.5-auth-status.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(a.period.from, day(1994, 12, 3));
  EXPECT_EQ(a.period.to, day(1994, 12, 4));
  ASSERT_EQ(a.records.size(), 2u);
  EXPECT_EQ(a.records[0].network, "IDC_SEIS");
  EXPECT_EQ(a.records[0].station, "ABC");
  EXPECT_EQ(a.records[0].channel, "shz");
  EXPECT_EQ(a.records[0].aux, "");
  EXPECT_EQ(a.records[0].packets_tested, 8640);
  EXPECT_EQ(a.records[0].packets_failed, 3);
  EXPECT_EQ(a.records[1].station, "DEF");
  EXPECT_EQ(a.records[1].packets_failed, 0);
  ASSERT_EQ(a.failures.size(), 1u);
  const AuthFailureInterval& f = a.failures[0];
  EXPECT_EQ(f.network, "IDC_SEIS");
  EXPECT_EQ(f.station, "ABC");
  EXPECT_EQ(f.channel, "shz");
  EXPECT_EQ(f.start, day(1994, 12, 3) + hours(14) + minutes(28) + seconds(40));
  EXPECT_EQ(f.end, day(1994, 12, 3) + hours(14) + minutes(29) + seconds(10));
  EXPECT_EQ(f.comment, "Unknown cause");
}

constexpr std::string_view kCanonicalAuth =
    "Report period from 1994/12/03 00:00:00.0 to 1994/12/04 00:00:00.0\n"
    "Net       Sta  Chan Aux   Packets_Tested  Packets_Failed\n"
    "IDC_SEIS  ABC   shz                 8640               3\n"
    "          DEF   bhz aux1            8640               0\n"
    "\n"
    "Failed Packet Intervals\n"
    "Net       Sta  Chan Aux       Start_Time              End_Time        Comment\n"
    "IDC_SEIS  ABC   shz      1994/12/03 14:28:40.0  1994/12/03 14:29:10.0 Unknown cause\n";

TEST(AuthStatus, CanonicalTextRoundTripsByteForByte) {
  Diagnostics d;
  const AuthStatus a = read_auth_status(text_section("AUTH_STATUS", std::string(kCanonicalAuth)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(a.records.size(), 2u);
  EXPECT_EQ(a.records[1].network, "");
  EXPECT_EQ(a.records[1].aux, "aux1");
  ASSERT_EQ(a.failures.size(), 1u);
  EXPECT_EQ(write_auth_status(a).value(), kCanonicalAuth);
}

TEST(AuthStatus, ExampleRoundTrips) {
  Diagnostics d;
  const AuthStatus a = read_auth_status(example_section("I.5-auth-status.msg"), d);
  Diagnostics again;
  EXPECT_EQ(read_auth_status(text_section("AUTH_STATUS", write_auth_status(a).value()), again), a);
  EXPECT_TRUE(again.empty()) << describe(again);
}

TEST(AuthStatus, EmptyFailureListRoundTrips) {
  AuthStatus a;
  a.period = {day(1994, 12, 3), day(1994, 12, 4)};
  a.records.emplace_back().station = "ABC";
  a.records[0].channel = "shz";
  Diagnostics d;
  EXPECT_EQ(read_auth_status(text_section("AUTH_STATUS", write_auth_status(a).value()), d), a);
  EXPECT_TRUE(d.empty()) << describe(d);
}

TEST(AuthStatus, LetterInPacketsTestedIsAnError) {
  Diagnostics d;
  const AuthStatus a =
      read_auth_status(text_section("AUTH_STATUS", replaced(kCanonicalAuth, "8640", "86x0")), d);
  EXPECT_EQ(a.records.size(), 1u);
  expect_one_error(d, 4, 37, "6.5.1");
}

TEST(AuthStatus, BadEndDateIsAnError) {
  Diagnostics d;
  const AuthStatus a = read_auth_status(
      text_section("AUTH_STATUS", replaced(kCanonicalAuth, "1994/12/03 14:29", "1994/13/03 14:29")), d);
  EXPECT_TRUE(a.failures.empty());
  expect_one_error(d, 9, 49, "6.5.1");
}

TEST(AuthStatus, MissingChannelIsAnError) {
  Diagnostics d;
  read_auth_status(text_section("AUTH_STATUS", replaced(kCanonicalAuth, "bhz", "   ")), d);
  expect_one_error(d, 5, 17, "6.5.1");
}

// COMM_STATUS

TEST(CommStatus, ReadsExampleI14) {
  Diagnostics d;
  const CommStatus c = read_comm_status(example_section("I.14-comm-status.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(c.period.from, day(1994, 12, 3));
  EXPECT_EQ(c.period.to, day(1994, 12, 4));
  ASSERT_EQ(c.links.size(), 3u);
  const CommLink& aus = c.links[0];
  EXPECT_EQ(aus.far_end, "AUS_NDC");
  EXPECT_EQ(aus.near_end, "CTBO_IDC");
  EXPECT_EQ(aus.speed, 56.0);
  EXPECT_EQ(aus.mode, "full");
  EXPECT_EQ(aus.uptime, 88.4);
  EXPECT_EQ(aus.far_from, "AUS_NDC");
  EXPECT_EQ(aus.far_use, 0.50);
  EXPECT_EQ(aus.near_from, "CTBO_IDC");
  EXPECT_EQ(aus.near_use, 0.08);  // wrapped onto the next line by the conversion
  EXPECT_EQ(c.links[2].far_end, "USA_NDC");
  EXPECT_EQ(c.links[2].speed, 1000.0);
  EXPECT_EQ(c.links[2].uptime, 100.0);
  ASSERT_EQ(c.link_outages.size(), 2u);
  EXPECT_EQ(c.link_outages[0].far_end, "AUS_NDC");
  EXPECT_EQ(c.link_outages[0].near_end, "CTBO_IDC");
  ASSERT_EQ(c.link_outages[0].outages.size(), 3u);
  const CommOutage& first = c.link_outages[0].outages[0];
  EXPECT_EQ(first.start, day(1994, 12, 2) + hours(20) + minutes(23) + seconds(14));
  EXPECT_EQ(first.end, day(1994, 12, 3) + minutes(48) + seconds(28));
  EXPECT_EQ(first.duration, 25 * 60 + 14.0);  // as printed, though the times differ by 4:25:14
  EXPECT_EQ(c.link_outages[1].far_end, "NOR_NDC");
  ASSERT_EQ(c.link_outages[1].outages.size(), 1u);
  EXPECT_EQ(c.link_outages[1].outages[0].duration, 45 * 60 + 13.0);
}

constexpr std::string_view kCanonicalComm =
    "Report period from 1994/12/03 00:00:00.0 to 1994/12/04 00:00:00.0\n"
    "Link                 Nom_kbps  Mode  %_up  From      Util  From      Util\n"
    "AUS_NDC   - CTBO_IDC     56.0  full  88.4  AUS_NDC   0.50  CTBO_IDC  0.08\n"
    "USA_NDC   - CTBO_IDC   1000.0  half 100.0  USA_NDC   0.25\n"
    "\n"
    "AUS_NDC   - CTBO_IDC  link outages\n"
    "         From                Through             Duration\n"
    "1994/12/02 20:23:14.0  1994/12/03 00:48:28.0  000 04:25:14.0\n"
    "1994/12/03 02:34:31.0  1994/12/03 02:49:39.3  000 00:15:08.3\n";

TEST(CommStatus, CanonicalTextRoundTripsByteForByte) {
  Diagnostics d;
  const CommStatus c = read_comm_status(text_section("COMM_STATUS", std::string(kCanonicalComm)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(c.links.size(), 2u);
  EXPECT_EQ(c.links[1].mode, "half");
  EXPECT_EQ(c.links[1].near_from, "");
  EXPECT_EQ(c.links[1].near_use, std::nullopt);
  ASSERT_EQ(c.link_outages.size(), 1u);
  ASSERT_EQ(c.link_outages[0].outages.size(), 2u);
  EXPECT_EQ(c.link_outages[0].outages[0].duration, 4 * 3600 + 25 * 60 + 14.0);
  EXPECT_EQ(c.link_outages[0].outages[1].duration, 908.3);
  EXPECT_EQ(write_comm_status(c).value(), kCanonicalComm);
}

TEST(CommStatus, ExampleRoundTrips) {
  Diagnostics d;
  const CommStatus c = read_comm_status(example_section("I.14-comm-status.msg"), d);
  Diagnostics again;
  EXPECT_EQ(read_comm_status(text_section("COMM_STATUS", write_comm_status(c).value()), again), c);
  EXPECT_TRUE(again.empty()) << describe(again);
}

TEST(CommStatus, LetterInUptimeIsAnError) {
  Diagnostics d;
  const CommStatus c =
      read_comm_status(text_section("COMM_STATUS", replaced(kCanonicalComm, "88.4", "8x.4")), d);
  EXPECT_EQ(c.links.size(), 1u);
  expect_one_error(d, 4, 38, "6.5.3");
}

TEST(CommStatus, BadOutageDateIsAnError) {
  Diagnostics d;
  const CommStatus c = read_comm_status(
      text_section("COMM_STATUS", replaced(kCanonicalComm, "1994/12/03 02:34", "1994/02/30 02:34")), d);
  ASSERT_EQ(c.link_outages.size(), 1u);
  EXPECT_EQ(c.link_outages[0].outages.size(), 1u);
  expect_one_error(d, 10, 1, "6.5.3");
}

TEST(CommStatus, LetterInOutageDurationIsAnError) {
  Diagnostics d;
  read_comm_status(text_section("COMM_STATUS", replaced(kCanonicalComm, "04:25:14.0", "04:25:1x.0")), d);
  expect_one_error(d, 9, 47, "6.5.3");
}

TEST(CommStatus, MissingNearEndIsAnError) {
  Diagnostics d;
  read_comm_status(
      text_section("COMM_STATUS", replaced(kCanonicalComm, "- CTBO_IDC   1000.0", "-            1000.0")), d);
  expect_one_error(d, 5, 13, "6.5.3");
}

TEST(CommStatus, MissingDashIsAnError) {
  Diagnostics d;
  read_comm_status(text_section("COMM_STATUS", replaced(kCanonicalComm, "USA_NDC   -", "USA_NDC    ")), d);
  expect_one_error(d, 5, 11, "6.5.3");
}

}  // namespace
}  // namespace imsgate::ims2::shi
