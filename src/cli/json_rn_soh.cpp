#include "cli/json_rn_soh.hpp"

#include "cli/json_shi.hpp"

namespace imsgate::cli::rn_json {

using nlohmann::json;
using shi_json::array_of;
using shi_json::time;
using shi_json::value;
namespace rn = ims2::rn;

namespace {

json on_off(const std::optional<rn::SohOnOff>& v) {
  return v ? json(*v == rn::SohOnOff::on ? "ON" : "OFF") : json(nullptr);
}

json open_closed(const std::optional<rn::SohOpenClosed>& v) {
  return v ? json(*v == rn::SohOpenClosed::open ? "OPEN" : "CLOSED") : json(nullptr);
}

// Every SOH record ends with its sampling interval.
template <class R>
json with_interval(json record, const R& r) {
  record["start"] = time(r.start);
  record["duration"] = r.duration;
  return record;
}

json time_stamps(const std::vector<ims2::TimePoint>& stamps) {
  return array_of(stamps, [](ims2::TimePoint t) { return time(t); });
}

json chromatogram(const rn::Chromatogram& g) {
  return {
      {"srid", g.srid},
      {"readings", value(g.readings)},
      {"intervals",
       array_of(
           g.intervals,
           [](const rn::ChromatogramInterval& i) -> json {
             return {{"number", i.number}, {"start_channel", i.start_channel}, {"spacing", value(i.spacing)}};
           })},
      {"first_channel", g.first_channel},
      {"responses", array_of(g.responses, [](const std::optional<std::int64_t>& r) { return value(r); })}};
}

}  // namespace

json model(const rn::Rmssoh& s) {
  const rn::RmssohHeader& h = s.header;
  json j;
  j["header"] = {{"designator", h.designator},       {"station", h.station},
                 {"detector", h.detector},           {"period_start", time(h.period_start)},
                 {"period_end", time(h.period_end)}, {"transmitted", time(h.transmitted)}};
  j["air_sampler_flow"] = array_of(s.air_sampler_flow, [](const rn::AirSamplerFlowRecord& r) {
    return with_interval({{"flow_rate", value(r.flow_rate)}, {"flow_rate_sd", value(r.flow_rate_sd)}}, r);
  });
  j["air_sampler_env"] = array_of(s.air_sampler_env, [](const rn::AirSamplerEnvRecord& r) {
    return with_interval({{"temperature", value(r.temperature)}, {"pressure", value(r.pressure)}}, r);
  });
  j["det_env"] = array_of(s.det_env, [](const rn::DetEnvRecord& r) {
    return with_interval({{"room_temperature", value(r.room_temperature)},
                          {"shield", open_closed(r.shield)},
                          {"room_humidity", value(r.room_humidity)},
                          {"high_voltage", value(r.high_voltage)},
                          {"crystal_temperature", value(r.crystal_temperature)},
                          {"cooler", on_off(r.cooler)},
                          {"cooling", value(r.cooling)},
                          {"leakage_current", value(r.leakage_current)}},
                         r);
  });
  j["power_supply"] = array_of(s.power_supply, [](const rn::PowerSupplyRecord& r) {
    return with_interval({{"main", on_off(r.main)}, {"aux", on_off(r.aux)}, {"ups", on_off(r.ups)}}, r);
  });
  j["equip_status"] = array_of(s.equip_status, [](const rn::EquipStatusRecord& r) {
    return with_interval(
        {{"collection", r.collection}, {"processing", r.processing}, {"acquisition", r.acquisition}}, r);
  });
  j["tamper_env"] = array_of(s.tamper_env, [](const rn::TamperEnvRecord& r) {
    return with_interval({{"sensor", r.sensor}, {"status", open_closed(r.status)}}, r);
  });
  j["process_sensors"] = array_of(s.process_sensors, [](const rn::ProcessSensorRecord& r) {
    return with_interval({{"type", r.type}, {"sensor", r.sensor}, {"reading", value(r.reading)}}, r);
  });
  j["chromatogram"] = s.chromatogram ? chromatogram(*s.chromatogram) : json(nullptr);
  j["comment"] = s.comment;
  j["other_blocks"] = array_of(s.other_blocks, [](const rn::SohBlock& b) -> json {
    return {{"name_line", b.name_line}, {"lines", b.lines}};
  });
  return j;
}

json model(const rn::RmssohSection& section) {
  return {{"data_type", "RMSSOH"},
          {"reports", array_of(section.reports, [](const rn::Rmssoh& r) { return model(r); })},
          {"time_stamps", time_stamps(section.time_stamps)}};
}

json model(const rn::MetSection& section) {
  return {{"data_type", "MET"},
          {"groups", array_of(section.groups,
                              [](const rn::MetGroup& g) -> json {
                                return {{"station", g.station},
                                        {"records", array_of(g.records, [](const rn::MetRecord& m) -> json {
                                           return {{"start", time(m.start)},
                                                   {"end", time(m.end)},
                                                   {"temperature", value(m.temperature)},
                                                   {"wind_direction", value(m.wind_direction)},
                                                   {"wind_speed", value(m.wind_speed)},
                                                   {"pressure", value(m.pressure)},
                                                   {"humidity", value(m.humidity)},
                                                   {"rainfall", value(m.rainfall)}};
                                         })}};
                              })},
          {"time_stamps", time_stamps(section.time_stamps)}};
}

json model(const rn::AlertSection& section) {
  return {
      {"data_type", section.data_type},
      {"alerts",
       array_of(section.alerts,
                [](const rn::Alert& a) -> json {
                  return {{"station", a.station}, {"type", a.type}, {"time", time(a.time)}, {"text", a.text}};
                })},
      {"time_stamps", time_stamps(section.time_stamps)}};
}

}  // namespace imsgate::cli::rn_json
