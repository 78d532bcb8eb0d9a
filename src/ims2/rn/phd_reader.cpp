// Reading a PHD section: each block by its table (phd_fields.hpp), spectra and histograms by the fast path of
// spectrum.cpp, then the checks of phd_validate.cpp.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ims2/rn/phd.hpp"
#include "ims2/rn/phd_fields.hpp"
#include "ims2/rn/phd_validate.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/spectrum.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace phd_fields;

constexpr std::array<std::pair<std::string_view, PhdType>, 9> kTypes{{
    {"SAMPLEPHD", PhdType::sample},
    {"SPHDF", PhdType::sample},
    {"SPHDP", PhdType::sample},
    {"BLANKPHD", PhdType::blank},
    {"DETBKPHD", PhdType::detector_background},
    {"GASBKPHD", PhdType::gas_background},
    {"CALIBPHD", PhdType::calibration},
    {"QCPHD", PhdType::quality_control},
    {"SPIKEPHD", PhdType::spike},
}};

constexpr std::array<std::string_view, 19> kBlockNames{
    "#Comment",    "#Collection",    "#Acquisition",       "#Processing",   "#Sample",
    "#g_Energy",   "#b_Energy",      "#g_Resolution",      "#b_Resolution", "#g_Efficiency",
    "#ROI_Limits", "#b-gEfficiency", "#g_TotalEfficiency", "#Ratios",       "#g_Spectrum",
    "#b_Spectrum", "#Histogram",     "#Calibration",       "#Certificate"};

std::optional<PhdBlockKind> kind_of(std::string_view name) {
  for (std::size_t i = 0; i < kBlockNames.size(); ++i)
    if (iequals(name, kBlockNames[i])) return static_cast<PhdBlockKind>(i);
  return std::nullopt;
}

// True when diagnostics added since `before` hold an error: the record they belong to is not kept.
bool new_errors(const Diagnostics& d, std::size_t before) {
  return std::any_of(d.items().begin() + static_cast<std::ptrdiff_t>(before), d.items().end(),
                     [](const Diagnostic& x) { return x.severity == Severity::error; });
}

// A number is read whatever its form, but one that the table's field cannot give back (more decimals than
// fW.D, more digits than fW) is worth a warning: the writer will round it.
double real(RecordReader& r, const Field& f) {
  const Position at = r.position();
  const std::string_view token = r.peek();
  const auto x = r.real(f);
  if (!x) return 0;
  FieldWriter w;
  w.real(f, *x);
  const auto written = w.finish();
  if (written && parse_real(trim(*written)) != *x)
    r.diagnostics().warning(
        at,
        fmt::format("'{}' has more digits than the {} keeps (columns {}-{}): written as '{}'", token, f.name,
                    f.first, f.last, trim(*written)),
        std::string(kRule));
  return *x;
}

// A date-time, with the same warning for seconds written to more decimals than the time field keeps.
std::optional<TimePoint> date_time(RecordReader& r, const Field& date, const Field& time) {
  const Position at = r.position();
  const auto t = r.date_time(date, time);
  if (!t) return t;
  const std::string written = write_fixed_date_time(*t, time.decimals);
  if (parse_fixed_date_time(written.substr(0, 10), written.substr(11)) != *t)
    r.diagnostics().warning(
        at, fmt::format("the {} has more decimals than the field keeps: written as '{}'", time.name, written),
        std::string(kRule));
  return t;
}

// The data records of a block, one T per line; a line with an error is reported and left out.
template <class T, class F>
std::vector<T> records_of(const Block& block, Diagnostics& d, F read) {
  std::vector<T> out;
  out.reserve(block.records.size());
  for (const Line& line : block.records) {
    if (elision_mark(line, d)) continue;
    const std::size_t before = d.size();
    RecordReader r(line, d, kRule);
    T t = read(r);
    if (new_errors(d, before)) continue;
    r.finish();
    out.push_back(std::move(t));
  }
  return out;
}

// A block of one data record: its absence is an error, more records are ignored with a warning.
template <class F>
void single_record(const Block& block, Diagnostics& d, F read) {
  if (block.records.empty()) {
    d.error({block.name_line.number, 1}, fmt::format("{} has no data record", block.name),
            std::string(kRule));
    return;
  }
  RecordReader r(block.records[0], d, kRule);
  read(r);
  r.finish();
  for (std::size_t i = 1; i < block.records.size(); ++i)
    d.warning({block.records[i].number, 1},
              fmt::format("{} has one data record: this one is ignored", block.name), std::string(kRule));
}

std::optional<DecayMode> decay_mode(std::string_view s, bool none_allowed) {
  if (iequals(s, "B")) return DecayMode::beta;
  if (iequals(s, "C")) return DecayMode::conversion_electron;
  if (none_allowed && s == "0") return DecayMode::none;
  return std::nullopt;
}

void bad_token(RecordReader& r, Position at, std::string_view token, const Field& f,
               std::string_view expected) {
  r.diagnostics().error(at, fmt::format("'{}' is not a valid {}: expected {}", token, f.name, expected),
                        std::string(kRule));
}

PhdHeader read_header(const Block& block, Diagnostics& d, Mode mode) {
  PhdHeader h;
  h.designator = block.designator;
  if (block.records.size() < 4) {
    d.error({block.name_line.number, 1},
            fmt::format("#Header has {} records: Table 58 gives 5", block.records.size() + 1),
            std::string(kRule));
  }
  for (std::size_t i = 4; i < block.records.size(); ++i)
    d.warning({block.records[i].number, 1}, "#Header has 5 records: this one is ignored", std::string(kRule));
  if (block.records.size() > 0) {
    RecordReader r(block.records[0], d, kRule);
    h.station = r.text(kStation);
    h.detector = r.text(kDetector);
    const Position system_at = r.position();
    const std::string system = r.text(kSystemType);
    if (iequals(system, "P")) {
      h.system_type = SystemType::particulate;
    } else if (iequals(system, "G")) {
      h.system_type = SystemType::noble_gas_hpge;
    } else if (iequals(system, "B")) {
      h.system_type = SystemType::beta_gamma;
    } else if (!system.empty()) {
      bad_token(r, system_at, system, kSystemType, "P, G or B");
    }
    // The geometry is free text: everything between the system type and the last token, the qualifier.
    const Position rest_at = r.position();
    const std::string rest = r.rest();
    const auto split = rest.find_last_of(" \t");
    const std::string qualifier = split == std::string::npos ? rest : rest.substr(split + 1);
    if (split != std::string::npos) h.geometry = std::string(trim(std::string_view(rest).substr(0, split)));
    if (!system.empty() && h.geometry.empty())
      d.error(rest_at, "no sample geometry between the system type and the spectral qualifier",
              std::string(kRule));
    const Position qualifier_at{
        rest_at.line, rest_at.column + static_cast<int>(split == std::string::npos ? 0 : split + 1)};
    if (iequals(qualifier, "PREL")) {
      h.qualifier = Qualifier::preliminary;
    } else if (iequals(qualifier, "FULL")) {
      h.qualifier = Qualifier::full;
    } else if (!system.empty()) {
      bad_token(r, qualifier_at, qualifier, kQualifier, "PREL or FULL");
    }
  }
  if (block.records.size() > 1) {
    RecordReader r(block.records[1], d, kRule);
    h.srid = r.text(kSrid);
    r.finish();
  }
  if (block.records.size() > 2) {
    // 1 to 3 MIDs, missing trailing ones are "0" (I.6, I.35.2). Blanks around a MID's dashes (I.9, I.19 as
    // printed) are joined.
    const Line& line = block.records[2];
    const auto tokens = LogicalLine(line).tokens();
    std::vector<std::string> mids;
    bool joined = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      std::string mid(tokens[i].text);
      while (i + 1 < tokens.size() && (mid.back() == '-' || tokens[i + 1].text.front() == '-')) {
        mid += tokens[++i].text;
        joined = true;
      }
      mids.push_back(std::move(mid));
    }
    if (joined) deviation(d, mode, {line.number, 1}, "blanks inside a MID: read without them", "7.2.10");
    if (mids.empty()) d.error({line.number, 1}, "the line ends before the MID", std::string(kRule));
    if (mids.size() > 3)
      d.warning({line.number, 1}, "more than 3 MIDs: the others are ignored", std::string(kRule));
    if (mids.size() > 0) h.mid = mids[0];
    if (mids.size() > 1) h.detector_background_mid = mids[1];
    if (mids.size() > 2) h.gas_background_mid = mids[2];
  }
  if (block.records.size() > 3) {
    RecordReader r(block.records[3], d, kRule);
    h.transmitted = date_time(r, kTransmitDate, kTransmitTime);
    r.finish();
  }
  return h;
}

PhdProcessing read_processing(const Block& block, Diagnostics& d) {
  PhdProcessing p;
  if (block.records.empty()) {
    d.error({block.name_line.number, 1}, "#Processing has no data record", std::string(kRule));
    return p;
  }
  {
    RecordReader r(block.records[0], d, kRule);
    p.xe_volume = real(r, kXeVolume);
    p.xe_volume_uncertainty = real(r, kXeVolumeUncertainty);
    r.finish();
  }
  // Record 3 (yield) is optional: a record of one token is the archive bottle of record 4.
  const Line* bottle = nullptr;
  for (std::size_t i = 1; i < block.records.size(); ++i) {
    const Line& line = block.records[i];
    if (i == 1 && LogicalLine(line).tokens().size() >= 2) {
      RecordReader r(line, d, kRule);
      p.xe_yield = real(r, kXeYield);
      p.xe_yield_uncertainty = real(r, kXeYieldUncertainty);
      r.finish();
    } else if (!bottle) {
      bottle = &line;
    } else {
      d.warning({line.number, 1}, "#Processing has at most 3 data records: this one is ignored",
                std::string(kRule));
    }
  }
  if (bottle) {
    RecordReader r(*bottle, d, kRule);
    p.archive_bottle = r.text(kArchiveBottle);
    r.finish();
  } else {
    d.error({block.records.back().number, 1}, "#Processing ends before the archive bottle record",
            std::string(kRule));
  }
  return p;
}

const std::array<std::string_view, 4> kXenons{"XE-131M", "XE-133M", "XE-133", "XE-135"};

bool is_xenon(std::string_view name) {
  return std::any_of(kXenons.begin(), kXenons.end(), [&](std::string_view x) { return iequals(x, name); });
}

BgEfficiency read_bg_efficiency(const Block& block, Diagnostics& d, Mode mode) {
  BgEfficiency b;
  b.records = records_of<BgEfficiencyRecord>(block, d, [&](RecordReader& r) {
    BgEfficiencyRecord e;
    const Position at = r.position();
    e.nuclide = r.text(kBgNuclide);
    e.roi = static_cast<int>(r.integer(kBgRoi).value_or(0));
    e.efficiency = real(r, kBgEfficiency);
    e.uncertainty = real(r, kBgUncertainty);
    // A sender (and the conversion of I.35.1) glues the ROI number to the name: "XE-1337 7" is XE-133, ROI 7.
    const std::string roi = std::to_string(e.roi);
    if (!is_xenon(e.nuclide) && e.nuclide.size() > roi.size() && e.nuclide.ends_with(roi) &&
        is_xenon(std::string_view(e.nuclide).substr(0, e.nuclide.size() - roi.size()))) {
      const std::string name = e.nuclide.substr(0, e.nuclide.size() - roi.size());
      deviation(
          d, mode, at,
          fmt::format("nuclide name '{}' runs into its ROI number {}: read as {}", e.nuclide, e.roi, name),
          std::string(kRule));
      e.nuclide = name;
    }
    return e;
  });
  return b;
}

std::optional<Certificate> read_certificate(const Block& block, Diagnostics& d, Mode mode) {
  Certificate c;
  if (block.records.empty()) {
    d.error({block.name_line.number, 1}, "#Certificate has no data record", std::string(kRule));
    return c;
  }
  {
    RecordReader r(block.records[0], d, kRule);
    if (!parse_real(r.peek())) return std::nullopt;  // not in Table 79's form at all: kept verbatim
    c.total_activity = real(r, kTotalActivity);
    c.assay_time = date_time(r, kAssayDate, kAssayTime);
    r.finish();  // I.9 appends a "B" (Bq?) to the assay time: ignored with a warning
  }
  for (std::size_t i = 1; i < block.records.size(); ++i) {
    const Line& line = block.records[i];
    const std::size_t before = d.size();
    RecordReader r(line, d, kRule);
    CertificateLine l;
    l.nuclide = r.text(kNuclide);
    const Position half_at = r.position();
    const std::string half = r.text(kHalfLife);
    const std::string unit(r.peek());
    if (!half.empty() && !parse_real(half)) {
      bad_token(r, half_at, half, kHalfLife, "a number and a unit S, H, D or Y");
    } else if (unit.size() == 1 && std::string_view("SHDYshdy").find(unit[0]) != std::string_view::npos) {
      r.text(kHalfLife);
      l.half_life = half + " " + unit;
    } else if (!half.empty()) {
      d.error(r.position(), fmt::format("'{}' is not a half-life unit: expected S, H, D or Y", unit),
              std::string(kRule));
    }
    l.activity = real(r, kNuclideActivity);
    l.activity_uncertainty = real(r, kActivityUncertainty);
    l.gamma_energy = real(r, kLineEnergy);
    l.gamma_intensity = real(r, kLineIntensity);
    // I.26 leaves out the last field: missing trailing electron fields are zero-filled.
    if (r.remaining() < 3) {
      const Field& first_missing = r.remaining() == 0   ? kLineDecayMode
                                   : r.remaining() == 1 ? kLineElectronEnergy
                                                        : kLineElectronIntensity;
      deviation(d, mode, r.position(),
                fmt::format("the line ends before the {}: zero-filled", first_missing.name),
                std::string(kRule));
    }
    if (!r.at_end()) {
      const Position mode_at = r.position();
      const std::string m = r.text(kLineDecayMode);
      if (auto dm = decay_mode(m, true)) {
        l.decay_mode = *dm;
      } else {
        bad_token(r, mode_at, m, kLineDecayMode, "B, C or 0");
      }
    }
    if (!r.at_end()) l.electron_energy = real(r, kLineElectronEnergy);
    if (!r.at_end()) l.electron_intensity = real(r, kLineElectronIntensity);
    if (new_errors(d, before)) continue;
    r.finish();
    c.lines.push_back(std::move(l));
  }
  return c;
}

VerbatimBlock verbatim(const Block& block) {
  VerbatimBlock v;
  v.name_line = std::string(trim_right(block.name_line.text));
  v.lines.reserve(block.records.size());
  for (const Line& line : block.records) v.lines.emplace_back(line.text);
  return v;
}

// Reads one known block into the product; false when the block is to be kept verbatim.
bool read_block(PhdBlockKind kind, const Block& block, Phd& phd, Diagnostics& d, Mode mode) {
  switch (kind) {
    case PhdBlockKind::comment: {
      if (!phd.comment) phd.comment.emplace();
      for (const Line& line : block.records) phd.comment->lines.emplace_back(trim_right(line.text));
      return true;
    }
    case PhdBlockKind::collection: {
      PhdCollection& c = phd.collection.emplace();
      single_record(block, d, [&](RecordReader& r) {
        c.start = date_time(r, kCollectionStartDate, kCollectionStartTime);
        c.stop = date_time(r, kCollectionStopDate, kCollectionStopTime);
        c.air_volume = real(r, kAirVolume);
      });
      return true;
    }
    case PhdBlockKind::acquisition: {
      PhdAcquisition& a = phd.acquisition.emplace();
      single_record(block, d, [&](RecordReader& r) {
        a.start = date_time(r, kAcquisitionDate, kAcquisitionTime);
        a.real_time = real(r, kRealTime);
        a.live_time = real(r, kLiveTime);
      });
      return true;
    }
    case PhdBlockKind::processing:
      phd.processing = read_processing(block, d);
      return true;
    case PhdBlockKind::sample: {
      PhdSample& s = phd.sample.emplace();
      single_record(block, d, [&](RecordReader& r) {
        s.dimension1 = real(r, kDimension1);
        s.dimension2 = real(r, kDimension2);
      });
      return true;
    }
    case PhdBlockKind::g_energy:
      phd.g_energy.emplace().pairs = records_of<GEnergyPair>(block, d, [](RecordReader& r) {
        return GEnergyPair{real(r, kGEnergy), real(r, kCentroid), real(r, kCentroidUncertainty)};
      });
      return true;
    case PhdBlockKind::b_energy:
      phd.b_energy.emplace().pairs = records_of<BEnergyPair>(block, d, [](RecordReader& r) {
        BEnergyPair p;
        p.energy = real(r, kElectronEnergy);
        const Position at = r.position();
        const std::string m = r.text(kDecayMode);
        if (auto dm = decay_mode(m, false)) {
          p.mode = *dm;
        } else if (!m.empty()) {
          bad_token(r, at, m, kDecayMode, "B or C");
        }
        p.channel = real(r, kBetaChannel);
        p.uncertainty = real(r, kBetaChannelUncertainty);
        return p;
      });
      return true;
    case PhdBlockKind::g_resolution:
    case PhdBlockKind::b_resolution:
      (kind == PhdBlockKind::g_resolution ? phd.g_resolution : phd.b_resolution).emplace().pairs =
          records_of<ResolutionPair>(block, d, [](RecordReader& r) {
            return ResolutionPair{real(r, kResolutionEnergy), real(r, kFwhm), real(r, kFwhmUncertainty)};
          });
      return true;
    case PhdBlockKind::g_efficiency:
    case PhdBlockKind::g_total_efficiency:
      (kind == PhdBlockKind::g_efficiency ? phd.g_efficiency : phd.g_total_efficiency).emplace().pairs =
          records_of<EfficiencyPair>(block, d, [](RecordReader& r) {
            return EfficiencyPair{real(r, kEfficiencyEnergy), real(r, kEfficiency),
                                  real(r, kEfficiencyUncertainty)};
          });
      return true;
    case PhdBlockKind::roi_limits:
      phd.roi_limits.emplace().limits = records_of<RoiLimit>(block, d, [](RecordReader& r) {
        RoiLimit l;
        l.roi = static_cast<int>(r.integer(kRoiNumber).value_or(0));
        l.beta_start = real(r, kBetaStart);
        l.beta_stop = real(r, kBetaStop);
        l.gamma_start = real(r, kGammaStart);
        l.gamma_stop = real(r, kGammaStop);
        return l;
      });
      return true;
    case PhdBlockKind::bg_efficiency:
      phd.bg_efficiency = read_bg_efficiency(block, d, mode);
      return true;
    case PhdBlockKind::ratios:
      phd.ratios.emplace().ratios = records_of<Ratio>(block, d, [](RecordReader& r) {
        Ratio x;
        x.id = r.text(kRatioId);
        x.from_roi = static_cast<int>(r.integer(kRatioFrom).value_or(0));
        x.to_roi = static_cast<int>(r.integer(kRatioTo).value_or(0));
        x.ratio = real(r, kRatio);
        x.uncertainty = real(r, kRatioUncertainty);
        return x;
      });
      return true;
    case PhdBlockKind::g_spectrum:
      phd.g_spectrum = read_spectrum(block, d);
      return true;
    case PhdBlockKind::b_spectrum:
      phd.b_spectrum = read_spectrum(block, d);
      return true;
    case PhdBlockKind::histogram:
      phd.histogram = read_histogram(block, d);
      return true;
    case PhdBlockKind::calibration: {
      PhdCalibration& c = phd.calibration.emplace();
      single_record(block, d,
                    [&](RecordReader& r) { c.time = date_time(r, kCalibrationDate, kCalibrationTime); });
      return true;
    }
    case PhdBlockKind::certificate:
      if (auto c = read_certificate(block, d, mode)) {
        phd.certificate = std::move(*c);
        return true;
      }
      deviation(
          d, mode, {block.name_line.number, 1},
          "#Certificate is not in the form of Table 79 (total activity, assay time, nuclide lines): kept "
          "as written",
          std::string(kRule));
      return false;
    case PhdBlockKind::unknown:
      break;
  }
  return false;
}

bool present(const Phd& phd, PhdBlockKind kind) {
  switch (kind) {
    case PhdBlockKind::comment:
      return phd.comment.has_value();
    case PhdBlockKind::collection:
      return phd.collection.has_value();
    case PhdBlockKind::acquisition:
      return phd.acquisition.has_value();
    case PhdBlockKind::processing:
      return phd.processing.has_value();
    case PhdBlockKind::sample:
      return phd.sample.has_value();
    case PhdBlockKind::g_energy:
      return phd.g_energy.has_value();
    case PhdBlockKind::b_energy:
      return phd.b_energy.has_value();
    case PhdBlockKind::g_resolution:
      return phd.g_resolution.has_value();
    case PhdBlockKind::b_resolution:
      return phd.b_resolution.has_value();
    case PhdBlockKind::g_efficiency:
      return phd.g_efficiency.has_value();
    case PhdBlockKind::roi_limits:
      return phd.roi_limits.has_value();
    case PhdBlockKind::bg_efficiency:
      return phd.bg_efficiency.has_value();
    case PhdBlockKind::g_total_efficiency:
      return phd.g_total_efficiency.has_value();
    case PhdBlockKind::ratios:
      return phd.ratios.has_value();
    case PhdBlockKind::g_spectrum:
      return phd.g_spectrum.has_value();
    case PhdBlockKind::b_spectrum:
      return phd.b_spectrum.has_value();
    case PhdBlockKind::histogram:
      return phd.histogram.has_value();
    case PhdBlockKind::calibration:
      return phd.calibration.has_value();
    case PhdBlockKind::certificate:
      return phd.certificate.has_value();
    case PhdBlockKind::unknown:
      return false;
  }
  return false;
}

Phd read_product(const Product& product, PhdType type, std::string_view data_type, Diagnostics& d,
                 Mode mode) {
  Phd phd;
  std::size_t first = 0;
  if (!product.blocks.empty() && product.blocks[0].is("#Header")) {
    phd.header = read_header(product.blocks[0], d, mode);
    first = 1;
  }
  for (std::size_t i = first; i < product.blocks.size(); ++i) {
    const Block& block = product.blocks[i];
    const auto kind = kind_of(block.name);
    if (kind && present(phd, *kind)) {
      if (*kind == PhdBlockKind::comment) {
        deviation(d, mode, {block.name_line.number, 1},
                  "a second #Comment in one PHD: its lines are added to the first", "3.5.8");
        read_block(*kind, block, phd, d, mode);
      } else {
        d.error({block.name_line.number, 1}, fmt::format("a second {} in one PHD: ignored", block.name),
                "7.1");
      }
      continue;
    }
    if (kind && read_block(*kind, block, phd, d, mode)) {
      phd.order.push_back(*kind);
    } else {
      phd.verbatim_blocks.push_back(verbatim(block));
      phd.order.push_back(PhdBlockKind::unknown);
    }
  }
  // Table 57's order (verbatim blocks last) is the default: kept only when the blocks came otherwise.
  if (std::is_sorted(phd.order.begin(), phd.order.end())) phd.order.clear();
  validate_phd(phd, type, data_type, product, d, mode);
  return phd;
}

}  // namespace

std::optional<PhdType> phd_type(std::string_view data_type) {
  for (const auto& [name, type] : kTypes)
    if (iequals(name, data_type)) return type;
  return std::nullopt;
}

std::string_view phd_type_name(PhdType type) {
  for (const auto& [name, t] : kTypes)
    if (t == type) return name;
  return {};
}

std::string_view block_name(PhdBlockKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < kBlockNames.size() ? kBlockNames[i] : std::string_view();
}

std::optional<PhdSection> read_phd_section(const DataSection& section, Diagnostics& diagnostics, Mode mode) {
  const auto type = phd_type(section.header.type);
  if (!type) return std::nullopt;
  PhdSection out;
  out.type = *type;
  SplitSection split = split_products(section, diagnostics);
  out.time_stamps = std::move(split.time_stamps);
  out.products.reserve(split.products.size());
  for (const Product& product : split.products)
    out.products.push_back(read_product(product, *type, section.header.type, diagnostics, mode));
  if (split.products.empty())
    diagnostics.error(
        {section.line.number, 1},
        fmt::format("{} section without a PHD: a PHD begins with '#Header'", section.header.type), "7.2");
  return out;
}

}  // namespace imsgate::ims2::rn
