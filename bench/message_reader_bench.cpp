// How fast the envelope and data-section reader goes over a large data message.
#include <string>

#include <benchmark/benchmark.h>

#include "ims2/message.hpp"

namespace {

std::string big_data_message(int lines) {
  std::string text = "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID bench ANY_NDC\nDATA_TYPE WAVEFORM IMS2.0:CM6\n";
  for (int i = 0; i < lines; ++i)
    text += "4M-1X5I-2VIVGV3W-3Y-4W1MYG8U0T-GWIF9JQWG9Q36H5L-5N1H-7HPJMCMJ-JNLNLLBFAXD+FF-GSVAJG9\n";
  return text + "STOP\n";
}

void BM_ReadDataMessage(benchmark::State& state) {
  const std::string input = big_data_message(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto result = imsgate::ims2::read_messages(input);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.size()));
}
BENCHMARK(BM_ReadDataMessage)->Arg(10000);

}  // namespace
