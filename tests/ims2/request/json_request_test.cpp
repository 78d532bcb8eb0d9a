#include <gtest/gtest.h>

#include "cli/json_model.hpp"
#include "request_test_util.hpp"

namespace imsgate::ims2::request {
namespace {

using nlohmann::json;
using testing::dump;

TEST(RequestJson, ShowsTheLinesWithTypedValuesAndTheJobsWithTheirEnvironment) {
  const auto read = testing::read_request(
      "e-mail a@b.c\ntime 1999/01/01 to 1999/01/02\nbull_type reb\nlat -10 to 10.5\nsta_list ABC, "
      "12\nbulletin "
      "ims2.0\nlat\ntime_stamp\narrival:automatic\nmin_ndef 4\n");
  ASSERT_FALSE(read.diagnostics.has_errors()) << dump(read.diagnostics);
  const json j = cli::to_json(read.body);
  ASSERT_EQ(j["lines"].size(), 10u);
  EXPECT_EQ(j["lines"][0], (json{{"line", 4}, {"kind", "e-mail"}, {"address", "a@b.c"}}));
  EXPECT_EQ(j["lines"][1]["value"],
            (json{{"from", "1999/01/01 00:00:00.000"}, {"to", "1999/01/02 00:00:00.000"}}));
  EXPECT_EQ(j["lines"][3]["value"], (json{{"low", -10.0}, {"high", 10.5}}));
  EXPECT_EQ(j["lines"][4]["value"], (json{"ABC", "12"}));  // station codes stay text
  EXPECT_EQ(j["lines"][6]["reset"], true);
  EXPECT_EQ(j["lines"][8],
            (json{{"line", 12}, {"kind", "request"}, {"keyword", "arrival"}, {"subtype", "automatic"}}));
  EXPECT_TRUE(j["lines"][9]["value"].is_number_integer());
  EXPECT_EQ(j["lines"][9]["value"], 4);
  EXPECT_EQ(j["e-mail"], "a@b.c");

  ASSERT_EQ(j["jobs"].size(), 2u);
  const json& bulletin = j["jobs"][0];
  EXPECT_EQ(bulletin["request"]["subformat"], "short");  // the default sub_format (4.7.8)
  EXPECT_EQ(bulletin["environment"]["lat"],
            (json{{"value", {{"low", -10.0}, {"high", 10.5}}}, {"given", true}}));
  EXPECT_EQ(bulletin["environment"]["mag"], (json{{"value", nullptr}, {"given", false}}));
  EXPECT_EQ(bulletin["environment"]["time_stamp"]["value"], false);
  EXPECT_FALSE(bulletin["environment"].contains("depth_conf"));  // screening only for IDC_NEB / IDC_NSEB
  const json& arrival = j["jobs"][1];
  EXPECT_FALSE(arrival["environment"].contains("lat"));  // reset, and not an ARRIVAL environment
  EXPECT_EQ(arrival["environment"]["chan_list"], (json{{"value", {"*Z"}}, {"given", false}}));
  EXPECT_EQ(arrival["environment"]["time_stamp"]["value"], true);
  EXPECT_FALSE(j.contains("issues"));
}

TEST(RequestJson, ListsTheSubscriptionActions) {
  const auto read = testing::read_subscription(
      "freq immediate\nbull_type sel1\nbulletin ims2.0\nsubscr_list 52\nchange\nlat 1 to 2\nbulletin ims2.0\n"
      "subscr_list 52\ndelivid_list 30, 31\nsubscr_resend\n");
  ASSERT_FALSE(read.diagnostics.has_errors()) << dump(read.diagnostics);
  const json j = cli::to_json(read.body);
  EXPECT_EQ(j["delivery"], (json{{"freq", "immediate"}, {"period", {{"from", "now"}, {"to", "forever"}}}}));
  ASSERT_EQ(j["actions"].size(), 3u);
  EXPECT_EQ(j["actions"][0]["action"], "new_subscription");
  EXPECT_EQ(j["actions"][0]["environment"]["bull_type"]["value"], "sel1");
  EXPECT_EQ(j["actions"][1]["action"], "change");
  EXPECT_EQ(j["actions"][1]["selector"], (json{{"subscr_list", {52}}}));
  EXPECT_EQ(j["actions"][1]["changes"][0]["keyword"], "lat");
  EXPECT_EQ(
      j["actions"][2],
      (json{{"action", "subscr_resend"}, {"selector", {{"subscr_list", {52}}}}, {"delivid_list", {30, 31}}}));
}

TEST(RequestJson, ReportsTheIssuesOfABodyBuiltByHand) {
  RequestBody body;
  body.lines.push_back(RequestLine{RequestKeyword::bulletin, "", "ims2.0", "", {7}});
  const json j = cli::to_json(body);
  ASSERT_EQ(j["issues"].size(), 2u);
  EXPECT_EQ(j["issues"][0]["line"], 7);
  EXPECT_EQ(j["issues"][0]["rule"], "4.7");
}

}  // namespace
}  // namespace imsgate::ims2::request
