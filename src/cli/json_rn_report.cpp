#include "cli/json_rn_report.hpp"

#include "cli/json_shi.hpp"

namespace imsgate::cli::rn_json {

using nlohmann::json;
using shi_json::array_of;
using shi_json::time;
using shi_json::value;
namespace rn = ims2::rn;

namespace {

json strings(const std::vector<std::string>& lines) {
  return json(lines);
}

json half_life(const rn::HalfLife& h) {
  return {{"value", value(h.value)}, {"unit", h.unit}};
}

json flag(const rn::ReportFlag& f) {
  return {{"name", f.name},
          {"pass", value(f.pass)},
          {"value", value(f.value)},
          {"value_text", f.value_text},
          {"test", f.test}};
}

json calibration(const rn::CalibrationParameters& c) {
  return {{"area_threshold", value(c.area_threshold)},
          {"confidence_level", value(c.confidence_level)},
          {"ecr_updated", value(c.ecr_updated)},
          {"rer_updated", value(c.rer_updated)},
          {"used_ecr", c.used_ecr},
          {"used_rer", c.used_rer},
          {"gamma_energy_updated", value(c.gamma_energy_updated)},
          {"beta_energy_updated", value(c.beta_energy_updated)},
          {"extra", strings(c.extra)}};
}

json activity(const rn::NuclideActivity& a) {
  return {{"nuclide", a.nuclide},
          {"half_life", half_life(a.half_life)},
          {"concentration", value(a.concentration)},
          {"concentration_error", value(a.concentration_error)},
          {"activity", value(a.activity)},
          {"activity_error", value(a.activity_error)},
          {"coincidence", value(a.coincidence)}};
}

json sroi(const rn::SroiNuclide& n) {
  return {{"nuclide", n.nuclide},
          {"average_concentration", value(n.average_concentration)},
          {"error", value(n.error)}};
}

json particulate(const rn::ParticulateReport& r) {
  const auto& s = r.sample;
  json j;
  j["title"] = {{"creation", time(r.title.creation)},
                {"arrival", time(r.title.arrival)},
                {"time_difference_hours", value(r.title.time_difference_hours)},
                {"extra", strings(r.title_extra)}};
  j["sample_information"] = {{"station", s.station},
                             {"detector", s.detector},
                             {"authenticated", value(s.authenticated)},
                             {"location", s.location},
                             {"detector_description", s.detector_description},
                             {"sample_id", value(s.sample_id)},
                             {"geometry", s.geometry},
                             {"quantity_m3", value(s.quantity_m3)},
                             {"sample_type", s.sample_type},
                             {"collection_start", time(s.collection_start)},
                             {"collection_stop", time(s.collection_stop)},
                             {"acquisition_start", time(s.acquisition_start)},
                             {"acquisition_stop", time(s.acquisition_stop)},
                             {"sampling_hours", value(s.sampling_hours)},
                             {"decay_hours", value(s.decay_hours)},
                             {"acquisition_hours", value(s.acquisition_hours)},
                             {"flow_rate_m3_per_hour", value(s.flow_rate_m3_per_hour)},
                             {"station_comments", strings(s.station_comments)},
                             {"analysis_comments", strings(s.analysis_comments)},
                             {"extra", strings(s.extra)}};
  const auto& c = r.categorization;
  j["measurement_categorization"] = {
      {"spectrum_category", value(c.spectrum_category)},
      {"description", c.description},
      {"isotopes",
       array_of(c.isotopes,
                [](const rn::ParticulateIsotopeCategory& i) -> json {
                  return {{"nuclide", i.nuclide}, {"category", value(i.category)}, {"comment", i.comment}};
                })},
      {"extra", strings(c.extra)}};
  const auto& a = r.activity;
  j["activity_summary"] = {{"identified_not_quantified", strings(a.identified_not_quantified)},
                           {"natural", array_of(a.natural, activity)},
                           {"activation", array_of(a.activation, activity)},
                           {"fission", array_of(a.fission, activity)},
                           {"extra", strings(a.extra)}};
  j["mdc_key_nuclides"] = {{"nuclides", array_of(r.mdc.nuclides,
                                                 [](const rn::KeyNuclideMdc& k) -> json {
                                                   return {{"nuclide", k.nuclide},
                                                           {"half_life", half_life(k.half_life)},
                                                           {"mdc", value(k.mdc)},
                                                           {"mda", value(k.mda)}};
                                                 })},
                           {"extra", strings(r.mdc.extra)}};
  const auto& p = r.peaks;
  j["peak_search_results"] = {{"found", value(p.found)},
                              {"associated", value(p.associated)},
                              {"not_associated", value(p.not_associated)},
                              {"percent_associated", value(p.percent_associated)},
                              {"peaks", array_of(p.peaks,
                                                 [](const rn::ReportPeak& k) -> json {
                                                   return {{"energy", value(k.energy)},
                                                           {"multiplet", k.multiplet},
                                                           {"centroid", value(k.centroid)},
                                                           {"width", value(k.width)},
                                                           {"fwhm", value(k.fwhm)},
                                                           {"efficiency", value(k.efficiency)},
                                                           {"area", value(k.area)},
                                                           {"background", value(k.background)},
                                                           {"area_error", value(k.area_error)},
                                                           {"nuclide", k.nuclide},
                                                           {"notes", k.notes}};
                                                 })},
                              {"extra", strings(p.extra)}};
  j["sroi_editing"] = nullptr;
  if (r.sroi_editing)
    j["sroi_editing"] = {
        {"nuclide_id_changes", r.sroi_editing->nuclide_id_changes},
        {"average_concentration_differences", r.sroi_editing->average_concentration_differences},
        {"entering", array_of(r.sroi_editing->entering, sroi)},
        {"leaving", array_of(r.sroi_editing->leaving, sroi)},
        {"extra", strings(r.sroi_editing->extra)}};
  j["peak_search_notes"] = nullptr;
  if (r.peak_notes)
    j["peak_search_notes"] = {
        {"notes", array_of(r.peak_notes->notes,
                           [](const rn::PeakNote& n) -> json {
                             return {{"number", n.number},
                                     {"entries", array_of(n.entries, [](const rn::PeakNoteEntry& e) -> json {
                                        return {{"entered", time(e.entered)},
                                                {"analyst", e.analyst},
                                                {"text", strings(e.text)}};
                                      })}};
                           })},
        {"extra", strings(r.peak_notes->extra)}};
  const auto& q = r.processing;
  j["processing_parameters"] = {{"risk_level_k", value(q.risk_level_k)},
                                {"baseline_algorithm", q.baseline_algorithm},
                                {"detectability_threshold", value(q.detectability_threshold)},
                                {"energy_tolerance", q.energy_tolerance},
                                {"background_subtraction", value(q.background_subtraction)},
                                {"background_sample_id", value(q.background_sample_id)},
                                {"background_type", q.background_type},
                                {"background_acquisition_start", time(q.background_acquisition_start)},
                                {"background_acquisition_hours", value(q.background_acquisition_hours)},
                                {"irf_pb212f", value(q.irf_pb212f)},
                                {"extra", strings(q.extra)}};
  j["calibration_parameters"] = calibration(r.calibration);
  const auto& t = r.timeliness;
  j["timeliness_flags"] = {{"previous_sample_present", value(t.previous_sample_present)},
                           {"collection_within_24_hours", value(t.collection_within_24_hours)},
                           {"acquisition_at_least_20_hours", value(t.acquisition_at_least_20_hours)},
                           {"decay_at_most_24_hours", value(t.decay_at_most_24_hours)},
                           {"received_within_72_hours", value(t.received_within_72_hours)},
                           {"extra", strings(t.extra)}};
  j["quality_flags"] = {{"flags", array_of(r.quality.flags, flag)}, {"extra", strings(r.quality.extra)}};
  j["event_screening_flags"] = nullptr;
  if (r.event_screening)
    j["event_screening_flags"] = {
        {"activation_products_present", value(r.event_screening->activation_products_present)},
        {"only_one_fission_product", value(r.event_screening->only_one_fission_product)},
        {"two_or_more_fission_products", value(r.event_screening->two_or_more_fission_products)},
        {"cs137_present", value(r.event_screening->cs137_present)},
        {"extra", strings(r.event_screening->extra)}};
  const auto& e = r.equations;
  j["calibration_equations"] = {{"energy", e.energy},
                                {"resolution", e.resolution},
                                {"efficiency_type", e.efficiency_type},
                                {"efficiency", array_of(e.efficiency,
                                                        [](const rn::ReportEfficiencyPair& p) -> json {
                                                          return {{"energy", value(p.energy)},
                                                                  {"efficiency", value(p.efficiency)},
                                                                  {"uncertainty", value(p.uncertainty)}};
                                                        })},
                                {"extra", strings(e.extra)}};
  j["field_of_regard"] = nullptr;
  if (r.field_of_regard)
    j["field_of_regard"] = {{"url", r.field_of_regard->url}, {"extra", strings(r.field_of_regard->extra)}};
  return j;
}

json xenon(const rn::XenonActivity& a) {
  return {{"nuclide", a.nuclide},
          {"half_life", half_life(a.half_life)},
          {"activity", value(a.activity)},
          {"activity_stat_error", value(a.activity_stat_error)},
          {"activity_sys_error", value(a.activity_sys_error)},
          {"activity_total_error", value(a.activity_total_error)},
          {"concentration", value(a.concentration)},
          {"concentration_stat_error", value(a.concentration_stat_error)},
          {"concentration_sys_error", value(a.concentration_sys_error)},
          {"concentration_total_error", value(a.concentration_total_error)},
          {"lc", value(a.lc)},
          {"mdc", value(a.mdc)}};
}

json noble_gas(const rn::NobleGasReport& r) {
  const auto& s = r.sample;
  json j;
  j["title"] = {{"creation", time(r.title.creation)},
                {"arrival", time(r.title.arrival)},
                {"time_difference_s", value(r.title.time_difference_s)},
                {"extra", strings(r.title_extra)}};
  json comments = nullptr;
  if (s.analysis_comments)
    comments = {{"entered", time(s.analysis_comments->entered)},
                {"heading_text", s.analysis_comments->heading_text},
                {"lines", strings(s.analysis_comments->lines)}};
  j["sample_information"] = {{"station", s.station},
                             {"detector", s.detector},
                             {"authenticated", value(s.authenticated)},
                             {"location", s.location},
                             {"detector_description", s.detector_description},
                             {"system_technology", s.system_technology},
                             {"sample_reference_id", s.sample_reference_id},
                             {"sample_id", value(s.sample_id)},
                             {"xe_volume_ml", value(s.xe_volume_ml)},
                             {"sample_type", s.sample_type},
                             {"collection_start", time(s.collection_start)},
                             {"collection_stop", time(s.collection_stop)},
                             {"acquisition_start", time(s.acquisition_start)},
                             {"acquisition_stop", time(s.acquisition_stop)},
                             {"sampling_s", value(s.sampling_s)},
                             {"processing_s", value(s.processing_s)},
                             {"acquisition_s", value(s.acquisition_s)},
                             {"analysis_comments", comments},
                             {"extra", strings(s.extra)}};
  const auto& c = r.categorization;
  j["measurement_categorization"] = {{"isotopes", array_of(c.isotopes,
                                                           [](const rn::XenonIsotopeCategory& i) -> json {
                                                             return {
                                                                 {"isotope", i.isotope},
                                                                 {"detected", value(i.detected)},
                                                                 {"abnormal_limit", value(i.abnormal_limit)},
                                                                 {"category", i.category}};
                                                           })},
                                     {"spectrum_category", c.spectrum_category},
                                     {"description", c.description},
                                     {"extra", strings(c.extra)}};
  const auto& a = r.activity;
  json radon = nullptr;
  if (a.radon)
    radon = {{"nuclide", a.radon->nuclide},
             {"half_life", half_life(a.radon->half_life)},
             {"area", value(a.radon->area)},
             {"area_error", value(a.radon->area_error)}};
  j["activity_summary"] = {
      {"radon_counts", value(a.radon_counts)},
      {"radon", radon},
      {"tables", array_of(a.tables,
                          [](const rn::XenonActivityTable& t) -> json {
                            return {{"method", t.method}, {"rows", array_of(t.rows, xenon)}};
                          })},
      {"extra", strings(a.extra)}};
  const auto& p = r.processing_results;
  j["processing_specific_results"] = {
      {"peaks", array_of(p.peaks,
                         [](const rn::XenonPeak& k) -> json {
                           return {{"energy", value(k.energy)},         {"centroid", value(k.centroid)},
                                   {"width", value(k.width)},           {"fwhm", value(k.fwhm)},
                                   {"efficiency", value(k.efficiency)}, {"net_area", value(k.net_area)},
                                   {"area_error", value(k.area_error)}};
                         })},
      {"method", p.method},
      {"roi_results", array_of(p.roi_results,
                               [](const rn::RoiNetCount& n) -> json {
                                 return {{"roi", value(n.roi)},
                                         {"nuclide", n.nuclide},
                                         {"net_counts", value(n.net_counts)},
                                         {"net_error", value(n.net_error)},
                                         {"lc", value(n.lc)},
                                         {"efficiency", value(n.efficiency)},
                                         {"efficiency_error", value(n.efficiency_error)}};
                               })},
      {"roi_limits", array_of(p.roi_limits,
                              [](const rn::RoiChannels& l) -> json {
                                return {{"roi", value(l.roi)},
                                        {"beta_low", value(l.beta_low)},
                                        {"beta_high", value(l.beta_high)},
                                        {"gamma_low", value(l.gamma_low)},
                                        {"gamma_high", value(l.gamma_high)}};
                              })},
      {"extra", strings(p.extra)}};
  const auto& q = r.processing;
  j["processing_parameters"] = {{"risk_level", value(q.risk_level)},
                                {"baseline_algorithm", q.baseline_algorithm},
                                {"gas_background_used", value(q.gas_background_used)},
                                {"detector_background_used", value(q.detector_background_used)},
                                {"interference_corrections", value(q.interference_corrections)},
                                {"analysis_method", q.analysis_method},
                                {"extra", strings(q.extra)}};
  j["calibration_parameters"] = calibration(r.calibration);
  j["timeliness_flags"] = {{"flags", array_of(r.timeliness.flags, flag)},
                           {"extra", strings(r.timeliness.extra)}};
  j["quality_flags"] = {{"flags", array_of(r.quality.flags, flag)}, {"extra", strings(r.quality.extra)}};
  const auto& e = r.event_screening;
  j["event_screening_flags"] = {{"xenon_present", value(e.xenon_present)},
                                {"only_one_xenon", value(e.only_one_xenon)},
                                {"days_since_last_detection", value(e.days_since_last_detection)},
                                {"two_or_more_xenon", value(e.two_or_more_xenon)},
                                {"xe133_present", value(e.xe133_present)},
                                {"xe133_times_seen_365_days", value(e.xe133_times_seen_365_days)},
                                {"short_term_flag", e.short_term_flag},
                                {"ratio_133m_131m_above_2", value(e.ratio_133m_131m_above_2)},
                                {"ratio_135_133_above_5", value(e.ratio_135_133_above_5)},
                                {"ratio_133m_133_above_0_3", value(e.ratio_133m_133_above_0_3)},
                                {"extra", strings(e.extra)}};
  j["calibration_equations"] = {
      {"equations", array_of(r.equations.equations,
                             [](const rn::CalibrationEquation& q2) -> json {
                               return {{"name", q2.name}, {"coefficients", q2.coefficients}};
                             })},
      {"extra", strings(r.equations.extra)}};
  return j;
}

}  // namespace

json model(const rn::RadionuclideReport& report) {
  json j = std::holds_alternative<rn::ParticulateReport>(report.body)
               ? particulate(std::get<rn::ParticulateReport>(report.body))
               : noble_gas(std::get<rn::NobleGasReport>(report.body));
  j["data_type"] = report.kind == rn::ReportKind::reviewed ? "RRR" : "ARR";
  j["variant"] = report.variant == rn::ReportVariant::particulate  ? "particulate"
                 : report.variant == rn::ReportVariant::beta_gamma ? "beta_gamma"
                                                                   : "hpge";
  j["time_stamps"] = array_of(report.time_stamps, [](ims2::TimePoint t) { return time(t); });
  return j;
}

}  // namespace imsgate::cli::rn_json
