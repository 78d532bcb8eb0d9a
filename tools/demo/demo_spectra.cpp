#include "demo_spectra.hpp"

#include <cmath>
#include <numbers>
#include <numeric>

namespace imsgate::demo::detail {
namespace {

constexpr double kFwhmPerSigma = 2.3548;
constexpr double kElectronMass = 511.0;  // keV
constexpr double kHpgeGain = 0.32955;    // keV per channel
constexpr double kHpgeOffset = -0.12;    // keV at channel 0

double gamma_width() {
  return double(kGammaSpan) / kBetaGammaChannels;
}
double beta_width() {
  return double(kBetaSpan) / kBetaGammaChannels;
}

// A shape over the channels of one axis, normalised to 1 over the channels that see anything: channel 0 of a
// beta-gamma axis stays empty, as SAUNA systems write it.
using Shape = std::vector<double>;

Shape normalised(Shape shape) {
  shape[0] = 0;
  const double sum = std::accumulate(shape.begin(), shape.end(), 0.0);
  if (sum > 0)
    for (double& x : shape) x /= sum;
  return shape;
}

Shape peak_shape(double kev, double fwhm, double width) {
  Shape shape(kBetaGammaChannels);
  const double sigma = fwhm / kFwhmPerSigma;
  for (int c = 0; c < kBetaGammaChannels; ++c) {
    const double z = ((c + 0.5) * width - kev) / sigma;
    shape[c] = std::exp(-0.5 * z * z);
  }
  return normalised(std::move(shape));
}

// An allowed beta spectrum p E (Q - T)^2, cut below the plastic's threshold.
Shape beta_continuum(double endpoint) {
  Shape shape(kBetaGammaChannels);
  for (int c = 0; c < kBetaGammaChannels; ++c) {
    const double t = (c + 0.5) * beta_width();
    if (t >= endpoint || t < 8.0) continue;
    const double p = std::sqrt(t * t + 2 * t * kElectronMass);
    shape[c] = p * (t + kElectronMass) * (endpoint - t) * (endpoint - t);
  }
  return normalised(std::move(shape));
}

}  // namespace

double nai_fwhm(double kev) {
  return 0.9 * std::pow(kev, 0.6);
}

double plastic_fwhm(double kev) {
  return 3.1 * std::sqrt(kev);
}

BetaGammaCounts beta_gamma_counts(const std::vector<Coincidence>& sources, double background,
                                  Random& random) {
  constexpr int n = kBetaGammaChannels;
  std::vector<double> expected(std::size_t(n) * n, 0.0);
  for (const Coincidence& s : sources) {
    const Shape gamma = peak_shape(s.gamma_kev, nai_fwhm(s.gamma_kev), gamma_width());
    const Shape beta = s.beta_endpoint_kev > 0
                           ? beta_continuum(s.beta_endpoint_kev)
                           : peak_shape(s.electron_kev, plastic_fwhm(s.electron_kev), beta_width());
    for (int g = 0; g < n; ++g) {
      if (gamma[g] < 1e-9) continue;
      for (int b = 0; b < n; ++b) expected[std::size_t(g) * n + b] += s.counts * gamma[g] * beta[b];
    }
  }
  BetaGammaCounts out;
  out.histogram = {n, n, kGammaSpan, kBetaSpan, std::vector<std::int64_t>(std::size_t(n) * n, 0)};
  out.gamma = {kGammaSpan, 0, std::vector<std::int64_t>(n, 0)};
  out.beta = {kBetaSpan, 0, std::vector<std::int64_t>(n, 0)};
  std::vector<double> gamma_expected(n, 0.0), beta_expected(n, 0.0);
  for (int g = 1; g < n; ++g) {
    for (int b = 1; b < n; ++b) {
      const std::size_t i = std::size_t(g) * n + b;
      const std::int64_t counts = random.poisson(expected[i] + background);
      out.histogram.counts[i] = counts;
      out.gamma.counts[g] += counts;
      out.beta.counts[b] += counts;
      gamma_expected[g] += expected[i];
      beta_expected[b] += expected[i];
    }
  }
  // Singles also hold the events whose partner escaped the other detector.
  for (int c = 1; c < n; ++c) {
    out.gamma.counts[c] += random.poisson(0.4 * gamma_expected[c] + 0.5);
    out.beta.counts[c] += random.poisson(0.6 * beta_expected[c] + 0.3);
  }
  return out;
}

double hpge_channel(double kev) {
  return (kev - kHpgeOffset) / kHpgeGain;
}

double hpge_fwhm(double kev) {
  return std::sqrt(0.75 + 0.0018 * kev);
}

double hpge_efficiency(double kev) {
  constexpr double kPeak = 0.085, kKnee = 120.0;
  return kPeak * std::pow(kev / kKnee, kev < kKnee ? 0.9 : -0.78);
}

ims2::rn::Spectrum hpge_counts(const std::vector<GammaLine>& lines, double continuum, Random& random) {
  std::vector<double> expected(kHpgeChannels, 0.0);
  for (int c = 1; c <= kHpgeChannels; ++c) {
    const double e = kHpgeOffset + kHpgeGain * c;
    if (e < 10) continue;
    const double ramp = e < 25 ? (e - 10) / 15 : 1.0;  // the low-energy threshold
    expected[c - 1] =
        continuum * ramp * (0.8 * std::exp(-(e - 100) / 180) + 0.2 * std::exp(-(e - 100) / 900) + 0.02);
  }
  for (const GammaLine& line : lines) {
    const double centre = hpge_channel(line.kev);
    const double sigma = hpge_fwhm(line.kev) / kHpgeGain / kFwhmPerSigma;
    const int first = std::max(1, int(centre - 6 * sigma));
    const int last = std::min(kHpgeChannels, int(centre + 6 * sigma) + 1);
    const double height = line.counts / (sigma * std::sqrt(2 * std::numbers::pi));
    for (int c = first; c <= last; ++c) {
      const double z = (c - centre) / sigma;
      expected[c - 1] += height * std::exp(-0.5 * z * z);
    }
  }
  ims2::rn::Spectrum spectrum{kHpgeSpan, 1, std::vector<std::int64_t>(kHpgeChannels)};
  for (int c = 0; c < kHpgeChannels; ++c) spectrum.counts[c] = random.poisson(expected[c]);
  return spectrum;
}

}  // namespace imsgate::demo::detail
