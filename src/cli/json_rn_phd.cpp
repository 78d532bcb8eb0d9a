#include "cli/json_rn_phd.hpp"

#include "cli/json_shi.hpp"

namespace imsgate::cli::rn_json {

using nlohmann::json;
namespace rn = ims2::rn;
using shi_json::array_of;
using shi_json::time;

namespace {

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

std::string_view decay_code(rn::DecayMode m) {
  switch (m) {
    case rn::DecayMode::beta:
      return "B";
    case rn::DecayMode::conversion_electron:
      return "C";
    case rn::DecayMode::none:
      return "0";
  }
  return "0";
}

// A missing block is null; a present one is its view.
template <class T, class F>
json block(const std::optional<T>& b, F view) {
  return b ? view(*b) : json(nullptr);
}

json resolution(const rn::Resolution& r) {
  return array_of(r.pairs, [](const rn::ResolutionPair& p) {
    return json{{"energy", p.energy}, {"fwhm", p.fwhm}, {"uncertainty", p.uncertainty}};
  });
}

json efficiency(const rn::Efficiency& e) {
  return array_of(e.pairs, [](const rn::EfficiencyPair& p) {
    return json{{"energy", p.energy}, {"efficiency", p.efficiency}, {"uncertainty", p.uncertainty}};
  });
}

json spectrum(const rn::Spectrum& s) {
  return {{"channels", s.channels()},
          {"energy_span", s.energy_span},
          {"first_channel", s.first_channel},
          {"counts", s.counts}};
}

json histogram(const rn::Histogram& h) {
  json rows = json::array();
  const auto a = static_cast<std::size_t>(h.beta_channels);
  for (std::size_t row = 0; a > 0 && (row + 1) * a <= h.counts.size(); ++row)
    rows.push_back(std::vector<std::int64_t>(h.counts.begin() + row * a, h.counts.begin() + (row + 1) * a));
  return {{"gamma_channels", h.gamma_channels},
          {"beta_channels", h.beta_channels},
          {"gamma_span", h.gamma_span},
          {"beta_span", h.beta_span},
          {"rows", rows}};
}

}  // namespace

json model(const rn::Phd& p) {
  const rn::PhdHeader& h = p.header;
  json order = json::array();
  for (rn::PhdBlockKind k : p.order)
    order.push_back(k == rn::PhdBlockKind::unknown ? json("unknown") : json(rn::block_name(k)));
  return {
      {"header",
       {{"designator", h.designator},
        {"station", h.station},
        {"detector", h.detector},
        {"system_type", system_code(h.system_type)},
        {"geometry", h.geometry},
        {"qualifier", h.qualifier == rn::Qualifier::full ? "FULL" : "PREL"},
        {"srid", h.srid},
        {"mid", h.mid},
        {"detector_background_mid", h.detector_background_mid},
        {"gas_background_mid", h.gas_background_mid},
        {"transmitted", time(h.transmitted)}}},
      {"comment", block(p.comment, [](const rn::PhdComment& c) { return json(c.lines); })},
      {"collection",
       block(p.collection,
             [](const rn::PhdCollection& c) {
               return json{{"start", time(c.start)}, {"stop", time(c.stop)}, {"air_volume", c.air_volume}};
             })},
      {"acquisition",
       block(p.acquisition,
             [](const rn::PhdAcquisition& a) {
               return json{{"start", time(a.start)}, {"real_time", a.real_time}, {"live_time", a.live_time}};
             })},
      {"processing", block(p.processing,
                           [](const rn::PhdProcessing& x) {
                             return json{{"xe_volume", x.xe_volume},
                                         {"xe_volume_uncertainty", x.xe_volume_uncertainty},
                                         {"xe_yield", x.xe_yield},
                                         {"xe_yield_uncertainty", x.xe_yield_uncertainty},
                                         {"archive_bottle", x.archive_bottle}};
                           })},
      {"sample", block(p.sample,
                       [](const rn::PhdSample& s) {
                         return json{{"dimension1", s.dimension1}, {"dimension2", s.dimension2}};
                       })},
      {"g_energy",
       block(p.g_energy,
             [](const rn::GEnergy& e) {
               return array_of(e.pairs, [](const rn::GEnergyPair& x) {
                 return json{{"energy", x.energy}, {"channel", x.channel}, {"uncertainty", x.uncertainty}};
               });
             })},
      {"b_energy", block(p.b_energy,
                         [](const rn::BEnergy& e) {
                           return array_of(e.pairs, [](const rn::BEnergyPair& x) {
                             return json{{"energy", x.energy},
                                         {"decay_mode", decay_code(x.mode)},
                                         {"channel", x.channel},
                                         {"uncertainty", x.uncertainty}};
                           });
                         })},
      {"g_resolution", block(p.g_resolution, resolution)},
      {"b_resolution", block(p.b_resolution, resolution)},
      {"g_efficiency", block(p.g_efficiency, efficiency)},
      {"roi_limits", block(p.roi_limits,
                           [](const rn::RoiLimits& r) {
                             return array_of(r.limits, [](const rn::RoiLimit& x) {
                               return json{{"roi", x.roi},
                                           {"beta_start", x.beta_start},
                                           {"beta_stop", x.beta_stop},
                                           {"gamma_start", x.gamma_start},
                                           {"gamma_stop", x.gamma_stop}};
                             });
                           })},
      {"bg_efficiency", block(p.bg_efficiency,
                              [](const rn::BgEfficiency& b) {
                                return array_of(b.records, [](const rn::BgEfficiencyRecord& x) {
                                  return json{{"nuclide", x.nuclide},
                                              {"roi", x.roi},
                                              {"efficiency", x.efficiency},
                                              {"uncertainty", x.uncertainty}};
                                });
                              })},
      {"g_total_efficiency", block(p.g_total_efficiency, efficiency)},
      {"ratios", block(p.ratios,
                       [](const rn::Ratios& r) {
                         return array_of(r.ratios, [](const rn::Ratio& x) {
                           return json{{"id", x.id},
                                       {"from_roi", x.from_roi},
                                       {"to_roi", x.to_roi},
                                       {"ratio", x.ratio},
                                       {"uncertainty", x.uncertainty}};
                         });
                       })},
      {"g_spectrum", block(p.g_spectrum, spectrum)},
      {"b_spectrum", block(p.b_spectrum, spectrum)},
      {"histogram", block(p.histogram, histogram)},
      {"calibration", block(p.calibration,
                            [](const rn::PhdCalibration& c) {
                              return json{{"time", time(c.time)}};
                            })},
      {"certificate", block(p.certificate,
                            [](const rn::Certificate& c) {
                              return json{{"total_activity", c.total_activity},
                                          {"assay_time", time(c.assay_time)},
                                          {"lines", array_of(c.lines, [](const rn::CertificateLine& l) {
                                             return json{{"nuclide", l.nuclide},
                                                         {"half_life", l.half_life},
                                                         {"activity", l.activity},
                                                         {"activity_uncertainty", l.activity_uncertainty},
                                                         {"gamma_energy", l.gamma_energy},
                                                         {"gamma_intensity", l.gamma_intensity},
                                                         {"decay_mode", decay_code(l.decay_mode)},
                                                         {"electron_energy", l.electron_energy},
                                                         {"electron_intensity", l.electron_intensity}};
                                           })}};
                            })},
      {"verbatim_blocks", array_of(p.verbatim_blocks,
                                   [](const rn::VerbatimBlock& b) {
                                     return json{{"name_line", b.name_line}, {"lines", b.lines}};
                                   })},
      {"order", order},
  };
}

json model(const rn::PhdSection& section) {
  json stamps = json::array();
  for (const auto& t : section.time_stamps) stamps.push_back(time(t));
  return {{"data_type", rn::phd_type_name(section.type)},
          {"time_stamps", stamps},
          {"products", array_of(section.products, [](const rn::Phd& p) { return model(p); })}};
}

}  // namespace imsgate::cli::rn_json
