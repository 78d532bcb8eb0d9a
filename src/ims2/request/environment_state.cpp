#include "ims2/request/environment_state.hpp"

namespace imsgate::ims2::request {

void Environment::apply(const EnvironmentLine& line) {
  const EnvSpec& spec = env_spec(line.keyword);
  auto set = [&](EnvKeyword k) {
    if (env_spec(k).kind != EnvKind::flag && std::holds_alternative<NoArgument>(line.value))
      given_[index(k)].reset();
    else
      given_[index(k)] = line.value;
  };
  if (spec.legacy) {
    for (EnvKeyword k : spec.alias_of.keywords()) set(k);
    return;
  }
  set(line.keyword);
}

const EnvironmentValue& Environment::value(EnvKeyword keyword) const {
  const auto& given = given_[index(keyword)];
  return given ? *given : default_value(keyword);
}

const EnvironmentValue* Environment::given(EnvKeyword keyword) const {
  const auto& given = given_[index(keyword)];
  return given ? &*given : nullptr;
}

std::vector<EnvKeyword> Environment::given_keywords() const {
  std::vector<EnvKeyword> out;
  for (std::size_t i = 0; i < kEnvKeywordCount; ++i)
    if (given_[i]) out.push_back(static_cast<EnvKeyword>(i));
  return out;
}

}  // namespace imsgate::ims2::request
