#include <gtest/gtest.h>

#include "ims2/shi/chan_status.hpp"
#include "ims2/shi/outage.hpp"
#include "shi_test_support.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::describe;
using testing::example_section;
using testing::text_section;

TimePoint day(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(ChanStatus, ReadsExampleI12) {
  Diagnostics d;
  const ChanStatus s = read_chan_status(example_section("I.12-chan-status.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(s.period.from, day(2021, 12, 1));
  EXPECT_EQ(s.period.to, day(2021, 12, 2));
  ASSERT_EQ(s.records.size(), 7u);
  const ChanStatusRecord& as02 = s.records[1];
  EXPECT_EQ(as02.network, "ASAR");
  EXPECT_EQ(as02.station, "AS02");
  EXPECT_EQ(as02.channel, "SHZ");
  EXPECT_EQ(as02.available, 99.572);
  EXPECT_EQ(as02.gaps, 0);
  EXPECT_EQ(as02.samples, 1728000);
  EXPECT_EQ(as02.mean, 236.0);
  EXPECT_EQ(as02.rms, 197.7);
  EXPECT_EQ(s.records[5].network, "");
  EXPECT_EQ(s.records[5].station, "CPUP");
  EXPECT_EQ(s.records[5].gaps, 1);
}

constexpr std::string_view kCanonical =
    "Report period from 2021/12/01 00:00:00.0 to 2021/12/02 00:00:00.0\n"
    "Channel Status\n"
    "Net       Sta   Chan %_Recvd %_AvaUA %_Avail  Gaps   Samples  Constant        Mean         RMS\n"
    "ASAR      AS02  SHZ  100.000 100.000  99.572     0   1728000         0       236.0       197.7\n"
    "          CPUP  BHZ    0.000   0.000   0.000     1         0         0         0.0         0.0\n";

TEST(ChanStatus, CanonicalTextRoundTripsByteForByte) {
  Diagnostics d;
  const ChanStatus s = read_chan_status(text_section("CHAN_STATUS", std::string(kCanonical)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(write_chan_status(s).value(), kCanonical);
}

TEST(ChanStatus, ExampleRoundTrips) {
  Diagnostics d;
  const ChanStatus s = read_chan_status(example_section("I.12-chan-status.msg"), d);
  Diagnostics again;
  EXPECT_EQ(read_chan_status(text_section("CHAN_STATUS", write_chan_status(s).value()), again), s);
  EXPECT_TRUE(again.empty()) << describe(again);
}

TEST(ChanStatus, LetterInGapsIsAnError) {
  std::string text(kCanonical);
  text.replace(text.find("    1         0"), 5, "   1x");
  Diagnostics d;
  const ChanStatus s = read_chan_status(text_section("CHAN_STATUS", text), d);
  EXPECT_EQ(s.records.size(), 1u);
  ASSERT_EQ(d.error_count(), 1u) << describe(d);
  EXPECT_EQ(d.items()[0].line, 6);
  EXPECT_EQ(d.items()[0].column, 49);
  EXPECT_EQ(d.items()[0].rule, "6.5.2");
}

TEST(ChanStatus, BadReportPeriodIsAnError) {
  std::string text(kCanonical);
  text.replace(text.find("2021/12/02"), 10, "2021/12/32");
  Diagnostics d;
  read_chan_status(text_section("CHAN_STATUS", text), d);
  ASSERT_EQ(d.error_count(), 1u) << describe(d);
  EXPECT_EQ(d.items()[0].line, 2);
  EXPECT_EQ(d.items()[0].column, 45);
}

TEST(Outage, ReadsExampleI25) {
  Diagnostics d;
  const Outage o = read_outage(example_section("I.25-outage.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(o.period.from, day(2021, 11, 30));
  ASSERT_EQ(o.records.size(), 13u);
  EXPECT_EQ(o.records[0].network, "MJAR");
  EXPECT_EQ(o.records[0].station, "MJB7");
  EXPECT_EQ(o.records[0].channel, "HHZ");
  EXPECT_EQ(o.records[0].start,
            day(2021, 11, 30) + std::chrono::hours(22) + std::chrono::minutes(50) + std::chrono::seconds(10));
  EXPECT_EQ(o.records[0].end, day(2021, 12, 1));
  EXPECT_EQ(o.records[0].duration, 4190.0);
  EXPECT_EQ(o.records[2].network, "");
  EXPECT_EQ(o.records[2].station, "APG");
  EXPECT_EQ(o.records[2].duration, 1070.0);
}

constexpr std::string_view kCanonicalOutage =
    "Report period from 2021/11/30 00:00:00.0 to 2021/12/01 00:00:00.0\n"
    "Outage\n"
    "Net       Sta  Chan Aux      Start Date Time          End Date Time        Duration Comment\n"
    "MJAR      MJB7  HHZ      2021/11/30 22:50:10.000 2021/12/01 00:00:00.000   4190.000 link down\n"
    "          APG   BHZ      2021/11/30 02:21:15.000 2021/11/30 02:39:05.000   1070.000\n";

TEST(Outage, CanonicalTextRoundTripsByteForByteInBothReportPeriodForms) {
  Diagnostics d;
  const Outage o = read_outage(text_section("OUTAGE", std::string(kCanonicalOutage)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(o.records.size(), 2u);
  EXPECT_EQ(o.records[0].comment, "link down");
  EXPECT_EQ(write_outage(o).value(), kCanonicalOutage);
  const std::string table = write_outage(o, {.table_52_report_period = true}).value();
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "Report period from 2021/11/30 00:00:00.000 to 2021/12/01 00:00:00.000");
  Diagnostics again;
  EXPECT_EQ(read_outage(text_section("OUTAGE", table), again), o);
  EXPECT_TRUE(again.empty()) << describe(again);
}

TEST(Outage, MissingEndDateIsAnError) {
  std::string text(kCanonicalOutage);
  text.replace(text.find("2021/11/30 02:39:05.000"), 23, "                       ");
  Diagnostics d;
  read_outage(text_section("OUTAGE", text), d);
  ASSERT_EQ(d.error_count(), 1u) << describe(d);
  EXPECT_EQ(d.items()[0].line, 6);
  EXPECT_EQ(d.items()[0].column, 50);
  EXPECT_EQ(d.items()[0].rule, "6.5.4");
}

}  // namespace
}  // namespace imsgate::ims2::shi
