// How fast the waveform codecs and CHK2 go, on real seismic samples (ObsPy's RJOB and RNON CM6 files,
// repeated to 10 million samples) and on white noise over the full 32-bit range.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "ims2/codec/chk2.hpp"
#include "ims2/codec/cm6.hpp"
#include "ims2/codec/cm8.hpp"
#include "ims2/codec/codec.hpp"
#include "ims2/codec/int.hpp"

namespace {

namespace codec = imsgate::ims2::codec;

constexpr std::size_t kSamples = 10'000'000;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The samples of a real file's first segment (WID2 columns 45-47 and 49-56).
std::vector<std::int32_t> real_samples(const char* name) {
  const std::string file =
      read_file(std::filesystem::path(IMSGATE_SHARED_DIR) / "testdata/real/obspy-gse2" / name);
  const std::size_t wid2 = file.find("WID2");
  const auto subformat = codec::parse_subformat(std::string_view(file).substr(wid2 + 44, 3));
  const std::size_t count = std::stoul(file.substr(wid2 + 48, 8));
  const std::size_t data = file.find('\n', file.find("DAT2", wid2)) + 1;
  std::vector<std::int32_t> samples;
  if (!subformat || !codec::decode(*subformat, std::string_view(file).substr(data), count, samples)) {
    throw std::runtime_error(std::string("cannot read ") + name);
  }
  return samples;
}

enum Data { kSeismic, kNoise, kNoise24 };

const std::vector<std::int32_t>& samples(Data data) {
  static const std::vector<std::int32_t> seismic = [] {
    std::vector<std::int32_t> base = real_samples("loc_RJOB20050831023349.z");
    const auto more = real_samples("loc_RNON20040609200559.z");
    base.insert(base.end(), more.begin(), more.end());
    std::vector<std::int32_t> s;
    s.reserve(kSamples);
    while (s.size() < kSamples)
      s.insert(s.end(), base.begin(), base.begin() + std::min(base.size(), kSamples - s.size()));
    return s;
  }();
  static const std::vector<std::int32_t> noise = [] {
    std::mt19937 rng(1);
    std::vector<std::int32_t> s(kSamples);
    for (auto& v : s) v = static_cast<std::int32_t>(rng());
    return s;
  }();
  // For CM8, whose second differences stop at 2^27: noise of 24 bits.
  static const std::vector<std::int32_t> noise24 = [] {
    std::mt19937 rng(2);
    std::vector<std::int32_t> s(kSamples);
    for (auto& v : s) v = static_cast<std::int32_t>(rng() >> 8) - (1 << 23);
    return s;
  }();
  return data == kSeismic ? seismic : data == kNoise ? noise : noise24;
}

std::string encoded(codec::Subformat subformat, Data data) {
  std::string text;
  if (!codec::encode(subformat, samples(data), text)) throw std::runtime_error("cannot encode");
  return text;
}

void count(benchmark::State& state, std::size_t bytes) {
  state.counters["samples/s"] =
      benchmark::Counter(static_cast<double>(kSamples), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}

void BM_Decode(benchmark::State& state, codec::Subformat subformat, Data data) {
  const std::string text = encoded(subformat, data);
  std::vector<std::int32_t> out(kSamples);
  for (auto _ : state) {
    auto consumed = codec::decode(subformat, text, out);
    if (!consumed) state.SkipWithError(consumed.error().message.c_str());
    benchmark::DoNotOptimize(out.data());
  }
  count(state, text.size());
}

void BM_Encode(benchmark::State& state, codec::Subformat subformat, Data data) {
  const auto& in = samples(data);
  std::string text = encoded(subformat, data);  // a buffer of the right capacity, as a writer reuses one
  for (auto _ : state) {
    text.clear();
    if (!codec::encode(subformat, in, text)) state.SkipWithError("encode failed");
    benchmark::DoNotOptimize(text.data());
  }
  count(state, text.size());
}

void BM_Chk2(benchmark::State& state, Data data) {
  const auto& in = samples(data);
  for (auto _ : state) benchmark::DoNotOptimize(codec::compute_chk2(in));
  count(state, in.size() * sizeof(std::int32_t));
}

BENCHMARK_CAPTURE(BM_Decode, cm6_seismic, codec::Subformat::cm6, kSeismic)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, cm6_noise, codec::Subformat::cm6, kNoise)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, cm6_seismic, codec::Subformat::cm6, kSeismic)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, cm6_noise, codec::Subformat::cm6, kNoise)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, int_seismic, codec::Subformat::int_text, kSeismic)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, int_noise, codec::Subformat::int_text, kNoise)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, int_seismic, codec::Subformat::int_text, kSeismic)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, int_noise, codec::Subformat::int_text, kNoise)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, cm8_seismic, codec::Subformat::cm8, kSeismic)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, cm8_noise24, codec::Subformat::cm8, kNoise24)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, cm8_seismic, codec::Subformat::cm8, kSeismic)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, cm8_noise24, codec::Subformat::cm8, kNoise24)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Chk2, seismic, kSeismic)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Chk2, noise, kNoise)->Unit(benchmark::kMillisecond);

}  // namespace
