#include "cli/json_rn_products.hpp"

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

using nlohmann::json;

ims2::DataSection example(const std::string& file) {
  const auto result = ims2::read_messages(testing::read_file(testing::data_examples_dir() / file));
  return std::get<ims2::DataMessage>(result.messages.at(0)).sections.at(0);
}

TEST(JsonRnProducts, Ssreb) {
  ims2::Diagnostics d;
  const auto s = ims2::rn::read_ssreb_section(example("I.38-ssreb-particulate.msg"), d);
  ASSERT_TRUE(s);
  const json j = rn_json::model(*s);
  EXPECT_EQ(j["data_type"], "SSREB");
  EXPECT_EQ(j["kind"], "particulate");
  EXPECT_EQ(j["creation_date"], "2022/03/01 14:19:36.000");
  EXPECT_EQ(j["time_difference"], 32400.0);
  EXPECT_EQ(j["detections"][0]["sample_id"], 6604185);
  EXPECT_EQ(j["detections"][0]["nuclide"], "CO-60");
  EXPECT_EQ(j["particulate_flags"]["days_since_activation_product"], 18);
  EXPECT_TRUE(j["particulate_flags"]["cs137_times_seen"].is_null());
  EXPECT_TRUE(j["sample"]["sample_id"].is_null());
  EXPECT_EQ(j["field_of_regard"][0], "https://swp.ctbto.org/FOR/AUP09/2022/02/27");
}

TEST(JsonRnProducts, Rnps) {
  ims2::Diagnostics d;
  const auto r = ims2::rn::read_rnps_section(example("I.32-rnps.damaged.msg"), d);
  ASSERT_TRUE(r);
  const json j = rn_json::model(*r);
  EXPECT_EQ(j["data_type"], "RNPS");
  EXPECT_EQ(j["period_end"], "2021/11/30 00:00:00.000");
  ASSERT_EQ(j["samples"].size(), 20u);
  EXPECT_EQ(j["samples"][3]["relevant_nuclides"], (json{"XE-131M", "XE-133M"}));
  EXPECT_EQ(j["samples"][0]["collection_start"], "2021/11/29 12:01:00.000");
  EXPECT_EQ(j["samples"][0]["products"][2], "XA");
}

TEST(JsonRnProducts, Sampml) {
  ims2::DataSection s;
  s.header.type = "SAMPML";
  s.line.number = 5;
  s.body =
      "<SampML xmlns=\"http://www.ctbto.org/SAMPML/0.7\"><SampleInformation REFID=\"44202112071111X\" "
      "SID=\"6482923\">"
      "<MeasuredInformation><SpectrumGroup id=\"G\"><XeVolume unit=\"ml\">1.1</XeVolume>"
      "<DecayTime>PT25381S</DecayTime></SpectrumGroup></MeasuredInformation>"
      "<Analyses><Analysis id=\"A\"><IdedNuclides><Corrected><Nuclide><Name>XE-133</Name>"
      "<MDI unit=\"mBq\">${MDI}</MDI></Nuclide></Corrected></IdedNuclides></Analysis></Analyses>"
      "</SampleInformation></SampML>\n";
  ims2::Diagnostics d;
  const auto m = ims2::rn::read_sampml_section(s, d);
  ASSERT_TRUE(m);
  const json j = rn_json::model(*m);
  EXPECT_EQ(j["data_type"], "SAMPML");
  EXPECT_EQ(j["sid"], 6482923);
  EXPECT_EQ(j["spectrum_groups"][0]["xe_volume"]["number"], 1.1);
  EXPECT_EQ(j["spectrum_groups"][0]["xe_volume"]["unit"], "ml");
  EXPECT_EQ(j["spectrum_groups"][0]["decay_time"], 25381.0);
  EXPECT_TRUE(j["spectrum_groups"][0]["collection_start"].is_null());
  const json& xe = j["analyses"][0]["corrected"][0];
  EXPECT_EQ(xe["name"], "XE-133");
  EXPECT_TRUE(xe["mdi"]["number"].is_null());
  EXPECT_EQ(xe["mdi"]["text"], "${MDI}");
}

}  // namespace
}  // namespace imsgate::cli
