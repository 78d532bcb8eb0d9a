// The noble gas ARR/RRR layout, beta-gamma and HPGe (7.8.1.2, Tables 148-158; 7.8.2). The spec describes the
// HTML only, so the plain-text columns here are this writer's, after the examples I.2.1, I.2.3, I.33.1,
// I.33.3.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ims2/rn/arr_layout.hpp"

namespace imsgate::ims2::rn::arr {
namespace {

constexpr std::string_view kRule = "7.8.1.2";
constexpr std::string_view kRrrRule = "7.8.2";

enum Section {
  kSampleSection,
  kCategorizationSection,
  kActivitySection,
  kResultsSection,
  kProcessingSection,
  kCalibrationSection,
  kTimelinessSection,
  kQualitySection,
  kScreeningSection,
  kEquationsSection,
};

constexpr std::string_view kCreation = "Creation Date:", kArrival = "Sample Arrival Time:",
                           kTimeDifference = "Time difference from receipt of raw data to report creation:";

// ---- Sample Information (Figure 4) ----
constexpr Field kLabel1 = at(1, 21, "label");
constexpr Field kValue1 = text_field(23, 50, "value");
constexpr Field kWideValue = text_field(23, 120, "value");
constexpr Field kLabel2 = at(52, 18, "label");
constexpr Field kValue2 = text_field(71, 100, "value");
constexpr std::string_view kStation = "Station ID:", kDetector = "Detector Code:",
                           kAuthenticated = "Authenticated:", kLocation = "Station Location:",
                           kDescription = "Detector Description:", kTechnology = "System Technology:",
                           kSrid = "Sample Reference ID:", kSampleId = "Sample ID:",
                           kVolume = "Stable Xe Volume:", kType = "Sample Type:",
                           kCollectionStart = "Collection Start:", kSampling = "Sampling Time:",
                           kCollectionStop = "Collection Stop:", kProcessingTime = "Processing Time:",
                           kAcquisitionStart = "Acquisition Start:", kAcquisitionTime = "Acquisition Time:",
                           kAcquisitionStop = "Acquisition Stop:",
                           kAnalysisComments = "IDC Analysis General Comments:";

// ---- Measurement Categorization (Figure 5, Table 148) ----
constexpr std::array<std::string_view, 3> kLevels = {
    "Level A = Clean spectrum - No Xenon is present in the sample.",
    "Level B = Xenon detection within the typical range for the station.",
    "Level C = Anomalous Xenon detection."};
constexpr std::string_view kSpectrumCategory = "Spectrum Category:";
constexpr Field kIsotope = text_field(1, 8, "isotope");
constexpr Field kDetected = text_field(10, 25, "nuclide detected");
constexpr Field kAbnormalLimit = exponent_field(27, 50, 2, "abnormal limit");
constexpr Field kCategory = text_field(52, 60, "isotope category");

// ---- Activity Summary (Tables 149, 150) ----
constexpr std::string_view kRadonCounts = "Radon counts in Xenon sample:",
                           kRadonLevel = "Radon level in Xenon sample", kXenonIsotopes = "Xenon isotopes";
constexpr Field kNuclide = text_field(1, 8, "nuclide");
constexpr Field kHalfLife = text_field(10, 20, "half-life");
constexpr Field kHalfLifeUnit = text_field(10, 20, "half-life unit");
constexpr Field kActivity = exponent_field(22, 31, 2, "activity");
constexpr Field kActStat = real_field(33, 40, 2, "activity statistical error");
constexpr Field kActSys = real_field(42, 49, 2, "activity systematic error");
constexpr Field kActTotal = real_field(51, 58, 2, "activity total error");
constexpr Field kConc = exponent_field(60, 69, 2, "concentration");
constexpr Field kConcStat = real_field(71, 78, 2, "concentration statistical error");
constexpr Field kConcSys = real_field(80, 87, 2, "concentration systematic error");
constexpr Field kConcTotal = real_field(89, 96, 2, "concentration total error");
constexpr Field kLc = exponent_field(98, 107, 2, "LC");
constexpr Field kMdc = exponent_field(109, 118, 2, "MDC");
constexpr Field kMdiMdc = exponent_field(98, 107, 2, "MDI/MDC");
constexpr Field kRadonArea = real_field(22, 31, 2, "radon peak area");
constexpr Field kRadonError = real_field(33, 40, 2, "radon area uncertainty");

// ---- Processing Specific Parameters and Results (Tables 151-153) ----
constexpr Field kPeakEnergy = real_field(1, 10, 2, "peak energy");
constexpr Field kPeakCentroid = real_field(12, 21, 2, "peak centroid");
constexpr Field kPeakWidth = real_field(23, 30, 2, "peak width");
constexpr Field kPeakFwhm = real_field(32, 41, 2, "FWHM");
constexpr Field kPeakEff = real_field(43, 50, 2, "efficiency");
constexpr Field kPeakArea = real_field(52, 61, 2, "net area");
constexpr Field kPeakError = real_field(63, 72, 2, "net area uncertainty");
constexpr Field kRoi = integer_field(1, 3, "ROI");
constexpr Field kRoiNuclide = text_field(5, 12, "ROI nuclide");
constexpr Field kNetCounts = real_field(14, 23, 2, "net counts");
constexpr Field kNetError = real_field(25, 37, 2, "net count error");
constexpr Field kRoiLc = real_field(39, 46, 2, "LC");
constexpr Field kRoiEff = real_field(48, 57, 2, "efficiency");
constexpr Field kRoiEffError = real_field(59, 71, 2, "efficiency error");
constexpr Field kBetaLow = integer_field(5, 22, "beta low channel");
constexpr Field kBetaHigh = integer_field(24, 42, "beta high channel");
constexpr Field kGammaLow = integer_field(44, 62, "gamma low channel");
constexpr Field kGammaHigh = integer_field(64, 83, "gamma high channel");

// ---- Processing Parameters (Figure 8) ----
constexpr Field kParameterLabel = at(1, 26, "label");
constexpr Field kParameterValue = text_field(28, 80, "parameter value");

// ---- Flags (Tables 154-158) ----
constexpr Field kFlagName = text_field(1, 24, "flag name");
constexpr Field kFlagPass = text_field(26, 34, "Pass/Fail");
constexpr Field kFlagValue = text_field(36, 47, "flag value");
constexpr Field kFlagTest = text_field(49, 120, "flag test");
constexpr Field kScreeningLabel = at(1, 50, "label");
constexpr Field kScreeningValue = text_field(52, 120, "YES/NO/value");
constexpr std::array<std::string_view, 10> kScreeningLabels = {
    "Xenon Isotopes present in this spectrum",
    "Only one Xenon Isotope in spectrum",
    "Number of days since last Xenon detection",
    "2 or more Xenon Isotopes present in this spectrum",
    "Xe-133 present in spectrum",
    "Number of times Xe-133 seen in last 365 days",
    "Short term flag",
    "- Xe-133m/131m > 2",
    "- Xe-135/133 > 5",
    "- Xe-133m/133 > 0.3"};
constexpr std::string_view kRatios = "Isotopic ratios:";

bool starts(std::string_view text, std::string_view label) {
  return match_label(text, label).has_value();
}

std::size_t token_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!is_blank(text[i]) && (i == 0 || is_blank(text[i - 1]))) ++n;
  return n;
}

std::string_view first_token(std::string_view t) {
  t = trim(t);
  return t.substr(0, t.find_first_of(" \t"));
}

// ---- Title and Sample Information ----

void read_title(const std::vector<Line>& lines, bool reviewed, NobleGasReport& r, Diagnostics& d, Mode mode,
                Position& time_difference_at) {
  for (const Line& line : lines) {
    const std::string_view t = trim(line.text);
    ValueReader v(line, d, kRule);
    if (t.empty() || iequals(t, "IDC Generated Report") || iequals(t, "Noble Gas Version")) continue;
    if (iequals(t, "Automatic Radionuclide Report") || iequals(t, "Reviewed Radionuclide Report")) {
      if (iequals(t, "Reviewed Radionuclide Report") != reviewed)
        deviation(d, mode, v.at(t), fmt::format("the title '{}' does not match the data type", t),
                  std::string(kRrrRule));
      continue;
    }
    if (auto l = labelled(line.text, kCreation)) {
      r.title.creation = v.date_time(l->first, "creation date");
    } else if (auto l = labelled(line.text, kArrival)) {
      r.title.arrival = v.date_time(l->first, "sample arrival time");
    } else if (auto l = labelled(line.text, kTimeDifference)) {
      r.title.time_difference_s = v.duration(l->first, "time difference");
      time_difference_at = v.at(l->first);
    } else {
      keep_untyped(line, r.title_extra, d, mode, kRule);
    }
  }
}

struct Where {
  Position time_difference, sampling, processing, acquisition, category;
  std::vector<Position> isotopes;  // per isotope category row
  std::vector<std::vector<Position>> activity_rows;
  std::vector<Position> flags;  // per timeliness + quality flag
};

void read_sample(const SourceSection& s, NobleGasSampleInformation& m, Diagnostics& d, Mode mode,
                 Where& where) {
  for (const Line& line : s.lines) {
    ValueReader v(line, d, kRule);
    if (auto l = labelled(line.text, kAnalysisComments)) {
      auto& c = m.analysis_comments.emplace();
      Diagnostics scratch;
      ValueReader probe(line, scratch, kRrrRule);
      c.entered = probe.date_time(l->first, "comment date");
      if (!c.entered) c.heading_text = l->first;
      continue;
    }
    if (m.analysis_comments) {
      m.analysis_comments->lines.emplace_back(trim_right(line.text));
      continue;
    }
    if (is_blank_text(line.text)) continue;
    if (auto l = labelled(line.text, kStation, kDetector)) {
      m.station = l->first;
      m.detector = l->second;
    } else if (auto l = labelled(line.text, kAuthenticated)) {
      m.authenticated = v.yes_no(l->first, "authentication result");
    } else if (auto l = labelled(line.text, kLocation)) {
      m.location = l->first;
    } else if (auto l = labelled(line.text, kDescription)) {
      m.detector_description = l->first;
    } else if (auto l = labelled(line.text, kTechnology)) {
      m.system_technology = l->first;
    } else if (auto l = labelled(line.text, kSrid)) {
      m.sample_reference_id = l->first;
    } else if (auto l = labelled(line.text, kSampleId)) {
      m.sample_id = v.integer(l->first, "sample ID");
    } else if (auto l = labelled(line.text, kVolume, kType)) {
      m.xe_volume_ml = v.quantity(l->first, "ml", "stable xenon volume");
      m.sample_type = l->second;
    } else if (auto l = labelled(line.text, kCollectionStart, kSampling)) {
      m.collection_start = v.date_time(l->first, "collection start");
      m.sampling_s = v.duration(l->second, "sampling time");
      where.sampling = v.at(l->second);
    } else if (auto l = labelled(line.text, kCollectionStop, kProcessingTime)) {
      m.collection_stop = v.date_time(l->first, "collection stop");
      m.processing_s = v.duration(l->second, "processing time");
      where.processing = v.at(l->second);
    } else if (auto l = labelled(line.text, kAcquisitionStart, kAcquisitionTime)) {
      m.acquisition_start = v.date_time(l->first, "acquisition start");
      m.acquisition_s = v.duration(l->second, "acquisition time");
      where.acquisition = v.at(l->second);
    } else if (auto l = labelled(line.text, kAcquisitionStop)) {
      m.acquisition_stop = v.date_time(l->first, "acquisition stop");
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
  if (m.analysis_comments) {
    auto& lines = m.analysis_comments->lines;
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
  }
}

void read_categorization(const SourceSection& s, NobleGasCategorization& m, Diagnostics& d, Mode mode,
                         Where& where) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Categorization Legend") || starts(t, "Level ") ||
        iequals(t, "Isotope category") || starts(t, "Isotope Nuclide detected"))
      continue;
    if (auto l = labelled(t, kSpectrumCategory)) {
      ValueReader v(line, d, kRule);
      const std::string_view rest = l->first;
      m.spectrum_category = first_token(rest);
      where.category = v.at(rest);
      std::string_view description = rest.substr(m.spectrum_category.size());
      m.description =
          trim(description.substr(std::min(description.find_first_not_of("- \t"), description.size())));
      continue;
    }
    if (token_count(t) >= 4) {
      const std::size_t before = m.isotopes.size();
      read_row(line, m.isotopes, m.extra, d, kRule, [](RecordReader& r) {
        XenonIsotopeCategory c;
        c.isotope = r.text(kIsotope);
        c.detected = row_yes_no(r, kDetected);
        c.abnormal_limit = row_real(r, kAbnormalLimit);
        c.category = r.text(kCategory);
        return c;
      });
      if (m.isotopes.size() > before) where.isotopes.push_back({line.number, 1});
      continue;
    }
    keep_untyped(line, m.extra, d, mode, kRule);
  }
}

XenonActivity read_xenon_row(RecordReader& r, bool beta_gamma) {
  XenonActivity a;
  a.nuclide = r.text(kNuclide);
  a.half_life = row_half_life(r, kHalfLife, kHalfLifeUnit);
  a.activity = row_real(r, kActivity);
  a.activity_stat_error = row_real(r, kActStat);
  a.activity_sys_error = row_real(r, kActSys);
  a.activity_total_error = row_real(r, kActTotal);
  a.concentration = row_real(r, kConc);
  a.concentration_stat_error = row_real(r, kConcStat);
  a.concentration_sys_error = row_real(r, kConcSys);
  a.concentration_total_error = row_real(r, kConcTotal);
  if (beta_gamma) {
    a.lc = row_real(r, kLc);
    a.mdc = row_real(r, kMdc);
  } else {
    a.mdc = row_real(r, kMdiMdc);
  }
  return a;
}

void read_activity(const SourceSection& s, NobleGasActivitySummary& m, bool beta_gamma, Diagnostics& d,
                   Mode mode, Where& where) {
  enum { none, radon, xenon } state = none;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Nuclide Half-Life")) continue;
    ValueReader v(line, d, kRule);
    if (auto l = labelled(t, kRadonCounts)) {
      m.radon_counts = v.real(l->first, "radon counts");
    } else if (starts(t, kRadonLevel)) {
      state = radon;
    } else if (auto l = labelled(t, kXenonIsotopes)) {
      state = xenon;
      // "Xenon isotopes - Beta gamma matrix (BGM) analysis method" names the method on the same line.
      std::string_view method = l->first;
      if (!method.empty() && method.front() == '-') method = trim(method.substr(1));
      if (!method.empty()) m.tables.push_back({std::string(method), {}});
    } else if (state == radon && token_count(t) == 5) {
      std::vector<RadonLevel> rows;
      read_row(line, rows, m.extra, d, kRule, [](RecordReader& r) {
        RadonLevel l;
        l.nuclide = r.text(kNuclide);
        l.half_life = row_half_life(r, kHalfLife, kHalfLifeUnit);
        l.area = row_real(r, kRadonArea);
        l.area_error = row_real(r, kRadonError);
        return l;
      });
      if (!rows.empty()) m.radon = rows.front();
    } else if (state == xenon && token_count(t) >= 12) {
      if (m.tables.empty()) m.tables.emplace_back();
      const std::size_t before = m.tables.back().rows.size();
      read_row(line, m.tables.back().rows, m.extra, d, kRule,
               [&](RecordReader& r) { return read_xenon_row(r, beta_gamma); });
      if (m.tables.back().rows.size() > before) {
        where.activity_rows.resize(m.tables.size());
        where.activity_rows.back().push_back({line.number, 1});
      }
    } else if (state == xenon && token_count(t) < 12 && !is_elision(t)) {
      m.tables.push_back({std::string(t), {}});  // "Peak Fit Method", "Decay Analysis Method"
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

void read_results(const SourceSection& s, ProcessingSpecificResults& m, bool beta_gamma, Diagnostics& d,
                  Mode mode) {
  enum { none, results, limits } state = none;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Xenon Peak Data") || starts(t, "Energy (keV)") || starts(t, "ROI Nuclide") ||
        starts(t, "ROI BetaLow"))
      continue;
    if (starts(t, "ROI Net Count Results")) {
      state = results;
    } else if (starts(t, "ROI Limits")) {
      state = limits;
    } else if (!beta_gamma && token_count(t) == 7) {
      read_row(line, m.peaks, m.extra, d, kRule, [](RecordReader& r) {
        XenonPeak p;
        p.energy = row_real(r, kPeakEnergy);
        p.centroid = row_real(r, kPeakCentroid);
        p.width = row_real(r, kPeakWidth);
        p.fwhm = row_real(r, kPeakFwhm);
        p.efficiency = row_real(r, kPeakEff);
        p.net_area = row_real(r, kPeakArea);
        p.area_error = row_real(r, kPeakError);
        return p;
      });
    } else if (state == results && token_count(t) == 7) {
      read_row(line, m.roi_results, m.extra, d, kRule, [](RecordReader& r) {
        RoiNetCount n;
        n.roi = row_integer(r, kRoi);
        n.nuclide = r.text(kRoiNuclide);
        n.net_counts = row_real(r, kNetCounts);
        n.net_error = row_real(r, kNetError);
        n.lc = row_real(r, kRoiLc);
        n.efficiency = row_real(r, kRoiEff);
        n.efficiency_error = row_real(r, kRoiEffError);
        return n;
      });
    } else if (state == limits && token_count(t) == 5) {
      read_row(line, m.roi_limits, m.extra, d, kRule, [](RecordReader& r) {
        RoiChannels c;
        c.roi = row_integer(r, kRoi);
        c.beta_low = row_integer(r, kBetaLow);
        c.beta_high = row_integer(r, kBetaHigh);
        c.gamma_low = row_integer(r, kGammaLow);
        c.gamma_high = row_integer(r, kGammaHigh);
        return c;
      });
    } else if (beta_gamma && state == none && m.method.empty() && !is_elision(t)) {
      m.method = t;
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

void read_processing(const SourceSection& s, NobleGasProcessingParameters& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    if (is_blank_text(line.text)) continue;
    ValueReader v(line, d, kRule);
    if (auto l = labelled(line.text, "Risk level k:")) {
      m.risk_level = v.real(l->first, "risk level");
    } else if (auto l = labelled(line.text, "Baseline algorithm:")) {
      m.baseline_algorithm = l->first;
    } else if (auto l = labelled(line.text, "Gas background used:")) {
      m.gas_background_used = v.yes_no(l->first, "gas background used");
    } else if (auto l = labelled(line.text, "Detector background used:")) {
      m.detector_background_used = v.yes_no(l->first, "detector background used");
    } else if (auto l = labelled(line.text, "Interference corrections:")) {
      m.interference_corrections = v.yes_no(l->first, "interference corrections");
    } else if (auto l = labelled(line.text, "Analysis method:")) {
      m.analysis_method = l->first;
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

// "Previous Sample Present Pass 6739323 -1/2 day sample available": the name runs to the Pass/Fail word.
void read_flags(const SourceSection& s, FlagTable& m, Diagnostics& d, Mode mode, Where& where) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Name Pass/Fail")) continue;
    const auto tokens = LogicalLine(line).tokens();
    std::size_t pass = 1;
    while (pass < tokens.size() && !iequals(tokens[pass].text, "PASS") &&
           !iequals(tokens[pass].text, "FAIL") && tokens[pass].text != "N/A")
      ++pass;
    if (pass + 1 >= tokens.size()) {
      keep_untyped(line, m.extra, d, mode, kRule);
      continue;
    }
    ReportFlag f;
    const std::string_view text = line.text;
    const auto offset = [&](std::size_t i) {
      return static_cast<std::size_t>(tokens[i].text.data() - text.data());
    };
    f.name = trim(text.substr(0, offset(pass)));
    ValueReader v(line, d, kRule);
    f.pass = v.pass_fail(tokens[pass].text, "Pass/Fail");
    const std::string_view value = tokens[pass + 1].text;
    if (value != "N/A") {
      f.value = parse_real(value);
      if (!f.value) f.value_text = value;
    }
    if (pass + 2 < tokens.size()) f.test = trim(text.substr(offset(pass + 2)));
    where.flags.push_back(v.at(value));
    m.flags.push_back(std::move(f));
  }
}

void read_screening(const SourceSection& s, NobleGasEventScreening& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Name YES/NO/Value") || starts(t, kRatios)) continue;
    ValueReader v(line, d, kRule);
    std::size_t i = 0;
    std::optional<Labelled> l;
    while (i < kScreeningLabels.size() && !(l = labelled(line.text, kScreeningLabels[i]))) ++i;
    if (!l) {
      keep_untyped(line, m.extra, d, mode, kRule);
      continue;
    }
    const std::string_view what = kScreeningLabels[i];
    switch (i) {
      case 0:
        m.xenon_present = v.yes_no(l->first, what);
        break;
      case 1:
        m.only_one_xenon = v.yes_no(l->first, what);
        break;
      case 2:
        m.days_since_last_detection = v.integer(l->first, what);
        break;
      case 3:
        m.two_or_more_xenon = v.yes_no(l->first, what);
        break;
      case 4:
        m.xe133_present = v.yes_no(l->first, what);
        break;
      case 5:
        m.xe133_times_seen_365_days = v.integer(l->first, what);
        break;
      case 6:
        m.short_term_flag = l->first;
        break;
      case 7:
        m.ratio_133m_131m_above_2 = v.yes_no(l->first, what);
        break;
      case 8:
        m.ratio_135_133_above_5 = v.yes_no(l->first, what);
        break;
      default:
        m.ratio_133m_133_above_0_3 = v.yes_no(l->first, what);
        break;
    }
  }
}

// "Beta Energy To Channel : C(E)= t0 + t1 E + t2 E^2", then "t0 : -7.83515" lines (or all on one line).
void read_equations(const SourceSection& s, NobleGasCalibrationEquations& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty()) continue;
    ValueReader v(line, d, kRule);
    const auto colon = t.find(" :");
    if (colon != std::string_view::npos && t.find('=') != std::string_view::npos) {
      m.equations.push_back({std::string(trim(t.substr(0, colon))), {}});
      continue;
    }
    const auto tokens = LogicalLine(line).tokens();
    bool coefficients = !m.equations.empty() && tokens.size() % 3 == 0 && !tokens.empty();
    for (std::size_t i = 0; coefficients && i < tokens.size(); i += 3)
      coefficients = tokens[i].text == fmt::format("t{}", m.equations.back().coefficients.size() + i / 3) &&
                     tokens[i + 1].text == ":";
    if (!coefficients) {
      keep_untyped(line, m.extra, d, mode, kRule);
      continue;
    }
    for (std::size_t i = 0; i < tokens.size(); i += 3) {
      auto x = v.real(tokens[i + 2].text, fmt::format("coefficient {}", tokens[i].text));
      m.equations.back().coefficients.push_back(x.value_or(0));
    }
  }
}

std::string equation_form(const CalibrationEquation& e) {
  const bool to_channel = iequals(e.name, "Beta Energy To Channel") ||
                          iequals(e.name, "Gamma Energy To Channel") || istarts_with(e.name, "Beta") ||
                          istarts_with(e.name, "Gamma");
  const bool resolution = iequals(e.name, "Resolution");
  const char variable = to_channel || resolution ? 'E' : 'C';
  std::string terms;
  for (std::size_t i = 0; i < e.coefficients.size(); ++i) {
    if (i > 0) terms += " + ";
    terms += fmt::format("t{}", i);
    if (i == 1) terms += fmt::format(" {}", variable);
    if (i > 1) terms += fmt::format(" {}^{}", variable, i);
  }
  if (resolution) return fmt::format("R(E)= sqrt({})", terms);
  return fmt::format("{}= {}", to_channel ? "C(E)" : "E(C)", terms);
}

// ---- Relations (DIGEST §4.2 [V]) ----

int category_rank(std::string_view c) {
  return c.size() == 1 ? ascii_upper(c[0]) - 'A' : -1;
}

void check(Diagnostics& d, Mode mode, Position at, std::optional<double> printed,
           std::optional<double> derived, double tolerance, std::string_view what, std::string_view relation,
           std::string_view rule) {
  if (!printed || !derived || std::abs(*printed - *derived) <= tolerance) return;
  deviation(d, mode, at, fmt::format("{} {} is not {} ({:.6g})", what, *printed, relation, *derived),
            std::string(rule));
}

std::optional<double> seconds_between(std::optional<TimePoint> from, std::optional<TimePoint> to) {
  if (!from || !to) return std::nullopt;
  return std::chrono::duration<double>(*to - *from).count();
}

void check_relations(const NobleGasReport& r, bool beta_gamma, const Where& where, Diagnostics& d,
                     Mode mode) {
  const auto& s = r.sample;
  constexpr std::string_view kTable = "7.8.1.2 (Figure 4)";
  check(d, mode, where.time_difference, r.title.time_difference_s,
        seconds_between(r.title.arrival, r.title.creation), 1.05, "time difference",
        "creation date - sample arrival time", "7.8.1.2 (Figure 3)");
  check(d, mode, where.sampling, s.sampling_s, seconds_between(s.collection_start, s.collection_stop), 1.0,
        "sampling time", "collection stop - collection start", kTable);
  check(d, mode, where.processing, s.processing_s, seconds_between(s.collection_stop, s.acquisition_start),
        1.0, "processing time", "acquisition start - collection stop", kTable);
  check(d, mode, where.acquisition, s.acquisition_s, seconds_between(s.acquisition_start, s.acquisition_stop),
        1.0, "acquisition time", "acquisition stop - acquisition start", kTable);

  for (std::size_t t = 0; t < r.activity.tables.size() && t < where.activity_rows.size(); ++t) {
    const auto& rows = r.activity.tables[t].rows;
    for (std::size_t i = 0; i < rows.size() && i < where.activity_rows[t].size(); ++i) {
      const auto& a = rows[i];
      const auto quadrature = [](std::optional<double> x, std::optional<double> y) -> std::optional<double> {
        if (!x || !y) return std::nullopt;
        return std::hypot(*x, *y);
      };
      // Three values printed with 2 decimals: up to 0.005 each.
      check(d, mode, where.activity_rows[t][i], a.activity_total_error,
            quadrature(a.activity_stat_error, a.activity_sys_error), 0.0151,
            fmt::format("{} activity TotalErr", a.nuclide), "the quadrature of StatErr and SysErr",
            beta_gamma ? "7.8.1.2 (Table 150)" : "7.8.1.2 (Table 149)");
      check(d, mode, where.activity_rows[t][i], a.concentration_total_error,
            quadrature(a.concentration_stat_error, a.concentration_sys_error), 0.0151,
            fmt::format("{} concentration TotalErr", a.nuclide), "the quadrature of StatErr and SysErr",
            beta_gamma ? "7.8.1.2 (Table 150)" : "7.8.1.2 (Table 149)");
    }
  }

  int highest = -1;
  for (const auto& i : r.categorization.isotopes) highest = std::max(highest, category_rank(i.category));
  const int spectrum = category_rank(r.categorization.spectrum_category);
  if (highest >= 0 && spectrum >= 0 && spectrum != highest)
    deviation(d, mode, where.category,
              fmt::format("spectrum category {} is not the highest isotope category {}",
                          r.categorization.spectrum_category, char('A' + highest)),
              "7.8.1.2 (Figure 5)");

  if (beta_gamma && !r.activity.tables.empty()) {
    const auto& rows = r.activity.tables.front().rows;
    for (std::size_t i = 0; i < r.categorization.isotopes.size() && i < where.isotopes.size(); ++i) {
      const auto& c = r.categorization.isotopes[i];
      const auto a = std::find_if(rows.begin(), rows.end(),
                                  [&](const XenonActivity& x) { return iequals(x.nuclide, c.isotope); });
      if (a == rows.end() || !c.detected || !a->concentration || !a->lc) continue;
      const bool above = *a->concentration > *a->lc;
      if (above != *c.detected)
        deviation(
            d, mode, where.isotopes[i],
            fmt::format("{}: 'Nuclide detected' is {} but Conc {} is {} LC {}", c.isotope,
                        *c.detected ? "YES" : "NO", *a->concentration, above ? "above" : "not above", *a->lc),
            "7.8.1.2 (Table 148)");
    }
  }

  // Flag values repeat report values (DIGEST §4.8 V5, V8).
  std::size_t index = 0;
  for (const FlagTable* table : {&r.timeliness, &r.quality}) {
    for (const ReportFlag& f : table->flags) {
      const Position at = index < where.flags.size() ? where.flags[index] : Position{};
      ++index;
      std::optional<double> derived;
      double tolerance = 0.0051;
      if (iequals(f.name, "Collection Time") && s.sampling_s) derived = *s.sampling_s / 3600.0;
      if (iequals(f.name, "Acquisition Time") && s.acquisition_s) derived = *s.acquisition_s / 3600.0;
      if (iequals(f.name, "Response Time")) {
        if (auto x = seconds_between(s.collection_start, r.title.arrival)) derived = *x / 3600.0;
      }
      if (iequals(f.name, "Stable Xenon Volume")) derived = s.xe_volume_ml;
      if (derived)
        check(d, mode, at, f.value, derived, tolerance, f.name, "the value the report derives it from",
              "7.8.1.2 (Tables 155, 157)");
    }
  }
}

}  // namespace

const std::vector<std::string_view>& noble_gas_titles() {
  static const std::vector<std::string_view> titles = {
      "Sample Information",
      "Measurement Categorization",
      "Activity Summary and Minimum Detectable Concentration for Xenon Isotopes",
      "Processing Specific Parameters and Results",
      "Processing Parameters",
      "Calibration Parameters",
      "Data Timeliness and Availability Flags",
      "Data Quality Flags",
      "Event Screening Flags",
      "Calibration Equations"};
  return titles;
}

NobleGasReport read_noble_gas(const SplitReport& split, bool reviewed, bool beta_gamma, Diagnostics& d,
                              Mode mode) {
  NobleGasReport r;
  Where where;
  read_title(split.title_block, reviewed, r, d, mode, where.time_difference);
  for (const SourceSection& s : split.sections) {
    switch (s.id) {
      case kSampleSection:
        read_sample(s, r.sample, d, mode, where);
        break;
      case kCategorizationSection:
        read_categorization(s, r.categorization, d, mode, where);
        break;
      case kActivitySection:
        read_activity(s, r.activity, beta_gamma, d, mode, where);
        break;
      case kResultsSection:
        read_results(s, r.processing_results, beta_gamma, d, mode);
        break;
      case kProcessingSection:
        read_processing(s, r.processing, d, mode);
        break;
      case kCalibrationSection:
        read_calibration_parameters(s.lines, r.calibration, d, mode, kRule);
        break;
      case kTimelinessSection:
        read_flags(s, r.timeliness, d, mode, where);
        break;
      case kQualitySection:
        read_flags(s, r.quality, d, mode, where);
        break;
      case kScreeningSection:
        read_screening(s, r.event_screening, d, mode);
        break;
      case kEquationsSection:
        read_equations(s, r.equations, d, mode);
        break;
      default:
        break;
    }
  }
  check_relations(r, beta_gamma, where, d, mode);
  return r;
}

// ---- Writing ----

namespace {

Cell fixed_cell(const Field& f, std::optional<double> v) {
  return number(f, f.kind == Field::Kind::exponent ? format_exp(v, f.decimals) : format_fixed(v, f.decimals));
}

void write_flags(const FlagTable& t, Document& doc) {
  doc.head({label(kFlagName, "Name"), label(kFlagPass, "Pass/Fail"), label(kFlagValue, "Value"),
            label(kFlagTest, "Test")});
  for (const ReportFlag& f : t.flags) {
    std::string v = "N/A";
    if (f.value)
      v = iequals(f.name, "Previous Sample Present") && *f.value == std::round(*f.value)
              ? fmt::format("{}", static_cast<std::int64_t>(*f.value))
              : format_fixed(f.value, 2);
    if (!f.value_text.empty()) v = f.value_text;
    doc.row({value(kFlagName, f.name), value(kFlagPass, f.pass ? (*f.pass ? "Pass" : "Fail") : "N/A"),
             value(kFlagValue, v), value(kFlagTest, f.test)});
  }
  doc.extra(t.extra);
  doc.blank();
}

}  // namespace

void write_noble_gas(const NobleGasReport& r, bool reviewed, bool beta_gamma, Document& doc) {
  const auto& titles = noble_gas_titles();
  doc.title(1, "IDC Generated Report");
  doc.title(1, reviewed ? "Reviewed Radionuclide Report" : "Automatic Radionuclide Report");
  doc.title(1, "Noble Gas Version");
  doc.blank();
  doc.title(1, fmt::format("{} {}", kCreation, format_date_time(r.title.creation, DateStyle::dash_seconds)));
  doc.title(1, fmt::format("{} {}", kArrival, format_date_time(r.title.arrival, DateStyle::dash_seconds)));
  doc.title(1, fmt::format("{} {}", kTimeDifference, format_duration(r.title.time_difference_s, 1)));
  doc.extra(r.title_extra);
  doc.blank();

  const auto& s = r.sample;
  doc.heading(std::string(titles[kSampleSection]));
  doc.blank();
  doc.grid({label(kLabel1, kStation), value(kValue1, s.station), label(kLabel2, kDetector),
            value(kValue2, s.detector)});
  doc.grid({label(kLabel1, kAuthenticated), value(kValue1, format_yes_no(s.authenticated))});
  doc.blank();
  doc.grid({label(kLabel1, kLocation), value(kWideValue, s.location)});
  doc.grid({label(kLabel1, kDescription), value(kWideValue, s.detector_description)});
  doc.grid({label(kLabel1, kTechnology), value(kWideValue, s.system_technology)});
  doc.blank();
  doc.grid({label(kLabel1, kSrid), value(kWideValue, s.sample_reference_id)});
  doc.grid({label(kLabel1, kSampleId), value(kWideValue, format_integer(s.sample_id))});
  doc.grid({label(kLabel1, kVolume), value(kValue1, format_fixed(s.xe_volume_ml, 2) + " ml"),
            label(kLabel2, kType), value(kValue2, s.sample_type)});
  doc.blank();
  const auto times = [&](std::string_view l1, std::optional<TimePoint> t, std::string_view l2,
                         std::optional<double> seconds) {
    std::vector<Cell> cells = {label(kLabel1, l1),
                               value(kValue1, format_date_time(t, DateStyle::dash_seconds))};
    if (!l2.empty()) {
      cells.push_back(label(kLabel2, l2));
      cells.push_back(value(kValue2, format_duration(seconds, 0)));
    }
    doc.grid(std::move(cells));
  };
  times(kCollectionStart, s.collection_start, kSampling, s.sampling_s);
  times(kCollectionStop, s.collection_stop, kProcessingTime, s.processing_s);
  times(kAcquisitionStart, s.acquisition_start, kAcquisitionTime, s.acquisition_s);
  times(kAcquisitionStop, s.acquisition_stop, "", std::nullopt);
  doc.extra(s.extra);
  doc.blank();
  if (s.analysis_comments) {
    const auto& c = *s.analysis_comments;
    doc.text(1,
             fmt::format("{}{}", kAnalysisComments,
                         c.entered ? format_date_time(c.entered, DateStyle::dash_seconds) : c.heading_text));
    for (const auto& l : c.lines) doc.text(1, l);
    doc.blank();
  }

  const auto& c = r.categorization;
  doc.heading(std::string(titles[kCategorizationSection]));
  doc.blank();
  doc.text(1, "Categorization Legend");
  doc.blank();
  for (std::string_view level : kLevels) doc.text(1, std::string(level));
  doc.blank();
  doc.text(1, "Isotope category");
  doc.head({label(kIsotope, "Isotope"), label(kDetected, "Nuclide detected"),
            label(kAbnormalLimit, "Abnormal_limit (mBq/m3)"), label(kCategory, "Category")});
  for (const auto& i : c.isotopes)
    doc.row({value(kIsotope, i.isotope), value(kDetected, format_yes_no(i.detected)),
             value(at(kAbnormalLimit.first, 10, "abnormal limit"), format_exp(i.abnormal_limit, 2)),
             value(kCategory, i.category)});
  doc.extra(c.extra);
  doc.blank();
  doc.text(1, fmt::format("{} {} - {}", kSpectrumCategory, c.spectrum_category, c.description));
  doc.blank();

  const auto& a = r.activity;
  doc.heading(std::string(titles[kActivitySection]));
  doc.blank();
  if (beta_gamma) {
    doc.grid({label(at(1, 29, "label"), kRadonCounts),
              value(text_field(31, 50, "radon counts"), format_shortest(a.radon_counts))});
    doc.blank();
  } else {
    doc.text(1, std::string(kRadonLevel));
    doc.head({label(kNuclide, "Nuclide"), label(kHalfLife, "Half-Life"), label(kRadonArea, "Area"),
              label(kRadonError, "RelErr (%)")});
    if (a.radon)
      doc.row({value(kNuclide, a.radon->nuclide), value(kHalfLife, format_half_life(a.radon->half_life)),
               fixed_cell(kRadonArea, a.radon->area), fixed_cell(kRadonError, a.radon->area_error)});
    doc.blank();
    doc.text(1, std::string(kXenonIsotopes));
    doc.blank();
  }
  for (const XenonActivityTable& t : a.tables) {
    doc.text(1, beta_gamma ? fmt::format("{} - {}", kXenonIsotopes, t.method) : t.method);
    doc.blank();
    std::vector<Cell> head = {label(kNuclide, "Nuclide"),         label(kHalfLife, "Half-Life"),
                              label(kActivity, "Activity (mBq)"), label(kActStat, "StatErr (%)"),
                              label(kActSys, "SysErr (%)"),       label(kActTotal, "TotalErr (%)"),
                              label(kConc, "Conc (mBq/m3)"),      label(kConcStat, "StatErr (%)"),
                              label(kConcSys, "SysErr (%)"),      label(kConcTotal, "TotalErr (%)")};
    if (beta_gamma) {
      head.push_back(label(kLc, "LC (mBq/m3)"));
      head.push_back(label(kMdc, "MDC (mBq/m3)"));
    } else {
      head.push_back(label(kMdiMdc, "MDI/MDC"));
    }
    doc.head(std::move(head));
    for (const XenonActivity& x : t.rows) {
      std::vector<Cell> cells = {value(kNuclide, x.nuclide),
                                 value(kHalfLife, format_half_life(x.half_life)),
                                 fixed_cell(kActivity, x.activity),
                                 fixed_cell(kActStat, x.activity_stat_error),
                                 fixed_cell(kActSys, x.activity_sys_error),
                                 fixed_cell(kActTotal, x.activity_total_error),
                                 fixed_cell(kConc, x.concentration),
                                 fixed_cell(kConcStat, x.concentration_stat_error),
                                 fixed_cell(kConcSys, x.concentration_sys_error),
                                 fixed_cell(kConcTotal, x.concentration_total_error)};
      if (beta_gamma) {
        cells.push_back(fixed_cell(kLc, x.lc));
        cells.push_back(fixed_cell(kMdc, x.mdc));
      } else {
        cells.push_back(fixed_cell(kMdiMdc, x.mdc));
      }
      doc.row(std::move(cells));
    }
    doc.blank();
  }
  doc.extra(a.extra);

  const auto& p = r.processing_results;
  doc.heading(std::string(titles[kResultsSection]));
  doc.blank();
  if (beta_gamma) {
    if (!p.method.empty()) doc.text(1, p.method);
    doc.blank();
    doc.text(1, "ROI Net Count Results");
    doc.head({label(kRoi, "ROI"), label(kRoiNuclide, "Nuclide"), label(kNetCounts, "Net Counts"),
              label(kNetError, "Abs Net Error"), label(kRoiLc, "LC"), label(kRoiEff, "Efficiency"),
              label(kRoiEffError, "Abs Eff Error")});
    for (const RoiNetCount& n : p.roi_results)
      doc.row({number(kRoi, format_integer(n.roi)), value(kRoiNuclide, n.nuclide),
               fixed_cell(kNetCounts, n.net_counts), fixed_cell(kNetError, n.net_error),
               fixed_cell(kRoiLc, n.lc), fixed_cell(kRoiEff, n.efficiency),
               fixed_cell(kRoiEffError, n.efficiency_error)});
    doc.blank();
    doc.text(1, "ROI Limits (channels)");
    doc.head({label(kRoi, "ROI"), label(kBetaLow, "BetaLow (channels)"),
              label(kBetaHigh, "BetaHigh (channels)"), label(kGammaLow, "GammaLow (channels)"),
              label(kGammaHigh, "GammaHigh (channels)")});
    for (const RoiChannels& l : p.roi_limits)
      doc.row({number(kRoi, format_integer(l.roi)), number(kBetaLow, format_integer(l.beta_low)),
               number(kBetaHigh, format_integer(l.beta_high)), number(kGammaLow, format_integer(l.gamma_low)),
               number(kGammaHigh, format_integer(l.gamma_high))});
  } else {
    doc.text(1, "Xenon Peak Data");
    doc.blank();
    doc.head({label(kPeakEnergy, "Energy (keV)"), label(kPeakCentroid, "Centroid"),
              label(kPeakWidth, "Width"), label(kPeakFwhm, "FWHM (keV)"), label(kPeakEff, "Eff (%)"),
              label(kPeakArea, "Net Area"), label(kPeakError, "RelErr (%)")});
    for (const XenonPeak& k : p.peaks)
      doc.row({fixed_cell(kPeakEnergy, k.energy), fixed_cell(kPeakCentroid, k.centroid),
               fixed_cell(kPeakWidth, k.width), fixed_cell(kPeakFwhm, k.fwhm),
               fixed_cell(kPeakEff, k.efficiency), fixed_cell(kPeakArea, k.net_area),
               fixed_cell(kPeakError, k.area_error)});
  }
  doc.extra(p.extra);
  doc.blank();

  const auto& q = r.processing;
  doc.heading(std::string(titles[kProcessingSection]));
  doc.blank();
  doc.grid({label(kParameterLabel, beta_gamma ? "Risk level k:" : "Risk level K:"),
            value(kParameterValue, format_shortest(q.risk_level))});
  if (beta_gamma) {
    doc.grid({label(kParameterLabel, "Gas background used:"),
              value(kParameterValue, format_yes_no(q.gas_background_used))});
    doc.grid({label(kParameterLabel, "Detector background used:"),
              value(kParameterValue, format_yes_no(q.detector_background_used))});
    doc.grid({label(kParameterLabel, "Interference corrections:"),
              value(kParameterValue, format_yes_no(q.interference_corrections))});
    doc.grid({label(kParameterLabel, "Analysis method:"), value(kParameterValue, q.analysis_method)});
  } else {
    doc.grid({label(kParameterLabel, "Baseline algorithm:"), value(kParameterValue, q.baseline_algorithm)});
  }
  doc.extra(q.extra);
  doc.blank();

  doc.heading(std::string(titles[kCalibrationSection]));
  doc.blank();
  if (beta_gamma) {
    const Field l = at(1, 33, "label"), v = text_field(35, 37, "YES or NO");
    doc.grid({label(l, "Gamma energy calibration updated:"),
              value(v, format_yes_no(r.calibration.gamma_energy_updated))});
    doc.grid({label(l, "Beta energy calibration updated:"),
              value(v, format_yes_no(r.calibration.beta_energy_updated))});
    doc.extra(r.calibration.extra);
  } else {
    write_calibration_parameters(r.calibration, true, doc);
  }
  doc.blank();

  doc.heading(std::string(titles[kTimelinessSection]));
  doc.blank();
  write_flags(r.timeliness, doc);
  doc.heading(std::string(titles[kQualitySection]));
  doc.blank();
  write_flags(r.quality, doc);

  const auto& e = r.event_screening;
  doc.heading(std::string(titles[kScreeningSection]));
  doc.blank();
  doc.head({label(kScreeningLabel, "Name"), label(kScreeningValue, "YES/NO/Value")});
  doc.blank();
  const std::array<std::string, 10> values = {format_yes_no(e.xenon_present),
                                              format_yes_no(e.only_one_xenon),
                                              format_integer(e.days_since_last_detection),
                                              format_yes_no(e.two_or_more_xenon),
                                              format_yes_no(e.xe133_present),
                                              format_integer(e.xe133_times_seen_365_days),
                                              e.short_term_flag,
                                              format_yes_no(e.ratio_133m_131m_above_2),
                                              format_yes_no(e.ratio_135_133_above_5),
                                              format_yes_no(e.ratio_133m_133_above_0_3)};
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 7) doc.text(1, std::string(kRatios));
    doc.grid({label(kScreeningLabel, kScreeningLabels[i]), value(kScreeningValue, values[i])});
    if (i < 6) doc.blank();
  }
  doc.extra(e.extra);
  doc.blank();

  doc.heading(std::string(titles[kEquationsSection]));
  doc.blank();
  for (const CalibrationEquation& q2 : r.equations.equations) {
    doc.text(1, fmt::format("{} : {}", q2.name, equation_form(q2)));
    std::string one_line;
    for (std::size_t i = 0; i < q2.coefficients.size(); ++i) {
      const std::string term = fmt::format("t{} : {}", i, q2.coefficients[i]);
      if (beta_gamma) {
        doc.text(1, term);
      } else {
        one_line += (one_line.empty() ? "" : " ") + term;
      }
    }
    if (!beta_gamma) doc.text(1, one_line);
    if (beta_gamma) doc.blank();
  }
  doc.extra(r.equations.extra);
}

}  // namespace imsgate::ims2::rn::arr
