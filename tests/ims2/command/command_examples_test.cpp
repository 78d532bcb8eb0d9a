// One complete, valid message for every command and response of Table 165: read, checked field by field, and
// written back byte for byte.
#include <gtest/gtest.h>

#include "command_test_support.hpp"
#include "ims2/command/command.hpp"
#include "ims2/command/command_kind.hpp"
#include "ims2/message.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::command {
namespace {

using testing::dump;
using testing::read_canonical;

std::string written(const DateTime& dt) {
  return write_date_time(dt);
}

template <class T>
const T& command_of(const CommandMessage& m) {
  static const T empty{};
  const T* c = std::get_if<T>(&m.body.command);
  EXPECT_NE(c, nullptr) << "the message holds another command";
  return c ? *c : empty;
}

TEST(CommandKinds, Table165HasTenRequestsAndThirteenResponses) {
  int requests = 0, responses = 0;
  for (CommandKind k : all_command_kinds()) {
    (is_request(k) ? requests : responses)++;
    EXPECT_EQ(parse_command_kind(to_upper(command_keyword(k))), k);
    for (CommandKind r : responses_to(k)) EXPECT_FALSE(is_request(r));
  }
  EXPECT_EQ(requests, 10);
  EXPECT_EQ(responses, 13);
  EXPECT_EQ(command_section(CommandKind::sample_sent), "8.8.2");
  EXPECT_EQ(responses_to(CommandKind::send_sample).size(), 3u);
  EXPECT_TRUE(responses_to(CommandKind::crl_updated).empty());
}

const std::string kCalibrateStart =
    "begin ims2.0\n"
    "msg_type command_request\n"
    "msg_id 2024112301 IDC\n"
    "e-mail ops@idc.example.org\n"
    "time_stamp 2024/11/23 10:15:00\n"
    "start_time 2024/11/25 02:00:00\n"
    "sta_list ARCES\n"
    "chan_list SHZ, SHN\n"
    "sensor yes\n"
    "type sine\n"
    "calib_param 1.0 30.0 10.0\n"
    "calib_param 5.0 30.0 120.0 10.0\n"
    "calib_param 10.0 30.0 60.0 10.0\n"
    "calib_param 25.0 30.0 20.0 10.0\n"
    "calibrate_start\n"
    "stop\n";

TEST(CommandExamples, CalibrateStartSine) {
  const auto m = read_canonical(kCalibrateStart);
  EXPECT_EQ(m.preface.type, MessageType::command_request);
  EXPECT_EQ(m.body.email, "ops@idc.example.org");
  EXPECT_EQ(written(m.body.time_stamp), "2024/11/23 10:15:00");
  EXPECT_EQ(m.body.station.code, "ARCES");
  EXPECT_EQ(m.body.station.line.number, 7);
  EXPECT_EQ(m.body.channels, (std::vector<std::string>{"SHZ", "SHN"}));
  const auto& c = command_of<CalibrateStart>(m);
  EXPECT_EQ(c.line.number, 15);
  EXPECT_EQ(written(c.start_time), "2024/11/25 02:00:00");
  EXPECT_TRUE(c.sensor);
  EXPECT_EQ(c.type, CalibrationType::sine);
  ASSERT_EQ(c.params.size(), 4u);
  EXPECT_EQ(c.params[0].frequency->text, "1.0");
  EXPECT_EQ(c.params[0].duration.value, 30.0);
  EXPECT_FALSE(c.params[0].gap);
  EXPECT_EQ(c.params[0].amplitude->value, 10.0);
  EXPECT_EQ(c.params[1].frequency->value, 5.0);
  EXPECT_EQ(c.params[1].gap->value, 120.0);
  EXPECT_EQ(c.params[3].frequency->value, 25.0);
  EXPECT_EQ(c.params[3].gap->text, "20.0");
}

TEST(CommandExamples, CalibrateStartRandomPulseAndSweep) {
  auto message = [](std::string_view type, std::string_view params) {
    return "begin ims2.0\nmsg_type command_request\nmsg_id cal-7 IDC\ne-mail ops@idc.example.org\n"
           "time_stamp 2024/11/23 10:15:00\nstart_time 2024/11/25 02:00\nsta_list KBZ\nsensor no\ntype " +
           std::string(type) + "\n" + std::string(params) + "calibrate_start\nstop\n";
  };
  const auto random = command_of<CalibrateStart>(read_canonical(message("random", "calib_param 600 2.5\n")));
  EXPECT_EQ(random.type, CalibrationType::random);
  EXPECT_FALSE(random.sensor);
  EXPECT_EQ(written(random.start_time), "2024/11/25 02:00");  // written to the minute, kept so
  ASSERT_EQ(random.params.size(), 1u);
  EXPECT_EQ(random.params[0].duration.text, "600");
  EXPECT_EQ(random.params[0].amplitude->value, 2.5);
  EXPECT_FALSE(random.params[0].frequency);

  const auto pulse = command_of<CalibrateStart>(read_canonical(
      message("pulse", "calib_param 2.0 10.0\ncalib_param 2.0 20.0 -10.0\ncalib_param 2.0 20.0\n")));
  ASSERT_EQ(pulse.params.size(), 3u);
  EXPECT_EQ(pulse.params[0].duration.value, 2.0);
  EXPECT_EQ(pulse.params[0].amplitude->value, 10.0);
  EXPECT_EQ(pulse.params[1].gap->value, 20.0);
  EXPECT_EQ(pulse.params[1].amplitude->value, -10.0);
  EXPECT_FALSE(pulse.params[2].amplitude);

  const auto sweep =
      command_of<CalibrateStart>(read_canonical(message("sweep", "calib_param 0.5 0.02 320.0 10.0\n")));
  ASSERT_EQ(sweep.params.size(), 1u);
  EXPECT_EQ(sweep.params[0].frequency->value, 0.5);
  EXPECT_EQ(sweep.params[0].final_frequency->value, 0.02);
  EXPECT_EQ(sweep.params[0].duration.value, 320.0);
  EXPECT_EQ(sweep.params[0].amplitude->value, 10.0);
  const auto sweep3 =
      command_of<CalibrateStart>(read_canonical(message("sweep", "calib_param 0.5 320.0 10.0\n")));
  EXPECT_FALSE(sweep3.params[0].final_frequency);
  EXPECT_EQ(sweep3.params[0].duration.value, 320.0);
}

const std::string kCalibrateConfirm =
    "begin ims2.0\n"
    "msg_type command_response\n"
    "msg_id 7731 ARCES\n"
    "ref_id 2024112301 IDC\n"
    "time_stamp 2024/11/23 11:02:17\n"
    "sta_list ARCES\n"
    "chan_list SHZ, SHN\n"
    "start_time 2024/11/25 03:00:00\n"
    "calibrate_confirm\n"
    "stop\n";

TEST(CommandExamples, CalibrateConfirm) {
  const auto m = read_canonical(kCalibrateConfirm);
  EXPECT_EQ(m.preface.ref_id->id, "2024112301");
  EXPECT_FALSE(m.body.email);
  const auto& c = command_of<CalibrateConfirm>(m);
  ASSERT_TRUE(std::holds_alternative<DateTime>(c.start_time));
  EXPECT_EQ(written(std::get<DateTime>(c.start_time)), "2024/11/25 03:00:00");
}

TEST(CommandExamples, CalibrateConfirmNotConfirmed) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 7732 ARCES\nref_id 2024112301 IDC\n"
      "time_stamp 2024/11/23 11:02:17\nsta_list ARCES\nstart_time not_confirmed\ncalibrate_confirm\nstop\n");
  EXPECT_TRUE(std::holds_alternative<NotConfirmed>(command_of<CalibrateConfirm>(m).start_time));
  EXPECT_TRUE(m.body.channels.empty());
}

TEST(CommandExamples, CalibrateResultSingleFrequency) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 7790 ARCES\nref_id 2024112301 IDC\n"
      "time_stamp 2024/11/25 04:10:00\nsta_list ARCES\nchan_list SHZ\ncalibrate_result\nin_spec yes\n"
      "calib 105.0\ncalper 1.0\nstop\n");
  const auto& c = command_of<CalibrateResult>(m);
  EXPECT_TRUE(c.in_spec);
  EXPECT_EQ(c.calib->value, 105.0);
  EXPECT_EQ(c.calib->text, "105.0");
  EXPECT_EQ(c.calper->value, 1.0);
  EXPECT_FALSE(c.response);
}

const std::string kResponseLines =
    "CAL2 ARCES SHZ      GS-13   6.28000000E-01   1.000   40.00000 2024/11/25 04:00\n"
    "PAZ2  1 V  1.00000000E+00                 2   2 seismometer\n"
    " -4.44300000E+00  4.44300000E+00\n"
    " -4.44300000E+00 -4.44300000E+00\n"
    "  0.00000000E+00  0.00000000E+00\n"
    "  0.00000000E+00  0.00000000E+00\n"
    "\n"
    "DIG2  2  4.19430400E+05    40.00000 digitizer\n";

TEST(CommandExamples, CalibrateResultWithAResponseSection) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 7791 ARCES\nref_id 2024112301 IDC\n"
      "time_stamp 2024/11/25 04:10:00\nsta_list ARCES\ncalibrate_result\nin_spec no\n"
      "data_type response ims2.0\n" +
      kResponseLines + "stop\n");
  const auto& c = command_of<CalibrateResult>(m);
  EXPECT_FALSE(c.in_spec);
  EXPECT_FALSE(c.calib);
  ASSERT_TRUE(c.response);
  EXPECT_EQ(c.response->type, "response");
  EXPECT_EQ(c.response->format, "ims2.0");
  EXPECT_EQ(c.response->body, kResponseLines);  // blank line and leading blanks kept
  EXPECT_EQ(c.response->line.number, 9);
}

TEST(CommandExamples, SpecialMeasurementStarts) {
  const std::pair<std::string, SpecialMeasurement> kinds[] = {
      {"detbkphd_start", SpecialMeasurement::detbkphd},
      {"blankphd_start", SpecialMeasurement::blankphd},
      {"calibphd_start", SpecialMeasurement::calibphd}};
  for (const auto& [keyword, kind] : kinds) {
    SCOPED_TRACE(keyword);
    const auto m = read_canonical(
        "begin ims2.0\nmsg_type command_request\nmsg_id rn-411 IDC\ne-mail rn-ops@idc.example.org\n"
        "time_stamp 2024/11/23 10:15:00\nsta_list DEX33 DEX33_001\n" +
        keyword + "\nstart_time 2024/12/01 06:00:00\nduration 24\nstop\n");
    EXPECT_EQ(m.body.station.code, "DEX33");
    EXPECT_EQ(m.body.station.detector, "DEX33_001");
    const auto& c = command_of<SpecialMeasurementStart>(m);
    EXPECT_EQ(c.kind, kind);
    EXPECT_EQ(command_kind(m.body.command).value(), parse_command_kind(keyword).value());
    EXPECT_EQ(written(c.start_time), "2024/12/01 06:00:00");
    EXPECT_EQ(c.duration.value, 24.0);
    EXPECT_EQ(c.duration.text, "24");
  }
}

TEST(CommandExamples, SpecialMeasurementConfirms) {
  const std::pair<std::string, SpecialMeasurement> kinds[] = {
      {"detbkphd_confirm", SpecialMeasurement::detbkphd},
      {"blankphd_confirm", SpecialMeasurement::blankphd},
      {"calibphd_confirm", SpecialMeasurement::calibphd}};
  for (const auto& [keyword, kind] : kinds) {
    SCOPED_TRACE(keyword);
    const auto m = read_canonical(
        "begin ims2.0\nmsg_type command_response\nmsg_id 88 DEX33\nref_id rn-411 IDC\n"
        "time_stamp 2024/11/23 12:00:00\nsta_list DEX33\n" +
        keyword + "\nstart_time 2024/12/01 08:00:00\nstop\n");
    const auto& c = command_of<SpecialMeasurementConfirm>(m);
    EXPECT_EQ(c.kind, kind);
    EXPECT_EQ(written(std::get<DateTime>(c.start_time)), "2024/12/01 08:00:00");
  }
  const auto refused = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 89 DEX33\nref_id rn-412 IDC\n"
      "time_stamp 2024/11/23 12:00:00\nsta_list DEX33\nblankphd_confirm\nstart_time not_confirmed\nstop\n");
  EXPECT_TRUE(
      std::holds_alternative<NotConfirmed>(command_of<SpecialMeasurementConfirm>(refused).start_time));
}

TEST(CommandExamples, ChangeDecay) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id rn-500 IDC\ne-mail rn-ops@idc.example.org\n"
      "time_stamp 2024/11/23 10:15:00\nsta_list SEX63\nchange_decay\nstart_time 2024/12/02 00:00:00\n"
      "decay_time 12.5\nstop\n");
  const auto& c = command_of<ChangeDecay>(m);
  EXPECT_EQ(written(*c.start_time), "2024/12/02 00:00:00");
  EXPECT_EQ(c.decay_time.value, 12.5);
  const auto now = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id rn-501 IDC\ne-mail rn-ops@idc.example.org\n"
      "time_stamp 2024/11/23 10:15:00\nsta_list SEX63\nchange_decay\ndecay_time 24\nstop\n");
  EXPECT_FALSE(command_of<ChangeDecay>(now).start_time);
}

TEST(CommandExamples, DecayChanged) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 4410 SEX63\nref_id rn-500 IDC\n"
      "time_stamp 2024/12/02 00:05:00\nsta_list SEX63\ndecay_changed\nnew_decay_time 12.5 "
      "63202412020011X\nstop\n");
  const auto& c = command_of<DecayChanged>(m);
  EXPECT_EQ(c.new_decay_time.text, "12.5");
  EXPECT_EQ(c.srid, "63202412020011X");
}

TEST(CommandExamples, SendSample) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id rn-600 IDC\ne-mail rn-ops@idc.example.org\n"
      "time_stamp 2024/11/23 10:15:00\nsta_list FRP27\nsend_sample\npriority urgent\nsrid 27202411200012\n"
      "poc Dr. Anna Berg\norganization Seibersdorf Laboratories\naddress Grundstueck 1\n"
      "address 2444 Seibersdorf\naddress Austria\nstop\n");
  const auto& c = command_of<SendSample>(m);
  EXPECT_EQ(c.priority, Priority::urgent);
  EXPECT_EQ(c.srid, "27202411200012");
  EXPECT_EQ(c.recipient.poc, "Dr. Anna Berg");
  EXPECT_EQ(c.recipient.organization, "Seibersdorf Laboratories");
  EXPECT_EQ(c.recipient.address, (std::vector<std::string>{"Grundstueck 1", "2444 Seibersdorf", "Austria"}));
}

TEST(CommandExamples, SampleSent) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 9001 FRP27\nref_id rn-600 IDC\n"
      "time_stamp 2024/11/25 16:40:00\nsta_list FRP27\nsample_sent\nsrid 27202411200012\nmass 312.40 155.85\n"
      "poc Dr. Anna Berg\norganization Seibersdorf Laboratories\naddress Grundstueck 1\naddress 2444 "
      "Seibersdorf\n"
      "address Austria\ncourier World Courier GmbH\nhandover 2024/11/25 15:30:00\narrival 2024/11/27 "
      "10:00:00\n"
      "awb 176-12345675\nseal ABCDE12345678\nstop\n");
  const auto& c = command_of<SampleSent>(m);
  EXPECT_EQ(c.srid, "27202411200012");
  EXPECT_EQ(c.mass.full.value, 312.40);
  EXPECT_EQ(c.mass.full.text, "312.40");
  EXPECT_EQ(c.mass.split.value, 155.85);
  EXPECT_EQ(c.recipient.address.size(), 3u);
  EXPECT_EQ(c.courier, "World Courier GmbH");
  EXPECT_EQ(written(c.handover), "2024/11/25 15:30:00");
  EXPECT_EQ(written(c.arrival), "2024/11/27 10:00:00");
  EXPECT_EQ(c.awb, "176-12345675");
  EXPECT_EQ(c.seal, "ABCDE12345678");
}

TEST(CommandExamples, SampleNotSentKeepsItsFreeTextUpToStop) {
  const std::string reason =
      "The sample was damaged during the split: the filter tore.\n"
      "\n"
      "A replacement split will be offered with SRID 27202411200022.\n";
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 9002 FRP27\nref_id rn-600 IDC\n"
      "time_stamp 2024/11/25 16:40:00\nsta_list FRP27\nsample_notsent\nsrid 27202411200012\n" +
      reason + "stop\n");
  const auto& c = command_of<SampleNotSent>(m);
  EXPECT_EQ(c.srid, "27202411200012");
  EXPECT_EQ(c.reason, reason);
}

TEST(CommandExamples, SampleReceived) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 9003 FRP27\nref_id rn-600 IDC\n"
      "time_stamp 2024/11/27 12:00:00\nsta_list FRP27\nsample_received\nsrid 27202411200012\n"
      "arrival 2024/11/27 09:41:00\nstop\n");
  const auto& c = command_of<SampleReceived>(m);
  EXPECT_EQ(c.srid, "27202411200012");
  EXPECT_EQ(written(c.arrival), "2024/11/27 09:41:00");
}

const std::string kEnergy =
    "    59.540         213.370           0.020\n"
    "   661.657        2369.840           0.011\n"
    "  1332.492        4770.160           0.016\n";
const std::string kResolution =
    "    59.540           0.880           0.010\n"
    "  1332.492           1.910           0.008\n";
const std::string kEfficiency =
    "    59.540           0.0412          0.0011\n"
    "  1332.492           0.0087          0.0002\n";
const std::string kTotalEfficiency =
    "    59.540           0.1380          0.0040\n"
    "  1332.492           0.0410          0.0012\n";

TEST(CommandExamples, UpdateCalibPairs) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id rn-700 IDC\ne-mail rn-ops@idc.example.org\n"
      "time_stamp 2024/11/23 10:15:00\nsta_list DEP33 DEP33_002\nupdate_calibpairs\n#g_Energy\n" +
      kEnergy + "#g_Resolution\n" + kResolution + "#g_Efficiency\n" + kEfficiency + "#g_TotalEfficiency\n" +
      kTotalEfficiency + "stop\n");
  EXPECT_EQ(m.body.station.detector, "DEP33_002");
  const auto& c = command_of<UpdateCalibPairs>(m);
  EXPECT_EQ(c.energy, kEnergy);
  EXPECT_EQ(c.resolution, kResolution);
  EXPECT_EQ(c.efficiency, kEfficiency);
  EXPECT_EQ(c.total_efficiency, kTotalEfficiency);
}

TEST(CommandExamples, CalibPairsUpdated) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 5120 DEP33\nref_id rn-700 IDC\n"
      "time_stamp 2024/11/24 08:00:00\nsta_list DEP33 DEP33_002\ncalibpairs_updated\nstop\n");
  EXPECT_EQ(command_of<CalibPairsUpdated>(m).line.number, 7);
  EXPECT_EQ(m.body.station.detector, "DEP33_002");
}

TEST(CommandExamples, GenerateKeypair) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id key-31 IDC\ne-mail keys@idc.example.org\n"
      "time_stamp 2024/11/23 10:15:00\nsta_list DEX33\nchan_list DEX33_001\nauth_id 2\ngenerate_keypair\n" +
      testing::kDsaParameters + "stop\n");
  EXPECT_EQ(m.body.channels, std::vector<std::string>{"DEX33_001"});
  EXPECT_EQ(m.body.auth_id, "2");
  const auto& c = command_of<GenerateKeypair>(m);
  ASSERT_TRUE(c.dsa_parameters);
  EXPECT_EQ(c.dsa_parameters->label, "DSA PARAMETERS");
  EXPECT_EQ(c.dsa_parameters->text, testing::kDsaParameters);
  EXPECT_EQ(c.dsa_parameters->line.number, 10);
  const auto plain = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id key-32 IDC\ne-mail keys@idc.example.org\n"
      "time_stamp 2024/11/23 10:15:00\nsta_list ARCES\ngenerate_keypair\nstop\n");
  EXPECT_FALSE(command_of<GenerateKeypair>(plain).dsa_parameters);
}

TEST(CommandExamples, KeypairGenerated) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 301 DEX33\nref_id key-31 IDC\n"
      "time_stamp 2024/11/23 13:00:00\nsta_list DEX33\nchan_list DEX33_001\nauth_id 2\nkeypair_generated\n"
      "signature " +
      std::string(testing::kSignature) + "\n" + testing::kCertificateRequest + "stop\n");
  const auto& c = command_of<KeypairGenerated>(m);
  EXPECT_EQ(c.signature, testing::kSignature);
  EXPECT_EQ(c.certificate_request.label, "CERTIFICATE REQUEST");
  EXPECT_EQ(c.certificate_request.text, testing::kCertificateRequest);
}

TEST(CommandExamples, StartKeypair) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id key-40 IDC\ne-mail keys@idc.example.org\n"
      "time_stamp 2024/11/30 09:00:00\nsta_list DEX33\nchan_list DEX33_001\nauth_id 2\n"
      "start_time 2024/12/01 00:00:00\nstart_keypair\n" +
      testing::kCertificate + "stop\n");
  const auto& c = command_of<StartKeypair>(m);
  EXPECT_EQ(written(*c.start_time), "2024/12/01 00:00:00");
  EXPECT_EQ(c.certificate.label, "CERTIFICATE");
  EXPECT_EQ(c.certificate.text, testing::kCertificate);
}

TEST(CommandExamples, KeypairStarted) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 302 DEX33\nref_id key-40 IDC\n"
      "time_stamp 2024/12/01 00:00:05\nsta_list DEX33\nchan_list DEX33_001\nauth_id "
      "2\nkeypair_started\nstop\n");
  EXPECT_EQ(command_of<KeypairStarted>(m).line.number, 9);
  EXPECT_EQ(m.body.auth_id, "2");
}

TEST(CommandExamples, UpdateCrl) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_request\nmsg_id crl-9 IDC\ne-mail keys@idc.example.org\n"
      "time_stamp 2024/11/30 09:00:00\nsta_list DEX33\nupdate_crl\n" +
      testing::kCrl + "stop\n");
  const auto& c = command_of<UpdateCrl>(m);
  EXPECT_EQ(c.crl.label, "X509 CRL");
  EXPECT_EQ(c.crl.text, testing::kCrl);
}

TEST(CommandExamples, CrlUpdated) {
  const auto m = read_canonical(
      "begin ims2.0\nmsg_type command_response\nmsg_id 303 DEX33\nref_id crl-9 IDC\n"
      "time_stamp 2024/11/30 09:30:00\nsta_list DEX33\nchan_list DEX33_001\nauth_id 1\n"
      "start_time 2024/11/30 09:29:00\ncrl_updated\nstop\n");
  EXPECT_EQ(written(*command_of<CrlUpdated>(m).start_time), "2024/11/30 09:29:00");
}

TEST(CommandExamples, UpperCaseMessagesComeBackInUpperCase) {
  const std::string text =
      "BEGIN IMS2.0\nMSG_TYPE COMMAND_RESPONSE\nMSG_ID 7732 ARCES\nREF_ID 2024112301 IDC\n"
      "TIME_STAMP 2024/11/23 11:02:17\nSTA_LIST ARCES\nSTART_TIME NOT_CONFIRMED\nCALIBRATE_CONFIRM\nSTOP\n"
      "BEGIN IMS2.0\nMSG_TYPE COMMAND_REQUEST\nMSG_ID 2024112302 IDC\nE-MAIL ops@idc.example.org\n"
      "TIME_STAMP 2024/11/23 10:15:00\nSTART_TIME 2024/11/25 02:00:00\nSTA_LIST KBZ\nSENSOR NO\nTYPE RANDOM\n"
      "CALIB_PARAM 600\nCALIBRATE_START\nSTOP\n"
      "BEGIN IMS2.0\nMSG_TYPE COMMAND_REQUEST\nMSG_ID rn-601 IDC\nE-MAIL rn-ops@idc.example.org\n"
      "TIME_STAMP 2024/11/23 10:15:00\nSTA_LIST FRP27\nSEND_SAMPLE\nPRIORITY ROUTINE\nSRID 27202411200012\n"
      "POC Lab manager\nORGANIZATION Lab\nADDRESS Somewhere 1\nSTOP\n"
      "BEGIN IMS2.0\nMSG_TYPE COMMAND_REQUEST\nMSG_ID rn-701 IDC\nE-MAIL rn-ops@idc.example.org\n"
      "TIME_STAMP 2024/11/23 10:15:00\nSTA_LIST DEP33\nUPDATE_CALIBPAIRS\n#g_Energy\n" +
      kEnergy + "#g_Resolution\n" + kResolution + "#g_Efficiency\n" + kEfficiency + "STOP\n";
  const ReadResult r = read_messages(text);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  ASSERT_EQ(r.messages.size(), 4u);
  EXPECT_EQ(write_messages(r.messages), text);
  const auto& send = std::get<SendSample>(std::get<CommandMessage>(r.messages[2]).body.command);
  EXPECT_EQ(send.priority, Priority::routine);
  EXPECT_FALSE(
      std::get<UpdateCalibPairs>(std::get<CommandMessage>(r.messages[3]).body.command).total_efficiency);
}

// Digest section 1: the listings put parameter lines on either side of the command line; any order reads the
// same, and the writer puts them back in the order of the listing.
TEST(CommandExamples, ParameterLinesMayStandOnEitherSideOfTheCommandLine) {
  const std::string shuffled =
      "begin ims2.0\nmsg_type command_request\nmsg_id 2024112301 IDC\n"
      "calibrate_start\n"
      "calib_param 1.0 30.0 10.0\n"
      "\n"
      "Sensor Yes\n"
      "calib_param 5.0 30.0 120.0 10.0\n"
      "TYPE sine\n"
      "chan_list SHZ ,SHN\n"
      "start_time 2024/11/25 02:00:00\n"
      "calib_param 10.0 30.0 60.0 10.0\n"
      "time_stamp 2024/11/23 10:15:00\n"
      "stn_list ARCES\n"
      "calib_param   25.0 30.0  20.0 10.0\n"
      "e-mail ops@idc.example.org\n"
      "stop\n";
  const ReadResult r = read_messages(shuffled);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r.diagnostics);
  EXPECT_TRUE(testing::has(r.diagnostics, Severity::warning, 14, 1, "8.5.2", "STN_LIST read as STA_LIST"));
  const ReadResult canonical = read_messages(kCalibrateStart);
  EXPECT_EQ(r.messages, canonical.messages);
  EXPECT_EQ(write_messages(r.messages), kCalibrateStart);
}

TEST(CommandExamples, CrLfAndContinuationLinesAreRead) {
  const auto r = read_messages(
      "begin ims2.0\r\nmsg_type command_request\r\nmsg_id rn-600 IDC\r\ne-mail rn-ops@idc.example.org\r\n"
      "time_stamp 2024/11/23 10:15:00\r\nsta_list FRP27\r\nsend_sample\r\npriority urgent\r\nsrid "
      "27202411200012\r\n"
      "poc Dr. Anna \\\r\nBerg\r\norganization Lab\r\naddress Somewhere 1\r\nstop\r\n");
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(std::get<SendSample>(std::get<CommandMessage>(r.messages[0]).body.command).recipient.poc,
            "Dr. Anna Berg");
}

TEST(CommandExamples, AModelBuiltInCodeIsWrittenAndReadBack) {
  CommandMessage m;
  m.preface.type = MessageType::command_request;
  m.preface.msg_id = {"rn-800", "IDC"};
  m.body.email = "rn-ops@idc.example.org";
  m.body.time_stamp = *parse_date_time("2024/11/23", "10:15:00");
  m.body.station.code = "SEX63";
  m.body.command = SpecialMeasurementStart{
      SpecialMeasurement::calibphd, *parse_date_time("2024/12/01", "06:00"), Number::of(1.5), {}};
  const std::string text = write_message(m);
  EXPECT_EQ(text,
            "begin ims2.0\nmsg_type command_request\nmsg_id rn-800 IDC\ne-mail rn-ops@idc.example.org\n"
            "time_stamp 2024/11/23 10:15:00\nsta_list SEX63\ncalibphd_start\nstart_time 2024/12/01 06:00\n"
            "duration 1.5\nstop\n");
  const ReadResult r = read_messages(text);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0], Message(m));
}

}  // namespace
}  // namespace imsgate::ims2::command
