#include "ims2/request/keywords.hpp"

#include <set>

#include <gtest/gtest.h>

#include "ims2/request/environment.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::request {
namespace {

TEST(KeywordTables, NamesAreUniqueLowerCaseAndFoundWhateverTheCase) {
  std::set<std::string_view> names;
  for (const auto& spec : env_specs()) {
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    EXPECT_EQ(find_env(to_upper(spec.name)), &spec);
  }
  for (const auto& spec : request_specs()) {
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    EXPECT_EQ(find_request(to_upper(spec.name)), &spec);
  }
  EXPECT_EQ(find_env("stations"), nullptr);
  EXPECT_EQ(find_request("beam"), nullptr);  // there is no BEAM product (digest 7 #32)
}

TEST(KeywordTables, EveryDefaultReadsWithItsOwnGrammar) {
  for (const auto& spec : env_specs())
    EXPECT_EQ(spec.default_text.empty(), std::holds_alternative<NoArgument>(default_value(spec.keyword)))
        << spec.name;
}

TEST(KeywordTables, RadionuclideLinesFollowTables8And10) {
  for (const auto& spec : request_specs()) {
    if (spec.domain != Domain::radionuclide) continue;
    EXPECT_EQ(spec.in_request.required, EnvSet{EnvKeyword::time}) << spec.name;
    EXPECT_EQ(spec.in_subscription.required, EnvSet{}) << spec.name;
    EXPECT_TRUE(spec.in_subscription.optional.contains(EnvKeyword::sta_list)) << spec.name;
    EXPECT_FALSE(spec.takes_format() && !spec.subtypes.empty()) << spec.name;
  }
}

TEST(KeywordTables, SubscriptionCommandsAreOnlyInSubscriptions) {
  for (const auto& spec : request_specs()) {
    const bool command = spec.domain == Domain::subscription_command;
    EXPECT_EQ(spec.request_section.empty(), command) << spec.name;
    EXPECT_FALSE(spec.request_section.empty() && spec.subscription_section.empty()) << spec.name;
  }
  for (auto name : {"network", "station", "channel", "response", "outage", "comment", "execsum", "help"})
    EXPECT_TRUE(find_request(name)->subscription_section.empty()) << name;  // 5.6
}

TEST(KeywordTables, SynonymsAndLegacyNames) {
  EXPECT_EQ(canonical(RequestKeyword::slsd), RequestKeyword::arrival);
  EXPECT_EQ(canonical(RequestKeyword::sphdp), RequestKeyword::sphdp);
  EXPECT_EQ(env_spec(EnvKeyword::min_dp_snr).alias_of,
            (EnvSet{EnvKeyword::min_dp_snr_pp, EnvKeyword::min_dp_snr_sp}));
  EXPECT_TRUE(env_spec(EnvKeyword::reg_min_psnr).legacy);
  EXPECT_TRUE(env_spec(EnvKeyword::reg_min_psnr).alias_of.empty());
}

TEST(KeywordTables, IdcSupportFollowsAppendixIV) {
  EXPECT_EQ(find_request("auth_status")->idc, IdcSupport::nowhere);
  EXPECT_EQ(find_request("comm_status")->idc, IdcSupport::requests_only);
  EXPECT_EQ(find_env("aux_list")->idc, IdcSupport::nowhere);
  EXPECT_EQ(find_env("group_bull_list")->idc, IdcSupport::requests_only);
  EXPECT_TRUE(find_request("station")->idc_unsupported_environments.contains(EnvKeyword::lat));
  EXPECT_TRUE(find_request("sta_status")->idc_days_only);
  for (auto [line, option] : {std::pair{"arrival", "grouped"}, {"slsd", "unassociated"}}) {
    bool found = false;
    for (const auto& o : find_request(line)->subtypes)
      if (o.name == std::string_view(option)) found = !o.idc_supported;
    EXPECT_TRUE(found) << line << ":" << option;
  }
}

TEST(KeywordTables, FrequencyNames) {
  for (auto f : {Freq::continuous, Freq::immediate, Freq::daily, Freq::custom})
    EXPECT_EQ(parse_freq(to_upper(freq_name(f))), f);
  EXPECT_FALSE(parse_freq("weekly"));
}

}  // namespace
}  // namespace imsgate::ims2::request
