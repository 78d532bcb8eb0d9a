// Writing a PHD section in the columns of Tables 58-79 (phd_fields.hpp); spectra and histograms by
// spectrum.cpp.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ims2/rn/phd.hpp"
#include "ims2/rn/phd_fields.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/spectrum.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace phd_fields;

constexpr Missing kZero = Missing::zero_fill;

using Status = tl::expected<void, std::string>;

// The section body under construction; the first error is kept and later writes are skipped.
class Out {
 public:
  std::string text;
  std::string error;

  void line(std::string_view s) {
    if (s.size() > kMaxLineLength && error.empty())
      error = fmt::format("a line of {} characters: the limit is {}", s.size(), kMaxLineLength);
    text.append(s).push_back('\n');
  }
  void line(const FieldWriter& w) {
    auto s = w.finish();
    if (!s) {
      if (error.empty()) error = s.error();
      return;
    }
    line(*s);
  }
  void status(const Status& s) {
    if (!s && error.empty()) error = s.error();
  }
};

std::string_view decay_letter(DecayMode m) {
  switch (m) {
    case DecayMode::beta:
      return "B";
    case DecayMode::conversion_electron:
      return "C";
    case DecayMode::none:
      return "0";
  }
  return "0";
}

// A line that would end a block when read back: a block name (3.5.8), TIME_STAMP, or the envelope's STOP
// (an indented STOP is text).
bool ends_block(std::string_view l) {
  const auto word = l.substr(0, l.find_first_of(" \t"));
  return (!l.empty() && l.front() == '#') || is_time_stamp_line(l) || iequals(word, "STOP") ||
         iequals(word, "DATA_TYPE");
}

void write_header(Out& out, const PhdHeader& h) {
  {
    FieldWriter w;
    w.text(kHeaderName, "#Header");
    w.text(kDesignator, h.designator);
    out.line(w);
  }
  {
    FieldWriter w;
    write_text(w, kStation, h.station);
    write_text(w, kDetector, h.detector);
    const char* system = h.system_type == SystemType::particulate      ? "P"
                         : h.system_type == SystemType::noble_gas_hpge ? "G"
                                                                       : "B";
    w.text(kSystemType, system);
    write_text(w, kGeometry, h.geometry);
    w.text(kQualifier, h.qualifier == Qualifier::full ? "FULL" : "PREL");
    out.line(w);
  }
  {
    FieldWriter w;
    write_text(w, kSrid, h.srid);
    out.line(w);
  }
  {
    FieldWriter w;
    write_text(w, kMid, h.mid);
    write_text(w, kDetectorBackgroundMid, h.detector_background_mid);
    write_text(w, kGasBackgroundMid, h.gas_background_mid);
    out.line(w);
  }
  {
    FieldWriter w;
    write_date_time(w, kTransmitDate, kTransmitTime, h.transmitted);
    out.line(w);
  }
}

template <class T, class F>
void records(Out& out, const std::vector<T>& items, F fields) {
  for (const T& item : items) {
    FieldWriter w;
    fields(w, item);
    out.line(w);
  }
}

void write_three(FieldWriter& w, const Field& a, const Field& b, const Field& c, double x, double y,
                 double z) {
  write_real(w, a, x, kZero);
  write_real(w, b, y, kZero);
  write_real(w, c, z, kZero);
}

void write_certificate(Out& out, const Certificate& c) {
  {
    FieldWriter w;
    write_real(w, kTotalActivity, c.total_activity, kZero);
    write_date_time(w, kAssayDate, kAssayTime, c.assay_time);
    out.line(w);
  }
  records(out, c.lines, [](FieldWriter& w, const CertificateLine& l) {
    write_text(w, kNuclide, l.nuclide);
    write_text(w, kHalfLife, l.half_life);
    write_real(w, kNuclideActivity, l.activity, kZero);
    write_real(w, kActivityUncertainty, l.activity_uncertainty, kZero);
    write_real(w, kLineEnergy, l.gamma_energy, kZero);
    write_real(w, kLineIntensity, l.gamma_intensity, kZero);
    w.text(kLineDecayMode, decay_letter(l.decay_mode));
    write_real(w, kLineElectronEnergy, l.electron_energy, kZero);
    write_real(w, kLineElectronIntensity, l.electron_intensity, kZero);
  });
}

// Writes one block, name line included; false when the PHD does not hold it.
bool write_block(Out& out, const Phd& p, PhdBlockKind kind) {
  const std::string_view name = block_name(kind);
  const auto open = [&] { out.line(name); };
  switch (kind) {
    case PhdBlockKind::comment:
      if (!p.comment) return false;
      open();
      for (const std::string& l : p.comment->lines) {
        if (ends_block(l) && out.error.empty())
          out.error = fmt::format("comment line '{}' would end the block", l);
        out.line(l);
      }
      return true;
    case PhdBlockKind::collection: {
      if (!p.collection) return false;
      open();
      FieldWriter w;
      write_date_time(w, kCollectionStartDate, kCollectionStartTime, p.collection->start);
      write_date_time(w, kCollectionStopDate, kCollectionStopTime, p.collection->stop);
      write_real(w, kAirVolume, p.collection->air_volume, kZero);
      out.line(w);
      return true;
    }
    case PhdBlockKind::acquisition: {
      if (!p.acquisition) return false;
      open();
      FieldWriter w;
      write_date_time(w, kAcquisitionDate, kAcquisitionTime, p.acquisition->start);
      write_real(w, kRealTime, p.acquisition->real_time, kZero);
      write_real(w, kLiveTime, p.acquisition->live_time, kZero);
      out.line(w);
      return true;
    }
    case PhdBlockKind::processing: {
      if (!p.processing) return false;
      open();
      const PhdProcessing& x = *p.processing;
      FieldWriter volume, yield, bottle;
      write_real(volume, kXeVolume, x.xe_volume, kZero);
      write_real(volume, kXeVolumeUncertainty, x.xe_volume_uncertainty, kZero);
      write_real(yield, kXeYield, x.xe_yield, kZero);
      write_real(yield, kXeYieldUncertainty, x.xe_yield_uncertainty, kZero);
      write_text(bottle, kArchiveBottle, x.archive_bottle);
      out.line(volume);
      out.line(yield);
      out.line(bottle);
      return true;
    }
    case PhdBlockKind::sample: {
      if (!p.sample) return false;
      open();
      FieldWriter w;
      write_real(w, kDimension1, p.sample->dimension1, kZero);
      write_real(w, kDimension2, p.sample->dimension2, kZero);
      out.line(w);
      return true;
    }
    case PhdBlockKind::g_energy:
      if (!p.g_energy) return false;
      open();
      records(out, p.g_energy->pairs, [](FieldWriter& w, const GEnergyPair& x) {
        write_three(w, kGEnergy, kCentroid, kCentroidUncertainty, x.energy, x.channel, x.uncertainty);
      });
      return true;
    case PhdBlockKind::b_energy:
      if (!p.b_energy) return false;
      open();
      records(out, p.b_energy->pairs, [](FieldWriter& w, const BEnergyPair& x) {
        write_real(w, kElectronEnergy, x.energy, kZero);
        w.text(kDecayMode, decay_letter(x.mode));
        write_real(w, kBetaChannel, x.channel, kZero);
        write_real(w, kBetaChannelUncertainty, x.uncertainty, kZero);
      });
      return true;
    case PhdBlockKind::g_resolution:
    case PhdBlockKind::b_resolution: {
      const auto& r = kind == PhdBlockKind::g_resolution ? p.g_resolution : p.b_resolution;
      if (!r) return false;
      open();
      records(out, r->pairs, [](FieldWriter& w, const ResolutionPair& x) {
        write_three(w, kResolutionEnergy, kFwhm, kFwhmUncertainty, x.energy, x.fwhm, x.uncertainty);
      });
      return true;
    }
    case PhdBlockKind::g_efficiency:
    case PhdBlockKind::g_total_efficiency: {
      const auto& e = kind == PhdBlockKind::g_efficiency ? p.g_efficiency : p.g_total_efficiency;
      if (!e) return false;
      open();
      records(out, e->pairs, [](FieldWriter& w, const EfficiencyPair& x) {
        write_three(w, kEfficiencyEnergy, kEfficiency, kEfficiencyUncertainty, x.energy, x.efficiency,
                    x.uncertainty);
      });
      return true;
    }
    case PhdBlockKind::roi_limits:
      if (!p.roi_limits) return false;
      open();
      records(out, p.roi_limits->limits, [](FieldWriter& w, const RoiLimit& x) {
        w.text(kRoiNumber, std::to_string(x.roi));  // a2, left-justified as in the examples
        write_real(w, kBetaStart, x.beta_start, kZero);
        write_real(w, kBetaStop, x.beta_stop, kZero);
        write_real(w, kGammaStart, x.gamma_start, kZero);
        write_real(w, kGammaStop, x.gamma_stop, kZero);
      });
      return true;
    case PhdBlockKind::bg_efficiency:
      if (!p.bg_efficiency) return false;
      open();
      records(out, p.bg_efficiency->records, [](FieldWriter& w, const BgEfficiencyRecord& x) {
        write_text(w, kBgNuclide, x.nuclide);
        w.text(kBgRoi, std::to_string(x.roi));  // a8
        write_real(w, kBgEfficiency, x.efficiency, kZero);
        write_real(w, kBgUncertainty, x.uncertainty, kZero);
      });
      return true;
    case PhdBlockKind::ratios:
      if (!p.ratios) return false;
      open();
      records(out, p.ratios->ratios, [](FieldWriter& w, const Ratio& x) {
        write_text(w, kRatioId, x.id);
        w.text(kRatioFrom, std::to_string(x.from_roi));  // a2
        w.text(kRatioTo, std::to_string(x.to_roi));
        write_real(w, kRatio, x.ratio, kZero);
        write_real(w, kRatioUncertainty, x.uncertainty, kZero);
      });
      return true;
    case PhdBlockKind::g_spectrum:
    case PhdBlockKind::b_spectrum: {
      const auto& s = kind == PhdBlockKind::g_spectrum ? p.g_spectrum : p.b_spectrum;
      if (!s) return false;
      out.status(write_spectrum(out.text, name, *s));
      return true;
    }
    case PhdBlockKind::histogram:
      if (!p.histogram) return false;
      out.status(write_histogram(out.text, *p.histogram));
      return true;
    case PhdBlockKind::calibration: {
      if (!p.calibration) return false;
      open();
      FieldWriter w;
      write_date_time(w, kCalibrationDate, kCalibrationTime, p.calibration->time);
      out.line(w);
      return true;
    }
    case PhdBlockKind::certificate:
      if (!p.certificate) return false;
      open();
      write_certificate(out, *p.certificate);
      return true;
    case PhdBlockKind::unknown:
      break;
  }
  return false;
}

void write_verbatim(Out& out, const VerbatimBlock& b) {
  if (b.name_line.empty() || b.name_line.front() != '#') {
    if (out.error.empty())
      out.error = fmt::format("block name line '{}' does not begin with '#'", b.name_line);
    return;
  }
  out.line(b.name_line);
  for (const std::string& l : b.lines) {
    if (ends_block(l) && out.error.empty())
      out.error = fmt::format("line '{}' of block {} would end it", l, b.name_line);
    out.line(l);
  }
}

void write_phd(Out& out, const Phd& p) {
  write_header(out, p.header);
  constexpr auto kKinds = static_cast<std::size_t>(PhdBlockKind::unknown);
  std::array<bool, kKinds> written{};
  std::size_t verbatim = 0;
  for (PhdBlockKind kind : p.order) {
    if (kind == PhdBlockKind::unknown) {
      if (verbatim < p.verbatim_blocks.size()) write_verbatim(out, p.verbatim_blocks[verbatim++]);
      continue;
    }
    const auto i = static_cast<std::size_t>(kind);
    if (i < kKinds && !written[i]) written[i] = write_block(out, p, kind);
  }
  // Table 57's order for what `order` does not name (all of it, for a PHD built in code).
  for (std::size_t i = 0; i < kKinds; ++i)
    if (!written[i]) write_block(out, p, static_cast<PhdBlockKind>(i));
  for (; verbatim < p.verbatim_blocks.size(); ++verbatim) write_verbatim(out, p.verbatim_blocks[verbatim]);
}

std::size_t size_hint(const PhdSection& section) {
  std::size_t n = 4096;
  for (const Phd& p : section.products) {
    n += 4096;
    if (p.g_spectrum) n += p.g_spectrum->counts.size() * 12 + 64;
    if (p.b_spectrum) n += p.b_spectrum->counts.size() * 12 + 64;
    if (p.histogram) n += p.histogram->counts.size() * 3 + 64;
  }
  return n;
}

}  // namespace

tl::expected<std::string, std::string> write_phd_section(const PhdSection& section) {
  Out out;
  out.text.reserve(size_hint(section));
  if (!section.time_stamps.empty()) out.line(write_time_stamp(section.time_stamps.front()));
  for (const Phd& p : section.products) write_phd(out, p);
  for (std::size_t i = 1; i < section.time_stamps.size(); ++i)
    out.line(write_time_stamp(section.time_stamps[i]));
  if (!out.error.empty()) return tl::unexpected(out.error);
  return std::move(out.text);
}

}  // namespace imsgate::ims2::rn
