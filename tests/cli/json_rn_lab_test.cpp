#include "cli/json_rn_lab.hpp"

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

using nlohmann::json;

json rlr_json(const std::string& file) {
  const auto result = ims2::read_messages(testing::read_file(testing::data_examples_dir() / file));
  EXPECT_EQ(result.messages.size(), 1u) << file;
  const auto& data = std::get<ims2::DataMessage>(result.messages.at(0));
  ims2::Diagnostics diagnostics;
  const auto section = ims2::rn::read_rlr_section(data.sections.at(0), diagnostics);
  EXPECT_TRUE(section.has_value()) << file;
  return section ? rn_json::model(*section) : json();
}

TEST(JsonRnLab, BetaGammaReport) {
  const json j = rlr_json("I.29.1-rlr-noble-gas-betagamma.msg");
  EXPECT_EQ(j["data_type"], "RLR");
  ASSERT_EQ(j["reports"].size(), 1u);
  const json& r = j["reports"][0];
  EXPECT_EQ(r["sample_kind"], "noble_gas");
  EXPECT_EQ(r["header"]["priority"], "Routine");
  EXPECT_EQ(r["header"]["report_type"], "FIN");
  EXPECT_EQ(r["header"]["category"], "XA");
  EXPECT_EQ(r["header"]["transmitted"], "2020/01/15 14:17:42.500");
  EXPECT_EQ(r["collection"]["start"], "2019/12/03 07:55:39.900");
  EXPECT_DOUBLE_EQ(r["collection"]["air_volume"].get<double>(), 14.251403);
  EXPECT_TRUE(r["x_station_sample"]["xe_volume"].is_null());  // -9999
  EXPECT_TRUE(r["p_results"].is_null());                      // absent block
  EXPECT_TRUE(r["lc"].is_null());
  const json& xe133 = r["x_results"]["nuclides"][1];
  EXPECT_EQ(xe133["nuclide"], "XE-133");
  EXPECT_DOUBLE_EQ(xe133["activity"].get<double>(), 26.434);
  EXPECT_DOUBLE_EQ(xe133["concentration_confidence"].get<double>(), 68.0);
  EXPECT_TRUE(r["nuclide_ratios"][0]["zero_time"].is_null());  // 1970/01/01
  EXPECT_DOUBLE_EQ(r["x_mda_mdc"][3]["mdc"].get<double>(), 5.4098e+03);
  EXPECT_EQ(r["conclusions"]["idc_summary"], json::array({"IDC FINDINGS"}));
  EXPECT_TRUE(r["references"]["sample_mid"].is_null());  // "0"
  EXPECT_EQ(r["unknown_blocks"], json::array());
}

TEST(JsonRnLab, ParticulateReportCalibrationAndPeaks) {
  const json j = rlr_json("I.30-rlr-particulate.msg");
  const json& r = j["reports"][0];
  EXPECT_EQ(r["sample_kind"], "particulate");
  EXPECT_EQ(r["p_activity_summary"]["natural"][0]["half_life"], "53.290 D");
  EXPECT_EQ(r["p_screening_flags"]["activation_products"]["present"], true);
  EXPECT_EQ(r["p_screening_flags"]["activation_products"]["history"], "168");
  const json& eq = r["efficiency_calibration"][1];
  EXPECT_EQ(eq["type"], 2);
  ASSERT_EQ(eq["parameters"].size(), 6u);
  EXPECT_DOUBLE_EQ(eq["parameters"][5].get<double>(), 1.6434e-02);
  EXPECT_EQ(r["total_efficiency_calibration"], json::array());
  EXPECT_EQ(r["peak_search"][0]["comment"], "IF");
  EXPECT_DOUBLE_EQ(r["peak_fit2"][0]["area"].get<double>(), 2.1962e+03);
  EXPECT_TRUE(r["coincidence_correction"][0]["energy"].is_null());
  EXPECT_EQ(r["p_results"]["nuclides"][0]["nuclide"], "Be-7");
}

TEST(JsonRnLab, LabMessage) {
  ims2::DataSection section;
  section.header.type = "MESACK";
  section.line.number = 1;
  section.body =
      "#Header\nRoutine\nSEL07 07202201150511\nCategory B\n2022/01/21 08:00:00.0\n#LabDataVersion\nIMS2.0\n"
      "#MessageReceipt\n2022/01/20 17:02\n";
  ims2::Diagnostics d;
  const auto s = ims2::rn::read_lab_message_section(section, d);
  ASSERT_TRUE(s);
  const json j = rn_json::model(*s);
  EXPECT_EQ(j["data_type"], "MESACK");
  const json& m = j["messages"][0];
  EXPECT_EQ(m["header"]["lab"], "SEL07");
  EXPECT_EQ(m["header"]["category"], "B");
  EXPECT_EQ(m["message_receipt"]["received"], "2022/01/20 17:02:00.000");
  EXPECT_TRUE(m["transport"].is_null());
  EXPECT_EQ(m["data_version"]["version"], "IMS2.0");
}

}  // namespace
}  // namespace imsgate::cli
