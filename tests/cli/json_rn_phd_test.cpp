#include "cli/json_rn_phd.hpp"

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

ims2::rn::PhdSection read_file_section(const std::filesystem::path& path) {
  const auto result = ims2::read_messages(imsgate::testing::read_file(path));
  EXPECT_EQ(result.messages.size(), 1u);
  const auto& data = std::get<ims2::DataMessage>(result.messages.at(0));
  ims2::Diagnostics d;
  auto section = ims2::rn::read_phd_section(data.sections.back(), d);
  EXPECT_TRUE(section);
  return section.value_or(ims2::rn::PhdSection{});
}

TEST(JsonRnPhd, BetaGammaSampleHasSpectraHistogramRowsRoisAndCalibrationPairs) {
  const auto section =
      read_file_section(imsgate::testing::real_dir() / "noble-gas-phd/SAMPLE20211203070613605.PHD");
  const nlohmann::json j = rn_json::model(section);
  EXPECT_EQ(j["data_type"], "SAMPLEPHD");
  ASSERT_EQ(j["products"].size(), 1u);
  const auto& p = j["products"][0];
  EXPECT_EQ(p["header"]["system_type"], "B");
  EXPECT_EQ(p["header"]["mid"], "MIX58_222-2021/12/02-17:00:54.4");
  EXPECT_EQ(p["acquisition"]["start"], "2021/12/02 17:00:54.400");
  EXPECT_EQ(p["acquisition"]["live_time"], 50400.0);
  EXPECT_EQ(p["g_energy"].size(), 5u);
  EXPECT_EQ(p["g_energy"][0]["energy"], 30.0);
  EXPECT_EQ(p["g_energy"][0]["channel"], 11.7);
  EXPECT_EQ(p["b_energy"][0]["decay_mode"], "C");
  EXPECT_EQ(p["roi_limits"].size(), 10u);
  EXPECT_EQ(p["roi_limits"][1]["beta_stop"], 733.912);
  EXPECT_EQ(p["g_spectrum"]["channels"], 256);
  EXPECT_EQ(p["g_spectrum"]["counts"].size(), 256u);
  EXPECT_EQ(p["g_spectrum"]["counts"][5], section.products[0].g_spectrum->counts[5]);
  EXPECT_EQ(p["histogram"]["rows"].size(), 256u);
  EXPECT_EQ(p["histogram"]["rows"][100].size(), 256u);
  EXPECT_EQ(p["histogram"]["rows"][100][7], section.products[0].histogram->at(100, 7));
  EXPECT_TRUE(p["sample"].is_null());
  EXPECT_TRUE(p["certificate"].is_null());
  EXPECT_TRUE(p["order"].size() > 0);  // the file's order is not Table 57's
}

TEST(JsonRnPhd, CertificateLinesAndTimeStamps) {
  const auto section = read_file_section(imsgate::testing::data_examples_dir() / "I.9-calibphd.msg");
  const nlohmann::json j = rn_json::model(section);
  EXPECT_EQ(j["data_type"], "CALIBPHD");
  EXPECT_EQ(j["time_stamps"][0], "2021/12/10 09:14:00.000");
  ASSERT_EQ(j["products"].size(), 2u);
  const auto& c = j["products"][0]["certificate"];
  EXPECT_EQ(c["total_activity"], 10558.0);
  EXPECT_EQ(c["assay_time"], "2020/10/01 17:00:00.000");
  EXPECT_EQ(c["lines"].size(), 12u);
  EXPECT_EQ(c["lines"][0]["half_life"], "432.904 Y");
  EXPECT_EQ(c["lines"][0]["decay_mode"], "0");
  EXPECT_TRUE(j["products"][1]["comment"].is_null());
  EXPECT_EQ(j["products"][1]["g_efficiency"][0]["efficiency"], 0.1605);
}

}  // namespace
}  // namespace imsgate::cli
