#include "ims2/rn/rlr_blocks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr const char* kRule = "7.3";

// Table 81.
constexpr Field kPriority = text_field(1, 7, "priority");
constexpr Field kStation = text_field(1, 5, "station code");
constexpr Field kSrid = text_field(7, 22, "SRID");
constexpr Field kLab = text_field(1, 5, "laboratory code");
constexpr Field kDetector = text_field(7, 15, "detector code");
constexpr Field kReportType = text_field(1, 3, "report type");
constexpr Field kReportNumber = integer_field(5, 6, "report number");
constexpr Field kCategory = text_field(1, 11, "sample category");
constexpr Field kSentDate = text_field(1, 10, "transmission date");
constexpr Field kSentTime = real_field(12, 21, 1, "transmission time");
// Table 88.
constexpr Field kArchiveVolume = real_field(1, 8, 5, "archive bottle xenon volume");
constexpr Field kArchiveVolumeUnc = real_field(10, 17, 5, "archive bottle xenon volume uncertainty");
constexpr Field kMeasurementCount = integer_field(1, 1, "number of volume measurements");
constexpr Field kCellVolume = real_field(1, 8, 5, "measurement cell xenon volume");
constexpr Field kCellVolumeUnc = real_field(10, 17, 5, "measurement cell xenon volume uncertainty");
constexpr Field kTransfer = real_field(19, 26, 5, "transfer efficiency");
constexpr Field kTransferUnc = real_field(28, 35, 5, "transfer efficiency uncertainty");
constexpr Field kArchiveId = text_field(1, 2, "archive container id");
constexpr Field kArchivePressure = real_field(4, 11, kAsNeeded, "archive bottle pressure");
constexpr Field kGasComposition = text_field(13, 32, "gas composition");
// Tables 94, 95.
constexpr Field kSampleActivity = exponent_field(1, 11, 4, "sample activity");
constexpr Field kDiameter = real_field(1, 5, 2, "diameter or length");
constexpr Field kThickness = real_field(7, 11, 2, "thickness");
constexpr Field kWidth = real_field(13, 17, 2, "width");
constexpr Field kMass = real_field(1, 5, 2, "mass");
constexpr Field kContainerDensity = real_field(1, 8, 4, "container density");
constexpr Field kContainerThickness = real_field(10, 14, 2, "container thickness");
constexpr Field kContainerMaterial = text_field(16, 55, "container material");
constexpr Field kLabXeVolume = real_field(1, 5, 2, "stable xenon volume");
// Table 96.
constexpr Field kTestType = text_field(1, 40, "type of test");
constexpr Field kTestDate = text_field(1, 10, "test completion date");
// Tables 98-101.
constexpr Field kEquationCount = integer_field(1, 1, "number of equations");
constexpr Field kEquationType = integer_field(1, 2, "equation type code");
constexpr Field kParameterCount = integer_field(4, 5, "number of parameters");
constexpr Field kEnergyStart = real_field(7, 13, 2, "energy range start");
constexpr Field kEnergyEnd = real_field(15, 21, 2, "energy range end");
constexpr std::array kParameters{
    exponent_field(1, 11, 4, "parameter"), exponent_field(13, 23, 4, "parameter"),
    exponent_field(25, 35, 4, "parameter"), exponent_field(37, 47, 4, "parameter")};
// Table 102.
constexpr Field kSoftware = text_field(1, 30, "software");
// Table 103. The energy uncertainty is printed "31-41 f5.2": written right-justified to column 41.
constexpr Field kPeakIndex = integer_field(1, 5, "peak index");
constexpr Field kCentroid = real_field(7, 14, 3, "centroid channel");
constexpr Field kCentroidUnc = real_field(16, 20, 2, "centroid uncertainty");
constexpr Field kPeakEnergy = real_field(22, 29, 3, "energy");
constexpr Field kPeakEnergyUnc = real_field(37, 41, 2, "energy uncertainty");
constexpr Field kSensitivity = real_field(43, 49, 3, "peak search sensitivity");
constexpr Field kPeakComment = text_field(51, 52, "peak comment");
// Table 104.
constexpr Field kFwhm = real_field(7, 11, 2, "FWHM");
constexpr Field kRoiStart = real_field(13, 20, 3, "ROI start channel");
constexpr Field kRoiEnd = real_field(22, 29, 3, "ROI end channel");
constexpr Field kBaseline = exponent_field(31, 41, 4, "mean baseline");
constexpr Field kBaselineUnc = real_field(43, 47, 2, "baseline uncertainty");
constexpr Field kBackgroundType = text_field(49, 60, "background type");
constexpr Field kBackgroundRate = exponent_field(62, 72, 4, "background net count rate");
constexpr Field kBackgroundRateUnc = real_field(74, 78, 2, "background net count rate uncertainty");
// Table 105.
constexpr Field kArea = exponent_field(7, 17, 4, "peak area");
constexpr Field kAreaUnc = real_field(19, 23, 2, "peak area uncertainty");
constexpr Field kNetRate = exponent_field(25, 35, 4, "net count rate");
constexpr Field kNetRateUnc = real_field(37, 41, 2, "net count rate uncertainty");
constexpr Field kPeakLc = exponent_field(43, 53, 4, "critical level");
constexpr Field kSignificance = real_field(55, 60, 2, "peak significance");
constexpr Field kEfficiency = exponent_field(62, 72, 4, "efficiency");
constexpr Field kEfficiencyUnc = real_field(74, 78, 2, "efficiency uncertainty");
// Table 107.
constexpr Field kExplanation = real_field(7, 13, 3, "explanation level");
constexpr Field kAssociatedNuclide = text_field(15, 22, "nuclide");
// Table 108.
constexpr Field kMid = text_field(1, 31, "measurement identification");
// Tables 110, 111; the nine-field form (§6.3 item 39) puts the k and confidence level after each uncertainty.
constexpr Field kActivityDate = text_field(1, 10, "activity reference date");
constexpr Field kActivityTime = real_field(12, 21, 1, "activity reference time");
constexpr Field kConcentrationDate = text_field(23, 32, "concentration reference date");
constexpr Field kConcentrationTime = real_field(34, 43, 1, "concentration reference time");
constexpr Field kNuclide = text_field(1, 8, "nuclide");
constexpr Field kActivity = exponent_field(10, 20, 4, "activity");
constexpr Field kActivityUnc = real_field(22, 26, 2, "activity uncertainty");
constexpr Field kActivityK = integer_field(28, 28, "activity coverage factor");
constexpr Field kConcentration = exponent_field(30, 40, 4, "concentration");
constexpr Field kConcentrationUnc = real_field(42, 46, 2, "concentration uncertainty");
constexpr Field kConcentrationK = integer_field(48, 48, "concentration coverage factor");
constexpr Field kActivityK9 = real_field(28, 31, 2, "activity coverage factor");
constexpr Field kActivityConf9 = real_field(33, 37, 2, "activity confidence level");
constexpr Field kConcentration9 = exponent_field(39, 49, 4, "concentration");
constexpr Field kConcentrationUnc9 = real_field(51, 55, 2, "concentration uncertainty");
constexpr Field kConcentrationK9 = real_field(57, 60, 2, "concentration coverage factor");
constexpr Field kConcentrationConf9 = real_field(62, 66, 2, "concentration confidence level");
// Table 112.
constexpr Field kNuclide2 = text_field(10, 17, "second nuclide");
constexpr Field kRatio = real_field(19, 26, 3, "activity ratio");
constexpr Field kRatioUnc = real_field(28, 32, 2, "activity ratio uncertainty");
constexpr Field kRatioDate = text_field(34, 43, "ratio reference date");
constexpr Field kRatioTime = real_field(45, 54, 1, "ratio reference time");
constexpr Field kZeroDate = text_field(56, 65, "zero date");
constexpr Field kZeroTime = real_field(67, 76, 1, "zero time");
constexpr Field kZeroUnc = real_field(78, 85, 3, "zero time uncertainty");
// Table 113.
constexpr Field kCorrectionEnergy = real_field(10, 17, 3, "energy");
constexpr Field kCorrectionFactor = real_field(19, 26, 3, "coincidence correction factor");
constexpr Field kCorrectionUnc = real_field(28, 32, 2, "coincidence correction uncertainty");
// Table 114.
constexpr Field kComponentUnc = real_field(10, 14, 2, "uncertainty");
constexpr Field kDescriptor = text_field(16, 55, "uncertainty descriptor");
// Tables 115-117.
constexpr Field kLc = exponent_field(10, 20, 4, "LC");
constexpr Field kMda = exponent_field(10, 20, 4, "MDA");
constexpr Field kMdc = exponent_field(22, 32, 4, "MDC");

const std::initializer_list<std::string_view> kAnalysisKeywords = {"~NuclidesMethod", "~BaselineMethod",
                                                                   "~LcMethod", "~CalibrationMethod"};
const std::initializer_list<std::string_view> kReferenceKeywords = {"~SAMPLEPHD", "~CALIBPHD",
                                                                    "~PhysicalConstants"};
const std::initializer_list<std::string_view> kBudgetKeywords = {"~Uncertainties",
                                                                 "~UncertaintyCalculationMethods"};
const std::initializer_list<std::string_view> kConclusionKeywords = {"~IDCSummary", "~LabSummary",
                                                                     "~ResultComparison"};

// Blocks of records "2-n": at least one (7.1).
void require_records(const Block& b, Diagnostics& d) {
  const bool any =
      std::any_of(b.records.begin(), b.records.end(), [](const Line& l) { return !trim(l.text).empty(); });
  if (!any)
    d.error({b.name_line.number, 1}, fmt::format("{} has no record: it needs one at least", b.name), kRule);
}

// The data records of a block made of one kind of record, blank lines skipped with a warning.
template <class T, class F>
std::vector<T> each_record(const Block& b, Diagnostics& d, Mode mode, F read) {
  require_records(b, d);
  std::vector<T> out;
  BlockCursor c(b, d, mode, kRule);
  while (!c.at_end()) {
    LabRecord r = c.record("data");
    if (r.at_end()) continue;
    out.push_back(read(r));
    r.finish();
  }
  return out;
}

bool is_integral(double x) {
  return x >= 0 && x <= 9 && x == static_cast<double>(static_cast<int>(x));
}

}  // namespace

RlrHeader read_rlr_header(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  RlrHeader h;
  LabRecord priority = c.record(kPriority.name);
  h.priority = read_priority(priority, kPriority);
  priority.finish();
  LabRecord sample = c.record(kStation.name);
  h.station = sample.text(kStation);
  h.srid = sample.text(kSrid);
  sample.finish();
  LabRecord lab = c.record(kLab.name);
  h.lab = lab.text(kLab);
  h.detector = lab.text(kDetector);
  lab.finish();
  LabRecord report = c.record(kReportType.name);
  const Position type_at = report.position();
  const std::string type(report.peek());
  report.text(kReportType);
  if (iequals(type, "PRE")) {
    h.report_type = ReportType::preliminary;
  } else if (iequals(type, "FIN")) {
    h.report_type = ReportType::final;
  } else if (!type.empty()) {
    d.error(type_at, fmt::format("'{}' is not a report type: expected PRE or FIN", type), kRule);
  }
  h.report_number = report.integer(kReportNumber);
  report.finish();
  LabRecord category = c.record(kCategory.name);
  h.category = read_category(category, kCategory);
  category.finish();
  LabRecord sent = c.record(kSentDate.name);
  h.transmitted = sent.date_time(kSentDate, kSentTime);
  sent.finish();
  c.finish();
  return h;
}

void write_block(BlockWriter& w, const RlrHeader& h) {
  w.name("#Header");
  w.line(LabLine().text(kPriority, h.priority ? priority_name(*h.priority) : ""));
  w.line(LabLine().text(kStation, h.station).text(kSrid, h.srid));
  w.line(LabLine().text(kLab, h.lab).text(kDetector, h.detector));
  w.line(LabLine()
             .text(kReportType, !h.report_type                        ? ""
                                : *h.report_type == ReportType::final ? "FIN"
                                                                      : "PRE")
             .integer(kReportNumber, h.report_number));
  w.line(LabLine().text(kCategory, h.category.empty() ? "" : "Category " + h.category));
  w.line(LabLine().date_time(kSentDate, kSentTime, h.transmitted));
}

XenonProcessing read_xenon_processing(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  XenonProcessing p;
  LabRecord archive = c.record("archive bottle xenon volume");
  p.archive_volume = archive.real(kArchiveVolume);
  p.archive_volume_uncertainty = archive.real(kArchiveVolumeUnc);
  archive.finish();
  LabRecord count = c.record(kMeasurementCount.name);
  const auto k = count.integer(kMeasurementCount);
  count.finish();
  for (std::int64_t i = 0; i < std::clamp<std::int64_t>(k.value_or(0), 0, 9); ++i) {
    LabRecord r = c.record("volume measurement");
    XenonCellMeasurement m;
    m.cell_volume = r.real(kCellVolume);
    m.cell_volume_uncertainty = r.real(kCellVolumeUnc);
    m.transfer_efficiency = r.real(kTransfer);
    m.transfer_efficiency_uncertainty = r.real(kTransferUnc);
    r.finish();
    p.measurements.push_back(m);
  }
  if (!c.at_end()) {
    LabRecord r = c.record("archive bottle");
    ArchiveBottle a;
    a.container_id = r.text(kArchiveId);
    a.pressure = r.real(kArchivePressure);
    a.gas_composition = r.rest(kGasComposition, false);
    p.archive_bottle = a;
  }
  c.finish();
  return p;
}

void write_block(BlockWriter& w, const XenonProcessing& p) {
  w.name("#X_Processing");
  w.line(
      LabLine().real(kArchiveVolume, p.archive_volume).real(kArchiveVolumeUnc, p.archive_volume_uncertainty));
  w.line(LabLine().integer(kMeasurementCount, static_cast<std::int64_t>(p.measurements.size())));
  for (const XenonCellMeasurement& m : p.measurements) {
    w.line(LabLine()
               .real(kCellVolume, m.cell_volume)
               .real(kCellVolumeUnc, m.cell_volume_uncertainty)
               .real(kTransfer, m.transfer_efficiency)
               .real(kTransferUnc, m.transfer_efficiency_uncertainty));
  }
  if (p.archive_bottle) {
    w.line(LabLine()
               .text(kArchiveId, p.archive_bottle->container_id)
               .real(kArchivePressure, p.archive_bottle->pressure)
               .text(kGasComposition, p.archive_bottle->gas_composition));
  }
}

ParticulateLabSample read_particulate_lab_sample(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  ParticulateLabSample s;
  LabRecord activity = c.record(kSampleActivity.name);
  s.activity = activity.real(kSampleActivity);
  activity.finish();
  LabRecord dims = c.record("sample dimensions");
  s.diameter = dims.real(kDiameter);
  s.thickness = dims.real(kThickness);
  if (!dims.at_end()) s.width = dims.real(kWidth);
  dims.finish();
  LabRecord mass = c.record(kMass.name);
  s.mass = mass.real(kMass);
  mass.finish();
  LabRecord container = c.record("container");
  s.container_density = container.real(kContainerDensity);
  s.container_thickness = container.real(kContainerThickness);
  s.container_material = container.rest(kContainerMaterial, false);
  s.preparation = c.rest_text();
  return s;
}

void write_block(BlockWriter& w, const ParticulateLabSample& s) {
  w.name("#P_LabSample");
  w.line(LabLine().real(kSampleActivity, s.activity));
  w.line(LabLine().real(kDiameter, s.diameter).real(kThickness, s.thickness).real(kWidth, s.width));
  w.line(LabLine().real(kMass, s.mass));
  w.line(LabLine()
             .real(kContainerDensity, s.container_density)
             .real(kContainerThickness, s.container_thickness)
             .text(kContainerMaterial, s.container_material));
  w.text(s.preparation);
}

NobleGasLabSample read_noble_gas_lab_sample(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  NobleGasLabSample s;
  LabRecord activity = c.record(kSampleActivity.name);
  s.activity = activity.real(kSampleActivity);
  activity.finish();
  LabRecord volume = c.record(kLabXeVolume.name);
  s.xe_volume = volume.real(kLabXeVolume);
  volume.finish();
  s.preparation = c.rest_text();
  return s;
}

void write_block(BlockWriter& w, const NobleGasLabSample& s) {
  w.name("#X_LabSample");
  w.line(LabLine().real(kSampleActivity, s.activity));
  w.line(LabLine().real(kLabXeVolume, s.xe_volume));
  w.text(s.preparation);
}

LabTest read_lab_test(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  LabTest t;
  t.type = c.record(kTestType.name).rest(kTestType);
  LabRecord date = c.record(kTestDate.name);
  t.completed = date.date(kTestDate);
  date.finish();
  t.purpose = c.rest_text();
  return t;
}

void write_block(BlockWriter& w, const LabTest& t) {
  w.name("#Test");
  w.line(LabLine().text(kTestType, t.type));
  w.line(LabLine().date(kTestDate, t.completed));
  w.text(t.purpose);
}

LabCalibrationEquations read_calibration_equations(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  LabRecord count = c.record(kEquationCount.name);
  const std::int64_t n = std::clamp<std::int64_t>(count.integer(kEquationCount).value_or(0), 0, 9);
  count.finish();
  LabCalibrationEquations out;
  // "0" is still followed by one dummy equation (I.29.2, I.30): read and dropped.
  for (std::int64_t e = 0; e < std::max<std::int64_t>(n, 1); ++e) {
    if (n == 0 && c.at_end()) break;
    LabRecord r = c.record("equation type");
    LabCalibrationEquation eq;
    eq.type = r.integer(kEquationType);
    const Position p_at = r.position();
    const std::int64_t p = std::clamp<std::int64_t>(r.integer(kParameterCount).value_or(0), 0, 99);
    eq.energy_start = r.real(kEnergyStart);
    eq.energy_end = r.real(kEnergyEnd);
    r.finish();
    if (eq.type && *eq.type != 99 && (*eq.type < (n == 0 ? 0 : 1) || *eq.type > 9)) {
      d.error(p_at, fmt::format("equation type code {} is not one of Table 97 (1-9, 99)", *eq.type), kRule);
    }
    for (std::int64_t line = 0; line < std::max<std::int64_t>(1, (p + 3) / 4); ++line) {
      LabRecord params = c.record("parameters");
      for (std::size_t slot = 0; slot < kParameters.size() && !params.at_end(); ++slot) {
        const Position at = params.position();
        const auto value = params.real(kParameters[slot]);
        if (line * 4 + static_cast<std::int64_t>(slot) < p) {
          eq.parameters.push_back(value);
        } else if (value) {
          d.warning(at, fmt::format("a parameter after the {} the equation announces, ignored", p), kRule);
        }
      }
      params.finish();
    }
    if (n > 0) out.equations.push_back(std::move(eq));
  }
  c.finish();
  return out;
}

void write_block(BlockWriter& w, std::string_view name, const LabCalibrationEquations& e) {
  w.name(name);
  w.line(LabLine().integer(kEquationCount, static_cast<std::int64_t>(e.equations.size())));
  const LabCalibrationEquation dummy{0, 0.0, 0.0, {}};
  const std::vector<LabCalibrationEquation> none{dummy};
  for (const LabCalibrationEquation& eq : e.equations.empty() ? none : e.equations) {
    const auto p = static_cast<std::int64_t>(eq.parameters.size());
    w.line(LabLine()
               .integer(kEquationType, eq.type)
               .integer(kParameterCount, p)
               .real(kEnergyStart, eq.energy_start)
               .real(kEnergyEnd, eq.energy_end));
    for (std::int64_t line = 0; line < std::max<std::int64_t>(1, (p + 3) / 4); ++line) {
      LabLine l;
      for (std::size_t slot = 0; slot < kParameters.size(); ++slot) {
        const std::size_t i = static_cast<std::size_t>(line) * 4 + slot;
        l.real(kParameters[slot], i < eq.parameters.size() ? eq.parameters[i] : std::nullopt);
      }
      w.line(l);
    }
  }
}

PeaksMethod read_peaks_method(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  PeaksMethod m;
  m.software = c.record(kSoftware.name).rest(kSoftware);
  m.description = c.rest_text();
  return m;
}

void write_block(BlockWriter& w, const PeaksMethod& m) {
  w.name("#PeaksMethod");
  w.line(LabLine().text(kSoftware, m.software));
  w.text(m.description);
}

std::vector<SearchedPeak> read_peak_search(const Block& b, Diagnostics& d, Mode mode) {
  std::optional<SearchedPeak> previous;
  return each_record<SearchedPeak>(b, d, mode, [&](LabRecord& r) {
    SearchedPeak p;
    p.index = r.integer(kPeakIndex);
    const Position channel_at = r.position();
    p.channel = r.real(kCentroid);
    p.channel_uncertainty = r.real(kCentroidUnc);
    p.energy = r.real(kPeakEnergy);
    p.energy_uncertainty = r.real(kPeakEnergyUnc);
    p.sensitivity = r.real(kSensitivity);
    p.comment = r.optional_text(kPeakComment);
    // An f8.3 channel of 10000 or more loses its first digit (I.30 "0596.200", §6.3 item 30).
    if (previous && previous->channel && previous->energy && p.channel && p.energy &&
        *p.energy > *previous->energy && *p.channel < *previous->channel) {
      deviation(
          d, mode, channel_at,
          fmt::format("centroid channel {} is below the previous peak's at a higher energy: an overflowing "
                      "f8.3 field?",
                      *p.channel),
          std::string(kRule));
    }
    previous = p;
    return p;
  });
}

void write_block(BlockWriter& w, const std::vector<SearchedPeak>& peaks) {
  w.name("#PeakSearch");
  for (const SearchedPeak& p : peaks) {
    w.line(LabLine()
               .integer(kPeakIndex, p.index)
               .real(kCentroid, p.channel)
               .real(kCentroidUnc, p.channel_uncertainty)
               .real(kPeakEnergy, p.energy)
               .real(kPeakEnergyUnc, p.energy_uncertainty)
               .real(kSensitivity, p.sensitivity)
               .text(kPeakComment, p.comment));
  }
}

std::vector<PeakFit1> read_peak_fit1(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<PeakFit1>(b, d, mode, [](LabRecord& r) {
    PeakFit1 p;
    p.index = r.integer(kPeakIndex);
    p.fwhm = r.real(kFwhm);
    p.roi_start = r.real(kRoiStart);
    p.roi_end = r.real(kRoiEnd);
    p.baseline = r.real(kBaseline);
    p.baseline_uncertainty = r.real(kBaselineUnc);
    p.background_type = r.text(kBackgroundType);
    if (!r.at_end()) p.background_rate = r.real(kBackgroundRate);
    if (!r.at_end()) p.background_rate_uncertainty = r.real(kBackgroundRateUnc);
    return p;
  });
}

void write_block(BlockWriter& w, const std::vector<PeakFit1>& fits) {
  w.name("#PeakFitPart1");
  for (const PeakFit1& p : fits) {
    w.line(LabLine()
               .integer(kPeakIndex, p.index)
               .real(kFwhm, p.fwhm)
               .real(kRoiStart, p.roi_start)
               .real(kRoiEnd, p.roi_end)
               .real(kBaseline, p.baseline)
               .real(kBaselineUnc, p.baseline_uncertainty)
               .text(kBackgroundType, p.background_type)
               .real(kBackgroundRate, p.background_rate)
               .real(kBackgroundRateUnc, p.background_rate_uncertainty));
  }
}

std::vector<PeakFit2> read_peak_fit2(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<PeakFit2>(b, d, mode, [](LabRecord& r) {
    PeakFit2 p;
    p.index = r.integer(kPeakIndex);
    p.area = r.real(kArea);
    p.area_uncertainty = r.real(kAreaUnc);
    p.net_rate = r.real(kNetRate);
    p.net_rate_uncertainty = r.real(kNetRateUnc);
    p.lc = r.real(kPeakLc);
    p.significance = r.real(kSignificance);
    p.efficiency = r.real(kEfficiency);
    p.efficiency_uncertainty = r.real(kEfficiencyUnc);
    return p;
  });
}

void write_block(BlockWriter& w, const std::vector<PeakFit2>& fits) {
  w.name("#PeakFitPart2");
  for (const PeakFit2& p : fits) {
    w.line(LabLine()
               .integer(kPeakIndex, p.index)
               .real(kArea, p.area)
               .real(kAreaUnc, p.area_uncertainty)
               .real(kNetRate, p.net_rate)
               .real(kNetRateUnc, p.net_rate_uncertainty)
               .real(kPeakLc, p.lc)
               .real(kSignificance, p.significance)
               .real(kEfficiency, p.efficiency)
               .real(kEfficiencyUnc, p.efficiency_uncertainty));
  }
}

AnalysisMethods read_analysis_methods(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  AnalysisMethods m;
  m.software = c.record(kSoftware.name).rest(kSoftware);
  const auto s = c.sections(kAnalysisKeywords);
  m.nuclides_method = text_of(s[0]);
  m.baseline_method = text_of(s[1]);
  m.lc_method = text_of(s[2]);
  m.calibration_method = text_of(s[3]);
  return m;
}

void write_block(BlockWriter& w, const AnalysisMethods& m) {
  w.name("#AnalysisMethods");
  w.line(LabLine().text(kSoftware, m.software));
  w.sections(kAnalysisKeywords,
             {&m.nuclides_method, &m.baseline_method, &m.lc_method, &m.calibration_method});
}

std::vector<PeakAssociation> read_peak_association(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<PeakAssociation>(b, d, mode, [](LabRecord& r) {
    PeakAssociation a;
    a.index = r.integer(kPeakIndex);
    a.explanation_level = r.real(kExplanation);
    a.nuclide = r.rest(kAssociatedNuclide);
    return a;
  });
}

void write_block(BlockWriter& w, const std::vector<PeakAssociation>& associations) {
  w.name("#PeakAssociation");
  for (const PeakAssociation& a : associations) {
    w.line(LabLine()
               .integer(kPeakIndex, a.index)
               .real(kExplanation, a.explanation_level)
               .text(kAssociatedNuclide, a.nuclide));
  }
}

References read_references(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  const auto s = c.sections(kReferenceKeywords);
  References r;
  std::vector<std::string> sample;
  for (int i = 0; i < 2; ++i) {
    for (const Line& l : s[i]) {
      LabRecord mid(l, d, mode, kRule);
      if (mid.at_end()) continue;
      std::string m = mid.text(kMid);
      mid.finish();
      if (!m.empty()) (i == 0 ? sample : r.calibration_mids).push_back(std::move(m));
    }
  }
  if (sample.size() > 1) {
    d.warning({s[0][1].number, 1}, "~SAMPLEPHD names one spectrum: the others are ignored", kRule);
  }
  if (!sample.empty()) r.sample_mid = sample.front();
  r.physical_constants = text_of(s[2]);
  return r;
}

void write_block(BlockWriter& w, const References& r) {
  w.name("#References");
  w.name("~SAMPLEPHD");
  w.line(LabLine().text(kMid, r.sample_mid));
  w.name("~CALIBPHD");
  if (r.calibration_mids.empty()) w.line(LabLine().text(kMid, ""));
  for (const std::string& m : r.calibration_mids) w.line(LabLine().text(kMid, m));
  w.name("~PhysicalConstants");
  w.text(r.physical_constants, kReferenceKeywords);
}

LabResults read_lab_results(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  LabResults out;
  LabRecord dates = c.record("reference dates");
  out.activity_reference = dates.date_time(kActivityDate, kActivityTime);
  out.concentration_reference = dates.date_time(kConcentrationDate, kConcentrationTime);
  dates.finish();
  if (c.at_end()) d.error({b.name_line.number, 1}, fmt::format("{} has no nuclide record", b.name), kRule);
  while (!c.at_end()) {
    LabRecord r = c.record("nuclide");
    if (r.at_end()) continue;
    const std::size_t tokens = r.remaining();
    if (tokens != 5 && tokens != 7 && tokens != 9) {
      d.error(r.position(),
              fmt::format("a result record has {} fields: expected 7 (Tables 110, 111), 9 (with confidence "
                          "levels) or 5 (no coverage factors)",
                          tokens),
              kRule);
      continue;
    }
    NuclideResult n;
    n.nuclide = r.text(kNuclide);
    n.activity = r.real(kActivity);
    n.activity_uncertainty = r.real(kActivityUnc);
    if (tokens >= 7) n.activity_coverage = r.real(kActivityK9);
    if (tokens == 9) n.activity_confidence = r.real(kActivityConf9);
    n.concentration = r.real(kConcentration);
    n.concentration_uncertainty = r.real(kConcentrationUnc);
    if (tokens >= 7) n.concentration_coverage = r.real(kConcentrationK9);
    if (tokens == 9) n.concentration_confidence = r.real(kConcentrationConf9);
    out.nuclides.push_back(std::move(n));
  }
  return out;
}

void write_block(BlockWriter& w, std::string_view name, const LabResults& r) {
  w.name(name);
  w.line(LabLine()
             .date_time(kActivityDate, kActivityTime, r.activity_reference)
             .date_time(kConcentrationDate, kConcentrationTime, r.concentration_reference));
  for (const NuclideResult& n : r.nuclides) {
    LabLine l;
    l.text(kNuclide, n.nuclide).real(kActivity, n.activity).real(kActivityUnc, n.activity_uncertainty);
    const bool no_k = !n.activity_coverage && !n.concentration_coverage && !n.activity_confidence &&
                      !n.concentration_confidence;
    const bool table_k = !n.activity_confidence && !n.concentration_confidence && n.activity_coverage &&
                         n.concentration_coverage && is_integral(*n.activity_coverage) &&
                         is_integral(*n.concentration_coverage);
    if (no_k || table_k) {
      if (table_k) l.integer(kActivityK, static_cast<std::int64_t>(*n.activity_coverage));
      l.real(kConcentration, n.concentration).real(kConcentrationUnc, n.concentration_uncertainty);
      if (table_k) l.integer(kConcentrationK, static_cast<std::int64_t>(*n.concentration_coverage));
    } else {
      l.real(kActivityK9, n.activity_coverage)
          .real(kActivityConf9, n.activity_confidence)
          .real(kConcentration9, n.concentration)
          .real(kConcentrationUnc9, n.concentration_uncertainty)
          .real(kConcentrationK9, n.concentration_coverage)
          .real(kConcentrationConf9, n.concentration_confidence);
    }
    w.line(l);
  }
}

std::vector<NuclideRatio> read_nuclide_ratios(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<NuclideRatio>(b, d, mode, [&](LabRecord& r) {
    NuclideRatio n;
    n.nuclide1 = r.text(kNuclide);
    // I.30 writes one name before the numbers of its dummy record: a name never holds a '.'.
    if (r.peek().find('.') != std::string_view::npos && parse_real(r.peek())) {
      deviation(d, mode, r.position(), "one nuclide name: a ratio names two nuclides", std::string(kRule));
    } else {
      n.nuclide2 = r.text(kNuclide2);
    }
    n.ratio = r.real(kRatio);
    n.uncertainty = r.real(kRatioUnc);
    n.reference = r.date_time(kRatioDate, kRatioTime);
    n.zero_time = r.date_time(kZeroDate, kZeroTime);
    n.zero_time_uncertainty = r.real(kZeroUnc);
    return n;
  });
}

void write_block(BlockWriter& w, const std::vector<NuclideRatio>& ratios) {
  w.name("#NuclideRatios");
  for (const NuclideRatio& n : ratios) {
    w.line(LabLine()
               .text(kNuclide, n.nuclide1)
               .text(kNuclide2, n.nuclide2)
               .real(kRatio, n.ratio)
               .real(kRatioUnc, n.uncertainty)
               .date_time(kRatioDate, kRatioTime, n.reference)
               .date_time(kZeroDate, kZeroTime, n.zero_time)
               .real(kZeroUnc, n.zero_time_uncertainty));
  }
}

std::vector<CoincidenceCorrection> read_coincidence_corrections(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<CoincidenceCorrection>(b, d, mode, [](LabRecord& r) {
    CoincidenceCorrection c;
    c.nuclide = r.text(kNuclide);
    c.energy = r.real(kCorrectionEnergy);
    c.factor = r.real(kCorrectionFactor);
    c.uncertainty = r.real(kCorrectionUnc);
    return c;
  });
}

void write_block(BlockWriter& w, const std::vector<CoincidenceCorrection>& corrections) {
  w.name("#CoincidenceCorrection");
  for (const CoincidenceCorrection& c : corrections) {
    w.line(LabLine()
               .text(kNuclide, c.nuclide)
               .real(kCorrectionEnergy, c.energy)
               .real(kCorrectionFactor, c.factor)
               .real(kCorrectionUnc, c.uncertainty));
  }
}

UncertaintyBudget read_uncertainty_budget(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  const auto s = c.sections(kBudgetKeywords);
  UncertaintyBudget u;
  for (const Line& l : s[0]) {
    LabRecord r(l, d, mode, kRule);
    if (r.at_end()) continue;
    UncertaintyComponent component;
    component.nuclide = r.text(kNuclide);
    component.uncertainty = r.real(kComponentUnc);
    component.descriptor = r.rest(kDescriptor, false);
    u.uncertainties.push_back(std::move(component));
  }
  u.calculation_methods = text_of(s[1]);
  return u;
}

void write_block(BlockWriter& w, const UncertaintyBudget& b) {
  w.name("#UncertaintyBudget");
  w.name("~Uncertainties");
  for (const UncertaintyComponent& c : b.uncertainties) {
    w.line(LabLine()
               .text(kNuclide, c.nuclide)
               .real(kComponentUnc, c.uncertainty)
               .text(kDescriptor, c.descriptor));
  }
  w.name("~UncertaintyCalculationMethods");
  w.text(b.calculation_methods, kBudgetKeywords);
}

std::vector<CriticalLevel> read_critical_levels(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<CriticalLevel>(b, d, mode, [](LabRecord& r) {
    CriticalLevel l;
    l.nuclide = r.text(kNuclide);
    l.lc = r.real(kLc);
    return l;
  });
}

void write_block(BlockWriter& w, const std::vector<CriticalLevel>& levels) {
  w.name("#Lc");
  for (const CriticalLevel& l : levels) w.line(LabLine().text(kNuclide, l.nuclide).real(kLc, l.lc));
}

std::vector<MinimumDetectable> read_minimum_detectable(const Block& b, Diagnostics& d, Mode mode) {
  return each_record<MinimumDetectable>(b, d, mode, [](LabRecord& r) {
    MinimumDetectable m;
    m.nuclide = r.text(kNuclide);
    m.mda = r.real(kMda);
    m.mdc = r.real(kMdc);
    return m;
  });
}

void write_block(BlockWriter& w, std::string_view name, const std::vector<MinimumDetectable>& mdas) {
  w.name(name);
  for (const MinimumDetectable& m : mdas) {
    w.line(LabLine().text(kNuclide, m.nuclide).real(kMda, m.mda).real(kMdc, m.mdc));
  }
}

Conclusions read_conclusions(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  const auto s = c.sections(kConclusionKeywords);
  return {text_of(s[0]), text_of(s[1]), text_of(s[2])};
}

void write_block(BlockWriter& w, const Conclusions& c) {
  w.name("#Conclusions");
  w.sections(kConclusionKeywords, {&c.idc_summary, &c.lab_summary, &c.result_comparison});
}

}  // namespace imsgate::ims2::rn
