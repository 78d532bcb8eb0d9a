#include "mail/mime.hpp"

#include <limits>
#include <mutex>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <vector>

#include "mail/gmime_support.hpp"
#include "mail/line_breaks.hpp"

// GMime reads the header blocks (content types and their parameters, encoded words, addresses) and decodes
// the transfer encodings; the entities themselves are cut out of the input here. That keeps the signed part
// exactly as it arrived (GMime writes a multipart back without the blanks after a boundary, which breaks the
// signature of a signed multipart or of a nested signed message) and makes the text come from the very bytes
// the signature covers, not from a second reading of the message that could differ from it.

namespace imsgate::mail {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

namespace {

constexpr int kMaxDepth = 16;  // each forwarding signature adds a level or two (2.4)

using Expected = tl::expected<bool, std::string>;  // true: the text was found

struct Entity {
  std::string_view headers;  // the header lines, without the empty line that ends them
  std::string_view body;
};

struct MimeType {
  std::string type = "text";  // lower case
  std::string subtype = "plain";
  std::string boundary;
  std::string protocol;
  std::string smime_type;
  GMimeContentEncoding encoding = GMIME_CONTENT_ENCODING_DEFAULT;

  bool is(std::string_view t, std::string_view s) const { return type == t && subtype == s; }
  std::string name() const { return type + "/" + subtype; }
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view without_line_break(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// RFC 5322 field name (printable ASCII but ':'), blanks allowed before the colon (obsolete syntax).
bool starts_header_field(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] > ' ' && line[i] < 127 && line[i] != ':') ++i;
  if (i == 0) return false;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i < line.size() && line[i] == ':';
}

// The headers are the header fields from the start; an empty line ends them and is dropped, any other line
// that is not a header field starts the body (text with no headers at all is all body).
Entity split_entity(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t eol = bytes.find('\n', pos);
    std::size_t next = eol == std::string_view::npos ? bytes.size() : eol + 1;
    std::string_view line = without_line_break(bytes.substr(pos, next - pos));
    if (line.empty()) return {bytes.substr(0, pos), bytes.substr(next)};
    bool continuation = pos > 0 && (line[0] == ' ' || line[0] == '\t');
    if (!continuation && !starts_header_field(line)) return {bytes.substr(0, pos), bytes.substr(pos)};
    pos = next;
  }
  return {bytes, {}};
}

enum class Delimiter { none, part, close };

// "--boundary" or "--boundary--", then only blanks (RFC 2046 5.1.1).
Delimiter delimiter_of(std::string_view line, std::string_view boundary) {
  line = without_line_break(line);
  if (line.size() < boundary.size() + 2 || line.substr(0, 2) != "--" ||
      line.substr(2, boundary.size()) != boundary)
    return Delimiter::none;
  line.remove_prefix(boundary.size() + 2);
  Delimiter kind = Delimiter::part;
  if (line.substr(0, 2) == "--") {
    kind = Delimiter::close;
    line.remove_prefix(2);
  }
  for (char c : line)
    if (c != ' ' && c != '\t') return Delimiter::none;
  return kind;
}

// The body parts between the delimiter lines. The line break before a delimiter belongs to the delimiter, so
// a part is exactly the bytes that were signed. Without a close delimiter the last part runs to the end.
std::vector<std::string_view> split_multipart(std::string_view body, std::string_view boundary) {
  const std::string dashes = "--" + std::string(boundary);
  std::vector<std::string_view> parts;
  std::size_t part_start = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t line = body.find(dashes, pos);
    if (line == std::string_view::npos) break;
    pos = line + 1;
    if (line > 0 && body[line - 1] != '\n') continue;
    std::size_t eol = body.find('\n', line);
    std::size_t next = eol == std::string_view::npos ? body.size() : eol + 1;
    Delimiter kind = delimiter_of(body.substr(line, next - line), boundary);
    if (kind == Delimiter::none) continue;
    if (part_start != std::string_view::npos) {
      std::size_t end = line;
      if (end > part_start && body[end - 1] == '\n') --end;
      if (end > part_start && body[end - 1] == '\r') --end;
      parts.push_back(body.substr(part_start, end - part_start));
    }
    if (kind == Delimiter::close) return parts;
    part_start = pos = next;
  }
  if (part_start != std::string_view::npos) parts.push_back(body.substr(part_start));
  return parts;
}

bool is_encoded(GMimeContentEncoding encoding) {
  return encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
         encoding == GMIME_CONTENT_ENCODING_UUENCODE;
}

std::string decode(std::string_view body, GMimeContentEncoding encoding) {
  if (!is_encoded(encoding)) return std::string(body);
  GMimeEncoding state;
  g_mime_encoding_init_decode(&state, encoding);
  std::string out(g_mime_encoding_outlen(&state, body.size()), '\0');
  out.resize(g_mime_encoding_flush(&state, body.data(), body.size(), out.data()));
  return out;
}

MimeType mime_type_of(GMimeObject* object) {
  MimeType result;
  if (object == nullptr) return result;
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type != nullptr) {
    auto text = [](const char* value) { return value == nullptr ? std::string() : lower(value); };
    result.type = text(g_mime_content_type_get_media_type(type));
    result.subtype = text(g_mime_content_type_get_media_subtype(type));
    if (const char* boundary = g_mime_content_type_get_parameter(type, "boundary"))
      result.boundary = boundary;
    result.protocol = text(g_mime_content_type_get_parameter(type, "protocol"));
    result.smime_type = text(g_mime_content_type_get_parameter(type, "smime-type"));
  }
  if (GMIME_IS_PART(object)) result.encoding = g_mime_part_get_content_encoding(GMIME_PART(object));
  return result;
}

// GMime is given the header lines only, ended by an empty line: the body is cut out here, not by GMime.
GPtr<GMimeParser> header_parser(std::string_view headers) {
  std::string block(headers);
  block += "\n";
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(block.data(), block.size()));
  return GPtr<GMimeParser>(g_mime_parser_new_with_stream(stream.get()));
}

MimeType read_mime_type(std::string_view headers) {
  if (headers.empty()) return {};
  auto parser = header_parser(headers);
  GPtr<GMimeObject> part(g_mime_parser_construct_part(parser.get(), nullptr));
  return mime_type_of(part.get());
}

std::string first_mailbox(InternetAddressList* list) {
  if (list == nullptr) return {};
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
      if (addr != nullptr && *addr != '\0') return addr;
    } else if (INTERNET_ADDRESS_IS_GROUP(address)) {
      std::string member = first_mailbox(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
      if (!member.empty()) return member;
    }
  }
  return {};
}

// Looks for the text through the entities, depth first; the first signature met is the outermost.
class TextFinder {
 public:
  explicit TextFinder(ParsedMail& mail) : mail_(mail) {}

  Expected find_in(const MimeType& type, std::string_view body, int depth) {
    if (depth > kMaxDepth)
      return tl::unexpected("MIME entities nested deeper than " + std::to_string(kMaxDepth) + " levels");
    if (++entities_ > kMaxEntities)
      return tl::unexpected("more than " + std::to_string(kMaxEntities) + " MIME entities");
    if (type.type == "multipart") {
      if (type.boundary.empty()) return tl::unexpected(type.name() + " without a boundary");
      auto parts = split_multipart(body, type.boundary);
      if (type.subtype == "signed") return read_multipart_signed(type, parts, depth);
      for (std::string_view part : parts) {
        auto found = find(part, depth + 1);
        if (!found || *found) return found;
      }
      return false;
    }
    if (type.is("message", "rfc822")) return find(body, depth + 1);
    if (type.is("application", "pkcs7-mime") || type.is("application", "x-pkcs7-mime"))
      return read_pkcs7_mime(type, body, depth);
    if (type.is("text", "plain")) {
      mail_.text = is_encoded(type.encoding) ? to_lf(decode(body, type.encoding)) : to_lf(body);
      return true;
    }
    return false;
  }

 private:
  static constexpr int kMaxEntities = 1000;  // bounds the work a hostile message can ask for

  Expected find(std::string_view entity, int depth) {
    Entity parts = split_entity(entity);
    return find_in(read_mime_type(parts.headers), parts.body, depth);
  }

  Expected read_multipart_signed(const MimeType& type, const std::vector<std::string_view>& parts,
                                 int depth) {
    if (!type.protocol.empty() && type.protocol != "application/pkcs7-signature" &&
        type.protocol != "application/x-pkcs7-signature")
      return tl::unexpected("multipart/signed with protocol \"" + type.protocol + "\" is not S/MIME");
    if (parts.size() < 2) return tl::unexpected(std::string("multipart/signed without a signature part"));
    Entity signature = split_entity(parts[1]);
    MimeType signature_type = read_mime_type(signature.headers);
    if (!signature_type.is("application", "pkcs7-signature") &&
        !signature_type.is("application", "x-pkcs7-signature"))
      return tl::unexpected("multipart/signed whose second part is " + signature_type.name() +
                            ", not application/pkcs7-signature");
    if (!mail_.signed_parts) {
      SignedParts signed_parts{to_crlf(parts[0]), decode(signature.body, signature_type.encoding)};
      if (signed_parts.signature.empty())
        return tl::unexpected(std::string("multipart/signed with an empty signature part"));
      mail_.signed_parts = std::move(signed_parts);
    }
    return find(parts[0], depth + 1);
  }

  // Opaque signing: the signed entity is inside the CMS structure.
  Expected read_pkcs7_mime(const MimeType& type, std::string_view body, int depth) {
    if (!type.smime_type.empty() && type.smime_type != "signed-data")
      return tl::unexpected("application/pkcs7-mime with smime-type=" + type.smime_type +
                            " (only signed-data is read)");
    std::string der = decode(body, type.encoding);
    if (der.size() > std::numeric_limits<long>::max())
      return tl::unexpected(std::string("application/pkcs7-mime too large"));
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
    std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
        d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())), CMS_ContentInfo_free);
    ERR_clear_error();
    if (!cms) return tl::unexpected(std::string("application/pkcs7-mime that is not CMS"));
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
      return tl::unexpected(
          std::string("application/pkcs7-mime that is not signed-data (encrypted mail is not read)"));
    ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
    if (content == nullptr || *content == nullptr)
      return tl::unexpected(std::string("application/pkcs7-mime signed-data without the signed content"));
    std::string inner(reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)),
                      static_cast<std::size_t>(ASN1_STRING_length(*content)));
    if (!mail_.signed_parts) mail_.signed_parts = SignedParts{inner, std::move(der)};
    return find(inner, depth + 1);
  }

  ParsedMail& mail_;
  int entities_ = 0;
};

}  // namespace

tl::expected<ParsedMail, std::string> parse_mail(std::string_view bytes) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return tl::unexpected(std::string("the message is empty"));
  init_gmime();
  if (bytes.substr(0, 5) == "From ") {  // an mbox separator line
    std::size_t eol = bytes.find('\n');
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol + 1);
  }
  ParsedMail mail;
  Entity top = split_entity(bytes);
  MimeType type;
  if (!top.headers.empty()) {
    auto parser = header_parser(top.headers);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message) return tl::unexpected(std::string("the message headers cannot be read"));
    mail.from = lower(first_mailbox(g_mime_message_get_from(message.get())));
    mail.reply_to = first_mailbox(g_mime_message_get_reply_to(message.get()));
    if (const char* subject = g_mime_message_get_subject(message.get())) mail.subject = subject;
    if (const char* id = g_mime_message_get_message_id(message.get())) mail.message_id = id;
    type = mime_type_of(g_mime_message_get_mime_part(message.get()));
  }
  auto found = TextFinder(mail).find_in(type, top.body, 0);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return tl::unexpected("no text/plain part in the " + type.name() + " message");
  return mail;
}

}  // namespace imsgate::mail
