#include "ims2/command/command_kind.hpp"

#include <array>

#include "ims2/text.hpp"

namespace imsgate::ims2::command {
namespace {

struct KindInfo {
  CommandKind kind;
  std::string_view keyword;
  bool request;
  std::string_view section;
};

constexpr std::array kKinds = {
    KindInfo{CommandKind::calibrate_start, "calibrate_start", true, "8.5.2"},
    KindInfo{CommandKind::calibrate_confirm, "calibrate_confirm", false, "8.5.3"},
    KindInfo{CommandKind::calibrate_result, "calibrate_result", false, "8.5.4"},
    KindInfo{CommandKind::detbkphd_start, "detbkphd_start", true, "8.6.2"},
    KindInfo{CommandKind::blankphd_start, "blankphd_start", true, "8.6.2"},
    KindInfo{CommandKind::calibphd_start, "calibphd_start", true, "8.6.2"},
    KindInfo{CommandKind::detbkphd_confirm, "detbkphd_confirm", false, "8.6.3"},
    KindInfo{CommandKind::blankphd_confirm, "blankphd_confirm", false, "8.6.3"},
    KindInfo{CommandKind::calibphd_confirm, "calibphd_confirm", false, "8.6.3"},
    KindInfo{CommandKind::change_decay, "change_decay", true, "8.7.1"},
    KindInfo{CommandKind::decay_changed, "decay_changed", false, "8.7.2"},
    KindInfo{CommandKind::send_sample, "send_sample", true, "8.8.1"},
    KindInfo{CommandKind::sample_sent, "sample_sent", false, "8.8.2"},
    KindInfo{CommandKind::sample_notsent, "sample_notsent", false, "8.8.3"},
    KindInfo{CommandKind::sample_received, "sample_received", false, "8.8.4"},
    KindInfo{CommandKind::update_calibpairs, "update_calibpairs", true, "8.9.1"},
    KindInfo{CommandKind::calibpairs_updated, "calibpairs_updated", false, "8.9.2"},
    KindInfo{CommandKind::generate_keypair, "generate_keypair", true, "8.10.1"},
    KindInfo{CommandKind::keypair_generated, "keypair_generated", false, "8.10.2"},
    KindInfo{CommandKind::start_keypair, "start_keypair", true, "8.11.1"},
    KindInfo{CommandKind::keypair_started, "keypair_started", false, "8.11.2"},
    KindInfo{CommandKind::update_crl, "update_crl", true, "8.12.1"},
    KindInfo{CommandKind::crl_updated, "crl_updated", false, "8.12.2"},
};

constexpr std::array kAllKinds = [] {
  std::array<CommandKind, kKinds.size()> out{};
  for (std::size_t i = 0; i < kKinds.size(); ++i) out[i] = kKinds[i].kind;
  return out;
}();

static_assert(
    [] {
      for (std::size_t i = 0; i < kKinds.size(); ++i)
        if (kKinds[i].kind != static_cast<CommandKind>(i)) return false;
      return true;
    }(),
    "kKinds is indexed by CommandKind");

const KindInfo& info(CommandKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

// Table 165. SAMPLE_RECEIVED answers SEND_SAMPLE too: it is the last response of that flow (8.8).
constexpr std::array kCalibrateResponses = {CommandKind::calibrate_confirm, CommandKind::calibrate_result};
constexpr std::array kDetbkphdResponses = {CommandKind::detbkphd_confirm};
constexpr std::array kBlankphdResponses = {CommandKind::blankphd_confirm};
constexpr std::array kCalibphdResponses = {CommandKind::calibphd_confirm};
constexpr std::array kDecayResponses = {CommandKind::decay_changed};
constexpr std::array kSampleResponses = {CommandKind::sample_sent, CommandKind::sample_notsent,
                                         CommandKind::sample_received};
constexpr std::array kCalibpairsResponses = {CommandKind::calibpairs_updated};
constexpr std::array kGenerateResponses = {CommandKind::keypair_generated};
constexpr std::array kStartResponses = {CommandKind::keypair_started};
constexpr std::array kCrlResponses = {CommandKind::crl_updated};

}  // namespace

std::span<const CommandKind> all_command_kinds() {
  return kAllKinds;
}

std::optional<CommandKind> parse_command_kind(std::string_view keyword) {
  for (const auto& k : kKinds)
    if (iequals(keyword, k.keyword)) return k.kind;
  return std::nullopt;
}

std::string_view command_keyword(CommandKind kind) {
  return info(kind).keyword;
}
bool is_request(CommandKind kind) {
  return info(kind).request;
}
std::string_view command_section(CommandKind kind) {
  return info(kind).section;
}

std::span<const CommandKind> responses_to(CommandKind request) {
  switch (request) {
    case CommandKind::calibrate_start:
      return kCalibrateResponses;
    case CommandKind::detbkphd_start:
      return kDetbkphdResponses;
    case CommandKind::blankphd_start:
      return kBlankphdResponses;
    case CommandKind::calibphd_start:
      return kCalibphdResponses;
    case CommandKind::change_decay:
      return kDecayResponses;
    case CommandKind::send_sample:
      return kSampleResponses;
    case CommandKind::update_calibpairs:
      return kCalibpairsResponses;
    case CommandKind::generate_keypair:
      return kGenerateResponses;
    case CommandKind::start_keypair:
      return kStartResponses;
    case CommandKind::update_crl:
      return kCrlResponses;
    default:
      return {};
  }
}

}  // namespace imsgate::ims2::command
