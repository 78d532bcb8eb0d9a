// JSON views of the station and response types (6.2, 6.3.1), the status reports (6.5) and the logs (6.6).
#include "cli/json_shi.hpp"

namespace imsgate::cli::shi_json {

using nlohmann::json;
namespace shi = ims2::shi;

namespace {

json complex_json(const std::complex<double>& c) {
  return {{"real", c.real()}, {"imag", c.imag()}};
}

json stage_block(const shi::Paz2& b) {
  return {{"block", "PAZ2"},
          {"stage", b.stage},
          {"units", b.units},
          {"scale", value(b.scale)},
          {"decimation", value(b.decimation)},
          {"correction", value(b.correction)},
          {"description", b.description},
          {"poles", array_of(b.poles, complex_json)},
          {"zeros", array_of(b.zeros, complex_json)}};
}

json stage_block(const shi::Fap2& b) {
  return {{"block", "FAP2"},
          {"stage", b.stage},
          {"units", b.units},
          {"decimation", value(b.decimation)},
          {"correction", value(b.correction)},
          {"description", b.description},
          {"triplets", array_of(b.triplets, [](const shi::FapTriplet& t) -> json {
             return {{"frequency", t.frequency}, {"amplitude", t.amplitude}, {"phase", t.phase}};
           })}};
}

json stage_block(const shi::Gen2& b) {
  return {{"block", "GEN2"},
          {"stage", b.stage},
          {"units", b.units},
          {"sensitivity", value(b.sensitivity)},
          {"period", value(b.period)},
          {"decimation", value(b.decimation)},
          {"correction", value(b.correction)},
          {"description", b.description},
          {"corners", array_of(b.corners, [](const shi::GenCorner& c) -> json {
             return {{"frequency", c.frequency}, {"slope", c.slope}};
           })}};
}

json stage_block(const shi::Dig2& b) {
  return {{"block", "DIG2"},
          {"stage", b.stage},
          {"sensitivity", value(b.sensitivity)},
          {"sample_rate", value(b.sample_rate)},
          {"description", b.description}};
}

json stage_block(const shi::Fir2& b) {
  return {{"block", "FIR2"},
          {"stage", b.stage},
          {"gain", value(b.gain)},
          {"decimation", value(b.decimation)},
          {"correction", value(b.correction)},
          {"symmetry", b.symmetry},
          {"description", b.description},
          {"factors", b.factors}};
}

json channel_response(const shi::ChannelResponse& r) {
  const shi::Cal2& c = r.cal;
  json stages = array_of(r.stages, [](const shi::ResponseStage& s) {
    json j = std::visit([](const auto& b) { return stage_block(b); }, s.block);
    j["comments"] = s.comments;
    return j;
  });
  return {{"cal2",
           {{"station", c.station},
            {"channel", c.channel},
            {"aux", c.aux},
            {"instrument", c.instrument},
            {"sensitivity", value(c.sensitivity)},
            {"period", value(c.period)},
            {"sample_rate", value(c.sample_rate)},
            {"start", time(c.start)},
            {"end", time(c.end)}}},
          {"comments", r.comments},
          {"stages", stages}};
}

}  // namespace

json model(const shi::Channel& channel) {
  return {{"records", array_of(channel.records, [](const shi::ChannelRecord& r) -> json {
             return {{"network", r.network},
                     {"station", r.station},
                     {"channel", r.channel},
                     {"aux", r.aux},
                     {"latitude", value(r.latitude)},
                     {"longitude", value(r.longitude)},
                     {"coordinate_system", r.coordinate_system},
                     {"elevation", value(r.elevation)},
                     {"depth", value(r.depth)},
                     {"horizontal_angle", value(r.horizontal_angle)},
                     {"vertical_angle", value(r.vertical_angle)},
                     {"sample_rate", value(r.sample_rate)},
                     {"instrument", r.instrument},
                     {"on_date", time(r.on_date)},
                     {"off_date", time(r.off_date)}};
           })}};
}

json model(const shi::Network& network) {
  return {{"records", array_of(network.records, [](const shi::NetworkRecord& r) -> json {
             return {{"code", r.code}, {"description", r.description}};
           })}};
}

json model(const shi::Station& station) {
  return {{"records", array_of(station.records, [](const shi::StationRecord& r) -> json {
             return {{"network", r.network},
                     {"station", r.station},
                     {"type", r.type},
                     {"latitude", value(r.latitude)},
                     {"longitude", value(r.longitude)},
                     {"coordinate_system", r.coordinate_system},
                     {"elevation", value(r.elevation)},
                     {"on_date", time(r.on_date)},
                     {"off_date", time(r.off_date)}};
           })}};
}

json model(const shi::Response& response) {
  return {{"channels", array_of(response.channels, channel_response)}};
}

json model(const shi::AuthStatus& status) {
  return {{"period", report_period(status.period)},
          {"records", array_of(status.records,
                               [](const shi::AuthStatusRecord& r) -> json {
                                 return {{"network", r.network},
                                         {"station", r.station},
                                         {"channel", r.channel},
                                         {"aux", r.aux},
                                         {"packets_tested", value(r.packets_tested)},
                                         {"packets_failed", value(r.packets_failed)}};
                               })},
          {"failures", array_of(status.failures, [](const shi::AuthFailureInterval& f) -> json {
             return {{"network", f.network},   {"station", f.station}, {"channel", f.channel}, {"aux", f.aux},
                     {"start", time(f.start)}, {"end", time(f.end)},   {"comment", f.comment}};
           })}};
}

json model(const shi::ChanStatus& status) {
  return {{"period", report_period(status.period)},
          {"records", array_of(status.records, [](const shi::ChanStatusRecord& r) -> json {
             return {{"network", r.network},
                     {"station", r.station},
                     {"channel", r.channel},
                     {"received", value(r.received)},
                     {"available_unauthenticated", value(r.available_unauthenticated)},
                     {"available", value(r.available)},
                     {"gaps", value(r.gaps)},
                     {"samples", value(r.samples)},
                     {"constant", value(r.constant)},
                     {"mean", value(r.mean)},
                     {"rms", value(r.rms)}};
           })}};
}

json model(const shi::CommStatus& status) {
  return {{"period", report_period(status.period)},
          {"links", array_of(status.links,
                             [](const shi::CommLink& l) -> json {
                               return {{"far_end", l.far_end},         {"near_end", l.near_end},
                                       {"speed", value(l.speed)},      {"mode", l.mode},
                                       {"uptime", value(l.uptime)},    {"far_from", l.far_from},
                                       {"far_use", value(l.far_use)},  {"near_from", l.near_from},
                                       {"near_use", value(l.near_use)}};
                             })},
          {"link_outages", array_of(status.link_outages, [](const shi::CommLinkOutages& l) -> json {
             return {
                 {"far_end", l.far_end},
                 {"near_end", l.near_end},
                 {"outages", array_of(l.outages, [](const shi::CommOutage& o) -> json {
                    return {{"start", time(o.start)}, {"end", time(o.end)}, {"duration", value(o.duration)}};
                  })}};
           })}};
}

json model(const shi::Outage& outage) {
  return {{"period", report_period(outage.period)},
          {"records", array_of(outage.records, [](const shi::OutageRecord& r) -> json {
             return {{"network", r.network},          {"station", r.station},
                     {"channel", r.channel},          {"aux", r.aux},
                     {"start", time(r.start)},        {"end", time(r.end)},
                     {"duration", value(r.duration)}, {"comment", r.comment}};
           })}};
}

json model(const shi::StaStatus& status) {
  return {{"period", report_period(status.period)},
          {"records", array_of(status.records, [](const shi::StaStatusRecord& r) -> json {
             return {{"station", r.station},
                     {"max_data_time", value(r.max_data_time)},
                     {"availability", value(r.availability)},
                     {"timely_availability", value(r.timely_availability)},
                     {"mission_capability", value(r.mission_capability)},
                     {"received", value(r.received)},
                     {"geophysical_availability_unauthenticated",
                      value(r.geophysical_availability_unauthenticated)},
                     {"geophysical_availability", value(r.geophysical_availability)}};
           })}};
}

json model(const shi::Log& log) {
  return {{"lines", log.lines}};
}

}  // namespace imsgate::cli::shi_json
