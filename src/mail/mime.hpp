// A received e-mail taken apart with GMime: its headers, the IMS2.0 text it carries, and, for a
// multipart/signed S/MIME message, the exact signed bytes and the detached signature.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace imsgate::mail {

struct SignedParts {
  std::string content;    // the first part of multipart/signed exactly as signed: headers and body, CRLF lines
  std::string signature;  // the DER of the application/pkcs7-signature part (base64 decoded)
};

struct ParsedMail {
  std::string from;        // the address of From (lower case), empty when absent
  std::string reply_to;    // the address of Reply-To, empty when absent
  std::string subject;
  std::string message_id;  // without the angle brackets
  std::string text;        // the IMS2.0 text: the (innermost) text/plain body, transfer-decoded, LF line ends
  std::optional<SignedParts> signed_parts;  // the outermost multipart/signed, if any
};

// Takes a message apart. A message that is not MIME at all (bare RFC 5322 text, or IMS2.0 text with no
// headers, as `imsgate ingest` may be given) gives its body as the text. An error says what is wrong
// ("multipart/signed without a signature part", "no text part", ...).
tl::expected<ParsedMail, std::string> parse_mail(std::string_view bytes);

}  // namespace imsgate::mail
