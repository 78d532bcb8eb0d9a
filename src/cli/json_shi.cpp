// The JSON view of an S/H/I section: the data type, the pieces the views share, and waveforms.
#include "cli/json_shi.hpp"

namespace imsgate::cli {

using nlohmann::json;
namespace shi = ims2::shi;

namespace shi_json {

json time(ims2::TimePoint t) {
  return ims2::write_fixed_date_time(t, 3);
}

json time(const std::optional<ims2::TimePoint>& t) {
  return t ? time(*t) : json(nullptr);
}

json report_period(const shi::ReportPeriod& period) {
  return {{"from", time(period.from)}, {"to", time(period.to)}};
}

}  // namespace shi_json

namespace {

using shi_json::time;
using shi_json::value;

json sta2_json(const std::optional<shi::Sta2>& sta2) {
  if (!sta2) return nullptr;
  return {{"network", sta2->network},
          {"latitude", value(sta2->latitude)},
          {"longitude", value(sta2->longitude)},
          {"coordinate_system", sta2->coordinate_system},
          {"elevation", value(sta2->elevation)},
          {"depth", value(sta2->depth)}};
}

json segment_json(const shi::WaveformSegment& s, const JsonOptions& options) {
  const shi::Wid2& w = s.wid2;
  json events = json::array();
  for (const auto& e : s.events)
    events.push_back({{"event_id", e.event_id}, {"bulletin_type", e.bulletin_type}});
  json beam = nullptr;
  if (s.beam)
    beam = {{"beam_id", s.beam->beam_id},
            {"azimuth", value(s.beam->azimuth)},
            {"slowness", value(s.beam->slowness)}};
  json j = {{"block", "WID2"},
            {"wid2",
             {{"start", time(w.start)},
              {"station", w.station},
              {"channel", w.channel},
              {"aux_id", w.aux_id},
              {"subformat", w.subformat},
              {"sample_count", w.sample_count},
              {"sample_rate", w.sample_rate},
              {"calib", value(w.calib)},
              {"calper", value(w.calper)},
              {"instrument", w.instrument},
              {"hang", value(w.hang)},
              {"vang", value(w.vang)}}},
            {"sta2", sta2_json(s.sta2)},
            {"eid2", events},
            {"bea2", beam},
            {"samples_read", s.samples.size()},
            {"checksum", {{"stored", value(s.checksum.stored)}, {"computed", s.checksum.computed}}}};
  if (options.samples) j["samples"] = s.samples;
  return j;
}

json gap_json(const shi::WaveformGap& g) {
  return {{"block", g.delayed ? "DLY2" : "OUT2"},
          {"start", time(g.start)},
          {"station", g.station},
          {"channel", g.channel},
          {"aux_id", g.aux_id},
          {"duration", value(g.duration)},
          {"sta2", sta2_json(g.sta2)}};
}

json waveform_json(const shi::Waveform& waveform, const JsonOptions& options) {
  json blocks = json::array();
  for (const auto& block : waveform.blocks) {
    if (const auto* segment = std::get_if<shi::WaveformSegment>(&block))
      blocks.push_back(segment_json(*segment, options));
    else
      blocks.push_back(gap_json(std::get<shi::WaveformGap>(block)));
  }
  return {{"blocks", blocks}};
}

// The DATA_TYPE each model is read from.
template <class T>
constexpr const char* data_type_name() {
  if constexpr (std::is_same_v<T, shi::Waveform>)
    return "WAVEFORM";
  else if constexpr (std::is_same_v<T, shi::Channel>)
    return "CHANNEL";
  else if constexpr (std::is_same_v<T, shi::Network>)
    return "NETWORK";
  else if constexpr (std::is_same_v<T, shi::Station>)
    return "STATION";
  else if constexpr (std::is_same_v<T, shi::Response>)
    return "RESPONSE";
  else if constexpr (std::is_same_v<T, shi::Arrival>)
    return "ARRIVAL";
  else if constexpr (std::is_same_v<T, shi::Bulletin>)
    return "BULLETIN";
  else if constexpr (std::is_same_v<T, shi::OriginList>)
    return "ORIGIN";
  else if constexpr (std::is_same_v<T, shi::EventList>)
    return "EVENT";
  else if constexpr (std::is_same_v<T, shi::Comment>)
    return "COMMENT";
  else if constexpr (std::is_same_v<T, shi::AuthStatus>)
    return "AUTH_STATUS";
  else if constexpr (std::is_same_v<T, shi::ChanStatus>)
    return "CHAN_STATUS";
  else if constexpr (std::is_same_v<T, shi::CommStatus>)
    return "COMM_STATUS";
  else if constexpr (std::is_same_v<T, shi::Outage>)
    return "OUTAGE";
  else if constexpr (std::is_same_v<T, shi::StaStatus>)
    return "STA_STATUS";
  else if constexpr (std::is_same_v<T, shi::Log>)
    return "LOG";
  else {
    static_assert(std::is_same_v<T, shi::ErrorLog>);
    return "ERROR_LOG";
  }
}

}  // namespace

json to_json(const shi::Section& section, const JsonOptions& options) {
  return std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        json j;
        if constexpr (std::is_same_v<T, shi::Waveform>)
          j = waveform_json(m, options);
        else if constexpr (std::is_same_v<T, shi::ErrorLog>)
          j = shi_json::model(m.log);
        else
          j = shi_json::model(m);
        j["data_type"] = data_type_name<T>();
        return j;
      },
      section);
}

}  // namespace imsgate::cli
