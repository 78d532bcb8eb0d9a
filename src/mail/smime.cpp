#include "mail/smime.hpp"

#include <array>
#include <chrono>
#include <ctime>
#include <limits>
#include <mutex>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "mail/gmime_support.hpp"
#include "mail/line_breaks.hpp"

namespace imsgate::mail {
namespace {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* object) const {
    Free(object);
  }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using StoreContextPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
struct CertificateStackFree {
  void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using CertificateStack = std::unique_ptr<STACK_OF(X509), CertificateStackFree>;

// OpenSSL's errors queued by a failed call, oldest first; the queue is left empty.
std::vector<unsigned long> take_errors() {
  std::vector<unsigned long> codes;
  while (unsigned long code = ERR_get_error()) codes.push_back(code);
  return codes;
}

std::string reasons(const std::vector<unsigned long>& codes) {
  std::string text;
  for (unsigned long code : codes) {
    const char* reason = ERR_reason_error_string(code);
    std::string item = reason != nullptr ? reason : fmt::format("error {:#x}", code);
    if (text.find(item) != std::string::npos) continue;
    if (!text.empty()) text += "; ";
    text += item;
  }
  return text.empty() ? "unknown OpenSSL error" : text;
}

std::string openssl_errors() {
  return reasons(take_errors());
}

// A read-only memory BIO over the bytes (no copy).
BioPtr memory_bio(std::string_view bytes) {
  if (bytes.size() > std::numeric_limits<int>::max()) return nullptr;
  return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

ims2::TimePoint time_point_of(const ASN1_TIME* time) {
  std::tm tm{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) return {};
  using namespace std::chrono;
  sys_days day = year{tm.tm_year + 1900} / (tm.tm_mon + 1) / tm.tm_mday;
  return ims2::TimePoint{day.time_since_epoch() + hours{tm.tm_hour} + minutes{tm.tm_min} +
                         seconds{tm.tm_sec}};
}

std::string name_line(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  // RFC 2253, but UTF-8 kept as it is rather than escaped byte by byte
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  return bio_text(bio.get());
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

CertificateInfo describe(X509* certificate) {
  CertificateInfo info;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  if (X509_digest(certificate, EVP_sha256(), digest.data(), &digest_size) == 1)
    info.fingerprint = hex(digest.data(), digest_size);
  info.subject = name_line(X509_get_subject_name(certificate));
  info.issuer = name_line(X509_get_issuer_name(certificate));
  STACK_OF(OPENSSL_STRING)* emails = X509_get1_email(certificate);
  for (int i = 0; i < sk_OPENSSL_STRING_num(emails); ++i)
    info.emails.push_back(lower(sk_OPENSSL_STRING_value(emails, i)));
  X509_email_free(emails);
  info.not_before = time_point_of(X509_get0_notBefore(certificate));
  info.not_after = time_point_of(X509_get0_notAfter(certificate));
  info.authority = (X509_get_extension_flags(certificate) & EXFLAG_CA) != 0;
  BioPtr pem(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(pem.get(), certificate);
  info.pem = bio_text(pem.get());
  ERR_clear_error();
  return info;
}

// Every certificate of a PEM text, in order; other PEM blocks are skipped.
tl::expected<std::vector<X509Ptr>, std::string> read_x509s(std::string_view pem) {
  BioPtr bio = memory_bio(pem);
  if (!bio) return tl::unexpected(std::string("the PEM text is too large"));
  std::vector<X509Ptr> certificates;
  ERR_clear_error();
  while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
    certificates.emplace_back(certificate);
  unsigned long last = ERR_peek_last_error();
  bool at_end = ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
  if (!at_end) {
    return tl::unexpected(
        fmt::format("certificate {} cannot be read: {}", certificates.size() + 1, openssl_errors()));
  }
  ERR_clear_error();
  if (certificates.empty()) return tl::unexpected(std::string("no certificate in the PEM text"));
  return certificates;
}

// A missing CRL is no fault (revocation is checked where a CRL is registered), nor is a CRL outside its
// validity: the certificates it lists are still refused.
int accept_missing_or_stale_crl(int ok, X509_STORE_CTX* context) {
  if (ok != 0) return ok;
  switch (X509_STORE_CTX_get_error(context)) {
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
      return 1;
    default:
      return 0;
  }
}

SignatureFault fault_of_chain_error(int error) {
  switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return SignatureFault::expired;
    case X509_V_ERR_CERT_REVOKED:
      return SignatureFault::revoked;
    default:
      return SignatureFault::unknown_signer;
  }
}

// Whether CMS_verify failed because the content or the signed attributes do not match the signature.
bool digest_or_signature_mismatch(const std::vector<unsigned long>& codes) {
  for (unsigned long code : codes) {
    int reason = ERR_GET_REASON(code);
    if (ERR_GET_LIB(code) == ERR_LIB_CMS &&
        (reason == CMS_R_VERIFICATION_FAILURE || reason == CMS_R_CONTENT_VERIFY_ERROR))
      return true;
  }
  return false;
}

// Whether the text of the part we send must be quoted-printable rather than 7bit.
bool needs_quoted_printable(std::string_view body) {
  std::size_t line_start = 0;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    bool end = i == body.size() || body[i] == '\n';
    if (!end) {
      auto c = static_cast<unsigned char>(body[i]);
      if (c == 0 || c >= 0x80) return true;
      if (c == '\r' && !(i + 1 < body.size() && body[i + 1] == '\n')) return true;
      continue;
    }
    std::string_view line = body.substr(line_start, i - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Long lines break SMTP, trailing blanks are stripped by some gateways, "From " is quoted by mbox stores.
    if (line.size() > 998 || line.substr(0, 5) == "From ") return true;
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return true;
    line_start = i + 1;
  }
  return false;
}

// RFC 2045 6.7: every line break of the text a hard CRLF, soft breaks keep lines within 76 characters.
std::string quoted_printable(std::string_view body) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    auto c = static_cast<unsigned char>(body[i]);
    if (c == '\n' || (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n')) {
      if (c == '\r') ++i;
      out += "\r\n";
      column = 0;
      line_start = i + 1;
      continue;
    }
    bool at_line_end = i + 1 == body.size() || body[i + 1] == '\n' || body.substr(i + 1, 2) == "\r\n";
    bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
    if (i == line_start && body.substr(i, 5) == "From ") literal = false;
    std::size_t width = literal ? 1 : 3;
    if (column + width > 75) {
      out += "=\r\n";
      column = 0;
    }
    if (literal) {
      out += static_cast<char>(c);
    } else {
      out += '=';
      out += kDigits[c >> 4];
      out += kDigits[c & 15];
    }
    column += width;
  }
  return out;
}

// The text/plain entity: headers, empty line, body with CRLF lines.
std::string text_part(std::string_view body) {
  bool eight_bit = false;
  for (char c : body) eight_bit = eight_bit || static_cast<unsigned char>(c) >= 0x80;
  bool quoted = needs_quoted_printable(body);
  return fmt::format("Content-Type: text/plain; charset={}\r\nContent-Transfer-Encoding: {}\r\n\r\n{}",
                     eight_bit ? "utf-8" : "us-ascii", quoted ? "quoted-printable" : "7bit",
                     quoted ? quoted_printable(body) : to_crlf(body));
}

std::string random_hex(std::size_t bytes) {
  std::array<unsigned char, 32> random{};
  bytes = std::min(bytes, random.size());
  if (RAND_bytes(random.data(), static_cast<int>(bytes)) != 1) ERR_clear_error();
  return hex(random.data(), bytes);
}

// A header value on one line: a line break in it would start a header of the caller's text.
std::string one_line(std::string_view value) {
  std::string out(value);
  for (char& c : out)
    if (c == '\r' || c == '\n') c = ' ';
  return out;
}

std::string encoded_words(const std::string& text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return text;
  init_gmime();
  std::unique_ptr<char, decltype(&g_free)> encoded(
      g_mime_utils_header_encode_text(nullptr, text.c_str(), "utf-8"), g_free);
  return encoded ? std::string(encoded.get()) : text;
}

std::string rfc5322_date(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day = floor<days>(now);
  year_month_day date{day};
  hh_mm_ss time{floor<seconds>(now - day)};
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[weekday{day}.c_encoding()],
                     static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1],
                     static_cast<int>(date.year()), time.hours().count(), time.minutes().count(),
                     time.seconds().count());
}

std::string domain_of(std::string_view address) {
  std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return "imsgate.invalid";
  std::string_view domain = address.substr(at + 1);
  domain = domain.substr(0, domain.find_first_of("> \t"));
  return domain.empty() ? "imsgate.invalid" : std::string(domain);
}

// From, To, Subject as given, then Date, Message-ID and MIME-Version; the content headers follow.
std::string envelope_headers(const Envelope& envelope) {
  return fmt::format(
      "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <{}@{}>\r\nMIME-Version: 1.0\r\n",
      one_line(envelope.from), one_line(envelope.to), encoded_words(one_line(envelope.subject)),
      rfc5322_date(std::chrono::system_clock::now()), random_hex(16), domain_of(envelope.from));
}

std::string base64_lines(std::string_view bytes) {
  std::string out;
  std::array<unsigned char, 80> line{};
  for (std::size_t pos = 0; pos < bytes.size(); pos += 57) {  // 57 bytes are 76 characters
    std::size_t size = std::min<std::size_t>(57, bytes.size() - pos);
    int written = EVP_EncodeBlock(line.data(), reinterpret_cast<const unsigned char*>(bytes.data() + pos),
                                  static_cast<int>(size));
    out.append(reinterpret_cast<const char*>(line.data()), static_cast<std::size_t>(written));
    out += "\r\n";
  }
  return out;
}

constexpr std::size_t kMaxCarriedCertificates = 16;  // a signer and its chain, a handful in practice

// A decoded certificate and its description. OpenSSL 3.0 takes a fifth of a millisecond to decode a public
// key, more than the whole signature check, so the certificates that messages carry are decoded once.
struct Certificate {
  X509Ptr x509;
  CertificateInfo info;
};
using CertificatePtr = std::shared_ptr<const Certificate>;

CertificatePtr make_certificate(X509Ptr x509) {
  CertificateInfo info = describe(x509.get());
  return std::make_shared<const Certificate>(Certificate{std::move(x509), std::move(info)});
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Certificates by their DER, shared by the threads that verify.
class CertificateCache {
 public:
  CertificatePtr get(std::string_view der) {
    {
      std::lock_guard lock(mutex_);
      if (auto found = entries_.find(der); found != entries_.end()) return found->second;
    }
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
    X509Ptr x509(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    ERR_clear_error();
    if (!x509) return nullptr;
    CertificatePtr certificate = make_certificate(std::move(x509));
    std::lock_guard lock(mutex_);
    // Bounds against senders of endless new certificates: start again when full.
    if (entries_.size() >= kMaxEntries || bytes_ + der.size() > kMaxBytes) {
      entries_.clear();
      bytes_ = 0;
    }
    auto [entry, added] = entries_.try_emplace(std::string(der), std::move(certificate));
    if (added) bytes_ += der.size();
    return entry->second;
  }

 private:
  static constexpr std::size_t kMaxEntries = 4096;
  static constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
  std::mutex mutex_;
  std::unordered_map<std::string, CertificatePtr, StringHash, std::equal_to<>> entries_;
  std::size_t bytes_ = 0;
};

// One definite-length DER element.
struct Element {
  std::size_t begin = 0;     // its tag
  std::size_t contents = 0;  // its first content byte
  std::size_t end = 0;       // one past its last byte
  int tag = 0;
  int tag_class = 0;
  bool constructed = false;

  bool is(int expected_tag, int expected_class) const {
    return tag == expected_tag && tag_class == expected_class;
  }
};

std::optional<Element> element_at(std::string_view der, std::size_t pos, std::size_t end) {
  if (pos >= end) return std::nullopt;
  const auto* start = reinterpret_cast<const unsigned char*>(der.data()) + pos;
  const unsigned char* cursor = start;
  long length = 0;
  Element element;
  int info =
      ASN1_get_object(&cursor, &length, &element.tag, &element.tag_class, static_cast<long>(end - pos));
  if ((info & 0x80) != 0 || (info & 1) != 0) {  // an error, or an indefinite length
    ERR_clear_error();
    return std::nullopt;
  }
  element.begin = pos;
  element.contents = pos + static_cast<std::size_t>(cursor - start);
  element.end = element.contents + static_cast<std::size_t>(length);
  element.constructed = (info & V_ASN1_CONSTRUCTED) != 0;
  if (element.end > end) return std::nullopt;
  return element;
}

std::string constructed_header(int tag, int tag_class, std::size_t length) {
  std::array<unsigned char, 16> header{};
  unsigned char* cursor = header.data();
  ASN1_put_object(&cursor, 1, static_cast<int>(length), tag, tag_class);
  return std::string(reinterpret_cast<const char*>(header.data()),
                     static_cast<std::size_t>(cursor - header.data()));
}

// A signed-data ContentInfo without its certificates, and the certificates' DER (RFC 5652 5.1). Nothing when
// the layout is not the plain definite-length one, or a certificate is not an X.509 one: the caller then
// decodes the whole as it is.
struct SplitSignature {
  std::string without_certificates;
  std::vector<std::string_view> certificates;
};

std::optional<SplitSignature> split_certificates(std::string_view der) {
  auto content_info = element_at(der, 0, der.size());
  if (!content_info || !content_info->is(V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL)) return std::nullopt;
  auto type = element_at(der, content_info->contents, content_info->end);
  if (!type || !type->is(V_ASN1_OBJECT, V_ASN1_UNIVERSAL)) return std::nullopt;
  auto content = element_at(der, type->end, content_info->end);
  if (!content || !content->is(0, V_ASN1_CONTEXT_SPECIFIC) || content->end != content_info->end)
    return std::nullopt;
  auto signed_data = element_at(der, content->contents, content->end);
  if (!signed_data || !signed_data->is(V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL) || signed_data->end != content->end)
    return std::nullopt;

  SplitSignature split;
  std::string fields;
  for (std::size_t pos = signed_data->contents; pos < signed_data->end;) {
    auto field = element_at(der, pos, signed_data->end);
    if (!field) return std::nullopt;
    if (field->is(0, V_ASN1_CONTEXT_SPECIFIC) && field->constructed) {
      for (std::size_t at = field->contents; at < field->end;) {
        auto certificate = element_at(der, at, field->end);
        if (!certificate || !certificate->is(V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL)) return std::nullopt;
        split.certificates.push_back(der.substr(certificate->begin, certificate->end - certificate->begin));
        at = certificate->end;
      }
    } else {
      fields.append(der.substr(field->begin, field->end - field->begin));
    }
    pos = field->end;
  }
  if (split.certificates.empty()) return std::nullopt;
  std::string body = constructed_header(V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL, fields.size()) + fields;
  body = constructed_header(0, V_ASN1_CONTEXT_SPECIFIC, body.size()) + body;
  body.insert(0, der.substr(type->begin, type->end - type->begin));
  split.without_certificates = constructed_header(V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL, body.size()) + body;
  return split;
}

}  // namespace

std::string_view fault_code(SignatureFault fault) {
  switch (fault) {
    case SignatureFault::none:
      return "";
    case SignatureFault::malformed:
      return "malformed";
    case SignatureFault::tampered:
      return "tampered";
    case SignatureFault::unknown_signer:
      return "unknown_signer";
    case SignatureFault::expired:
      return "expired";
    case SignatureFault::revoked:
      return "revoked";
  }
  return "";
}

tl::expected<std::vector<CertificateInfo>, std::string> read_certificates(std::string_view pem) {
  auto certificates = read_x509s(pem);
  if (!certificates) return tl::unexpected(certificates.error());
  std::vector<CertificateInfo> infos;
  for (auto& certificate : *certificates) infos.push_back(describe(certificate.get()));
  return infos;
}

struct TrustStore::Impl {
  StorePtr store{X509_STORE_new()};
  std::vector<CertificatePtr> trusted;
  CertificateStack trusted_stack{
      sk_X509_new_null()};  // also where a signer certificate left out of a CMS is found
  bool has_crls = false;
  mutable CertificateCache carried;  // the certificates that signatures carry
};

TrustStore::TrustStore() : impl_(std::make_unique<Impl>()) {}
TrustStore::~TrustStore() = default;
TrustStore::TrustStore(TrustStore&&) noexcept = default;
TrustStore& TrustStore::operator=(TrustStore&&) noexcept = default;

tl::expected<void, std::string> TrustStore::add_certificates(std::string_view pem) {
  auto certificates = read_x509s(pem);
  if (!certificates) return tl::unexpected(certificates.error());
  for (auto& x509 : *certificates) {
    if (X509_STORE_add_cert(impl_->store.get(), x509.get()) != 1 ||
        sk_X509_push(impl_->trusted_stack.get(), x509.get()) == 0)
      return tl::unexpected("the certificate cannot be added: " + openssl_errors());
    X509_up_ref(x509.get());  // for the stack
    impl_->trusted.push_back(make_certificate(std::move(x509)));
  }
  return {};
}

namespace {

// Every CRL of a PEM text, or the one CRL of a DER.
tl::expected<std::vector<CrlPtr>, std::string> parse_crls(std::string_view pem_or_der) {
  BioPtr bio = memory_bio(pem_or_der);
  if (!bio) return tl::unexpected(std::string("the CRL is too large"));
  ERR_clear_error();
  std::vector<CrlPtr> crls;
  if (pem_or_der.find("-----BEGIN") != std::string_view::npos) {
    while (X509_CRL* crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr))
      crls.emplace_back(crl);
    unsigned long last = ERR_peek_last_error();
    if (ERR_GET_LIB(last) != ERR_LIB_PEM || ERR_GET_REASON(last) != PEM_R_NO_START_LINE)
      return tl::unexpected(fmt::format("CRL {} cannot be read: {}", crls.size() + 1, openssl_errors()));
    ERR_clear_error();
  } else if (X509_CRL* crl = d2i_X509_CRL_bio(bio.get(), nullptr)) {
    crls.emplace_back(crl);
  } else {
    return tl::unexpected("the CRL cannot be read: " + openssl_errors());
  }
  if (crls.empty()) return tl::unexpected(std::string("no CRL in the PEM text"));
  return crls;
}

}  // namespace

tl::expected<CrlInfo, std::string> read_crl(std::string_view pem_or_der) {
  auto crls = parse_crls(pem_or_der);
  if (!crls) return tl::unexpected(crls.error());
  X509_CRL* crl = crls->front().get();
  CrlInfo info;
  info.issuer = name_line(X509_CRL_get_issuer(crl));
  info.this_update = time_point_of(X509_CRL_get0_lastUpdate(crl));
  info.next_update = time_point_of(X509_CRL_get0_nextUpdate(crl));
  BioPtr pem(BIO_new(BIO_s_mem()));
  if (!pem || PEM_write_bio_X509_CRL(pem.get(), crl) != 1)
    return tl::unexpected("the CRL cannot be written as PEM: " + openssl_errors());
  info.pem = bio_text(pem.get());
  return info;
}

tl::expected<void, std::string> TrustStore::add_crl(std::string_view pem_or_der) {
  auto parsed = parse_crls(pem_or_der);
  if (!parsed) return tl::unexpected(parsed.error());
  std::vector<CrlPtr>& crls = *parsed;
  // A CRL is only taken from an issuer we trust, so that a forged one is refused here and not at every
  // message.
  for (auto& crl : crls) {
    const X509_NAME* issuer_name = X509_CRL_get_issuer(crl.get());
    bool verified = false;
    for (std::size_t i = 0; i < impl_->trusted.size() && !verified; ++i) {
      X509* candidate = impl_->trusted[i]->x509.get();
      verified = X509_NAME_cmp(X509_get_subject_name(candidate), issuer_name) == 0 &&
                 X509_CRL_verify(crl.get(), X509_get0_pubkey(candidate)) == 1;
    }
    ERR_clear_error();
    if (!verified)
      return tl::unexpected("the CRL of " + name_line(issuer_name) +
                            " is not signed by a trusted certificate (add its issuer first)");
    if (X509_STORE_add_crl(impl_->store.get(), crl.get()) != 1)
      return tl::unexpected("the CRL cannot be added: " + openssl_errors());
  }
  impl_->has_crls = true;
  return {};
}

Verification TrustStore::verify(std::string_view content, std::string_view signature_der,
                                ims2::TimePoint at) const {
  Verification result;
  auto refuse = [&result](SignatureFault fault, std::string detail) {
    result.fault = fault;
    result.detail = std::move(detail);
    ERR_clear_error();
    return result;
  };
  ERR_clear_error();
  if (signature_der.size() > std::numeric_limits<int>::max() ||
      content.size() > std::numeric_limits<int>::max())
    return refuse(SignatureFault::malformed, "the message is too large");

  // The certificates the signature carries: decoded once and kept, or decoded with the rest.
  auto split = split_certificates(signature_der);
  std::string_view cms_der = split ? std::string_view(split->without_certificates) : signature_der;
  const auto* cursor = reinterpret_cast<const unsigned char*>(cms_der.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(cms_der.size())));
  if (!cms) return refuse(SignatureFault::malformed, "the signature is not CMS: " + openssl_errors());
  if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
    return refuse(SignatureFault::malformed, "the CMS structure is not signed-data");
  STACK_OF(CMS_SignerInfo)* signer_infos = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(signer_infos) <= 0)
    return refuse(SignatureFault::malformed, "the signature names no signer");
  std::vector<CertificatePtr> carried;
  CertificateStack carried_stack(split ? sk_X509_new_null() : CMS_get1_certs(cms.get()));
  if (split) {
    if (split->certificates.size() > kMaxCarriedCertificates)
      return refuse(SignatureFault::malformed, "the signature carries more than " +
                                                   std::to_string(kMaxCarriedCertificates) + " certificates");
    for (std::string_view der : split->certificates) {
      CertificatePtr certificate = impl_->carried.get(der);
      if (!certificate)
        return refuse(SignatureFault::malformed, "the signature carries an unreadable certificate");
      if (sk_X509_push(carried_stack.get(), certificate->x509.get()) == 0)
        return refuse(SignatureFault::malformed, openssl_errors());
      X509_up_ref(certificate->x509.get());
      carried.push_back(std::move(certificate));
    }
  }

  // The signer's certificate: one the signature carries, or one of ours when the sender left it out.
  CMS_set1_signers_certs(cms.get(), carried_stack.get(), 0);
  CMS_set1_signers_certs(cms.get(), impl_->trusted_stack.get(), 0);
  X509* signer = nullptr;
  CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(signer_infos, 0), nullptr, &signer, nullptr, nullptr);
  if (signer == nullptr)
    return refuse(SignatureFault::unknown_signer,
                  "the signer's certificate is neither in the signature nor trusted");
  for (const auto* known : {&carried, &impl_->trusted})
    for (const auto& certificate : *known)
      if (certificate->x509.get() == signer) result.signer = certificate->info;
  if (result.signer.fingerprint.empty()) result.signer = describe(signer);

  // The signature over the content alone first; the certificate chain is checked below, at the given time.
  BioPtr data = memory_bio(content);
  if (CMS_verify(cms.get(), nullptr, nullptr, data.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) !=
      1) {
    auto codes = take_errors();
    return refuse(digest_or_signature_mismatch(codes) ? SignatureFault::tampered : SignatureFault::malformed,
                  reasons(codes));
  }

  StoreContextPtr context(X509_STORE_CTX_new());
  if (!context || X509_STORE_CTX_init(context.get(), impl_->store.get(), signer, carried_stack.get()) != 1)
    return refuse(SignatureFault::unknown_signer, "the certificate check cannot start: " + openssl_errors());
  X509_STORE_CTX_set_default(context.get(), "smime_sign");
  // A registered certificate is an anchor of trust even when its issuer is not registered.
  unsigned long flags = X509_V_FLAG_PARTIAL_CHAIN;
  if (impl_->has_crls) flags |= X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL;
  X509_STORE_CTX_set_flags(context.get(), flags);
  X509_STORE_CTX_set_time(context.get(), 0,
                          std::chrono::floor<std::chrono::seconds>(at).time_since_epoch().count());
  X509_STORE_CTX_set_verify_cb(context.get(), accept_missing_or_stale_crl);
  if (X509_verify_cert(context.get()) != 1) {
    int error = X509_STORE_CTX_get_error(context.get());
    return refuse(fault_of_chain_error(error), X509_verify_cert_error_string(error));
  }
  ERR_clear_error();
  return result;
}

tl::expected<std::string, std::string> sign_message(const Envelope& envelope, std::string_view body,
                                                    std::string_view certificate_pem,
                                                    std::string_view key_pem) {
  auto certificates = read_x509s(certificate_pem);
  if (!certificates) return tl::unexpected("signing certificate: " + certificates.error());
  BioPtr key_bio = memory_bio(key_pem);
  KeyPtr key(key_bio ? PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key) return tl::unexpected("the signing key cannot be read: " + openssl_errors());
  X509* signer = certificates->front().get();
  if (X509_check_private_key(signer, key.get()) != 1) {
    ERR_clear_error();
    return tl::unexpected(std::string("the signing key does not belong to the certificate"));
  }

  std::string part = text_part(body);
  // The certificates after the first are the signer's chain, carried in the signature for the receiver.
  CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
  if (!cms || CMS_add1_signer(cms.get(), signer, key.get(), EVP_sha256(), CMS_BINARY) == nullptr)
    return tl::unexpected("signing failed: " + openssl_errors());
  for (std::size_t i = 1; i < certificates->size(); ++i)
    if (CMS_add1_cert(cms.get(), (*certificates)[i].get()) != 1)
      return tl::unexpected("signing failed: " + openssl_errors());
  BioPtr data = memory_bio(part);
  if (!data || CMS_final(cms.get(), data.get(), nullptr, CMS_DETACHED | CMS_BINARY) != 1)
    return tl::unexpected("signing failed: " + openssl_errors());
  BioPtr der(BIO_new(BIO_s_mem()));
  if (i2d_CMS_bio(der.get(), cms.get()) != 1) return tl::unexpected("signing failed: " + openssl_errors());

  std::string boundary = "----=_imsgate_" + random_hex(16);
  return fmt::format(
      "{}Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n"
      " boundary=\"{}\"\r\n"
      "\r\n"
      "This is an S/MIME signed message.\r\n"
      "\r\n"
      "--{}\r\n"
      "{}\r\n"
      "--{}\r\n"
      "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"
      "\r\n"
      "{}"
      "--{}--\r\n",
      envelope_headers(envelope), boundary, boundary, part, boundary, base64_lines(bio_text(der.get())),
      boundary);
}

std::string plain_message(const Envelope& envelope, std::string_view body) {
  return envelope_headers(envelope) + text_part(body);
}

}  // namespace imsgate::mail
