#include "cli/json_rn_lab.hpp"

#include "cli/json_shi.hpp"

namespace imsgate::cli::rn_json {

using nlohmann::json;
using shi_json::array_of;
using shi_json::time;
using shi_json::value;
namespace rn = ims2::rn;

namespace {

json text(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json lines(const rn::TextLines& t) {
  return json(t);
}

template <class T, class F>
json block(const std::optional<T>& b, F view) {
  return b ? view(*b) : json(nullptr);
}

json priority(const std::optional<rn::Priority>& p) {
  return p ? json(rn::priority_name(*p)) : json(nullptr);
}

json view(const rn::LabDataVersion& v) {
  return {{"version", text(v.version)}, {"notes", lines(v.notes)}};
}

json view(const rn::Objective& o) {
  return {{"analysis_purpose", lines(o.analysis_purpose)},
          {"tests_authorized", lines(o.tests_authorized)},
          {"special_instructions", lines(o.special_instructions)}};
}

json view(const rn::NuclideConcentration& n) {
  return {{"nuclide", text(n.nuclide)},
          {"half_life", text(n.half_life)},
          {"concentration", value(n.concentration)},
          {"uncertainty", value(n.uncertainty)}};
}

json view(const rn::ParticulateActivitySummary& s) {
  const auto list = [](const std::vector<rn::NuclideConcentration>& v) {
    return array_of(v, [](const rn::NuclideConcentration& n) { return view(n); });
  };
  return {{"nuclides_not_quantified", lines(s.nuclides_not_quantified)},
          {"natural", list(s.natural)},
          {"activation", list(s.activation)},
          {"fission", list(s.fission)}};
}

json view(const rn::LabXenonActivitySummary& s) {
  return {{"other", array_of(s.other,
                             [](const rn::OtherIsotopeCounts& o) -> json {
                               return {{"isotope", text(o.isotope)},
                                       {"counts", value(o.counts)},
                                       {"uncertainty", value(o.uncertainty)}};
                             })},
          {"xenon", array_of(s.xenon, [](const rn::LabXenonActivity& x) -> json {
             return {{"isotope", text(x.isotope)},
                     {"half_life", text(x.half_life)},
                     {"activity", value(x.activity)},
                     {"activity_uncertainty", value(x.activity_uncertainty)},
                     {"concentration", value(x.concentration)},
                     {"concentration_uncertainty", value(x.concentration_uncertainty)}};
           })}};
}

json view(const rn::ScreeningFlag& f) {
  return {{"present", value(f.present)}, {"history", text(f.history)}};
}

json view(const rn::ParticulateScreeningFlags& f) {
  return {{"activation_products", view(f.activation_products)},
          {"one_fission_product", view(f.one_fission_product)},
          {"several_fission_products", view(f.several_fission_products)},
          {"cs137", view(f.cs137)}};
}

json view(const rn::NobleGasScreeningFlags& f) {
  return {{"xenon_present", value(f.xenon_present)},
          {"one_xenon_isotope", value(f.one_xenon_isotope)},
          {"days_since_last_xenon", text(f.days_since_last_xenon)},
          {"several_xenon_isotopes", value(f.several_xenon_isotopes)},
          {"xe133", view(f.xe133)},
          {"short_term", value(f.short_term)},
          {"xe133m_over_xe131m_above_2", value(f.xe133m_over_xe131m_above_2)},
          {"xe135_over_xe133_above_5", value(f.xe135_over_xe133_above_5)},
          {"xe133m_over_xe133_above_0_3", value(f.xe133m_over_xe133_above_0_3)}};
}

json view(const rn::LabCollection& c) {
  return {{"start", time(c.start)}, {"stop", time(c.stop)}, {"air_volume", value(c.air_volume)}};
}

json view(const rn::XenonProcessing& p) {
  return {{"archive_volume", value(p.archive_volume)},
          {"archive_volume_uncertainty", value(p.archive_volume_uncertainty)},
          {"measurements", array_of(p.measurements,
                                    [](const rn::XenonCellMeasurement& m) -> json {
                                      return {{"cell_volume", value(m.cell_volume)},
                                              {"cell_volume_uncertainty", value(m.cell_volume_uncertainty)},
                                              {"transfer_efficiency", value(m.transfer_efficiency)},
                                              {"transfer_efficiency_uncertainty",
                                               value(m.transfer_efficiency_uncertainty)}};
                                    })},
          {"archive_bottle", block(p.archive_bottle, [](const rn::ArchiveBottle& a) -> json {
             return {{"container_id", text(a.container_id)},
                     {"pressure", value(a.pressure)},
                     {"gas_composition", text(a.gas_composition)}};
           })}};
}

json view(const rn::ParticulateStationSample& s) {
  return {{"activity_category", text(s.activity_category)},
          {"diameter", value(s.diameter)},
          {"thickness", value(s.thickness)},
          {"width", value(s.width)},
          {"mass", value(s.mass)},
          {"container_density", value(s.container_density)},
          {"container_thickness", value(s.container_thickness)},
          {"container_material", text(s.container_material)},
          {"geometry", text(s.geometry)}};
}

json view(const rn::NobleGasStationSample& s) {
  return {{"activity_category", text(s.activity_category)},
          {"xe_volume", value(s.xe_volume)},
          {"xe_volume_uncertainty", value(s.xe_volume_uncertainty)},
          {"container_type", text(s.container_type)},
          {"bottle_description", text(s.bottle_description)}};
}

json view(const rn::ParticulateSplit& s) {
  return {{"mass", value(s.mass)},
          {"air_volume", value(s.air_volume)},
          {"air_volume_uncertainty", value(s.air_volume_uncertainty)},
          {"description", lines(s.description)}};
}

json view(const rn::NobleGasSplit& s) {
  return {{"xe_volume", value(s.xe_volume)},
          {"xe_volume_uncertainty", value(s.xe_volume_uncertainty)},
          {"air_volume", value(s.air_volume)},
          {"air_volume_uncertainty", value(s.air_volume_uncertainty)},
          {"description", lines(s.description)}};
}

json view(const rn::SampleReceipt& r) {
  return {{"srid", text(r.srid)},
          {"seal_number", text(r.seal_number)},
          {"received", time(r.received)},
          {"package_condition", lines(r.package_condition)},
          {"seal_condition", lines(r.seal_condition)},
          {"sample_condition", lines(r.sample_condition)}};
}

json view(const rn::Recipient& r) {
  return {{"srid", text(r.srid)},
          {"contact", text(r.contact)},
          {"phone", text(r.phone)},
          {"organization", text(r.organization)},
          {"address", lines(r.address)}};
}

json view(const rn::Transport& t) {
  return {{"courier", text(t.courier)},
          {"handover", time(t.handover)},
          {"estimated_arrival", time(t.estimated_arrival)},
          {"airway_bill", text(t.airway_bill)},
          {"seal_number", text(t.seal_number)}};
}

json view(const rn::MessageReceipt& r) {
  return {{"received", time(r.received)}};
}

json view(const rn::RlrHeader& h) {
  return {{"priority", priority(h.priority)},
          {"station", text(h.station)},
          {"srid", text(h.srid)},
          {"lab", text(h.lab)},
          {"detector", text(h.detector)},
          {"report_type", !h.report_type                            ? json(nullptr)
                          : *h.report_type == rn::ReportType::final ? json("FIN")
                                                                    : json("PRE")},
          {"report_number", value(h.report_number)},
          {"category", text(h.category)},
          {"transmitted", time(h.transmitted)}};
}

json view(const rn::ParticulateLabSample& s) {
  return {{"activity", value(s.activity)},
          {"diameter", value(s.diameter)},
          {"thickness", value(s.thickness)},
          {"width", value(s.width)},
          {"mass", value(s.mass)},
          {"container_density", value(s.container_density)},
          {"container_thickness", value(s.container_thickness)},
          {"container_material", text(s.container_material)},
          {"preparation", lines(s.preparation)}};
}

json view(const rn::NobleGasLabSample& s) {
  return {{"activity", value(s.activity)},
          {"xe_volume", value(s.xe_volume)},
          {"preparation", lines(s.preparation)}};
}

json view(const rn::LabTest& t) {
  return {{"type", text(t.type)}, {"completed", time(t.completed)}, {"purpose", lines(t.purpose)}};
}

json view(const rn::LabCalibrationEquations& e) {
  return array_of(e.equations, [](const rn::LabCalibrationEquation& eq) -> json {
    return {{"type", value(eq.type)},
            {"energy_start", value(eq.energy_start)},
            {"energy_end", value(eq.energy_end)},
            {"parameters", array_of(eq.parameters, [](const std::optional<double>& p) { return value(p); })}};
  });
}

json view(const rn::PeaksMethod& m) {
  return {{"software", text(m.software)}, {"description", lines(m.description)}};
}

json view(const std::vector<rn::SearchedPeak>& peaks) {
  return array_of(peaks, [](const rn::SearchedPeak& p) -> json {
    return {{"index", value(p.index)},
            {"channel", value(p.channel)},
            {"channel_uncertainty", value(p.channel_uncertainty)},
            {"energy", value(p.energy)},
            {"energy_uncertainty", value(p.energy_uncertainty)},
            {"sensitivity", value(p.sensitivity)},
            {"comment", text(p.comment)}};
  });
}

json view(const std::vector<rn::PeakFit1>& fits) {
  return array_of(fits, [](const rn::PeakFit1& p) -> json {
    return {{"index", value(p.index)},
            {"fwhm", value(p.fwhm)},
            {"roi_start", value(p.roi_start)},
            {"roi_end", value(p.roi_end)},
            {"baseline", value(p.baseline)},
            {"baseline_uncertainty", value(p.baseline_uncertainty)},
            {"background_type", text(p.background_type)},
            {"background_rate", value(p.background_rate)},
            {"background_rate_uncertainty", value(p.background_rate_uncertainty)}};
  });
}

json view(const std::vector<rn::PeakFit2>& fits) {
  return array_of(fits, [](const rn::PeakFit2& p) -> json {
    return {{"index", value(p.index)},
            {"area", value(p.area)},
            {"area_uncertainty", value(p.area_uncertainty)},
            {"net_rate", value(p.net_rate)},
            {"net_rate_uncertainty", value(p.net_rate_uncertainty)},
            {"lc", value(p.lc)},
            {"significance", value(p.significance)},
            {"efficiency", value(p.efficiency)},
            {"efficiency_uncertainty", value(p.efficiency_uncertainty)}};
  });
}

json view(const rn::AnalysisMethods& m) {
  return {{"software", text(m.software)},
          {"nuclides_method", lines(m.nuclides_method)},
          {"baseline_method", lines(m.baseline_method)},
          {"lc_method", lines(m.lc_method)},
          {"calibration_method", lines(m.calibration_method)}};
}

json view(const std::vector<rn::PeakAssociation>& associations) {
  return array_of(associations, [](const rn::PeakAssociation& a) -> json {
    return {{"index", value(a.index)},
            {"explanation_level", value(a.explanation_level)},
            {"nuclide", text(a.nuclide)}};
  });
}

json view(const rn::References& r) {
  return {{"sample_mid", text(r.sample_mid)},
          {"calibration_mids", r.calibration_mids},
          {"physical_constants", lines(r.physical_constants)}};
}

json view(const rn::LabResults& r) {
  return {{"activity_reference", time(r.activity_reference)},
          {"concentration_reference", time(r.concentration_reference)},
          {"nuclides", array_of(r.nuclides, [](const rn::NuclideResult& n) -> json {
             return {{"nuclide", text(n.nuclide)},
                     {"activity", value(n.activity)},
                     {"activity_uncertainty", value(n.activity_uncertainty)},
                     {"activity_coverage", value(n.activity_coverage)},
                     {"activity_confidence", value(n.activity_confidence)},
                     {"concentration", value(n.concentration)},
                     {"concentration_uncertainty", value(n.concentration_uncertainty)},
                     {"concentration_coverage", value(n.concentration_coverage)},
                     {"concentration_confidence", value(n.concentration_confidence)}};
           })}};
}

json view(const std::vector<rn::NuclideRatio>& ratios) {
  return array_of(ratios, [](const rn::NuclideRatio& r) -> json {
    return {{"nuclide1", text(r.nuclide1)},
            {"nuclide2", text(r.nuclide2)},
            {"ratio", value(r.ratio)},
            {"uncertainty", value(r.uncertainty)},
            {"reference", time(r.reference)},
            {"zero_time", time(r.zero_time)},
            {"zero_time_uncertainty", value(r.zero_time_uncertainty)}};
  });
}

json view(const std::vector<rn::CoincidenceCorrection>& corrections) {
  return array_of(corrections, [](const rn::CoincidenceCorrection& c) -> json {
    return {{"nuclide", text(c.nuclide)},
            {"energy", value(c.energy)},
            {"factor", value(c.factor)},
            {"uncertainty", value(c.uncertainty)}};
  });
}

json view(const rn::UncertaintyBudget& b) {
  return {{"uncertainties", array_of(b.uncertainties,
                                     [](const rn::UncertaintyComponent& c) -> json {
                                       return {{"nuclide", text(c.nuclide)},
                                               {"uncertainty", value(c.uncertainty)},
                                               {"descriptor", text(c.descriptor)}};
                                     })},
          {"calculation_methods", lines(b.calculation_methods)}};
}

json view(const std::vector<rn::CriticalLevel>& levels) {
  return array_of(levels, [](const rn::CriticalLevel& l) -> json {
    return {{"nuclide", text(l.nuclide)}, {"lc", value(l.lc)}};
  });
}

json view(const std::vector<rn::MinimumDetectable>& mdas) {
  return array_of(mdas, [](const rn::MinimumDetectable& m) -> json {
    return {{"nuclide", text(m.nuclide)}, {"mda", value(m.mda)}, {"mdc", value(m.mdc)}};
  });
}

json view(const rn::Conclusions& c) {
  return {{"idc_summary", lines(c.idc_summary)},
          {"lab_summary", lines(c.lab_summary)},
          {"result_comparison", lines(c.result_comparison)}};
}

json view(const rn::TextLines& t) {
  return lines(t);
}

json unknown(const std::vector<rn::LabRawBlock>& blocks) {
  return array_of(blocks, [](const rn::LabRawBlock& b) -> json {
    return {{"name_line", b.name_line}, {"records", b.records}};
  });
}

template <class T>
json of(const std::optional<T>& b) {
  return block(b, [](const T& v) { return view(v); });
}

json time_stamps(const std::vector<ims2::TimePoint>& stamps) {
  return array_of(stamps, [](ims2::TimePoint t) { return time(t); });
}

}  // namespace

json model(const rn::Rlr& r) {
  const auto kind = rn::sample_kind(r);
  return {{"header", view(r.header)},
          {"sample_kind", !kind                                  ? json(nullptr)
                          : *kind == rn::SampleKind::particulate ? json("particulate")
                                                                 : json("noble_gas")},
          {"data_version", of(r.data_version)},
          {"objective", of(r.objective)},
          {"p_activity_summary", of(r.p_activity_summary)},
          {"x_activity_summary", of(r.x_activity_summary)},
          {"p_screening_flags", of(r.p_screening_flags)},
          {"x_screening_flags", of(r.x_screening_flags)},
          {"collection", of(r.collection)},
          {"x_processing", of(r.x_processing)},
          {"p_station_sample", of(r.p_station_sample)},
          {"x_station_sample", of(r.x_station_sample)},
          {"p_split", of(r.p_split)},
          {"x_split", of(r.x_split)},
          {"sample_receipt", of(r.sample_receipt)},
          {"p_lab_sample", of(r.p_lab_sample)},
          {"x_lab_sample", of(r.x_lab_sample)},
          {"test", of(r.test)},
          {"energy_calibration", of(r.energy_calibration)},
          {"shape_calibration", of(r.shape_calibration)},
          {"efficiency_calibration", of(r.efficiency_calibration)},
          {"total_efficiency_calibration", of(r.total_efficiency_calibration)},
          {"peaks_method", of(r.peaks_method)},
          {"peak_search", of(r.peak_search)},
          {"peak_fit1", of(r.peak_fit1)},
          {"peak_fit2", of(r.peak_fit2)},
          {"analysis_methods", of(r.analysis_methods)},
          {"peak_association", of(r.peak_association)},
          {"references", of(r.references)},
          {"interactive_analysis_log", of(r.interactive_analysis_log)},
          {"p_results", of(r.p_results)},
          {"x_results", of(r.x_results)},
          {"nuclide_ratios", of(r.nuclide_ratios)},
          {"coincidence_correction", of(r.coincidence_correction)},
          {"uncertainty_budget", of(r.uncertainty_budget)},
          {"lc", of(r.lc)},
          {"p_mda_mdc", of(r.p_mda_mdc)},
          {"x_mda_mdc", of(r.x_mda_mdc)},
          {"conclusions", of(r.conclusions)},
          {"comment", of(r.comment)},
          {"unknown_blocks", unknown(r.unknown_blocks)}};
}

json model(const rn::RlrSection& section) {
  return {{"data_type", "RLR"},
          {"time_stamps", time_stamps(section.time_stamps)},
          {"reports", array_of(section.reports, [](const rn::Rlr& r) { return model(r); })}};
}

json model(const rn::LabMessage& m) {
  return {{"header",
           {{"priority", priority(m.header.priority)},
            {"lab", text(m.header.lab)},
            {"srid", text(m.header.srid)},
            {"category", text(m.header.category)},
            {"transmitted", time(m.header.transmitted)}}},
          {"data_version", of(m.data_version)},
          {"recipient", of(m.recipient)},
          {"transport", of(m.transport)},
          {"collection", of(m.collection)},
          {"p_station_sample", of(m.p_station_sample)},
          {"x_station_sample", of(m.x_station_sample)},
          {"p_activity_summary", of(m.p_activity_summary)},
          {"x_activity_summary", of(m.x_activity_summary)},
          {"p_screening_flags", of(m.p_screening_flags)},
          {"x_screening_flags", of(m.x_screening_flags)},
          {"p_split", of(m.p_split)},
          {"x_split", of(m.x_split)},
          {"objective", of(m.objective)},
          {"message_receipt", of(m.message_receipt)},
          {"sample_receipt", of(m.sample_receipt)},
          {"comment", of(m.comment)},
          {"unknown_blocks", unknown(m.unknown_blocks)}};
}

json model(const rn::LabMessageSection& section) {
  return {{"data_type", rn::lab_message_type_name(section.type)},
          {"time_stamps", time_stamps(section.time_stamps)},
          {"messages", array_of(section.messages, [](const rn::LabMessage& m) { return model(m); })}};
}

}  // namespace imsgate::cli::rn_json
