// Writes SAMPML / REVSAMP in the element order of I.28, numbers in their shortest exact form.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "ims2/rn/block.hpp"
#include "ims2/rn/sampml.hpp"
#include "ims2/rn/sampml_elements.hpp"
#include "ims2/rn/xml_writer.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace sampml_elements;

constexpr std::string_view kProlog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string number(double x) {
  return fmt::format("{}", x);
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// xs:dateTime with the fraction of a second only when there is one.
std::string xs_date_time(TimePoint t) {
  std::string s = write_fixed_date_time(t, 6);
  s[4] = s[7] = '-';
  s[10] = 'T';
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

class SampWriter {
 public:
  explicit SampWriter(const SampleMl& m) : m_(m), w_(std::string(kProlog)) {}

  tl::expected<std::string, std::string> write() {
    w_.open("SampML", {{"xmlns", m_.namespace_uri.empty() ? std::string(kNamespace) : m_.namespace_uri}});
    XmlAttributes info;
    if (!m_.srid.empty()) info.emplace_back("REFID", m_.srid);
    if (m_.sid) info.emplace_back("SID", fmt::format("{}", *m_.sid));
    if (!m_.mid.empty()) info.emplace_back("MID", m_.mid);
    w_.open("SampleInformation", info);
    w_.open("StationInformation");
    text("StationLocation", m_.station_location);
    text("StationCode", m_.station_code);
    text("CountryCode", m_.country_code);
    if (m_.latitude && m_.longitude && m_.elevation)
      w_.leaf("Coordinates",
              fmt::format("{} {} {}", number(*m_.latitude), number(*m_.longitude), number(*m_.elevation)));
    w_.close();
    w_.open("DetectorInformation");
    text("DetectorCode", m_.detector_code);
    text("DetectorDescription", m_.detector_description);
    w_.close();
    text("SampleType", m_.sample_type);
    text("SystemTechnology", m_.system_technology);
    if (!m_.spectrum_groups.empty()) {
      w_.open("MeasuredInformation");
      for (const SampSpectrumGroup& g : m_.spectrum_groups) group(g);
      w_.close();
    }
    if (!m_.analyses.empty()) {
      w_.open("Analyses");
      for (const SampAnalysis& a : m_.analyses) analysis(a);
      w_.close();
    }
    if (!m_.calibrations.empty()) {
      w_.open("CalibrationInformation");
      for (const SampCalibration& k : m_.calibrations) calibration(k);
      w_.close();
    }
    for (const std::string& x : m_.other) w_.raw(x);
    return w_.finish();
  }

 private:
  void text(std::string_view name, const std::string& value) {
    if (!value.empty()) w_.leaf(name, value);
  }

  void value(std::string_view name, const SampValue& v) {
    XmlAttributes unit;
    if (!v.unit.empty()) unit.emplace_back("unit", v.unit);
    w_.leaf(name, v.number ? number(*v.number) : v.text, unit);
  }

  void value(std::string_view name, const std::optional<SampValue>& v) {
    if (v) value(name, *v);
  }

  void number_leaf(std::string_view name, std::optional<double> x) {
    if (x) w_.leaf(name, number(*x));
  }

  template <class Model, class Table>
  void texts(const Model& model, const Table& entries) {
    for (const auto& e : entries) text(e.name, model.*e.member);
  }

  void group(const SampSpectrumGroup& g) {
    XmlAttributes attributes{{"id", g.id}};
    if (!g.calibration_ids.empty()) attributes.emplace_back("calibrationIDs", join(g.calibration_ids));
    w_.open("SpectrumGroup", attributes);
    texts(g, kGroupTextsFirst);
    if (g.air_volume)
      value(g.air_volume_element.empty() ? kAirVolumeNames[1] : g.air_volume_element, g.air_volume);
    for (const auto& e : kGroupValues) value(e.name, g.*e.member);
    texts(g, kGroupFlags);
    for (const auto& e : kGroupTimes) {
      if (g.*e.member) w_.leaf(e.name, xs_date_time(*(g.*e.member)));
    }
    for (const auto& e : kGroupDurations) {
      if (g.*e.member)
        w_.leaf(e.name,
                fmt::format("{}PT{}S", *(g.*e.member) < 0 ? "-" : "", number(std::abs(*(g.*e.member)))));
    }
    texts(g, kGroupTextsLast);
    if (g.sample_id) w_.leaf("SampleID", fmt::format("{}", *g.sample_id));
    text("SpectrumType", g.spectrum_type);
    if (!g.spectra.empty()) {
      w_.open("Data");
      for (const SampSpectrum& s : g.spectra) spectrum(s);
      w_.close();
    }
    for (const std::string& x : g.other) w_.raw(x);
    w_.close();
  }

  void spectrum(const SampSpectrum& s) {
    XmlAttributes attributes{{"id", s.id}};
    if (s.channel_span) attributes.emplace_back("channelSpan", fmt::format("{}", *s.channel_span));
    if (s.energy_span) attributes.emplace_back("energySpan", fmt::format("{}", *s.energy_span));
    if (!s.type.empty()) attributes.emplace_back("type", s.type);
    if (!s.format.empty()) attributes.emplace_back("format", s.format);
    w_.open("Spectrum", attributes);
    for (std::size_t i = 0; i < s.counts.size(); i += 5) {  // five counts a line, as the PHD (7.2.11)
      std::string line;
      for (std::size_t k = i; k < std::min(i + 5, s.counts.size()); ++k)
        line += fmt::format("{}{}", k == i ? "" : " ", s.counts[k]);
      w_.line(line);
    }
    w_.close();
  }

  void analysis(const SampAnalysis& a) {
    XmlAttributes attributes{{"id", a.id}};
    if (!a.spectrum_ids.empty()) attributes.emplace_back("spectrumIDs", join(a.spectrum_ids));
    if (!a.calibration_ids.empty()) attributes.emplace_back("calibrationIDs", join(a.calibration_ids));
    w_.open("Analysis", attributes);
    if (!a.software_name.empty() || !a.software_version.empty()) {
      w_.open("Software");
      text("Name", a.software_name);
      text("Version", a.software_version);
      w_.close();
    }
    if (a.has_nuclides) {
      w_.open("IdedNuclides");
      nuclides("Corrected", a.corrected);
      nuclides("Uncorrected", a.uncorrected);
      w_.close();
    }
    if (!a.covariances.empty()) {
      w_.open("XeCovarianceMatrixes");
      for (const SampCovariance& c : a.covariances) {
        w_.open("XeCovarianceMatrix", {{"method", c.method}});
        for (const SampCovarianceCell& cell : c.cells) {
          XmlAttributes cell_attributes{{"row", cell.row}, {"col", cell.column}};
          if (!cell.value.unit.empty()) cell_attributes.emplace_back("unit", cell.value.unit);
          w_.leaf("Cell", cell.value.number ? number(*cell.value.number) : cell.value.text, cell_attributes);
        }
        w_.close();
      }
      w_.close();
    }
    if (!a.peaks.empty()) {
      w_.open("PeakResults");
      for (const SampPeak& p : a.peaks) {
        w_.open("PeakResult", {{"peakID", p.id}});
        for (const auto& e : kPeakValues) number_leaf(e.name, p.*e.member);
        w_.close();
      }
      w_.close();
    }
    if (!a.roi_counts.empty() || !a.roi_boundaries.empty()) roi_info(a);
    for (const auto& e : kCatLists) named_list(e.name, a.*e.member);
    if (!a.processing_parameters.empty()) {
      w_.open("Parameters");
      named_list("ProcessingParameters", a.processing_parameters);
      w_.close();
    }
    if (!a.flags.empty() || !a.event_screening_flags.empty() || !a.flags_other.empty()) flags(a);
    for (const std::string& x : a.other) w_.raw(x);
    w_.close();
  }

  void nuclides(std::string_view name, const std::vector<SampNuclide>& list) {
    if (list.empty()) return w_.leaf(name, "");
    w_.open(name);
    for (const SampNuclide& x : list) {
      XmlAttributes attributes;
      if (!x.quantifiable.empty()) attributes.emplace_back("quantifiable", x.quantifiable);
      if (!x.method.empty()) attributes.emplace_back("method", x.method);
      w_.open("Nuclide", attributes);
      text("Name", x.name);
      text("Type", x.type);
      text("HalfLife", x.half_life);
      for (const auto& e : kNuclideValues) value(e.name, x.*e.member);
      if (x.identification || !x.identification_text.empty()) {
        XmlAttributes indicator;
        if (x.identification) indicator.emplace_back("numericVal", fmt::format("{}", *x.identification));
        w_.leaf("NuclideIdentificationIndicator", x.identification_text, indicator);
      }
      for (const std::string& o : x.other) w_.raw(o);
      w_.close();
    }
    w_.close();
  }

  void roi_info(const SampAnalysis& a) {
    w_.open("RoiInfo");
    for (const SampRoiCount& r : a.roi_counts) {
      w_.open("RoiNetCount");
      if (r.roi) w_.leaf("RoiNumber", fmt::format("{}", *r.roi));
      text("Name", r.name);
      const auto pair = [&](const RoiPair& p) {
        if (r.*p.value && r.*p.error) w_.leaf(p.name, number(*(r.*p.value)) + " " + number(*(r.*p.error)));
      };
      pair(kRoiPairs[0]);
      for (const auto& e : kRoiValuesFirst) value(e.name, r.*e.member);
      pair(kRoiPairs[1]);
      pair(kRoiPairs[2]);
      for (const auto& e : kRoiValuesLast) value(e.name, r.*e.member);
      w_.close();
    }
    for (const SampRoiBoundary& b : a.roi_boundaries) {
      w_.open("RoiBoundaries");
      if (b.roi) w_.leaf("RoiNumber", fmt::format("{}", *b.roi));
      for (const auto& e : kBoundaryValues) value(e.name, b.*e.member);
      w_.close();
    }
    w_.close();
  }

  void named_list(std::string_view name, const std::vector<SampNamedValue>& list) {
    if (list.empty()) return;
    w_.open(name);
    for (const SampNamedValue& v : list) value(v.name, v.value);
    w_.close();
  }

  void flags(const SampAnalysis& a) {
    w_.open("Flags");
    for (std::string_view group : kFlagGroups) {
      bool opened = false;
      for (const SampFlag& f : a.flags) {
        if (f.group != group) continue;
        if (!opened) w_.open(group);
        opened = true;
        w_.open(f.name);
        value("Value", f.value);
        text("Pass", f.pass);
        text("Test", f.test);
        w_.close();
      }
      if (opened) w_.close();
    }
    named_list("EventScreeningFlags", a.event_screening_flags);
    for (const std::string& x : a.flags_other) w_.raw(x);
    w_.close();
  }

  void calibration(const SampCalibration& k) {
    XmlAttributes attributes{{"Type", k.type}};
    if (!k.energy_units.empty()) attributes.emplace_back("EnergyUnits", k.energy_units);
    if (!k.fwhm_units.empty()) attributes.emplace_back("FWHMUnits", k.fwhm_units);
    attributes.emplace_back("ID", k.id);
    w_.open("Calibration", attributes);
    text("Remark", k.remark);
    text("CalibrationUpdated", k.updated);
    text("Winner", k.winner);
    if (k.creation_date) w_.leaf("CalibrationCreationDate", xs_date_time(*k.creation_date));
    if (!k.model.empty() || !k.form.empty() || !k.coefficients.empty()) {
      w_.open("Equation", {{"Model", k.model}, {"Form", k.form}});
      std::string coefficients;
      for (double c : k.coefficients) {
        if (!coefficients.empty()) coefficients += ' ';
        coefficients += number(c);
      }
      w_.leaf("Coefficients", coefficients);
      w_.close();
    }
    for (const std::string& x : k.other) w_.raw(x);
    w_.close();
  }

  const SampleMl& m_;
  XmlWriter w_;
};

bool is_xml_name(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

// Element names the model takes from a document must be names again when written.
std::optional<std::string> bad_name(const SampleMl& m) {
  for (const SampAnalysis& a : m.analyses) {
    for (const auto* list : {&a.cat_data_long, &a.cat_data_short, &a.cat_params, &a.processing_parameters,
                             &a.event_screening_flags}) {
      for (const SampNamedValue& v : *list) {
        if (!is_xml_name(v.name)) return v.name;
      }
    }
    for (const SampFlag& f : a.flags) {
      if (!is_xml_name(f.name) || (f.group != kFlagGroups[0] && f.group != kFlagGroups[1])) return f.name;
    }
  }
  for (const SampSpectrumGroup& g : m.spectrum_groups) {
    if (!g.air_volume_element.empty() && g.air_volume_element != kAirVolumeNames[0] &&
        g.air_volume_element != kAirVolumeNames[1])
      return g.air_volume_element;
  }
  return std::nullopt;
}

}  // namespace

tl::expected<std::string, std::string> write_sampml_section(const SampleMl& sampml) {
  if (auto name = bad_name(sampml))
    return tl::unexpected(fmt::format("'{}' is not an element name of SampML", *name));
  auto xml = SampWriter(sampml).write();
  if (!xml) return xml;
  // The document sits in a message body: no line may end the message or read as a TIME_STAMP line (3.5.2).
  for (std::string_view rest = *xml; !rest.empty();) {
    const std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(line.size() + 1, rest.size()));
    if (line.size() > 1024)
      return tl::unexpected(std::string("a line of the SampML document is longer than 1024 characters"));
    for (std::string_view word : {"STOP", "BEGIN", "DATA_TYPE", "TIME_STAMP"}) {
      if (line.substr(0, word.size()) == word && (line.size() == word.size() || line[word.size()] == ' '))
        return tl::unexpected(fmt::format("the SampML text line '{}' would end its section", line));
    }
  }
  std::string out;
  if (!sampml.time_stamps.empty()) out += write_time_stamp(sampml.time_stamps.front()) + "\n";
  out += *xml;
  for (std::size_t i = 1; i < sampml.time_stamps.size(); ++i)
    out += write_time_stamp(sampml.time_stamps[i]) + "\n";
  return out;
}

}  // namespace imsgate::ims2::rn
