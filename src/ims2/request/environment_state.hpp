// The environment in force while a body is read (4.6): what each environment line set, reset or switched on.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "ims2/request/environment.hpp"
#include "ims2/request/keywords.hpp"

namespace imsgate::ims2::request {

class Environment {
 public:
  // Sets the line's keyword; no argument resets it to its default, except for TIME_STAMP, which it switches
  // on. A legacy name sets the keywords it stands for (MIN_DP_SNR: MIN_DP_SNR_PP and MIN_DP_SNR_SP) or
  // nothing.
  void apply(const EnvironmentLine& line);
  void reset(EnvKeyword keyword) { given_[index(keyword)].reset(); }

  // The value in force: the one given, or the keyword's default (default_value()).
  const EnvironmentValue& value(EnvKeyword keyword) const;
  // The value given explicitly, or nullptr when the default is in force.
  const EnvironmentValue* given(EnvKeyword keyword) const;
  bool is_given(EnvKeyword keyword) const { return given_[index(keyword)].has_value(); }
  std::vector<EnvKeyword> given_keywords() const;

  bool operator==(const Environment&) const = default;

 private:
  static std::size_t index(EnvKeyword k) { return static_cast<std::size_t>(k); }
  std::array<std::optional<EnvironmentValue>, kEnvKeywordCount> given_{};
};

}  // namespace imsgate::ims2::request
