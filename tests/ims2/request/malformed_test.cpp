#include <gtest/gtest.h>

#include "request_test_util.hpp"

namespace imsgate::ims2::request {
namespace {

using testing::dump;
using testing::has;

enum class Kind { request, subscription };

// One malformed body (its first line is line 4) and the one error it must give.
struct Malformed {
  std::string_view name;
  Kind kind;
  std::string_view body;
  int line;
  int column;
  std::string_view fragment;
  std::string_view rule;
};

std::ostream& operator<<(std::ostream& os, const Malformed& m) {
  return os << m.name;
}

constexpr Kind kReq = Kind::request;
constexpr Kind kSub = Kind::subscription;

const Malformed kCatalogue[] = {
    {"UnknownKeyword", kReq, "xyz 1\n", 4, 1, "unknown keyword 'xyz'", "4.7"},
    {"UnknownKeywordInSubscription", kSub, "freq daily\nstations *\n", 5, 1, "unknown keyword 'stations'",
     "5.6"},
    {"MisspelledRequestLine", kReq, "time 1999/01/01 to 1999/01/02\nbulletins ims2.0\n", 5, 1,
     "unknown keyword 'bulletins'", "4.7"},
    {"NotANumber", kReq, "time 1999/01/01 to 1999/01/02\nmag 4.x to 5\nbull_type reb\nbulletin ims2.0\n", 5,
     5, "'4.x' is not a number", "4.6.20"},
    {"LatitudeLowNotBelowHigh", kReq, "lat 20 to -20\n", 4, 11, "not below", "4.6.17"},
    {"LatitudeOutOfRange", kReq, "lat 0 to 91\n", 4, 10, "out of range", "4.6.17"},
    {"HalfOpenLongitude", kReq, "lon 10 to\n", 4, 8, "both limits or neither", "4.6.19"},
    {"WildcardInIdList", kReq, "event_list 5*\n", 4, 13, "wildcard '*' not allowed", "4.6.12"},
    {"ListWithoutCommas", kReq, "sta_list ABC DEF\n", 4, 14, "without a comma", "4.6.43"},
    {"ListEndsWithComma", kReq, "chan_list BHZ,\n", 4, 14, "ends with a comma", "4.6.5"},
    {"BulletinTypeNotInSet", kReq, "bull_type reb2\n", 4, 11, "unknown value 'reb2'", "4.6.4"},
    {"BadDate", kReq, "time 2021/12/001 to 2021/12/02\n", 4, 14, "not a valid date", "3.5.9"},
    {"TwentyFourHundred", kReq, "time 1999/01/01 24:00 to 1999/01/03\n", 4, 17, "hour 24 out of 0..23",
     "3.5.9"},
    {"NowInARequest", kReq, "time now to 1999/01/01\n", 4, 6, "only in the TIME line of a subscription",
     "5.4.2"},
    {"TimeEndBeforeStart", kSub, "time 2030/01/02 to 2030/01/01\n", 4, 20, "before its start", "4.6.44"},
    {"ConfidenceAboveOne", kReq, "depth_conf 1.5\n", 4, 12, "out of range", "4.6.8"},
    {"IntegerExpected", kReq, "min_ndef 2.5\n", 4, 10, "is not an integer", "4.6.34"},
    {"TwoTosInARange", kReq, "mag 1 to 2 to 3\n", 4, 12, "only one 'to'", "4.6.20"},
    {"TimeStampWithArgument", kReq, "time_stamp yes\n", 4, 12, "takes no argument", "4.6.45"},
    {"MissingBulletinType", kReq, "time 1999/01/01 to 1999/01/02\nbulletin ims2.0\n", 5, 1,
     "BULLETIN needs BULL_TYPE", "4.7"},
    {"MissingTime", kReq, "bull_type reb\norigin ims2.0\n", 5, 1, "ORIGIN needs TIME", "4.7"},
    {"MissingTimeForRadionuclides", kReq, "sta_list AUP*\nsphdf\n", 5, 1, "SPHDF needs TIME", "4.7"},
    {"CommentWithoutSelector", kReq, "time 1999/01/01 to 1999/01/02\ncomment ims2.0\n", 5, 1,
     "COMMENT needs one of", "4.7"},
    {"UnknownSubtype", kReq, "time 1999/01/01 to 1999/01/02\nbull_type reb\narrival:manual ims2.0\n", 6, 9,
     "unknown subtype 'manual' of ARRIVAL", "4.7.6"},
    {"SubtypeOnALineWithout", kReq, "time 1999/01/01 to 1999/01/02\nbull_type reb\nbulletin:long\n", 6, 9,
     "BULLETIN has no subtype", "4.7.8"},
    {"UnknownSubformat", kReq, "time 1999/01/01 to 1999/01/02\nwaveform ims2.0:cm7\n", 5, 17,
     "unknown sub_format 'cm7' of WAVEFORM", "4.7.34"},
    {"UnknownFormat", kReq, "time 1999/01/01 to 1999/01/02\nwaveform gse2.0:cm6\n", 5, 10,
     "unknown format 'gse2.0'", "4.7"},
    {"SubformatOnRadionuclideLine", kReq, "time 1999/01/01 to 1999/01/02\narr ims2.0:short\n", 5, 11,
     "ARR has no sub_format", "4.7.5"},
    {"ExtraTokenAfterFormat", kReq, "time 1999/01/01 to 1999/01/02\nbull_type reb\nbulletin ims2.0 long\n", 6,
     17, "unexpected 'long'", "4.7"},
    {"SubscriptionEnvironmentInARequest", kReq, "subscr_list 5\n", 4, 1, "used only in subscription messages",
     "5.5.3"},
    {"SubscribeInARequest", kReq, "subscribe\n", 4, 1, "SUBSCRIBE is a command of subscription messages",
     "5.6"},
    {"StationInASubscription", kSub, "station ims2.0\n", 4, 1,
     "STATION is not available in subscription messages", "5.6"},
    {"ExecsumInASubscription", kSub, "execsum ims2.0\n", 4, 1,
     "EXECSUM is not available in subscription messages", "5.6"},
    {"RequestEnvironmentInASubscription", kSub, "event_list 5\n", 4, 1,
     "EVENT_LIST is not used in subscription", "5.5"},
    {"FreqInARequest", kReq, "freq daily\n", 4, 1, "FREQ is a control line of subscription messages",
     "5.4.1"},
    {"FreqTwice", kSub, "freq daily\nfreq immediate\nbull_type reb\nbulletin\n", 5, 1, "FREQ given twice",
     "5.4.1"},
    {"FreqUnknownValue", kSub, "freq weekly\n", 4, 6, "unknown frequency 'weekly'", "5.4.1"},
    {"EmailTwice", kReq, "e-mail a@b.c\ne-mail c@d.e\n", 5, 1, "E-MAIL given twice", "4.4"},
    {"EmailWithoutAddress", kSub, "e-mail\n", 4, 1, "E-MAIL needs the address", "4.5"},
    {"AckNotABoolean", kReq, "e-mail a@b.c\nack maybe\n", 5, 5, "ACK takes TRUE or FALSE", "3.2.5"},
    {"ColonAfterEnvironment", kReq, "sta_list:abc\n", 4, 9, "only request lines take a ':subtype'", "4.7"},
    {"ChangeWithoutProductLine", kSub, "subscr_list 52\nchange\nlat 1 to 2\n", 5, 1,
     "CHANGE is not completed", "5.6.9"},
    {"ChangeWithoutSelector", kSub, "change\nlat 1 to 2\nbulletin\n", 4, 1, "CHANGE needs one of", "5.6.9"},
    {"UnsubscribeWithoutSelector", kSub, "unsubscribe\n", 4, 1, "UNSUBSCRIBE needs one of", "5.6.30"},
    {"UnsubscribeWithTwoSelectors", kSub, "subscr_list 1\nprodid_list 2\nunsubscribe\n", 6, 1,
     "takes one of SUBSCR_LIST, PRODID_LIST or SUBSCR_NAME; found PRODID_LIST and SUBSCR_LIST", "5.6.30"},
    {"ResendWithoutDeliveries", kSub, "subscr_list 52\nsubscr_resend\n", 5, 1,
     "SUBSCR_RESEND needs DELIVID_LIST", "5.6.29"},
    {"SubscribeWithoutName", kSub, "subscribe\n", 4, 1, "SUBSCRIBE needs SUBSCR_NAME", "5.6.26"},
    {"CommandWithArgument", kSub, "subscr_name seb\nsubscribe now\n", 5, 11, "SUBSCRIBE takes no argument",
     "5.6.26"},
    {"WaveformSubscriptionWithoutStations", kSub, "waveform ims2.0\n", 4, 1, "WAVEFORM needs STA_LIST",
     "5.6.31"},
    {"OneOffScreeningInASubscription", kSub, "bull_type idc_neb\n", 4, 11, "one-off screening", "5.5.5"},
    {"HelpInASubscription", kSub, "help\n", 4, 1, "HELP is a request line of request messages", "4.2"},
    {"WaveformRelativeToWithoutBulletin", kReq,
     "time 1999/01/01 to 1999/01/02\nrelative_to event\nwaveform\n", 6, 1,
     "WAVEFORM with RELATIVE_TO needs BULL_TYPE", "4.6.42"},
};

class MalformedMessage : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedMessage, GivesExactlyTheExpectedError) {
  const Malformed& m = GetParam();
  const Diagnostics d = m.kind == kReq ? testing::read_request(m.body).diagnostics
                                       : testing::read_subscription(m.body).diagnostics;
  EXPECT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_TRUE(has(d, Severity::error, m.line, m.column, m.fragment, m.rule)) << dump(d);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, MalformedMessage, ::testing::ValuesIn(kCatalogue),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(MalformedMessage, DiagnosticsFormatAsFileLineColumn) {
  const auto d = testing::read_request("time 1999/01/01 to 1999/01/02\nbulletin ims2.0\n").diagnostics;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(format_diagnostic(d.items()[0], "req.msg"),
            "req.msg:5:1: error: BULLETIN needs BULL_TYPE: give a 'bull_type' line before the request line "
            "[spec 4.7]");
}

TEST(MalformedMessage, StrictModeTurnsIdcWarningsIntoErrors) {
  const auto result =
      read_messages(testing::wrap("request", "sta_list ARCES\nnetwork ims2.0\n"), {.strict = true});
  EXPECT_EQ(result.diagnostics.error_count(), 1u) << dump(result.diagnostics);
  EXPECT_TRUE(has(result.diagnostics, Severity::error, 5, 1, "NETWORK is not supported at the IDC", "IV"));
}

}  // namespace
}  // namespace imsgate::ims2::request
