#include "cli/json_rn_products.hpp"

#include "cli/json_shi.hpp"

namespace imsgate::cli::rn_json {

using nlohmann::json;
using shi_json::array_of;
using shi_json::time;
using shi_json::value;
namespace rn = ims2::rn;

namespace {

json times(const std::vector<ims2::TimePoint>& ts) {
  return array_of(ts, [](ims2::TimePoint t) { return time(t); });
}

json text(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json strings(const std::vector<std::string>& v) {
  return array_of(v, [](const std::string& s) { return json(s); });
}

json samp_value(const std::optional<rn::SampValue>& v) {
  if (!v) return nullptr;
  return {{"number", value(v->number)}, {"text", text(v->text)}, {"unit", text(v->unit)}};
}

json samp_value(const rn::SampValue& v) {
  return samp_value(std::optional<rn::SampValue>(v));
}

json named(const std::vector<rn::SampNamedValue>& list) {
  return array_of(list, [](const rn::SampNamedValue& v) {
    return json{{"name", v.name}, {"value", samp_value(v.value)}};
  });
}

json nuclide(const rn::SampNuclide& x) {
  return {{"quantifiable", text(x.quantifiable)},
          {"method", text(x.method)},
          {"name", x.name},
          {"type", text(x.type)},
          {"half_life", text(x.half_life)},
          {"concentration", samp_value(x.concentration)},
          {"activity", samp_value(x.activity)},
          {"activity_at_acquisition", samp_value(x.activity_at_acquisition)},
          {"undecay_corrected_activity", samp_value(x.undecay_corrected_activity)},
          {"absolute_concentration_error", samp_value(x.absolute_concentration_error)},
          {"relative_concentration_error", samp_value(x.relative_concentration_error)},
          {"relative_activity_at_acquisition_error", samp_value(x.relative_activity_at_acquisition_error)},
          {"absolute_activity_error", samp_value(x.absolute_activity_error)},
          {"relative_activity_error", samp_value(x.relative_activity_error)},
          {"mdc", samp_value(x.mdc)},
          {"mdi", samp_value(x.mdi)},
          {"lc", samp_value(x.lc)},
          {"ld", samp_value(x.ld)},
          {"lc_activity", samp_value(x.lc_activity)},
          {"ld_activity", samp_value(x.ld_activity)},
          {"identification", value(x.identification)},
          {"identification_text", text(x.identification_text)},
          {"other", strings(x.other)}};
}

json group(const rn::SampSpectrumGroup& g) {
  return {{"id", g.id},
          {"calibration_ids", strings(g.calibration_ids)},
          {"geometry", text(g.geometry)},
          {"air_volume_element", text(g.air_volume_element)},
          {"air_volume", samp_value(g.air_volume)},
          {"flow_rate", samp_value(g.flow_rate)},
          {"sample_quantity", samp_value(g.sample_quantity)},
          {"xe_volume", samp_value(g.xe_volume)},
          {"soh_flag", text(g.soh_flag)},
          {"authenticated", text(g.authenticated)},
          {"collection_start", time(g.collection_start)},
          {"collection_stop", time(g.collection_stop)},
          {"acquisition_start", time(g.acquisition_start)},
          {"acquisition_stop", time(g.acquisition_stop)},
          {"arrival", time(g.arrival)},
          {"real_time", value(g.real_time)},
          {"live_time", value(g.live_time)},
          {"sampling_time", value(g.sampling_time)},
          {"decay_time", value(g.decay_time)},
          {"comments", text(g.comments)},
          {"general_comments", text(g.general_comments)},
          {"isotope_comments", text(g.isotope_comments)},
          {"measurement_type", text(g.measurement_type)},
          {"sample_id", value(g.sample_id)},
          {"spectrum_type", text(g.spectrum_type)},
          {"spectra", array_of(g.spectra,
                               [](const rn::SampSpectrum& s) {
                                 return json{{"id", s.id},
                                             {"type", text(s.type)},
                                             {"format", text(s.format)},
                                             {"channel_span", value(s.channel_span)},
                                             {"energy_span", value(s.energy_span)},
                                             {"counts", s.counts}};
                               })},
          {"other", strings(g.other)}};
}

json analysis(const rn::SampAnalysis& a) {
  return {{"id", a.id},
          {"spectrum_ids", strings(a.spectrum_ids)},
          {"calibration_ids", strings(a.calibration_ids)},
          {"software_name", text(a.software_name)},
          {"software_version", text(a.software_version)},
          {"has_nuclides", a.has_nuclides},
          {"corrected", array_of(a.corrected, nuclide)},
          {"uncorrected", array_of(a.uncorrected, nuclide)},
          {"covariances", array_of(a.covariances,
                                   [](const rn::SampCovariance& c) {
                                     return json{
                                         {"method", text(c.method)},
                                         {"cells", array_of(c.cells, [](const rn::SampCovarianceCell& cell) {
                                            return json{{"row", cell.row},
                                                        {"column", cell.column},
                                                        {"value", samp_value(cell.value)}};
                                          })}};
                                   })},
          {"peaks", array_of(a.peaks,
                             [](const rn::SampPeak& p) {
                               return json{{"id", p.id},
                                           {"energy", value(p.energy)},
                                           {"centroid", value(p.centroid)},
                                           {"area", value(p.area)},
                                           {"area_error", value(p.area_error)},
                                           {"width", value(p.width)},
                                           {"fwhm", value(p.fwhm)},
                                           {"efficiency", value(p.efficiency)}};
                             })},
          {"roi_counts",
           array_of(a.roi_counts,
                    [](const rn::SampRoiCount& r) {
                      return json{{"roi", value(r.roi)},
                                  {"name", text(r.name)},
                                  {"net_counts", value(r.net_counts)},
                                  {"net_counts_error", value(r.net_counts_error)},
                                  {"gross_counts", samp_value(r.gross_counts)},
                                  {"gross_counts_error", samp_value(r.gross_counts_error)},
                                  {"lc", samp_value(r.lc)},
                                  {"ld", samp_value(r.ld)},
                                  {"det_background_counts", value(r.det_background_counts)},
                                  {"det_background_error", value(r.det_background_error)},
                                  {"gas_background_counts", value(r.gas_background_counts)},
                                  {"gas_background_error", value(r.gas_background_error)},
                                  {"efficiency", samp_value(r.efficiency)},
                                  {"absolute_efficiency_error", samp_value(r.absolute_efficiency_error)},
                                  {"relative_efficiency_error", samp_value(r.relative_efficiency_error)}};
                    })},
          {"roi_boundaries", array_of(a.roi_boundaries,
                                      [](const rn::SampRoiBoundary& b) {
                                        return json{{"roi", value(b.roi)},
                                                    {"gamma_low", samp_value(b.gamma_low)},
                                                    {"gamma_high", samp_value(b.gamma_high)},
                                                    {"beta_low", samp_value(b.beta_low)},
                                                    {"beta_high", samp_value(b.beta_high)}};
                                      })},
          {"cat_data_long", named(a.cat_data_long)},
          {"cat_data_short", named(a.cat_data_short)},
          {"cat_params", named(a.cat_params)},
          {"processing_parameters", named(a.processing_parameters)},
          {"flags", array_of(a.flags,
                             [](const rn::SampFlag& f) {
                               return json{{"group", f.group},
                                           {"name", f.name},
                                           {"value", samp_value(f.value)},
                                           {"pass", text(f.pass)},
                                           {"test", text(f.test)}};
                             })},
          {"event_screening_flags", named(a.event_screening_flags)},
          {"flags_other", strings(a.flags_other)},
          {"other", strings(a.other)}};
}

}  // namespace

json model(const rn::Ssreb& s) {
  const rn::SsrebParticulateFlags& f = s.particulate_flags;
  return {{"data_type", "SSREB"},
          {"kind", s.kind == rn::SsrebKind::particulate ? "particulate" : "noble_gas"},
          {"creation_date", time(s.creation_date)},
          {"time_difference", s.time_difference ? json(s.time_difference->seconds) : json(nullptr)},
          {"fission_product_id", value(s.fission_product_id)},
          {"authenticated", value(s.authenticated)},
          {"detections", array_of(s.detections,
                                  [](const rn::SsrebDetection& d) {
                                    return json{{"station", d.station},
                                                {"collection_stop", time(d.collection_stop)},
                                                {"sample_id", value(d.sample_id)},
                                                {"nuclide", d.nuclide},
                                                {"comment", text(d.comment)}};
                                  })},
          {"particulate_flags",
           {{"activation_products", value(f.activation_products)},
            {"days_since_activation_product", value(f.days_since_activation_product)},
            {"one_fission_product", value(f.one_fission_product)},
            {"days_since_fission_product", value(f.days_since_fission_product)},
            {"fission_products", value(f.fission_products)},
            {"cs137", value(f.cs137)},
            {"cs137_times_seen", value(f.cs137_times_seen)}}},
          {"sample",
           {{"station", text(s.sample.station)},
            {"detector", text(s.sample.detector)},
            {"sample_id", value(s.sample.sample_id)},
            {"sample_reference_id", text(s.sample.sample_reference_id)},
            {"collection_stop", time(s.sample.collection_stop)}}},
          {"isotopes", array_of(s.isotopes,
                                [](const rn::SsrebIsotope& i) {
                                  return json{{"isotope", i.isotope},
                                              {"detected", value(i.detected)},
                                              {"abnormal_threshold", value(i.abnormal_threshold)},
                                              {"comment", text(i.comment)}};
                                })},
          {"sample_category", text(s.sample_category)},
          {"sample_category_description", text(s.sample_category_description)},
          {"flags", array_of(s.flags,
                             [](const rn::SsrebFlag& x) {
                               return json{{"name", x.name}, {"value", x.value}};
                             })},
          {"ratios", array_of(s.ratios,
                              [](const rn::SsrebRatio& r) {
                                return json{{"ratio", r.ratio},
                                            {"value", value(r.value)},
                                            {"exceeds", value(r.exceeds)},
                                            {"test", text(r.test)}};
                              })},
          {"field_of_regard", strings(s.field_of_regard)},
          {"laboratory_results", strings(s.laboratory_results)},
          {"additional_information", strings(s.additional_information)},
          {"other_lines", strings(s.other_lines)},
          {"time_stamps", times(s.time_stamps)}};
}

json model(const rn::Rnps& r) {
  return {{"data_type", "RNPS"},
          {"created", time(r.created)},
          {"period_start", time(r.period_start)},
          {"period_end", time(r.period_end)},
          {"samples", array_of(r.samples,
                               [](const rn::RnpsSample& s) {
                                 return json{{"station", s.station},
                                             {"detector", text(s.detector)},
                                             {"sample_id", value(s.sample_id)},
                                             {"type", s.type},
                                             {"collection_start", time(s.collection_start)},
                                             {"collection_stop", time(s.collection_stop)},
                                             {"level", s.level},
                                             {"status", s.status},
                                             {"products", strings(s.products)},
                                             {"relevant_nuclides", strings(s.relevant_nuclides)}};
                               })},
          {"time_stamps", times(r.time_stamps)}};
}

json model(const rn::SampleMl& m) {
  return {{"data_type", m.reviewed ? "REVSAMP" : "SAMPML"},
          {"namespace", text(m.namespace_uri)},
          {"srid", text(m.srid)},
          {"sid", value(m.sid)},
          {"mid", text(m.mid)},
          {"station_location", text(m.station_location)},
          {"station_code", text(m.station_code)},
          {"country_code", text(m.country_code)},
          {"latitude", value(m.latitude)},
          {"longitude", value(m.longitude)},
          {"elevation", value(m.elevation)},
          {"detector_code", text(m.detector_code)},
          {"detector_description", text(m.detector_description)},
          {"sample_type", text(m.sample_type)},
          {"system_technology", text(m.system_technology)},
          {"spectrum_groups", array_of(m.spectrum_groups, group)},
          {"analyses", array_of(m.analyses, analysis)},
          {"calibrations", array_of(m.calibrations,
                                    [](const rn::SampCalibration& k) {
                                      return json{{"type", k.type},
                                                  {"energy_units", text(k.energy_units)},
                                                  {"fwhm_units", text(k.fwhm_units)},
                                                  {"id", k.id},
                                                  {"remark", text(k.remark)},
                                                  {"updated", text(k.updated)},
                                                  {"winner", text(k.winner)},
                                                  {"creation_date", time(k.creation_date)},
                                                  {"model", text(k.model)},
                                                  {"form", text(k.form)},
                                                  {"coefficients", k.coefficients},
                                                  {"other", strings(k.other)}};
                                    })},
          {"other", strings(m.other)},
          {"time_stamps", times(m.time_stamps)}};
}

}  // namespace imsgate::cli::rn_json
