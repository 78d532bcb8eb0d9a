#include <gtest/gtest.h>

#include "ims2/shi/channel.hpp"
#include "ims2/shi/network.hpp"
#include "ims2/shi/station.hpp"
#include "shi_test_support.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::describe;
using testing::example_section;
using testing::text_section;

TimePoint date(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

const Diagnostic* find_error(const Diagnostics& d) {
  for (const auto& item : d)
    if (item.severity == Severity::error) return &item;
  return nullptr;
}

TEST(Channel, ReadsExampleI11ByWords) {
  Diagnostics d;
  const Channel c = read_channel(example_section("I.11-channel.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(d.warning_count(), 15u);  // the converted example is not column-exact
  ASSERT_EQ(c.records.size(), 15u);
  const ChannelRecord& first = c.records[0];
  EXPECT_EQ(first.network, "");
  EXPECT_EQ(first.station, "BDFB");
  EXPECT_EQ(first.channel, "sz");
  EXPECT_EQ(first.latitude, -15.644);
  EXPECT_EQ(first.longitude, -48.0141);
  EXPECT_EQ(first.elevation, 1.095);
  EXPECT_EQ(first.depth, 0.032);
  EXPECT_EQ(first.horizontal_angle, std::nullopt);
  EXPECT_EQ(first.vertical_angle, 0.0);
  EXPECT_EQ(first.sample_rate, 20.0);
  EXPECT_EQ(first.instrument, "GS-21");
  EXPECT_EQ(first.on_date, date(1993, 7, 8));
  EXPECT_EQ(first.off_date, date(2003, 5, 17));
  EXPECT_EQ(c.records[1].off_date, std::nullopt);
  const ChannelRecord& sh2 = c.records[11];
  EXPECT_EQ(sh2.station, "SIV");
  EXPECT_EQ(sh2.channel, "SH2");
  EXPECT_EQ(sh2.horizontal_angle, 94.0);
  EXPECT_EQ(sh2.vertical_angle, 90.0);
  EXPECT_EQ(sh2.sample_rate, 50.0);
  EXPECT_EQ(d.items()[0].line, 7);  // the first data line of the file
}

TEST(Channel, RoundTripsTheExample) {
  Diagnostics d;
  const Channel c = read_channel(example_section("I.11-channel.msg"), d);
  auto text = write_channel(c);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  EXPECT_EQ(read_channel(text_section("CHANNEL", *text), again), c);
  EXPECT_TRUE(again.empty()) << describe(again);
}

constexpr std::string_view kCanonicalChannel =
    "Net       Sta  Chan Aux   Latitude  Longitude Coord Sys     Elev Depth   Hang  Vang Sample_Rate Inst    "
    "  On "
    "Date    Off Date\n"
    "IDC_SEIS  SIV   SH1 ab   -15.99100  -61.07200 WGS-84       0.450 0.000    4.0  90.0   50.000000 HM500  "
    "2008/10/09  2009/01/01\n"
    "          CPUP  SHZ      -26.33070  -57.33100              0.135 0.032   -1.0   0.0   40.000000 GS-21  "
    "2002/08/28\n";

TEST(Channel, CanonicalTextIsReadByColumnsAndWrittenByteForByte) {
  Diagnostics d;
  const Channel c = read_channel(text_section("CHANNEL", std::string(kCanonicalChannel)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(c.records.size(), 2u);
  EXPECT_EQ(c.records[0].network, "IDC_SEIS");
  EXPECT_EQ(c.records[0].aux, "ab");
  EXPECT_EQ(c.records[0].coordinate_system, "WGS-84");
  EXPECT_EQ(c.records[1].coordinate_system, "");
  EXPECT_EQ(c.records[1].horizontal_angle, -1.0);
  EXPECT_EQ(write_channel(c).value(), kCanonicalChannel);
}

TEST(Channel, LetterInNumericFieldIsAnErrorAtItsColumn) {
  std::string text(kCanonicalChannel);
  text[text.find("-26.33070")] = 'x';  // line 4, latitude
  Diagnostics d;
  const Channel c = read_channel(text_section("CHANNEL", text), d);
  EXPECT_EQ(c.records.size(), 1u);
  const Diagnostic* e = find_error(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 4);
  EXPECT_EQ(e->column, 26);
  EXPECT_EQ(e->rule, "6.2.1");
  EXPECT_NE(e->message.find("latitude"), std::string::npos);
}

TEST(Channel, BadDateIsAnError) {
  std::string text(kCanonicalChannel);
  text.replace(text.find("2002/08/28"), 10, "2002/13/28");
  Diagnostics d;
  read_channel(text_section("CHANNEL", text), d);
  const Diagnostic* e = find_error(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 4);
  EXPECT_EQ(e->column, 104);
  EXPECT_EQ(e->rule, "6.2.1");
}

TEST(Channel, MissingStationIsAnError) {
  std::string text(kCanonicalChannel);
  text.replace(text.find("CPUP"), 4, "    ");
  Diagnostics d;
  read_channel(text_section("CHANNEL", text), d);
  const Diagnostic* e = find_error(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 4);
  EXPECT_EQ(e->column, 11);
  EXPECT_NE(e->message.find("station code"), std::string::npos);
}

TEST(Channel, WriterRefusesValuesThatDoNotFit) {
  Channel c;
  ChannelRecord record;
  record.station = "TOOLONG";
  c.records.push_back(record);
  EXPECT_FALSE(write_channel(c));
}

TEST(Network, ReadsExampleI23) {
  Diagnostics d;
  const Network n = read_network(example_section("I.23-network.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  EXPECT_EQ(d.warning_count(), 2u);  // the description starts in column 10, not 11
  ASSERT_EQ(n.records.size(), 2u);
  EXPECT_EQ(n.records[0].code, "IDC_SEIS");
  EXPECT_EQ(n.records[0].description, "International Data Center Seismic Network");
  EXPECT_EQ(n.records[1].code, "IDC_HYDR");
}

TEST(Network, WritesExactColumnsAndRoundTrips) {
  const Network n{{{"IDC_SEIS", "International Data Center Seismic Network"}, {"IMS", "x"}}};
  const std::string expected =
      "Net       Description\n"
      "IDC_SEIS  International Data Center Seismic Network\n"
      "IMS       x\n";
  EXPECT_EQ(write_network(n).value(), expected);
  Diagnostics d;
  EXPECT_EQ(read_network(text_section("NETWORK", expected), d), n);
  EXPECT_TRUE(d.empty()) << describe(d);
}

TEST(Network, MissingCodeIsAnError) {
  Diagnostics d;
  read_network(text_section("NETWORK", "Net       Description\n          no code here\n"), d);
  const Diagnostic* e = find_error(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 3);
  EXPECT_EQ(e->column, 1);
  EXPECT_EQ(e->rule, "6.2.2");
}

TEST(Station, ReadsExampleI39) {
  Diagnostics d;
  const Station s = read_station(example_section("I.39-station.msg"), d);
  EXPECT_FALSE(d.has_errors()) << describe(d);
  ASSERT_EQ(s.records.size(), 7u);
  EXPECT_EQ(s.records[0].station, "AAK");
  EXPECT_EQ(s.records[0].latitude, 42.6391);
  EXPECT_EQ(s.records[0].longitude, 74.4942);
  EXPECT_EQ(s.records[0].elevation, 1.645);
  EXPECT_EQ(s.records[0].on_date, date(2007, 3, 6));
  EXPECT_EQ(s.records[2].longitude, -171.7773);
  EXPECT_EQ(s.records[3].station, "BR101");
  EXPECT_EQ(s.records[3].off_date, date(2004, 3, 22));
}

constexpr std::string_view kCanonicalStation =
    "Net       Sta   Type  Latitude  Longitude Coord Sys     Elev   On Date   Off Date\n"
    "IDC_SEIS  AFI   3C   -13.90930 -171.77730 WGS-84       0.706 2004/11/29 2010/01/01\n"
    "          BRTR  hfa   39.72500   33.63900              1.440 2003/02/10\n";

TEST(Station, CanonicalTextRoundTripsByteForByte) {
  Diagnostics d;
  const Station s = read_station(text_section("STATION", std::string(kCanonicalStation)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].type, "3C");
  EXPECT_EQ(s.records[1].type, "hfa");
  EXPECT_EQ(s.records[1].off_date, std::nullopt);
  EXPECT_EQ(write_station(s).value(), kCanonicalStation);
}

TEST(Station, LetterInElevationIsAnError) {
  std::string text(kCanonicalStation);
  text.replace(text.find("1.440"), 5, "1.4z0");
  Diagnostics d;
  const Station s = read_station(text_section("STATION", text), d);
  EXPECT_EQ(s.records.size(), 1u);
  const Diagnostic* e = find_error(d);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 4);
  EXPECT_EQ(e->column, 56);
  EXPECT_EQ(e->rule, "6.2.3");
}

}  // namespace
}  // namespace imsgate::ims2::shi
