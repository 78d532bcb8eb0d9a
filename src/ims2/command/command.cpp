#include "ims2/command/command.hpp"

#include <fmt/format.h>

namespace imsgate::ims2::command {
namespace {

CommandKind special_kind(SpecialMeasurement m, bool start) {
  switch (m) {
    case SpecialMeasurement::detbkphd:
      return start ? CommandKind::detbkphd_start : CommandKind::detbkphd_confirm;
    case SpecialMeasurement::blankphd:
      return start ? CommandKind::blankphd_start : CommandKind::blankphd_confirm;
    case SpecialMeasurement::calibphd:
      break;
  }
  return start ? CommandKind::calibphd_start : CommandKind::calibphd_confirm;
}

}  // namespace

Number Number::of(double value) {
  return {value, fmt::format("{}", value)};
}

std::optional<CommandKind> command_kind(const Command& command) {
  return std::visit(
      [](const auto& c) -> std::optional<CommandKind> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return std::nullopt;
        else if constexpr (std::is_same_v<T, CalibrateStart>)
          return CommandKind::calibrate_start;
        else if constexpr (std::is_same_v<T, CalibrateConfirm>)
          return CommandKind::calibrate_confirm;
        else if constexpr (std::is_same_v<T, CalibrateResult>)
          return CommandKind::calibrate_result;
        else if constexpr (std::is_same_v<T, SpecialMeasurementStart>)
          return special_kind(c.kind, true);
        else if constexpr (std::is_same_v<T, SpecialMeasurementConfirm>)
          return special_kind(c.kind, false);
        else if constexpr (std::is_same_v<T, ChangeDecay>)
          return CommandKind::change_decay;
        else if constexpr (std::is_same_v<T, DecayChanged>)
          return CommandKind::decay_changed;
        else if constexpr (std::is_same_v<T, SendSample>)
          return CommandKind::send_sample;
        else if constexpr (std::is_same_v<T, SampleSent>)
          return CommandKind::sample_sent;
        else if constexpr (std::is_same_v<T, SampleNotSent>)
          return CommandKind::sample_notsent;
        else if constexpr (std::is_same_v<T, SampleReceived>)
          return CommandKind::sample_received;
        else if constexpr (std::is_same_v<T, UpdateCalibPairs>)
          return CommandKind::update_calibpairs;
        else if constexpr (std::is_same_v<T, CalibPairsUpdated>)
          return CommandKind::calibpairs_updated;
        else if constexpr (std::is_same_v<T, GenerateKeypair>)
          return CommandKind::generate_keypair;
        else if constexpr (std::is_same_v<T, KeypairGenerated>)
          return CommandKind::keypair_generated;
        else if constexpr (std::is_same_v<T, StartKeypair>)
          return CommandKind::start_keypair;
        else if constexpr (std::is_same_v<T, KeypairStarted>)
          return CommandKind::keypair_started;
        else if constexpr (std::is_same_v<T, UpdateCrl>)
          return CommandKind::update_crl;
        else {
          static_assert(std::is_same_v<T, CrlUpdated>);
          return CommandKind::crl_updated;
        }
      },
      command);
}

}  // namespace imsgate::ims2::command
