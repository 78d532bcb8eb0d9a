#include <gtest/gtest.h>

#include "ims2/request/resolution.hpp"
#include "request_test_util.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::request {
namespace {

using testing::dump;
using testing::has;

const std::string kTime = "time 1999/01/01 to 1999/01/02\n";

RequestBody listing(std::string_view name) {
  auto result = read_messages(imsgate::testing::read_file(imsgate::testing::listings_dir() / name));
  EXPECT_FALSE(result.diagnostics.has_errors()) << dump(result.diagnostics);
  return std::get<RequestMessage>(result.messages.at(0)).body;
}

const NumberRange& range_of(const Environment& e, EnvKeyword k) {
  return std::get<NumberRange>(e.value(k));
}
std::string word_of(const Environment& e, EnvKeyword k) {
  return std::get<Word>(e.value(k)).text;
}

TEST(RequestResolution, EnvironmentCarriesOverToLaterRequestLines) {  // Listing 4.5
  const auto r = resolve_request(listing("4.5-multiple-bulletin-request.msg"));
  EXPECT_TRUE(r.issues.empty());
  ASSERT_EQ(r.jobs.size(), 2u);
  const auto& first = r.jobs[0].environment;
  const auto& second = r.jobs[1].environment;
  EXPECT_EQ(r.jobs[0].request.keyword, RequestKeyword::bulletin);
  EXPECT_EQ(r.jobs[0].request.format, "ims2.0");
  EXPECT_EQ(range_of(first, EnvKeyword::lat).low->text, "10.0");
  EXPECT_EQ(range_of(first, EnvKeyword::lon).high->text, "160.0");
  EXPECT_EQ(range_of(second, EnvKeyword::lat).low->text, "-55.0");
  EXPECT_EQ(range_of(second, EnvKeyword::lon).high->text, "-15.0");
  // BULL_TYPE and TIME were set once, before the first line, and hold for both.
  EXPECT_EQ(word_of(second, EnvKeyword::bull_type), "reb");
  EXPECT_TRUE(second.value(EnvKeyword::time) == first.value(EnvKeyword::time));
  EXPECT_EQ(r.reply_to, "name@my.computer");
  EXPECT_EQ(r.jobs[1].line, 8u);  // index of the second "bulletin ims2.0" among the body lines
}

TEST(RequestResolution, AKeywordWithoutArgumentResetsToTheDefault) {
  const auto read =
      testing::read_request(kTime +
                            "bull_type reb\nmag 4 to 5\nchan_list bhz\nbulletin\nmag\nchan_list\n"
                            "bulletin\n");
  ASSERT_FALSE(read.diagnostics.has_errors()) << dump(read.diagnostics);
  const auto r = resolve_request(read.body);
  ASSERT_EQ(r.jobs.size(), 2u);
  EXPECT_TRUE(r.jobs[0].environment.is_given(EnvKeyword::mag));
  EXPECT_FALSE(r.jobs[1].environment.is_given(EnvKeyword::mag));
  EXPECT_TRUE(std::holds_alternative<NoArgument>(r.jobs[1].environment.value(EnvKeyword::mag)));
  EXPECT_EQ(std::get<ItemList>(r.jobs[1].environment.value(EnvKeyword::chan_list)).items.at(0).text, "*Z");
}

TEST(RequestResolution, ResettingARequiredEnvironmentMakesItMissingAgain) {
  const auto read = testing::read_request(kTime + "bull_type reb\norigin\nbull_type\norigin\n");
  EXPECT_EQ(read.diagnostics.error_count(), 1u) << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::error, 8, 1, "ORIGIN needs BULL_TYPE", "4.7"))
      << dump(read.diagnostics);
}

TEST(RequestResolution, RelativeToAppliesToTheNextRequestLineOnly) {  // Listing 4.4 plus one more line
  auto body = listing("4.4-bulletin-and-waveform-request-relative-to-reb.msg");
  body.lines.push_back(RequestLine{RequestKeyword::waveform, "", "ims2.0", "cm6", {}});
  const auto r = resolve_request(body);
  ASSERT_EQ(r.jobs.size(), 3u);
  EXPECT_FALSE(r.jobs[0].environment.is_given(EnvKeyword::relative_to));  // before the RELATIVE_TO line
  ASSERT_TRUE(r.jobs[1].environment.is_given(EnvKeyword::relative_to));
  EXPECT_EQ(word_of(r.jobs[1].environment, EnvKeyword::relative_to), "bulletin");
  EXPECT_FALSE(r.jobs[2].environment.is_given(EnvKeyword::relative_to));  // used up
  EXPECT_TRUE(r.jobs[2].environment.is_given(EnvKeyword::bull_type));     // ordinary environments persist
  EXPECT_TRUE(r.issues.empty());
}

TEST(RequestResolution, RelativeToBeforeAnotherLineIsUsedUpWithAWarning) {
  const auto read = testing::read_request(kTime + "bull_type reb\nrelative_to event\nbulletin\nwaveform\n");
  EXPECT_FALSE(read.diagnostics.has_errors()) << dump(read.diagnostics);
  EXPECT_TRUE(
      has(read.diagnostics, Severity::warning, 7, 1, "RELATIVE_TO applies to WAVEFORM only", "4.6.42"))
      << dump(read.diagnostics);
  const auto r = resolve_request(read.body);
  EXPECT_FALSE(r.jobs.at(1).environment.is_given(EnvKeyword::relative_to));
}

TEST(RequestResolution, DefaultsAreInForceWhenNothingIsGiven) {
  const auto r = resolve_request(listing("4.41-station-request-all.msg"));
  ASSERT_EQ(r.jobs.size(), 1u);
  const auto& e = r.jobs[0].environment;
  EXPECT_TRUE(e.given_keywords().empty());
  EXPECT_EQ(std::get<ItemList>(e.value(EnvKeyword::sta_list)).items.at(0).text, "*");
  EXPECT_EQ(std::get<ItemList>(e.value(EnvKeyword::chan_list)).items.at(0).text, "*Z");
  EXPECT_DOUBLE_EQ(std::get<Number>(e.value(EnvKeyword::reg_conf)).value, 0.995);
  EXPECT_FALSE(e.is_given(EnvKeyword::time_stamp));
  EXPECT_TRUE(r.issues.empty());
}

TEST(RequestResolution, TimeStampIsAFlagThatStaysOn) {
  const auto read = testing::read_request("time_stamp\n" + kTime + "arr\ntime_stamp\nrrr\n");
  ASSERT_FALSE(read.diagnostics.has_errors()) << dump(read.diagnostics);
  const auto r = resolve_request(read.body);
  ASSERT_EQ(r.jobs.size(), 2u);
  EXPECT_TRUE(r.jobs[0].environment.is_given(EnvKeyword::time_stamp));
  EXPECT_TRUE(r.jobs[1].environment.is_given(EnvKeyword::time_stamp));
}

TEST(RequestResolution, LegacyNamesSetBothKeywords) {
  const auto read =
      testing::read_request(kTime + "bull_type idc_neb\nmin_ndp 4\nmin_dp_snr_sp 3.0\nbulletin\n");
  ASSERT_FALSE(read.diagnostics.has_errors()) << dump(read.diagnostics);
  const auto r = resolve_request(read.body);
  const auto& e = r.jobs.at(0).environment;
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_ndp_pp)).text, "4");
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_ndp_sp)).text, "4");
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_dp_snr_sp)).text, "3.0");
  EXPECT_FALSE(e.is_given(EnvKeyword::min_ndp));
}

TEST(RequestResolution, ScreeningEnvironmentsApplyOnlyToCustomScreenedBulletins) {
  const auto read = testing::read_request(kTime + "bull_type reb\nbulletin\nbull_type idc_nseb\nbulletin\n");
  const auto r = resolve_request(read.body);
  ASSERT_EQ(r.jobs.size(), 2u);
  const auto reb = applicable_environments(r.jobs[0].request, Context::request, r.jobs[0].environment);
  const auto custom = applicable_environments(r.jobs[1].request, Context::request, r.jobs[1].environment);
  EXPECT_FALSE(reb.contains(EnvKeyword::depth_conf));
  EXPECT_TRUE(reb.contains(EnvKeyword::lat));
  EXPECT_TRUE(custom.contains(EnvKeyword::depth_conf));
  EXPECT_TRUE(custom.contains(EnvKeyword::min_nsta_ms));
}

TEST(RequestResolution, HelpIsAJobWithoutEnvironmentRequirements) {
  const auto read = testing::read_request("help\n");
  EXPECT_TRUE(read.diagnostics.empty()) << dump(read.diagnostics);
  const auto r = resolve_request(read.body);
  ASSERT_EQ(r.jobs.size(), 1u);
  EXPECT_EQ(r.jobs[0].request.keyword, RequestKeyword::help);
}

// Tables 7 and 8 as rebuilt in the digest (3.3, 3.4): what each request line needs, spot-checked.
struct Requirement {
  std::string_view environment;  // lines before the request line
  std::string_view request;
  std::vector<std::string_view> errors;  // expected error messages (fragments), at the request line
};

std::ostream& operator<<(std::ostream& os, const Requirement& r) {
  return os << r.request;
}

class RequiredEnvironments : public ::testing::TestWithParam<Requirement> {};

TEST_P(RequiredEnvironments, AreEnforcedAtTheRequestLine) {
  const auto& c = GetParam();
  const std::string body = std::string(c.environment) + std::string(c.request) + "\n";
  const auto read = testing::read_request(body);
  const int line = 4 + static_cast<int>(std::count(c.environment.begin(), c.environment.end(), '\n'));
  EXPECT_EQ(read.diagnostics.error_count(), c.errors.size()) << dump(read.diagnostics);
  for (auto fragment : c.errors)
    EXPECT_TRUE(has(read.diagnostics, Severity::error, line, 1, fragment, "4.7")) << fragment << "\n"
                                                                                  << dump(read.diagnostics);
}

INSTANTIATE_TEST_SUITE_P(
    Tables7And8, RequiredEnvironments,
    ::testing::Values(
        Requirement{"", "bulletin ims2.0", {"BULLETIN needs BULL_TYPE", "BULLETIN needs TIME"}},
        Requirement{"time 1999/01/01 to 1999/01/02\n", "bulletin ims2.0", {"BULLETIN needs BULL_TYPE"}},
        Requirement{"bull_type reb\n", "bulletin ims2.0:short", {"BULLETIN needs TIME"}},
        Requirement{"bull_type idc_neb\n", "bulletin", {"BULLETIN needs TIME"}},
        Requirement{
            "time 1999/01/01 to 1999/01/02\n", "arrival:automatic ims2.0", {"ARRIVAL needs BULL_TYPE"}},
        Requirement{"time 1999/01/01 to 1999/01/02\n", "slsd", {"SLSD needs BULL_TYPE"}},
        Requirement{"bull_type sel1\n", "event ims2.0", {"EVENT needs TIME"}},
        Requirement{"time 1999/01/01 to 1999/01/02\n", "origin ims2.0", {"ORIGIN needs BULL_TYPE"}},
        Requirement{"", "chan_status ims2.0", {"CHAN_STATUS needs TIME"}},
        Requirement{"", "sta_status ims2.0", {"STA_STATUS needs TIME"}},
        Requirement{"comm_list any_ndc\n", "comm_status ims2.0:verbose", {"COMM_STATUS needs TIME"}},
        Requirement{"", "execsum ims2.0", {"EXECSUM needs TIME"}},
        Requirement{"", "outage ims2.0", {"OUTAGE needs TIME"}},
        Requirement{"sta_list abc\n", "waveform ims2.0:cm6", {"WAVEFORM needs TIME"}},
        Requirement{
            "time 1999/01/01 to 1999/01/02\n", "waveform ims2.0:int", {}},  // STA_LIST defaults (10.3)
        Requirement{"", "station ims2.0", {}}, Requirement{"", "channel ims2.0", {}},
        Requirement{"", "response ims2.0", {}},  // TIME is optional for RESPONSE
        Requirement{"sta_list ARCES\n", "network ims2.0", {}},
        Requirement{
            "", "comment ims2.0", {"COMMENT needs one of ARRIVAL_LIST, EVENT_LIST, ORIGIN_LIST or STA_LIST"}},
        Requirement{"origin_list 5\n", "comment ims2.0", {}},
        Requirement{"", "alert_flow", {"ALERT_FLOW needs TIME"}},
        Requirement{"sta_list AUP*\n", "arr", {"ARR needs TIME"}},
        Requirement{"", "blankphd", {"BLANKPHD needs TIME"}}, Requirement{"", "met", {"MET needs TIME"}},
        Requirement{"", "rmssoh", {"RMSSOH needs TIME"}}, Requirement{"", "sphdp", {"SPHDP needs TIME"}},
        Requirement{"", "revsamp", {"REVSAMP needs TIME"}}, Requirement{"", "ssreb", {"SSREB needs TIME"}},
        Requirement{"time 2000/01/01 to 2000/02/01\n", "sampml", {}}, Requirement{"", "help", {}}));

TEST(RequestResolution, IdcDayPrecisionOfStatusRequestsIsAWarning) {
  const auto read = testing::read_request("time 1998/11/14 12:00 to 1998/11/18\nchan_status ims2.0\n");
  EXPECT_EQ(read.diagnostics.error_count(), 0u) << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::warning, 5, 1, "whole days", "IV")) << dump(read.diagnostics);
}

TEST(RequestResolution, WaveformRelativeToNeedsABulletinType) {
  const auto read = testing::read_request(kTime + "relative_to origin\nwaveform ims2.0\n");
  EXPECT_EQ(read.diagnostics.error_count(), 1u) << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::error, 6, 1, "needs BULL_TYPE", "4.6.42"))
      << dump(read.diagnostics);
}

TEST(RequestResolution, AWrongEnvironmentLineIsNotReportedAgainAsMissing) {
  const auto read = testing::read_request("time 2021/12/001 to 2021/12/02\nbull_type reb\nbulletin\n");
  EXPECT_EQ(read.diagnostics.error_count(), 1u) << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::error, 4, 14, "not a valid date", "3.5.9"))
      << dump(read.diagnostics);
}

}  // namespace
}  // namespace imsgate::ims2::request
