// A store with a small registry, a test PKI and an intake, for the acquisition's tests.
#pragma once

#include <memory>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "acq/intake.hpp"
#include "acq/trust.hpp"
#include "mail/smime.hpp"
#include "mail/test_pki.hpp"
#include "store/store.hpp"
#include "test_dir.hpp"

namespace imsgate::acq::test {

inline const std::string kStationAddress = "station@example.org";  // the test PKI's station e-mail

// An ALERT_FLOW data message from a station (7.6), one alert, numbered so that each is different.
inline std::string alert_text(std::string_view station, int n, std::string_view extra_preface = "") {
  return fmt::format(
      "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID ALERT{1} {0}\n{2}DATA_TYPE ALERT_FLOW\n"
      "{0} ALERT_FLOW 2026/11/01 00:{3:02}:00\nLow flow, message {1}.\nSTOP\n",
      station, n, extra_preface, n % 60);
}

class AcquisitionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Store::open(dir_.path() / "data");
    ASSERT_TRUE(opened) << opened.error();
    store_ = std::move(*opened);
    for (const char* code : {"AUP06", "AUP10"})
      ASSERT_TRUE(store_->put_station(
          {code, "radionuclide", code, "AU", {}, {}, store::SignaturePolicy::optional, ""}));
    ASSERT_TRUE(store_->add_sender({kStationAddress, "AUP06"}));
    register_certificate(pki_.ca, "", true);
    register_certificate(pki_.station, "AUP06");
    register_certificate(pki_.expired, "AUP06");
    register_certificate(pki_.revoked, "AUP06");
    ASSERT_TRUE(store_->put_crl("imsgate test CA", pki_.crl, pki_.made));
    trust_ = std::make_unique<TrustCache>(*store_);
    intake_ = std::make_unique<Intake>(*store_, Maildir(dir_.path() / "data" / "intake"),
                                       [this] { return trust_->current(); });
    ASSERT_TRUE(intake_->maildir().create());
  }

  void register_certificate(const mail::test::Credential& credential, std::string station,
                            bool authority = false) {
    auto read = mail::read_certificates(credential.certificate_pem);
    ASSERT_TRUE(read) << read.error();
    const auto& c = read->front();
    ASSERT_TRUE(store_->put_certificate(
        {c.fingerprint, std::move(station), authority, c.subject, c.not_before, c.not_after, c.pem}));
  }

  std::string signed_mail(const std::string& text, const mail::test::Credential& by,
                          const std::string& from = kStationAddress) {
    auto mail = mail::sign_message({from, "acq@imsgate.test", "data"}, text, by.certificate_pem, by.key_pem);
    EXPECT_TRUE(mail) << mail.error();
    return mail.value_or("");
  }

  std::string plain_mail(const std::string& text, const std::string& from = kStationAddress) {
    return mail::plain_message({from, "acq@imsgate.test", "data"}, text);
  }

  // Delivers a message, runs the intake and returns what the store keeps of it.
  store::MessageRecord take(const std::string& raw, std::string_view note = {}) {
    EXPECT_TRUE(intake_->maildir().deliver(raw, note));
    auto drained = intake_->drain();
    EXPECT_TRUE(drained) << drained.error();
    auto record = store_->message_by_sha256(store::sha256_hex(raw));
    EXPECT_TRUE(record) << "not stored";
    return record.value_or(store::MessageRecord{});
  }

  imsgate::test::TempDir dir_;
  mail::test::TestPki pki_ = mail::test::make_test_pki();
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<TrustCache> trust_;
  std::unique_ptr<Intake> intake_;
};

}  // namespace imsgate::acq::test
