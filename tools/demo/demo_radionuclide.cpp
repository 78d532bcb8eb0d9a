// The pulse height data of the two radionuclide stations: the beta-gamma noble gas system's samples, gas
// backgrounds, detector background, QC and calibration, and the HPGe particulate system's samples, blank and
// QC, with the SRIDs and MIDs that tie them together (DIGEST-radionuclide §1.4, §5).
#include <cmath>

#include <fmt/format.h>

#include "demo_internal.hpp"
#include "demo_spectra.hpp"

namespace imsgate::demo::detail {
namespace {

using namespace ims2::rn;

constexpr std::string_view kComment = "imsgate demo data: synthetic counts, not a measurement.";

struct Detector {
  std::string_view station;
  std::string code;
  SystemType system;
  std::string_view geometry;
};

const Detector& noble_gas_detector() {
  static const Detector d{kNobleGasStation, fmt::format("{}_001", kNobleGasStation), SystemType::beta_gamma,
                          "GASCELL"};
  return d;
}

const Detector& particulate_detector() {
  static const Detector d{kParticulateStation, fmt::format("{}_001", kParticulateStation),
                          SystemType::particulate, "FILTER_57x5mm"};
  return d;
}

// "cc" and a marker of eight digits and a sequence number: blank, detector background, QC and calibration
// SRIDs (§5.3).
std::string marker_srid(char marker, int sequence, bool noble_gas) {
  return fmt::format("{:02}{}{:04}{}", kStationNumber, std::string(8, marker), sequence,
                     noble_gas ? "X" : "");
}

// Down to the second, as the MIDs give acquisition starts.
TimePoint whole(TimePoint t) {
  return std::chrono::floor<seconds>(t);
}

// The header, comment and acquisition of a measurement; the rest is added per type.
Phd measurement(const Detector& d, std::string srid, TimePoint acquisition_start, double real_time,
                double live_time) {
  Phd phd;
  phd.header.station = std::string(d.station);
  phd.header.detector = d.code;
  phd.header.system_type = d.system;
  phd.header.geometry = std::string(d.geometry);
  phd.header.srid = std::move(srid);
  phd.header.mid = mid(d.code, acquisition_start);
  phd.header.transmitted = at_seconds(acquisition_start, real_time) + minutes(3);
  phd.comment = PhdComment{{std::string(kComment)}};
  phd.acquisition = PhdAcquisition{acquisition_start, real_time, live_time};
  return phd;
}

Status add_phd(Drafts& drafts, PhdType type, Phd phd) {
  const TimePoint sent = *phd.header.transmitted;
  const std::string station = phd.header.station;
  PhdSection section{type, {std::move(phd)}, {}};
  return add_draft(drafts, station, sent, rn_section(section, std::string(phd_type_name(type))));
}

// --- The beta-gamma system -------------------------------------------------------------------------------

// The detector's calibration: the lines it was calibrated with and the regions of interest of Table 71.
void add_beta_gamma_calibration(Phd& phd, TimePoint calibrated) {
  const double gamma_gain = double(kGammaSpan) / kBetaGammaChannels;
  const double beta_gain = double(kBetaSpan) / kBetaGammaChannels;
  GEnergy g_energy;
  Resolution g_resolution;
  for (double kev : {31.6, 80.997, 249.794, 351.932, 661.657}) {
    g_energy.pairs.push_back({kev, round_to(kev / gamma_gain, 4), 0.05});
    g_resolution.pairs.push_back({kev, round_to(nai_fwhm(kev), 4), 0.3});
  }
  BEnergy b_energy;
  Resolution b_resolution;
  for (double kev : {45.0, 129.369, 198.66, 624.216, 655.668}) {
    b_energy.pairs.push_back({kev, DecayMode::conversion_electron, round_to(kev / beta_gain, 4), 0.05});
    b_resolution.pairs.push_back({kev, round_to(plastic_fwhm(kev), 4), 0.3});
  }
  Efficiency g_efficiency;
  for (auto [kev, efficiency] :
       {std::pair{31.6, 0.64}, {80.997, 0.74}, {165.0, 0.72}, {249.794, 0.65}, {351.932, 0.58}})
    g_efficiency.pairs.push_back({kev, efficiency, 0.0044});
  phd.g_energy = g_energy;
  phd.b_energy = b_energy;
  phd.g_resolution = g_resolution;
  phd.b_resolution = b_resolution;
  phd.g_efficiency = g_efficiency;
  // keV: beta start, beta stop, gamma start, gamma stop.
  phd.roi_limits = RoiLimits{{{1, 13.9, 581.5, 319.6, 386.6},
                              {2, 13.9, 869.4, 211.5, 279.4},
                              {3, 13.9, 357.4, 65.8, 98.3},
                              {4, 13.9, 395.7, 20.3, 41.6},
                              {5, 87.4, 150.9, 20.3, 41.6},
                              {6, 178.2, 266.3, 20.3, 41.6},
                              {7, 13.9, 79.6, 20.3, 41.6},
                              {8, 275.1, 395.7, 20.3, 41.6},
                              {9, 178.2, 395.7, 20.3, 41.6},
                              {10, 13.9, 150.9, 20.3, 41.6}}};
  phd.bg_efficiency = BgEfficiency{{{"XE-135", 2, 0.6091, 0.0066},
                                    {"XE-133", 3, 0.7378, 0.0129},
                                    {"XE-133", 4, 0.7069, 0.0078},
                                    {"XE-131M", 5, 0.6386, 0.0067},
                                    {"XE-133M", 6, 0.6458, 0.0068},
                                    {"XE-133", 7, 0.2110, 0.0033},
                                    {"XE-133", 8, 0.0375, 0.0010},
                                    {"XE-133", 9, 0.1911, 0.0030},
                                    {"XE-133", 10, 0.4519, 0.0063}}};
  Ratios ratios;
  const std::array<double, 9> radon{0.5690, 0.3926, 0.0722, 0.0095, 0.0177, 0.0092, 0.0273, 0.0472, 0.0200};
  ratios.ratios.push_back({"PB214_352:242", 1, 2, radon[0], 0.0051});
  ratios.ratios.push_back({"PB214_352:80", 1, 3, radon[1], 0.0039});
  for (int roi = 4; roi <= 10; ++roi)
    ratios.ratios.push_back({fmt::format("PB214_352:30_{}", roi), 1, roi, radon[roi - 2], 0.0010});
  const std::array<std::pair<int, double>, 7> xenon{
      {{4, 0.0451}, {5, 0.3796}, {6, 0.2698}, {7, 0.0330}, {8, 0.0006}, {9, 0.0045}, {10, 0.0392}}};
  for (auto [roi, ratio] : xenon)
    ratios.ratios.push_back({fmt::format("XE133-{}_81:30", roi == 4   ? 1
                                                           : roi == 5 ? 2
                                                           : roi == 6 ? 3
                                                                      : roi),
                             3, roi, ratio, 0.0010});
  phd.ratios = ratios;
  phd.calibration = PhdCalibration{calibrated};
}

void add_beta_gamma_counts(Phd& phd, BetaGammaCounts counts) {
  phd.g_spectrum = std::move(counts.gamma);
  phd.b_spectrum = std::move(counts.beta);
  phd.histogram = std::move(counts.histogram);
}

// Expected coincidences of the radioxenons and the radon daughter Pb-214 (Table 71's ROIs).
struct XenonCounts {
  double xe133 = 0, xe131m = 0, xe133m = 0, xe135 = 0, pb214 = 0;
};

std::vector<Coincidence> coincidences(const XenonCounts& x) {
  constexpr double kXe133Beta = 346.4, kXe135Beta = 915.0, kPb214Beta = 1019.0;
  return {{81.0, kXe133Beta, 0, 0.46 * x.xe133},
          {31.6, kXe133Beta, 0, 0.42 * x.xe133},
          {31.6, 0, 45.0, 0.12 * x.xe133},
          {30.0, 0, 129.4, x.xe131m},
          {30.0, 0, 198.7, x.xe133m},
          {249.8, kXe135Beta, 0, x.xe135},
          {351.9, kPb214Beta, 0, 0.50 * x.pb214},
          {295.2, kPb214Beta, 0, 0.30 * x.pb214},
          {242.0, kPb214Beta, 0, 0.12 * x.pb214},
          {53.2, kPb214Beta, 0, 0.08 * x.pb214}};
}

constexpr double kXeToAir = 0.087;  // cm3 of xenon per m3 of air (DIGEST-radionuclide §4.8, eq. 3)

}  // namespace

std::vector<SampleRun> noble_gas_runs(const Window& window) {
  std::vector<SampleRun> runs;
  // From the sample being counted as the SOH report before the window begins.
  for (int k = -2;; ++k) {
    SampleRun r;
    r.cycle = k;
    r.collection_start =
        whole(window.start - hours(18) - minutes(32) + hours(12 * k) + seconds((k * 47 + 120) % 113));
    if (r.collection_start >= window.end) break;
    r.collection_stop = r.collection_start + hours(12);
    // Xenon separation and transfer into the gas cell, then the count.
    r.acquisition_start = whole(r.collection_stop + hours(6) + minutes(50));
    r.real_time = 40200.0;
    r.live_time = 40188.5 - (k + 2) % 5;
    r.srid = fmt::format("{:02}{}11X", kStationNumber, srid_hour(r.collection_start));
    runs.push_back(r);
  }
  return runs;
}

std::vector<SampleRun> particulate_runs(const Window& window) {
  std::vector<SampleRun> runs;
  for (int j = 0;; ++j) {
    SampleRun r;
    r.cycle = j - 1;
    r.collection_start = whole(window.start - hours(66) + hours(24 * j) + seconds((j * 131) % 240));
    if (r.collection_start >= window.end) break;
    r.collection_stop = r.collection_start + hours(24) - minutes(4);           // the filter change
    r.acquisition_start = whole(r.collection_stop + hours(24) + minutes(10));  // after the radon decay
    r.real_time = 82800.0;
    r.live_time = 82610.0 - 7 * (j % 4);
    r.air_volume = 21400.0 + (j * 379) % 900;
    r.srid = fmt::format("{:02}{}11", kStationNumber, srid_hour(r.collection_start));
    runs.push_back(r);
  }
  return runs;
}

Status add_noble_gas(const Window& window, Random random, Drafts& drafts) {
  const Detector& d = noble_gas_detector();
  const TimePoint calibrated = whole(window.start - days(190) + hours(9) + minutes(31));

  Phd detector_background =
      measurement(d, marker_srid('1', 1, true), window.start - days(4) + minutes(12), 86000.0, 85990.0);
  add_beta_gamma_calibration(detector_background, calibrated);
  add_beta_gamma_counts(detector_background, beta_gamma_counts(coincidences({.pb214 = 60}), 0.01, random));
  const std::string detector_background_mid = detector_background.header.mid;
  // Resent at the start of the period, so that the samples' references can be followed in the data set.
  detector_background.header.transmitted = window.start + minutes(10);
  if (auto ok = add_phd(drafts, PhdType::detector_background, std::move(detector_background)); !ok) return ok;

  Phd calibration =
      measurement(d, marker_srid('9', 1, true), window.start - days(6) + hours(3), 20000.0, 19996.0);
  add_beta_gamma_calibration(calibration, calibrated);
  add_beta_gamma_counts(calibration, beta_gamma_counts(coincidences({.xe133 = 20000}), 0.002, random));
  calibration.certificate =
      Certificate{180.0,
                  whole(window.start - days(7)),
                  {{"XE-133", "5.2474 D", 180.0, 3.0, 80.997, 36.9, DecayMode::beta, 346.4, 99.0}}};
  calibration.header.transmitted = window.start + minutes(20);
  if (auto ok = add_phd(drafts, PhdType::calibration, std::move(calibration)); !ok) return ok;

  const std::vector<SampleRun> runs = noble_gas_runs(window);
  double previous_xe133 = 20;
  int qc_sequence = 0;
  for (const SampleRun& run : runs) {
    // The memory of the cell: what the previous sample left behind, counted before this one goes in.
    const TimePoint gas_start = run.acquisition_start - minutes(11);
    Phd gas = measurement(d, fmt::format("{:02}{}00X", kStationNumber, srid_hour(gas_start)), gas_start,
                          600.0, 599.6);
    gas.header.detector_background_mid = detector_background_mid;
    gas.processing = PhdProcessing{0.0, 0.0, 0.0, 0.0, "0"};
    add_beta_gamma_calibration(gas, calibrated);
    add_beta_gamma_counts(
        gas, beta_gamma_counts(coincidences({.xe133 = 0.004 * previous_xe133, .pb214 = 2}), 0.0001, random));
    const std::string gas_mid = gas.header.mid;
    if (window.holds(*gas.header.transmitted))
      if (auto ok = add_phd(drafts, PhdType::gas_background, std::move(gas)); !ok) return ok;

    // Background air, and a release reaching the station in the third sample of the period.
    XenonCounts xenon{25 * std::exp(random.normal(0, 0.5)), 2 * std::exp(random.normal(0, 0.4)),
                      1 * std::exp(random.normal(0, 0.4)), 3 * std::exp(random.normal(0, 0.6)),
                      350 * std::exp(random.normal(0, 0.4))};
    if (run.cycle == 2) xenon = {1800, 25, 60, 400, xenon.pb214};
    previous_xe133 = xenon.xe133;
    const double xe_volume = round_to(random.uniform(0.92, 1.18), 5);
    Phd sample = measurement(d, run.srid, run.acquisition_start, run.real_time, run.live_time);
    sample.header.detector_background_mid = detector_background_mid;
    sample.header.gas_background_mid = gas_mid;
    sample.collection =
        PhdCollection{run.collection_start, run.collection_stop, round_to(xe_volume / kXeToAir, 4)};
    sample.processing =
        PhdProcessing{xe_volume, round_to(0.1 * xe_volume, 5), round_to(random.uniform(0.82, 0.9), 5), 0.12,
                      fmt::format("{:02}", 1 + (run.cycle + 12) % 12)};
    sample.sample = PhdSample{1.27, 5.0};  // the cell's inner diameter and length, cm
    add_beta_gamma_calibration(sample, calibrated);
    add_beta_gamma_counts(sample, beta_gamma_counts(coincidences(xenon), 0.002, random));
    if (window.holds(*sample.header.transmitted))
      if (auto ok = add_phd(drafts, PhdType::sample, std::move(sample)); !ok) return ok;

    // A daily check source count in the pause after every other sample.
    if (run.cycle % 2 == 0) {
      Phd qc = measurement(d, marker_srid('8', ++qc_sequence, true), run.acquisition_stop() + minutes(5),
                           900.0, 899.2);
      add_beta_gamma_calibration(qc, calibrated);
      add_beta_gamma_counts(
          qc, beta_gamma_counts({{661.657, 514.0, 0, 3000}, {32.0, 0, 624.2, 900}}, 0.001, random));
      qc.certificate =
          Certificate{4200.0,
                      whole(window.start - days(500)),
                      {{"CS-137", "30.08 Y", 4200.0, 2.5, 661.657, 85.1, DecayMode::beta, 514.0, 94.4}}};
      if (window.holds(*qc.header.transmitted))
        if (auto ok = add_phd(drafts, PhdType::quality_control, std::move(qc)); !ok) return ok;
    }
  }
  return {};
}

// --- The HPGe particulate system ---------------------------------------------------------------------------

namespace {

void add_hpge_calibration(Phd& phd, TimePoint calibrated) {
  GEnergy energy;
  Resolution resolution;
  for (double kev : {46.539, 59.541, 238.632, 351.932, 661.657, 1173.228, 1332.492, 1460.822}) {
    energy.pairs.push_back({kev, round_to(hpge_channel(kev), 3), 0});
    resolution.pairs.push_back({kev, round_to(hpge_fwhm(kev), 4), 0});
  }
  Efficiency efficiency;
  for (double kev :
       {59.541, 88.034, 122.061, 238.632, 477.595, 661.657, 898.042, 1173.228, 1332.492, 1836.063})
    efficiency.pairs.push_back(
        {kev, round_to(hpge_efficiency(kev), 6), round_to(0.03 * hpge_efficiency(kev), 6)});
  phd.g_energy = energy;
  phd.g_resolution = resolution;
  phd.g_efficiency = efficiency;
  phd.calibration = PhdCalibration{calibrated};
}

std::vector<GammaLine> filter_lines(Random& random) {
  const double pb212 = 25000 * std::exp(random.normal(0, 0.5));
  const double be7 = 3500 * std::exp(random.normal(0, 0.3));
  const double radon = 250 * std::exp(random.normal(0, 0.4));
  return {{46.539, 800 * std::exp(random.normal(0, 0.2))},  // Pb-210
          {238.632, pb212},
          {300.087, 0.075 * pb212},
          {351.932, radon},
          {477.595, be7},
          {510.999, 500},
          {583.187, 0.34 * pb212},
          {609.312, 0.8 * radon},
          {727.330, 0.05 * pb212},
          {1460.822, 300},
          {2614.511, 0.13 * pb212}};
}

}  // namespace

Status add_particulate(const Window& window, Random random, Drafts& drafts) {
  const Detector& d = particulate_detector();
  const TimePoint calibrated = whole(window.start - days(262) + hours(11) + minutes(5));

  Phd blank = measurement(d, marker_srid('0', 1, false), window.start - days(8) + hours(6), 80000.0, 79970.0);
  add_hpge_calibration(blank, calibrated);
  blank.g_spectrum = hpge_counts({{351.932, 20}, {510.999, 100}, {609.312, 30}, {1460.822, 150}}, 10, random);
  const std::string blank_mid = blank.header.mid;
  blank.header.transmitted = window.start + minutes(15);
  if (auto ok = add_phd(drafts, PhdType::blank, std::move(blank)); !ok) return ok;

  const std::vector<SampleRun> runs = particulate_runs(window);
  for (const SampleRun& run : runs) {
    Phd sample = measurement(d, run.srid, run.acquisition_start, run.real_time, run.live_time);
    sample.header.detector_background_mid = blank_mid;  // the latest blank filter (Table 58)
    sample.collection = PhdCollection{run.collection_start, run.collection_stop, run.air_volume};
    sample.sample = PhdSample{5.7, 0.45};  // diameter and height of the pressed filter, cm
    add_hpge_calibration(sample, calibrated);
    sample.g_spectrum = hpge_counts(filter_lines(random), 60, random);
    if (window.holds(*sample.header.transmitted))
      if (auto ok = add_phd(drafts, PhdType::sample, std::move(sample)); !ok) return ok;

    // The daily QC source count in the hour between two samples.
    if (run.cycle < 0) continue;
    Phd qc = measurement(d, marker_srid('8', run.cycle + 1, false), run.acquisition_start - minutes(45),
                         1800.0, 1794.5);
    add_hpge_calibration(qc, calibrated);
    qc.g_spectrum =
        hpge_counts({{59.541, 6000}, {661.657, 9000}, {1173.228, 4000}, {1332.492, 3600}}, 25, random);
    qc.certificate = Certificate{1500.0,
                                 whole(window.start - days(420)),
                                 {{"AM-241", "432.6 Y", 300.0, 2.0, 59.541, 35.9, DecayMode::none, 0, 0},
                                  {"CS-137", "30.08 Y", 400.0, 2.0, 661.657, 85.1, DecayMode::none, 0, 0},
                                  {"CO-60", "5.2713 Y", 400.0, 2.0, 1173.228, 99.85, DecayMode::none, 0, 0},
                                  {"CO-60", "5.2713 Y", 400.0, 2.0, 1332.492, 99.98, DecayMode::none, 0, 0}}};
    if (window.holds(*qc.header.transmitted))
      if (auto ok = add_phd(drafts, PhdType::quality_control, std::move(qc)); !ok) return ok;
  }
  return {};
}

}  // namespace imsgate::demo::detail
