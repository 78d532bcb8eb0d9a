// Internal to the demo data library: synthetic counts of the two detector kinds, drawn as Poisson numbers
// around simple physical shapes (Gaussian peaks, allowed beta continua, an exponential continuum), and the
// detectors' calibrations those shapes follow.
#pragma once

#include <vector>

#include "demo_internal.hpp"
#include "ims2/rn/phd_blocks.hpp"

namespace imsgate::demo::detail {

// The beta-gamma detector (a SAUNA-like NaI well with a plastic gas cell): 256 x 256 channels, linear
// calibrations from 0 keV.
inline constexpr int kBetaGammaChannels = 256;
inline constexpr int kGammaSpan = 750;  // keV
inline constexpr int kBetaSpan = 900;   // keV
double nai_fwhm(double kev);            // gamma resolution, keV
double plastic_fwhm(double kev);        // electron resolution, keV

// Coincidences of a gamma or X-ray with an electron: a beta continuum up to its end point, or a conversion
// electron line.
struct Coincidence {
  double gamma_kev = 0;
  double beta_endpoint_kev = 0;  // 0 for a conversion electron line
  double electron_kev = 0;       // the conversion electron's energy
  double counts = 0;             // expected coincidences
};

struct BetaGammaCounts {
  ims2::rn::Histogram histogram;  // coincidences, gamma rows of beta channels
  ims2::rn::Spectrum gamma;       // singles: coincident and not
  ims2::rn::Spectrum beta;
};

// `background` is the expected coincidences per histogram cell from nothing in the cell.
BetaGammaCounts beta_gamma_counts(const std::vector<Coincidence>& sources, double background, Random& random);

// The HPGe detector of the particulate station: 8192 channels from channel 1, 0.33 keV per channel.
inline constexpr int kHpgeChannels = 8192;
inline constexpr int kHpgeSpan = 2700;  // keV
double hpge_channel(double kev);
double hpge_fwhm(double kev);
double hpge_efficiency(double kev);  // full-energy peak efficiency of a filter on the end cap

struct GammaLine {
  double kev = 0;
  double counts = 0;  // expected counts in the peak
};

// Peaks on a continuum that falls with energy; `continuum` scales it (counts per channel near 100 keV).
ims2::rn::Spectrum hpge_counts(const std::vector<GammaLine>& lines, double continuum, Random& random);

}  // namespace imsgate::demo::detail
