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

// An EVENT section's events have no phases and no kept blocks; a bulletin's have both.
json event(const shi::BulletinEvent& e, bool with_phases) {
  json j = {{"id", e.id}, {"region", e.region}, {"origin", origin_block(e.origin)}};
  if (with_phases) {
    j["phases"] = array_of(e.phases, phase);
    j["kept_lines"] = e.kept_lines;
  }
  return j;
}

}  // namespace

json model(const shi::Arrival& arrival) {
  return {{"subtype", shi::arrival_subtype_name(arrival.subtype)},
          {"records", array_of(arrival.records, arrival_record)}};
}

json model(const shi::Bulletin& bulletin) {
  return {{"time_stamp", time(bulletin.time_stamp)},
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
