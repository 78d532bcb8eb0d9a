#include "acq/outbox.hpp"

#include <nlohmann/json.hpp>

namespace imsgate::acq {

Outbox::Outbox(std::filesystem::path root) : folder_(std::move(root)) {}

tl::expected<void, std::string> Outbox::create() const {
  return folder_.create();
}

tl::expected<void, std::string> Outbox::put(const OutgoingMail& mail) const {
  const nlohmann::json envelope{{"from", mail.from}, {"to", mail.to}, {"message", mail.message}};
  auto delivered = folder_.deliver(envelope.dump());
  if (!delivered) return tl::unexpected(delivered.error());
  return {};
}

Outbox::Attempt Outbox::send_waiting(const mail::SmtpSettings& smtp) const {
  Attempt attempt;
  for (const auto& path : folder_.waiting()) {
    auto text = read_file(path);
    if (!text) continue;  // taken by a concurrent sender
    const auto envelope = nlohmann::json::parse(*text, nullptr, false);
    if (envelope.is_discarded() || !envelope.contains("message")) {
      ++attempt.failed;
      attempt.last_error = path.filename().string() + ": not an outbox entry";
      continue;
    }
    auto sent =
        mail::send_mail(smtp, envelope.value("from", ""), envelope.value("to", std::vector<std::string>{}),
                        envelope["message"].get_ref<const std::string&>());
    if (!sent) {
      ++attempt.failed;
      attempt.last_error = sent.error();
      continue;
    }
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    ++attempt.sent;
  }
  return attempt;
}

}  // namespace imsgate::acq
