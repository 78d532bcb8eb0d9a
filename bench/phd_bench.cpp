// How fast PHD sections are read and written: a beta-gamma SAMPLEPHD with a full 256 x 256 histogram and an
// HPGe SAMPLEPHD with 16,384 channels, with Poisson counts over a realistic shape (a falling continuum with
// peaks; a histogram of mostly small values). Goal: read >= 500 MB/s, write >= 300 MB/s on one core.
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include <benchmark/benchmark.h>

#include "ims2/rn/phd.hpp"

namespace {

namespace rn = imsgate::ims2::rn;
using imsgate::ims2::TimePoint;

// Calibration values as senders write them, to a few decimals (an f16 field holds no more).
double round3(double x) {
  return std::round(x * 1000) / 1000;
}

TimePoint at(int y, unsigned m, unsigned d, int h, int min) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
}

// Counts drawn around a continuum that falls with the channel, plus Gaussian peaks.
std::vector<std::int64_t> poisson_spectrum(std::size_t channels, double level, std::mt19937& rng) {
  std::vector<std::int64_t> counts(channels);
  const double peaks[] = {0.05, 0.12, 0.3, 0.55, 0.8};
  for (std::size_t i = 0; i < channels; ++i) {
    const double x = double(i) / double(channels);
    double mean = level * std::exp(-4 * x) + 0.5;
    for (double p : peaks) mean += 20 * level * std::exp(-std::pow((x - p) * channels / 3.0, 2));
    counts[i] = std::poisson_distribution<std::int64_t>(mean)(rng);
  }
  return counts;
}

rn::Phd common_phd(rn::SystemType system) {
  rn::Phd p;
  const bool bg = system == rn::SystemType::beta_gamma;
  p.header.station = bg ? "AUX04" : "CAX16";
  p.header.detector = bg ? "AUX04_003" : "CAX16_002";
  p.header.system_type = system;
  p.header.geometry = bg ? "GEOMETRY" : "CELLULE_GAZ";
  p.header.srid = bg ? "04202111302311X" : "16202205231311X";
  p.header.mid = p.header.detector + "-2021/12/01-18:43:18.0";
  p.header.transmitted = at(2021, 12, 2, 5, 53);
  p.comment = rn::PhdComment{{"Generated for the PHD benchmark."}};
  p.collection = rn::PhdCollection{at(2021, 11, 30, 23, 32), at(2021, 12, 1, 11, 32), 14.920163};
  p.acquisition = rn::PhdAcquisition{at(2021, 12, 1, 18, 43) + std::chrono::seconds(18), 40201.886, 40190.26};
  p.processing = rn::PhdProcessing{0.99102, 0.0991, 0.85303, 0.12064, "01"};
  p.calibration = rn::PhdCalibration{at(2014, 9, 17, 16, 46)};
  rn::GEnergy e;
  rn::Resolution r;
  rn::Efficiency f;
  for (double energy : {32.86, 59.541, 121.782, 344.279, 661.657}) {
    e.pairs.push_back({energy, round3(energy / 2.9), 0.05});
    r.pairs.push_back({energy, round3(7 + energy / 15), 0.3});
    f.pairs.push_back({energy, round3(0.7 - energy / 2000), 0.005});
  }
  p.g_energy = e;
  p.g_resolution = r;
  p.g_efficiency = f;
  return p;
}

rn::PhdSection beta_gamma_sample() {
  std::mt19937 rng(42);
  rn::Phd p = common_phd(rn::SystemType::beta_gamma);
  rn::BEnergy be;
  rn::Resolution br;
  for (double energy : {81.6, 97.1, 129.4, 198.7, 379.4, 393.7}) {
    be.pairs.push_back({energy, rn::DecayMode::conversion_electron, round3(energy / 2.9), 0.05});
    br.pairs.push_back({energy, round3(25 + energy / 10), 0.3});
  }
  p.b_energy = be;
  p.b_resolution = br;
  rn::RoiLimits limits;
  rn::BgEfficiency bg;
  rn::Ratios ratios;
  for (int roi = 1; roi <= 10; ++roi)
    limits.limits.push_back({roi, 13.9, 150.0 + roi * 40, 20.3, 41.6 + roi * 30});
  const char* nuclides[] = {"XE-135", "XE-133", "XE-133", "XE-131M", "XE-133M",
                            "XE-133", "XE-133", "XE-133", "XE-133"};
  for (int roi = 2; roi <= 10; ++roi) {
    bg.records.push_back({nuclides[roi - 2], roi, 0.6, 0.007});
    ratios.ratios.push_back({"PB214_352:30_" + std::to_string(roi), 1, roi, 0.05, 0.001});
  }
  p.roi_limits = limits;
  p.bg_efficiency = bg;
  p.ratios = ratios;
  p.g_spectrum = rn::Spectrum{749, 0, poisson_spectrum(256, 3000, rng)};
  p.b_spectrum = rn::Spectrum{875, 0, poisson_spectrum(256, 300, rng)};
  rn::Histogram h{256, 256, 749, 875, {}};
  h.counts.resize(256 * 256);
  for (std::size_t g = 0; g < 256; ++g) {
    for (std::size_t b = 0; b < 256; ++b) {
      // Mostly zeros and ones, a ridge of coincidences along the xenon lines.
      double mean = 0.3 * std::exp(-double(g + b) / 200.0);
      if (g > 20 && g < 40) mean += 4 * std::exp(-double(b) / 60.0);
      if (g > 60 && g < 90) mean += 2 * std::exp(-double(b) / 80.0);
      h.counts[g * 256 + b] = std::poisson_distribution<std::int64_t>(mean)(rng);
    }
  }
  p.histogram = std::move(h);
  return rn::PhdSection{rn::PhdType::sample, {std::move(p)}, {}};
}

rn::PhdSection hpge_sample() {
  std::mt19937 rng(7);
  rn::Phd p = common_phd(rn::SystemType::noble_gas_hpge);
  p.g_spectrum = rn::Spectrum{2000, 0, poisson_spectrum(16384, 400, rng)};
  return rn::PhdSection{rn::PhdType::sample, {std::move(p)}, {}};
}

const rn::PhdSection& model(int which) {
  static const rn::PhdSection bg = beta_gamma_sample();
  static const rn::PhdSection hpge = hpge_sample();
  return which == 0 ? bg : hpge;
}

imsgate::ims2::DataSection section(int which) {
  auto text = rn::write_phd_section(model(which));
  if (!text) throw std::runtime_error(text.error());
  imsgate::ims2::DataSection s;
  s.header.type = "SAMPLEPHD";
  s.line.number = 4;
  s.body = std::move(*text);
  return s;
}

void BM_ReadPhd(benchmark::State& state) {
  const imsgate::ims2::DataSection s = section(static_cast<int>(state.range(0)));
  {
    imsgate::ims2::Diagnostics d;
    const auto check = rn::read_phd_section(s, d);
    if (!check || d.has_errors() || *check != model(static_cast<int>(state.range(0)))) {
      std::string why;
      for (const auto& item : d) why += format_diagnostic(item, "bench") + "\n";
      throw std::runtime_error("the generated section does not read back\n" + why);
    }
  }
  for (auto _ : state) {
    imsgate::ims2::Diagnostics d;
    auto phd = rn::read_phd_section(s, d);
    benchmark::DoNotOptimize(phd);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.body.size()));
  state.SetLabel(state.range(0) == 0 ? "beta-gamma 256x256" : "HPGe 16384 channels");
}

void BM_WritePhd(benchmark::State& state) {
  const rn::PhdSection& m = model(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = rn::write_phd_section(m);
    bytes = text->size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetLabel(state.range(0) == 0 ? "beta-gamma 256x256" : "HPGe 16384 channels");
}

BENCHMARK(BM_ReadPhd)->Arg(0)->Arg(1);
BENCHMARK(BM_WritePhd)->Arg(0)->Arg(1);

}  // namespace
