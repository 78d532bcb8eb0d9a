// Outgoing mail over SMTP with libcurl, and fetching by URL (http, https, ldap) for CRLs.
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
                                          const std::vector<std::string>& recipients, std::string_view message);

// The body at a URL (http, https, ldap, file).
tl::expected<std::string, std::string> fetch_url(std::string_view url, long timeout_seconds = 30);

}  // namespace imsgate::mail
