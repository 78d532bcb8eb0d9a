#include "mail/smime.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>

#include "mail/mime.hpp"
#include "mail/test_pki.hpp"
#include "test_dir.hpp"

namespace imsgate::mail {
namespace {

using namespace std::chrono;
using test::Credential;
using test::TestPki;

const std::string kBody =
    "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 42 XYZ_NDC\nDATA_TYPE LOG IMS2.0\nSignal received.\nSTOP\n";
const Envelope kEnvelope{"Station XYZ <station@example.org>", "data@idc.example.org", "IMS data"};

class TrustStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pki_ = std::make_unique<TestPki>(test::make_test_pki()); }
  static void TearDownTestSuite() { pki_.reset(); }

  static const TestPki& pki() { return *pki_; }

  static TrustStore store_of(std::initializer_list<const Credential*> trusted, std::string crl = {}) {
    TrustStore store;
    for (const Credential* credential : trusted) {
      auto added = store.add_certificates(credential->certificate_pem);
      EXPECT_TRUE(added) << (added ? "" : added.error());
    }
    if (!crl.empty()) {
      auto added = store.add_crl(crl);
      EXPECT_TRUE(added) << (added ? "" : added.error());
    }
    return store;
  }

  static std::string signed_by(const Credential& signer, const std::string& body = kBody) {
    auto message = sign_message(kEnvelope, body, signer.certificate_pem, signer.key_pem);
    EXPECT_TRUE(message) << (message ? "" : message.error());
    return message.value_or("");
  }

  static ParsedMail parsed(const std::string& bytes) {
    auto mail = parse_mail(bytes);
    EXPECT_TRUE(mail) << (mail ? "" : mail.error());
    return mail.value_or(ParsedMail{});
  }

  // parse_mail then verify, as the acquisition does.
  static Verification verified(const TrustStore& store, const std::string& bytes, ims2::TimePoint at) {
    auto mail = parse_mail(bytes);
    EXPECT_TRUE(mail) << (mail ? "" : mail.error());
    if (!mail || !mail->signed_parts) {
      ADD_FAILURE() << "not signed";
      return {};
    }
    return store.verify(mail->signed_parts->content, mail->signed_parts->signature, at);
  }

  static std::string fingerprint_of(const Credential& credential) {
    auto infos = read_certificates(credential.certificate_pem);
    return infos ? infos->front().fingerprint : std::string();
  }

  static inline std::unique_ptr<TestPki> pki_;
};

std::string describe(const Verification& v) {
  return std::string(fault_code(v.fault)) + ": " + v.detail;
}

TEST_F(TrustStoreTest, VerifiesItsOwnSignedMessage) {
  std::string message = signed_by(pki().station);
  EXPECT_NE(message.find(
                "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256"),
            std::string::npos);
  EXPECT_NE(message.find("\r\nMessage-ID: <"), std::string::npos);
  EXPECT_NE(message.find("\r\nDate: "), std::string::npos);
  EXPECT_EQ(message.find('\n'), message.find("\r\n") + 1);  // CRLF lines

  auto mail = parsed(message);
  EXPECT_EQ(mail.text, kBody);
  EXPECT_EQ(mail.from, "station@example.org");
  EXPECT_EQ(mail.subject, "IMS data");
  TrustStore store = store_of({&pki().ca});
  auto verification = verified(store, message, pki().made);
  EXPECT_EQ(verification.fault, SignatureFault::none) << describe(verification);
  EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(pki().station));
  EXPECT_EQ(verification.signer.emails, std::vector<std::string>{"station@example.org"});
  EXPECT_EQ(verification.signer.subject, "CN=Station XYZ01,O=imsgate tests");
  EXPECT_EQ(verification.signer.issuer, "CN=imsgate test CA,O=imsgate tests");
  EXPECT_FALSE(verification.signer.authority);
}

TEST_F(TrustStoreTest, VerifiesRsaSignatures) {
  TestPki rsa = test::make_test_pki(test::KeyAlgorithm::rsa2048);
  TrustStore store;
  ASSERT_TRUE(store.add_certificates(rsa.ca.certificate_pem));
  std::string message = signed_by(rsa.station);
  auto verification = verified(store, message, rsa.made);
  EXPECT_EQ(verification.fault, SignatureFault::none) << describe(verification);
  EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(rsa.station));
  message[message.find("Signal")] = 's';
  EXPECT_EQ(verified(store, message, rsa.made).fault, SignatureFault::tampered);
}

TEST_F(TrustStoreTest, DetectsATamperedBody) {
  std::string message = signed_by(pki().station);
  message[message.find("Signal")] = 's';
  auto verification = verified(store_of({&pki().ca}), message, pki().made);
  EXPECT_EQ(verification.fault, SignatureFault::tampered) << describe(verification);
  EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(pki().station));
}

TEST_F(TrustStoreTest, DetectsATamperedPartHeader) {
  std::string message = signed_by(pki().station);
  message.replace(message.find("charset=us-ascii"), 16, "charset=US-ASCII");
  EXPECT_EQ(verified(store_of({&pki().ca}), message, pki().made).fault, SignatureFault::tampered);
}

TEST_F(TrustStoreTest, RefusesASignerOfAnotherCa) {
  auto verification = verified(store_of({&pki().ca}), signed_by(pki().stranger), pki().made);
  EXPECT_EQ(verification.fault, SignatureFault::unknown_signer) << describe(verification);
  EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(pki().stranger));
  EXPECT_EQ(verification.signer.emails, std::vector<std::string>{"stranger@example.org"});
}

TEST_F(TrustStoreTest, RefusesAnExpiredCertificate) {
  TrustStore store = store_of({&pki().ca});
  auto expired = verified(store, signed_by(pki().expired), pki().made);
  EXPECT_EQ(expired.fault, SignatureFault::expired) << describe(expired);
  EXPECT_EQ(expired.detail, "certificate has expired");

  std::string message = signed_by(pki().station);
  auto after = verified(store, message, pki().made + days{366});
  EXPECT_EQ(after.fault, SignatureFault::expired) << describe(after);
  EXPECT_EQ(after.signer.fingerprint, fingerprint_of(pki().station));
  EXPECT_LT(after.signer.not_after, pki().made + days{366});
  EXPECT_EQ(verified(store, message, pki().made - days{2}).fault, SignatureFault::expired);  // not yet valid
}

TEST_F(TrustStoreTest, RefusesARevokedCertificate) {
  TrustStore store = store_of({&pki().ca}, pki().crl);
  auto revoked = verified(store, signed_by(pki().revoked), pki().made);
  EXPECT_EQ(revoked.fault, SignatureFault::revoked) << describe(revoked);
  EXPECT_EQ(revoked.signer.fingerprint, fingerprint_of(pki().revoked));
  // The CRL lists only that one; and a CRL past its next update still refuses what it lists.
  EXPECT_EQ(verified(store, signed_by(pki().station), pki().made).fault, SignatureFault::none);
  EXPECT_EQ(verified(store, signed_by(pki().revoked), pki().made + days{30}).fault, SignatureFault::revoked);
}

TEST_F(TrustStoreTest, AcceptsARevokedCertificateWhenItsCaHasNoCrl) {
  auto verification = verified(store_of({&pki().ca}), signed_by(pki().revoked), pki().made);
  EXPECT_EQ(verification.fault, SignatureFault::none) << describe(verification);
  // A CRL of another issuer does not make one for this CA.
  TrustStore store =
      store_of({&pki().ca, &pki().other_ca},
               test::issue_crl(pki().other_ca, {}, pki().made - days{1}, pki().made + days{1}));
  EXPECT_EQ(verified(store, signed_by(pki().revoked), pki().made).fault, SignatureFault::none);
}

TEST_F(TrustStoreTest, RefusesACrlOfAnUntrustedIssuer) {
  TrustStore store = store_of({&pki().ca});
  auto added = store.add_crl(test::issue_crl(pki().other_ca, {}, pki().made, pki().made + days{1}));
  ASSERT_FALSE(added);
  EXPECT_EQ(
      added.error(),
      "the CRL of CN=imsgate other CA,O=imsgate tests is not signed by a trusted certificate (add its issuer "
      "first)");
  EXPECT_FALSE(store.add_crl("not a CRL"));
}

TEST_F(TrustStoreTest, TrustsARegisteredStationCertificateWithoutItsCa) {
  auto verification = verified(store_of({&pki().station}), signed_by(pki().station), pki().made);
  EXPECT_EQ(verification.fault, SignatureFault::none) << describe(verification);
  Credential self_signed = test::issue_certificate(
      {"Self-signed station", "self@example.org", false, 7, pki().made - days{1}, pki().made + days{10}});
  auto self = verified(store_of({&self_signed}), signed_by(self_signed), pki().made);
  EXPECT_EQ(self.fault, SignatureFault::none) << describe(self);
  EXPECT_EQ(verified(store_of({&pki().ca}), signed_by(self_signed), pki().made).fault,
            SignatureFault::unknown_signer);
}

TEST_F(TrustStoreTest, ChainsThroughTheCertificatesTheSignatureCarries) {
  Credential intermediate = test::issue_certificate(
      {"imsgate intermediate CA", "", true, 20, pki().made - days{1}, pki().made + days{30}}, &pki().ca);
  Credential station = test::issue_certificate(
      {"Station ABC02", "abc@example.org", false, 21, pki().made - days{1}, pki().made + days{30}},
      &intermediate);
  auto chained =
      sign_message(kEnvelope, kBody, station.certificate_pem + intermediate.certificate_pem, station.key_pem);
  ASSERT_TRUE(chained) << chained.error();
  TrustStore store = store_of({&pki().ca});
  for (int round = 0; round < 2; ++round) {  // the second time from the certificates already decoded
    auto verification = verified(store, *chained, pki().made);
    EXPECT_EQ(verification.fault, SignatureFault::none) << describe(verification);
    EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(station));
  }
  auto unchained = verified(store, signed_by(station), pki().made);
  EXPECT_EQ(unchained.fault, SignatureFault::unknown_signer) << describe(unchained);
  EXPECT_EQ(unchained.detail, "unable to get local issuer certificate");
}

TEST_F(TrustStoreTest, RefusesWhatIsNotASignature) {
  TrustStore store = store_of({&pki().ca});
  EXPECT_EQ(store.verify(kBody, "", pki().made).fault, SignatureFault::malformed);
  auto garbage = store.verify(kBody, "\x30\x03\x02\x01\x01", pki().made);
  EXPECT_EQ(garbage.fault, SignatureFault::malformed);
  EXPECT_NE(garbage.detail.find("the signature is not CMS"), std::string::npos) << garbage.detail;
  EXPECT_TRUE(garbage.signer.fingerprint.empty());
}

TEST_F(TrustStoreTest, VerifiesFromSeveralThreads) {
  const TrustStore store = store_of({&pki().ca}, pki().crl);
  auto good = parsed(signed_by(pki().station));
  auto revoked = parsed(signed_by(pki().revoked, kBody + "revoked\n"));
  ASSERT_TRUE(good.signed_parts && revoked.signed_parts);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        wrong[t] +=
            store.verify(good.signed_parts->content, good.signed_parts->signature, pki().made).fault !=
            SignatureFault::none;
        wrong[t] +=
            store.verify(revoked.signed_parts->content, revoked.signed_parts->signature, pki().made).fault !=
            SignatureFault::revoked;
        wrong[t] +=
            store.verify(revoked.signed_parts->content, good.signed_parts->signature, pki().made).fault !=
            SignatureFault::tampered;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST_F(TrustStoreTest, ReadsCertificateBundles) {
  auto infos = read_certificates("some text\n" + pki().ca.certificate_pem + pki().station.key_pem +
                                 pki().station.certificate_pem);
  ASSERT_TRUE(infos) << infos.error();
  ASSERT_EQ(infos->size(), 2u);
  const auto& ca = (*infos)[0];
  const auto& station = (*infos)[1];
  EXPECT_TRUE(ca.authority);
  EXPECT_EQ(ca.subject, "CN=imsgate test CA,O=imsgate tests");
  EXPECT_EQ(ca.issuer, ca.subject);
  EXPECT_TRUE(ca.emails.empty());
  EXPECT_EQ(ca.pem, pki().ca.certificate_pem);
  EXPECT_EQ(ca.not_before, pki().made - days{1});
  EXPECT_EQ(ca.not_after, pki().made + days{365});
  EXPECT_EQ(ca.fingerprint.size(), 64u);
  EXPECT_EQ(ca.fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_FALSE(station.authority);
  EXPECT_EQ(station.emails, std::vector<std::string>{"station@example.org"});
  EXPECT_NE(station.fingerprint, ca.fingerprint);

  auto none = read_certificates("nothing here");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error(), "no certificate in the PEM text");
  std::string damaged = pki().ca.certificate_pem;
  damaged[damaged.size() / 2] = '#';
  auto broken = read_certificates(damaged);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().rfind("certificate 1 cannot be read: ", 0), 0u) << broken.error();
}

TEST_F(TrustStoreTest, NamesEveryFault) {
  EXPECT_EQ(fault_code(SignatureFault::none), "");
  EXPECT_EQ(fault_code(SignatureFault::malformed), "malformed");
  EXPECT_EQ(fault_code(SignatureFault::tampered), "tampered");
  EXPECT_EQ(fault_code(SignatureFault::unknown_signer), "unknown_signer");
  EXPECT_EQ(fault_code(SignatureFault::expired), "expired");
  EXPECT_EQ(fault_code(SignatureFault::revoked), "revoked");
}

TEST_F(TrustStoreTest, SignsTextThatCannotTravelAs7bit) {
  const std::string body = "BEGIN IMS2.0\nFrom the station\ntrailing blanks  \nx = caf\xc3\xa9\n" +
                           std::string(1200, 'x') + "\nSTOP";
  std::string message = signed_by(pki().station, body);
  EXPECT_NE(message.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
  EXPECT_NE(message.find("charset=utf-8"), std::string::npos);
  std::size_t longest = 0;
  for (std::size_t pos = 0, next; pos < message.size(); pos = next + 2) {
    next = message.find("\r\n", pos);
    if (next == std::string::npos) break;
    longest = std::max(longest, next - pos);
  }
  EXPECT_LE(longest, 998u);
  EXPECT_EQ(message.find("\nFrom the"), std::string::npos);
  auto mail = parsed(message);
  EXPECT_EQ(mail.text, body);
  EXPECT_EQ(verified(store_of({&pki().ca}), message, pki().made).fault, SignatureFault::none);
}

TEST_F(TrustStoreTest, WritesPlainMessages) {
  std::string message =
      plain_message({"a@example.org", "b@example.org", "caf\xc3\xa9\r\nBcc: x@example.org"}, kBody);
  EXPECT_NE(message.find("Content-Transfer-Encoding: 7bit\r\n"), std::string::npos);
  EXPECT_EQ(message.find("\r\nBcc:"), std::string::npos);
  auto mail = parsed(message);
  EXPECT_EQ(mail.text, kBody);
  EXPECT_EQ(mail.subject, "caf\xc3\xa9  Bcc: x@example.org");
  EXPECT_FALSE(mail.signed_parts);
  EXPECT_EQ(parsed(plain_message(kEnvelope, "a\tb  \n")).text, "a\tb  \n");
}

TEST_F(TrustStoreTest, SigningNeedsTheCertificatesKey) {
  auto message = sign_message(kEnvelope, kBody, pki().station.certificate_pem, pki().stranger.key_pem);
  ASSERT_FALSE(message);
  EXPECT_EQ(message.error(), "the signing key does not belong to the certificate");
  EXPECT_FALSE(sign_message(kEnvelope, kBody, "no certificate", pki().station.key_pem));
  EXPECT_FALSE(sign_message(kEnvelope, kBody, pki().station.certificate_pem, "no key"));
}

// The openssl command as the other side: messages it signs verify here, and ours verify there.
class TrustStoreOpenssl : public TrustStoreTest {
 protected:
  void SetUp() override {
    if (std::system("openssl version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no openssl command";
    dir_.write("station.pem", pki().station.certificate_pem);
    dir_.write("station.key", pki().station.key_pem);
    dir_.write("ca.pem", pki().ca.certificate_pem);
  }

  // `openssl cms -sign` of the file `in` with the station's key and extra options; the message it writes.
  std::string openssl_sign(const std::string& in, const std::string& options,
                           const std::string& signer = "station") {
    std::string out = dir_.file(in + ".eml");
    std::string command = "openssl cms -sign -md sha256 -in '" + dir_.file(in) + "' -signer '" +
                          dir_.file(signer + ".pem") + "' -inkey '" + dir_.file(signer + ".key") +
                          "' -out '" + out + "' " + options + " 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return dir_.read(in + ".eml");
  }

  imsgate::test::TempDir dir_;
};

TEST_F(TrustStoreOpenssl, VerifiesTextSignedByOpenssl) {
  dir_.write("body.txt", kBody);
  TrustStore store = store_of({&pki().ca});
  for (std::string options : {"-text", "-text -crlfeol", "-text -stream"}) {
    // Without -crlfeol the part has CRLF lines and the rest LF lines.
    std::string message = openssl_sign("body.txt", options);
    auto mail = parsed(message);
    EXPECT_EQ(mail.text, kBody) << options;
    auto verification = verified(store, message, pki().made);
    EXPECT_EQ(verification.fault, SignatureFault::none) << options << ": " << describe(verification);
    EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(pki().station));
  }
}

TEST_F(TrustStoreOpenssl, VerifiesQuotedPrintableAndBase64Parts) {
  dir_.write("qp.txt",
             "Content-Type: text/plain; charset=utf-8\n"
             "Content-Transfer-Encoding: quoted-printable\n"
             "\n"
             "BEGIN IMS2.0 =3D caf=C3=A9 long=\n"
             " line=20\n"
             "STOP\n");
  dir_.write("base64.txt",
             "Content-Type: text/plain\n"
             "Content-Transfer-Encoding: base64\n"
             "\n"
             "QkVHSU4gSU1TMi4wCk1TR19UWVBFIERBVEEKU1RPUAo=\n");
  TrustStore store = store_of({&pki().ca});
  auto qp = openssl_sign("qp.txt", "");
  EXPECT_EQ(parsed(qp).text, "BEGIN IMS2.0 = caf\xc3\xa9 long line \nSTOP\n");
  EXPECT_EQ(verified(store, qp, pki().made).fault, SignatureFault::none);
  auto base64 = openssl_sign("base64.txt", "-crlfeol");
  EXPECT_EQ(parsed(base64).text, "BEGIN IMS2.0\nMSG_TYPE DATA\nSTOP\n");
  EXPECT_EQ(verified(store, base64, pki().made).fault, SignatureFault::none);
  base64[base64.find("QkVHSU4g")] = 'R';
  EXPECT_EQ(verified(store, base64, pki().made).fault, SignatureFault::tampered);
}

TEST_F(TrustStoreOpenssl, VerifiesASignedMultipartWithBlanksAfterItsBoundaries) {
  dir_.write("mixed.txt",
             "Content-Type: multipart/mixed; boundary=inner\n"
             "\n"
             "--inner  \n"
             "Content-Type: text/plain\n"
             "\n" +
                 kBody + "\n--inner--  \n");
  std::string message = openssl_sign("mixed.txt", "");
  EXPECT_EQ(parsed(message).text, kBody);
  EXPECT_EQ(verified(store_of({&pki().ca}), message, pki().made).fault, SignatureFault::none);
}

TEST_F(TrustStoreOpenssl, VerifiesOpaqueSignedData) {
  dir_.write("body.txt", kBody);
  TrustStore store = store_of({&pki().ca});
  // -stream writes BER: indefinite lengths, the content in pieces
  for (std::string options : {"-text -nodetach", "-text -nodetach -stream"}) {
    std::string message = openssl_sign("body.txt", options);
    EXPECT_NE(message.find("application/pkcs7-mime; smime-type=signed-data"), std::string::npos);
    auto verification = verified(store, message, pki().made);
    EXPECT_EQ(verification.fault, SignatureFault::none) << options << ": " << describe(verification);
    EXPECT_EQ(verification.signer.fingerprint, fingerprint_of(pki().station));
    EXPECT_EQ(parsed(message).text, kBody);
  }
}

TEST_F(TrustStoreOpenssl, FindsALeftOutSignerCertificateAmongTheTrusted) {
  dir_.write("body.txt", kBody);
  std::string message = openssl_sign("body.txt", "-text -nocerts");
  EXPECT_EQ(verified(store_of({&pki().ca, &pki().station}), message, pki().made).fault, SignatureFault::none);
  auto unknown = verified(store_of({&pki().ca}), message, pki().made);
  EXPECT_EQ(unknown.fault, SignatureFault::unknown_signer);
  EXPECT_EQ(unknown.detail, "the signer's certificate is neither in the signature nor trusted");
}

TEST_F(TrustStoreOpenssl, NestedSignatureIsTheOuterOne) {
  Credential forwarder = test::issue_certificate(
      {"Forwarding NDC", "ndc@example.org", false, 9, pki().made - days{1}, pki().made + days{10}},
      &pki().ca);
  dir_.write("ndc.pem", forwarder.certificate_pem);
  dir_.write("ndc.key", forwarder.key_pem);
  dir_.write("body.txt", kBody);
  dir_.write("inner.txt", openssl_sign("body.txt", "-text"));
  std::string message = openssl_sign("inner.txt", "", "ndc");
  auto mail = parsed(message);
  EXPECT_EQ(mail.text, kBody);
  auto outer = verified(store_of({&pki().ca}), message, pki().made);
  EXPECT_EQ(outer.fault, SignatureFault::none) << describe(outer);
  EXPECT_EQ(outer.signer.fingerprint, fingerprint_of(forwarder));
  // The inner message, as the outer signature covers it, verifies by itself.
  auto inner = verified(store_of({&pki().ca}), mail.signed_parts->content, pki().made);
  EXPECT_EQ(inner.fault, SignatureFault::none) << describe(inner);
  EXPECT_EQ(inner.signer.fingerprint, fingerprint_of(pki().station));
}

TEST_F(TrustStoreOpenssl, OpensslVerifiesOurSignature) {
  const std::string body = kBody + "trailing blank \n";
  dir_.write("ours.eml", signed_by(pki().station, body));
  std::string command = "openssl cms -verify -in '" + dir_.file("ours.eml") + "' -CAfile '" +
                        dir_.file("ca.pem") + "' -out '" + dir_.file("content.txt") + "' 2>/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0);
  std::string content = dir_.read("content.txt");
  EXPECT_NE(content.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos) << content;
  EXPECT_NE(content.find("trailing blank=20\r\n"), std::string::npos) << content;
}

}  // namespace
}  // namespace imsgate::mail
