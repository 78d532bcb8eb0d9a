#include "store/records.hpp"

#include <array>
#include <utility>

namespace imsgate::store {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::array<std::pair<Enum, std::string_view>, N>& names,
                              std::string_view name) {
  for (const auto& [value, text] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view to_name(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, text] : names) {
    if (candidate == value) return text;
  }
  return {};
}

constexpr std::array<std::pair<Door, std::string_view>, 4> kDoors{{
    {Door::maildir, "maildir"},
    {Door::pipe, "pipe"},
    {Door::upload, "upload"},
    {Door::reprocess, "reprocess"},
}};

constexpr std::array<std::pair<SignatureState, std::string_view>, 3> kSignatureStates{{
    {SignatureState::unsigned_message, "unsigned"},
    {SignatureState::valid, "valid"},
    {SignatureState::invalid, "invalid"},
}};

constexpr std::array<std::pair<SignaturePolicy, std::string_view>, 2> kSignaturePolicies{{
    {SignaturePolicy::required, "required"},
    {SignaturePolicy::optional, "optional"},
}};

constexpr std::array<std::pair<RequestChannel, std::string_view>, 2> kRequestChannels{{
    {RequestChannel::email, "email"},
    {RequestChannel::rest, "rest"},
}};

constexpr std::array<std::pair<RequestStatus, std::string_view>, 4> kRequestStatuses{{
    {RequestStatus::queued, "queued"},
    {RequestStatus::running, "running"},
    {RequestStatus::done, "done"},
    {RequestStatus::failed, "failed"},
}};

}  // namespace

std::string_view door_name(Door door) {
  return to_name(kDoors, door);
}
std::optional<Door> door_from_name(std::string_view name) {
  return from_name(kDoors, name);
}

std::string_view signature_state_name(SignatureState state) {
  return to_name(kSignatureStates, state);
}
std::optional<SignatureState> signature_state_from_name(std::string_view name) {
  return from_name(kSignatureStates, name);
}

std::string_view signature_policy_name(SignaturePolicy policy) {
  return to_name(kSignaturePolicies, policy);
}
std::optional<SignaturePolicy> signature_policy_from_name(std::string_view name) {
  return from_name(kSignaturePolicies, name);
}

std::string_view request_channel_name(RequestChannel channel) {
  return to_name(kRequestChannels, channel);
}
std::optional<RequestChannel> request_channel_from_name(std::string_view name) {
  return from_name(kRequestChannels, name);
}

std::string_view request_status_name(RequestStatus status) {
  return to_name(kRequestStatuses, status);
}
std::optional<RequestStatus> request_status_from_name(std::string_view name) {
  return from_name(kRequestStatuses, name);
}

}  // namespace imsgate::store
