// The request engine answering a WAVEFORM request for a whole day: a store with 24 h of three 40 Hz channels
// in CM6 (10-minute segments, one message each), and the request for all of it through Engine::answer. The
// counters give the response's size and the growth of the peak resident set while answering.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <sys/resource.h>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "acq/indexer.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/waveform.hpp"
#include "store/store.hpp"
#include "vdms/engine.hpp"
#include "vdms/product.hpp"
#include "vdms/request_worker.hpp"

namespace {

namespace fs = std::filesystem;
using namespace imsgate;
using ims2::TimePoint;

constexpr int kSegmentMinutes = 10;
constexpr double kRate = 40.0;
const TimePoint kDay{std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}};
constexpr std::string_view kRequest =
    "begin ims2.0\nmsg_type request\nmsg_id bench\ntime 2026/11/01 to 2026/11/02\nsta_list BNCH\n"
    "chan_list *\nwaveform ims2.0:cm6\nstop\n";

class TempDir {
 public:
  TempDir() {
    path_ =
        fs::temp_directory_path() / fmt::format("imsgate-requests-bench-{}-{}", ::getpid(),
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

long peak_rss_kb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// One message: the three channels of one 10-minute segment, as noise that CM6 compresses as it does ground
// noise.
std::string segment_message(int n, std::mt19937& random) {
  ims2::shi::Waveform waveform;
  std::normal_distribution<double> noise(0.0, 40.0);
  for (const char* channel : {"BHZ", "BHN", "BHE"}) {
    ims2::shi::WaveformSegment s;
    s.wid2 = {kDay + std::chrono::minutes(kSegmentMinutes * n),
              "BNCH",
              channel,
              "",
              "CM6",
              0,
              kRate,
              0.1,
              1.0,
              "STS-2",
              channel[2] == 'Z' ? -1.0 : 0.0,
              channel[2] == 'Z' ? 0.0 : 90.0};
    s.samples.resize(static_cast<std::size_t>(kSegmentMinutes * 60 * kRate));
    double value = 0;
    for (auto& sample : s.samples) sample = static_cast<std::int32_t>(value = 0.9 * value + noise(random));
    s.wid2.sample_count = static_cast<std::int64_t>(s.samples.size());
    waveform.blocks.push_back(std::move(s));
  }
  ims2::DataMessage message;
  message.preface.keyword_case = ims2::KeywordCase::upper;
  message.preface.type = ims2::MessageType::data;
  message.preface.msg_id = {fmt::format("BNCH{:05}", n), "BNCH"};
  ims2::DataSection section;
  section.header = {"WAVEFORM", "", "IMS2.0", "CM6"};
  section.body = ims2::shi::write_waveform(waveform).value();
  message.sections.push_back(std::move(section));
  return ims2::write_message(message);
}

// Stores and indexes the day's messages, one at a time, as the acquisition does.
bool fill(store::Store& store) {
  std::mt19937 random(1);
  for (int n = 0; n < 24 * 60 / kSegmentMinutes; ++n) {
    const std::string text = segment_message(n, random);
    const auto read = ims2::read_messages(text, {.read_data_sections = false});
    const auto* data = std::get_if<ims2::DataMessage>(&read.messages.at(0));
    if (!data) return false;
    store::Commit commit;
    auto& record = commit.record;
    record.sha256 = store::sha256_hex(text);
    record.body_sha256 = record.sha256;
    record.size = static_cast<std::int64_t>(text.size());
    record.msg_type = "data";
    record.msg_id = data->preface.msg_id.id;
    record.station = "BNCH";
    record.accepted = true;
    auto indexed = acq::index_data_message(*data, text);
    record.data_types = indexed.data_types;
    commit.index = std::move(indexed.index);
    if (!store.archive().put(text)) return false;
    std::vector<store::Commit> batch{std::move(commit)};
    if (!store.archive().sync() || !store.commit(batch)) return false;
  }
  return true;
}

void BM_WaveformDay(benchmark::State& state) {
  TempDir dir;
  auto store = store::Store::open(dir.path());
  if (!store || !fill(**store)) {
    state.SkipWithError("the store could not be filled");
    return;
  }
  auto admin = (*store)->add_user("admin@example.org", "admin", true);
  if (!admin) {
    state.SkipWithError(admin.error().c_str());
    return;
  }
  int sequence = 0;
  const vdms::Engine engine(**store, {.source = "IMSGATE", .contact = "", .email_limit = 0, .rest_limit = 0},
                            [&] { return fmt::format("R{}", ++sequence); });
  const long before = peak_rss_kb();
  std::size_t bytes = 0;
  int sections = 0;
  for (auto _ : state) {
    const vdms::Answer answer =
        engine.answer(kRequest, {*admin, admin->email}, vdms::Channel::rest, kDay + std::chrono::hours(48));
    bytes = answer.bytes;
    sections = answer.sections;
    benchmark::DoNotOptimize(answer.messages.data());
  }
  state.counters["response_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["sections"] = sections;
  state.counters["peak_rss_growth_MB"] = static_cast<double>(peak_rss_kb() - before) / 1024;
  state.counters["samples/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * 3 * 24 * 3600 * kRate, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WaveformDay)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The same request as the server answers it: queued over REST and executed by the request worker, which keeps
// the response in a result file (run it alone: the peak is per process).
void BM_WaveformDayWorker(benchmark::State& state) {
  TempDir dir;
  auto store = store::Store::open(dir.path());
  if (!store || !fill(**store)) {
    state.SkipWithError("the store could not be filled");
    return;
  }
  auto admin = (*store)->add_user("admin@example.org", "admin", true);
  if (!admin) {
    state.SkipWithError(admin.error().c_str());
    return;
  }
  int sequence = 0;
  const vdms::Engine engine(**store, {.source = "IMSGATE", .contact = "", .email_limit = 0, .rest_limit = 0},
                            [&] { return fmt::format("R{}", ++sequence); });
  vdms::RequestWorker worker(
      **store, engine, dir.path() / "results",
      [](const std::string&, const vdms::Answer&) -> tl::expected<void, std::string> { return {}; });
  const long before = peak_rss_kb();
  std::int64_t bytes = 0;
  for (auto _ : state) {
    store::RequestRow request;
    request.channel = store::RequestChannel::rest;
    request.requester = admin->email;
    request.user_id = admin->id;
    request.text = std::string(kRequest);
    auto id = (*store)->add_request(request);
    if (!id) {
      state.SkipWithError("the request could not be queued");
      return;
    }
    request.id = *id;
    const store::RequestRow done = worker.execute(request);
    if (done.status != store::RequestStatus::done) {
      state.SkipWithError(done.outcome.c_str());
      return;
    }
    bytes = done.response_bytes;
  }
  state.counters["response_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["peak_rss_growth_MB"] = static_cast<double>(peak_rss_kb() - before) / 1024;
}
BENCHMARK(BM_WaveformDayWorker)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The WAVEFORM product alone, without the response around it (run it alone: the peak is per process).
void BM_WaveformDayProduct(benchmark::State& state) {
  TempDir dir;
  auto store = store::Store::open(dir.path());
  if (!store || !fill(**store)) {
    state.SkipWithError("the store could not be filled");
    return;
  }
  const auto read = ims2::read_messages(kRequest);
  const auto* request = std::get_if<ims2::RequestMessage>(&read.messages.at(0));
  const auto resolution = ims2::request::resolve_request(request->body);
  const vdms::Access access = vdms::Access::everything();
  const long before = peak_rss_kb();
  std::size_t bytes = 0;
  for (auto _ : state) {
    vdms::SectionSource sections(**store);
    vdms::ProductContext context{**store, sections, access, ims2::KeywordCase::lower, kDay};
    const vdms::ProductOutput out = vdms::produce(resolution.jobs.at(0), context);
    bytes = 0;
    for (const auto& section : out.sections) bytes += section.body.size();
  }
  state.counters["response_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["peak_rss_growth_MB"] = static_cast<double>(peak_rss_kb() - before) / 1024;
}
BENCHMARK(BM_WaveformDayProduct)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
