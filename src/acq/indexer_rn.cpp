// The index rows of the radionuclide data types (chapter 7).
#include <algorithm>
#include <cmath>
#include <limits>
#include <variant>

#include "acq/section_indexer.hpp"

namespace imsgate::acq::detail {
namespace {

namespace rn = ims2::rn;
using ims2::TimePoint;

// Count, mean, minimum and maximum of the values present.
class Summary {
 public:
  void add(std::optional<double> v) {
    if (!v) return;
    ++count_;
    sum_ += *v;
    min_ = std::min(min_, *v);
    max_ = std::max(max_, *v);
  }
  // "<name>_mean", "<name>_min", "<name>_max" when any value was present.
  void put_into(json& j, const std::string& name) const {
    if (count_ == 0) return;
    j[name + "_mean"] = sum_ / static_cast<double>(count_);
    j[name + "_min"] = min_;
    j[name + "_max"] = max_;
  }
  double sum() const { return sum_; }
  int count() const { return count_; }

 private:
  int count_ = 0;
  double sum_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

// The time stamp a real-time duration in seconds after `start` gives.
std::optional<TimePoint> after(const std::optional<TimePoint>& start, double seconds) {
  if (!start) return std::nullopt;
  return *start + std::chrono::microseconds(std::llround(seconds * 1e6));
}

// --- Pulse height data
// ----------------------------------------------------------------------------------------

std::string_view system_code(rn::SystemType s) {
  switch (s) {
    case rn::SystemType::particulate:
      return "P";
    case rn::SystemType::noble_gas_hpge:
      return "G";
    case rn::SystemType::beta_gamma:
      return "B";
  }
  return "";
}

// The calibration blocks a PHD carries, in Table 57's order.
json calibration_blocks(const rn::Phd& p) {
  json blocks = json::array();
  auto add = [&](bool present, const char* name) {
    if (present) blocks.push_back(name);
  };
  add(p.g_energy.has_value(), "g_energy");
  add(p.b_energy.has_value(), "b_energy");
  add(p.g_resolution.has_value(), "g_resolution");
  add(p.b_resolution.has_value(), "b_resolution");
  add(p.g_efficiency.has_value(), "g_efficiency");
  add(p.roi_limits.has_value(), "roi_limits");
  add(p.bg_efficiency.has_value(), "bg_efficiency");
  add(p.g_total_efficiency.has_value(), "g_total_efficiency");
  add(p.ratios.has_value(), "ratios");
  add(p.certificate.has_value(), "certificate");
  return blocks;
}

void index_phd(const rn::Phd& p, SectionIndexer& ix) {
  const rn::PhdHeader& h = p.header;
  store::ItemRow& row = ix.add_item("sample");
  row.station = h.station;
  row.detector = h.detector;
  row.srid = h.srid;
  const std::optional<TimePoint> acquisition_start = p.acquisition ? p.acquisition->start : std::nullopt;
  if (p.collection) {
    row.start = p.collection->start;
    row.end = p.collection->stop;
  } else if (p.acquisition) {
    row.start = acquisition_start;
    row.end = after(acquisition_start, p.acquisition->real_time);
  }

  json a = json::object();
  a["system_type"] = system_code(h.system_type);
  a["qualifier"] = h.qualifier == rn::Qualifier::full ? "FULL" : "PREL";
  put(a, "geometry", h.geometry);
  put(a, "mid", h.mid);
  put(a, "detector_background_mid", h.detector_background_mid);
  put(a, "gas_background_mid", h.gas_background_mid);
  put(a, "transmitted", h.transmitted);
  if (p.collection) {
    put(a, "collection_start", p.collection->start);
    put(a, "collection_stop", p.collection->stop);
    a["air_volume"] = p.collection->air_volume;
  }
  if (p.acquisition) {
    put(a, "acquisition_start", acquisition_start);
    a["real_time"] = p.acquisition->real_time;
    a["live_time"] = p.acquisition->live_time;
  }
  if (p.processing) {
    a["xe_volume"] = p.processing->xe_volume;
    a["xe_volume_uncertainty"] = p.processing->xe_volume_uncertainty;
    a["xe_yield"] = p.processing->xe_yield;
    a["xe_yield_uncertainty"] = p.processing->xe_yield_uncertainty;
    put(a, "archive_bottle", p.processing->archive_bottle);
  }
  if (p.sample) {
    a["sample_dimension1"] = p.sample->dimension1;
    a["sample_dimension2"] = p.sample->dimension2;
  }
  if (p.calibration) put(a, "calibration_time", p.calibration->time);
  if (p.g_spectrum) a["g_channels"] = p.g_spectrum->channels();
  if (p.b_spectrum) a["b_channels"] = p.b_spectrum->channels();
  if (p.histogram) {
    a["histogram_gamma_channels"] = p.histogram->gamma_channels;
    a["histogram_beta_channels"] = p.histogram->beta_channels;
  }
  a["calibration_blocks"] = calibration_blocks(p);
  row.attributes = a.dump();
  ix.name_station(h.station);
}

// --- State of health, meteorology, alerts
// ---------------------------------------------------------------------

template <class Records>
void put_count(json& counts, const char* name, const Records& records) {
  if (!records.empty()) counts[name] = records.size();
}

void index_soh(const rn::Rmssoh& r, SectionIndexer& ix) {
  const rn::RmssohHeader& h = r.header;
  store::ItemRow& row = ix.add_item("soh");
  row.station = h.station;
  if (!ims2::iequals(h.detector, "NA")) row.detector = h.detector;  // NA: none, or several
  row.start = h.period_start;
  row.end = h.period_end;
  if (r.chromatogram) row.srid = r.chromatogram->srid;

  json a = json::object();
  put(a, "transmitted", h.transmitted);
  json counts = json::object();
  put_count(counts, "air_sampler_flow", r.air_sampler_flow);
  put_count(counts, "air_sampler_env", r.air_sampler_env);
  put_count(counts, "det_env", r.det_env);
  put_count(counts, "power_supply", r.power_supply);
  put_count(counts, "equip_status", r.equip_status);
  put_count(counts, "tamper_env", r.tamper_env);
  put_count(counts, "process_sensors", r.process_sensors);
  a["records"] = counts;

  Summary flow;
  for (const auto& f : r.air_sampler_flow) flow.add(f.flow_rate);
  flow.put_into(a, "flow_rate");
  Summary temperature;
  for (const auto& e : r.air_sampler_env) temperature.add(e.temperature);
  temperature.put_into(a, "air_sampler_temperature");
  if (!r.power_supply.empty()) {
    const bool main_off = std::any_of(r.power_supply.begin(), r.power_supply.end(),
                                      [](const auto& p) { return p.main == rn::SohOnOff::off; });
    a["main_power_off"] = main_off;
  }
  json open = json::array();
  for (const auto& t : r.tamper_env)
    if (t.status == rn::SohOpenClosed::open && std::find(open.begin(), open.end(), t.sensor) == open.end())
      open.push_back(t.sensor);
  if (!open.empty()) a["tamper_open"] = open;
  if (r.chromatogram) put(a, "chromatogram_readings", r.chromatogram->readings);
  row.attributes = a.dump();
  ix.name_station(h.station);
}

void index_met(const rn::MetGroup& g, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("met");
  row.station = g.station;
  Summary temperature, wind_speed, pressure, humidity, rainfall;
  for (const rn::MetRecord& r : g.records) {
    if (!row.start || r.start < *row.start) row.start = r.start;
    if (!row.end || r.end > *row.end) row.end = r.end;
    temperature.add(r.temperature);
    wind_speed.add(r.wind_speed);
    pressure.add(r.pressure);
    if (r.humidity) humidity.add(static_cast<double>(*r.humidity));
    rainfall.add(r.rainfall);
  }
  json a = {{"records", g.records.size()}};
  temperature.put_into(a, "temperature");
  wind_speed.put_into(a, "wind_speed");
  pressure.put_into(a, "pressure");
  humidity.put_into(a, "humidity");
  if (rainfall.count() > 0) a["rainfall_total"] = rainfall.sum();
  row.attributes = a.dump();
  ix.name_station(g.station);
}

void index_alert(const rn::Alert& alert, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("alert");
  row.station = alert.station;
  row.start = alert.time;
  row.end = alert.time;
  std::string description;
  for (const std::string& line : alert.text) {
    if (!description.empty()) description += '\n';
    description += ims2::trim_right(line);
  }
  json a = json::object();
  put(a, "type", alert.type);
  put(a, "description", ims2::trim_right(description));
  row.attributes = a.dump();
  ix.name_station(alert.station);
}

// --- Laboratory messages: rows under the laboratory's code
// ----------------------------------------------------

std::string_view sample_kind_name(std::optional<rn::SampleKind> kind) {
  if (!kind) return "";
  return *kind == rn::SampleKind::particulate ? "particulate" : "noble_gas";
}

void put_collection(json& a, store::ItemRow& row, const std::optional<rn::LabCollection>& c) {
  if (!c) return;
  row.start = c->start;
  row.end = c->stop;
  put(a, "collection_start", c->start);
  put(a, "collection_stop", c->stop);
  put(a, "air_volume", c->air_volume);
}

void index_rlr(const rn::Rlr& r, SectionIndexer& ix) {
  const rn::RlrHeader& h = r.header;
  store::ItemRow& row = ix.add_item("lab_report");
  row.station = h.lab;
  row.detector = h.detector;
  row.srid = h.srid;
  json a = {{"message_type", "RLR"}};
  put(a, "sample_station", h.station);
  if (h.report_type) a["report_type"] = *h.report_type == rn::ReportType::final ? "FIN" : "PRE";
  put(a, "report_number", h.report_number);
  put(a, "category", h.category);
  if (h.priority) a["priority"] = rn::priority_name(*h.priority);
  put(a, "transmitted", h.transmitted);
  put(a, "sample_kind", sample_kind_name(rn::sample_kind(r)));
  put_collection(a, row, r.collection);
  if (r.sample_receipt) put(a, "sample_received", r.sample_receipt->received);
  if (r.test) put(a, "test_completed", r.test->completed);
  const auto& results = r.p_results ? r.p_results : r.x_results;
  if (results) {
    put(a, "activity_reference", results->activity_reference);
    put(a, "concentration_reference", results->concentration_reference);
    json nuclides = json::array();
    for (const rn::NuclideResult& n : results->nuclides) nuclides.push_back(n.nuclide);
    a["nuclides"] = nuclides;
  }
  row.attributes = a.dump();
  ix.name_station(h.lab);
}

void index_lab_message(const rn::LabMessage& m, rn::LabMessageType type, SectionIndexer& ix) {
  const rn::LabMessageHeader& h = m.header;
  store::ItemRow& row = ix.add_item("lab_report");
  row.station = h.lab;
  row.srid = h.srid;
  json a = {{"message_type", rn::lab_message_type_name(type)}};
  put(a, "category", h.category);
  if (h.priority) a["priority"] = rn::priority_name(*h.priority);
  put(a, "transmitted", h.transmitted);
  put_collection(a, row, m.collection);
  if (m.transport) {
    put(a, "courier", m.transport->courier);
    put(a, "handover", m.transport->handover);
    put(a, "estimated_arrival", m.transport->estimated_arrival);
  }
  if (m.sample_receipt) put(a, "sample_received", m.sample_receipt->received);
  if (m.message_receipt) put(a, "message_received", m.message_receipt->received);
  row.attributes = a.dump();
  ix.name_station(h.lab);
}

// --- The IDC's products: rows that name no station
// ------------------------------------------------------------

std::string_view variant_name(rn::ReportVariant v) {
  switch (v) {
    case rn::ReportVariant::particulate:
      return "particulate";
    case rn::ReportVariant::beta_gamma:
      return "beta_gamma";
    case rn::ReportVariant::hpge:
      return "hpge";
  }
  return "";
}

void index_report(const rn::RadionuclideReport& r, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("report");
  json a = {{"report", r.kind == rn::ReportKind::automatic ? "ARR" : "RRR"},
            {"variant", variant_name(r.variant)}};
  if (const auto* p = std::get_if<rn::ParticulateReport>(&r.body)) {
    const rn::ParticulateSampleInformation& s = p->sample;
    row.station = s.station;
    row.detector = s.detector;
    row.start = s.collection_start;
    row.end = s.collection_stop;
    put(a, "created", p->title.creation);
    put(a, "sample_id", s.sample_id);
    put(a, "sample_type", s.sample_type);
    put(a, "geometry", s.geometry);
    put(a, "air_volume", s.quantity_m3);
    put(a, "acquisition_start", s.acquisition_start);
    put(a, "acquisition_stop", s.acquisition_stop);
    put(a, "spectrum_category", p->categorization.spectrum_category);
  } else if (const auto* n = std::get_if<rn::NobleGasReport>(&r.body)) {
    const rn::NobleGasSampleInformation& s = n->sample;
    row.station = s.station;
    row.detector = s.detector;
    row.srid = s.sample_reference_id;
    row.start = s.collection_start;
    row.end = s.collection_stop;
    put(a, "created", n->title.creation);
    put(a, "sample_id", s.sample_id);
    put(a, "sample_type", s.sample_type);
    put(a, "system_technology", s.system_technology);
    put(a, "xe_volume", s.xe_volume_ml);
    put(a, "acquisition_start", s.acquisition_start);
    put(a, "acquisition_stop", s.acquisition_stop);
    put(a, "spectrum_category", n->categorization.spectrum_category);
  }
  row.attributes = a.dump();
}

void index_ssreb(const rn::Ssreb& s, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("report");
  json a = {{"report", "SSREB"}};
  a["variant"] = s.kind == rn::SsrebKind::particulate ? "particulate" : "noble_gas";
  put(a, "created", s.creation_date);
  put(a, "fission_product_id", s.fission_product_id);
  if (s.kind == rn::SsrebKind::noble_gas) {
    row.station = s.sample.station;
    row.detector = s.sample.detector;
    row.srid = s.sample.sample_reference_id;
    row.end = s.sample.collection_stop;
    put(a, "sample_id", s.sample.sample_id);
    put(a, "sample_category", s.sample_category);
  } else if (!s.detections.empty()) {
    const rn::SsrebDetection& first = s.detections.front();
    row.station = first.station;
    row.end = first.collection_stop;
    put(a, "sample_id", first.sample_id);
    json nuclides = json::array();
    for (const rn::SsrebDetection& d : s.detections) nuclides.push_back(d.nuclide);
    a["nuclides"] = nuclides;
  }
  row.attributes = a.dump();
}

void index_rnps(const rn::Rnps& r, SectionIndexer& ix) {
  for (const rn::RnpsSample& s : r.samples) {
    store::ItemRow& row = ix.add_item("report");
    row.station = s.station;
    row.detector = s.detector;
    row.start = s.collection_start;
    row.end = s.collection_stop;
    json a = {{"report", "RNPS"}};
    put(a, "created", r.created);
    put(a, "sample_id", s.sample_id);
    put(a, "system_type", s.type);
    put(a, "level", s.level);
    put(a, "status", s.status);
    a["products"] = s.products;
    a["relevant_nuclides"] = s.relevant_nuclides;
    row.attributes = a.dump();
  }
}

void index_sampml(const rn::SampleMl& s, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("report");
  row.station = s.station_code;
  row.detector = s.detector_code;
  row.srid = s.srid;
  json a = {{"report", s.reviewed ? "REVSAMP" : "SAMPML"}};
  put(a, "sample_id", s.sid);
  put(a, "mid", s.mid);
  put(a, "sample_type", s.sample_type);
  put(a, "system_technology", s.system_technology);
  put(a, "latitude", s.latitude);
  put(a, "longitude", s.longitude);
  if (!s.spectrum_groups.empty()) {
    const rn::SampSpectrumGroup& g = s.spectrum_groups.front();
    row.start = g.collection_start;
    row.end = g.collection_stop;
    put(a, "acquisition_start", g.acquisition_start);
    put(a, "acquisition_stop", g.acquisition_stop);
  }
  row.attributes = a.dump();
}

}  // namespace

void index_rn(const rn::Section& model, SectionIndexer& ix) {
  std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, rn::PhdSection>) {
          for (const rn::Phd& p : m.products) index_phd(p, ix);
        } else if constexpr (std::is_same_v<T, rn::RlrSection>) {
          for (const rn::Rlr& r : m.reports) index_rlr(r, ix);
        } else if constexpr (std::is_same_v<T, rn::LabMessageSection>) {
          for (const rn::LabMessage& lm : m.messages) index_lab_message(lm, m.type, ix);
        } else if constexpr (std::is_same_v<T, rn::RmssohSection>) {
          for (const rn::Rmssoh& r : m.reports) index_soh(r, ix);
        } else if constexpr (std::is_same_v<T, rn::MetSection>) {
          for (const rn::MetGroup& g : m.groups) index_met(g, ix);
        } else if constexpr (std::is_same_v<T, rn::AlertSection>) {
          for (const rn::Alert& a : m.alerts) index_alert(a, ix);
        } else if constexpr (std::is_same_v<T, rn::RadionuclideReport>) {
          index_report(m, ix);
        } else if constexpr (std::is_same_v<T, rn::Ssreb>) {
          index_ssreb(m, ix);
        } else if constexpr (std::is_same_v<T, rn::Rnps>) {
          index_rnps(m, ix);
        } else if constexpr (std::is_same_v<T, rn::SampleMl>) {
          index_sampml(m, ix);
        }
      },
      model);
}

}  // namespace imsgate::acq::detail
