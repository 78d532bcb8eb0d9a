// The acquisition from intake to store: signatures, authorisation, validation, and what is kept of each.
#include <gmock/gmock.h>

#include "acq/acquisition_fixture.hpp"
#include "acq/intake.hpp"
#include "store/archive.hpp"

namespace imsgate::acq::test {
namespace {

using ::testing::HasSubstr;

TEST_F(AcquisitionTest, AcceptsASignedMessageAndIndexesIt) {
  const std::string text = alert_text("AUP06", 1);
  const std::string raw = signed_mail(text, pki_.station);
  const auto record = take(raw);
  EXPECT_TRUE(record.accepted) << record.reason << ": " << record.diagnostics;
  EXPECT_EQ(record.signature, store::SignatureState::valid);
  EXPECT_EQ(record.signer, mail::read_certificates(pki_.station.certificate_pem)->front().fingerprint);
  EXPECT_EQ(record.sender, kStationAddress);
  EXPECT_EQ(record.station, "AUP06");
  EXPECT_EQ(record.data_types, "ALERT_FLOW");
  EXPECT_EQ(record.msg_id, "ALERT1");
  EXPECT_EQ(record.door, store::Door::maildir);
  // The raw bytes are archived byte for byte; the IMS2.0 text the index points into is named by its hash.
  EXPECT_EQ(store_->archive().get(record.sha256).value_or(""), raw);
  EXPECT_EQ(record.body_sha256, store::sha256_hex(text));
  const auto sections = store_->sections(record.id);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(text.substr(sections[0].offset, 20), "DATA_TYPE ALERT_FLOW");
  const auto alerts = store_->items("ALERT_FLOW", "AUP06", std::nullopt, std::nullopt);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "alert");
  EXPECT_EQ(intake_->maildir().backlog(), 0u);
}

TEST_F(AcquisitionTest, RejectsEachBadSignatureWithItsReason) {
  std::string tampered = signed_mail(alert_text("AUP06", 2), pki_.station);
  const auto flow = tampered.find("Low flow");
  ASSERT_NE(flow, std::string::npos);
  tampered[flow] = 'J';
  struct Case {
    std::string raw;
    std::string reason;
  };
  const Case cases[] = {
      {tampered, "bad_signature"},
      {signed_mail(alert_text("AUP06", 3), pki_.stranger), "unknown_certificate"},
      {signed_mail(alert_text("AUP06", 4), pki_.expired), "expired_certificate"},
      {signed_mail(alert_text("AUP06", 5), pki_.revoked), "revoked_certificate"},
  };
  for (const auto& c : cases) {
    const auto record = take(c.raw);
    EXPECT_FALSE(record.accepted) << c.reason;
    EXPECT_EQ(record.reason, c.reason);
    EXPECT_EQ(record.signature, store::SignatureState::invalid) << c.reason;
    EXPECT_THAT(record.diagnostics, HasSubstr("signature")) << c.reason;
    EXPECT_THAT(record.msg_id, ::testing::StartsWith("ALERT")) << "the ERROR_LOG refers to it";
    // Rejected bytes are kept, and nothing of them reaches the index.
    EXPECT_EQ(store_->archive().get(record.sha256).value_or(""), c.raw);
    EXPECT_TRUE(store_->sections(record.id).empty());
  }
  EXPECT_TRUE(store_->items("ALERT_FLOW", "AUP06", std::nullopt, std::nullopt).empty());
}

TEST_F(AcquisitionTest, AuthorisesSendersAndSigners) {
  ASSERT_TRUE(store_->add_sender({"other@example.org", "AUP10"}));
  EXPECT_EQ(take(plain_mail(alert_text("AUP06", 6), "nobody@example.org")).reason, "unknown_sender");
  EXPECT_EQ(take(plain_mail(alert_text("AUP06", 7), "other@example.org")).reason, "unauthorised_sender");
  // The station's certificate signing for another station of the same sender.
  ASSERT_TRUE(store_->add_sender({kStationAddress, "AUP10"}));
  EXPECT_EQ(take(signed_mail(alert_text("AUP10", 8), pki_.station)).reason, "unauthorised_certificate");

  const auto unsigned_record = take(plain_mail(alert_text("AUP06", 9)));
  EXPECT_TRUE(unsigned_record.accepted) << unsigned_record.reason;
  EXPECT_EQ(unsigned_record.signature, store::SignatureState::unsigned_message);

  auto station = *store_->station("AUP06");
  station.signature_policy = store::SignaturePolicy::required;
  ASSERT_TRUE(store_->put_station(station));
  EXPECT_EQ(take(plain_mail(alert_text("AUP06", 10))).reason, "signature_required");
  EXPECT_TRUE(take(signed_mail(alert_text("AUP06", 11), pki_.station)).accepted);
}

TEST_F(AcquisitionTest, KeepsInvalidAndUnreadableMessagesWithDiagnostics) {
  std::string bad = alert_text("AUP06", 12);
  bad.replace(bad.find("2026/11/01"), 10, "2026/13/01");
  const auto invalid = take(plain_mail(bad));
  EXPECT_EQ(invalid.reason, "invalid");
  EXPECT_THAT(invalid.diagnostics, HasSubstr("message:5:18:")) << "line 5, column 18 holds the bad date";

  const auto subscription =
      take(plain_mail("BEGIN IMS2.0\nMSG_TYPE SUBSCRIPTION\nMSG_ID 7 AUP06\nTIME NOW TO FOREVER\n"
                      "STA_LIST AUP06\nFREQ DAILY\nRMSSOH\nSTOP\n"));
  EXPECT_EQ(subscription.reason, "unsupported");
  EXPECT_EQ(subscription.msg_type, "subscription");

  const auto unparseable = take(plain_mail("Dear IDC, please find our data attached.\n"));
  EXPECT_EQ(unparseable.reason, "unparseable");
  EXPECT_FALSE(unparseable.diagnostics.empty());
}

TEST_F(AcquisitionTest, QueuesARequestWithItsMessage) {
  // Anyone may ask: who receives what is the request engine's question. A request that cannot be read is
  // queued too, so that it is answered with an ERROR_LOG (10.6.5).
  const std::string raw = plain_mail(
      "BEGIN IMS2.0\nMSG_TYPE REQUEST\nMSG_ID 7 ANY_NDC\nE-MAIL analyst@example.org\n"
      "TIME 2026/11/01 TO 2026/11/02\nSTA_LIST AUP06\nRMSSOH\nSTOP\n",
      "analyst@ndc.example");
  const auto request = take(raw);
  EXPECT_TRUE(request.accepted) << request.reason << ": " << request.diagnostics;
  EXPECT_EQ(request.msg_type, "request");
  const auto broken =
      take(plain_mail("BEGIN IMS2.0\nMSG_TYPE REQUEST\nMSG_ID 8 ANY_NDC\nTIME 2026/13/01 TO 2026/11/02\n"
                      "RMSSOH\nSTOP\n",
                      "analyst@ndc.example"));
  EXPECT_TRUE(broken.accepted);
  const auto help = take(plain_mail("help\n", "newcomer@ndc.example"));
  EXPECT_TRUE(help.accepted) << help.reason;
  EXPECT_EQ(help.msg_type, "help");

  const auto queued = store_->queued_requests(10);
  ASSERT_EQ(queued.size(), 3u);
  EXPECT_EQ(queued[0].channel, store::RequestChannel::email);
  EXPECT_EQ(queued[0].requester, "analyst@ndc.example");
  EXPECT_EQ(queued[0].reply_to, "analyst@ndc.example");  // the E-MAIL line is the engine's to read
  EXPECT_EQ(queued[0].message_id, request.id);
  EXPECT_EQ(queued[0].msg_id, "7");
  EXPECT_EQ(queued[1].message_id, broken.id);
  EXPECT_EQ(queued[2].requester, "newcomer@ndc.example");

  // Redelivered, it is neither stored nor queued again.
  take(raw);
  EXPECT_EQ(store_->queued_requests(10).size(), 3u);
}

TEST_F(AcquisitionTest, ReturnedMailIsNotAnswered) {
  const auto bounce = take(
      plain_mail("BEGIN IMS2.0\nMSG_TYPE REQUEST\nMSG_ID 9\nTIME 2026/11/01 TO 2026/11/02\nRMSSOH\nSTOP\n",
                 "MAILER-DAEMON@relay.example"));
  EXPECT_EQ(bounce.reason, "returned_mail");
  EXPECT_TRUE(store_->queued_requests(10).empty());
}

TEST_F(AcquisitionTest, StoresARedeliveryOnce) {
  const std::string raw = plain_mail(alert_text("AUP06", 13));
  take(raw);
  take(raw);
  store::MessageFilter all;
  all.limit = 10;
  EXPECT_EQ(store_->messages(all).size(), 1u);
  EXPECT_EQ(store_->items("ALERT_FLOW", "AUP06", std::nullopt, std::nullopt).size(), 1u);
}

TEST_F(AcquisitionTest, AnUploadIsSentByItsUser) {
  // An upload is the bare IMS2.0 text; the token's user stands for the sender.
  const auto record = take(alert_text("AUP06", 14), arrival_note(store::Door::upload, kStationAddress));
  EXPECT_TRUE(record.accepted) << record.reason << ": " << record.diagnostics;
  EXPECT_EQ(record.door, store::Door::upload);
  EXPECT_EQ(record.sender, kStationAddress);
  const auto stranger = take(alert_text("AUP06", 15), arrival_note(store::Door::upload, "user@example.org"));
  EXPECT_EQ(stranger.reason, "unknown_sender");
}

}  // namespace
}  // namespace imsgate::acq::test
