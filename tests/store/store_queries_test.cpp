#include <algorithm>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_fixtures.hpp"
#include "test_dir.hpp"

namespace imsgate::store {
namespace {

using imsgate::test::TempDir;
using imsgate::testing::accepted_message;
using imsgate::testing::at_seconds;
using imsgate::testing::open_store;
using imsgate::testing::rejected_message;

std::vector<std::int64_t> ids_of(const std::vector<MessageRecord>& records) {
  std::vector<std::int64_t> ids;
  for (const auto& r : records) ids.push_back(r.id);
  return ids;
}

// Five messages received at 100, 200, ... 500 s: USP70 SAMPLEPHD, ARP01 RMSSOH, USP70 rejected,
// USP70 SAMPLEPHD+MET, ARP01 SAMPLEPHD.
class StoreMessageQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(dir_);
    ASSERT_TRUE(store_);
    std::vector<Commit> batch{
        accepted_message("m1", "USP70", "SAMPLEPHD", at_seconds(100)),
        accepted_message("m2", "ARP01", "RMSSOH", at_seconds(200)),
        rejected_message("m3"),
        accepted_message("m4", "USP70", "SAMPLEPHD", at_seconds(400)),
        accepted_message("m5", "ARP01", "SAMPLEPHD", at_seconds(500)),
    };
    batch[2].record.received_at = at_seconds(300);
    batch[2].record.station = "USP70";
    batch[2].record.data_types = "samplephd";  // named by the record only: a rejected message has no sections
    batch[3].index.sections.push_back(SectionRow{1, "MET", "", "IMS2.0", "", 1000, 10});
    auto ids = store_->commit(batch);
    ASSERT_TRUE(ids) << ids.error();
    ids_ = *ids;
  }

  std::vector<std::int64_t> ids(std::initializer_list<int> numbers) const {  // m1 -> ids_[0]
    std::vector<std::int64_t> out;
    for (int n : numbers) out.push_back(ids_[n - 1]);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<std::int64_t> ids_;
};

TEST_F(StoreMessageQueries, NewestFirst) {
  EXPECT_EQ(ids_of(store_->messages({})), ids({5, 4, 3, 2, 1}));
}

TEST_F(StoreMessageQueries, PagesWithLimitAndBeforeId) {
  MessageFilter filter{.limit = 2};
  auto page = store_->messages(filter);
  EXPECT_EQ(ids_of(page), ids({5, 4}));
  filter.before_id = page.back().id;
  page = store_->messages(filter);
  EXPECT_EQ(ids_of(page), ids({3, 2}));
  filter.before_id = page.back().id;
  page = store_->messages(filter);
  EXPECT_EQ(ids_of(page), ids({1}));
  filter.before_id = page.back().id;
  EXPECT_TRUE(store_->messages(filter).empty());
  EXPECT_TRUE(store_->messages({.limit = 0}).empty());
}

TEST_F(StoreMessageQueries, FiltersByVerdictAndStation) {
  EXPECT_EQ(ids_of(store_->messages({.accepted = true})), ids({5, 4, 2, 1}));
  EXPECT_EQ(ids_of(store_->messages({.accepted = false})), ids({3}));
  EXPECT_EQ(ids_of(store_->messages({.station = "USP70"})), ids({4, 3, 1}));
  EXPECT_EQ(ids_of(store_->messages({.accepted = true, .station = "USP70"})), ids({4, 1}));
  EXPECT_TRUE(store_->messages({.station = "XXX00"}).empty());
}

TEST_F(StoreMessageQueries, FiltersByDataTypeInAnyCase) {
  EXPECT_EQ(ids_of(store_->messages({.data_type = "SAMPLEPHD"})), ids({5, 4, 3, 1}));
  EXPECT_EQ(ids_of(store_->messages({.data_type = "met"})), ids({4}));
  EXPECT_EQ(ids_of(store_->messages({.station = "ARP01", .data_type = "SAMPLEPHD"})), ids({5}));
  EXPECT_EQ(ids_of(store_->messages({.data_type = "SAMPLEPHD", .limit = 2, .before_id = ids_[3]})),
            ids({3, 1}));
  EXPECT_TRUE(store_->messages({.data_type = "WAVEFORM"}).empty());
}

TEST_F(StoreMessageQueries, ReceivedRangeIncludesItsStartAndExcludesItsEnd) {
  EXPECT_EQ(ids_of(store_->messages({.received_from = at_seconds(200), .received_to = at_seconds(400)})),
            ids({3, 2}));
  EXPECT_EQ(ids_of(store_->messages({.received_from = at_seconds(400)})), ids({5, 4}));
  EXPECT_EQ(ids_of(store_->messages({.received_to = at_seconds(200)})), ids({1}));
  EXPECT_EQ(ids_of(store_->messages({.received_from = at_seconds(201), .received_to = at_seconds(300)})),
            std::vector<std::int64_t>{});
  const TimePoint just_before = at_seconds(300) - std::chrono::microseconds{1};
  EXPECT_EQ(ids_of(store_->messages({.received_from = just_before, .received_to = at_seconds(301)})),
            ids({3}));
}

// ---- index queries

class StoreIndexQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(dir_);
    ASSERT_TRUE(store_);
    Commit waveforms = accepted_message("waveforms", "ARCES", "WAVEFORM");
    auto& segments = waveforms.index.segments;
    segments.push_back(
        WaveformSegmentRow{0, 0, "ARCES", "BHZ", "", "CM6", at_seconds(10), at_seconds(20), 40, 400});
    segments.push_back(
        WaveformSegmentRow{0, 1, "ARCES", "BHN", "", "CM6", at_seconds(10), at_seconds(20), 40, 400});
    segments.push_back(
        WaveformSegmentRow{0, 2, "ARCES", "BHZ", "", "CM6", at_seconds(30), at_seconds(40), 40, 400});
    segments.push_back(
        WaveformSegmentRow{0, 3, "FINES", "BHZ", "", "INT", at_seconds(15), at_seconds(25), 40, 400});
    segments.push_back(
        WaveformSegmentRow{0, 4, "ARCES", "BHE", "", "CM6", at_seconds(50), at_seconds(50), 40, 0});

    Commit bulletin = accepted_message("bulletin", "", "BULLETIN");
    bulletin.index.events.push_back(
        EventRow{0, "E1", "O1", "IDC", at_seconds(100), 61.5, 25.0, 10.0, 4.2, "mb"});
    bulletin.index.events.push_back(
        EventRow{0, "E2", "O2", "IDC", at_seconds(200), -10.25, 150.75, std::nullopt, std::nullopt, ""});
    bulletin.index.arrivals.push_back(ArrivalRow{0, "WRA", "", "P", at_seconds(110), "A2", 0});
    bulletin.index.arrivals.push_back(ArrivalRow{0, "ASAR", "", "P", at_seconds(110), "A1", 0});
    bulletin.index.arrivals.push_back(ArrivalRow{0, "WRA", "BHZ", "S", at_seconds(150), "A3", 0});

    Commit samples = accepted_message("samples", "USP70", "SAMPLEPHD");
    auto& items = samples.index.items;
    items.push_back(ItemRow{0, 0, "SAMPLEPHD", "sample", "USP70", "D1", "11", at_seconds(10), at_seconds(20),
                            R"({"qualifier":"FULL"})"});
    items.push_back(
        ItemRow{0, 1, "SAMPLEPHD", "sample", "ARP01", "D2", "12", at_seconds(15), at_seconds(25), "{}"});
    items.push_back(
        ItemRow{0, 2, "ALERT_FLOW", "alert", "USP70", "", "", at_seconds(30), std::nullopt, "{}"});
    items.push_back(ItemRow{0, 3, "STATION", "station", "USP70", "", "", std::nullopt, std::nullopt, "{}"});

    std::vector<Commit> batch{waveforms, bulletin, samples};
    auto ids = store_->commit(batch);
    ASSERT_TRUE(ids) << ids.error();
    ids_ = *ids;
  }

  std::vector<int> blocks(std::string_view station, std::string_view channel, std::int64_t from,
                          std::int64_t to) {
    std::vector<int> out;
    for (const auto& s : store_->segments(station, channel, at_seconds(from), at_seconds(to))) {
      out.push_back(s.block_index);
    }
    return out;
  }

  std::vector<int> items(std::string_view type, std::string_view station, std::optional<std::int64_t> from,
                         std::optional<std::int64_t> to) {
    std::vector<int> out;
    auto seconds = [](std::optional<std::int64_t> s) -> std::optional<TimePoint> {
      if (!s) return std::nullopt;
      return at_seconds(*s);
    };
    for (const auto& i : store_->items(type, station, seconds(from), seconds(to)))
      out.push_back(i.item_index);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<std::int64_t> ids_;
};

TEST_F(StoreIndexQueries, SegmentsOverlappingTheRange) {
  EXPECT_EQ(blocks("ARCES", "BHZ", 0, 100), (std::vector<int>{0, 2}));
  EXPECT_EQ(blocks("ARCES", "BHZ", 19, 31), (std::vector<int>{0, 2}));
  EXPECT_EQ(blocks("ARCES", "BHZ", 15, 16), (std::vector<int>{0}));  // inside one segment
  EXPECT_EQ(blocks("ARCES", "BHZ", 0, 200).size(), 2u);
}

TEST_F(StoreIndexQueries, SegmentsThatOnlyTouchTheRangeAreOutside) {
  EXPECT_TRUE(blocks("ARCES", "BHZ", 20, 30).empty());  // ends at the start, starts at the end
  EXPECT_TRUE(blocks("ARCES", "BHZ", 0, 10).empty());
  EXPECT_TRUE(blocks("ARCES", "BHZ", 40, 50).empty());
}

TEST_F(StoreIndexQueries, AnEmptySegmentIsAnInstant) {
  EXPECT_EQ(blocks("ARCES", "BHE", 50, 51), (std::vector<int>{4}));
  EXPECT_TRUE(blocks("ARCES", "BHE", 49, 50).empty());
}

TEST_F(StoreIndexQueries, SegmentsOfAnyStationOrChannel) {
  EXPECT_EQ(blocks("", "BHZ", 0, 100), (std::vector<int>{0, 3, 2}));  // by start time
  EXPECT_EQ(blocks("ARCES", "", 0, 25), (std::vector<int>{1, 0}));    // same start: by channel
  EXPECT_TRUE(blocks("FINES", "BHN", 0, 100).empty());
}

TEST_F(StoreIndexQueries, SegmentRowsComeBackWhole) {
  auto found = store_->segments("FINES", "BHZ", at_seconds(0), at_seconds(100));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (WaveformSegmentRow{0, 3, "FINES", "BHZ", "", "INT", at_seconds(15), at_seconds(25), 40,
                                          400, ids_[0]}));
}

TEST_F(StoreIndexQueries, EventsInTheRange) {
  auto events = store_->events(at_seconds(100), at_seconds(200));
  ASSERT_EQ(events.size(), 1u);  // the end is excluded
  EXPECT_EQ(events[0],
            (EventRow{0, "E1", "O1", "IDC", at_seconds(100), 61.5, 25.0, 10.0, 4.2, "mb", ids_[1]}));
  events = store_->events(at_seconds(101), at_seconds(201));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event_id, "E2");
  EXPECT_FALSE(events[0].depth);
  EXPECT_FALSE(events[0].magnitude);
  EXPECT_EQ(store_->events(at_seconds(0), at_seconds(1000)).size(), 2u);
  EXPECT_TRUE(store_->events(at_seconds(201), at_seconds(1000)).empty());
}

TEST_F(StoreIndexQueries, EventsWithinAnArea) {
  const auto ids = [&](const EventArea& area) {
    std::vector<std::string> out;
    for (const auto& e : store_->events(at_seconds(0), at_seconds(1000), area)) out.push_back(e.event_id);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids({.lat_low = 0}), V{"E1"});
  EXPECT_EQ(ids({.lat_low = -10.25, .lat_high = 61.5}), (V{"E1", "E2"}));  // closed ranges
  EXPECT_EQ(ids({.lon_low = 100, .lon_high = 160}), V{"E2"});
  EXPECT_EQ(ids({.lon_low = 160, .lon_high = 30}), V{"E1"});  // across 180
  EXPECT_EQ(ids({.lat_high = 0, .lon_low = 160, .lon_high = 30}), V{});
}

TEST(StoreEventBlocks, EventRowsKeepTheirBlockOffsetAndLength) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store);
  Commit bulletin = accepted_message("blocks", "", "BULLETIN");
  EventRow located{0, "E1", "O1", "IDC", at_seconds(100), 61.5, 25.0, 10.0, 4.2, "mb"};
  located.block_offset = 1234;
  located.block_length = 567;
  bulletin.index.events.push_back(located);
  bulletin.index.events.push_back(EventRow{0, "E2", "O2", "IDC", at_seconds(200), 1, 2, {}, {}, ""});
  std::vector<Commit> batch{bulletin};
  ASSERT_TRUE(store->commit(batch));
  const auto events = store->events(at_seconds(0), at_seconds(1000));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].block_offset, 1234);
  EXPECT_EQ(events[0].block_length, 567);
  EXPECT_EQ(events[1].block_offset, -1);  // not known: read with its section
  EXPECT_EQ(events[1].block_length, -1);
}

TEST_F(StoreIndexQueries, ArrivalsInTheRangeByTimeThenStation) {
  auto arrivals = store_->arrivals("", at_seconds(100), at_seconds(150));
  ASSERT_EQ(arrivals.size(), 2u);  // the end is excluded
  EXPECT_EQ(arrivals[0], (ArrivalRow{0, "ASAR", "", "P", at_seconds(110), "A1", ids_[1]}));
  EXPECT_EQ(arrivals[1].arrival_id, "A2");
  arrivals = store_->arrivals("WRA", at_seconds(0), at_seconds(1000));
  ASSERT_EQ(arrivals.size(), 2u);
  EXPECT_EQ(arrivals[1], (ArrivalRow{0, "WRA", "BHZ", "S", at_seconds(150), "A3", ids_[1]}));
  EXPECT_TRUE(store_->arrivals("FINES", at_seconds(0), at_seconds(1000)).empty());
}

TEST_F(StoreIndexQueries, ItemsByTypeAndStation) {
  EXPECT_EQ(items("SAMPLEPHD", "", std::nullopt, std::nullopt), (std::vector<int>{0, 1}));
  EXPECT_EQ(items("samplephd", "ARP01", std::nullopt, std::nullopt), (std::vector<int>{1}));
  EXPECT_EQ(items("", "USP70", std::nullopt, std::nullopt), (std::vector<int>{3, 0, 2}));  // no start first
  EXPECT_TRUE(items("SAMPLEPHD", "XXX00", std::nullopt, std::nullopt).empty());
}

TEST_F(StoreIndexQueries, ItemsOverlappingTheRange) {
  EXPECT_EQ(items("SAMPLEPHD", "", 19, 21), (std::vector<int>{0, 1}));
  EXPECT_EQ(items("SAMPLEPHD", "", 20, 30), (std::vector<int>{1}));  // item 0 ends at 20
  EXPECT_EQ(items("SAMPLEPHD", "", 0, 15), (std::vector<int>{0}));   // item 1 starts at 15
  EXPECT_EQ(items("SAMPLEPHD", "", 25, 100), (std::vector<int>{}));
  EXPECT_EQ(items("SAMPLEPHD", "", 22, std::nullopt), (std::vector<int>{1}));
  EXPECT_EQ(items("SAMPLEPHD", "", std::nullopt, 15), (std::vector<int>{0}));
}

TEST_F(StoreIndexQueries, AnItemWithoutEndIsTheInstantOfItsStart) {
  EXPECT_EQ(items("ALERT_FLOW", "", 30, 31), (std::vector<int>{2}));
  EXPECT_EQ(items("ALERT_FLOW", "", 29, 31), (std::vector<int>{2}));
  EXPECT_TRUE(items("ALERT_FLOW", "", 29, 30).empty());
  EXPECT_TRUE(items("ALERT_FLOW", "", 31, 100).empty());
  EXPECT_EQ(items("ALERT_FLOW", "", 30, std::nullopt), (std::vector<int>{2}));
}

TEST_F(StoreIndexQueries, AnItemWithoutTimesIsOnlyFoundWithoutARange) {
  EXPECT_EQ(items("STATION", "", std::nullopt, std::nullopt), (std::vector<int>{3}));
  EXPECT_TRUE(items("STATION", "", 0, 100).empty());
  EXPECT_TRUE(items("STATION", "", 0, std::nullopt).empty());
}

TEST_F(StoreIndexQueries, ItemRowsComeBackWhole) {
  auto found = store_->items("SAMPLEPHD", "USP70", std::nullopt, std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (ItemRow{0, 0, "SAMPLEPHD", "sample", "USP70", "D1", "11", at_seconds(10),
                               at_seconds(20), R"({"qualifier":"FULL"})", ids_[2]}));
}

}  // namespace
}  // namespace imsgate::store
