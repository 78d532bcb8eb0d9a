// Reads SAMPML / REVSAMP with libxml2: well-formedness first (libxml2's line and column), then the elements
// of the model by their local names; what the model does not hold is kept as XML.
#include <cmath>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/report_text.hpp"
#include "ims2/rn/sampml.hpp"
#include "ims2/rn/sampml_elements.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace sampml_elements;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
struct BufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct XmlFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

std::string_view name_of(const xmlNode* n) {
  return reinterpret_cast<const char*>(n->name);
}

bool is(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && name_of(n) == name;
}

std::string attribute(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, XmlFree> value(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(trim(reinterpret_cast<const char*>(value.get()))) : std::string();
}

// The text of an element: each line trimmed, empty lines dropped, joined by LF.
std::string text_of(const xmlNode* n) {
  std::unique_ptr<xmlChar, XmlFree> content(xmlNodeGetContent(n));
  if (!content) return {};
  std::string_view all = reinterpret_cast<const char*>(content.get());
  std::string out;
  while (!all.empty()) {
    const auto end = std::min(all.find('\n'), all.size());
    const std::string_view line = trim(all.substr(0, end));
    all.remove_prefix(std::min(end + 1, all.size()));
    if (line.empty()) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (is_blank(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < text.size() && !(is_blank(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

// xs:dateTime "2021-12-07T11:36:35[.89][Z]".
std::optional<TimePoint> parse_xs_date_time(std::string_view text) {
  const auto t = text.find('T');
  if (t == std::string_view::npos) return std::nullopt;
  std::string_view time = text.substr(t + 1);
  if (!time.empty() && time.back() == 'Z') time.remove_suffix(1);
  return parse_report_date_time(text.substr(0, t), time);
}

// xs:duration "PT40198S", "P1DT2H3M4.5S", with an optional leading '-'; in seconds.
std::optional<double> parse_xs_duration(std::string_view text) {
  double sign = 1;
  if (!text.empty() && text.front() == '-') {
    sign = -1;
    text.remove_prefix(1);
  }
  if (text.size() < 3 || text.front() != 'P') return std::nullopt;
  text.remove_prefix(1);
  double seconds = 0;
  bool in_time = false, any = false;
  while (!text.empty()) {
    if (text.front() == 'T' && !in_time) {
      in_time = true;
      text.remove_prefix(1);
      continue;
    }
    const auto unit = text.find_first_not_of("0123456789.");
    if (unit == 0 || unit == std::string_view::npos) return std::nullopt;
    const auto value = parse_real(text.substr(0, unit));
    if (!value) return std::nullopt;
    const char u = text[unit];
    const double scale = in_time ? (u == 'H'   ? 3600
                                    : u == 'M' ? 60
                                    : u == 'S' ? 1
                                               : 0)
                                 : (u == 'D' ? 86400 : 0);
    if (scale == 0) return std::nullopt;
    seconds += *value * scale;
    any = true;
    text.remove_prefix(unit + 1);
  }
  if (!any) return std::nullopt;
  return sign * seconds;
}

struct FirstError {
  int line = 0;
  int column = 0;
  std::string message;
};

void keep_first_error(void* context, xmlErrorPtr error) {
  auto* store = static_cast<FirstError*>(static_cast<xmlParserCtxt*>(context)->_private);
  if (!store || !error || !store->message.empty() || error->level < XML_ERR_ERROR) return;
  store->line = error->line;
  store->column = error->int2;
  std::string_view message = error->message ? error->message : "malformed";
  while (!message.empty() && (message.back() == '\n' || is_blank(message.back()))) message.remove_suffix(1);
  store->message = message.empty() ? "malformed" : std::string(message);
}

class SampReader {
 public:
  SampReader(SampleMl& m, Diagnostics& d, Mode mode, xmlDoc* doc, int line_offset)
      : m_(m), d_(d), mode_(mode), doc_(doc), offset_(line_offset) {}

  void root(const xmlNode* root) {
    m_.namespace_uri = root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
    if (m_.namespace_uri != kNamespace)
      deviation(d_, mode_, at(root),
                fmt::format("the SampML namespace is {}, not '{}'", kNamespace, m_.namespace_uri),
                std::string(kRule));
    bool found = false;
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        stray_text(c, "SampML");
      } else if (is(c, "SampleInformation") && !found) {
        found = true;
        sample_information(c);
      } else {
        keep(c, m_.other);
      }
    }
    if (!found) d_.error(at(root), "the SampML document has no <SampleInformation>", std::string(kRule));
  }

  void check() {
    const SampSpectrumGroup* sample = m_.spectrum_groups.empty() ? nullptr : &m_.spectrum_groups.front();
    for (const auto& [group, line] : group_lines_) check_group(group, line);
    if (!m_.mid.empty() && !m_.detector_code.empty() && !istarts_with(m_.mid, m_.detector_code + "-"))
      d_.warning(at_line(sample_information_line_),
                 fmt::format("the MID {} does not begin with the detector code {}", m_.mid, m_.detector_code),
                 "7.2.10");
    if (sample && sample->acquisition_start && !m_.mid.empty()) {
      const std::string start = write_fixed_date_time(*sample->acquisition_start, 0);
      const std::string mid_time = m_.mid.size() > 10 ? m_.mid.substr(10) : "";
      const std::string expected = start.substr(0, 10) + "-" + start.substr(11);
      if (mid_time.empty() || !istarts_with(expected, mid_time))
        d_.warning(at_line(sample_information_line_),
                   fmt::format("the MID {} does not give the acquisition start {}", m_.mid, start), "7.2.10");
    }
  }

 private:
  Position at(const xmlNode* n) const { return at_line(static_cast<int>(xmlGetLineNo(n))); }
  Position at_line(int line) const { return {line > 0 ? line + offset_ : 0, 0}; }

  void stray_text(const xmlNode* n, std::string_view parent) {
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) return;
    const std::string text = text_of(n);
    if (text.empty()) return;
    deviation(d_, mode_, at(n),
              fmt::format("text '{}' in <{}>, where elements are expected: ignored", text, parent),
              std::string(kRule));
  }

  void keep(const xmlNode* n, std::vector<std::string>& into) {
    if (n->type != XML_ELEMENT_NODE) return;
    std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
    if (!buffer) return;
    xmlNodeDump(buffer.get(), doc_, const_cast<xmlNode*>(n), 0, 0);
    into.emplace_back(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())));
  }

  std::string text(const xmlNode* n) {
    std::string t = text_of(n);
    placeholder(n, t);
    return t;
  }

  void placeholder(const xmlNode* n, std::string_view t) {
    if (t.find("${") != std::string_view::npos)
      deviation(d_, mode_, at(n), fmt::format("<{}> holds the template placeholder '{}'", name_of(n), t),
                std::string(kRule));
  }

  SampValue value(const xmlNode* n) {
    SampValue v;
    v.unit = attribute(n, "unit");
    v.text = text(n);
    if (auto x = parse_real(v.text)) {
      v.number = x;
      v.text.clear();
    }
    return v;
  }

  std::optional<double> number(const xmlNode* n) {
    const std::string t = text(n);
    if (auto x = parse_real(t)) return x;
    d_.error(at(n), fmt::format("<{}> holds '{}', not a number", name_of(n), t), std::string(kRule));
    return std::nullopt;
  }

  std::optional<std::int64_t> integer(std::string_view where, const xmlNode* n, std::string_view t) {
    if (auto x = parse_integer(t)) return x;
    d_.error(at(n), fmt::format("{} is '{}', not an integer", where, t), std::string(kRule));
    return std::nullopt;
  }

  std::optional<TimePoint> date_time(const xmlNode* n) {
    const std::string t = text(n);
    if (auto x = parse_xs_date_time(t)) return x;
    d_.error(at(n), fmt::format("<{}> holds '{}', not an xs:dateTime (yyyy-mm-ddThh:mm:ss)", name_of(n), t),
             std::string(kRule));
    return std::nullopt;
  }

  std::optional<double> duration(const xmlNode* n) {
    const std::string t = text(n);
    if (auto x = parse_xs_duration(t)) return x;
    d_.error(at(n), fmt::format("<{}> holds '{}', not an xs:duration (PTnS)", name_of(n), t),
             std::string(kRule));
    return std::nullopt;
  }

  template <class Model, class Table, class Read>
  bool table(const xmlNode* c, Model& model, const Table& entries, Read read) {
    for (const auto& e : entries) {
      if (is(c, e.name)) {
        model.*e.member = read(c);
        return true;
      }
    }
    return false;
  }

  void sample_information(const xmlNode* n) {
    sample_information_line_ = static_cast<int>(xmlGetLineNo(n));
    m_.srid = attribute(n, "REFID");
    m_.mid = attribute(n, "MID");
    if (const std::string sid = attribute(n, "SID"); !sid.empty())
      m_.sid = integer("the SID attribute", n, sid);
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        stray_text(c, "SampleInformation");
      } else if (is(c, "StationInformation")) {
        station(c);
      } else if (is(c, "DetectorInformation")) {
        for (const xmlNode* g = c->children; g; g = g->next) {
          if (is(g, "DetectorCode")) {
            m_.detector_code = text(g);
          } else if (is(g, "DetectorDescription")) {
            m_.detector_description = text(g);
          } else if (g->type == XML_ELEMENT_NODE) {
            keep(g, m_.other);
          }
        }
      } else if (is(c, "SampleType")) {
        m_.sample_type = text(c);
      } else if (is(c, "SystemTechnology")) {
        m_.system_technology = text(c);
      } else if (is(c, "MeasuredInformation")) {
        for (const xmlNode* g = c->children; g; g = g->next) {
          if (is(g, "SpectrumGroup")) {
            spectrum_group(g);
          } else if (g->type == XML_ELEMENT_NODE) {
            keep(g, m_.other);
          }
        }
      } else if (is(c, "Analyses")) {
        for (const xmlNode* a = c->children; a; a = a->next) {
          if (is(a, "Analysis")) {
            analysis(a);
          } else if (a->type == XML_ELEMENT_NODE) {
            keep(a, m_.other);
          }
        }
      } else if (is(c, "CalibrationInformation")) {
        for (const xmlNode* k = c->children; k; k = k->next) {
          if (is(k, "Calibration")) {
            calibration(k);
          } else if (k->type != XML_ELEMENT_NODE) {
            stray_text(k, "CalibrationInformation");
          } else {
            keep(k, m_.other);
          }
        }
      } else {
        keep(c, m_.other);
      }
    }
    if (m_.srid.empty() || !m_.sid)
      d_.error(at(n), "<SampleInformation> carries the REFID (the SRID) and the SID", std::string(kRule));
  }

  void station(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (is(c, "StationLocation")) {
        m_.station_location = text(c);
      } else if (is(c, "StationCode")) {
        m_.station_code = text(c);
      } else if (is(c, "CountryCode")) {
        m_.country_code = text(c);
      } else if (is(c, "Coordinates")) {
        const auto words = words_of(text(c));
        if (words.size() == 3) {
          m_.latitude = parse_real(words[0]);
          m_.longitude = parse_real(words[1]);
          m_.elevation = parse_real(words[2]);
        }
        if (!m_.latitude || !m_.longitude || !m_.elevation || std::abs(*m_.latitude) > 90 ||
            std::abs(*m_.longitude) > 180)
          d_.error(at(c), "<Coordinates> are 'latitude longitude elevation'", std::string(kRule));
      } else if (c->type == XML_ELEMENT_NODE) {
        keep(c, m_.other);
      }
    }
  }

  void spectrum_group(const xmlNode* n) {
    SampSpectrumGroup& g = m_.spectrum_groups.emplace_back();
    g.id = attribute(n, "id");
    g.calibration_ids = words_of(attribute(n, "calibrationIDs"));
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        stray_text(c, "SpectrumGroup");
        continue;
      }
      const auto read_text = [&](const xmlNode* x) { return text(x); };
      if (table(c, g, kGroupTextsFirst, read_text) || table(c, g, kGroupFlags, read_text) ||
          table(c, g, kGroupTextsLast, read_text))
        continue;
      if (table(c, g, kGroupValues, [&](const xmlNode* x) { return value(x); })) continue;
      if (table(c, g, kGroupTimes, [&](const xmlNode* x) { return date_time(x); })) continue;
      if (table(c, g, kGroupDurations, [&](const xmlNode* x) { return duration(x); })) continue;
      if (is(c, kAirVolumeNames[0]) || is(c, kAirVolumeNames[1])) {
        g.air_volume_element = name_of(c);
        g.air_volume = value(c);
      } else if (is(c, "SampleID")) {
        g.sample_id = integer("<SampleID>", c, text(c));
      } else if (is(c, "SpectrumType")) {
        g.spectrum_type = text(c);
      } else if (is(c, "Data")) {
        for (const xmlNode* s = c->children; s; s = s->next) {
          if (is(s, "Spectrum")) {
            spectrum(s, g.spectra.emplace_back());
          } else if (s->type == XML_ELEMENT_NODE) {
            keep(s, g.other);
          }
        }
      } else {
        keep(c, g.other);
      }
    }
    group_lines_.emplace_back(m_.spectrum_groups.size() - 1, static_cast<int>(xmlGetLineNo(n)));
  }

  void spectrum(const xmlNode* n, SampSpectrum& s) {
    s.id = attribute(n, "id");
    s.type = attribute(n, "type");
    s.format = attribute(n, "format");
    if (const std::string v = attribute(n, "channelSpan"); !v.empty())
      s.channel_span = integer("channelSpan", n, v);
    if (const std::string v = attribute(n, "energySpan"); !v.empty())
      s.energy_span = integer("energySpan", n, v);
    for (const std::string& w : words_of(text_of(n))) {
      if (auto x = parse_integer(w)) {
        s.counts.push_back(*x);
      } else {
        d_.error(at(n), fmt::format("the spectrum {} holds '{}', not a count", s.id, w), std::string(kRule));
        return;
      }
    }
    if (s.channel_span && static_cast<std::int64_t>(s.counts.size()) != *s.channel_span)
      d_.warning(at(n),
                 fmt::format("the spectrum {} holds {} counts for a channel span of {}", s.id,
                             s.counts.size(), *s.channel_span),
                 std::string(kRule));
  }

  void analysis(const xmlNode* n) {
    SampAnalysis& a = m_.analyses.emplace_back();
    a.id = attribute(n, "id");
    a.spectrum_ids = words_of(attribute(n, "spectrumIDs"));
    a.calibration_ids = words_of(attribute(n, "calibrationIDs"));
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        stray_text(c, "Analysis");
      } else if (is(c, "Software")) {
        for (const xmlNode* s = c->children; s; s = s->next) {
          if (is(s, "Name")) {
            a.software_name = text(s);
          } else if (is(s, "Version")) {
            a.software_version = text(s);
          }
        }
      } else if (is(c, "IdedNuclides")) {
        a.has_nuclides = true;
        for (const xmlNode* k = c->children; k; k = k->next) {
          if (is(k, "Corrected") || is(k, "Uncorrected")) {
            auto& list = is(k, "Corrected") ? a.corrected : a.uncorrected;
            for (const xmlNode* x = k->children; x; x = x->next) {
              if (is(x, "Nuclide")) {
                nuclide(x, list.emplace_back());
              } else {
                stray_text(x, name_of(k));
              }
            }
          } else if (k->type == XML_ELEMENT_NODE) {
            keep(k, a.other);
          }
        }
      } else if (is(c, "XeCovarianceMatrixes")) {
        for (const xmlNode* x = c->children; x; x = x->next) {
          if (!is(x, "XeCovarianceMatrix")) continue;
          SampCovariance& cov = a.covariances.emplace_back();
          cov.method = attribute(x, "method");
          for (const xmlNode* cell = x->children; cell; cell = cell->next) {
            if (is(cell, "Cell"))
              cov.cells.push_back({attribute(cell, "row"), attribute(cell, "col"), value(cell)});
          }
        }
      } else if (is(c, "PeakResults")) {
        for (const xmlNode* p = c->children; p; p = p->next) {
          if (!is(p, "PeakResult")) continue;
          SampPeak& peak = a.peaks.emplace_back();
          peak.id = attribute(p, "peakID");
          for (const xmlNode* v = p->children; v; v = v->next)
            table(v, peak, kPeakValues, [&](const xmlNode* x) { return number(x); });
        }
      } else if (is(c, "RoiInfo")) {
        roi_info(c, a);
      } else if (is(c, "Parameters")) {
        for (const xmlNode* p = c->children; p; p = p->next) {
          if (is(p, "ProcessingParameters")) {
            named_list(p, a.processing_parameters);
          } else if (p->type == XML_ELEMENT_NODE) {
            keep(p, a.other);
          }
        }
      } else if (is(c, "Flags")) {
        flags(c, a);
      } else if (!table(c, a, kCatLists, [&](const xmlNode* x) {
                   std::vector<SampNamedValue> list;
                   named_list(x, list);
                   return list;
                 })) {
        keep(c, a.other);
      }
    }
  }

  void nuclide(const xmlNode* n, SampNuclide& x) {
    x.quantifiable = attribute(n, "quantifiable");
    x.method = attribute(n, "method");
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        stray_text(c, "Nuclide");
      } else if (is(c, "Name")) {
        x.name = text(c);
      } else if (is(c, "Type")) {
        x.type = text(c);
      } else if (is(c, "HalfLife")) {
        x.half_life = text(c);
      } else if (is(c, "NuclideIdentificationIndicator")) {
        x.identification_text = text(c);
        if (const std::string v = attribute(c, "numericVal"); !v.empty())
          x.identification = integer("numericVal", c, v);
      } else if (!table(c, x, kNuclideValues, [&](const xmlNode* e) { return value(e); })) {
        keep(c, x.other);
      }
    }
    if (x.name.empty()) d_.error(at(n), "a <Nuclide> without a <Name>", std::string(kRule));
    // The sample's group comes before the analyses (I.28).
    check_nuclide(x, static_cast<int>(xmlGetLineNo(n)),
                  m_.spectrum_groups.empty() ? nullptr : &m_.spectrum_groups.front());
  }

  void roi_info(const xmlNode* n, SampAnalysis& a) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (is(c, "RoiNetCount")) {
        SampRoiCount& r = a.roi_counts.emplace_back();
        for (const xmlNode* v = c->children; v; v = v->next) {
          if (is(v, "RoiNumber")) {
            r.roi = integer("<RoiNumber>", v, text(v));
          } else if (is(v, "Name")) {
            r.name = text(v);
          } else if (table(v, r, kRoiValuesFirst, [&](const xmlNode* e) { return value(e); }) ||
                     table(v, r, kRoiValuesLast, [&](const xmlNode* e) { return value(e); })) {
          } else {
            for (const RoiPair& p : kRoiPairs) {
              if (!is(v, p.name)) continue;
              const auto words = words_of(text(v));
              if (words.size() == 2) {
                r.*p.value = parse_real(words[0]);
                r.*p.error = parse_real(words[1]);
              }
              if (words.size() != 2 || !(r.*p.value) || !(r.*p.error))
                d_.error(at(v), fmt::format("<{}> holds 'value error'", p.name), std::string(kRule));
            }
          }
        }
      } else if (is(c, "RoiBoundaries")) {
        SampRoiBoundary& b = a.roi_boundaries.emplace_back();
        for (const xmlNode* v = c->children; v; v = v->next) {
          if (is(v, "RoiNumber")) {
            b.roi = integer("<RoiNumber>", v, text(v));
          } else {
            table(v, b, kBoundaryValues, [&](const xmlNode* e) { return value(e); });
          }
        }
      } else if (c->type == XML_ELEMENT_NODE) {
        keep(c, a.other);
      } else {
        stray_text(c, "RoiInfo");
      }
    }
  }

  void named_list(const xmlNode* n, std::vector<SampNamedValue>& list) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        list.push_back({std::string(name_of(c)), value(c)});
      } else {
        stray_text(c, name_of(n));
      }
    }
  }

  void flags(const xmlNode* n, SampAnalysis& a) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (is(c, kFlagGroups[0]) || is(c, kFlagGroups[1])) {
        for (const xmlNode* f = c->children; f; f = f->next) {
          if (f->type != XML_ELEMENT_NODE) continue;
          SampFlag& flag = a.flags.emplace_back();
          flag.group = name_of(c);
          flag.name = name_of(f);
          for (const xmlNode* v = f->children; v; v = v->next) {
            if (is(v, "Value")) {
              flag.value = value(v);
            } else if (is(v, "Pass")) {
              flag.pass = text(v);
            } else if (is(v, "Test")) {
              flag.test = text(v);
            }
          }
        }
      } else if (is(c, "EventScreeningFlags")) {
        named_list(c, a.event_screening_flags);
      } else if (c->type == XML_ELEMENT_NODE) {
        keep(c, a.flags_other);
      }
    }
  }

  void calibration(const xmlNode* n) {
    SampCalibration& k = m_.calibrations.emplace_back();
    k.type = attribute(n, "Type");
    k.energy_units = attribute(n, "EnergyUnits");
    k.fwhm_units = attribute(n, "FWHMUnits");
    k.id = attribute(n, "ID");
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        stray_text(c, "Calibration");
      } else if (is(c, "Remark")) {
        k.remark = text(c);
      } else if (is(c, "CalibrationUpdated")) {
        k.updated = text(c);
      } else if (is(c, "Winner")) {
        k.winner = text(c);
      } else if (is(c, "CalibrationCreationDate")) {
        k.creation_date = date_time(c);
      } else if (is(c, "Equation")) {
        k.model = attribute(c, "Model");
        k.form = attribute(c, "Form");
        for (const xmlNode* e = c->children; e; e = e->next) {
          if (!is(e, "Coefficients")) continue;
          for (const std::string& w : words_of(text(e))) {
            if (auto x = parse_real(w)) {
              k.coefficients.push_back(*x);
            } else {
              d_.error(at(e), fmt::format("the coefficient '{}' is not a number", w), std::string(kRule));
            }
          }
        }
      } else {
        keep(c, k.other);
      }
    }
  }

  // Times that follow from one another (F2, V5), to the second the xs:dateTime values are written to.
  void check_group(std::size_t index, int line) {
    const SampSpectrumGroup& g = m_.spectrum_groups[index];
    const auto seconds = [](TimePoint a, TimePoint b) {
      return std::chrono::duration<double>(a - b).count();
    };
    const auto expect = [&](std::optional<double> given, std::optional<TimePoint> to,
                            std::optional<TimePoint> from, std::string_view what) {
      if (!given || !to || !from) return;
      const double span = seconds(*to, *from);
      if (std::abs(span - *given) > 1.0)
        d_.error(at_line(line),
                 fmt::format("{} of {} is {} s, but the times give {} s", what, g.id, *given, span),
                 std::string(kRule));
    };
    expect(g.sampling_time, g.collection_stop, g.collection_start,
           "the SamplingTime (collection stop - start)");
    expect(g.decay_time, g.acquisition_start, g.collection_stop,
           "the DecayTime (acquisition start - collection stop)");
    expect(g.real_time, g.acquisition_stop, g.acquisition_start,
           "the RealAcquisitionTime (acquisition stop - start)");
    if (g.sample_quantity && g.sample_quantity->number && g.xe_volume && g.xe_volume->number) {
      const double expected = *g.xe_volume->number / 0.087;
      if (std::abs(*g.sample_quantity->number - expected) > 1e-4 * std::abs(expected))
        d_.warning(at_line(line),
                   fmt::format("the SampleQuantity {} of {} is not the XeVolume / 0.087 = {}",
                               *g.sample_quantity->number, g.id, expected),
                   "7.2.11");
    }
  }

  // The errors of a nuclide agree with its values (relative = absolute / value, in %); the concentration is
  // the activity over the air volume of the sample.
  void check_nuclide(const SampNuclide& x, int line, const SampSpectrumGroup* sample) {
    const auto num = [](const std::optional<SampValue>& v) { return v ? v->number : std::nullopt; };
    const auto relative = [&](const std::optional<SampValue>& value, const std::optional<SampValue>& absolute,
                              const std::optional<SampValue>& percent, std::string_view what) {
      const auto v = num(value), a = num(absolute), p = num(percent);
      if (!v || !a || !p || *v == 0) return;
      const double expected = std::abs(*a / *v * 100);
      if (std::abs(std::abs(*p) - expected) > 1e-4 * expected + 1e-9)
        d_.error(at_line(line),
                 fmt::format("the relative {} error of {} is {} %, but absolute / value gives {} %", what,
                             x.name, *p, expected),
                 std::string(kRule));
    };
    relative(x.concentration, x.absolute_concentration_error, x.relative_concentration_error,
             "concentration");
    relative(x.activity, x.absolute_activity_error, x.relative_activity_error, "activity");
    if (!sample) return;
    const auto volume = num(sample->sample_quantity) ? num(sample->sample_quantity) : num(sample->air_volume);
    const auto c = num(x.concentration), a = num(x.activity);
    if (!volume || !c || !a || *volume <= 0) return;
    if (std::abs(*c * *volume - *a) > 1e-3 * std::abs(*a) + 1e-9)
      d_.warning(at_line(line),
                 fmt::format("the concentration of {} times the air volume {} is {}, not its activity {}",
                             x.name, *volume, *c * *volume, *a),
                 std::string(kRule));
  }

  SampleMl& m_;
  Diagnostics& d_;
  Mode mode_;
  xmlDoc* doc_;
  int offset_;
  int sample_information_line_ = 0;
  std::vector<std::pair<std::size_t, int>> group_lines_;
};

}  // namespace

std::optional<SampleMl> read_sampml_section(const DataSection& section, Diagnostics& diagnostics, Mode mode) {
  const bool reviewed = iequals(section.header.type, "REVSAMP");
  if (!reviewed && !iequals(section.header.type, "SAMPML")) return std::nullopt;
  Diagnostics d;
  SampleMl m;
  m.reviewed = reviewed;
  // The document: the body without its TIME_STAMP lines and the blank lines around it.
  const auto lines = section_lines(section);
  std::size_t first = lines.size(), last = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_time_stamp_line(lines[i].text)) {
      if (auto t = read_time_stamp(lines[i], d)) m.time_stamps.push_back(*t);
      continue;
    }
    if (trim(lines[i].text).empty()) continue;
    first = std::min(first, i);
    last = i;
  }
  const Position top{section.first_body_line(), 1};
  if (first == lines.size()) {
    d.error(top, "the section holds no SampML document", std::string(kRule));
    diagnostics.append(d);
    return std::nullopt;
  }
  std::string xml;
  for (std::size_t i = first; i <= last; ++i) {
    // A TIME_STAMP line inside the document is kept out of it, its line left empty to keep the numbering.
    if (!is_time_stamp_line(lines[i].text)) xml.append(lines[i].text);
    xml += '\n';
  }
  const int offset = lines[first].number - 1;
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt || !ctxt->sax) return std::nullopt;
  // libxml2 goes on after some errors: the first one is the one to report.
  FirstError first_error;
  ctxt->_private = &first_error;
  ctxt->sax->serror = keep_first_error;
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "sampml.xml", nullptr,
                        XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES));
  if (!doc) {
    const int line = first_error.line > 0 ? first_error.line + offset : section.first_body_line();
    d.error({line, first_error.column},
            fmt::format("the SampML document is not well-formed XML: {}",
                        first_error.message.empty() ? "malformed" : first_error.message),
            std::string(kRule));
    diagnostics.append(d);
    return std::nullopt;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || name_of(root) != "SampML") {
    d.error({offset + 1, 1}, "the document element is <SampML>", std::string(kRule));
    diagnostics.append(d);
    return std::nullopt;
  }
  SampReader reader(m, d, mode, doc.get(), offset);
  reader.root(root);
  reader.check();
  if (mode == Mode::strict) d.escalate_warnings();
  d.sort_by_position();
  diagnostics.append(d);
  return m;
}

}  // namespace imsgate::ims2::rn
