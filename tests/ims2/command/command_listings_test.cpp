// The syntax listings of chapter 8 are templates, not messages: each one is read, and the first error it
// gives and the error that shows its template nature are recorded here.
#include <filesystem>

#include <gtest/gtest.h>

#include "command_test_support.hpp"
#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::command {
namespace {

struct Expected {
  int line;
  int column;
  std::string rule;
  std::string fragment;
};

struct Listing {
  std::string file;
  Expected first;           // the first error of the file
  Expected characteristic;  // what makes it a template rather than a message
};

const Expected kBadMsgId{3, 20, "3.2", "unexpected 'source]' at the end of the MSG_ID line"};
const Expected kBadEmail{4, 8, "8.2", "'address' is not an e-mail address: expected name@host"};
const Expected kBadTimeStamp{
    5, 12, "8.3", "TIME_STAMP: 'yyyy/mm/dd' is not a valid date: the year must have 4 digits (yyyy/mm/dd)"};

const Listing kListings[] = {
    {"8.1-calibrate-confirm-syntax.msg", kBadMsgId, {7, 1, "8.5.3", "'[chan_list' is not a keyword"}},
    {"8.2-calibrate-result-syntax.msg",
     kBadMsgId,
     {9, 13, "8.5.4", "unexpected '|' at the end of the IN_SPEC line"}},
    {"8.3-special-measurement-start-syntax.msg",
     kBadEmail,
     {7, 16, "8.6.2", "unexpected '|' after DETBKPHD_START: the command line has no arguments"}},
    {"8.4-special-measurement-confirm-syntax.msg",
     kBadTimeStamp,
     {7, 18, "8.6.3", "unexpected '|' after DETBKPHD_CONFIRM"}},
    {"8.5-change-decay-syntax.msg",
     kBadEmail,
     {9, 12, "8.7.1", "expected the decay time in hours (a number), found 'hours'"}},
    {"8.6-decay-changed-syntax.msg", kBadTimeStamp, {8, 22, "8.7.2", "'srid' is not a sample reference id"}},
    {"8.7-send-sample-syntax.msg",
     kBadEmail,
     {8, 10, "8.8.1", "expected URGENT or ROUTINE after PRIORITY, found 'urgent|routine'"}},
    {"8.8-sample-sent-syntax.msg", kBadMsgId, {9, 6, "8.8.2", "MASS needs two masses in grams"}},
    {"8.9-sample-notsent-syntax.msg",
     kBadMsgId,
     {8, 6, "8.8.3", "'cyyyyymmddhhpp' is not a sample reference id"}},
    {"8.10-sample-received-syntax.msg",
     kBadTimeStamp,
     {9, 9, "8.8.4", "ARRIVAL: 'yyyy/mm/dd' is not a valid date"}},
    {"8.11-update-calibpairs-syntax.msg",
     kBadEmail,
     {6, 10, "8.9.1", "'station_code[' is not a station code"}},
    {"8.12-calibpairs-updated-syntax.msg",
     kBadTimeStamp,
     {6, 10, "8.9.2", "'station_code[' is not a station code"}},
    {"8.13-generate-keypair-syntax.msg", kBadEmail, {10, 1, "8.10.1", "'[pem' is not a keyword"}},
    {"8.14-keypair-generated-syntax.msg", kBadMsgId, {11, 1, "8.10.2", "'{certificate' is not a keyword"}},
    {"8.15-start-keypair-syntax.msg",
     kBadEmail,
     {11, 1, "8.11.1", "expected the PEM object itself after 'x509 certificate'"}},
    {"8.16-keypair-started-syntax.msg", kBadTimeStamp, {8, 1, "8.11.2", "'[auth_id' is not a keyword"}},
    {"8.17-update-crl-syntax.msg",
     {3, 20, "3.2", "unexpected 'source' at the end of the MSG_ID line"},
     {8, 1, "8.12.1", "expected the PEM object itself after 'x509 crl'"}},
    {"8.18-crl-updated-syntax.msg", kBadTimeStamp, {9, 1, "8.12.2", "'[start_time' is not a keyword"}},
    {"unnumbered-8.1-command-message-structure.msg",
     {2, 26, "3.2", "unexpected '|' at the end of the MSG_TYPE line"},
     {7, 1, "8.4", "unknown keyword 'cmnd_req'"}},
    {"unnumbered-8.5.2-calibrate-start-syntax.msg",
     kBadEmail,
     {11, 13, "8.5.2", "expected a CALIB_PARAM value (a number), found 'seconds['"}},
};

TEST(CommandListings, EveryTemplateOfChapter8GivesItsErrors) {
  for (const auto& l : kListings) {
    SCOPED_TRACE(l.file);
    const ReadResult r =
        read_messages(imsgate::testing::read_file(imsgate::testing::listings_dir() / l.file));
    ASSERT_EQ(r.messages.size(), 1u) << testing::dump(r.diagnostics);
    const Diagnostic* first = testing::first_error(r.diagnostics);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->line, l.first.line) << testing::dump(r.diagnostics);
    EXPECT_EQ(first->column, l.first.column) << testing::dump(r.diagnostics);
    EXPECT_EQ(first->rule, l.first.rule) << testing::dump(r.diagnostics);
    EXPECT_NE(first->message.find(l.first.fragment), std::string::npos) << testing::dump(r.diagnostics);
    const Expected& c = l.characteristic;
    EXPECT_TRUE(testing::has(r.diagnostics, Severity::error, c.line, c.column, c.rule, c.fragment))
        << testing::dump(r.diagnostics);
  }
}

TEST(CommandListings, TheTableCoversEveryCommandListingFile) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(imsgate::testing::listings_dir())) {
    const auto name = entry.path().filename().string();
    if (name.ends_with(".msg") && (name.starts_with("8.") || name.starts_with("unnumbered-8"))) ++files;
  }
  EXPECT_EQ(files, std::size(kListings));
}

}  // namespace
}  // namespace imsgate::ims2::command
