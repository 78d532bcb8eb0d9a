// The indexer over the spec's example messages and real third-party files: the rows the store will hold, the
// stations named for sender authorisation, and the section offsets the request engine reads back.
#include "acq/indexer.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ims2/text.hpp"
#include "test_paths.hpp"

namespace imsgate::acq {
namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using Strings = std::vector<std::string>;

ims2::TimePoint utc(int year, unsigned month, unsigned day, int h = 0, int m = 0, int s = 0, int us = 0) {
  const std::chrono::sys_days date = std::chrono::year{year} / month / day;
  return date + hours(h) + minutes(m) + seconds(s) + microseconds(us);
}

// Every data message of a text, indexed; the text is kept for the offsets.
struct Indexed {
  std::string body;
  std::vector<IndexedMessage> messages;

  const IndexedMessage& only() const {
    EXPECT_EQ(messages.size(), 1u);
    return messages.front();
  }
};

Indexed index_text(std::string body) {
  Indexed out{std::move(body), {}};
  const ims2::ReadResult read = ims2::read_messages(out.body, {.read_data_sections = false});
  for (const ims2::Message& message : read.messages)
    if (const auto* data = std::get_if<ims2::DataMessage>(&message))
      out.messages.push_back(index_data_message(*data, out.body));
  return out;
}

Indexed index_file(const std::filesystem::path& path) {
  return index_text(testing::read_file(path));
}

Indexed index_example(std::string_view name) {
  return index_file(testing::data_examples_dir() / name);
}

json attributes(const store::ItemRow& row) {
  return json::parse(row.attributes);
}

std::string section_text(const Indexed& indexed, const store::SectionRow& row) {
  return indexed.body.substr(static_cast<std::size_t>(row.offset), static_cast<std::size_t>(row.length));
}

// --- Waveforms
// -------------------------------------------------------------------------------------------------

TEST(IndexerWaveform, BareGse2FileGivesOneSegmentPerWid2) {
  const Indexed indexed = index_file(testing::real_dir() / "obspy-gse2/loc_RJOB20050831023349.z");
  const IndexedMessage& m = indexed.only();
  ASSERT_EQ(m.index.segments.size(), 1u);
  const store::WaveformSegmentRow& s = m.index.segments[0];
  EXPECT_EQ(s.section_index, 0);
  EXPECT_EQ(s.block_index, 0);
  EXPECT_EQ(s.station, "RJOB");
  EXPECT_EQ(s.channel, "Z");
  EXPECT_EQ(s.subformat, "CM6");
  EXPECT_EQ(s.start, utc(2005, 8, 31, 2, 33, 49, 850000));
  EXPECT_EQ(s.end, s.start + seconds(60));  // 12000 samples at 200 Hz
  EXPECT_DOUBLE_EQ(s.sample_rate, 200.0);
  EXPECT_EQ(s.samples, 12000);
  EXPECT_EQ(m.stations, Strings{"RJOB"});
  EXPECT_EQ(m.data_types, "WAVEFORM");
  EXPECT_TRUE(m.index.events.empty());
  EXPECT_TRUE(m.index.items.empty());

  // No DATA_TYPE line: the section is the WID2 block up to the STOP line.
  ASSERT_EQ(m.index.sections.size(), 1u);
  const store::SectionRow& section = m.index.sections[0];
  EXPECT_EQ(section.offset, 0);
  EXPECT_EQ(indexed.body.substr(static_cast<std::size_t>(section.offset + section.length)), "STOP\n");
  EXPECT_TRUE(section_text(indexed, section).starts_with("WID2 2005/08/31"));
}

TEST(IndexerWaveform, IntSubformatEndsAfterItsSamples) {
  const Indexed indexed = index_file(testing::real_dir() / "obspy-gse2/boa___00_07a.gse");
  const IndexedMessage& m = indexed.only();
  ASSERT_EQ(m.index.segments.size(), 1u);
  const store::WaveformSegmentRow& s = m.index.segments[0];
  EXPECT_EQ(s.station, "BBOA");
  EXPECT_EQ(s.channel, "CPZ");
  EXPECT_EQ(s.subformat, "INT");
  EXPECT_EQ(s.start, utc(1990, 4, 7, 0, 7, 33));
  EXPECT_EQ(s.end, s.start + microseconds(135'680'000));  // 6784 samples at 50 Hz
  EXPECT_EQ(s.samples, 6784);
}

// Two real GSE2 segments in an IMS2.0 message, with CRLF line ends: byte offsets count the CRs.
TEST(IndexerWaveform, SegmentsOfAnIms2MessageWithCrlfLines) {
  std::string lf = "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 42 TEST_NDC\nDATA_TYPE WAVEFORM GSE2.0\n" +
                   testing::read_file(testing::real_dir() / "obspy-gse2/sta2.gse2") +
                   testing::read_file(testing::real_dir() / "obspy-gse2/twiceCHK2.gse2") +
                   "DATA_TYPE LOG IMS2.0\n two segments\nSTOP\n";
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);

  for (const std::string& text : {lf, crlf}) {
    SCOPED_TRACE(text.size());
    const Indexed indexed = index_text(text);
    const IndexedMessage& m = indexed.only();
    ASSERT_EQ(m.index.segments.size(), 2u);
    EXPECT_EQ(m.index.segments[0].station, "ABCDE");
    EXPECT_EQ(m.index.segments[0].channel, "HHZ");
    EXPECT_EQ(m.index.segments[0].start, utc(2010, 4, 3, 13, 22, 8, 1000));
    EXPECT_EQ(m.index.segments[0].end, utc(2010, 4, 3, 13, 22, 8, 201000));  // 100 samples at 500 Hz
    EXPECT_EQ(m.index.segments[1].block_index, 1);
    EXPECT_EQ(m.index.segments[1].station, "RNHA");
    EXPECT_EQ(m.index.segments[1].channel, "EHN");
    EXPECT_EQ(m.index.segments[1].samples, 750);
    EXPECT_EQ(m.index.segments[1].end, utc(2009, 5, 18, 6, 47, 24, 5000));  // 750 samples at 200 Hz
    EXPECT_EQ(m.stations, (Strings{"ABCDE", "RNHA"}));
    EXPECT_EQ(m.data_types, "WAVEFORM,LOG");

    ASSERT_EQ(m.index.sections.size(), 2u);
    const store::SectionRow& waveform = m.index.sections[0];
    const store::SectionRow& log = m.index.sections[1];
    EXPECT_EQ(waveform.format, "GSE2.0");
    EXPECT_EQ(static_cast<std::size_t>(waveform.offset), text.find("DATA_TYPE WAVEFORM"));
    EXPECT_EQ(waveform.offset + waveform.length, log.offset);
    EXPECT_EQ(static_cast<std::size_t>(log.offset), text.find("DATA_TYPE LOG"));
    EXPECT_EQ(static_cast<std::size_t>(log.offset + log.length), text.find("STOP"));
    // Read again from the stored place, the section gives the same segments.
    const Indexed again = index_text("BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 43 TEST_NDC\n" +
                                     section_text(indexed, waveform) + "STOP\n");
    EXPECT_EQ(again.only().index.segments.size(), 2u);
  }
}

// --- Bulletins, origins, events, arrivals: IDC products that name no station
// --------------------------------

TEST(IndexerBulletin, ReviewedEventBulletinGivesOriginsAndPhases) {
  const IndexedMessage m = index_example("I.7-bulletin-ims2.0-short.msg").only();
  ASSERT_EQ(m.index.events.size(), 3u);
  const store::EventRow& e = m.index.events[0];
  EXPECT_EQ(e.event_id, "21429064");
  EXPECT_EQ(e.origin_id, "21436469");
  EXPECT_EQ(e.author, "IDC_REB");
  EXPECT_EQ(e.origin_time, utc(2021, 12, 1, 12, 7, 8, 520000));
  EXPECT_DOUBLE_EQ(e.latitude, 31.1076);
  EXPECT_DOUBLE_EQ(e.longitude, 142.4125);
  EXPECT_EQ(e.depth, 0.0);
  EXPECT_EQ(e.magnitude, 3.2);
  EXPECT_EQ(e.magnitude_type, "ML");
  EXPECT_EQ(m.index.events[1].magnitude_type, "mb");

  ASSERT_EQ(m.index.arrivals.size(), 16u);
  const store::ArrivalRow& a = m.index.arrivals[0];
  EXPECT_EQ(a.station, "JHJ");
  EXPECT_EQ(a.phase, "Pn");
  EXPECT_EQ(a.time, utc(2021, 12, 1, 12, 7, 55, 681000));
  EXPECT_EQ(a.arrival_id, "165912469");
  EXPECT_TRUE(m.stations.empty());
  EXPECT_TRUE(m.index.items.empty());
  EXPECT_EQ(m.index.sections[0].subtype, "");
  EXPECT_EQ(m.index.sections[0].format, "IMS2.0");
  EXPECT_EQ(m.index.sections[0].subformat, "SHORT");
}

TEST(IndexerBulletin, RealGse2BulletinWithTwoEvents) {
  const IndexedMessage m =
      index_file(testing::real_dir() / "obspy-gse2-bulletin/gse_2.0_2_events.txt").only();
  ASSERT_EQ(m.index.events.size(), 2u);
  EXPECT_EQ(m.index.events[0].event_id, "280435");
  EXPECT_EQ(m.index.events[0].origin_time, utc(1995, 1, 16, 7, 26, 52, 400000));
  EXPECT_DOUBLE_EQ(m.index.events[0].latitude, 39.45);
  EXPECT_DOUBLE_EQ(m.index.events[0].longitude, 20.44);
  EXPECT_EQ(m.index.events[0].magnitude, 3.6);
  EXPECT_EQ(m.index.events[0].magnitude_type, "mb");
  EXPECT_EQ(m.index.events[1].event_id, "280436");
  EXPECT_EQ(m.index.arrivals.size(), 16u);
  EXPECT_EQ(m.index.arrivals[0].station, "GERES");
  EXPECT_TRUE(m.stations.empty());
}

TEST(IndexerBulletin, TwoMessagesOfOneFileAreIndexedApart) {
  const Indexed indexed = index_file(testing::real_dir() / "obspy-gse2-bulletin/gse_2.0_2_begins.txt");
  ASSERT_EQ(indexed.messages.size(), 2u);
  EXPECT_EQ(indexed.messages[0].index.events.at(0).event_id, "280435");
  EXPECT_EQ(indexed.messages[1].index.events.at(0).event_id, "280436");
  // Offsets are in the whole text: the second message's section lies after the first's STOP.
  const store::SectionRow& second = indexed.messages[1].index.sections.at(0);
  EXPECT_EQ(static_cast<std::size_t>(second.offset),
            indexed.body.find("DATA_TYPE", indexed.body.find("STOP")));
}

TEST(IndexerBulletin, OriginAndEventSections) {
  const IndexedMessage origins = index_example("I.24-origin.msg").only();
  ASSERT_EQ(origins.index.events.size(), 3u);
  EXPECT_EQ(origins.index.events[0].event_id, "");
  EXPECT_EQ(origins.index.events[0].origin_id, "21451982");
  EXPECT_DOUBLE_EQ(origins.index.events[0].latitude, -37.954);
  EXPECT_EQ(origins.index.events[0].magnitude_type, "ML");

  const IndexedMessage events = index_example("I.17-event.msg").only();
  ASSERT_EQ(events.index.events.size(), 3u);
  EXPECT_EQ(events.index.events[2].event_id, "21428379");
  EXPECT_TRUE(events.index.arrivals.empty());
  EXPECT_TRUE(events.stations.empty());
}

// The text of an event row's block, from the message.
std::string block_text(const Indexed& indexed, const store::EventRow& row) {
  EXPECT_GE(row.block_offset, 0);
  EXPECT_GT(row.block_length, 0);
  if (row.block_offset < 0 || row.block_length <= 0) return {};
  return indexed.body.substr(static_cast<std::size_t>(row.block_offset),
                             static_cast<std::size_t>(row.block_length));
}

TEST(IndexerBulletin, EachEventLocatesItsOwnBlock) {
  const Indexed indexed = index_example("I.7-bulletin-ims2.0-short.msg");
  const IndexedMessage& m = indexed.only();
  ASSERT_EQ(m.index.events.size(), 3u);
  const store::SectionRow& section = m.index.sections.at(0);
  std::int64_t end = 0;
  for (const store::EventRow& e : m.index.events) {
    const std::string block = block_text(indexed, e);
    EXPECT_TRUE(block.starts_with("EVENT " + e.event_id)) << block.substr(0, 40);
    EXPECT_NE(block.find(e.origin_id), std::string::npos);  // its origin line
    EXPECT_GE(e.block_offset, end);                         // blocks follow each other
    end = e.block_offset + e.block_length;
  }
  // The last event's block runs to the section's end: its phases are in it.
  EXPECT_EQ(end, section.offset + section.length);
  EXPECT_NE(block_text(indexed, m.index.events[2]).find("Sta"), std::string::npos);
}

TEST(IndexerBulletin, EventAndOriginSectionsLocateTheirBlocks) {
  const Indexed events = index_example("I.17-event.msg");
  for (const store::EventRow& e : events.only().index.events)
    EXPECT_TRUE(block_text(events, e).starts_with("EVENT " + e.event_id));

  const Indexed origins = index_example("I.24-origin.msg");
  for (const store::EventRow& e : origins.only().index.events) {
    const std::string block = block_text(origins, e);
    EXPECT_TRUE(block.find_first_not_of(' ') != std::string::npos &&
                block.substr(block.find_first_not_of(' ')).starts_with("Date"))
        << block.substr(0, 40);  // the origin header
    EXPECT_NE(block.find(e.origin_id), std::string::npos);
  }
}

TEST(IndexerBulletin, Gse2BulletinEventsHaveNoBlock) {
  const IndexedMessage m =
      index_file(testing::real_dir() / "obspy-gse2-bulletin/gse_2.0_2_events.txt").only();
  ASSERT_FALSE(m.index.events.empty());
  for (const store::EventRow& e : m.index.events) {
    EXPECT_EQ(e.block_offset, -1);
    EXPECT_EQ(e.block_length, -1);
  }
}

TEST(IndexerBulletin, ArrivalSectionsGiveArrivalRows) {
  const IndexedMessage m = index_example("I.4.4-arrival-reviewed.msg").only();
  ASSERT_EQ(m.index.arrivals.size(), 6u);
  EXPECT_EQ(m.index.arrivals[0].station, "BBB");
  EXPECT_EQ(m.index.arrivals[0].channel, "bhz");
  EXPECT_EQ(m.index.arrivals[0].phase, "P");
  EXPECT_EQ(m.index.arrivals[0].time, utc(1996, 8, 16, 3, 41, 40, 523000));
  EXPECT_EQ(m.index.arrivals[0].arrival_id, "116183910");
  EXPECT_EQ(m.index.sections[0].subtype, "REVIEWED");
  EXPECT_TRUE(m.stations.empty());
}

// --- Station metadata: names its stations
// -------------------------------------------------------------------

TEST(IndexerStation, ChannelLinesAreItemsAndNameTheirStations) {
  const IndexedMessage m = index_example("I.11-channel.msg").only();
  ASSERT_EQ(m.index.items.size(), 15u);
  const store::ItemRow& first = m.index.items[0];
  EXPECT_EQ(first.kind, "channel");
  EXPECT_EQ(first.data_type, "CHANNEL");
  EXPECT_EQ(first.station, "BDFB");
  EXPECT_EQ(first.detector, "sz");
  EXPECT_EQ(first.start, utc(1993, 7, 8));
  EXPECT_EQ(first.end, utc(2003, 5, 17));
  EXPECT_FALSE(m.index.items[1].end.has_value());  // still valid
  const json a = attributes(first);
  EXPECT_DOUBLE_EQ(a["latitude"].get<double>(), -15.644);
  EXPECT_DOUBLE_EQ(a["sample_rate"].get<double>(), 20.0);
  EXPECT_EQ(a["instrument"], "GS-21");
  EXPECT_EQ(m.stations, (Strings{"BDFB", "CPUP", "LPAZ", "PLCA", "SIV"}));
}

TEST(IndexerStation, StationLinesCarryCoordinates) {
  const IndexedMessage m = index_example("I.39-station.msg").only();
  ASSERT_FALSE(m.index.items.empty());
  const store::ItemRow& aak = m.index.items[0];
  EXPECT_EQ(aak.kind, "station");
  EXPECT_EQ(aak.station, "AAK");
  EXPECT_EQ(aak.start, utc(2007, 3, 6));
  EXPECT_FALSE(aak.end.has_value());
  const json a = attributes(aak);
  EXPECT_DOUBLE_EQ(a["latitude"].get<double>(), 42.6391);
  EXPECT_DOUBLE_EQ(a["longitude"].get<double>(), 74.4942);
  EXPECT_DOUBLE_EQ(a["elevation"].get<double>(), 1.645);
  EXPECT_FALSE(a.contains("network"));  // empty in the example: left out
  EXPECT_EQ(m.stations.front(), "AAK");
  EXPECT_NE(std::find(m.stations.begin(), m.stations.end(), "BRTR"), m.stations.end());
  EXPECT_EQ(std::count(m.stations.begin(), m.stations.end(), "BR131"), 1);
}

TEST(IndexerStation, ResponseAndNetwork) {
  const IndexedMessage response = index_example("I.27-response.msg").only();
  ASSERT_EQ(response.index.items.size(), 1u);
  EXPECT_EQ(response.index.items[0].kind, "response");
  EXPECT_EQ(response.index.items[0].station, "STKA");
  EXPECT_EQ(response.index.items[0].detector, "BHZ");
  EXPECT_EQ(attributes(response.index.items[0])["stages"].size(), 8u);
  EXPECT_EQ(response.stations, Strings{"STKA"});

  const IndexedMessage network = index_example("I.23-network.msg").only();
  ASSERT_EQ(network.index.items.size(), 2u);
  EXPECT_EQ(network.index.items[0].kind, "network");
  EXPECT_EQ(attributes(network.index.items[0])["network"], "IDC_SEIS");
  EXPECT_EQ(network.data_types, "NETWORK");  // written "network" in the example
  EXPECT_TRUE(network.stations.empty());
}

// --- Status reports: one row per report line over the report period
// -------------------------------------------

TEST(IndexerStatus, StationStatusLinesOverTheReportPeriod) {
  const IndexedMessage m = index_example("I.40-sta-status.msg").only();
  ASSERT_FALSE(m.index.items.empty());
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "status");
  EXPECT_EQ(row.station, "MJAR");
  EXPECT_EQ(row.start, utc(2021, 12, 1));
  EXPECT_EQ(row.end, utc(2021, 12, 2));
  EXPECT_DOUBLE_EQ(attributes(row)["mission_capability"].get<double>(), 38.576);
  EXPECT_TRUE(m.stations.empty());
}

TEST(IndexerStatus, AuthenticationStatisticsAndFailedIntervals) {
  const IndexedMessage m = index_example("I.5-auth-status.msg").only();
  ASSERT_EQ(m.index.items.size(), 3u);
  EXPECT_EQ(attributes(m.index.items[0])["table"], "statistics");
  EXPECT_EQ(attributes(m.index.items[0])["packets_tested"], 8640);
  const json failed = attributes(m.index.items[2]);
  EXPECT_EQ(failed["table"], "failed_interval");
  EXPECT_EQ(failed["failed_start"], "1994-12-03T14:28:40.000000Z");
  EXPECT_EQ(m.index.items[2].station, "ABC");
  EXPECT_EQ(m.index.items[2].detector, "shz");
}

TEST(IndexerStatus, CommunicationLinksCarryTheirOutages) {
  const IndexedMessage m = index_example("I.14-comm-status.msg").only();
  ASSERT_EQ(m.index.items.size(), 3u);
  EXPECT_EQ(m.index.items[0].station, "AUS_NDC");
  const json a = attributes(m.index.items[0]);
  EXPECT_EQ(a["near_end"], "CTBO_IDC");
  ASSERT_EQ(a["outages"].size(), 3u);
  EXPECT_EQ(a["outages"][0]["duration"], 1514.0);
  EXPECT_FALSE(attributes(m.index.items[2]).contains("outages"));
}

TEST(IndexerStatus, OutageLinesKeepTheGapInTheAttributes) {
  const IndexedMessage m = index_example("I.25-outage.msg").only();
  ASSERT_EQ(m.index.items.size(), 13u);
  EXPECT_EQ(m.index.items[0].station, "MJB7");
  EXPECT_EQ(m.index.items[0].detector, "HHZ");
  EXPECT_EQ(m.index.items[0].start, utc(2021, 11, 30));
  EXPECT_EQ(attributes(m.index.items[0])["outage_start"], "2021-11-30T22:50:10.000000Z");
}

// --- Free text
// ---------------------------------------------------------------------------------------------------

TEST(IndexerText, CommentsAndLogsAreOneItemEach) {
  const IndexedMessage comments = index_example("I.13-comment.msg").only();
  ASSERT_EQ(comments.index.items.size(), 2u);
  EXPECT_EQ(comments.index.items[1].kind, "comment");
  EXPECT_EQ(comments.index.items[1].section_index, 1);
  const json a = attributes(comments.index.items[1]);
  EXPECT_EQ(a["id_type"], "Event");
  EXPECT_EQ(a["id"], "7687234");
  EXPECT_EQ(comments.data_types, "COMMENT,COMMENT");

  const IndexedMessage log = index_example("I.16-error-log.msg").only();
  ASSERT_EQ(log.index.items.size(), 1u);
  EXPECT_EQ(log.index.items[0].kind, "log");
  EXPECT_EQ(attributes(log.index.items[0])["error"], false);
}

// --- Pulse height data
// ---------------------------------------------------------------------------------------

TEST(IndexerPhd, RealBetaGammaSample) {
  const IndexedMessage m =
      index_file(testing::real_dir() / "noble-gas-phd/SAMPLE20211203070613605.PHD").only();
  ASSERT_EQ(m.index.items.size(), 1u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "sample");
  EXPECT_EQ(row.data_type, "SAMPLEPHD");
  EXPECT_EQ(row.station, "MIX58");
  EXPECT_EQ(row.detector, "MIX58_222");
  EXPECT_EQ(row.srid, "58202112020111X");
  EXPECT_EQ(row.start, utc(2021, 12, 2, 1, 0, 25));
  EXPECT_EQ(row.end, utc(2021, 12, 2, 12, 59, 59));

  const json a = attributes(row);
  EXPECT_EQ(a["system_type"], "B");
  EXPECT_EQ(a["qualifier"], "FULL");
  EXPECT_EQ(a["geometry"], "CYLINDER");
  EXPECT_EQ(a["mid"], "MIX58_222-2021/12/02-17:00:54.4");
  EXPECT_EQ(a["detector_background_mid"], "MIX58_222-2021/08/16-06:20:34.8");
  EXPECT_EQ(a["gas_background_mid"], "MIX58_222-2021/12/02-08:08:59.1");
  EXPECT_EQ(a["collection_start"], "2021-12-02T01:00:25.000000Z");
  EXPECT_EQ(a["acquisition_start"], "2021-12-02T17:00:54.400000Z");
  EXPECT_EQ(a["transmitted"], "2021-12-03T07:06:13.600000Z");
  EXPECT_DOUBLE_EQ(a["air_volume"].get<double>(), 22.347414);
  EXPECT_DOUBLE_EQ(a["real_time"].get<double>(), 50719.17);
  EXPECT_DOUBLE_EQ(a["live_time"].get<double>(), 50400.0);
  EXPECT_DOUBLE_EQ(a["xe_volume"].get<double>(), 0.99533);
  EXPECT_EQ(a["g_channels"], 256);
  EXPECT_EQ(a["b_channels"], 256);
  EXPECT_EQ(a["histogram_gamma_channels"], 256);
  EXPECT_EQ(a["histogram_beta_channels"], 256);
  EXPECT_EQ(a["calibration_blocks"], json({"g_energy", "b_energy", "g_resolution", "b_resolution",
                                           "g_efficiency", "roi_limits", "bg_efficiency", "ratios"}));
  EXPECT_EQ(m.stations, Strings{"MIX58"});
}

TEST(IndexerPhd, EveryProductOfASectionIsAnItem) {
  const IndexedMessage m = index_example("I.9-calibphd.msg").only();
  ASSERT_EQ(m.index.items.size(), 2u);
  EXPECT_EQ(m.index.items[0].item_index, 0);
  EXPECT_EQ(m.index.items[1].item_index, 1);
  EXPECT_EQ(m.index.items[1].station, "GBL15");
  EXPECT_EQ(m.index.items[1].detector, "GBL15_143");
  const json calibration = attributes(m.index.items[0])["calibration_blocks"];
  EXPECT_NE(std::find(calibration.begin(), calibration.end(), "certificate"), calibration.end());
  EXPECT_EQ(m.stations, (Strings{"BRP11", "GBL15"}));
}

TEST(IndexerPhd, WithoutCollectionTheAcquisitionGivesThePeriod) {
  const IndexedMessage m = index_example("I.15-detbkphd.msg").only();
  ASSERT_EQ(m.index.items.size(), 1u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.data_type, "DETBKPHD");
  EXPECT_EQ(row.start, utc(2021, 1, 15, 13, 50, 47));
  EXPECT_EQ(row.end, utc(2021, 1, 15, 13, 50, 47) + microseconds(605'323'830'000));  // real time 605323.83 s
  EXPECT_FALSE(attributes(row).contains("collection_start"));
  EXPECT_EQ(m.stations, Strings{"USL16"});
}

TEST(IndexerPhd, SectionsOfOtherTypesBeforeAPhd) {
  const IndexedMessage m = index_example("I.6-blankphd.msg").only();
  EXPECT_EQ(m.data_types, "LOG,BLANKPHD");
  ASSERT_EQ(m.index.items.size(), 2u);
  EXPECT_EQ(m.index.items[0].kind, "log");
  EXPECT_EQ(m.index.items[1].kind, "sample");
  EXPECT_EQ(m.index.items[1].section_index, 1);
  EXPECT_EQ(m.index.items[1].srid, "11000000000131");
}

// --- SOH, MET, alerts
// ------------------------------------------------------------------------------------------

TEST(IndexerSoh, RmssohReportOverItsPeriod) {
  const IndexedMessage m = index_example("I.31-rmssoh.msg").only();
  ASSERT_EQ(m.index.items.size(), 1u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "soh");
  EXPECT_EQ(row.station, "GBP68");
  EXPECT_EQ(row.detector, "GBP68_002");
  EXPECT_EQ(row.start, utc(2021, 12, 1, 17, 58, 51, 700000));
  EXPECT_EQ(row.end, utc(2021, 12, 1, 20));
  const json a = attributes(row);
  EXPECT_EQ(a["transmitted"], "2021-12-01T20:04:46.300000Z");
  EXPECT_EQ(a["records"]["air_sampler_flow"], 6);
  EXPECT_DOUBLE_EQ(a["flow_rate_max"].get<double>(), 908.0);
  EXPECT_DOUBLE_EQ(a["flow_rate_min"].get<double>(), 897.0);
  EXPECT_EQ(m.stations, Strings{"GBP68"});
}

TEST(IndexerMet, OneItemPerStationGroup) {
  const IndexedMessage m = index_example("I.22-met.msg").only();
  ASSERT_EQ(m.index.items.size(), 2u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "met");
  EXPECT_EQ(row.station, "CAP14");
  EXPECT_EQ(row.start, utc(2021, 12, 1, 11, 10));
  EXPECT_EQ(row.end, utc(2021, 12, 1, 13, 10));
  const json a = attributes(row);
  EXPECT_EQ(a["records"], 12);
  EXPECT_DOUBLE_EQ(a["temperature_min"].get<double>(), 11.0);
  EXPECT_DOUBLE_EQ(a["rainfall_total"].get<double>(), 0.1);
  EXPECT_EQ(m.stations, Strings{"CAP14"});
}

TEST(IndexerAlert, EveryAlertNamesItsStation) {
  const IndexedMessage m = index_example("I.1.1-alert-flow.msg").only();
  ASSERT_EQ(m.index.items.size(), 6u);
  const store::ItemRow& row = m.index.items[2];
  EXPECT_EQ(row.kind, "alert");
  EXPECT_EQ(row.station, "NOP49");
  EXPECT_EQ(row.start, utc(2021, 12, 3, 14, 44, 2, 700000));
  const json a = attributes(row);
  EXPECT_EQ(a["type"], "ALERT_FLOW");
  EXPECT_EQ(a["description"],
            "Air flow alarm!\nAir Sampler average flow rate: 335.2 scm/h\n"
            "LowLow Limit: 500.0 Low Limit: 530.0 HighHigh Limit: 800.0");
  EXPECT_EQ(m.stations, (Strings{"AUP06", "AUP10", "NOP49", "AUP05"}));
}

// --- Laboratory messages -----------------------------------------------------------------------------------

TEST(IndexerLab, RlrIsFiledUnderItsLaboratory) {
  const IndexedMessage m = index_example("I.29.1-rlr-noble-gas-betagamma.msg").only();
  ASSERT_EQ(m.index.items.size(), 1u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "lab_report");
  EXPECT_EQ(row.station, "GBL15");
  EXPECT_EQ(row.detector, "GBL15_00X");
  EXPECT_EQ(row.srid, "09201912030811X");
  EXPECT_EQ(row.start, utc(2019, 12, 3, 7, 55, 39, 900000));
  EXPECT_EQ(row.end, utc(2019, 12, 3, 19, 55, 38, 600000));
  const json a = attributes(row);
  EXPECT_EQ(a["sample_station"], "AUX09");
  EXPECT_EQ(a["report_type"], "FIN");
  EXPECT_EQ(a["category"], "XA");
  EXPECT_EQ(a["sample_kind"], "noble_gas");
  EXPECT_EQ(a["transmitted"], "2020-01-15T14:17:42.500000Z");
  EXPECT_EQ(m.stations, Strings{"GBL15"});  // the laboratory, not the station that took the sample
}

TEST(IndexerLab, ShipmentNoticeIsFiledUnderItsLaboratory) {
  const IndexedMessage m = index_text(R"(BEGIN IMS2.0
MSG_TYPE DATA
MSG_ID 1234 CTBT_IDC
DATA_TYPE TECSDN
#Header
Urgent
sel07 07202201150511
Category A
2022/01/20 16:40:10.0
#LabDataVersion
IMS2.0
#Recipient
07202201150511
Jane Doe
+46 8 123 456 00
Radionuclide Laboratory SEL07
Box 123
#Transport
World Courier
2022/01/20 15:30
2022/01/24 10:00
AWB 123-4567 8901
IMS-2022-0042
STOP
)")
                               .only();
  ASSERT_EQ(m.index.items.size(), 1u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "lab_report");
  EXPECT_EQ(row.station, "sel07");
  EXPECT_EQ(row.srid, "07202201150511");
  const json a = attributes(row);
  EXPECT_EQ(a["message_type"], "TECSDN");
  EXPECT_EQ(a["priority"], "Urgent");
  EXPECT_EQ(a["handover"], "2022-01-20T15:30:00.000000Z");
  EXPECT_EQ(m.stations, Strings{"SEL07"});  // named in upper case
  EXPECT_TRUE(m.diagnostics.empty()) << m.diagnostics.items().front().message;
}

// --- The IDC's radionuclide products: rows that name no station
// -------------------------------------------------

TEST(IndexerReports, ArrAndRrrRowsNameNoStation) {
  const IndexedMessage arr = index_example("I.2.1-arr-noble-gas-betagamma.msg").only();
  ASSERT_EQ(arr.index.items.size(), 1u);
  const store::ItemRow& row = arr.index.items[0];
  EXPECT_EQ(row.kind, "report");
  EXPECT_EQ(row.station, "USX75");
  EXPECT_EQ(row.detector, "USX75_007");
  EXPECT_EQ(row.srid, "75202205312111X");
  EXPECT_EQ(row.start, utc(2022, 5, 31, 21, 42, 11));
  const json a = attributes(row);
  EXPECT_EQ(a["report"], "ARR");
  EXPECT_EQ(a["variant"], "beta_gamma");
  EXPECT_EQ(a["sample_id"], 6740102);
  EXPECT_TRUE(arr.stations.empty());

  const IndexedMessage rrr = index_example("I.33.3-rrr-noble-gas-hpge.msg").only();
  ASSERT_EQ(rrr.index.items.size(), 1u);
  EXPECT_EQ(attributes(rrr.index.items[0])["report"], "RRR");
  EXPECT_EQ(attributes(rrr.index.items[0])["variant"], "hpge");
  EXPECT_TRUE(rrr.stations.empty());
}

TEST(IndexerReports, SsrebAndRnps) {
  const IndexedMessage ssreb = index_example("I.38-ssreb-particulate.msg").only();
  ASSERT_EQ(ssreb.index.items.size(), 1u);
  EXPECT_EQ(ssreb.index.items[0].station, "AUP09");
  EXPECT_EQ(attributes(ssreb.index.items[0])["report"], "SSREB");
  EXPECT_EQ(attributes(ssreb.index.items[0])["fission_product_id"], 12340);
  EXPECT_TRUE(ssreb.stations.empty());

  const IndexedMessage rnps = index_example("I.32-rnps.damaged.msg").only();
  ASSERT_EQ(rnps.index.items.size(), 20u);  // one per sample
  EXPECT_EQ(rnps.index.items[0].station, "SEX63");
  EXPECT_EQ(attributes(rnps.index.items[0])["sample_id"], 6470591);
  EXPECT_TRUE(rnps.stations.empty());
}

// The first part of I.28.1 (the rest is elided in the spec), its elements closed.
TEST(IndexerReports, SampmlRowHoldsTheDocumentsSample) {
  std::istringstream example(testing::read_file(testing::data_examples_dir() /
                                                "I.28.1-revsamp-sampml-noble-gas-betagamma.damaged.xml"));
  std::string xml;
  std::string line;
  for (int i = 0; i < 31 && std::getline(example, line); ++i) xml += line + "\n";
  xml += "</SpectrumGroup></MeasuredInformation></SampleInformation></SampML>\n";
  const IndexedMessage m =
      index_text("BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 7 CTBT_IDC\nDATA_TYPE SAMPML\n" + xml + "STOP\n")
          .only();
  ASSERT_EQ(m.index.items.size(), 1u);
  const store::ItemRow& row = m.index.items[0];
  EXPECT_EQ(row.kind, "report");
  EXPECT_EQ(row.station, "MXX44");
  EXPECT_EQ(row.detector, "MXX44_004");
  EXPECT_EQ(row.srid, "44202112071111X");
  EXPECT_EQ(row.start, utc(2021, 12, 7, 11, 36, 35));
  EXPECT_EQ(row.end, utc(2021, 12, 7, 23, 36, 35));
  const json a = attributes(row);
  EXPECT_EQ(a["report"], "SAMPML");
  EXPECT_EQ(a["sample_id"], 6482923);
  EXPECT_EQ(a["acquisition_start"], "2021-12-08T06:39:36.000000Z");
  EXPECT_TRUE(m.stations.empty());
}

// --- Sections ----------------------------------------------------------------------------------------------

TEST(IndexerSections, UnknownTypesGetASectionRowAndNothingElse) {
  const Indexed indexed = index_file(testing::listings_dir() / "3.4-data-multiple-data-types.msg");
  const IndexedMessage& m = indexed.only();
  EXPECT_EQ(m.data_types, "TYPE1,TYPE2,TYPE3,TYPE4");
  ASSERT_EQ(m.index.sections.size(), 4u);
  EXPECT_EQ(m.index.sections[3].index, 3);
  EXPECT_EQ(m.index.sections[3].data_type, "TYPE4");
  EXPECT_EQ(m.index.sections[3].format, "IMS2.0");
  EXPECT_EQ(section_text(indexed, m.index.sections[0]), "data_type type1 ims2.0\n...\n");
  EXPECT_TRUE(m.index.items.empty());
  EXPECT_TRUE(m.index.segments.empty());
  EXPECT_TRUE(m.index.events.empty());
  EXPECT_TRUE(m.stations.empty());
  EXPECT_TRUE(m.diagnostics.empty());
}

TEST(IndexerSections, ReaderDiagnosticsAreKept) {
  const IndexedMessage m = index_example("I.12-chan-status.msg").only();  // elided by the spec
  EXPECT_TRUE(m.diagnostics.has_errors());
}

// Every section of every example and real message: the text at its offset is its DATA_TYPE line, and it ends
// right before the next DATA_TYPE line or the STOP line.
TEST(IndexerSections, OffsetsFrameEverySection) {
  const std::vector<std::filesystem::path> folders = {testing::data_examples_dir(), testing::listings_dir(),
                                                      testing::real_dir() / "obspy-gse2-bulletin",
                                                      testing::real_dir() / "noble-gas-phd"};
  int sections = 0;
  for (const auto& folder : folders) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() == ".md") continue;
      SCOPED_TRACE(entry.path().filename().string());
      const Indexed indexed = index_file(entry.path());
      for (const IndexedMessage& m : indexed.messages) {
        for (const store::SectionRow& row : m.index.sections) {
          ++sections;
          ASSERT_GE(row.offset, 0);
          ASSERT_LE(static_cast<std::size_t>(row.offset + row.length), indexed.body.size());
          const std::string_view rest = std::string_view(indexed.body).substr(row.offset + row.length);
          EXPECT_TRUE(ims2::istarts_with(section_text(indexed, row), "DATA_TYPE " + row.data_type));
          EXPECT_TRUE(ims2::istarts_with(rest, "DATA_TYPE") || ims2::istarts_with(rest, "STOP"))
              << row.data_type << " is followed by '" << rest.substr(0, 20) << "'";
        }
      }
    }
  }
  EXPECT_GT(sections, 60);
}

}  // namespace
}  // namespace imsgate::acq
