// Mail waiting to be sent: kept durably in a folder until the SMTP server has taken it, so that a reply is
// not lost when the server or the network is down.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "acq/maildir.hpp"
#include "mail/smtp.hpp"

namespace imsgate::acq {

struct OutgoingMail {
  std::string from;
  std::vector<std::string> to;
  std::string message;  // headers and body, as mail::plain_message or mail::sign_message build them
};

class Outbox {
 public:
  explicit Outbox(std::filesystem::path root);
  tl::expected<void, std::string> create() const;
  tl::expected<void, std::string> put(const OutgoingMail& mail) const;

  struct Attempt {
    std::size_t sent = 0;
    std::size_t failed = 0;  // kept for the next attempt
    std::string last_error;
  };
  // Sends what is waiting and forgets what the server accepted.
  Attempt send_waiting(const mail::SmtpSettings& smtp) const;
  std::size_t waiting() const { return folder_.backlog(); }

 private:
  Maildir folder_;
};

}  // namespace imsgate::acq
