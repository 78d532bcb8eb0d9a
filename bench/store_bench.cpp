// The store's write path as the acquisition uses it: batches of 100 messages with 10 index items each,
// committed in one transaction; and the same with the raw bytes archived (two 50 KB files per message, one
// syncfs). The store goes to a temporary folder; IMSGATE_BENCH_DIR names another one (the disk to measure).
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "store/store.hpp"

namespace {

namespace fs = std::filesystem;
using imsgate::store::Commit;
using imsgate::store::ItemRow;
using imsgate::store::SectionRow;
using imsgate::store::Store;
using imsgate::store::TimePoint;

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("IMSGATE_BENCH_DIR");
    const fs::path parent = base != nullptr ? fs::path(base) : fs::temp_directory_path();
    path_ = parent / fmt::format("imsgate-store-bench-{}-{}", ::getpid(),
                                 std::chrono::steady_clock::now().time_since_epoch().count());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// One PHD-like message: a section and `items` rows, its sha256 made from its number.
Commit make_commit(std::int64_t n, int items, std::string sha256 = {}) {
  Commit commit;
  auto& r = commit.record;
  r.sha256 = sha256.empty() ? fmt::format("{:064x}", n) : std::move(sha256);
  r.body_sha256 = r.sha256;
  r.size = 50'000;
  r.received_at = TimePoint{std::chrono::seconds{1'700'000'000 + n}};
  r.sender = "station@example.org";
  r.subject = "SAMPLEPHD";
  r.mail_message_id = fmt::format("<{}@example.org>", n);
  r.msg_type = "DATA";
  r.msg_id = fmt::format("{}", n);
  r.msg_id_source = "USP70";
  r.data_types = "SAMPLEPHD";
  r.station = "USP70";
  r.accepted = true;
  commit.index.sections.push_back(SectionRow{0, "SAMPLEPHD", "", "IMS2.0", "", 100, 49'800});
  for (int i = 0; i < items; ++i) {
    const TimePoint start = r.received_at + std::chrono::hours{i};
    commit.index.items.push_back(
        ItemRow{0, i, "SAMPLEPHD", "sample", "USP70", "USP70-01", fmt::format("{:014}", n * 100 + i), start,
                start + std::chrono::hours{24}, R"({"system":"P","qualifier":"FULL"})"});
  }
  return commit;
}

void BM_StoreCommit(benchmark::State& state) {
  const auto batch_size = state.range(0);
  const auto items = static_cast<int>(state.range(1));
  TempDir dir;
  auto store = Store::open(dir.path());
  if (!store) {
    state.SkipWithError(store.error().c_str());
    return;
  }
  std::int64_t next = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Commit> batch;
    for (std::int64_t i = 0; i < batch_size; ++i) batch.push_back(make_commit(next++, items));
    state.ResumeTiming();
    auto ids = (*store)->commit(batch);
    if (!ids) state.SkipWithError(ids.error().c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch_size * items);
  state.counters["messages/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * batch_size), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StoreCommit)->Args({100, 10})->Unit(benchmark::kMillisecond)->UseRealTime();

// What the acquisition does per batch: archive the raw message and its IMS2.0 text, one syncfs, one commit.
void BM_AcquisitionBatch(benchmark::State& state) {
  const auto batch_size = state.range(0);
  const auto message_bytes = static_cast<std::size_t>(state.range(1));
  TempDir dir;
  auto store = Store::open(dir.path());
  if (!store) {
    state.SkipWithError(store.error().c_str());
    return;
  }
  std::string raw(message_bytes, 'x');
  std::int64_t next = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::string> raws;
    for (std::int64_t i = 0; i < batch_size; ++i) {
      const std::string number = fmt::format("{:020}", next++);
      raw.replace(0, number.size(), number);  // distinct bytes, distinct names
      raws.push_back(raw);
    }
    state.ResumeTiming();
    std::vector<Commit> batch;
    for (std::int64_t i = 0; i < batch_size; ++i) {
      auto sha = (*store)->archive().put(raws[i]);
      auto body = (*store)->archive().put(std::string_view(raws[i]).substr(200));
      if (!sha || !body) state.SkipWithError("put failed");
      batch.push_back(make_commit(0, 10, *sha));
      batch.back().record.body_sha256 = *body;
    }
    if (auto synced = (*store)->archive().sync(); !synced) state.SkipWithError(synced.error().c_str());
    if (auto ids = (*store)->commit(batch); !ids) state.SkipWithError(ids.error().c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  state.SetBytesProcessed(state.iterations() * batch_size * static_cast<std::int64_t>(message_bytes));
}
BENCHMARK(BM_AcquisitionBatch)->Args({100, 50'000})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
