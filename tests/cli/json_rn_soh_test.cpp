#include "cli/json_rn_soh.hpp"

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

using nlohmann::json;

ims2::DataSection example_section(const std::string& file) {
  const auto result = ims2::read_messages(testing::read_file(testing::data_examples_dir() / file));
  EXPECT_EQ(result.messages.size(), 1u) << file;
  return std::get<ims2::DataMessage>(result.messages.at(0)).sections.at(0);
}

TEST(JsonRnSoh, RmssohSeriesAreArraysAndMissingIsNull) {
  ims2::Diagnostics d;
  const auto s = ims2::rn::read_rmssoh_section(example_section("I.31-rmssoh.msg"), d);
  ASSERT_TRUE(s);
  const json j = rn_json::model(*s);
  EXPECT_EQ(j["data_type"], "RMSSOH");
  const json& report = j["reports"].at(0);
  EXPECT_EQ(report["header"]["station"], "GBP68");
  EXPECT_EQ(report["header"]["period_start"], "2021/12/01 17:58:51.700");
  ASSERT_EQ(report["air_sampler_flow"].size(), 6u);
  EXPECT_DOUBLE_EQ(report["air_sampler_flow"][0]["flow_rate"].get<double>(), 908.0);
  EXPECT_TRUE(report["air_sampler_flow"][0]["flow_rate_sd"].is_null());
  EXPECT_EQ(report["air_sampler_flow"][0]["start"], "2021/12/01 18:00:00.000");
  EXPECT_EQ(report["air_sampler_flow"][0]["duration"], 600);
  const json& det = report["det_env"][0];
  EXPECT_EQ(det["shield"], "CLOSED");
  EXPECT_EQ(det["high_voltage"], 2500);
  EXPECT_TRUE(det["cooler"].is_null());
  EXPECT_TRUE(det["leakage_current"].is_null());
  EXPECT_EQ(report["power_supply"][0]["main"], "ON");
  EXPECT_EQ(report["equip_status"][0]["acquisition"], "68202111291711");
  EXPECT_EQ(report["tamper_env"].size(), 12u);
  EXPECT_EQ(report["tamper_env"][1]["status"], "OPEN");
  EXPECT_TRUE(report["process_sensors"].empty());
  EXPECT_TRUE(report["chromatogram"].is_null());
  EXPECT_EQ(report["comment"][0], "HealthMonitor.exe Version 4.2.9.0 at 2021/12/01 20:04:45.535");
}

TEST(JsonRnSoh, Chromatogram) {
  ims2::rn::RmssohSection s;
  ims2::rn::Chromatogram g;
  g.srid = "63202112011711X";
  g.readings = 3;
  g.intervals.push_back({1, 1, 0.5});
  g.responses = {4, std::nullopt, 6};
  s.reports.emplace_back().chromatogram = g;
  const json c = rn_json::model(s)["reports"][0]["chromatogram"];
  EXPECT_EQ(c["intervals"][0]["spacing"], 0.5);
  EXPECT_EQ(c["responses"], json::parse("[4, null, 6]"));
  EXPECT_EQ(c["first_channel"], 1);
}

TEST(JsonRnSoh, Met) {
  ims2::Diagnostics d;
  const auto s = ims2::rn::read_met_section(example_section("I.22-met.msg"), d);
  ASSERT_TRUE(s);
  const json j = rn_json::model(*s);
  EXPECT_EQ(j["data_type"], "MET");
  ASSERT_EQ(j["groups"].size(), 2u);
  const json& first = j["groups"][0]["records"][0];
  EXPECT_EQ(first["start"], "2021/12/01 11:10:00.000");
  EXPECT_EQ(first["end"], "2021/12/01 11:20:00.000");
  EXPECT_DOUBLE_EQ(first["temperature"].get<double>(), 11.0);
  EXPECT_EQ(first["wind_direction"], 112);
  EXPECT_DOUBLE_EQ(first["pressure"].get<double>(), 1017.8);
  EXPECT_EQ(first["humidity"], 85);
  EXPECT_DOUBLE_EQ(j["groups"][0]["records"][4]["rainfall"].get<double>(), 0.1);
}

TEST(JsonRnSoh, Alerts) {
  ims2::Diagnostics d;
  const auto s = ims2::rn::read_alert_section(example_section("I.1.1-alert-flow.msg"), d);
  ASSERT_TRUE(s);
  const json j = rn_json::model(*s);
  EXPECT_EQ(j["data_type"], "ALERT_FLOW");
  ASSERT_EQ(j["alerts"].size(), 6u);
  EXPECT_EQ(j["alerts"][2]["station"], "NOP49");
  EXPECT_EQ(j["alerts"][2]["time"], "2021/12/03 14:44:02.700");
  EXPECT_EQ(j["alerts"][2]["text"][1], "Air Sampler average flow rate: 335.2 scm/h");
  EXPECT_EQ(j["time_stamps"], json::parse(R"(["2021/12/10 08:47:04.000", "2021/12/10 08:47:04.000"])"));
}

}  // namespace
}  // namespace imsgate::cli
