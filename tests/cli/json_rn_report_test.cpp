#include "cli/json_rn_report.hpp"

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

using nlohmann::json;

json example_json(const std::string& file) {
  const auto result = ims2::read_messages(testing::read_file(testing::data_examples_dir() / file));
  EXPECT_EQ(result.messages.size(), 1u) << file;
  const auto& data = std::get<ims2::DataMessage>(result.messages.at(0));
  ims2::Diagnostics diagnostics;
  const auto report = ims2::rn::read_report_section(data.sections.at(0), diagnostics);
  EXPECT_TRUE(report.has_value()) << file;
  return report ? rn_json::model(*report) : json();
}

TEST(JsonRnReport, Particulate) {
  const json j = example_json("I.3-arr-particulate.msg");
  EXPECT_EQ(j["data_type"], "ARR");
  EXPECT_EQ(j["variant"], "particulate");
  EXPECT_EQ(j["time_stamps"][0], "2022/05/19 09:51:20.000");
  EXPECT_EQ(j["sample_information"]["sample_id"], 6709060);
  EXPECT_EQ(j["sample_information"]["collection_start"], "2022/05/08 23:22:00.000");
  EXPECT_DOUBLE_EQ(j["sample_information"]["flow_rate_m3_per_hour"].get<double>(), 918.11);
  const json& be7 = j["activity_summary"]["natural"][0];
  EXPECT_EQ(be7["nuclide"], "BE-7");
  EXPECT_EQ(be7["half_life"]["unit"], "D");
  EXPECT_DOUBLE_EQ(be7["concentration"].get<double>(), 2130.0);
  EXPECT_TRUE(be7["coincidence"].is_null());  // natural nuclides have no Coincidence column
  EXPECT_EQ(j["activity_summary"]["fission"][0]["coincidence"], false);
  EXPECT_EQ(j["peak_search_results"]["percent_associated"], 80);
  EXPECT_EQ(j["quality_flags"]["flags"][0]["name"], "Ba140_MDC");
  EXPECT_EQ(j["calibration_equations"]["energy"].size(), 3u);
  EXPECT_TRUE(j["sroi_editing"].is_null());  // ARR
  EXPECT_EQ(j["field_of_regard"]["url"], "https://swp.ctbto.org/FOR/AUP04/2022/05/10");
  EXPECT_EQ(j["mdc_key_nuclides"]["extra"][0], "   :");
}

TEST(JsonRnReport, BetaGamma) {
  const json j = example_json("I.33.1-rrr-noble-gas-betagamma.msg");
  EXPECT_EQ(j["data_type"], "RRR");
  EXPECT_EQ(j["variant"], "beta_gamma");
  EXPECT_DOUBLE_EQ(j["sample_information"]["sampling_s"].get<double>(), 43204.0);  // "12 h 4 s"
  EXPECT_EQ(j["sample_information"]["analysis_comments"]["entered"], "2022/05/30 07:12:33.000");
  EXPECT_EQ(j["measurement_categorization"]["isotopes"][2]["detected"], true);
  const json& roi1 = j["processing_specific_results"]["roi_results"][0];
  EXPECT_EQ(roi1["nuclide"], "PB-214");
  EXPECT_TRUE(roi1["efficiency"].is_null());  // N/A
  EXPECT_EQ(j["quality_flags"]["flags"][1]["value_text"], "Fair");
  EXPECT_TRUE(j["activity_summary"]["radon"].is_null());
  EXPECT_DOUBLE_EQ(j["calibration_equations"]["equations"][0]["coefficients"][0].get<double>(), -3.62);
}

TEST(JsonRnReport, Hpge) {
  const json j = example_json("I.2.3-arr-noble-gas-hpge.msg");
  EXPECT_EQ(j["variant"], "hpge");
  EXPECT_EQ(j["activity_summary"]["radon"]["nuclide"], "Rn-222");
  EXPECT_EQ(j["activity_summary"]["tables"].size(), 2u);
  EXPECT_TRUE(j["activity_summary"]["tables"][0]["rows"][0]["lc"].is_null());
  EXPECT_EQ(j["processing_specific_results"]["peaks"].size(), 1u);
  EXPECT_TRUE(j["sample_information"]["analysis_comments"].is_null());  // ARR
}

}  // namespace
}  // namespace imsgate::cli
