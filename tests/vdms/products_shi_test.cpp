// The S/H/I metadata and status lines answered from the spec's example data messages (Appendix I), with the
// request listings of chapter 4, TIME and STA_LIST adjusted to the data.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/shi/section.hpp"
#include "vdms/engine.hpp"
#include "vdms/loaded_store.hpp"

namespace imsgate::vdms {
namespace {

namespace shi = ims2::shi;
using test::LoadedStore;

ims2::TimePoint at(int year, unsigned month, unsigned day) {
  return ims2::TimePoint{std::chrono::sys_days{std::chrono::year{year} / month / day}};
}

class ShiProductsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_GT(loaded_.load_spec_examples(), 20); }

  // The request's one response message.
  ims2::DataMessage ask(const std::string& lines, std::initializer_list<const char*> grants = {"*:*"}) {
    const auto user = loaded_.add_user("analyst" + std::to_string(++users_) + "@example.org", grants);
    const Answer answer =
        engine_.answer("begin ims2.0\nmsg_type request\nmsg_id example any_ndc\ne-mail name@my.computer\n" +
                           lines + "stop\n",
                       {user, user.email}, Channel::rest, at(2026, 11, 23));
    EXPECT_EQ(answer.messages.size(), 1u);
    auto read = ims2::read_messages(answer.messages.at(0), {.read_data_sections = false});
    EXPECT_EQ(read.messages.size(), 1u) << answer.messages.at(0);
    return std::get<ims2::DataMessage>(read.messages.at(0));
  }

  static std::vector<const ims2::DataSection*> all(const ims2::DataMessage& m, std::string_view type) {
    std::vector<const ims2::DataSection*> out;
    for (const auto& s : m.sections)
      if (s.header.type == type) out.push_back(&s);
    return out;
  }

  static std::string text_of(const ims2::DataMessage& m, std::string_view type) {
    std::string text;
    for (const auto* s : all(m, type)) text += s->body;
    return text;
  }

  // The model of the message's only section of the type.
  template <class Model>
  static Model only(const ims2::DataMessage& m, std::string_view type) {
    const auto sections = all(m, type);
    EXPECT_EQ(sections.size(), 1u) << text_of(m, "LOG") << text_of(m, "ERROR_LOG");
    if (sections.size() != 1) return {};
    ims2::Diagnostics diagnostics;
    auto model = shi::read_section(*sections.front(), diagnostics);
    EXPECT_TRUE(model && std::holds_alternative<Model>(*model)) << sections.front()->body;
    if (!model || !std::holds_alternative<Model>(*model)) return {};
    return std::get<Model>(*model);
  }

  template <class Records>
  static std::vector<std::string> stations_of(const Records& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.station);
    return out;
  }

  LoadedStore loaded_;
  int sequence_ = 0;
  int users_ = 0;
  Engine engine_{
      loaded_.store(),
      {.source = "IMSGATE", .contact = "ops@example.org", .email_limit = 1'000'000, .rest_limit = 0},
      [this] { return "RESP" + std::to_string(++sequence_); }};
};

::testing::AssertionResult has(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << part << "' not in:\n" << text;
}

TEST_F(ShiProductsTest, StationAllListsEveryStoredStation) {  // Listing 4.41
  const auto message = ask("station ims2.0\n");
  const auto station = only<shi::Station>(message, "STATION");
  const auto codes = stations_of(station.records);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "AAK"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "BRTR"), codes.end());
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "BR131"), 2);  // two periods of operation
  EXPECT_TRUE(has(text_of(message, "LOG"), "STATION lines for"));
}

TEST_F(ShiProductsTest, StationSelectedByLatitude) {  // Listing 4.42
  const auto station = only<shi::Station>(ask("lat -90 to 0.0\nstation ims2.0\n"), "STATION");
  EXPECT_EQ(stations_of(station.records), std::vector<std::string>{"AFI"});
  ASSERT_EQ(station.records.size(), 1u);
  EXPECT_DOUBLE_EQ(*station.records[0].longitude, -171.7773);
}

TEST_F(ShiProductsTest, ChannelSelectedByAreaAndChannelWildcard) {  // Listing 4.20, CHAN_LIST narrowed
  const auto channel =
      only<shi::Channel>(ask("lat -60 to 10.0\nlon -81 to -34\nchan_list sh*\nchannel ims2.0\n"), "CHANNEL");
  EXPECT_EQ(channel.records.size(), 10u);
  for (const auto& r : channel.records) EXPECT_TRUE(r.channel.starts_with("SH")) << r.channel;
  const auto one = only<shi::Channel>(ask("sta_list LPAZ\nchan_list s*\nchannel ims2.0\n"), "CHANNEL");
  EXPECT_EQ(one.records.size(), 4u);
  EXPECT_EQ(stations_of(one.records), std::vector<std::string>(4, "LPAZ"));
}

TEST_F(ShiProductsTest, ChanStatusOfTheReportPeriod) {  // Listing 4.21, TIME of Appendix I.12
  const auto message = ask("time 2021/12/01 to 2021/12/02\nsta_list AS0*, CPUP\nchan_status ims2.0\n");
  const auto status = only<shi::ChanStatus>(message, "CHAN_STATUS");
  EXPECT_EQ(stations_of(status.records), (std::vector<std::string>{"AS01", "AS02", "AS03", "CPUP", "CPUP"}));
  ASSERT_TRUE(status.period.from);
  EXPECT_EQ(*status.period.from, at(2021, 12, 1));
  EXPECT_DOUBLE_EQ(*status.records[1].available, 99.572);
  // Another period: nothing, said in the LOG.
  const auto none = ask("time 2021/12/05 to 2021/12/06\nchan_status ims2.0\n");
  EXPECT_TRUE(all(none, "CHAN_STATUS").empty());
  EXPECT_TRUE(has(text_of(none, "LOG"), "no CHAN_STATUS data for"));
}

TEST_F(ShiProductsTest, CommentOfAnEvent) {  // Listing 4.22, the event of Appendix I.13
  const auto comment = only<shi::Comment>(ask("event_list 7687234\ncomment ims2.0\n"), "COMMENT");
  EXPECT_EQ(comment.id, "7687234");
  ASSERT_FALSE(comment.lines.empty());
  EXPECT_TRUE(has(comment.lines[0], "felt over a wide area"));
  const auto none = ask("event_list 510, 512\ncomment ims2.0\n");
  EXPECT_TRUE(all(none, "COMMENT").empty());
  EXPECT_TRUE(has(text_of(none, "LOG"), "no COMMENT data for EVENT_LIST 510, 512"));
}

TEST_F(ShiProductsTest, CommStatusVerboseHasTheLinkOutages) {  // Listing 4.23, TIME and link of App. I.14
  const auto verbose = only<shi::CommStatus>(
      ask("time 1994/12/03 to 1994/12/04\ncomm_list aus_ndc\ncomm_status ims2.0:verbose\n"), "COMM_STATUS");
  ASSERT_EQ(verbose.links.size(), 1u);
  EXPECT_EQ(verbose.links[0].far_end, "AUS_NDC");
  EXPECT_DOUBLE_EQ(*verbose.links[0].uptime, 88.4);
  ASSERT_EQ(verbose.link_outages.size(), 1u);
  EXPECT_EQ(verbose.link_outages[0].outages.size(), 3u);
  const auto brief =
      only<shi::CommStatus>(ask("time 1994/12/03 to 1994/12/04\ncomm_status ims2.0\n"), "COMM_STATUS");
  EXPECT_EQ(brief.links.size(), 3u);
  EXPECT_TRUE(brief.link_outages.empty());
  const auto none = ask("time 1998/11/14 to 1998/11/21\ncomm_list any_ndc\ncomm_status ims2.0:verbose\n");
  EXPECT_TRUE(has(text_of(none, "LOG"), "no COMM_STATUS report stored for COMM_LIST any_ndc"));
}

TEST_F(ShiProductsTest, NetworkOfAStationNotStored) {  // Listing 4.29
  const auto message = ask("time_stamp\nsta_list ARCES\nnetwork\n");
  EXPECT_TRUE(all(message, "NETWORK").empty());
  EXPECT_TRUE(has(text_of(message, "LOG"), "no NETWORK data for STA_LIST ARCES"));
  const auto network = only<shi::Network>(ask("network ims2.0\n"), "NETWORK");
  ASSERT_EQ(network.records.size(), 2u);
  EXPECT_EQ(network.records[0].code, "IDC_SEIS");
}

TEST_F(ShiProductsTest, OutageOfOneStation) {  // Listing 4.32, TIME and station of Appendix I.25
  const auto outage =
      only<shi::Outage>(ask("time 2021/11/30 to 2021/12/01\nsta_list APG\noutage ims2.0\n"), "OUTAGE");
  EXPECT_EQ(stations_of(outage.records), std::vector<std::string>(5, "APG"));
  EXPECT_DOUBLE_EQ(*outage.records[0].duration, 1070.0);
  // TIME cuts the outages too: two of SIJI's lie in the first two hours.
  const auto early = only<shi::Outage>(
      ask("time 2021/11/30 00:00 to 2021/11/30 01:10\nsta_list SIJI\noutage ims2.0\n"), "OUTAGE");
  EXPECT_EQ(early.records.size(), 1u);
}

TEST_F(ShiProductsTest, ResponseOfOneChannel) {  // Listing 4.34, TIME, station and channel of Appendix I.27
  const auto response = only<shi::Response>(
      ask("time 2021/01/01 to 2021/02/01\nsta_list stka\nchan_list bhz\nresponse ims2.0\n"), "RESPONSE");
  ASSERT_EQ(response.channels.size(), 1u);
  EXPECT_EQ(response.channels[0].cal.station, "STKA");
  EXPECT_DOUBLE_EQ(*response.channels[0].cal.sensitivity, 6.28e-3);
  EXPECT_GE(response.channels[0].stages.size(), 4u);
  const auto before = ask("time 2019/01/01 to 2019/02/01\nsta_list stka\nchan_list bhz\nresponse ims2.0\n");
  EXPECT_TRUE(all(before, "RESPONSE").empty());
  EXPECT_TRUE(has(text_of(before, "LOG"), "no RESPONSE data for"));
}

TEST_F(ShiProductsTest, StaStatusOfSelectedStations) {  // Listing 4.43, TIME of Appendix I.40
  const auto status = only<shi::StaStatus>(
      ask("time 2021/12/01 to 2021/12/02\nsta_list MKAR, H01W\nsta_status ims2.0\n"), "STA_STATUS");
  EXPECT_EQ(stations_of(status.records), (std::vector<std::string>{"MKAR", "H01W"}));
  EXPECT_DOUBLE_EQ(*status.records[0].geophysical_availability, 91.667);
}

TEST_F(ShiProductsTest, AuthStatusKeepsTheStationsFailedIntervals) {  // Appendix I.5 (no listing in ch. 4)
  const auto status = only<shi::AuthStatus>(
      ask("time 1994/12/03 to 1994/12/04\nsta_list ABC\nchan_list *\nauth_status ims2.0\n"), "AUTH_STATUS");
  EXPECT_EQ(stations_of(status.records), std::vector<std::string>{"ABC"});
  EXPECT_EQ(*status.records[0].packets_failed, 3);
  ASSERT_EQ(status.failures.size(), 1u);
  EXPECT_EQ(status.failures[0].comment, "Unknown cause");
}

TEST_F(ShiProductsTest, AStationNotStoredIsSaidInTheLog) {
  const auto message = ask("sta_list AAK, XYZ9\nstation ims2.0\n");
  EXPECT_EQ(stations_of(only<shi::Station>(message, "STATION").records), std::vector<std::string>{"AAK"});
  EXPECT_TRUE(has(text_of(message, "LOG"), "no STATION data for XYZ9"));
}

TEST_F(ShiProductsTest, ARegisteredStationWithoutStationDataHasTheRegistryCoordinates) {
  store::StationRow registered;
  registered.code = "QQQ1";
  registered.kind = "seismic";
  registered.latitude = 12.5;
  registered.longitude = -3.25;
  ASSERT_TRUE(loaded_.store().put_station(registered));
  const auto message = ask("sta_list QQQ1\nstation ims2.0\n");
  const auto station = only<shi::Station>(message, "STATION");
  ASSERT_EQ(station.records.size(), 1u);
  EXPECT_DOUBLE_EQ(*station.records[0].latitude, 12.5);
  EXPECT_TRUE(has(text_of(message, "LOG"), "QQQ1: its coordinates are those of the station registry"));
}

TEST_F(ShiProductsTest, ARefusedStationIsLeftOutAndReported) {
  const auto message = ask("sta_list AAK, AFI\nstation ims2.0\n", {"station:AAK"});
  EXPECT_EQ(stations_of(only<shi::Station>(message, "STATION").records), std::vector<std::string>{"AAK"});
  EXPECT_TRUE(has(text_of(message, "ERROR_LOG"), "station AFI refused: no grant of STATION for it"));
  const auto status =
      ask("time 2021/12/01 to 2021/12/02\nsta_list M*\nsta_status ims2.0\n", {"sta_status:MKAR"});
  EXPECT_EQ(stations_of(only<shi::StaStatus>(status, "STA_STATUS").records),
            std::vector<std::string>{"MKAR"});
  EXPECT_TRUE(has(text_of(status, "ERROR_LOG"), "station MJAR refused"));
  EXPECT_EQ(text_of(status, "STA_STATUS").find("MJAR"), std::string::npos);
}

}  // namespace
}  // namespace imsgate::vdms
