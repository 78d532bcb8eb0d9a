// Shared helpers of the command message tests: PEM objects made for them with OpenSSL, and diagnostic checks.
#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ims2/message.hpp"

namespace imsgate::ims2::command::testing {

// DSA parameters, a key made from them, its certificate request, a self-signed certificate and an empty CRL
// of that key: `openssl dsaparam 1024`, `gendsa`, `req -new`, `req -x509`, `ca -gencrl`.
inline const std::string kDsaParameters = R"pem(-----BEGIN DSA PARAMETERS-----
MIIBJgKBgQD7OsQ1rsDmU0cfRcHGBqsvLJFIBiYbCfXl/yk6qpNqS4gy4MDKnVWn
7eGHApA4IxMT9+MSCaFg1jpwx4PeuAz5htVeHAyN9JaWXNkYQg9jH3I6e+vvKMhY
p1zmjNw9Zdb6Nji4uwR81XiN9bqpZPCwShaJ85Ln1nrpsIfz+ELQ5QIdAI3NLPbo
QQ3lO0+gCYO+Fp+AI6Yk3Hb5zIkdGEcCgYBWmjlSZnMX8fvH8XmtiewbXHRhdRVH
RYZvb82UhzwPRllToH0KRTrjH1Nvc5lu6W47MGE9mGcp6XlC1H7WxMw0tVp+oxez
0XnpOePF7nq/GTaheMKHdlxqtNraKzMrprtEq+zWyKeL8Rtn9eNA0qR55/v2sK4y
2aaTIbwJbx1apQ==
-----END DSA PARAMETERS-----
)pem";
inline const std::string kCertificateRequest = R"pem(-----BEGIN CERTIFICATE REQUEST-----
MIICYDCCAg4CAQAwRTELMAkGA1UEBhMCREUxFjAUBgNVBAoMDVN0YXRpb24gREVY
MzMxHjAcBgNVBAMMFURFWDMzIGF1dGhlbnRpY2F0b3IgMTCCAb4wggEzBgcqhkjO
OAQBMIIBJgKBgQD7OsQ1rsDmU0cfRcHGBqsvLJFIBiYbCfXl/yk6qpNqS4gy4MDK
nVWn7eGHApA4IxMT9+MSCaFg1jpwx4PeuAz5htVeHAyN9JaWXNkYQg9jH3I6e+vv
KMhYp1zmjNw9Zdb6Nji4uwR81XiN9bqpZPCwShaJ85Ln1nrpsIfz+ELQ5QIdAI3N
LPboQQ3lO0+gCYO+Fp+AI6Yk3Hb5zIkdGEcCgYBWmjlSZnMX8fvH8XmtiewbXHRh
dRVHRYZvb82UhzwPRllToH0KRTrjH1Nvc5lu6W47MGE9mGcp6XlC1H7WxMw0tVp+
oxez0XnpOePF7nq/GTaheMKHdlxqtNraKzMrprtEq+zWyKeL8Rtn9eNA0qR55/v2
sK4y2aaTIbwJbx1apQOBhAACgYB/CFBWBdSaOhvPgWXw8j/Z7K87SM5WX6uDiIDq
JTBNReATm0Tic11BNjum4CxKHpdVnQ0dxFcLGkP4nm1sTmjmdxE48dMmwVNv+gAd
uVho6YZf/R65hisQ8czjNZWs4/mfEchDXtsryN1NPq2aPuhy6QTxWay3vbwCsUbp
4ME4cKAAMAsGCWCGSAFlAwQDAgM/ADA8AhxjsTeZVW5IIEhBrAdfME+/Cfauxqu8
kwlYOvLUAhw33KhUDuA87XJsV22zywGV+YTDpWSQwZknOGJl
-----END CERTIFICATE REQUEST-----
)pem";
inline const std::string kCertificate = R"pem(-----BEGIN CERTIFICATE-----
MIIDDTCCArugAwIBAgIUURGpi3AdQr9sNZm6/0nBnwCgtxwwCwYJYIZIAWUDBAMC
MCwxCzAJBgNVBAYTAkFUMQwwCgYDVQQKDANQVFMxDzANBgNVBAMMBklNUyBDQTAe
Fw0yNjExMjMxMDU4MDRaFw0yNzExMjMxMDU4MDRaMCwxCzAJBgNVBAYTAkFUMQww
CgYDVQQKDANQVFMxDzANBgNVBAMMBklNUyBDQTCCAb4wggEzBgcqhkjOOAQBMIIB
JgKBgQD7OsQ1rsDmU0cfRcHGBqsvLJFIBiYbCfXl/yk6qpNqS4gy4MDKnVWn7eGH
ApA4IxMT9+MSCaFg1jpwx4PeuAz5htVeHAyN9JaWXNkYQg9jH3I6e+vvKMhYp1zm
jNw9Zdb6Nji4uwR81XiN9bqpZPCwShaJ85Ln1nrpsIfz+ELQ5QIdAI3NLPboQQ3l
O0+gCYO+Fp+AI6Yk3Hb5zIkdGEcCgYBWmjlSZnMX8fvH8XmtiewbXHRhdRVHRYZv
b82UhzwPRllToH0KRTrjH1Nvc5lu6W47MGE9mGcp6XlC1H7WxMw0tVp+oxez0Xnp
OePF7nq/GTaheMKHdlxqtNraKzMrprtEq+zWyKeL8Rtn9eNA0qR55/v2sK4y2aaT
IbwJbx1apQOBhAACgYB/CFBWBdSaOhvPgWXw8j/Z7K87SM5WX6uDiIDqJTBNReAT
m0Tic11BNjum4CxKHpdVnQ0dxFcLGkP4nm1sTmjmdxE48dMmwVNv+gAduVho6YZf
/R65hisQ8czjNZWs4/mfEchDXtsryN1NPq2aPuhy6QTxWay3vbwCsUbp4ME4cKNT
MFEwHQYDVR0OBBYEFKRonmuSM/G8Xj2BISRNRKrLCk2AMB8GA1UdIwQYMBaAFKRo
nmuSM/G8Xj2BISRNRKrLCk2AMA8GA1UdEwEB/wQFMAMBAf8wCwYJYIZIAWUDBAMC
Az8AMDwCHAm97JPwZfkyRTs1HxeeQ0pdi78x9v/SYVizb4YCHBey6ZW5fXhBFWZT
ryMZ/XYzNEtXq2MHRtfQ+UA=
-----END CERTIFICATE-----
)pem";
inline const std::string kCrl = R"pem(-----BEGIN X509 CRL-----
MIG8MGwCAQEwCwYJYIZIAWUDBAMCMCwxCzAJBgNVBAYTAkFUMQwwCgYDVQQKDANQ
VFMxDzANBgNVBAMMBklNUyBDQRcNMjYxMTIzMTA1ODA0WhcNMjYxMjIzMTA1ODA0
WqAOMAwwCgYDVR0UBAMCAQEwCwYJYIZIAWUDBAMCAz8AMDwCHEhu6bg3dtxj2vtH
/h3Ec/SvhDSWST00AlGmXD8CHErATglCNJga9ozbmHpZkP2xuv1iq5flDuNcm/M=
-----END X509 CRL-----
)pem";
// The certificate request signed with the key (`openssl dgst -sha256 -sign`), in hex.
inline constexpr std::string_view kSignature =
    "303c021c6a738fcc799d0321ab63482559299cef4078ed74c10ffde7e3e4e2c0021c686d1fbbd662e7ba8f81a3d5419ba9a778c1"
    "710939ed13e14335f31c";

inline std::string dump(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += format_diagnostic(x, "in") + "\n";
  return out;
}

inline const Diagnostic* first_error(const Diagnostics& d) {
  for (const auto& x : d)
    if (x.severity == Severity::error) return &x;
  return nullptr;
}

inline bool has(const Diagnostics& d, Severity s, int line, int column, std::string_view rule,
                std::string_view fragment) {
  for (const auto& x : d)
    if (x.severity == s && x.line == line && x.column == column && x.rule == rule &&
        x.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

// Reads one command message that must have no diagnostic at all, and checks that writing it gives the input
// back byte for byte.
inline CommandMessage read_canonical(const std::string& text) {
  const ReadResult r = read_messages(text);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  EXPECT_EQ(r.messages.size(), 1u);
  if (r.messages.size() != 1 || !std::holds_alternative<CommandMessage>(r.messages[0])) return {};
  EXPECT_EQ(write_messages(r.messages), text);
  return std::get<CommandMessage>(r.messages[0]);
}

}  // namespace imsgate::ims2::command::testing
