#include <atomic>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"
#include "store_fixtures.hpp"
#include "test_dir.hpp"

namespace imsgate::store {
namespace {

using imsgate::test::TempDir;
using imsgate::testing::accepted_message;
using imsgate::testing::at_seconds;
using imsgate::testing::open_store;

std::string pragma(db::Connection& c, const std::string& name) {
  auto value = c.query_text("PRAGMA " + name);
  EXPECT_TRUE(value) << value.error();
  return value.value_or("");
}

std::int64_t count_rows(db::Connection& c, std::string_view table) {
  auto n = query_row(c, fmt::format("SELECT count(*) FROM {}", table),
                     [](const db::Statement& r) { return r.int64(0); });
  EXPECT_TRUE(n) << n.error();
  return n && *n ? **n : -1;
}

TEST(StoreSchema, ANewStoreIsAtTheLatestVersionInWalMode) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store);
  ASSERT_FALSE(migrations().empty());
  EXPECT_EQ(store->schema_version(), migrations().back().version);
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "archive"));

  auto c = open_connection(dir.path() / "imsgate.sqlite");
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(pragma(*c, "journal_mode"), "wal");
  EXPECT_EQ(pragma(*c, "user_version"), std::to_string(store->schema_version()));
  EXPECT_EQ(pragma(*c, "foreign_keys"), "1");
  EXPECT_EQ(pragma(*c, "synchronous"), "2");  // FULL
  for (const char* table :
       {"messages", "message_data_types", "sections", "waveform_segments", "events", "arrivals", "items",
        "stations", "senders", "certificates", "crls", "users", "tokens", "backfill_requests"}) {
    EXPECT_EQ(count_rows(*c, table), 0) << table;
  }
}

TEST(StoreSchema, ReopeningKeepsTheDataAndAppliesNothingTwice) {
  TempDir dir;
  std::vector<Commit> batch{accepted_message("one")};
  int version = 0;
  {
    auto store = open_store(dir);
    ASSERT_TRUE(store->commit(batch));
    ASSERT_TRUE(store->add_user("alice@example.org", "Alice", true));
    version = store->schema_version();
  }
  for (int i = 0; i < 2; ++i) {
    auto store = open_store(dir);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), version);
    EXPECT_TRUE(store->has_message(batch[0].record.sha256));
    EXPECT_EQ(store->message(batch[0].record.id), batch[0].record);
    EXPECT_EQ(store->sections(batch[0].record.id).size(), 1u);
    EXPECT_TRUE(store->user("alice@example.org"));
  }
}

TEST(StoreSchema, ALaterMigrationUpgradesTheCurrentDatabase) {
  TempDir dir;
  std::vector<Commit> batch{accepted_message("one")};
  const int current = migrations().back().version;
  {
    auto store = open_store(dir);
    ASSERT_EQ(store->schema_version(), current);
    ASSERT_TRUE(store->commit(batch));
  }
  auto c = open_connection(dir.path() / "imsgate.sqlite");
  ASSERT_TRUE(c);
  std::vector<Migration> later(migrations().begin(), migrations().end());
  later.push_back({current + 1,
                   "ALTER TABLE messages ADD COLUMN note TEXT NOT NULL DEFAULT 'none';"
                   "CREATE TABLE notes (message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE, text "
                   "TEXT);"});
  auto version = migrate(*c, later);
  ASSERT_TRUE(version) << version.error();
  EXPECT_EQ(*version, current + 1);
  EXPECT_EQ(pragma(*c, "user_version"), std::to_string(current + 1));
  EXPECT_EQ(count_rows(*c, "messages"), 1);  // the data is kept, the new column filled
  auto note =
      query_row(c.value(), "SELECT note FROM messages", [](const db::Statement& r) { return r.text(0); });
  ASSERT_TRUE(note && *note);
  EXPECT_EQ(**note, "none");
  EXPECT_EQ(migrate(*c, later), current + 1);  // nothing left to apply

  // A program that knows only the current versions refuses the newer database rather than misread it.
  auto refused = Store::open(dir.path());
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("newer"), std::string::npos) << refused.error();
}

TEST(StoreSchema, AFailedMigrationChangesNothing) {
  TempDir dir;
  { ASSERT_TRUE(open_store(dir)); }
  auto c = open_connection(dir.path() / "imsgate.sqlite");
  ASSERT_TRUE(c);
  const int current = migrations().back().version;
  std::vector<Migration> broken(migrations().begin(), migrations().end());
  broken.push_back({current + 1, "CREATE TABLE halfway (x INTEGER); CREATE TABLE broken (;"});
  auto version = migrate(*c, broken);
  ASSERT_FALSE(version);
  EXPECT_NE(version.error().find(fmt::format("migration {}", current + 1)), std::string::npos)
      << version.error();
  EXPECT_EQ(pragma(*c, "user_version"), std::to_string(current));
  auto halfway = query_row(*c, "SELECT count(*) FROM sqlite_schema WHERE name = 'halfway'",
                           [](const db::Statement& r) { return r.int64(0); });
  ASSERT_TRUE(halfway && *halfway);
  EXPECT_EQ(**halfway, 0);
}

TEST(StoreSchema, EventRowsOfVersionTwoKeepNoBlockAfterTheUpgrade) {
  TempDir dir;
  Commit bulletin = accepted_message("old bulletin", "", "BULLETIN");
  bulletin.index.events.push_back(EventRow{0, "E", "O", "IDC", at_seconds(1), 1, 2, 3.0, 4.5, "mb"});
  {
    auto store = open_store(dir);
    std::vector<Commit> batch{bulletin};
    ASSERT_TRUE(store->commit(batch));
  }
  {  // back to a version 2 database: its events table had no block columns
    auto c = open_connection(dir.path() / "imsgate.sqlite");
    ASSERT_TRUE(c);
    ASSERT_TRUE(
        c->exec("DROP INDEX events_time_place; CREATE INDEX events_origin_time ON events(origin_time); "
                "ALTER TABLE events DROP COLUMN block_offset; ALTER TABLE events DROP COLUMN block_length; "
                "PRAGMA user_version = 2;"));
  }
  auto store = open_store(dir);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), 3);
  const auto events = store->events(at_seconds(0), at_seconds(10));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event_id, "E");
  EXPECT_EQ(events[0].magnitude, 4.5);
  EXPECT_EQ(events[0].block_offset, -1);
  EXPECT_EQ(events[0].block_length, -1);
}

TEST(StoreSchema, IndexRowsGoWithTheirMessage) {
  TempDir dir;
  std::vector<Commit> batch{accepted_message("one")};
  batch[0].index.items.push_back(
      ItemRow{0, 0, "SAMPLEPHD", "sample", "USP70", "", "", at_seconds(1), at_seconds(2)});
  batch[0].index.segments.push_back(
      WaveformSegmentRow{0, 0, "USP70", "BHZ", "", "CM6", at_seconds(1), at_seconds(2), 20, 20});
  batch[0].index.events.push_back(
      EventRow{0, "E", "O", "IDC", at_seconds(1), 1, 2, std::nullopt, std::nullopt, ""});
  batch[0].index.arrivals.push_back(ArrivalRow{0, "USP70", "BHZ", "P", at_seconds(1), "A", 0});
  {
    auto store = open_store(dir);
    ASSERT_TRUE(store->commit(batch));
  }
  auto c = open_connection(dir.path() / "imsgate.sqlite");
  ASSERT_TRUE(c);
  ASSERT_TRUE(execute(*c, "DELETE FROM messages WHERE id = ?", batch[0].record.id));
  for (const char* table :
       {"message_data_types", "sections", "waveform_segments", "events", "arrivals", "items"}) {
    EXPECT_EQ(count_rows(*c, table), 0) << table;
  }
  auto store = open_store(dir);
  EXPECT_EQ(store->counts().messages, 0);  // the counts follow
}

TEST(StoreConcurrency, ReadersSeeWholeBatchesWhileTheWriterCommits) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store);
  constexpr int kBatches = 30;
  constexpr int kBatchSize = 20;
  std::atomic<bool> done{false};
  std::atomic<int> errors{0};

  auto reader = [&] {
    std::int64_t last = 0;
    do {  // at least once, however fast the writer
      const Counts counts = store->counts();
      // A batch is one transaction: a reader sees all of it or none of it, and never goes back.
      if (counts.messages % kBatchSize != 0 || counts.messages < last) ++errors;
      last = counts.messages;
      const auto items = store->items("SAMPLEPHD", "USP70", std::nullopt, std::nullopt);
      if (static_cast<std::int64_t>(items.size()) < last) ++errors;
      const auto newest = store->messages({.limit = 5});
      for (const auto& m : newest) {
        if (!store->has_message(m.sha256)) ++errors;
      }
    } while (!done.load());
  };
  std::thread first(reader);
  std::thread second(reader);
  for (int b = 0; b < kBatches; ++b) {
    std::vector<Commit> batch;
    for (int i = 0; i < kBatchSize; ++i) {
      batch.push_back(accepted_message(fmt::format("message {} {}", b, i)));
      batch.back().index.items.push_back(
          ItemRow{0, 0, "SAMPLEPHD", "sample", "USP70", "", "", at_seconds(b), at_seconds(b + 1)});
    }
    auto ids = store->commit(batch);
    if (!ids) ++errors;
  }
  done = true;
  first.join();
  second.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(store->counts().messages, kBatches * kBatchSize);
}

}  // namespace
}  // namespace imsgate::store
