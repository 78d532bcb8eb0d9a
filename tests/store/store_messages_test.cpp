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

TEST(StoreMessages, CommitStoresRecordsAndTheirIndex) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store);
  std::vector<Commit> batch{accepted_message("one"), accepted_message("two", "ARP01", "RMSSOH"),
                            rejected_message("three")};
  batch[0].index.sections.push_back(SectionRow{1, "MET", "", "IMS2.0", "", 940, 300});
  batch[0].index.items.push_back(ItemRow{0, 0, "SAMPLEPHD", "sample", "USP70", "USP70-01", "00012345",
                                         at_seconds(100), at_seconds(200), R"({"system":"P"})"});
  batch[0].index.arrivals.push_back(ArrivalRow{0, "USP70", "BHZ", "P", at_seconds(50), "A1", 0});

  auto ids = store->commit(batch);
  ASSERT_TRUE(ids) << ids.error();
  ASSERT_EQ(ids->size(), 3u);
  EXPECT_LT((*ids)[0], (*ids)[1]);
  EXPECT_LT((*ids)[1], (*ids)[2]);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    EXPECT_EQ(batch[i].record.id, (*ids)[i]);  // the records are named
    EXPECT_TRUE(store->has_message(batch[i].record.sha256));
    auto back = store->message((*ids)[i]);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, batch[i].record);  // every field, as given
  }
  EXPECT_FALSE(store->has_message(sha256_hex("never")));

  auto sections = store->sections((*ids)[0]);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0], batch[0].index.sections[0]);
  EXPECT_EQ(sections[1], batch[0].index.sections[1]);
  EXPECT_TRUE(store->sections((*ids)[2]).empty());

  const Counts counts = store->counts();
  EXPECT_EQ(counts.messages, 3);
  EXPECT_EQ(counts.accepted, 2);
  EXPECT_EQ(counts.rejected, 1);
}

TEST(StoreMessages, MessageBySha256FindsTheRecord) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> batch{accepted_message("one"), rejected_message("two")};
  ASSERT_TRUE(store->commit(batch));
  auto found = store->message_by_sha256(batch[1].record.sha256);
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, batch[1].record);
  EXPECT_FALSE(store->message_by_sha256(sha256_hex("absent")));
  EXPECT_FALSE(store->message(batch[1].record.id + 100));
}

TEST(StoreMessages, CommitSkipsAMessageCommittedBefore) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> first{accepted_message("one")};
  auto first_ids = store->commit(first);
  ASSERT_TRUE(first_ids);

  // After a crash the acquisition may commit the same raw bytes again, even judged differently.
  std::vector<Commit> again{rejected_message("one"), accepted_message("two")};
  again[0].record.sha256 = first[0].record.sha256;
  auto ids = store->commit(again);
  ASSERT_TRUE(ids) << ids.error();
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_EQ((*ids)[0], (*first_ids)[0]);
  EXPECT_EQ(again[0].record.id, (*first_ids)[0]);
  EXPECT_EQ(store->counts().messages, 2);
  EXPECT_TRUE(store->message((*ids)[0])->accepted);  // the first commit stands
  EXPECT_EQ(store->sections((*ids)[0]).size(), 1u);  // its index is not doubled
}

TEST(StoreMessages, TheSameBytesTwiceInABatchAreStoredOnce) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> batch{accepted_message("one"), accepted_message("one")};
  auto ids = store->commit(batch);
  ASSERT_TRUE(ids);
  EXPECT_EQ((*ids)[0], (*ids)[1]);
  EXPECT_EQ(store->counts().messages, 1);
}

TEST(StoreMessages, AFailedBatchCommitsNothing) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> batch{accepted_message("good"), accepted_message("nameless")};
  batch[1].record.sha256.clear();
  auto ids = store->commit(batch);
  ASSERT_FALSE(ids);
  EXPECT_NE(ids.error().find("sha256"), std::string::npos) << ids.error();
  EXPECT_FALSE(store->has_message(batch[0].record.sha256));
  EXPECT_EQ(batch[0].record.id, 0);  // not named: nothing was committed
  EXPECT_EQ(store->counts().messages, 0);

  // The store takes the next batch as usual.
  std::vector<Commit> next{accepted_message("good")};
  ASSERT_TRUE(store->commit(next));
  EXPECT_TRUE(store->has_message(next[0].record.sha256));
}

TEST(StoreMessages, AnEmptyBatchCommitsNothing) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> batch;
  auto ids = store->commit(batch);
  ASSERT_TRUE(ids);
  EXPECT_TRUE(ids->empty());
}

TEST(StoreMessages, ReplaceRewritesTheVerdictAndTheIndex) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> batch{accepted_message("one")};
  batch[0].index.items.push_back(
      ItemRow{0, 0, "SAMPLEPHD", "sample", "USP70", "", "", at_seconds(10), at_seconds(20), "{}"});
  batch[0].index.segments.push_back(
      WaveformSegmentRow{0, 0, "USP70", "BHZ", "", "CM6", at_seconds(10), at_seconds(20), 20.0, 200});
  ASSERT_TRUE(store->commit(batch));
  const std::int64_t id = batch[0].record.id;

  // Reprocessed: now a rejected message with another section and no items.
  Commit again = accepted_message("one", "USP70", "RMSSOH");
  again.record.accepted = false;
  again.record.reason = "invalid";
  again.record.door = Door::reprocess;
  again.index.events.push_back(EventRow{0, "E1", "O1", "IDC", at_seconds(15), 10.5, -20.25, 5.0, 4.5, "mb"});
  auto replaced = store->replace(id, again);
  ASSERT_TRUE(replaced) << replaced.error();
  EXPECT_EQ(again.record.id, id);

  auto back = store->message(id);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, again.record);
  EXPECT_EQ(store->counts().messages, 1);
  EXPECT_EQ(store->counts().accepted, 0);  // the verdict moved
  EXPECT_EQ(store->counts().rejected, 1);
  auto sections = store->sections(id);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].data_type, "RMSSOH");
  EXPECT_TRUE(store->items("SAMPLEPHD", "", std::nullopt, std::nullopt).empty());
  EXPECT_TRUE(store->segments("USP70", "BHZ", at_seconds(0), at_seconds(100)).empty());
  EXPECT_EQ(store->events(at_seconds(0), at_seconds(100)).size(), 1u);
  EXPECT_TRUE(store->messages({.data_type = "SAMPLEPHD"}).empty());
  EXPECT_EQ(store->messages({.data_type = "RMSSOH"}).size(), 1u);
}

TEST(StoreMessages, ReplaceNeedsAnExistingMessageWithTheSameBytes) {
  TempDir dir;
  auto store = open_store(dir);
  std::vector<Commit> batch{accepted_message("one")};
  ASSERT_TRUE(store->commit(batch));
  Commit other = accepted_message("other");
  EXPECT_FALSE(store->replace(batch[0].record.id, other));  // other raw bytes
  EXPECT_FALSE(store->replace(batch[0].record.id + 1, other));
  EXPECT_EQ(*store->message(batch[0].record.id), batch[0].record);

  Commit unnamed = accepted_message("one");
  unnamed.record.sha256.clear();  // the store keeps the row's own
  ASSERT_TRUE(store->replace(batch[0].record.id, unnamed));
  EXPECT_EQ(unnamed.record.sha256, batch[0].record.sha256);
}

}  // namespace
}  // namespace imsgate::store
