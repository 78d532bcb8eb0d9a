#include "ims2/shi/section.hpp"

#include "ims2/text.hpp"

namespace imsgate::ims2::shi {

std::optional<Section> read_section(const DataSection& s, Diagnostics& d) {
  const std::string& type = s.header.type;
  auto is = [&](std::string_view name) { return iequals(type, name); };
  if (is("waveform")) return read_waveform(s, d);
  if (is("channel")) return read_channel(s, d);
  if (is("network")) return read_network(s, d);
  if (is("station")) return read_station(s, d);
  if (is("response")) return read_response(s, d);
  if (is("arrival") || is("slsd")) return read_arrival(s, d);
  if (is("bulletin")) return read_bulletin(s, d);
  if (is("origin")) return read_origin(s, d);
  if (is("event")) return read_event(s, d);
  if (is("comment")) return read_comment(s, d);
  if (is("auth_status")) return read_auth_status(s, d);
  if (is("chan_status")) return read_chan_status(s, d);
  if (is("comm_status")) return read_comm_status(s, d);
  if (is("outage")) return read_outage(s, d);
  if (is("sta_status")) return read_sta_status(s, d);
  if (is("log")) return read_log(s, d);
  if (is("error_log")) return ErrorLog{read_error_log(s, d)};
  return std::nullopt;
}

tl::expected<std::string, std::string> write_section(const Section& section) {
  return std::visit(
      [](const auto& model) -> tl::expected<std::string, std::string> {
        using T = std::decay_t<decltype(model)>;
        if constexpr (std::is_same_v<T, Waveform>) return write_waveform(model);
        if constexpr (std::is_same_v<T, Channel>) return write_channel(model);
        if constexpr (std::is_same_v<T, Network>) return write_network(model);
        if constexpr (std::is_same_v<T, Station>) return write_station(model);
        if constexpr (std::is_same_v<T, Response>) return write_response(model);
        if constexpr (std::is_same_v<T, Arrival>) return write_arrival(model);
        if constexpr (std::is_same_v<T, Bulletin>) return write_bulletin(model);
        if constexpr (std::is_same_v<T, OriginList>) return write_origin(model);
        if constexpr (std::is_same_v<T, EventList>) return write_event(model);
        if constexpr (std::is_same_v<T, Comment>) return write_comment(model);
        if constexpr (std::is_same_v<T, AuthStatus>) return write_auth_status(model);
        if constexpr (std::is_same_v<T, ChanStatus>) return write_chan_status(model);
        if constexpr (std::is_same_v<T, CommStatus>) return write_comm_status(model);
        if constexpr (std::is_same_v<T, Outage>) return write_outage(model);
        if constexpr (std::is_same_v<T, StaStatus>) return write_sta_status(model);
        if constexpr (std::is_same_v<T, Log>) return write_log(model);
        if constexpr (std::is_same_v<T, ErrorLog>) return write_error_log(model.log);
      },
      section);
}

}  // namespace imsgate::ims2::shi
