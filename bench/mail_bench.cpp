// How fast a received signed message is taken apart and its signature checked (the acquisition's goal is
// 2,000 signed 50 KB messages a second on 2 cores), for EC P-256 and RSA 2048 station keys.
#include <string>

#include <benchmark/benchmark.h>

#include "mail/mime.hpp"
#include "mail/smime.hpp"
#include "mail/test_pki.hpp"

namespace {

namespace mail = imsgate::mail;

// A 50 KB IMS2.0-like body.
std::string body() {
  std::string text = "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 1 XYZ_NDC\nDATA_TYPE WAVEFORM IMS2.0\n";
  while (text.size() < 50'000)
    text += "DAT2\n4VBK8UEL3kHkK1m0lmUk2UFKU7lkJLZ5YTKV9TGKU+lkVFOUUk2lkV8l0k4l0JNl3KKl3J2M9j\n";
  return text + "STOP\n";
}

struct Fixture {
  explicit Fixture(mail::test::KeyAlgorithm algorithm) : pki(mail::test::make_test_pki(algorithm)) {
    (void)store.add_certificates(pki.ca.certificate_pem);
    message = mail::sign_message({"station@example.org", "data@example.org", "data"}, body(),
                                 pki.station.certificate_pem, pki.station.key_pem)
                  .value();
  }
  mail::test::TestPki pki;
  mail::TrustStore store;
  std::string message;
};

void parse(benchmark::State& state) {
  Fixture fixture(mail::test::KeyAlgorithm::ec_p256);
  for (auto _ : state) benchmark::DoNotOptimize(mail::parse_mail(fixture.message));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * fixture.message.size()));
}

void parse_and_verify(benchmark::State& state, mail::test::KeyAlgorithm algorithm) {
  Fixture fixture(algorithm);
  for (auto _ : state) {
    auto parsed = mail::parse_mail(fixture.message);
    auto verification = fixture.store.verify(parsed->signed_parts->content, parsed->signed_parts->signature,
                                             fixture.pki.made);
    if (verification.fault != mail::SignatureFault::none) state.SkipWithError(verification.detail.c_str());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(parse);
BENCHMARK_CAPTURE(parse_and_verify, ec_p256, mail::test::KeyAlgorithm::ec_p256);
BENCHMARK_CAPTURE(parse_and_verify, rsa2048, mail::test::KeyAlgorithm::rsa2048);

}  // namespace
