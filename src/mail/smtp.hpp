// Outgoing mail over SMTP with libcurl, fetching by URL (http, https, ldap) for CRLs, and HTTP exchanges for
// the command-line client.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace imsgate::mail {

struct SmtpSettings {
  std::string url = "smtp://127.0.0.1:25";  // smtp:// or smtps://
  std::string username;                     // empty: no AUTH
  std::string password;
  bool starttls = false;
  long timeout_seconds = 30;
};

// Sends a complete message (headers and body, as built by sign_message or plain_message).
tl::expected<void, std::string> send_mail(const SmtpSettings& settings, std::string_view from,
                                          const std::vector<std::string>& recipients,
                                          std::string_view message);

// The body at a URL (http, https, ldap, file).
tl::expected<std::string, std::string> fetch_url(std::string_view url, long timeout_seconds = 30);

// One HTTP request and its answer, whatever its status (the caller judges it).
struct HttpCall {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent when not empty
  long timeout_seconds = 600;
  bool verify_peer = true;  // false: accept any TLS certificate (a test server's own)
};

struct HttpAnswer {
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string header(std::string_view lower_case_name) const;  // "" when absent
};

// An error only when no answer came (no connection, timeout, TLS failure).
tl::expected<HttpAnswer, std::string> http_exchange(const HttpCall& call);

}  // namespace imsgate::mail
