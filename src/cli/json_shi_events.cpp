// JSON views of the arrival, bulletin, origin, event and comment types (6.4).
#include "cli/json_shi.hpp"

namespace imsgate::cli::shi_json {

using nlohmann::json;
namespace shi = ims2::shi;

namespace {

json extra_magnitude(const shi::ExtraMagnitude& m) {
  return {{"amplitude", value(m.amplitude)},
          {"period", value(m.period)},
          {"quality", m.quality},
          {"type", m.type},
          {"indicator", m.indicator},
          {"value", value(m.value)}};
}

json arrival_record(const shi::ArrivalRecord& r) {
  return {{"network", r.network},
          {"station", r.station},
          {"beam_id", r.beam_id},
          {"channel", r.channel},
          {"aux", r.aux},
          {"distance", value(r.distance)},
          {"event_azimuth", value(r.event_azimuth)},
          {"phase", r.phase},
          {"time", time(r.time)},
          {"time_residual", value(r.time_residual)},
          {"azimuth", value(r.azimuth)},
          {"azimuth_residual", value(r.azimuth_residual)},
          {"slowness", value(r.slowness)},
          {"slowness_residual", value(r.slowness_residual)},
          {"defining", r.defining},
          {"snr", value(r.snr)},
          {"amplitude", value(r.amplitude)},
          {"period", value(r.period)},
          {"short_term_average", value(r.short_term_average)},
          {"duration", value(r.duration)},
          {"quality", r.quality},
          {"group_id", r.group_id},
          {"conflict", value(r.conflict)},
          {"magnitude_type", r.magnitude_type},
          {"magnitude_indicator", r.magnitude_indicator},
          {"magnitude", value(r.magnitude)},
          {"extra_magnitudes", array_of(r.extra_magnitudes, extra_magnitude)},
          {"origin_id", r.origin_id},
          {"author", r.author},
          {"id", r.id}};
}

json origin(const shi::Origin& o) {
  return {{"time", time(o.time)},
          {"fixed_time", o.fixed_time},
          {"time_error", value(o.time_error)},
          {"rms", value(o.rms)},
          {"latitude", value(o.latitude)},
          {"longitude", value(o.longitude)},
          {"fixed_epicentre", o.fixed_epicentre},
          {"semi_major", value(o.semi_major)},
          {"semi_minor", value(o.semi_minor)},
          {"strike", value(o.strike)},
          {"depth", value(o.depth)},
          {"depth_flag", o.depth_flag},
          {"depth_error", value(o.depth_error)},
          {"defining_phases", value(o.defining_phases)},
          {"defining_stations", value(o.defining_stations)},
          {"gap", value(o.gap)},
          {"min_distance", value(o.min_distance)},
          {"max_distance", value(o.max_distance)},
          {"analysis", o.analysis},
          {"method", o.method},
          {"event_type", o.event_type},
          {"author", o.author},
          {"id", o.id}};
}

json magnitude(const shi::Magnitude& m) {
  return {{"type", m.type},          {"indicator", m.indicator},      {"value", value(m.value)},
          {"error", value(m.error)}, {"stations", value(m.stations)}, {"author", m.author},
          {"origin_id", m.origin_id}};
}

json origin_block(const shi::OriginBlock& b) {
  return {{"origins", array_of(b.origins, origin)},
          {"magnitudes", array_of(b.magnitudes, magnitude)},
          {"comments", b.comments}};
}

json phase(const shi::Phase& p) {
  return {{"station", p.station},
          {"distance", value(p.distance)},
          {"event_azimuth", value(p.event_azimuth)},
          {"phase", p.phase},
          {"time", time(p.time)},
          {"time_residual", value(p.time_residual)},
          {"azimuth", value(p.azimuth)},
          {"azimuth_residual", value(p.azimuth_residual)},
          {"slowness", value(p.slowness)},
          {"slowness_residual", value(p.slowness_residual)},
          {"defining", p.defining},
          {"snr", value(p.snr)},
          {"amplitude", value(p.amplitude)},
          {"period", value(p.period)},
          {"quality", p.quality},
          {"magnitude_type", p.magnitude_type},
          {"magnitude_indicator", p.magnitude_indicator},
          {"magnitude", value(p.magnitude)},
          {"id", p.id},
          {"extra_magnitudes", array_of(p.extra_magnitudes, extra_magnitude)}};
}

// A sub-block that was absent is null; one without data lines is an empty array.
template <class T, class F>
json optional_array(const std::optional<std::vector<T>>& items, F view) {
  return items ? array_of(*items, view) : json();
}

json screening(const shi::EventScreening& s) {
  json summary;
  if (s.summary) {
    const shi::ScreeningSummary& m = *s.summary;
    summary = {{"category", m.category},
               {"location", m.location},
               {"score", value(m.score)},
               {"depth_score", value(m.depth_score)},
               {"mb_ms_score", value(m.mb_ms_score)},
               {"regional_score", value(m.regional_score)},
               {"hydroacoustic_score", value(m.hydroacoustic_score)},
               {"scaled_semi_major", value(m.scaled_semi_major)},
               {"scaled_semi_minor", value(m.scaled_semi_minor)},
               {"depth", value(m.depth)},
               {"depth_confidence", value(m.depth_confidence)},
               {"mb_ms", value(m.mb_ms)},
               {"mb_ms_confidence", value(m.mb_ms_confidence)},
               {"offshore_fraction", value(m.offshore_fraction)},
               {"minimum_water_depth", value(m.minimum_water_depth)},
               {"clear_path", value(m.clear_path)}};
  }
  return {{"summary", summary},
          {"hydroacoustic", optional_array(s.hydroacoustic,
                                           [](const shi::HydroacousticScreening& h) -> json {
                                             return {{"station", h.station},
                                                     {"cepstral_peak", value(h.cepstral_peak)},
                                                     {"snr", value(h.snr)},
                                                     {"noise", value(h.noise)}};
                                           })},
          {"regional", optional_array(s.regional, [](const shi::RegionalScreening& r) -> json {
             return {{"station", r.station},
                     {"pnsmax", value(r.pnsmax)},
                     {"correction", value(r.correction)},
                     {"error", value(r.error)}};
           })}};
}

json phase_amplitude_block(const shi::PhaseAmplitudeBlock& b) {
  json bands = json::array();
  for (const shi::FrequencyBand& f : b.bands) bands.push_back({{"min", value(f.min)}, {"max", value(f.max)}});
  return {{"number", value(b.number)},
          {"total", value(b.total)},
          {"bands", bands},
          {"rows", array_of(b.rows, [](const shi::PhaseAmplitudes& r) -> json {
             json values = json::array();
             for (const shi::BandAmplitude& a : r.bands)
               values.push_back({{"amplitude", value(a.amplitude)}, {"snr", value(a.snr)}});
             return {{"station", r.station}, {"phase", r.phase}, {"bands", values}};
           })}};
}

json characterization(const shi::EventCharacterization& c) {
  return {{"cepstral_peaks", optional_array(c.cepstral_peaks,
                                            [](const shi::CepstralPeak& p) -> json {
                                              return {{"station", p.station},
                                                      {"amplitude", value(p.amplitude)},
                                                      {"quefrency", value(p.quefrency)}};
                                            })},
          {"energy_ratios", optional_array(c.energy_ratios,
                                           [](const shi::EnergyRatio& e) -> json {
                                             return {{"station", e.station}, {"ratio", value(e.ratio)}};
                                           })},
          {"phase_amplitudes", array_of(c.phase_amplitudes, phase_amplitude_block)},
          {"spectral_variances", optional_array(c.spectral_variances,
                                                [](const shi::SpectralVariance& s) -> json {
                                                  return {{"station", s.station},
                                                          {"phase", s.phase},
                                                          {"min_frequency", value(s.min_frequency)},
                                                          {"max_frequency", value(s.max_frequency)},
                                                          {"variance", value(s.variance)}};
                                                })},
          {"complexities", optional_array(c.complexities,
                                          [](const shi::Complexity& x) -> json {
                                            return {{"station", x.station},
                                                    {"phase", x.phase},
                                                    {"complexity", value(x.complexity)},
                                                    {"snr", value(x.snr)}};
                                          })},
          {"third_moments", optional_array(c.third_moments,
                                           [](const shi::ThirdMoment& t) -> json {
                                             return {{"station", t.station}, {"value", value(t.value)}};
                                           })},
          {"time_frequencies", optional_array(c.time_frequencies, [](const shi::TimeFrequency& t) -> json {
             return {{"station", t.station},
                     {"bad_point_ratio", value(t.bad_point_ratio)},
                     {"cepstrum_maximum", value(t.cepstrum_maximum)},
                     {"autocorrelation", value(t.autocorrelation)}};
           })}};
}

// An EVENT section's events have no phases and no other blocks; a bulletin's have them.
json event(const shi::BulletinEvent& e, bool with_phases) {
  json j = {{"id", e.id}, {"region", e.region}, {"origin", origin_block(e.origin)}};
  if (with_phases) {
    j["phases"] = array_of(e.phases, phase);
    j["kept_lines"] = e.kept_lines;
    j["screening"] = screening(e.screening);
    j["characterization"] = characterization(e.characterization);
  }
  return j;
}

}  // namespace

json model(const shi::Arrival& arrival) {
  return {{"subtype", shi::arrival_subtype_name(arrival.subtype)},
          {"records", array_of(arrival.records, arrival_record)}};
}

json model(const shi::Bulletin& bulletin) {
  return {{"layout", bulletin.layout == shi::BulletinLayout::gse2 ? "GSE2.0" : "IMS2.0"},
          {"time_stamp", time(bulletin.time_stamp)},
          {"title", bulletin.title},
          {"events", array_of(bulletin.events, [](const shi::BulletinEvent& e) { return event(e, true); })},
          {"end_time_stamp", time(bulletin.end_time_stamp)}};
}

json model(const shi::OriginList& origins) {
  return {{"title", origins.title}, {"blocks", array_of(origins.blocks, origin_block)}};
}

json model(const shi::EventList& events) {
  return {{"title", events.title},
          {"events", array_of(events.events, [](const shi::BulletinEvent& e) { return event(e, false); })}};
}

json model(const shi::Comment& comment) {
  return {{"id_type", comment.id_type}, {"id", comment.id}, {"lines", comment.lines}};
}

}  // namespace imsgate::cli::shi_json
