#include "cli/json_shi.hpp"

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

using nlohmann::json;
using namespace std::chrono;

// The JSON view of the first section of a spec example.
json example_json(const std::string& file) {
  const auto result = ims2::read_messages(testing::read_file(testing::data_examples_dir() / file));
  EXPECT_EQ(result.messages.size(), 1u) << file;
  const auto& data = std::get<ims2::DataMessage>(result.messages.at(0));
  ims2::Diagnostics diagnostics;
  const auto section = ims2::shi::read_section(data.sections.at(0), diagnostics);
  EXPECT_TRUE(section.has_value()) << file;
  return section ? to_json(*section, {}) : json();
}

TEST(JsonShi, Channel) {
  const json j = example_json("I.11-channel.msg");
  EXPECT_EQ(j["data_type"], "CHANNEL");
  ASSERT_EQ(j["records"].size(), 15u);
  const json& first = j["records"][0];
  EXPECT_EQ(first["station"], "BDFB");
  EXPECT_DOUBLE_EQ(first["latitude"].get<double>(), -15.644);
  EXPECT_EQ(first["on_date"], "1993/07/08 00:00:00.000");
  EXPECT_EQ(first["off_date"], "2003/05/17 00:00:00.000");
  EXPECT_TRUE(j["records"][1]["off_date"].is_null());  // still valid
}

TEST(JsonShi, ResponseStages) {
  const json j = example_json("I.27-response.msg");
  EXPECT_EQ(j["data_type"], "RESPONSE");
  const json& channel = j["channels"][0];
  EXPECT_EQ(channel["cal2"]["station"], "STKA");
  EXPECT_TRUE(channel["cal2"]["end"].is_null());
  const json& paz = channel["stages"][0];
  EXPECT_EQ(paz["block"], "PAZ2");
  ASSERT_EQ(paz["poles"].size(), 5u);
  EXPECT_EQ(paz["zeros"].size(), 3u);
  EXPECT_DOUBLE_EQ(paz["poles"][3]["real"].get<double>(), -3.70080000E-02);
  EXPECT_DOUBLE_EQ(paz["poles"][3]["imag"].get<double>(), -3.70080000E-02);
  EXPECT_EQ(paz["comments"][0], "The scale factor is computed such that resp(NCALPER) = 1/NCALIB");
  const json& fir = channel["stages"][3];
  EXPECT_EQ(fir["block"], "FIR2");
  EXPECT_EQ(fir["symmetry"], "A");
  EXPECT_EQ(fir["decimation"], 15);
}

TEST(JsonShi, OriginDepthAndMagnitudes) {
  const json j = example_json("I.24-origin.msg");
  EXPECT_EQ(j["data_type"], "ORIGIN");
  ASSERT_EQ(j["blocks"].size(), 3u);
  const json& origin = j["blocks"][0]["origins"][0];
  EXPECT_EQ(origin["time"], "2021/12/01 04:39:22.340");
  EXPECT_DOUBLE_EQ(origin["depth"].get<double>(), 0.0);
  EXPECT_EQ(origin["depth_flag"], "f");
  EXPECT_TRUE(origin["depth_error"].is_null());  // blank
  EXPECT_EQ(origin["id"], "21451982");
  const json& mb = j["blocks"][0]["magnitudes"][1];
  EXPECT_EQ(mb["type"], "mb");
  EXPECT_DOUBLE_EQ(mb["value"].get<double>(), 5.2);
  EXPECT_EQ(mb["stations"], 16);
}

TEST(JsonShi, StaStatus) {
  const json j = example_json("I.40-sta-status.msg");
  EXPECT_EQ(j["data_type"], "STA_STATUS");
  EXPECT_EQ(j["period"]["from"], "2021/12/01 00:00:00.000");
  EXPECT_EQ(j["period"]["to"], "2021/12/02 00:00:00.000");
  const json& mjar = j["records"][0];
  EXPECT_EQ(mjar["station"], "MJAR");
  EXPECT_DOUBLE_EQ(mjar["max_data_time"].get<double>(), 86400.0);
  EXPECT_DOUBLE_EQ(mjar["mission_capability"].get<double>(), 38.576);
}

ims2::shi::Waveform synthetic_waveform() {
  ims2::shi::WaveformSegment segment;
  segment.wid2.start = sys_days{year{2021} / 12 / 1} + hours{4} + milliseconds{500};
  segment.wid2.station = "MKAR";
  segment.wid2.channel = "BHZ";
  segment.wid2.subformat = "CM6";
  segment.wid2.sample_count = 3;
  segment.wid2.sample_rate = 40.0;
  segment.wid2.calib = 0.5;
  segment.sta2 = ims2::shi::Sta2{"IDC_SEIS", 46.79, 82.29, "WGS-84", 0.618, std::nullopt};
  segment.events.push_back({"21451982", "IDC_REB"});
  segment.samples = {1, -2, 3};
  segment.checksum = {6, 6};
  ims2::shi::WaveformGap gap;
  gap.delayed = true;
  gap.start = segment.wid2.start;
  gap.station = "MKAR";
  gap.channel = "BHN";
  gap.duration = 60.0;
  return {{segment, gap}};
}

TEST(JsonShi, WaveformWithoutSamples) {
  const json j = to_json(synthetic_waveform(), {});
  EXPECT_EQ(j["data_type"], "WAVEFORM");
  ASSERT_EQ(j["blocks"].size(), 2u);
  const json& segment = j["blocks"][0];
  EXPECT_EQ(segment["block"], "WID2");
  EXPECT_EQ(segment["wid2"]["start"], "2021/12/01 04:00:00.500");
  EXPECT_EQ(segment["wid2"]["subformat"], "CM6");
  EXPECT_DOUBLE_EQ(segment["wid2"]["calib"].get<double>(), 0.5);
  EXPECT_TRUE(segment["wid2"]["calper"].is_null());
  EXPECT_EQ(segment["sta2"]["network"], "IDC_SEIS");
  EXPECT_TRUE(segment["sta2"]["depth"].is_null());
  EXPECT_EQ(segment["eid2"][0]["event_id"], "21451982");
  EXPECT_TRUE(segment["bea2"].is_null());
  EXPECT_EQ(segment["samples_read"], 3);
  EXPECT_EQ(segment["checksum"], (json{{"stored", 6}, {"computed", 6}}));
  EXPECT_FALSE(segment.contains("samples"));
  const json& gap = j["blocks"][1];
  EXPECT_EQ(gap["block"], "DLY2");
  EXPECT_EQ(gap["channel"], "BHN");
  EXPECT_DOUBLE_EQ(gap["duration"].get<double>(), 60.0);
  EXPECT_TRUE(gap["sta2"].is_null());
}

TEST(JsonShi, WaveformWithSamples) {
  const json j = to_json(synthetic_waveform(), {.samples = true});
  EXPECT_EQ(j["blocks"][0]["samples"], (json{1, -2, 3}));
}

TEST(JsonShi, BulletinScreeningAndCharacterization) {
  ims2::shi::Bulletin b;
  ims2::shi::BulletinEvent& e = b.events.emplace_back();
  e.id = "1";
  ims2::shi::ScreeningSummary summary;
  summary.category = "SO";
  summary.location = "Offsh";
  summary.score = 1.2;
  summary.clear_path = false;
  e.screening.summary = summary;
  e.screening.hydroacoustic.emplace();
  ims2::shi::PhaseAmplitudeBlock block;
  block.number = 1;
  block.total = 1;
  block.bands[0] = {0.5, 1.0};
  block.rows.push_back({"ASAR", "P", {{{12.5, 5.5}, {}, {}, {}}}});
  e.characterization.phase_amplitudes.push_back(block);
  e.characterization.third_moments = std::vector<ims2::shi::ThirdMoment>{{"ASAR", 2.5}};
  const json j = to_json(b, {});
  EXPECT_EQ(j["data_type"], "BULLETIN");
  EXPECT_EQ(j["layout"], "IMS2.0");
  const json& event = j["events"][0];
  EXPECT_EQ(event["screening"]["summary"]["category"], "SO");
  EXPECT_EQ(event["screening"]["summary"]["location"], "Offsh");
  EXPECT_DOUBLE_EQ(event["screening"]["summary"]["score"].get<double>(), 1.2);
  EXPECT_TRUE(event["screening"]["summary"]["depth"].is_null());
  EXPECT_EQ(event["screening"]["summary"]["clear_path"], false);
  EXPECT_EQ(event["screening"]["hydroacoustic"], json::array());  // present, no stations
  EXPECT_TRUE(event["screening"]["regional"].is_null());          // absent
  const json& amplitudes = event["characterization"]["phase_amplitudes"][0];
  EXPECT_EQ(amplitudes["number"], 1);
  EXPECT_DOUBLE_EQ(amplitudes["bands"][0]["max"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(amplitudes["rows"][0]["bands"][0]["snr"].get<double>(), 5.5);
  EXPECT_TRUE(amplitudes["rows"][0]["bands"][1]["amplitude"].is_null());
  EXPECT_DOUBLE_EQ(event["characterization"]["third_moments"][0]["value"].get<double>(), 2.5);
  EXPECT_TRUE(event["characterization"]["complexities"].is_null());
}

TEST(JsonShi, GseBulletinSaysItsLayout) {
  const auto result = ims2::read_messages(
      testing::read_file(testing::real_dir() / "obspy-gse2-bulletin" / "gse_2.0_standard.txt"));
  const auto& data = std::get<ims2::DataMessage>(result.messages.at(0));
  ims2::Diagnostics diagnostics;
  const auto section = ims2::shi::read_section(data.sections.at(0), diagnostics);
  ASSERT_TRUE(section);
  const json j = to_json(*section, {});
  EXPECT_EQ(j["layout"], "GSE2.0");
  EXPECT_EQ(j["events"][0]["phases"][0]["time"], "1995/01/16 07:29:20.700");
}

TEST(JsonShi, ErrorLogIsNamed) {
  const json j = to_json(ims2::shi::ErrorLog{{{"no data"}}}, {});
  EXPECT_EQ(j["data_type"], "ERROR_LOG");
  EXPECT_EQ(j["lines"], (json{"no data"}));
}

}  // namespace
}  // namespace imsgate::cli
