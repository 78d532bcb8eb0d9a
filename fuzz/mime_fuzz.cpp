// Fuzzes the mail parser on whole received messages, and the S/MIME check on what it finds signed, as the
// acquisition runs them.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/mime.hpp"
#include "mail/smime.hpp"

namespace {

// A test CA made once with tests/mail/test_pki (its key thrown away); it issued the signer of the signed
// seeds.
constexpr std::string_view kFuzzCa = R"(-----BEGIN CERTIFICATE-----
MIIBlDCCATugAwIBAgIBATAKBggqhkjOPQQDAjAyMRYwFAYDVQQKDA1pbXNnYXRl
IHRlc3RzMRgwFgYDVQQDDA9pbXNnYXRlIGZ1enogQ0EwHhcNMjYwMTAxMDAwMDAw
WhcNNDYwMTAxMDAwMDAwWjAyMRYwFAYDVQQKDA1pbXNnYXRlIHRlc3RzMRgwFgYD
VQQDDA9pbXNnYXRlIGZ1enogQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASs
+wIJGbjAnjF6qBkxnX+w7U9H7VojYG52xf57tGh4/MbR9RGhSI86qNEROdgzGsgX
trnJ/HalbG62EeyfEhBVo0IwQDAdBgNVHQ4EFgQUwqr0qLUPuXQC+mt0qS2qHovJ
w4IwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwID
RwAwRAIgbpdYt/fGZX7MQPa7yDLSHrCLklj4tROBP2Lc60n262oCIFdQ9n2RBs9P
+p0N07WTRTZtyYJwvNKyPqtyBHkGAAzO
-----END CERTIFICATE-----
)";

const imsgate::mail::TrustStore& trust_store() {
  static const imsgate::mail::TrustStore store = [] {
    imsgate::mail::TrustStore trusted;
    (void)trusted.add_certificates(kFuzzCa);
    return trusted;
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto mail = imsgate::mail::parse_mail(std::string_view(reinterpret_cast<const char*>(data), size));
  if (mail && mail->signed_parts) {
    using namespace std::chrono;
    const imsgate::ims2::TimePoint at{sys_days{year{2030} / 1 / 1}.time_since_epoch()};  // the CA's validity
    (void)trust_store().verify(mail->signed_parts->content, mail->signed_parts->signature, at);
  }
  return 0;
}
