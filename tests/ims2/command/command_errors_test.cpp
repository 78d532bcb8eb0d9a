// Malformed command messages, each with the diagnostic it must give (line, column, rule), the warnings of the
// tolerant reader, and the check that a response answers its request.
#include <gtest/gtest.h>

#include "command_test_support.hpp"
#include "ims2/command/command.hpp"
#include "ims2/command/response_check.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::command {
namespace {

using testing::dump;
using testing::first_error;
using testing::has;

std::string lines(std::initializer_list<std::string_view> l) {
  std::string out;
  for (auto s : l) (out += s) += '\n';
  return out;
}

// Lines 1-3 of a request, lines 1-4 of a response.
const std::string kRequest = lines({"begin ims2.0", "msg_type command_request", "msg_id 1 IDC"});
const std::string kResponse =
    lines({"begin ims2.0", "msg_type command_response", "msg_id 2 DEX33", "ref_id 1 IDC"});
const std::string kHead =
    lines({"e-mail ops@idc.example.org", "time_stamp 2024/11/23 10:15:00"});  // lines 4-5
const std::string kStamp = lines({"time_stamp 2024/11/23 10:15:00"});         // line 5

std::string pem_without_end(const std::string& pem) {
  return pem.substr(0, pem.find("-----END"));
}

struct Case {
  std::string name;
  std::string text;
  int line;
  int column;
  std::string rule;
  std::string fragment;
};

std::vector<Case> catalogue() {
  return {
      {"MissingTimeStamp",
       kRequest +
           lines({"e-mail ops@idc.example.org", "sta_list DEX33", "change_decay", "decay_time 24", "stop"}),
       4, 1, "8.3", "needs a 'TIME_STAMP yyyy/mm/dd hh:mm:ss' line"},
      {"MissingEmailInARequest",
       kRequest + kStamp + lines({"sta_list DEX33", "change_decay", "decay_time 24", "stop"}), 4, 1, "8.2",
       "a command request needs an E-MAIL line"},
      {"MissingRefIdInAResponse",
       lines({"begin ims2.0", "msg_type command_response", "msg_id 2 DEX33", "time_stamp 2024/11/23 10:15:00",
              "sta_list DEX33", "calibpairs_updated", "stop"}),
       1, 1, "8.1", "a command response needs a REF_ID line"},
      {"ResponseKeywordInACommandRequest",
       kRequest + kHead +
           lines({"sta_list DEX33", "decay_changed", "new_decay_time 24 33202411230011X", "stop"}),
       7, 1, "8.4", "DECAY_CHANGED is a command response, but MSG_TYPE is command_request"},
      {"RequestKeywordInACommandResponse",
       kResponse + kStamp + lines({"sta_list DEX33", "change_decay", "decay_time 24", "stop"}), 7, 1, "8.4",
       "CHANGE_DECAY is a command request, but MSG_TYPE is command_response"},
      {"NoCommandLine", kRequest + kHead + lines({"sta_list DEX33", "decay_time 24", "stop"}), 8, 1, "8.4",
       "no command line: a command request holds one of CALIBRATE_START, DETBKPHD_START"},
      {"TwoCommandLines",
       kRequest + kHead +
           lines({"sta_list DEX33", "detbkphd_start", "start_time 2024/12/01 06:00:00", "duration 24",
                  "blankphd_start", "stop"}),
       10, 1, "8.4",
       "second command line BLANKPHD_START: a command message holds one command, here DETBKPHD_START"},
      {"UnknownKeyword",
       kRequest + kHead +
           lines({"sta_list DEX33", "change_decay", "decay_time 24", "reason maintenance", "stop"}),
       9, 1, "8.7.1", "unknown keyword 'reason': expected a line of CHANGE_DECAY: START_TIME, DECAY_TIME"},
      {"SensorIsNotYesOrNo",
       kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES", "sensor maybe", "type random",
                  "calib_param 600", "calibrate_start", "stop"}),
       8, 8, "8.5.2", "expected YES or NO after SENSOR, found 'maybe'"},
      {"TypeIsNotACalibrationType",
       kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES", "sensor no", "type square",
                  "calib_param 600", "calibrate_start", "stop"}),
       9, 6, "8.5.2", "expected RANDOM, SINE, PULSE or SWEEP after TYPE, found 'square'"},
      {"PriorityIsNotUrgentOrRoutine",
       kRequest + kHead +
           lines({"sta_list FRP27", "send_sample", "priority asap", "srid 27202411200012", "poc A",
                  "organization B", "address C", "stop"}),
       8, 10, "8.8.1", "expected URGENT or ROUTINE after PRIORITY, found 'asap'"},
      {"DurationIsNotANumber",
       kRequest + kHead +
           lines({"sta_list DEX33", "detbkphd_start", "start_time 2024/12/01 06:00:00", "duration twelve",
                  "stop"}),
       9, 10, "8.6.2", "expected the duration in hours (a number), found 'twelve'"},
      {"DurationIsNotPositive",
       kRequest + kHead +
           lines(
               {"sta_list DEX33", "detbkphd_start", "start_time 2024/12/01 06:00:00", "duration -4", "stop"}),
       9, 10, "8.6.2", "the duration in hours must be positive, found '-4'"},
      {"StartTimeWithMonth13",
       kRequest + kHead +
           lines(
               {"sta_list DEX33", "blankphd_start", "start_time 2024/13/01 06:00:00", "duration 24", "stop"}),
       8, 17, "8.6.2", "START_TIME: '2024/13/01' is not a valid date: month 13 out of 1..12"},
      {"HandoverAtHour25",
       kResponse + kStamp +
           lines({"sta_list FRP27", "sample_sent", "srid 27202411200012", "mass 312.4 155.8", "poc A",
                  "organization B", "address C", "courier D", "handover 2024/11/25 25:30:00",
                  "arrival 2024/11/27 10:00:00", "awb 176-12345675", "seal ABCDE12345678", "stop"}),
       14, 21, "8.8.2", "HANDOVER: '25:30:00' is not a valid time: hour 25 out of 0..23"},
      {"MissingPriority",
       kRequest + kHead +
           lines({"sta_list FRP27", "send_sample", "srid 27202411200012", "poc A", "organization B",
                  "address C", "stop"}),
       7, 1, "8.8.1", "SEND_SAMPLE needs a 'PRIORITY URGENT|ROUTINE' line"},
      {"MissingAddress",
       kRequest + kHead +
           lines({"sta_list FRP27", "send_sample", "priority routine", "srid 27202411200012", "poc A",
                  "organization B", "stop"}),
       7, 1, "8.8.1", "SEND_SAMPLE needs one or more 'ADDRESS text' lines"},
      {"MissingStaList", kRequest + kHead + lines({"change_decay", "decay_time 24", "stop"}), 6, 1, "8.7.1",
       "CHANGE_DECAY needs a 'STA_LIST station_code' line naming the station that is to execute it"},
      {"UnterminatedPemObject",
       kRequest + kHead + lines({"sta_list DEX33", "update_crl"}) + pem_without_end(testing::kCrl) + "stop\n",
       8, 1, "8.12.1", "PEM object '-----BEGIN X509 CRL-----' has no '-----END X509 CRL-----' line"},
      {"PemEndLineOfAnotherObject",
       kRequest + kHead + lines({"sta_list DEX33", "update_crl"}) + pem_without_end(testing::kCrl) +
           "-----END CERTIFICATE-----\nstop\n",
       13, 1, "8.12.1", "PEM object '-----BEGIN X509 CRL-----' ends with '-----END CERTIFICATE-----'"},
      {"CertificateWhereACrlIsExpected",
       kRequest + kHead + lines({"sta_list DEX33", "update_crl"}) + testing::kCertificate + "stop\n", 8, 1,
       "8.12.1", "expected the X.509 CRL ('-----BEGIN X509 CRL-----'), found '-----BEGIN CERTIFICATE-----'"},
      {"StartKeypairWithoutCertificate",
       kRequest + kHead + lines({"sta_list DEX33", "start_keypair", "stop"}), 7, 1, "8.11.1",
       "START_KEYPAIR needs the X.509 certificate of the new key: a PEM object from '-----BEGIN "
       "CERTIFICATE-----'"},
      {"PemObjectInACommandWithoutOne",
       kResponse + kStamp + lines({"sta_list DEX33", "keypair_started"}) + testing::kCertificate + "stop\n",
       8, 1, "8.11.2", "a PEM object is not part of KEYPAIR_STARTED"},
      {"SensorLineInACalibrateConfirm",
       kResponse + kStamp +
           lines({"sta_list ARCES", "start_time 2024/11/25 03:00:00", "sensor yes", "calibrate_confirm",
                  "stop"}),
       8, 1, "8.5.3", "SENSOR is not a line of CALIBRATE_CONFIRM: expected CHAN_LIST, START_TIME"},
      {"NotConfirmedInARequest",
       kRequest + kHead +
           lines({"sta_list DEX33", "detbkphd_start", "start_time not_confirmed", "duration 24", "stop"}),
       8, 12, "8.6.2",
       "NOT_CONFIRMED answers a request (8.5.3, 8.6.3): START_TIME of DETBKPHD_START needs a date-time"},
      {"ConfirmWithoutStartTime", kResponse + kStamp + lines({"sta_list DEX33", "calibphd_confirm", "stop"}),
       7, 1, "8.6.3", "CALIBPHD_CONFIRM needs a 'START_TIME yyyy/mm/dd hh:mm:ss' line"},
      {"SridTooShort",
       kResponse + kStamp +
           lines({"sta_list FRP27", "sample_received", "srid 2720241120", "arrival 2024/11/27 09:41:00",
                  "stop"}),
       8, 6, "8.8.4", "'2720241120' is not a sample reference id"},
      {"CalibWithoutCalper",
       kResponse + kStamp +
           lines({"sta_list ARCES", "calibrate_result", "in_spec yes", "calib 105.0", "stop"}),
       9, 1, "8.5.4", "CALIB needs CALPER"},
      {"TooManyValuesForRandom",
       kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES", "sensor no", "type random",
                  "calib_param 600 2.5 7", "calibrate_start", "stop"}),
       10, 21, "8.5.2",
       "CALIB_PARAM of TYPE RANDOM: duration (s) and optionally amplitude (V); found 3 value(s)"},
      {"SecondCalibParamForSweep",
       kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES", "sensor no", "type sweep",
                  "calib_param 0.5 320", "calib_param 0.5 320", "calibrate_start", "stop"}),
       11, 1, "8.5.2", "TYPE SWEEP takes one CALIB_PARAM line"},
      {"NegativeGap",
       kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES", "sensor no", "type sine",
                  "calib_param 1 30", "calib_param 5 30 -1", "calibrate_start", "stop"}),
       11, 18, "8.5.2", "the gap must be 0 or more, found '-1'"},
      {"TwoStations",
       kRequest + kHead + lines({"sta_list DEX33, SEX63", "change_decay", "decay_time 24", "stop"}), 6, 10,
       "8.7.1", "a command addresses one station: expected one station code, found 'DEX33, SEX63'"},
      {"StationCodeTooLong",
       kRequest + kHead + lines({"sta_list STATION", "change_decay", "decay_time 24", "stop"}), 6, 10,
       "8.7.1", "'STATION' is not a station code"},
      {"DetectorCodeForAnSHIStation",
       kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES ARCES_001", "sensor no", "type random",
                  "calib_param 600", "calibrate_start", "stop"}),
       7, 16, "8.5.2", "only radionuclide commands name a detector"},
      {"LineGivenTwice",
       kRequest + kHead + lines({"sta_list DEX33", "change_decay", "decay_time 24", "decay_time 12", "stop"}),
       9, 1, "8.7.1", "DECAY_TIME given twice: the first is on line 8"},
      {"EmailWithoutAt",
       kRequest + lines({"e-mail operations", "time_stamp 2024/11/23 10:15:00", "sta_list DEX33",
                         "change_decay", "decay_time 24", "stop"}),
       4, 8, "8.2", "'operations' is not an e-mail address: expected name@host"},
      {"MassWithOneValue",
       kResponse + kStamp +
           lines({"sta_list FRP27", "sample_sent", "srid 27202411200012", "mass 312.4", "poc A",
                  "organization B", "address C", "courier D", "handover 2024/11/25 15:30:00",
                  "arrival 2024/11/27 10:00:00", "awb 176-12345675", "seal ABCDE12345678", "stop"}),
       9, 6, "8.8.2", "MASS needs two masses in grams"},
      {"SignatureNotHexadecimal",
       kResponse + kStamp + lines({"sta_list DEX33", "keypair_generated", "signature 3z0c"}) +
           testing::kCertificateRequest + "stop\n",
       8, 11, "8.10.2", "SIGNATURE: expected an even number of hexadecimal digits"},
      {"CalibPairsWithoutEfficiency",
       kRequest + kHead +
           lines({"sta_list DEP33", "update_calibpairs", "#g_Energy", "59.54 213.37 0.02", "#g_Resolution",
                  "59.54 0.88 0.01", "stop"}),
       7, 1, "8.9.1", "UPDATE_CALIBPAIRS needs a #g_Efficiency block with its data lines"},
      {"UnknownBlockInCalibPairs",
       kRequest + kHead +
           lines({"sta_list DEP33", "update_calibpairs", "#g_Energy", "59.54 213.37 0.02", "#g_Resolution",
                  "59.54 0.88 0.01", "#g_Efficiency", "59.54 0.0412 0.0011", "#Header", "DEP33_002", "stop"}),
       14, 1, "8.9.1", "unknown block '#Header'"},
      {"SecondPemObject",
       kRequest + kHead + lines({"sta_list DEX33", "update_crl"}) + testing::kCrl + testing::kCrl + "stop\n",
       14, 1, "8.12.1", "a second PEM object: UPDATE_CRL carries one"},
      {"ArgumentAfterTheCommandKeyword",
       kRequest + kHead +
           lines({"sta_list DEX33", "detbkphd_start now", "start_time 2024/12/01 06:00:00", "duration 24",
                  "stop"}),
       7, 16, "8.6.2", "unexpected 'now' after DETBKPHD_START: the command line has no arguments"},
      {"DataSectionOutsideCalibrateResult",
       kResponse + kStamp +
           lines({"sta_list ARCES", "calibrate_confirm", "start_time not_confirmed",
                  "data_type response ims2.0", "CAL2 ARCES SHZ", "stop"}),
       9, 1, "8.5.3", "a DATA_TYPE section is not part of CALIBRATE_CONFIRM"},
  };
}

TEST(CommandErrors, EachMalformedMessageGivesItsDiagnostic) {
  const auto cases = catalogue();
  EXPECT_GE(cases.size(), 15u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const ReadResult r = read_messages(c.text);
    const Diagnostic* first = first_error(r.diagnostics);
    ASSERT_NE(first, nullptr) << c.text;
    EXPECT_EQ(first->line, c.line) << dump(r.diagnostics);
    EXPECT_EQ(first->column, c.column) << dump(r.diagnostics);
    EXPECT_EQ(first->rule, c.rule) << dump(r.diagnostics);
    EXPECT_NE(first->message.find(c.fragment), std::string::npos) << dump(r.diagnostics);
    // The message is still read: what could be understood is in the model.
    ASSERT_EQ(r.messages.size(), 1u);
  }
}

TEST(CommandErrors, DiagnosticsComeInTheOrderOfTheInput) {
  const ReadResult r = read_messages(
      kRequest + lines({"e-mail nobody", "time_stamp 2024/02/30", "sta_list DEX33", "blankphd_start",
                        "start_time 2024/12/01 06:00:00", "duration zero", "stop"}));
  ASSERT_EQ(r.diagnostics.size(), 3u) << dump(r.diagnostics);
  EXPECT_TRUE(has(r.diagnostics, Severity::error, 4, 8, "8.2", "'nobody' is not an e-mail address"));
  EXPECT_TRUE(has(r.diagnostics, Severity::error, 5, 20, "8.3", "the month has no day 30"));
  EXPECT_TRUE(has(r.diagnostics, Severity::error, 9, 10, "8.6.2", "found 'zero'"));
  EXPECT_EQ(r.diagnostics.items()[0].line, 4);
  EXPECT_EQ(r.diagnostics.items()[1].line, 5);
  EXPECT_EQ(r.diagnostics.items()[2].line, 9);
}

TEST(CommandWarnings, TheTolerantReaderSaysWhatItAccepted) {
  struct Case {
    std::string text;
    int line;
    int column;
    std::string rule;
    std::string fragment;
  };
  const Case cases[] = {
      {kResponse + kStamp +
           lines({"sta_list ARCES", "start_time_not_confirmed", "calibrate_confirm", "stop"}),
       7, 1, "8.5.3", "START_TIME_NOT_CONFIRMED read as 'START_TIME NOT_CONFIRMED'"},
      {kRequest + kHead +
           lines({"start_time 2024/11/25 02:00:00", "sta_list ARCES", "sensor no", "type pulse",
                  "calib_param 2.0 10.0", "calib_param 2.0 20.0 - 10.0", "calibrate_start", "stop"}),
       11, 22, "8.5.2", "'- 10.0' read as -10.0"},
      {kRequest + lines({"email ops@idc.example.org", "time_stamp 2024/11/23 10:15:00", "sta_list DEX33",
                         "change_decay", "decay_time 24", "stop"}),
       4, 1, "8.2", "EMAIL read as E-MAIL"},
      {kRequest + lines({"e-mail ops@idc.example.org", "time_stamp 2024/11/23 10:15", "sta_list DEX33",
                         "change_decay", "decay_time 24", "stop"}),
       5, 12, "8.3", "TIME_STAMP should give the time to the second"},
      {kResponse + kStamp +
           lines({"e-mail ops@idc.example.org", "sta_list DEX33", "keypair_started", "stop"}),
       6, 1, "8.2", "E-MAIL in a command response"},
      {kRequest + kHead + lines({"sta_list DEX33", "chan_list BHZ", "change_decay", "decay_time 24", "stop"}),
       7, 1, "8.7.1", "CHAN_LIST is not a line of CHANGE_DECAY: kept"},
      {kResponse + kStamp + lines({"sta_list FRP27", "sample_notsent", "srid 27202411200012", "stop"}), 7, 1,
       "8.8.3", "SAMPLE_NOTSENT without free text"},
      {kRequest + kHead + lines({"sta_list DEX33 SEX63_001", "change_decay", "decay_time 24", "stop"}), 6, 16,
       "8.7.1", "detector SEX63_001 is not one of station DEX33"},
      {kRequest + kHead + lines({"sta_list DEX33", "update_crl", "x509 crl"}) + testing::kCrl + "stop\n", 8,
       1, "8.12.1", "a word line before a PEM object is not needed"},
      {kResponse + kStamp + lines({"sta_list ARCES", "calibrate_result", "in_spec no", "stop"}), 8, 1,
       "8.5.4", "IN_SPEC NO without a new response"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.fragment);
    const ReadResult r = read_messages(c.text);
    EXPECT_FALSE(r.diagnostics.has_errors()) << dump(r.diagnostics);
    EXPECT_TRUE(has(r.diagnostics, Severity::warning, c.line, c.column, c.rule, c.fragment))
        << dump(r.diagnostics);
    const ReadResult strict = read_messages(c.text, {.strict = true});
    EXPECT_TRUE(strict.diagnostics.has_errors());
  }
}

TEST(CommandWarnings, AKeptChanListIsWrittenAndReadBack) {
  const ReadResult r = read_messages(
      kRequest + kHead + lines({"sta_list DEX33", "chan_list BHZ", "change_decay", "decay_time 24", "stop"}));
  ASSERT_EQ(r.messages.size(), 1u);
  const ReadResult again = read_messages(write_messages(r.messages));
  EXPECT_EQ(r.messages, again.messages);
  EXPECT_EQ(std::get<CommandMessage>(again.messages[0]).body.channels, std::vector<std::string>{"BHZ"});
}

// "A confirm that does not match": a response is checked against the request it names in REF_ID.
struct Exchange {
  CommandMessage request;
  CommandMessage response;
};

Exchange read_exchange(const std::string& request, const std::string& response) {
  const ReadResult a = read_messages(request);
  const ReadResult b = read_messages(response);
  EXPECT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_TRUE(b.diagnostics.empty()) << dump(b.diagnostics);
  if (a.messages.size() != 1 || b.messages.size() != 1) return {};
  return {std::get<CommandMessage>(a.messages[0]), std::get<CommandMessage>(b.messages[0])};
}

const std::string kDetbkphdStart =
    lines({"begin ims2.0", "msg_type command_request", "msg_id rn-411 IDC", "e-mail rn-ops@idc.example.org",
           "time_stamp 2024/11/23 10:15:00", "sta_list DEX33", "detbkphd_start",
           "start_time 2024/12/01 06:00:00", "duration 24", "stop"});

std::string confirm(std::string_view keyword, std::string_view ref, std::string_view station) {
  return lines({"begin ims2.0", "msg_type command_response", "msg_id 88 DEX33"}) + "ref_id " +
         std::string(ref) + "\n" + lines({"time_stamp 2024/11/23 12:00:00"}) + "sta_list " +
         std::string(station) + "\n" + std::string(keyword) + "\n" +
         lines({"start_time 2024/12/01 08:00:00", "stop"});
}

TEST(ResponseCheck, TheMatchingConfirmAnswersTheRequest) {
  const auto e = read_exchange(kDetbkphdStart, confirm("detbkphd_confirm", "rn-411 IDC", "DEX33"));
  Diagnostics d;
  EXPECT_TRUE(check_response(e.request.preface, e.request.body, e.response.preface, e.response.body, d));
  EXPECT_TRUE(d.empty()) << dump(d);
}

TEST(ResponseCheck, AConfirmOfAnotherMeasurementDoesNotMatch) {
  const auto e = read_exchange(kDetbkphdStart, confirm("blankphd_confirm", "rn-411 IDC", "DEX33"));
  Diagnostics d;
  EXPECT_FALSE(check_response(e.request.preface, e.request.body, e.response.preface, e.response.body, d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_TRUE(has(d, Severity::error, 7, 1, "8.6.3",
                  "BLANKPHD_CONFIRM does not answer DETBKPHD_START: expected "
                  "DETBKPHD_CONFIRM"));
}

TEST(ResponseCheck, RefIdAndStationMustNameTheRequest) {
  const auto e = read_exchange(kDetbkphdStart, confirm("detbkphd_confirm", "rn-999 IDC", "SEX63"));
  Diagnostics d;
  EXPECT_FALSE(check_response(e.request.preface, e.request.body, e.response.preface, e.response.body, d));
  EXPECT_TRUE(
      has(d, Severity::error, 1, 1, "8.1", "REF_ID rn-999 IDC does not name the request, MSG_ID rn-411 IDC"))
      << dump(d);
  EXPECT_TRUE(has(d, Severity::error, 6, 1, "8.6.3", "the response names station SEX63, the request DEX33"))
      << dump(d);
}

TEST(ResponseCheck, SampleReceivedAnswersSendSample) {
  const auto e = read_exchange(
      lines({"begin ims2.0", "msg_type command_request", "msg_id rn-600 IDC", "e-mail rn-ops@idc.example.org",
             "time_stamp 2024/11/23 10:15:00", "sta_list FRP27", "send_sample", "priority urgent",
             "srid 27202411200012", "poc A", "organization B", "address C", "stop"}),
      lines({"begin ims2.0", "msg_type command_response", "msg_id 9003 FRP27", "ref_id rn-600 IDC",
             "time_stamp 2024/11/27 12:00:00", "sta_list FRP27", "sample_received", "srid 27202411200012",
             "arrival 2024/11/27 09:41:00", "stop"}));
  Diagnostics d;
  EXPECT_TRUE(check_response(e.request.preface, e.request.body, e.response.preface, e.response.body, d))
      << dump(d);
}

}  // namespace
}  // namespace imsgate::ims2::command
