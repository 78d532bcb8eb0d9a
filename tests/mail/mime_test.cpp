#include "mail/mime.hpp"

#include <random>

#include <gtest/gtest.h>

namespace imsgate::mail {
namespace {

const std::string kIms =
    "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 42 ANY_NDC\nDATA_TYPE LOG IMS2.0\n hello\nSTOP\n";

std::string crlf(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

ParsedMail parsed(const std::string& bytes) {
  auto mail = parse_mail(bytes);
  EXPECT_TRUE(mail) << (mail ? "" : mail.error());
  return mail.value_or(ParsedMail{});
}

std::string error_of(const std::string& bytes) {
  auto mail = parse_mail(bytes);
  EXPECT_FALSE(mail) << "parsed: " << bytes;
  return mail ? std::string() : mail.error();
}

// A multipart/signed message around a first part, with a three-byte "signature" (01 02 03, base64 AQID).
std::string signed_message(const std::string& first_part, const std::string& boundary = "b0undary") {
  return "From: Station <XYZ@Example.ORG>\n"
         "Subject: data\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\n"
         "\tboundary=\"" +
         boundary +
         "\"\n"
         "\n"
         "This is an S/MIME signed message\n"
         "\n"
         "--" +
         boundary + "\n" + first_part + "\n--" + boundary +
         "\n"
         "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\n"
         "Content-Transfer-Encoding: base64\n"
         "\n"
         "AQID\n"
         "\n"
         "--" +
         boundary + "--\n";
}

TEST(Mime, PlainImsTextIsAllText) {
  auto mail = parsed(crlf(kIms));
  EXPECT_EQ(mail.text, kIms);
  EXPECT_EQ(mail.from, "");
  EXPECT_FALSE(mail.signed_parts);
}

TEST(Mime, MailWithoutMimeHeadersGivesItsBody) {
  auto mail = parsed(
      "Return-Path: <xyz@example.org>\r\n"
      "From: \"Station XYZ\" <XYZ@Example.ORG>\r\n"
      "Reply-To: Data Centre <Replies@example.org>\r\n"
      "Subject: =?utf-8?q?caf=C3=A9?= data\r\n"
      "Message-ID: <1234.abc@example.org>\r\n"
      "\r\n" +
      crlf(kIms));
  EXPECT_EQ(mail.from, "xyz@example.org");
  EXPECT_EQ(mail.reply_to, "Replies@example.org");
  EXPECT_EQ(mail.subject, "caf\xc3\xa9 data");
  EXPECT_EQ(mail.message_id, "1234.abc@example.org");
  EXPECT_EQ(mail.text, kIms);
}

TEST(Mime, HeadersWithoutEmptyLineEndAtTheFirstOtherLine) {
  auto mail = parsed("From: someone@example.org\n" + kIms);
  EXPECT_EQ(mail.from, "someone@example.org");
  EXPECT_EQ(mail.text, kIms);
}

TEST(Mime, SkipsAnMboxSeparatorLine) {
  auto mail = parsed("From xyz@example.org Mon Nov 23 15:46:58 2026\nFrom: xyz@example.org\n\n" + kIms);
  EXPECT_EQ(mail.from, "xyz@example.org");
  EXPECT_EQ(mail.text, kIms);
}

TEST(Mime, DecodesQuotedPrintableAndBase64) {
  auto qp = parsed(
      "Content-Type: text/plain; charset=utf-8\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "BEGIN IMS2.0 =3D caf=C3=A9 long=\n"
      " line  =20\n"
      "STOP\n");
  EXPECT_EQ(qp.text, "BEGIN IMS2.0 = caf\xc3\xa9 long line   \nSTOP\n");
  auto base64 = parsed(
      "Content-Type: text/plain\r\n"
      "Content-Transfer-Encoding: BASE64\r\n"
      "\r\n"
      "QkVHSU4gSU1TMi4wDQpTVE9QDQo=\r\n");  // "BEGIN IMS2.0\r\nSTOP\r\n"
  EXPECT_EQ(base64.text, "BEGIN IMS2.0\nSTOP\n");
}

TEST(Mime, TakesTheFirstTextPartOfMultipartMixed) {
  auto mail = parsed(
      "From: a@example.org\n"
      "Content-Type: multipart/mixed; boundary=outer\n"
      "\n"
      "preamble\n"
      "--outer\n"
      "Content-Type: application/octet-stream\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "AAAA\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=inner\n"
      "\n"
      "--inner\n"
      "Content-Type: text/html\n"
      "\n"
      "<p>no</p>\n"
      "--inner\n"
      "Content-Type: text/plain\n"
      "\n" +
      kIms +
      "\n--inner--\n"
      "--outer\n"
      "Content-Type: text/plain\n"
      "\n"
      "second text\n"
      "--outer--\n"
      "epilogue\n");
  EXPECT_EQ(mail.text, kIms);
  EXPECT_FALSE(mail.signed_parts);
}

TEST(Mime, ReadsTheTextOfAForwardedMessage) {
  auto mail = parsed(
      "From: forwarder@example.org\n"
      "Content-Type: message/rfc822\n"
      "\n"
      "From: original@example.org\n"
      "Subject: inner\n"
      "\n" +
      kIms);
  EXPECT_EQ(mail.from, "forwarder@example.org");
  EXPECT_EQ(mail.text, kIms);
}

TEST(Mime, SignedPartIsTheExactBytesWithCrlfLines) {
  const std::string first =
      "Content-Type: text/plain;  charset=us-ascii\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "BEGIN IMS2.0 =3D=\n"
      " x  \n"
      "STOP\n";
  auto mail = parsed(signed_message(first));
  ASSERT_TRUE(mail.signed_parts);
  EXPECT_EQ(mail.signed_parts->content, crlf(first));
  EXPECT_EQ(mail.signed_parts->signature, std::string("\x01\x02\x03"));
  EXPECT_EQ(mail.text, "BEGIN IMS2.0 = x  \nSTOP\n");
  EXPECT_EQ(mail.from, "xyz@example.org");

  auto from_crlf = parsed(crlf(signed_message(first)));
  ASSERT_TRUE(from_crlf.signed_parts);
  EXPECT_EQ(from_crlf.signed_parts->content, crlf(first));
}

TEST(Mime, SignedMultipartKeepsItsBoundaryLinesAsWritten) {
  const std::string first =
      "Content-Type: multipart/mixed; boundary=inner\n"
      "\n"
      "preamble\n"
      "--inner  \n"  // blanks after a boundary are allowed, and signed
      "Content-Type: text/plain\n"
      "\n"
      "BEGIN IMS2.0\n"
      "--inner--\t\n"
      "epilogue";
  auto mail = parsed(signed_message(first));
  ASSERT_TRUE(mail.signed_parts);
  EXPECT_EQ(mail.signed_parts->content, crlf(first));
  EXPECT_EQ(mail.text, "BEGIN IMS2.0");
}

TEST(Mime, BoundaryMustBeFollowedOnlyByBlanks) {
  const std::string first =
      "Content-Type: text/plain\n"
      "\n"
      "--b0undaryX is not a delimiter\n"
      "--b0undary-- neither";
  auto mail = parsed(signed_message(first));
  ASSERT_TRUE(mail.signed_parts);
  EXPECT_EQ(mail.signed_parts->content, crlf(first));
}

TEST(Mime, NestedSignedMessageGivesTheOuterSignatureAndTheInnerText) {
  const std::string inner = signed_message("Content-Type: text/plain\n\n" + kIms, "inner-boundary");
  auto mail = parsed(signed_message(inner, "outer-boundary"));
  ASSERT_TRUE(mail.signed_parts);
  EXPECT_EQ(mail.signed_parts->content, crlf(inner));
  EXPECT_EQ(mail.text, kIms);
}

TEST(Mime, RefusesBrokenSignedMessages) {
  EXPECT_EQ(
      error_of("Content-Type: multipart/signed; boundary=x\n\n--x\nContent-Type: text/plain\n\nhi\n--x--\n"),
      "multipart/signed without a signature part");
  EXPECT_EQ(error_of("Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=x\n\n"
                     "--x\n\nhi\n--x\nContent-Type: application/pgp-signature\n\nsig\n--x--\n"),
            "multipart/signed with protocol \"application/pgp-signature\" is not S/MIME");
  EXPECT_EQ(
      error_of("Content-Type: multipart/signed; boundary=x\n\n--x\n\nhi\n--x\nContent-Type: text/plain\n\n"
               "sig\n--x--\n"),
      "multipart/signed whose second part is text/plain, not application/pkcs7-signature");
  EXPECT_EQ(error_of("Content-Type: multipart/signed\n\nhi\n"), "multipart/signed without a boundary");
}

TEST(Mime, MessageWithoutTextIsAnError) {
  EXPECT_EQ(error_of("Content-Type: image/png\n\nxxxx\n"), "no text/plain part in the image/png message");
  EXPECT_EQ(error_of(""), "the message is empty");
  EXPECT_EQ(error_of("\r\n\r\n"), "the message is empty");
}

TEST(Mime, RefusesNestingWithoutEnd) {
  std::string message;
  for (int i = 0; i < 40; ++i)
    message += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n--b" +
               std::to_string(i) + "\n";
  message += "\nhello\n";
  EXPECT_EQ(error_of(message), "MIME entities nested deeper than 16 levels");
}

TEST(Mime, RefusesEndlessParts) {
  std::string message = "Content-Type: multipart/mixed; boundary=x\n\n";
  for (int i = 0; i < 1000; ++i) message += "--x\nContent-Type: application/octet-stream\n\nAAAA\n";
  message += "--x\n\nthe text\n--x--\n";
  EXPECT_EQ(error_of(message), "more than 1000 MIME entities");
}

// Random bytes, and random splices of MIME lines: never a crash, always a text or an error.
TEST(Mime, GarbageGivesTextOrAnError) {
  const std::vector<std::string> pieces = {"Content-Type: multipart/signed; boundary=x\n",
                                           "Content-Type: multipart/mixed; boundary=x\n",
                                           "Content-Type: application/pkcs7-mime; smime-type=signed-data\n",
                                           "Content-Transfer-Encoding: base64\n",
                                           "Content-Type: message/rfc822\n",
                                           "--x\n",
                                           "--x--\n",
                                           "\n",
                                           "MIIB\n",
                                           "=\n",
                                           "\r",
                                           "From: <@>\n",
                                           "Content-Type: text/plain\n",
                                           "BEGIN IMS2.0\n",
                                           std::string("\0\xff\x80", 3)};
  std::mt19937 random(5);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    int count = static_cast<int>(random() % 30);
    for (int i = 0; i < count; ++i) {
      if (random() % 4 == 0) {
        bytes += static_cast<char>(random() % 256);
      } else {
        bytes += pieces[random() % pieces.size()];
      }
    }
    auto mail = parse_mail(bytes);
    if (!mail) {
      EXPECT_FALSE(mail.error().empty());
      EXPECT_EQ(mail.error().find('\n'), std::string::npos) << mail.error();
    }
  }
}

}  // namespace
}  // namespace imsgate::mail
