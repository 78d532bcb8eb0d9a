// The event screening block (Table 44) and the event characterization arrival block (Table 45) of SEB, SSEB,
// NEB and NSEB bulletins: their sub-blocks, each a title, a column-title line and data lines.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"

namespace imsgate::ims2::shi {

// The summary line of the event screening block.
struct ScreeningSummary {
  std::string category;  // NC not considered, IS insufficient data, NS not screened out, SO screened out
  std::string location;  // Offsh, Onsh, Mixed
  std::optional<double> score;  // combined
  std::optional<double> depth_score;
  std::optional<double> mb_ms_score;
  std::optional<double> regional_score;
  std::optional<double> hydroacoustic_score;
  std::optional<double> scaled_semi_major;
  std::optional<double> scaled_semi_minor;
  std::optional<double> depth;             // km
  std::optional<double> depth_confidence;  // km
  std::optional<double> mb_ms;             // A*mb - Ms, slope term included
  std::optional<double> mb_ms_confidence;
  std::optional<double> offshore_fraction;    // of the scaled error ellipse
  std::optional<double> minimum_water_depth;  // in the scaled error ellipse
  std::optional<bool> clear_path;             // for hydroacoustic signals
  bool operator==(const ScreeningSummary&) const = default;
};

struct HydroacousticScreening {
  std::string station;
  std::optional<double> cepstral_peak;  // band 8, 2-80 Hz
  std::optional<double> snr;            // of the total energy measurement
  std::optional<double> noise;
  bool operator==(const HydroacousticScreening&) const = default;
};

struct RegionalScreening {
  std::string station;
  std::optional<double> pnsmax;  // 6-8 Hz band
  std::optional<double> correction;
  std::optional<double> error;
  bool operator==(const RegionalScreening&) const = default;
};

// A sub-block is present when its title was; a present sub-block may have no data lines.
struct EventScreening {
  std::optional<ScreeningSummary> summary;
  std::optional<std::vector<HydroacousticScreening>> hydroacoustic;
  std::optional<std::vector<RegionalScreening>> regional;
  bool operator==(const EventScreening&) const = default;
};

struct CepstralPeak {
  std::string station;
  std::optional<double> amplitude;
  std::optional<double> quefrency;
  bool operator==(const CepstralPeak&) const = default;
};

struct EnergyRatio {
  std::string station;
  std::optional<double> ratio;  // short-period / long-period
  bool operator==(const EnergyRatio&) const = default;
};

struct FrequencyBand {
  std::optional<double> min;
  std::optional<double> max;
  bool operator==(const FrequencyBand&) const = default;
};

struct BandAmplitude {
  std::optional<double> amplitude;
  std::optional<double> snr;
  bool operator==(const BandAmplitude&) const = default;
};

// One station and phase of a frequency-dependent block. The phase is as written: a '!' in it says the values
// come from predicted, not observed, arrivals.
struct PhaseAmplitudes {
  std::string station;
  std::string phase;
  std::array<BandAmplitude, 4> bands;
  bool operator==(const PhaseAmplitudes&) const = default;
};

// "FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK i of n": four frequency bands and their rows.
struct PhaseAmplitudeBlock {
  std::optional<std::int64_t> number;
  std::optional<std::int64_t> total;
  std::array<FrequencyBand, 4> bands;
  std::vector<PhaseAmplitudes> rows;
  bool operator==(const PhaseAmplitudeBlock&) const = default;
};

struct SpectralVariance {
  std::string station;
  std::string phase;
  std::optional<double> min_frequency;
  std::optional<double> max_frequency;
  std::optional<double> variance;  // of the detrended log spectrum
  bool operator==(const SpectralVariance&) const = default;
};

struct Complexity {
  std::string station;
  std::string phase;
  std::optional<double> complexity;
  std::optional<double> snr;
  bool operator==(const Complexity&) const = default;
};

struct ThirdMoment {
  std::string station;
  std::optional<double> value;  // third moment of frequency
  bool operator==(const ThirdMoment&) const = default;
};

// Averages over the vertical component traces.
struct TimeFrequency {
  std::string station;
  std::optional<double> bad_point_ratio;   // zavpct
  std::optional<double> cepstrum_maximum;  // zavcep, of the 2-D cepstrum
  std::optional<double> autocorrelation;   // zavcor, along the time axis
  bool operator==(const TimeFrequency&) const = default;
};

struct EventCharacterization {
  std::optional<std::vector<CepstralPeak>> cepstral_peaks;
  std::optional<std::vector<EnergyRatio>> energy_ratios;
  std::vector<PhaseAmplitudeBlock> phase_amplitudes;
  std::optional<std::vector<SpectralVariance>> spectral_variances;
  std::optional<std::vector<Complexity>> complexities;
  std::optional<std::vector<ThirdMoment>> third_moments;
  std::optional<std::vector<TimeFrequency>> time_frequencies;
  bool operator==(const EventCharacterization&) const = default;
};

enum class ScreeningSubBlock {
  summary,
  hydroacoustic,
  regional,
  cepstral_peak,
  energy_ratio,
  phase_amplitude,
  spectral_variance,
  complexity,
  third_moment,
  time_frequency,
};

// The sub-block whose title the line is, if any.
std::optional<ScreeningSubBlock> screening_title(std::string_view line);

// Starts the sub-block of a title line.
void open_screening_sub_block(ScreeningSubBlock part, const Line& title, EventScreening& screening,
                              EventCharacterization& characterization, Diagnostics& diagnostics);

// One line after the title: the column titles (skipped), the frequency bands, or a data line.
void read_screening_line(ScreeningSubBlock part, const Line& line, EventScreening& screening,
                         EventCharacterization& characterization, Diagnostics& diagnostics);

// The blocks' lines, each ending in LF; nothing for a block without sub-blocks.
tl::expected<std::string, std::string> write_event_screening(const EventScreening& screening);
tl::expected<std::string, std::string> write_event_characterization(const EventCharacterization& c);

}  // namespace imsgate::ims2::shi
