// The particulate ARR/RRR layout (7.8.1.1, Tables 138-147; 7.8.2, Tables 159-161), read by labels and tokens
// and written in the tables' columns.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ims2/rn/arr_layout.hpp"

namespace imsgate::ims2::rn::arr {
namespace {

constexpr std::string_view kRule = "7.8.1.1";
constexpr std::string_view kRrrRule = "7.8.2";

enum Section {
  kSampleSection,
  kCategorizationSection,
  kActivitySection,
  kMdcSection,
  kPeaksSection,
  kSroiSection,
  kNotesSection,
  kProcessingSection,
  kCalibrationSection,
  kTimelinessSection,
  kQualitySection,
  kScreeningSection,
  kEquationsSection,
  kFieldOfRegardSection,
};

// ---- Title block (not in the tables; I.3, I.34) ----
constexpr int kTitleColumn = 12;
constexpr std::string_view kCreation = "Creation Date:";
constexpr std::string_view kArrival = "Sample Arrival Time:";
constexpr std::string_view kTimeDifference = "Time difference from receipt of raw data to report creation:";

// ---- Table 138 ----
constexpr Field kLabel1 = at(1, 19, "label");
constexpr Field kLabel2 = at(41, 20, "label");
constexpr std::string_view kStation = "Station ID:", kDetector = "Detector ID:",
                           kAuthenticated = "Authenticated:", kLocation = "Station Location:",
                           kDescription = "Detector Description:", kSampleId = "Sample ID:",
                           kGeometry = "Sample Geometry:", kQuantity = "Sample Quantity:",
                           kType = "Sample Type:", kCollectionStart = "Collection Start:",
                           kSampling = "Sampling Time:", kCollectionStop = "Collection Stop:",
                           kDecay = "Decay Time:", kAcquisitionStart = "Acquisition Start:",
                           kAcquisitionTime = "Acquisition Time:", kAcquisitionStop = "Acquisition Stop:",
                           kFlow = "Avg Flow Rate:", kStationComments = "Collection Station Comments:",
                           kAnalysisComments = "IDC Analysis General Comments:";
constexpr Field kStationValue = text_field(21, 26, "system code");
constexpr Field kDetectorValue = text_field(61, 70, "detector code");
constexpr Field kAuthenticatedValue = text_field(21, 23, "authentication result");
constexpr Field kLocationValue = text_field(19, 48, "station location");
constexpr Field kDescriptionValue = text_field(23, 73, "detector description");
constexpr Field kSampleIdValue = integer_field(23, 30, "sample ID");
constexpr Field kGeometryValue = text_field(61, 70, "sample geometry");
constexpr Field kQuantityValue = real_field(23, 30, 2, "sample quantity");
constexpr Field kQuantityUnit = text_field(32, 33, "m3");
constexpr Field kTypeValue = text_field(61, 71, "sample type");
constexpr Field kTimeValue = text_field(21, 36, "date and time");
constexpr Field kHoursValue = real_field(63, 67, 2, "hours");
constexpr Field kHoursUnit = text_field(69, 73, "hours");
constexpr Field kFlowValue = real_field(62, 67, 2, "average flow rate");
constexpr Field kFlowUnit = text_field(69, 73, "m3/hr");

// ---- Table 139 ----
constexpr std::array<std::string_view, 5> kLevels = {
    "Level 1 = Typical Background Rad. Meas.", "Level 2 = Anomalous Background Rad. Meas.",
    "Level 3 = Typical Anthropogenic Rad. Meas.", "Level 4 = Anomalous Anthropogenic Rad. Meas.",
    "Level 5 = Mult. Anomalous Anthropogenic Rad. Meas."};
constexpr std::string_view kSpectrumCategory = "Spectrum Category";
constexpr std::string_view kSummary = "Categorization Summary:";
constexpr Field kIsotopeName = text_field(1, 6, "isotope name");
constexpr Field kIsotopeCategory = integer_field(15, 15, "isotope category");
constexpr Field kIsotopeComment = text_field(24, 80, "categorization comment");

// ---- Table 140 ----
constexpr std::string_view kNatural = "NATURAL RADIOACTIVITY:",
                           kActivation = "ACTIVATION-PRODUCT RADIOACTIVITY:",
                           kFission = "FISSION-PRODUCT RADIOACTIVITY:",
                           kNotQuantified = "Nuclides Identified and not Quantified:",
                           kQuantified = "Nuclides Quantified:", kNoneFound = "None Found";
constexpr Field kNuclide = text_field(1, 7, "nuclide name");
constexpr Field kHalfLife = text_field(20, 32, "half-life");
constexpr Field kHalfLifeUnit = text_field(20, 32, "half-life unit");
constexpr Field kConc = exponent_field(41, 51, 2, "activity concentration");
constexpr Field kConcError = real_field(61, 65, 2, "concentration uncertainty");
constexpr Field kActivityValue = exponent_field(77, 87, 2, "activity");
constexpr Field kActivityError = real_field(97, 101, 2, "activity uncertainty");
constexpr Field kCoincidence = text_field(113, 115, "coincidence");

// ---- Table 141 ----
constexpr Field kMdcValue = exponent_field(44, 54, 2, "MDC");
constexpr Field kMdaValue = exponent_field(64, 74, 2, "MDA");

// ---- Table 142, in the examples' column order (Area, Bkgnd, RelErr), widened to the examples' values ----
constexpr Field kCount = integer_field(6, 8, "number of peaks");
constexpr Field kCountText = text_field(10, 68, "peak count text");
constexpr std::string_view kFound = "peaks found in spectrum by automated peak search.",
                           kAssociated = "peaks associated with nuclides by automated processing.",
                           kNotAssociated = "peaks not associated with nuclides by automated processing.",
                           kPercent = "percent of peaks were associated with nuclides.",
                           kMultipletNote =
                               "Note: \"*\" indicates that a peak was a component of a multiplet.";
constexpr Field kEnergy = real_field(1, 9, 2, "peak energy");
constexpr Field kMultiplet = text_field(10, 10, "multiplet mark");
constexpr Field kCentroid = real_field(11, 19, 2, "peak centroid");
constexpr Field kWidth = integer_field(21, 25, "peak width");
constexpr Field kFwhm = real_field(27, 33, 2, "FWHM");
constexpr Field kEfficiency = real_field(35, 41, 2, "efficiency");
constexpr Field kArea = real_field(43, 53, 2, "net area");
constexpr Field kBackground = real_field(55, 63, 2, "background ratio");
constexpr Field kAreaError = real_field(65, 73, 2, "net area uncertainty");
constexpr Field kPeakNuclide = text_field(76, 83, "peak nuclide");
constexpr Field kNotesValue = text_field(86, 120, "note numbers");

// ---- Table 143 ----
constexpr Field kParameterLabel = at(1, 32, "label");
constexpr Field kParameterValue = text_field(34, 80, "parameter value");
constexpr Field kBackgroundHours = real_field(34, 38, 2, "background acquisition time");
constexpr Field kBackgroundHoursUnit = text_field(40, 44, "hours");
constexpr std::string_view kRiskLevel = "Risk level K:", kBaseline = "Baseline algorithm:",
                           kDetectability = "Nucl Id Detectability Threshold:",
                           kTolerance = "Energy Id Tolerance:", kSubtraction = "Background subtraction:",
                           kBackgroundId = "Background spectrum ID:",
                           kBackgroundType = "Background data type:",
                           kBackgroundStart = "Background acquisition start:",
                           kBackgroundTime = "Background acquisition time:", kIrf = "IRF for Pb-212F:";

// ---- Table 144 ----
constexpr Field kCalibrationLabel = at(1, 27, "label");
constexpr Field kCalibrationValue = text_field(29, 38, "calibration parameter");
constexpr std::string_view kAreaThreshold = "SAreaThreshold:", kAreaThresholdTable = "Area Threshold:",
                           kConfidence = "Confidence level:", kConfidenceHpge = "ConfidenceLevel:",
                           kEcrUpdated = "ECR updated:", kRerUpdated = "RER updated:", kUsedEcr = "Used ECR:",
                           kUsedRer = "Used RER:";

// ---- Table 145 ----
constexpr Field kFlagLabel = at(1, 54, "label");
constexpr Field kFlagAnswer = text_field(56, 58, "YES or NO");
constexpr std::array<std::string_view, 5> kTimelinessLabels = {
    "Previous Sample Present?", "Collection time within 24 hours +/- 10%?", "Acquisition time >= 20 hours?",
    "Decay time <= 24 hours?", "Sample received within 72 hours of collect start?"};

// ---- Table 146 ----
constexpr Field kFlagName = text_field(1, 30, "flag name");
constexpr Field kFlagPass = text_field(32, 35, "PASS or FAIL");
constexpr Field kFlagValue = real_field(43, 53, kAsNeeded, "flag value");
constexpr Field kFlagTest = text_field(59, 74, "flag test");

// ---- Table 159 ----
constexpr std::string_view kIdChanges = "Nuclide ID Changes:",
                           kConcDifferences = "Average Concentration Differences:",
                           kEntering = "Nuclides Entering:", kLeaving = "Nuclides Leaving:";
constexpr Field kIdChangesValue = text_field(21, 80, "nuclide ID changes");
constexpr Field kConcDifferencesValue = text_field(39, 42, "YES or none");
constexpr Field kSroiNuclide = text_field(9, 16, "nuclide name");
constexpr Field kSroiConc = real_field(19, 30, 2, "average concentration");
constexpr Field kSroiError = real_field(35, 40, 2, "concentration uncertainty");
constexpr Field kLeavingValue = text_field(22, 25, "YES or none");

// ---- Table 160 ----
constexpr std::string_view kNote = "NOTE",
                           kEntered = "Date Entered:", kAnalyst = "Analyst:", kNoteSeparator = "=====";

// ---- Table 161 ----
constexpr Field kScreeningLabel = at(6, 60, "label");
constexpr Field kScreeningAnswer = text_field(67, 69, "YES or NO");
constexpr std::array<std::string_view, 4> kScreeningLabels = {
    "Activation Products present in this spectrum", "Only one fission product in spectrum",
    "2 or more fission products in spectrum", "Cs-137 present in spectrum"};

// ---- Table 147 ----
constexpr std::string_view kEnergyTitle = "Energy vs. Channel", kResolutionTitle = "Resolution vs. Energy",
                           kEfficiencyTitle = "Efficiency vs. Energy", kEnergyEquation = "E(c)",
                           kResolutionEquation = "FWHM(E)";
constexpr std::array<std::string_view, 4> kEquationLegends = {"E = energy (keV)", "c = channel number",
                                                              "FWHM = Full Width Half Max (keV)",
                                                              "Energy Efficiency Uncertainty"};
constexpr Field kEffEnergy = integer_field(13, 16, "energy");
constexpr Field kEffValue = real_field(22, 31, kAsNeeded, "efficiency");
constexpr Field kEffUncertainty = real_field(37, 46, kAsNeeded, "efficiency uncertainty");

// ---- Reading helpers ----

bool starts(std::string_view text, std::string_view label) {
  return match_label(text, label).has_value();
}

bool is_dashes(std::string_view text) {
  text = trim(text);
  return !text.empty() && text.find_first_not_of('-') == std::string_view::npos;
}

std::size_t token_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!is_blank(text[i]) && (i == 0 || is_blank(text[i - 1]))) ++n;
  return n;
}

// Free text between labels loses its leading and trailing blank lines (the layout's spacing).
std::vector<std::string> trimmed_text(std::vector<std::string> lines) {
  while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
  auto first =
      std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return !trim(l).empty(); });
  lines.erase(lines.begin(), first);
  return lines;
}

void check_close(Diagnostics& d, Mode mode, Position at, std::optional<double> printed,
                 std::optional<double> derived, double tolerance, std::string_view what,
                 std::string_view relation, std::string_view rule) {
  if (!printed || !derived || std::abs(*printed - *derived) <= tolerance) return;
  deviation(d, mode, at, fmt::format("{} {} is not {} ({:.4g})", what, *printed, relation, *derived),
            std::string(rule));
}

std::optional<double> hours_between(std::optional<TimePoint> from, std::optional<TimePoint> to) {
  if (!from || !to) return std::nullopt;
  return std::chrono::duration<double>(*to - *from).count() / 3600.0;
}

// "a + b*c - d*c^2" (variable c) or "a+b*E+c*E^2" (variable E): the coefficients by power.
std::optional<std::vector<double>> parse_polynomial(std::string_view text, char variable) {
  std::string s;
  for (char c : text)
    if (!is_blank(c)) s += c;
  std::vector<double> coefficients;
  std::size_t i = 0;
  while (i < s.size()) {
    double sign = 1;
    if (s[i] == '+' || s[i] == '-') {
      sign = s[i] == '-' ? -1 : 1;
      ++i;
    } else if (i != 0) {
      return std::nullopt;
    }
    // A number ends at '*' or at a sign that does not follow an exponent letter.
    std::size_t end = i;
    while (end < s.size() && s[end] != '*' &&
           !((s[end] == '+' || s[end] == '-') && end > i && s[end - 1] != 'e' && s[end - 1] != 'E'))
      ++end;
    const auto x = parse_real(std::string_view(s).substr(i, end - i));
    if (!x) return std::nullopt;
    std::size_t power = 0;
    i = end;
    if (i < s.size() && s[i] == '*') {
      if (i + 1 >= s.size() || s[i + 1] != variable) return std::nullopt;
      i += 2;
      power = 1;
      if (i < s.size() && s[i] == '^') {
        std::size_t digits = ++i;
        while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
        const auto p = parse_integer(std::string_view(s).substr(i, digits - i));
        if (!p || *p < 0 || *p > 16) return std::nullopt;
        power = static_cast<std::size_t>(*p);
        i = digits;
      }
    }
    if (coefficients.size() != power) return std::nullopt;  // powers 0, 1, 2 ... in order
    coefficients.push_back(sign * *x);
  }
  if (coefficients.empty()) return std::nullopt;
  return coefficients;
}

std::string write_polynomial(const std::vector<double>& coefficients, char variable, bool spaced,
                             bool upper_exponent) {
  std::string out;
  for (std::size_t power = 0; power < coefficients.size(); ++power) {
    const double c = coefficients[power];
    std::string number = fmt::format("{}", power == 0 ? c : std::abs(c));
    if (upper_exponent)
      std::transform(number.begin(), number.end(), number.begin(), [](char ch) { return ascii_upper(ch); });
    if (power > 0) out += spaced ? (c < 0 ? " - " : " + ") : (c < 0 ? "-" : "+");
    out += number;
    if (power == 1) out += fmt::format("*{}", variable);
    if (power > 1) out += fmt::format("*{}^{}", variable, power);
  }
  return out;
}

// ---- Section readers ----

void read_title(const std::vector<Line>& lines, bool reviewed, ParticulateReport& r, Diagnostics& d,
                Mode mode, Position& time_difference_at) {
  for (const Line& line : lines) {
    const std::string_view t = trim(line.text);
    ValueReader v(line, d, kRule);
    if (t.empty() || iequals(t, "IDC GENERATED REPORT") || iequals(t, "Particulate Version")) continue;
    if (iequals(t, "AUTOMATED RADIONUCLIDE REPORT") || iequals(t, "REVIEWED RADIONUCLIDE REPORT")) {
      if (iequals(t, "REVIEWED RADIONUCLIDE REPORT") != reviewed)
        deviation(d, mode, v.at(t), fmt::format("the title '{}' does not match the data type", t),
                  std::string(kRrrRule));
      continue;
    }
    if (auto l = labelled(line.text, kCreation)) {
      r.title.creation = v.date_time(l->first, "creation date");
    } else if (auto l = labelled(line.text, kArrival)) {
      r.title.arrival = v.date_time(l->first, "sample arrival time");
    } else if (auto l = labelled(line.text, kTimeDifference)) {
      r.title.time_difference_hours = v.quantity(l->first, "hours", "time difference");
      time_difference_at = v.at(l->first);
    } else {
      keep_untyped(line, r.title_extra, d, mode, kRule);
    }
  }
}

struct SampleWhere {
  Position sampling, decay, acquisition, flow;
};

void read_sample(const SourceSection& s, ParticulateSampleInformation& m, Diagnostics& d, Mode mode,
                 SampleWhere& where) {
  enum { fields, station_comments, analysis_comments } state = fields;
  for (const Line& line : s.lines) {
    ValueReader v(line, d, kRule);
    if (auto l = labelled(line.text, kStationComments)) {
      state = station_comments;
      if (!l->first.empty()) m.station_comments.emplace_back(l->first);
      continue;
    }
    if (auto l = labelled(line.text, kAnalysisComments)) {
      state = analysis_comments;
      if (!l->first.empty()) m.analysis_comments.emplace_back(l->first);
      continue;
    }
    if (state == station_comments) {
      m.station_comments.emplace_back(trim_right(line.text));
      continue;
    }
    if (state == analysis_comments) {
      m.analysis_comments.emplace_back(trim_right(line.text));
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
    } else if (auto l = labelled(line.text, kSampleId, kGeometry)) {
      m.sample_id = v.integer(l->first, "sample ID");
      m.geometry = l->second;
    } else if (auto l = labelled(line.text, kQuantity, kType)) {
      m.quantity_m3 = v.quantity(l->first, "m3", "sample quantity");
      m.sample_type = l->second;
    } else if (auto l = labelled(line.text, kCollectionStart, kSampling)) {
      m.collection_start = v.date_time(l->first, "collection start");
      m.sampling_hours = v.quantity(l->second, "hours", "sampling time");
      where.sampling = v.at(l->second);
    } else if (auto l = labelled(line.text, kCollectionStop, kDecay)) {
      m.collection_stop = v.date_time(l->first, "collection stop");
      m.decay_hours = v.quantity(l->second, "hours", "decay time");
      where.decay = v.at(l->second);
    } else if (auto l = labelled(line.text, kAcquisitionStart, kAcquisitionTime)) {
      m.acquisition_start = v.date_time(l->first, "acquisition start");
      m.acquisition_hours = v.quantity(l->second, "hours", "acquisition time");
      where.acquisition = v.at(l->second);
    } else if (auto l = labelled(line.text, kAcquisitionStop, kFlow)) {
      m.acquisition_stop = v.date_time(l->first, "acquisition stop");
      m.flow_rate_m3_per_hour = v.quantity(l->second, "m3/hr", "average flow rate");
      where.flow = v.at(l->second);
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
  m.station_comments = trimmed_text(std::move(m.station_comments));
  m.analysis_comments = trimmed_text(std::move(m.analysis_comments));
}

void read_categorization(const SourceSection& s, ParticulateCategorization& m, Diagnostics& d, Mode mode,
                         Position& category_at) {
  bool isotopes = false;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || is_dashes(t) || starts(t, "Categorization Legend") || starts(t, "Level ")) continue;
    if (starts(t, kSummary)) {
      isotopes = true;
      continue;
    }
    if (auto end = match_label(t, kSpectrumCategory)) {
      // "Spectrum Category (2) -- Anomalous Background Rad. Meas."
      ValueReader v(line, d, kRule);
      const std::string_view rest = t.substr(*end);
      const auto open = rest.find('('), close = rest.find(')');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        d.error(v.at(rest), "the spectrum category is written '(n) -- description'", std::string(kRule));
        continue;
      }
      const std::string_view number = rest.substr(open + 1, close - open - 1);
      category_at = v.at(number);
      if (auto n = v.integer(number, "spectrum category")) m.spectrum_category = static_cast<int>(*n);
      std::string_view description = rest.substr(close + 1);
      description =
          trim(description.substr(std::min(description.find_first_not_of("- \t"), description.size())));
      m.description = description;
      continue;
    }
    if (isotopes && starts(t, "Name")) continue;
    if (isotopes && token_count(t) >= 2) {
      read_row(line, m.isotopes, m.extra, d, kRule, [](RecordReader& r) {
        ParticulateIsotopeCategory c;
        c.nuclide = r.text(kIsotopeName);
        if (auto n = r.integer(kIsotopeCategory)) c.category = static_cast<int>(*n);
        c.comment = r.rest();
        return c;
      });
      continue;
    }
    keep_untyped(line, m.extra, d, mode, kRule);
  }
}

NuclideActivity read_activity_row(RecordReader& r, bool coincidence) {
  NuclideActivity a;
  a.nuclide = r.text(kNuclide);
  a.half_life = row_half_life(r, kHalfLife, kHalfLifeUnit);
  a.concentration = row_real(r, kConc);
  a.concentration_error = row_real(r, kConcError);
  a.activity = row_real(r, kActivityValue);
  a.activity_error = row_real(r, kActivityError);
  if (coincidence) a.coincidence = row_yes_no(r, kCoincidence);
  return a;
}

void read_activity(const SourceSection& s, ActivitySummary& m, Diagnostics& d, Mode mode) {
  enum { none, list, natural, activation, fission } state = none;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || iequals(t, kNoneFound)) continue;
    if (starts(t, kNatural)) {
      state = none;
    } else if (starts(t, kNotQuantified)) {
      state = list;
    } else if (starts(t, kQuantified)) {
      state = natural;
    } else if (starts(t, kActivation)) {
      state = activation;
    } else if (starts(t, kFission)) {
      state = fission;
    } else if (starts(t, "Nuclide Half-Life")) {
      continue;  // a table header
    } else if (state == list && !is_elision(t)) {
      std::string_view rest = t;
      while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view name = trim(rest.substr(0, comma));
        if (!name.empty()) m.identified_not_quantified.emplace_back(name);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
    } else if (state >= natural && token_count(t) >= 3) {
      auto& rows = state == natural ? m.natural : state == activation ? m.activation : m.fission;
      const bool coincidence = state != natural;
      read_row(line, rows, m.extra, d, kRule,
               [&](RecordReader& r) { return read_activity_row(r, coincidence); });
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

void read_mdc(const SourceSection& s, MdcSummary& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Nuclide Half-Life")) continue;
    if (token_count(t) >= 3) {
      read_row(line, m.nuclides, m.extra, d, kRule, [](RecordReader& r) {
        KeyNuclideMdc k;
        k.nuclide = r.text(kNuclide);
        k.half_life = row_half_life(r, kHalfLife, kHalfLifeUnit);
        k.mdc = row_real(r, kMdcValue);
        k.mda = row_real(r, kMdaValue);
        return k;
      });
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

ReportPeak read_peak_row(RecordReader& r) {
  ReportPeak p;
  std::string_view energy = r.peek();
  if (!energy.empty() && energy.back() == '*') {
    const Position at = r.position();
    p.multiplet = true;
    const std::string e = r.text(kEnergy);
    p.energy = parse_real(std::string_view(e).substr(0, e.size() - 1));
    if (!p.energy)
      r.diagnostics().error(at, fmt::format("'{}' is not a valid peak energy: expected a number", e),
                            std::string(r.rule()));
  } else {
    p.energy = row_real(r, kEnergy);
  }
  if (r.peek() == "*") {
    p.multiplet = true;
    r.text(kMultiplet);
  }
  p.centroid = row_real(r, kCentroid);
  p.width = row_integer(r, kWidth);
  p.fwhm = row_real(r, kFwhm);
  p.efficiency = row_real(r, kEfficiency);
  p.area = row_real(r, kArea);
  p.background = row_real(r, kBackground);
  p.area_error = row_real(r, kAreaError);
  if (!r.at_end() && !parse_real(r.peek())) p.nuclide = r.text(kPeakNuclide);
  p.notes = r.rest();
  return p;
}

void read_peaks(const SourceSection& s, PeakSearchResults& m, Diagnostics& d, Mode mode,
                Position& percent_at) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Note:") || starts(t, "Energy (keV)")) continue;
    const auto blank = t.find_first_of(" \t");
    const std::string_view rest =
        blank == std::string_view::npos ? std::string_view() : trim(t.substr(blank));
    std::optional<std::int64_t>* count = nullptr;
    if (starts(rest, kFound)) count = &m.found;
    if (starts(rest, kAssociated)) count = &m.associated;
    if (starts(rest, kNotAssociated)) count = &m.not_associated;
    if (starts(rest, kPercent)) count = &m.percent_associated;
    if (count) {
      ValueReader v(line, d, kRule);
      *count = v.integer(t.substr(0, blank), "number of peaks");
      if (count == &m.percent_associated) percent_at = v.at(t.substr(0, blank));
    } else if (token_count(t) >= 8) {
      read_row(line, m.peaks, m.extra, d, kRule, read_peak_row);
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

void read_sroi(const SourceSection& s, SroiEditing& m, Diagnostics& d, Mode mode) {
  std::vector<SroiNuclide>* rows = nullptr;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Name")) continue;
    if (auto l = labelled(t, kIdChanges)) {
      m.nuclide_id_changes = l->first;
    } else if (auto l = labelled(t, kConcDifferences)) {
      m.average_concentration_differences = l->first;
    } else if (auto l = labelled(t, kEntering)) {
      rows = &m.entering;
    } else if (auto l = labelled(t, kLeaving)) {
      rows = &m.leaving;
    } else if (rows && token_count(t) >= 3) {
      read_row(line, *rows, m.extra, d, kRrrRule, [](RecordReader& r) {
        SroiNuclide n;
        n.nuclide = r.text(kSroiNuclide);
        n.average_concentration = row_real(r, kSroiConc);
        n.error = row_real(r, kSroiError);
        return n;
      });
    } else {
      keep_untyped(line, m.extra, d, mode, kRrrRule);
    }
  }
}

void read_notes(const SourceSection& s, PeakSearchNotes& m, Diagnostics& d, Mode mode) {
  PeakNote* note = nullptr;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty()) continue;
    ValueReader v(line, d, kRrrRule);
    if (t == kNoteSeparator) {
      note = nullptr;
      continue;
    }
    if (auto end = match_label(t, kNote); end && t.back() == ':' && token_count(t) == 2) {
      const std::string_view number = trim(t.substr(*end, t.size() - 1 - *end));
      note = &m.notes.emplace_back();
      note->number = v.integer(number, "note number").value_or(0);
      continue;
    }
    if (!note) {
      keep_untyped(line, m.extra, d, mode, kRrrRule);
      continue;
    }
    if (auto l = labelled(t, kEntered)) {
      note->entries.emplace_back().entered = v.date_time(l->first, "date entered");
      continue;
    }
    if (note->entries.empty()) note->entries.emplace_back();
    if (auto l = labelled(t, kAnalyst); l && note->entries.back().analyst.empty()) {
      note->entries.back().analyst = l->first;
    } else {
      note->entries.back().text.emplace_back(trim_right(line.text));
    }
  }
}

void read_processing(const SourceSection& s, ParticulateProcessingParameters& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    if (is_blank_text(line.text)) continue;
    ValueReader v(line, d, kRule);
    if (auto l = labelled(line.text, kRiskLevel)) {
      m.risk_level_k = v.real(l->first, "risk level K");
    } else if (auto l = labelled(line.text, kBaseline)) {
      m.baseline_algorithm = l->first;
    } else if (auto l = labelled(line.text, kDetectability)) {
      m.detectability_threshold = v.real(l->first, "detectability threshold");
    } else if (auto l = labelled(line.text, kTolerance)) {
      m.energy_tolerance = l->first;
    } else if (auto l = labelled(line.text, kSubtraction)) {
      m.background_subtraction = v.yes_no(l->first, "background subtraction");
    } else if (auto l = labelled(line.text, kBackgroundId)) {
      m.background_sample_id = v.integer(l->first, "background spectrum ID");
    } else if (auto l = labelled(line.text, kBackgroundType)) {
      m.background_type = l->first;
    } else if (auto l = labelled(line.text, kBackgroundStart)) {
      m.background_acquisition_start = v.date_time(l->first, "background acquisition start");
    } else if (auto l = labelled(line.text, kBackgroundTime)) {
      m.background_acquisition_hours = v.quantity(l->first, "hours", "background acquisition time");
    } else if (auto l = labelled(line.text, kIrf)) {
      m.irf_pb212f = v.yes_no(l->first, "IRF for Pb-212F");
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

void read_timeliness(const SourceSection& s, ParticulateTimelinessFlags& m, Diagnostics& d, Mode mode) {
  std::array<std::optional<bool>*, 5> flags = {&m.previous_sample_present, &m.collection_within_24_hours,
                                               &m.acquisition_at_least_20_hours, &m.decay_at_most_24_hours,
                                               &m.received_within_72_hours};
  for (const Line& line : s.lines) {
    if (is_blank_text(line.text)) continue;
    ValueReader v(line, d, kRule);
    bool typed = false;
    for (std::size_t i = 0; i < kTimelinessLabels.size() && !typed; ++i) {
      if (auto l = labelled(line.text, kTimelinessLabels[i])) {
        *flags[i] = v.yes_no(l->first, kTimelinessLabels[i]);
        typed = true;
      }
    }
    if (!typed) keep_untyped(line, m.extra, d, mode, kRule);
  }
}

// "Name PASS value test": the name is one token in Table 146.
void read_quality(const SourceSection& s, QualityFlags& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty() || starts(t, "Name Pass/Fail")) continue;
    if (token_count(t) >= 3) {
      read_row(line, m.flags, m.extra, d, kRule, [](RecordReader& r) {
        ReportFlag f;
        f.name = r.text(kFlagName);
        ValueReader v(r.line(), r.diagnostics(), r.rule());
        const std::string pass = r.text(kFlagPass);
        f.pass = v.pass_fail(pass, "PASS or FAIL");
        const Position at = r.position();
        const std::string value = r.text(kFlagValue);
        f.value = parse_real(value);
        if (!f.value && value != "N/A")
          r.diagnostics().error(at, fmt::format("'{}' is not a valid flag value: expected a number", value),
                                std::string(r.rule()));
        f.test = r.rest();
        return f;
      });
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

void read_screening(const SourceSection& s, ParticulateEventScreening& m, Diagnostics& d, Mode mode) {
  std::array<std::optional<bool>*, 4> flags = {&m.activation_products_present, &m.only_one_fission_product,
                                               &m.two_or_more_fission_products, &m.cs137_present};
  for (const Line& line : s.lines) {
    if (is_blank_text(line.text)) continue;
    ValueReader v(line, d, kRrrRule);
    bool typed = false;
    for (std::size_t i = 0; i < kScreeningLabels.size() && !typed; ++i) {
      if (auto l = labelled(line.text, kScreeningLabels[i])) {
        *flags[i] = v.yes_no(l->first, kScreeningLabels[i]);
        typed = true;
      }
    }
    if (!typed) keep_untyped(line, m.extra, d, mode, kRrrRule);
  }
}

void read_equations(const SourceSection& s, ParticulateCalibrationEquations& m, Diagnostics& d, Mode mode) {
  bool efficiency = false;
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty()) continue;
    ValueReader v(line, d, kRule);
    if (starts(t, kEnergyTitle) || starts(t, kResolutionTitle)) {
      efficiency = false;
      continue;
    }
    if (starts(t, kEfficiencyTitle)) {
      efficiency = true;
      continue;
    }
    if (std::any_of(kEquationLegends.begin(), kEquationLegends.end(),
                    [&](std::string_view l) { return iequals(t, l) || starts(t, l); }))
      continue;
    const bool energy = starts(t, kEnergyEquation), resolution = starts(t, kResolutionEquation);
    if (energy || resolution) {
      const auto eq = t.find('=');
      std::string_view rhs = eq == std::string_view::npos ? std::string_view() : trim(t.substr(eq + 1));
      if (resolution && istarts_with(rhs, "SQRT(") && rhs.back() == ')') rhs = rhs.substr(5, rhs.size() - 6);
      auto coefficients = parse_polynomial(rhs, energy ? 'c' : 'E');
      if (!coefficients) {
        d.error(v.at(t),
                energy ? "the energy equation is 'E(c) = a + b*c + d*c^2 ...'"
                       : "the resolution equation is 'FWHM(E) = SQRT(a + b*E + d*E^2 ...)'",
                std::string(kRule));
        m.extra.emplace_back(trim_right(line.text));
        continue;
      }
      (energy ? m.energy : m.resolution) = std::move(*coefficients);
      continue;
    }
    if (efficiency && token_count(t) >= 3 && parse_real(t.substr(0, t.find_first_of(" \t")))) {
      read_row(line, m.efficiency, m.extra, d, kRule, [](RecordReader& r) {
        ReportEfficiencyPair p;
        p.energy = row_real(r, kEffEnergy);
        p.efficiency = row_real(r, kEffValue);
        p.uncertainty = row_real(r, kEffUncertainty);
        return p;
      });
      continue;
    }
    if (efficiency && m.efficiency_type.empty() && m.efficiency.empty() && !is_elision(t)) {
      m.efficiency_type = t;
      continue;
    }
    keep_untyped(line, m.extra, d, mode, kRule);
  }
}

void read_field_of_regard(const SourceSection& s, FieldOfRegard& m, Diagnostics& d, Mode mode) {
  for (const Line& line : s.lines) {
    const std::string_view t = trim(line.text);
    if (t.empty()) continue;
    if (m.url.empty() && t.find_first_of(" \t") == std::string_view::npos) {
      m.url = t;
    } else {
      keep_untyped(line, m.extra, d, mode, kRule);
    }
  }
}

// ---- Relations (DIGEST §4.1 [V]) ----

void check_relations(const ParticulateReport& r, const SampleWhere& where, Position time_difference_at,
                     Position percent_at, Position category_at, Diagnostics& d, Mode mode) {
  const auto& s = r.sample;
  // Printed times keep minutes only: two of them put up to 2 min between the true and the printed hours.
  constexpr double kMinuteHours = 2.0 / 60.0 + 0.005;
  check_close(d, mode, where.sampling, s.sampling_hours, hours_between(s.collection_start, s.collection_stop),
              kMinuteHours, "sampling time", "collection stop - collection start", "7.8.1.1 (Table 138)");
  check_close(d, mode, where.decay, s.decay_hours, hours_between(s.collection_stop, s.acquisition_start),
              kMinuteHours, "decay time", "acquisition start - collection stop", "7.8.1.1 (Table 138)");
  check_close(d, mode, where.acquisition, s.acquisition_hours,
              hours_between(s.acquisition_start, s.acquisition_stop), kMinuteHours, "acquisition time",
              "acquisition stop - acquisition start", "7.8.1.1 (Table 138)");
  if (s.quantity_m3 && s.sampling_hours && *s.sampling_hours > 0) {
    const double flow = *s.quantity_m3 / *s.sampling_hours;
    const double tolerance = 0.005 + flow * 0.005 / *s.sampling_hours + 0.005 / *s.sampling_hours;
    check_close(d, mode, where.flow, s.flow_rate_m3_per_hour, flow, tolerance, "average flow rate",
                "sample quantity / sampling time", "7.8.1.1 (Table 138)");
  }
  // Whole hours, truncated or rounded.
  check_close(d, mode, time_difference_at, r.title.time_difference_hours,
              hours_between(r.title.arrival, r.title.creation), 1.0, "time difference",
              "creation date - sample arrival time", "7.8.1.1");
  const auto& p = r.peaks;
  if (p.found && *p.found > 0 && p.associated)
    check_close(d, mode, percent_at,
                p.percent_associated ? std::optional<double>(static_cast<double>(*p.percent_associated))
                                     : std::nullopt,
                100.0 * static_cast<double>(*p.associated) / static_cast<double>(*p.found), 0.9999,
                "percent of peaks associated", "associated / found * 100", "7.8.1.1 (Table 142)");
  if (p.found && p.associated && p.not_associated && *p.found != *p.associated + *p.not_associated)
    deviation(d, mode, percent_at,
              fmt::format("{} peaks found is not {} associated + {} not associated", *p.found, *p.associated,
                          *p.not_associated),
              "7.8.1.1 (Table 142)");
  int highest = 0;
  for (const auto& i : r.categorization.isotopes) highest = std::max(highest, i.category.value_or(0));
  if (r.categorization.spectrum_category && *r.categorization.spectrum_category < highest)
    deviation(d, mode, category_at,
              fmt::format("spectrum category {} is below the highest isotope category {}",
                          *r.categorization.spectrum_category, highest),
              "7.8.1.1 (Table 139)");
}

}  // namespace

const std::vector<std::string_view>& particulate_titles() {
  static const std::vector<std::string_view> titles = {
      "SAMPLE INFORMATION",     "MEASUREMENT CATEGORIZATION",
      "ACTIVITY SUMMARY",       "MINIMUM DETECTABLE CONCENTRATION FOR KEY NUCLIDES",
      "PEAK SEARCH RESULTS",    "SPECTRAL-REGION-OF-INTEREST (SROI) EDITING",
      "PEAK SEARCH NOTES",      "PROCESSING PARAMETERS",
      "CALIBRATION PARAMETERS", "DATA TIMELINESS AND AVAILABILITY FLAGS",
      "DATA QUALITY FLAGS",     "EVENT SCREENING FLAGS",
      "CALIBRATION EQUATIONS",  "FIELD OF REGARD"};
  return titles;
}

void read_calibration_parameters(const std::vector<Line>& lines, CalibrationParameters& m, Diagnostics& d,
                                 Mode mode, std::string_view rule) {
  for (const Line& line : lines) {
    if (is_blank_text(line.text)) continue;
    ValueReader v(line, d, rule);
    std::optional<Labelled> l;
    if ((l = labelled(line.text, kAreaThreshold)) || (l = labelled(line.text, kAreaThresholdTable))) {
      m.area_threshold = v.integer(l->first, "area threshold");
    } else if ((l = labelled(line.text, kConfidence)) || (l = labelled(line.text, kConfidenceHpge))) {
      m.confidence_level = v.integer(l->first, "confidence level");
    } else if ((l = labelled(line.text, kEcrUpdated))) {
      m.ecr_updated = v.yes_no(l->first, "ECR updated");
    } else if ((l = labelled(line.text, kRerUpdated))) {
      m.rer_updated = v.yes_no(l->first, "RER updated");
    } else if ((l = labelled(line.text, kUsedEcr))) {
      m.used_ecr = l->first;
    } else if ((l = labelled(line.text, kUsedRer))) {
      m.used_rer = l->first;
    } else if ((l = labelled(line.text, "Gamma energy calibration updated:"))) {
      m.gamma_energy_updated = v.yes_no(l->first, "gamma energy calibration updated");
    } else if ((l = labelled(line.text, "Beta energy calibration updated:"))) {
      m.beta_energy_updated = v.yes_no(l->first, "beta energy calibration updated");
    } else {
      keep_untyped(line, m.extra, d, mode, rule);
    }
  }
}

void write_calibration_parameters(const CalibrationParameters& m, bool hpge, Document& doc) {
  doc.grid({label(kCalibrationLabel, kAreaThreshold),
            number(kCalibrationValue, format_integer(m.area_threshold))});
  doc.grid({label(kCalibrationLabel, hpge ? kConfidenceHpge : kConfidence),
            number(kCalibrationValue, format_integer(m.confidence_level))});
  doc.grid({label(kCalibrationLabel, kEcrUpdated), value(kCalibrationValue, format_yes_no(m.ecr_updated))});
  doc.grid({label(kCalibrationLabel, kRerUpdated), value(kCalibrationValue, format_yes_no(m.rer_updated))});
  doc.grid({label(kCalibrationLabel, kUsedEcr), value(kCalibrationValue, m.used_ecr)});
  doc.grid({label(kCalibrationLabel, kUsedRer), value(kCalibrationValue, m.used_rer)});
  doc.extra(m.extra);
}

ParticulateReport read_particulate(const SplitReport& split, bool reviewed, Diagnostics& d, Mode mode) {
  ParticulateReport r;
  SampleWhere where;
  Position time_difference_at, percent_at, category_at;
  read_title(split.title_block, reviewed, r, d, mode, time_difference_at);
  for (const SourceSection& s : split.sections) {
    switch (s.id) {
      case kSampleSection:
        read_sample(s, r.sample, d, mode, where);
        break;
      case kCategorizationSection:
        read_categorization(s, r.categorization, d, mode, category_at);
        break;
      case kActivitySection:
        read_activity(s, r.activity, d, mode);
        break;
      case kMdcSection:
        read_mdc(s, r.mdc, d, mode);
        break;
      case kPeaksSection:
        read_peaks(s, r.peaks, d, mode, percent_at);
        break;
      case kSroiSection:
        read_sroi(s, r.sroi_editing.emplace(), d, mode);
        break;
      case kNotesSection:
        read_notes(s, r.peak_notes.emplace(), d, mode);
        break;
      case kProcessingSection:
        read_processing(s, r.processing, d, mode);
        break;
      case kCalibrationSection:
        read_calibration_parameters(s.lines, r.calibration, d, mode, kRule);
        break;
      case kTimelinessSection:
        read_timeliness(s, r.timeliness, d, mode);
        break;
      case kQualitySection:
        read_quality(s, r.quality, d, mode);
        break;
      case kScreeningSection:
        read_screening(s, r.event_screening.emplace(), d, mode);
        break;
      case kEquationsSection:
        read_equations(s, r.equations, d, mode);
        break;
      case kFieldOfRegardSection:
        read_field_of_regard(s, r.field_of_regard.emplace(), d, mode);
        break;
      default:
        break;
    }
  }
  check_relations(r, where, time_difference_at, percent_at, category_at, d, mode);
  return r;
}

// ---- Writing ----

namespace {

std::string hours_text(std::optional<double> h) {
  return format_shortest(h);
}

void write_activity_table(const std::vector<NuclideActivity>& rows, bool coincidence, Document& doc) {
  std::vector<Cell> head = {label(kNuclide, "Nuclide"),          label(kHalfLife, "Half-Life"),
                            label(kConc, "Conc(uBq/m3)"),        label(kConcError, "RelErr (%)"),
                            label(kActivityValue, "Activ(uBq)"), label(kActivityError, "RelErr (%)")};
  if (coincidence) head.push_back(label(kCoincidence, "Coincidence"));
  doc.head(std::move(head));
  doc.blank();
  if (rows.empty()) doc.text(1, std::string(kNoneFound));
  for (const NuclideActivity& a : rows) {
    std::vector<Cell> cells = {value(kNuclide, a.nuclide),
                               value(kHalfLife, format_half_life(a.half_life)),
                               number(kConc, format_exp(a.concentration, 2)),
                               number(kConcError, format_fixed(a.concentration_error, 2)),
                               number(kActivityValue, format_exp(a.activity, 2)),
                               number(kActivityError, format_fixed(a.activity_error, 2))};
    if (coincidence) cells.push_back(value(kCoincidence, format_yes_no(a.coincidence)));
    doc.row(std::move(cells));
  }
  doc.blank();
}

Cell real_cell(const Field& f, std::optional<double> v) {
  return number(f, f.decimals == kAsNeeded ? format_shortest(v) : format_fixed(v, f.decimals));
}

}  // namespace

void write_particulate(const ParticulateReport& r, bool reviewed, Document& doc) {
  const auto& titles = particulate_titles();
  doc.blank();
  doc.title(kTitleColumn, "IDC GENERATED REPORT");
  doc.title(kTitleColumn, reviewed ? "REVIEWED RADIONUCLIDE REPORT" : "AUTOMATED RADIONUCLIDE REPORT");
  doc.title(kTitleColumn, "Particulate Version");
  doc.blank();
  doc.title(kTitleColumn,
            fmt::format("{} {}", kCreation, format_date_time(r.title.creation, DateStyle::slash_seconds)));
  doc.title(kTitleColumn,
            fmt::format("{} {}", kArrival, format_date_time(r.title.arrival, DateStyle::slash_seconds)));
  doc.title(kTitleColumn,
            fmt::format("{} {} hours", kTimeDifference, hours_text(r.title.time_difference_hours)));
  doc.extra(r.title_extra);

  const auto& s = r.sample;
  doc.heading(std::string(titles[kSampleSection]));
  doc.blank();
  doc.grid({label(kLabel1, kStation), value(kStationValue, s.station), label(kLabel2, kDetector),
            value(kDetectorValue, s.detector)});
  doc.grid({label(kLabel1, kAuthenticated), value(kAuthenticatedValue, format_yes_no(s.authenticated))});
  doc.blank();
  doc.grid({label(kLabel1, kLocation), value(kLocationValue, s.location)});
  doc.grid({label(kLabel1, kDescription), value(kDescriptionValue, s.detector_description)});
  doc.blank();
  doc.grid({label(kLabel1, kSampleId), number(kSampleIdValue, format_integer(s.sample_id)),
            label(kLabel2, kGeometry), value(kGeometryValue, s.geometry)});
  doc.grid({label(kLabel1, kQuantity), real_cell(kQuantityValue, s.quantity_m3), label(kQuantityUnit, "m3"),
            label(kLabel2, kType), value(kTypeValue, s.sample_type)});
  doc.blank(2);
  const auto times = [&](std::string_view l1, std::optional<TimePoint> t, std::string_view l2, const Field& f,
                         std::optional<double> v, const Field& unit_field, std::string_view unit) {
    doc.grid({label(kLabel1, l1), value(kTimeValue, format_date_time(t, DateStyle::slash_minutes)),
              label(kLabel2, l2), real_cell(f, v), label(unit_field, unit)});
  };
  times(kCollectionStart, s.collection_start, kSampling, kHoursValue, s.sampling_hours, kHoursUnit, "hours");
  times(kCollectionStop, s.collection_stop, kDecay, kHoursValue, s.decay_hours, kHoursUnit, "hours");
  times(kAcquisitionStart, s.acquisition_start, kAcquisitionTime, kHoursValue, s.acquisition_hours,
        kHoursUnit, "hours");
  times(kAcquisitionStop, s.acquisition_stop, kFlow, kFlowValue, s.flow_rate_m3_per_hour, kFlowUnit, "m3/hr");
  doc.extra(s.extra);
  doc.blank();
  doc.text(1, std::string(kStationComments));
  for (const auto& l : s.station_comments) doc.text(1, l);
  doc.blank(2);
  doc.text(1, std::string(kAnalysisComments));
  for (const auto& l : s.analysis_comments) doc.text(1, l);
  doc.blank(3);

  const auto& c = r.categorization;
  doc.heading(std::string(titles[kCategorizationSection]));
  doc.blank();
  doc.text(1, "Categorization Legend");
  doc.text(1, std::string(21, '-'));
  for (std::string_view level : kLevels) doc.text(1, std::string(level));
  doc.blank();
  doc.text(1,
           fmt::format("Spectrum Category ({}) -- {}",
                       c.spectrum_category ? fmt::format("{}", *c.spectrum_category) : "N/A", c.description));
  doc.blank();
  if (!c.isotopes.empty()) {
    doc.text(1, std::string(kSummary));
    doc.blank();
    doc.head({label(kIsotopeName, "Name"), label(at(12, 8, "category"), "Category"),
              label(at(23, 22, "comment"), "Categorization Comment")});
    doc.text(1, std::string(45, '-'));
    for (const auto& i : c.isotopes)
      doc.row({value(kIsotopeName, i.nuclide),
               number(kIsotopeCategory, i.category ? fmt::format("{}", *i.category) : "N/A"),
               value(kIsotopeComment, i.comment)});
  }
  doc.extra(c.extra);
  doc.blank(3);

  const auto& a = r.activity;
  doc.heading(std::string(titles[kActivitySection]));
  doc.blank();
  doc.text(1, std::string(kNatural));
  doc.blank();
  doc.text(1, std::string(kNotQuantified));
  doc.blank();
  std::string list;
  for (const auto& n : a.identified_not_quantified) list += (list.empty() ? "" : ", ") + n;
  doc.text(1, list.empty() ? std::string(kNoneFound) : list);
  doc.blank(2);
  doc.text(1, std::string(kQuantified));
  doc.blank();
  write_activity_table(a.natural, false, doc);
  doc.text(1, std::string(kActivation));
  doc.blank();
  write_activity_table(a.activation, true, doc);
  doc.text(1, std::string(kFission));
  doc.blank();
  write_activity_table(a.fission, true, doc);
  doc.extra(a.extra);

  doc.heading(std::string(titles[kMdcSection]));
  doc.blank();
  doc.head({label(kNuclide, "Nuclide"), label(kHalfLife, "Half-Life"), label(kMdcValue, "MDC(uBq/m3)"),
            label(kMdaValue, "MDA(uBq)")});
  doc.blank();
  for (const auto& k : r.mdc.nuclides)
    doc.row({value(kNuclide, k.nuclide), value(kHalfLife, format_half_life(k.half_life)),
             number(kMdcValue, format_exp(k.mdc, 2)), number(kMdaValue, format_exp(k.mda, 2))});
  doc.extra(r.mdc.extra);
  doc.blank(2);

  const auto& p = r.peaks;
  doc.heading(std::string(titles[kPeaksSection]));
  doc.blank();
  const auto count = [&](std::optional<std::int64_t> n, std::string_view text) {
    doc.grid({number(kCount, format_integer(n)), value(kCountText, std::string(text))});
  };
  count(p.found, kFound);
  count(p.associated, kAssociated);
  count(p.not_associated, kNotAssociated);
  count(p.percent_associated, kPercent);
  doc.blank();
  doc.text(2, std::string(kMultipletNote));
  doc.blank();
  doc.head({label(kEnergy, "Energy (keV)"), label(kCentroid, "Centroid"), label(kWidth, "Width"),
            label(kFwhm, "FWHM (keV)"), label(kEfficiency, "Eff (%)"), label(kArea, "Area"),
            label(kBackground, "Bkgnd (%)"), label(kAreaError, "RelErr (%)"), label(kPeakNuclide, "Nuclide"),
            label(kNotesValue, "Nts")});
  doc.blank();
  for (const ReportPeak& k : p.peaks)
    doc.row({real_cell(kEnergy, k.energy), value(kMultiplet, k.multiplet ? "*" : ""),
             real_cell(kCentroid, k.centroid), number(kWidth, format_integer(k.width)),
             real_cell(kFwhm, k.fwhm), real_cell(kEfficiency, k.efficiency), real_cell(kArea, k.area),
             real_cell(kBackground, k.background), real_cell(kAreaError, k.area_error),
             value(kPeakNuclide, k.nuclide), value(kNotesValue, k.notes)});
  doc.extra(p.extra);
  doc.blank();

  if (r.sroi_editing) {
    const auto& e = *r.sroi_editing;
    doc.heading(std::string(titles[kSroiSection]));
    doc.blank();
    doc.grid({label(at(1, 19, "label"), kIdChanges), value(kIdChangesValue, e.nuclide_id_changes)});
    doc.grid({label(at(4, 34, "label"), kConcDifferences),
              value(kConcDifferencesValue, e.average_concentration_differences)});
    const auto nuclides = [&](const Field& l, std::string_view text, const std::vector<SroiNuclide>& rows) {
      if (rows.empty()) {
        doc.grid({label(l, text), value(kLeavingValue, "none")});
        return;
      }
      doc.text(l.first, std::string(text));
      doc.head({label(kSroiNuclide, "Name"), label(kSroiConc, "Average Conc (uBq/m3)"),
                label(at(35, 10, "error"), "RelErr (%)")});
      for (const auto& n : rows)
        doc.row({value(kSroiNuclide, n.nuclide), real_cell(kSroiConc, n.average_concentration),
                 real_cell(kSroiError, n.error)});
      doc.blank();
    };
    nuclides(at(3, 18, "label"), kEntering, e.entering);
    nuclides(at(4, 17, "label"), kLeaving, e.leaving);
    doc.extra(e.extra);
    doc.blank(3);
  }

  if (r.peak_notes) {
    doc.heading(std::string(titles[kNotesSection]));
    doc.blank();
    for (const PeakNote& n : r.peak_notes->notes) {
      doc.text(1, fmt::format("{} {}:", kNote, n.number));
      for (const PeakNoteEntry& e : n.entries) {
        doc.text(1, fmt::format("{} {}", kEntered, format_date_time(e.entered, DateStyle::slash_seconds)));
        doc.text(1, fmt::format("{} {}", kAnalyst, e.analyst));
        for (const auto& t : e.text) doc.text(1, t);
        doc.blank();
      }
      doc.text(1, std::string(kNoteSeparator));
      doc.blank();
    }
    doc.extra(r.peak_notes->extra);
    doc.blank();
  }

  const auto& q = r.processing;
  doc.heading(std::string(titles[kProcessingSection]));
  doc.blank();
  const auto parameter = [&](std::string_view l, Cell v) {
    doc.grid({label(kParameterLabel, l), std::move(v)});
  };
  parameter(kRiskLevel, value(kParameterValue, format_shortest(q.risk_level_k)));
  parameter(kBaseline, value(kParameterValue, q.baseline_algorithm));
  parameter(kDetectability, value(kParameterValue, format_shortest(q.detectability_threshold)));
  parameter(kTolerance, value(kParameterValue, q.energy_tolerance));
  parameter(kSubtraction, value(kParameterValue, format_yes_no(q.background_subtraction)));
  parameter(kBackgroundId, value(kParameterValue, format_integer(q.background_sample_id)));
  parameter(kBackgroundType, value(kParameterValue, q.background_type));
  parameter(kBackgroundStart, value(kParameterValue, format_date_time(q.background_acquisition_start,
                                                                      DateStyle::slash_minutes)));
  doc.grid({label(kParameterLabel, kBackgroundTime),
            real_cell(kBackgroundHours, q.background_acquisition_hours),
            label(kBackgroundHoursUnit, "hours")});
  parameter(kIrf, value(kParameterValue, format_yes_no(q.irf_pb212f)));
  doc.extra(q.extra);
  doc.blank();

  doc.heading(std::string(titles[kCalibrationSection]));
  doc.blank();
  write_calibration_parameters(r.calibration, false, doc);
  doc.blank();

  const auto& t = r.timeliness;
  doc.heading(std::string(titles[kTimelinessSection]));
  doc.blank();
  const std::array<std::optional<bool>, 5> answers = {t.previous_sample_present, t.collection_within_24_hours,
                                                      t.acquisition_at_least_20_hours,
                                                      t.decay_at_most_24_hours, t.received_within_72_hours};
  for (std::size_t i = 0; i < answers.size(); ++i)
    doc.grid({label(kFlagLabel, kTimelinessLabels[i]), value(kFlagAnswer, format_yes_no(answers[i]))});
  doc.extra(t.extra);
  doc.blank();

  doc.heading(std::string(titles[kQualitySection]));
  doc.blank();
  doc.head({label(kFlagName, "Name"), label(kFlagPass, "Pass/Fail"), label(kFlagValue, "Value"),
            label(kFlagTest, "Test")});
  doc.blank();
  for (const ReportFlag& f : r.quality.flags)
    doc.row({value(kFlagName, f.name), value(kFlagPass, f.pass ? (*f.pass ? "PASS" : "FAIL") : "N/A"),
             f.value ? real_cell(kFlagValue, f.value) : value(kFlagValue, "N/A"), value(kFlagTest, f.test)});
  doc.extra(r.quality.extra);
  doc.blank();

  if (r.event_screening) {
    const auto& e = *r.event_screening;
    doc.heading(std::string(titles[kScreeningSection]));
    doc.blank();
    const std::array<std::optional<bool>, 4> flags = {e.activation_products_present,
                                                      e.only_one_fission_product,
                                                      e.two_or_more_fission_products, e.cs137_present};
    for (std::size_t i = 0; i < flags.size(); ++i) {
      doc.grid(
          {label(kScreeningLabel, kScreeningLabels[i]), value(kScreeningAnswer, format_yes_no(flags[i]))});
      doc.blank();
    }
    doc.extra(e.extra);
    doc.blank(2);
  }

  const auto& q2 = r.equations;
  doc.heading(std::string(titles[kEquationsSection]));
  doc.blank();
  doc.text(1, std::string(kEnergyTitle));
  doc.blank();
  if (!q2.energy.empty()) doc.text(7, fmt::format("E(c) = {}", write_polynomial(q2.energy, 'c', true, true)));
  doc.blank();
  doc.text(3, std::string(kEquationLegends[0]));
  doc.text(3, std::string(kEquationLegends[1]));
  doc.blank(2);
  doc.text(1, std::string(kResolutionTitle));
  doc.blank();
  if (!q2.resolution.empty())
    doc.text(7, fmt::format("FWHM(E) = SQRT({})", write_polynomial(q2.resolution, 'E', false, false)));
  doc.blank();
  doc.text(3, std::string(kEquationLegends[2]));
  doc.text(3, std::string(kEquationLegends[0]));
  doc.blank(2);
  doc.text(1, std::string(kEfficiencyTitle));
  doc.blank();
  if (!q2.efficiency_type.empty()) doc.text(2, q2.efficiency_type);
  doc.head({label(at(11, 6, "energy"), "Energy"), label(at(22, 10, "efficiency"), "Efficiency"),
            label(at(37, 11, "uncertainty"), "Uncertainty")});
  for (const ReportEfficiencyPair& e : q2.efficiency)
    doc.row({e.energy && *e.energy == std::round(*e.energy)
                 ? number(kEffEnergy, format_integer(static_cast<std::int64_t>(*e.energy)))
                 : real_cell(real_field(13, 16, kAsNeeded, "energy"), e.energy),
             real_cell(kEffValue, e.efficiency), real_cell(kEffUncertainty, e.uncertainty)});
  doc.extra(q2.extra);
  doc.blank(2);

  if (r.field_of_regard) {
    doc.heading(std::string(titles[kFieldOfRegardSection]));
    doc.blank();
    doc.text(1, r.field_of_regard->url);
    doc.extra(r.field_of_regard->extra);
  }
}

}  // namespace imsgate::ims2::rn::arr
