#include <set>

#include <gtest/gtest.h>

#include "ims2/request/environment.hpp"
#include "ims2/request/keywords.hpp"
#include "request_test_util.hpp"

namespace imsgate::ims2::request {
namespace {

using testing::dump;
using testing::has;
using testing::kFirstBodyLine;

Number num(std::string_view text) {
  return {std::string(text), *parse_decimal(text)};
}

NumberRange range(std::string_view low, std::string_view high) {
  NumberRange r;
  if (!low.empty()) r.low = num(low);
  if (!high.empty()) r.high = num(high);
  return r;
}

ItemList codes(std::initializer_list<std::string_view> items) {
  ItemList list;
  for (auto i : items) list.items.push_back({std::string(i), std::nullopt});
  return list;
}

ItemList ids(std::initializer_list<std::int64_t> items) {
  ItemList list;
  for (auto i : items) list.items.push_back({std::to_string(i), i});
  return list;
}

Word word(std::string_view text) {
  return {std::string(text)};
}

constexpr Context kReq = Context::request;
constexpr Context kSub = Context::subscription;

struct GoodCase {
  std::string_view input;  // one body line
  Context context;
  EnvironmentValue expected;
  std::string_view canonical = {};  // the written line; empty: the input itself
  std::size_t warnings = 0;
};

std::ostream& operator<<(std::ostream& os, const GoodCase& c) {
  return os << c.input;
}

struct BadCase {
  std::string_view input;
  Context context;
  int column;
  std::string_view fragment;
  std::string_view rule;
};

std::ostream& operator<<(std::ostream& os, const BadCase& c) {
  return os << c.input;
}

// Every environment keyword, at least once (EveryKeywordIsCovered checks it).
const GoodCase kGood[] = {
    {"arrival_list 8971234,90814", kReq, ids({8971234, 90814}), "arrival_list 8971234, 90814"},
    {"arrival_list *", kReq, codes({"*"})},
    {"arrival_list", kReq, NoArgument{}},
    {"aux_list chi, med", kReq, codes({"chi", "med"}), {}, 1},
    {"aux_list *", kReq, codes({"*"}), {}, 1},
    {"beam_list fkb", kReq, codes({"fkb"})},
    {"bull_type sel1", kReq, word("sel1")},
    {"bull_type REB", kReq, word("REB")},
    {"bull_type idc_nseb", kReq, word("idc_nseb")},
    {"bull_type NSEB_FR", kSub, word("NSEB_FR")},
    {"bull_type", kReq, NoArgument{}},
    {"chan_list SHZ , SHN , SHE", kReq, codes({"SHZ", "SHN", "SHE"}), "chan_list SHZ, SHN, SHE"},
    {"chan_list *Z", kReq, codes({"*Z"})},
    {"chan_list s*", kReq, codes({"s*"})},
    {"comm_list any_ndc", kReq, codes({"any_ndc"})},
    {"comm_list *", kReq, codes({"*"})},
    {"depth 0 to 10", kReq, range("0", "10")},
    {"depth to 30", kSub, range("", "30")},
    {"depth_conf 0.990", kReq, num("0.990")},
    {"depth_kvalue 30.0", kSub, num("30.0")},
    {"depth_minus_error to 10", kReq, range("", "10")},
    {"depth_thresh 20.0", kReq, num("20.0")},
    {"event_list 510, 512", kReq, ids({510, 512})},
    {"event_sta_dist 0.0 to 20.0", kReq, range("0.0", "20.0")},
    {"event_sta_dist 0 to 20", kSub, range("0", "20")},
    {"group_bull_list sel2", kReq, codes({"sel2"})},
    {"group_bull_list SEL3, neb_fr", kReq, codes({"SEL3", "neb_fr"})},
    {"hydro_cp_thresh 7.0", kReq, num("7.0")},
    {"hydro_te_thresh 15.0", kReq, num("15.0")},
    {"lat -12 to 17", kReq, range("-12", "17")},
    {"lat -90 to 0.0", kReq, range("-90", "0.0")},
    {"lat  60   TO   90", kReq, range("60", "90"), "lat 60 to 90"},
    {"loc_conf 0.99", kReq, num("0.99")},
    {"lon -175 to 175", kReq, range("-175", "175")},
    {"lon 175 to -175", kReq, range("175", "-175")},  // a 10 degree swath across the date line
    {"lon", kReq, NoArgument{}},
    {"mag 5.0 to", kReq, range("5.0", "")},
    {"mag 4.0 to 6.0", kReq, range("4.0", "6.0")},
    {"mag_type mb, Ms", kReq, codes({"mb", "Ms"})},
    {"mag_type ML", kSub, codes({"ML"})},
    {"magpref_mb mb_mle", kReq, word("mb_mle")},
    {"magpref_ms ms_mle", kReq, word("ms_mle")},
    {"mb_err 0.35", kReq, num("0.35")},
    {"mb_minus_ms 0.5 to", kReq, range("0.5", "")},
    {"mb_minus_ms -1 to 1", kReq, range("-1", "1")},
    {"mbms_conf 0.99", kReq, num("0.99")},
    {"mbms_slope 1.50", kSub, num("1.50")},
    {"mbms_thresh 3.50", kReq, num("3.50")},
    {"min_dp_snr_pp 2.5", kReq, num("2.5")},
    {"min_dp_snr_sp 2.5", kReq, num("2.5")},
    {"min_mb 4.0", kReq, num("4.0")},
    {"min_moveout_pp 1.0", kReq, num("1.0")},
    {"min_moveout_sp 2", kReq, num("2")},
    {"min_ndef 4", kReq, num("4")},
    {"min_ndp_pp 2", kReq, num("2")},
    {"min_ndp_sp 5", kReq, num("5")},
    {"min_nsta_ms 2", kReq, num("2")},
    {"min_wdepth_thresh 0.7", kReq, num("0.7")},
    {"ms_err 0.35", kReq, num("0.35")},
    {"ms_err", kReq, NoArgument{}},
    {"origin_list 132456,190672", kReq, ids({132456, 190672}), "origin_list 132456, 190672"},
    {"reg_conf 0.990", kReq, num("0.990")},
    {"relative_to bulletin", kReq, word("bulletin"), {}, 1},
    {"relative_to ORIGIN", kSub, word("ORIGIN"), {}, 1},
    {"sta_list WRA, YKA, BOSA, LPAZ", kReq, codes({"WRA", "YKA", "BOSA", "LPAZ"})},
    {"sta_list a*", kReq, codes({"a*"})},
    {"sta_list FRP27 ,RUP54", kReq, codes({"FRP27", "RUP54"}), "sta_list FRP27, RUP54"},
    {"time 1999/02/23 to 1999/03/10 14:37:02", kReq, NoArgument{}},  // values checked in the TIME tests
    {"time_stamp", kReq, NoArgument{}},
    {"delivid_list 32, 33", kSub, ids({32, 33})},
    {"prodid_list 74", kSub, ids({74})},
    {"subscr_list 52,57", kSub, ids({52, 57}), "subscr_list 52, 57"},
    {"subscr_name seb", kSub, codes({"seb"})},
    {"min_dp_snr 1.5", kSub, num("1.5"), {}, 1},
    {"min_moveout 2.5", kSub, num("2.5"), {}, 1},
    {"min_ndp 1", kSub, num("1"), {}, 1},
    {"reg_min_psnr 1.5", kSub, num("1.5"), {}, 1},
    {"reg_min_ssnr 1.5", kReq, num("1.5"), {}, 1},
};

// Every environment keyword, at least once; the column is the offending token's or character's.
const BadCase kBad[] = {
    {"arrival_list 12, abc", kReq, 18, "'abc' is not an arrival id", "4.6.1"},
    {"arrival_list a*", kReq, 15, "wildcard '*' not allowed", "4.6.1"},
    {"aux_list toolong", kReq, 10, "too long", "4.6.2"},
    {"beam_list fk*", kReq, 13, "wildcard '*' not allowed", "4.6.3"},
    {"bull_type foo", kReq, 11, "unknown value 'foo'", "4.6.4"},
    {"bull_type reb, sel1", kReq, 14, "takes only one value", "4.6.4"},
    {"bull_type reb sel1", kReq, 15, "takes only one value", "4.6.4"},
    {"bull_type neb_", kSub, 11, "unknown value 'neb_'", "4.6.4"},
    {"chan_list BHZZ", kReq, 11, "too long", "4.6.5"},
    {"chan_list SHZ SHN", kReq, 15, "without a comma", "4.6.5"},
    {"chan_list SHZ,,SHN", kReq, 15, "empty item", "4.6.5"},
    {"chan_list SHZ,", kReq, 14, "ends with a comma", "4.6.5"},
    {"chan_list ,SHZ", kReq, 11, "empty item", "4.6.5"},
    {"comm_list any*", kReq, 14, "wildcard '*' not allowed", "4.6.6"},
    {"depth 10 to 0", kReq, 13, "is above the high limit", "4.6.7"},
    {"depth 5", kReq, 7, "expected a range", "4.6.7"},
    {"depth_conf 1.5", kReq, 12, "out of range", "4.6.8"},
    {"depth_conf high", kReq, 12, "is not a number", "4.6.8"},
    {"depth_kvalue -1", kReq, 14, "out of range", "4.6.9"},
    {"depth_minus_error 1 to 2 to 3", kReq, 26, "only one 'to'", "4.6.10"},
    {"depth_thresh 20.0 km", kReq, 19, "unexpected 'km'", "4.6.11"},
    {"event_list -5", kReq, 12, "is not an event id", "4.6.12"},
    {"event_sta_dist 0 to 200", kReq, 21, "out of range", "4.6.13"},
    {"event_sta_dist 0 10 to 20", kReq, 18, "each limit", "4.6.13"},
    {"group_bull_list idc_neb", kReq, 17, "unknown value 'idc_neb'", "4.6.14"},
    {"hydro_cp_thresh 1e3", kReq, 17, "is not a number", "4.6.15"},
    {"hydro_te_thresh 15,0", kReq, 17, "is not a number", "4.6.16"},
    {"lat 20 to 10", kReq, 11, "not below", "4.6.17"},
    {"lat 10 to 10", kReq, 11, "not below", "4.6.17"},
    {"lat -95 to 0", kReq, 5, "out of range", "4.6.17"},
    {"loc_conf -0.1", kReq, 10, "out of range", "4.6.18"},
    {"lon 120 to", kReq, 9, "both limits or neither", "4.6.19"},
    {"lon to 120", kReq, 5, "both limits or neither", "4.6.19"},
    {"lon 190 to 10", kReq, 5, "out of range", "4.6.19"},
    {"mag five to 6", kReq, 5, "'five' is not a number", "4.6.20"},
    {"mag_type mw", kReq, 10, "unknown value 'mw'", "4.6.21"},
    {"magpref_mb ms_ave", kReq, 12, "unknown value 'ms_ave'", "4.6.22"},
    {"magpref_ms mb", kReq, 12, "unknown value 'mb'", "4.6.23"},
    {"mb_err -0.35", kReq, 8, "out of range", "4.6.24"},
    {"mb_minus_ms 0.5 to x", kReq, 20, "'x' is not a number", "4.6.25"},
    {"mbms_conf 2", kReq, 11, "out of range", "4.6.26"},
    {"mbms_slope 0", kReq, 12, "out of range", "4.6.27"},
    {"mbms_thresh 3.5.1", kReq, 13, "is not a number", "4.6.28"},
    {"min_dp_snr_pp -1", kReq, 15, "out of range", "4.6.29"},
    {"min_dp_snr_sp snr", kReq, 15, "is not a number", "4.6.30"},
    {"min_mb 4.0 5.0", kReq, 12, "unexpected '5.0'", "4.6.31"},
    {"min_moveout_pp -2", kReq, 16, "out of range", "4.6.32"},
    {"min_moveout_sp .", kReq, 16, "is not a number", "4.6.33"},
    {"min_ndef 3.5", kReq, 10, "is not an integer", "4.6.34"},
    {"min_ndp_pp 2.0", kReq, 12, "is not an integer", "4.6.35"},
    {"min_ndp_sp -1", kReq, 12, "out of range", "4.6.36"},
    {"min_nsta_ms 0", kReq, 13, "out of range", "4.6.37"},
    {"min_wdepth_thresh -0.7", kReq, 19, "out of range", "4.6.38"},
    {"ms_err x", kReq, 8, "is not a number", "4.6.39"},
    {"origin_list *, 5", kReq, 13, "cannot be combined", "4.6.40"},
    {"reg_conf 1.01", kReq, 10, "out of range", "4.6.41"},
    {"relative_to waveform", kReq, 13, "unknown value 'waveform'", "4.6.42"},
    {"sta_list ABCDEF", kReq, 10, "too long", "4.6.43"},
    {"sta_list AB;CD", kReq, 12, "unexpected ';'", "4.6.43"},
    {"time 2021/12/001 to 2021/12/02", kReq, 14, "not a valid date", "3.5.9"},
    {"time now to 1999/01/01", kReq, 6, "only in the TIME line of a subscription", "5.4.2"},
    {"time 1999/03/01 to 1999/02/01", kReq, 20, "before its start", "4.6.44"},
    {"time 1999/03/01", kReq, 6, "expected a time range", "4.6.44"},
    {"time_stamp on", kReq, 12, "takes no argument", "4.6.45"},
    {"delivid_list *", kSub, 14, "wildcard '*' not allowed", "5.5.1"},
    {"delivid_list 32", kReq, 1, "used only in subscription messages", "5.5.1"},
    {"prodid_list 7a", kSub, 13, "is not a product id", "5.5.2"},
    {"subscr_list 52 57", kSub, 16, "without a comma", "5.5.3"},
    {"subscr_name se*", kSub, 15, "wildcard '*' not allowed", "5.5.4"},
    {"min_dp_snr x", kSub, 12, "is not a number", "4.6.29"},
    {"min_moveout -1", kSub, 13, "out of range", "4.6.32"},
    {"min_ndp 1.5", kSub, 9, "is not an integer", "4.6.35"},
    {"reg_min_psnr x", kSub, 14, "is not a number", "4.6.41"},
    {"reg_min_ssnr 1 2", kSub, 16, "unexpected '2'", "4.6.41"},
};

// Reads one body line in a request or a subscription message: its lines and the diagnostics.
std::pair<std::vector<BodyLine>, Diagnostics> read_one(std::string_view line, Context context) {
  const std::string body = std::string(line) + "\n";
  if (context == kSub) {
    auto r = testing::read_subscription(body);
    return {std::move(r.body.lines), std::move(r.diagnostics)};
  }
  auto r = testing::read_request(body);
  return {std::move(r.body.lines), std::move(r.diagnostics)};
}

class GoodEnvironment : public ::testing::TestWithParam<GoodCase> {};

TEST_P(GoodEnvironment, ReadsTheValueAndWritesItBack) {
  const GoodCase& c = GetParam();
  const auto [lines, d] = read_one(c.input, c.context);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  EXPECT_EQ(d.warning_count(), c.warnings) << dump(d);
  ASSERT_EQ(lines.size(), 1u);
  const auto* env = std::get_if<EnvironmentLine>(&lines[0]);
  ASSERT_NE(env, nullptr);
  const std::string_view keyword = c.input.substr(0, c.input.find(' '));
  EXPECT_EQ(env->keyword, find_env(keyword)->keyword);
  EXPECT_EQ(env->source.number, kFirstBodyLine);
  if (env->keyword != EnvKeyword::time) {
    EXPECT_TRUE(env->value == c.expected);
  }
  EXPECT_EQ(write_line(lines[0], KeywordCase::lower), c.canonical.empty() ? c.input : c.canonical);
}

INSTANTIATE_TEST_SUITE_P(EnvironmentGrammar, GoodEnvironment, ::testing::ValuesIn(kGood));

class BadEnvironment : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadEnvironment, ReportsTheOffendingTokenAndLeavesTheLineOut) {
  const BadCase& c = GetParam();
  const auto [lines, d] = read_one(c.input, c.context);
  EXPECT_TRUE(lines.empty());
  EXPECT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_TRUE(has(d, Severity::error, kFirstBodyLine, c.column, c.fragment, c.rule)) << dump(d);
}

INSTANTIATE_TEST_SUITE_P(EnvironmentGrammar, BadEnvironment, ::testing::ValuesIn(kBad));

TEST(EnvironmentGrammar, EveryKeywordIsCovered) {
  std::set<EnvKeyword> good, bad;
  for (const auto& c : kGood) good.insert(find_env(c.input.substr(0, c.input.find(' ')))->keyword);
  for (const auto& c : kBad) bad.insert(find_env(c.input.substr(0, c.input.find(' ')))->keyword);
  for (const auto& spec : env_specs()) {
    EXPECT_TRUE(good.count(spec.keyword)) << spec.name << " has no good form";
    EXPECT_TRUE(bad.count(spec.keyword)) << spec.name << " has no bad form";
  }
}

TEST(EnvironmentGrammar, KeywordsAreCaseInsensitiveAndWrittenInTheMessageCase) {
  const auto r = testing::read_request("STA_LIST abc\nMag 4.5 To\n");
  ASSERT_EQ(r.body.lines.size(), 2u) << dump(r.diagnostics);
  EXPECT_EQ(write_line(r.body.lines[0], KeywordCase::lower), "sta_list abc");
  EXPECT_EQ(write_line(r.body.lines[1], KeywordCase::lower), "mag 4.5 to");
  EXPECT_EQ(write_line(r.body.lines[1], KeywordCase::upper), "MAG 4.5 TO");
}

TEST(EnvironmentGrammar, TimeKeepsItsWrittenPrecision) {
  const auto r = testing::read_request("time 1999/2/1 23:14:19.7 to 1999/3/1 12\n");
  ASSERT_EQ(r.body.lines.size(), 1u) << dump(r.diagnostics);
  const auto& env = std::get<EnvironmentLine>(r.body.lines[0]);
  const auto& range = std::get<TimeRange>(env.value);
  ASSERT_TRUE(range.from && range.to);
  EXPECT_EQ(range.from->at.precision, TimePrecision::second);
  EXPECT_EQ(range.from->at.fraction_digits, 1);
  EXPECT_EQ(write_fixed_date_time(range.from->at.time, 3), "1999/02/01 23:14:19.700");
  EXPECT_EQ(range.to->at.precision, TimePrecision::hour);
  EXPECT_EQ(write_fixed_date_time(range.to->at.time, 0), "1999/03/01 12:00:00");
  EXPECT_EQ(write_line(r.body.lines[0], KeywordCase::lower), "time 1999/02/01 23:14:19.7 to 1999/03/01 12");
  EXPECT_EQ(write_line(r.body.lines[0], KeywordCase::upper), "TIME 1999/02/01 23:14:19.7 TO 1999/03/01 12");
}

TEST(EnvironmentGrammar, TimeAcceptsOpenEndsAndPartialDatesWithAWarning) {
  const auto r = testing::read_request("time 1999 to\n");
  ASSERT_EQ(r.body.lines.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.error_count(), 0u);
  EXPECT_TRUE(has(r.diagnostics, Severity::warning, 4, 6, "partial date", "4.6.44")) << dump(r.diagnostics);
  const auto& range = std::get<TimeRange>(std::get<EnvironmentLine>(r.body.lines[0]).value);
  EXPECT_FALSE(range.to.has_value());
  EXPECT_EQ(range.from->at.precision, TimePrecision::year);
}

TEST(EnvironmentGrammar, NumbersKeepTheirSpellingAndValue) {
  const auto r = testing::read_request("mag 4.0 to 6.0\ndepth_conf .5\n");
  ASSERT_EQ(r.body.lines.size(), 2u) << dump(r.diagnostics);
  const auto& mag = std::get<NumberRange>(std::get<EnvironmentLine>(r.body.lines[0]).value);
  EXPECT_EQ(mag.low->text, "4.0");
  EXPECT_DOUBLE_EQ(mag.low->value, 4.0);
  EXPECT_EQ(mag.high->text, "6.0");
  const auto& conf = std::get<Number>(std::get<EnvironmentLine>(r.body.lines[1]).value);
  EXPECT_DOUBLE_EQ(conf.value, 0.5);
}

TEST(EnvironmentGrammar, ContinuationJoinsALongListAndPositionsStayPhysical) {
  const auto r = testing::read_request("sta_list ABC, DEF,\\\nGHI, JK;L\n");
  EXPECT_TRUE(r.body.lines.empty());
  EXPECT_TRUE(has(r.diagnostics, Severity::error, 5, 8, "unexpected ';'", "4.6.43")) << dump(r.diagnostics);
  const auto ok = testing::read_request("sta_list ABC, DEF,\\\nGHI\n");
  ASSERT_EQ(ok.body.lines.size(), 1u) << dump(ok.diagnostics);
  EXPECT_TRUE(std::get<EnvironmentLine>(ok.body.lines[0]).value ==
              EnvironmentValue{codes({"ABC", "DEF", "GHI"})});
}

TEST(EnvironmentGrammar, DefaultsComeFromTheTable) {
  EXPECT_TRUE(default_value(EnvKeyword::chan_list) == EnvironmentValue{codes({"*Z"})});
  EXPECT_TRUE(default_value(EnvKeyword::sta_list) == EnvironmentValue{codes({"*"})});
  EXPECT_TRUE(default_value(EnvKeyword::depth_conf) == EnvironmentValue{num("0.975")});
  EXPECT_TRUE(default_value(EnvKeyword::magpref_ms) == EnvironmentValue{word("ms_ave")});
  EXPECT_TRUE(default_value(EnvKeyword::min_nsta_ms) == EnvironmentValue{num("1")});
  EXPECT_TRUE(default_value(EnvKeyword::bull_type) == EnvironmentValue{NoArgument{}});
  EXPECT_TRUE(default_value(EnvKeyword::beam_list) == EnvironmentValue{NoArgument{}});
  EXPECT_TRUE(default_value(EnvKeyword::time) == EnvironmentValue{NoArgument{}});
}

}  // namespace
}  // namespace imsgate::ims2::request
