#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "request_test_util.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::request {
namespace {

using testing::dump;
using testing::has;

// The complete request and subscription messages among the spec's listings: every 4.x and 5.x listing except
// the fragments 4.1 and 4.2 and the data messages 5.2, 5.3, 5.35, 5.37 and 5.40, plus the unnumbered REVSAMP
// request.
std::vector<std::string> complete_listings() {
  const std::set<std::string> skipped = {"4.1", "4.2", "5.2", "5.3", "5.35", "5.37", "5.40"};
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(imsgate::testing::listings_dir())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".msg") continue;
    const std::string number = name.substr(0, name.find('-'));
    const bool chapter_4_or_5 = name.starts_with("4.") || name.starts_with("5.");
    if ((chapter_4_or_5 && !skipped.count(number)) || name.starts_with("unnumbered-4.7.28"))
      out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string text_of(const std::string& name) {
  return imsgate::testing::read_file(imsgate::testing::listings_dir() / name);
}

// Listings that the canonical writer changes: a list written with a blank before its comma, a date-time with
// its zeros dropped, and request keywords in upper case in a lower-case message.
const std::set<std::string> kNotCanonical = {
    "4.10-arr-request.msg",                                   // sta_list FRP27 , RUP54
    "4.3-waveform-request-relative-to-reb.msg",               // time 1999/1/9 1:00 to 1999/1/9 1:15
    "4.4-bulletin-and-waveform-request-relative-to-reb.msg",  // same
    "5.28-rrr-subscription.msg",                              // RRR
    "5.29-sampml-subscription.msg",                           // SAMPML
    "5.8-arr-subscription.msg",                               // ARR
};

struct ExpectedWarning {
  int line;
  std::string_view fragment;
  std::string_view rule;
};

// Every warning the listings give: IDC-unsupported items (Appendix IV, 4.6.42) and Listing 5.13's legacy
// names.
const std::map<std::string, std::vector<ExpectedWarning>> kWarnings = {
    {"4.20-channel-request.msg",
     {{8, "CHANNEL with LAT is not supported at the IDC", "IV"},
      {8, "CHANNEL with LON is not supported", "IV"}}},
    {"4.22-comment-request.msg", {{6, "COMMENT is not supported at the IDC", "IV"}}},
    {"4.29-network-request.msg", {{7, "NETWORK is not supported at the IDC", "IV"}}},
    {"4.3-waveform-request-relative-to-reb.msg", {{7, "RELATIVE_TO is not supported", "4.6.42"}}},
    {"4.4-bulletin-and-waveform-request-relative-to-reb.msg",
     {{8, "RELATIVE_TO is not supported", "4.6.42"}}},
    {"4.42-station-request-selected.msg", {{6, "STATION with LAT is not supported at the IDC", "IV"}}},
    {"5.13-bulletin-subscription-neb.msg",
     {{14, "'min_dp_snr' is a legacy name: read as MIN_DP_SNR_PP and MIN_DP_SNR_SP", "4.6.29"},
      {16, "'min_moveout' is a legacy name: read as MIN_MOVEOUT_PP and MIN_MOVEOUT_SP", "4.6.32"},
      {18, "'min_ndp' is a legacy name: read as MIN_NDP_PP and MIN_NDP_SP", "4.6.35"},
      {23, "'reg_min_psnr' is a legacy keyword", "4.6"},
      {24, "'reg_min_ssnr' is a legacy keyword", "4.6"}}},
    {"5.17-comm-status-subscription.msg",
     {{6, "COMM_STATUS subscriptions are not supported at the IDC", "IV"}}},
};

class RequestListing : public ::testing::TestWithParam<std::string> {};

TEST_P(RequestListing, ReadsWithoutErrorsAndOnlyTheExpectedWarnings) {
  const auto result = read_messages(text_of(GetParam()));
  ASSERT_EQ(result.messages.size(), 1u) << dump(result.diagnostics);
  EXPECT_TRUE(std::holds_alternative<RequestMessage>(result.messages[0]) ||
              std::holds_alternative<SubscriptionMessage>(result.messages[0]));
  EXPECT_EQ(result.diagnostics.error_count(), 0u) << dump(result.diagnostics);
  const auto found = kWarnings.find(GetParam());
  const std::size_t expected = found == kWarnings.end() ? 0 : found->second.size();
  EXPECT_EQ(result.diagnostics.warning_count(), expected) << dump(result.diagnostics);
  if (found == kWarnings.end()) return;
  for (const auto& w : found->second) {
    EXPECT_TRUE(has(result.diagnostics, Severity::warning, w.line, 1, w.fragment, w.rule))
        << w.fragment << "\n"
        << dump(result.diagnostics);
  }
}

TEST_P(RequestListing, RoundTripsToTheSameModel) {
  const auto first = read_messages(text_of(GetParam()));
  const std::string written = write_messages(first.messages);
  const auto second = read_messages(written);
  EXPECT_EQ(second.diagnostics.error_count(), 0u) << dump(second.diagnostics);
  EXPECT_TRUE(first.messages == second.messages) << written;
  EXPECT_EQ(write_messages(second.messages), written);  // the canonical form is a fixed point
}

TEST_P(RequestListing, CanonicalListingsComeBackByteIdentical) {
  const std::string text = text_of(GetParam());
  const std::string written = write_messages(read_messages(text).messages);
  if (kNotCanonical.count(GetParam())) {
    EXPECT_NE(written, text);
  } else {
    EXPECT_EQ(written, text);
  }
}

INSTANTIATE_TEST_SUITE_P(Chapters4And5, RequestListing, ::testing::ValuesIn(complete_listings()),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.find(".msg"));
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(RequestListings, EightyCompleteMessagesAreCovered) {
  // 42 numbered request listings (4.3-4.44) + the unnumbered REVSAMP request + 37 subscription listings.
  EXPECT_EQ(complete_listings().size(), 42u + 1u + 37u);
}

TEST(RequestListings, UpperCaseMessagesAreWrittenInUpperCase) {
  const auto result = read_messages(
      "BEGIN IMS2.0\nMSG_TYPE SUBSCRIPTION\nMSG_ID 1 ANY_NDC\nE-MAIL a@b.c\nFREQ IMMEDIATE\nTIME NOW TO "
      "FOREVER\n"
      "BULL_TYPE REB\nLAT -10 TO 10\nBULLETIN IMS2.0:SHORT\nSTOP\n");
  ASSERT_FALSE(result.diagnostics.has_errors()) << dump(result.diagnostics);
  EXPECT_EQ(write_messages(result.messages),
            "BEGIN IMS2.0\nMSG_TYPE SUBSCRIPTION\nMSG_ID 1 ANY_NDC\nE-MAIL a@b.c\nFREQ IMMEDIATE\nTIME NOW "
            "TO FOREVER\n"
            "BULL_TYPE REB\nLAT -10 TO 10\nBULLETIN IMS2.0:SHORT\nSTOP\n");
}

TEST(RequestListings, BlankLinesAndExtraBlanksAreDroppedByTheWriter) {
  const auto result = read_messages(
      "begin ims2.0\nmsg_type request\nmsg_id 1\n\n   time   1999/01/01   to 1999/01/02  \n\nack "
      "false\nbull_type "
      "reb\n  bulletin    ims2.0\nhelp\nstop\n");
  ASSERT_FALSE(result.diagnostics.has_errors()) << dump(result.diagnostics);
  EXPECT_EQ(
      write_messages(result.messages),
      "begin ims2.0\nmsg_type request\nmsg_id 1\ntime 1999/01/01 to 1999/01/02\nack false\nbull_type reb\n"
      "bulletin ims2.0\nhelp\nstop\n");
}

}  // namespace
}  // namespace imsgate::ims2::request
