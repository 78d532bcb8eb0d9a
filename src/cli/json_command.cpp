#include "cli/json_model.hpp"
#include "ims2/datetime.hpp"

namespace imsgate::cli {
namespace {

using nlohmann::json;
namespace cmd = ims2::command;

// A number keeps its spelling beside its value, as the model does.
json number(const cmd::Number& n) {
  return {{"value", n.value}, {"text", n.text}};
}

json date_time(const ims2::DateTime& dt) {
  return ims2::write_date_time(dt);
}

json confirmed(const cmd::ConfirmedTime& t) {
  if (const auto* dt = std::get_if<ims2::DateTime>(&t)) return date_time(*dt);
  return "not_confirmed";
}

json pem(const cmd::PemObject& p) {
  return {{"label", p.label}, {"text", p.text}, {"line", p.line.number}};
}

json recipient(const cmd::Recipient& r) {
  return {{"poc", r.poc}, {"organization", r.organization}, {"address", r.address}};
}

std::string_view type_name(cmd::CalibrationType t) {
  switch (t) {
    case cmd::CalibrationType::random:
      return "random";
    case cmd::CalibrationType::sine:
      return "sine";
    case cmd::CalibrationType::pulse:
      return "pulse";
    case cmd::CalibrationType::sweep:
      break;
  }
  return "sweep";
}

json calib_param(const cmd::CalibParam& p) {
  json j = {{"duration", number(p.duration)}, {"line", p.line.number}};
  if (p.frequency) j["frequency"] = number(*p.frequency);
  if (p.final_frequency) j["final_frequency"] = number(*p.final_frequency);
  if (p.gap) j["gap"] = number(*p.gap);
  if (p.amplitude) j["amplitude"] = number(*p.amplitude);
  return j;
}

// The parameters of each command, named after the keywords of its lines.
json parameters(const cmd::Command& command) {
  return std::visit(
      [](const auto& c) -> json {
        using T = std::decay_t<decltype(c)>;
        json j = json::object();
        if constexpr (std::is_same_v<T, std::monostate>) {
          return j;
        } else {
          if constexpr (std::is_same_v<T, cmd::CalibrateStart>) {
            j["start_time"] = date_time(c.start_time);
            j["sensor"] = c.sensor;
            j["type"] = type_name(c.type);
            j["calib_param"] = json::array();
            for (const auto& p : c.params) j["calib_param"].push_back(calib_param(p));
          } else if constexpr (std::is_same_v<T, cmd::CalibrateConfirm> ||
                               std::is_same_v<T, cmd::SpecialMeasurementConfirm>) {
            j["start_time"] = confirmed(c.start_time);
          } else if constexpr (std::is_same_v<T, cmd::CalibrateResult>) {
            j["in_spec"] = c.in_spec;
            if (c.calib) j["calib"] = number(*c.calib);
            if (c.calper) j["calper"] = number(*c.calper);
            if (c.response) {
              const auto& r = *c.response;
              j["response"] = {{"data_type", r.type}, {"text", r.body}, {"line", r.line.number}};
              if (!r.subtype.empty()) j["response"]["subtype"] = r.subtype;
              if (!r.format.empty()) j["response"]["format"] = r.format;
            }
          } else if constexpr (std::is_same_v<T, cmd::SpecialMeasurementStart>) {
            j["start_time"] = date_time(c.start_time);
            j["duration"] = number(c.duration);
          } else if constexpr (std::is_same_v<T, cmd::ChangeDecay>) {
            if (c.start_time) j["start_time"] = date_time(*c.start_time);
            j["decay_time"] = number(c.decay_time);
          } else if constexpr (std::is_same_v<T, cmd::DecayChanged>) {
            j["new_decay_time"] = number(c.new_decay_time);
            j["srid"] = c.srid;
          } else if constexpr (std::is_same_v<T, cmd::SendSample>) {
            j["priority"] = c.priority == cmd::Priority::urgent ? "urgent" : "routine";
            j["srid"] = c.srid;
            j["recipient"] = recipient(c.recipient);
          } else if constexpr (std::is_same_v<T, cmd::SampleSent>) {
            j["srid"] = c.srid;
            j["mass"] = {{"full", number(c.mass.full)}, {"split", number(c.mass.split)}};
            j["recipient"] = recipient(c.recipient);
            j["courier"] = c.courier;
            j["handover"] = date_time(c.handover);
            j["arrival"] = date_time(c.arrival);
            j["awb"] = c.awb;
            j["seal"] = c.seal;
          } else if constexpr (std::is_same_v<T, cmd::SampleNotSent>) {
            j["srid"] = c.srid;
            j["reason"] = c.reason;
          } else if constexpr (std::is_same_v<T, cmd::SampleReceived>) {
            j["srid"] = c.srid;
            j["arrival"] = date_time(c.arrival);
          } else if constexpr (std::is_same_v<T, cmd::UpdateCalibPairs>) {
            j["g_energy"] = c.energy;
            j["g_resolution"] = c.resolution;
            j["g_efficiency"] = c.efficiency;
            if (c.total_efficiency) j["g_total_efficiency"] = *c.total_efficiency;
          } else if constexpr (std::is_same_v<T, cmd::GenerateKeypair>) {
            if (c.dsa_parameters) j["dsa_parameters"] = pem(*c.dsa_parameters);
          } else if constexpr (std::is_same_v<T, cmd::KeypairGenerated>) {
            if (c.signature) j["signature"] = *c.signature;
            j["certificate_request"] = pem(c.certificate_request);
          } else if constexpr (std::is_same_v<T, cmd::StartKeypair>) {
            if (c.start_time) j["start_time"] = date_time(*c.start_time);
            j["certificate"] = pem(c.certificate);
          } else if constexpr (std::is_same_v<T, cmd::UpdateCrl>) {
            j["crl"] = pem(c.crl);
          } else if constexpr (std::is_same_v<T, cmd::CrlUpdated>) {
            if (c.start_time) j["start_time"] = date_time(*c.start_time);
          } else {
            static_assert(std::is_same_v<T, cmd::CalibPairsUpdated> ||
                          std::is_same_v<T, cmd::KeypairStarted>);
          }
          j["line"] = c.line.number;
          return j;
        }
      },
      command);
}

}  // namespace

json to_json(const cmd::CommandBody& body) {
  json j = json::object();
  if (body.email) j["e-mail"] = *body.email;
  j["time_stamp"] = date_time(body.time_stamp);
  j["sta_list"] = {{"station", body.station.code}, {"line", body.station.line.number}};
  if (!body.station.detector.empty()) j["sta_list"]["detector"] = body.station.detector;
  if (!body.channels.empty()) j["chan_list"] = body.channels;
  if (body.auth_id) j["auth_id"] = *body.auth_id;
  const auto kind = cmd::command_kind(body.command);
  j["command"] = kind ? json(cmd::command_keyword(*kind)) : json(nullptr);
  if (kind) j["section"] = cmd::command_section(*kind);
  j["parameters"] = parameters(body.command);
  return j;
}

}  // namespace imsgate::cli
