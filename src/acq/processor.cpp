#include "acq/processor.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "acq/indexer.hpp"
#include "ims2/message.hpp"
#include "ims2/text.hpp"
#include "mail/mime.hpp"
#include "store/archive.hpp"

namespace imsgate::acq {
namespace {

// A rejected message keeps its record and diagnostics; nothing of it goes into the index.
void reject(Verdict& verdict, std::string_view reason, std::string_view detail) {
  store::MessageRecord& record = verdict.commit.record;
  verdict.commit.index = {};
  record.accepted = false;
  record.reason = std::string(reason);
  if (!detail.empty()) {
    if (!record.diagnostics.empty()) record.diagnostics += '\n';
    record.diagnostics += detail;
  }
}

std::string_view rejection_of(mail::SignatureFault fault) {
  switch (fault) {
    case mail::SignatureFault::none:
      return "";
    case mail::SignatureFault::malformed:
    case mail::SignatureFault::tampered:
      return "bad_signature";
    case mail::SignatureFault::unknown_signer:
      return "unknown_certificate";
    case mail::SignatureFault::expired:
      return "expired_certificate";
    case mail::SignatureFault::revoked:
      return "revoked_certificate";
  }
  return "bad_signature";
}

std::string format_diagnostics(const ims2::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += ims2::format_diagnostic(d, "message");
  }
  return out;
}

// Returned mail is not answered (10.6.3): it goes to the operator, among the rejected messages.
bool is_returned_mail(std::string_view sender) {
  const std::string local = ims2::to_lower(sender.substr(0, sender.find('@')));
  return local == "mailer-daemon" || local == "postmaster";
}

// A request (or the one-word HELP) is queued for the request engine with the message, whatever its syntax:
// every request is answered (10.6.5), with an ERROR_LOG when it cannot be read. Who may receive what is the
// engine's question, not the acquisition's.
void take_request(Verdict& verdict) {
  store::MessageRecord& record = verdict.commit.record;
  if (is_returned_mail(record.sender)) {
    reject(verdict, "returned_mail", fmt::format("{} sends returned mail: not answered", record.sender));
    return;
  }
  record.accepted = true;
  store::RequestRow request;
  request.channel = store::RequestChannel::email;
  request.requester = record.sender;
  request.msg_id = record.msg_id;
  request.received_at = record.received_at;
  request.reply_to = verdict.reply_to;
  verdict.commit.request = std::move(request);
}

// The preface fields worth keeping of the first message found in the text.
void describe(const ims2::Message& message, store::MessageRecord& record, bool& ack_asked) {
  const ims2::Preface* preface = ims2::preface_of(message);
  if (!preface) {
    record.msg_type = "help";
    return;
  }
  record.msg_type = std::string(ims2::message_type_name(preface->type));
  record.msg_id = preface->msg_id.id;
  record.msg_id_source = preface->msg_id.source;
  if (preface->ref_id) record.ref_id = preface->ref_id->id;
  ack_asked = preface->ack.value_or(false);
}

}  // namespace

Verdict Processor::examine(std::string_view raw, const Arrival& arrival) const {
  Verdict verdict;
  store::MessageRecord& record = verdict.commit.record;
  record.sha256 = arrival.sha256.empty() ? store::sha256_hex(raw) : arrival.sha256;
  record.size = static_cast<std::int64_t>(raw.size());
  record.received_at = arrival.at;
  record.door = arrival.door;

  auto mail = mail::parse_mail(raw);
  if (!mail) {
    reject(verdict, "bad_mime", mail.error());
    return verdict;
  }
  record.sender = arrival.door == store::Door::upload ? arrival.uploader : mail->from;
  record.subject = mail->subject;
  record.mail_message_id = mail->message_id;
  verdict.reply_to = !mail->reply_to.empty() ? mail->reply_to : record.sender;
  verdict.body = std::move(mail->text);
  if (!verdict.body.empty()) record.body_sha256 = store::sha256_hex(verdict.body);

  const std::vector<std::string> sender_stations = store_.stations_of_sender(record.sender);
  verdict.registered_sender = !sender_stations.empty();

  if (mail->signed_parts) {
    const mail::Verification check =
        trust_.verify(mail->signed_parts->content, mail->signed_parts->signature, arrival.at);
    record.signer = check.signer.fingerprint;
    if (check.fault != mail::SignatureFault::none) {
      record.signature = store::SignatureState::invalid;
      // The preface still names the message, so that the ERROR_LOG can refer to it; nothing else is used.
      const ims2::ReadResult unverified = ims2::read_messages(verdict.body, {.read_data_sections = false});
      if (!unverified.messages.empty()) describe(unverified.messages.front(), record, verdict.ack_asked);
      reject(verdict, rejection_of(check.fault),
             fmt::format("signature: {} ({})", mail::fault_code(check.fault), check.detail));
      return verdict;
    }
    record.signature = store::SignatureState::valid;
  }

  const ims2::ReadResult read = ims2::read_messages(verdict.body, {.read_data_sections = false});
  record.diagnostics = format_diagnostics(read.diagnostics);
  if (read.messages.empty()) {
    reject(verdict, "unparseable", read.diagnostics.empty() ? "no IMS2.0 message in the text" : "");
    return verdict;
  }
  describe(read.messages.front(), record, verdict.ack_asked);
  if (record.msg_type == "request" || record.msg_type == "help") {
    take_request(verdict);
    return verdict;
  }
  if (record.msg_type != "data" && record.msg_type != "labdata" && record.msg_type != "command_response") {
    reject(verdict, "unsupported",
           fmt::format("MSG_TYPE {} is not taken by the acquisition: subscriptions and commands are not "
                       "taken yet",
                       record.msg_type));
    return verdict;
  }

  std::vector<std::string> named;
  ims2::Diagnostics section_diagnostics;
  std::string data_types;
  for (const auto& message : read.messages) {
    const auto* data = std::get_if<ims2::DataMessage>(&message);
    if (!data) continue;
    IndexedMessage indexed = index_data_message(*data, verdict.body);
    auto& index = verdict.commit.index;
    index.sections.insert(index.sections.end(), indexed.index.sections.begin(), indexed.index.sections.end());
    index.segments.insert(index.segments.end(), indexed.index.segments.begin(), indexed.index.segments.end());
    index.events.insert(index.events.end(), indexed.index.events.begin(), indexed.index.events.end());
    index.arrivals.insert(index.arrivals.end(), indexed.index.arrivals.begin(), indexed.index.arrivals.end());
    index.items.insert(index.items.end(), indexed.index.items.begin(), indexed.index.items.end());
    for (auto& station : indexed.stations)
      if (std::find(named.begin(), named.end(), station) == named.end()) named.push_back(std::move(station));
    if (!indexed.data_types.empty()) data_types += (data_types.empty() ? "" : ",") + indexed.data_types;
    section_diagnostics.append(indexed.diagnostics);
  }
  section_diagnostics.sort_by_position();
  if (!section_diagnostics.empty()) {
    if (!record.diagnostics.empty()) record.diagnostics += '\n';
    record.diagnostics += format_diagnostics(section_diagnostics);
  }
  record.data_types = data_types;
  if (!named.empty()) record.station = named.front();

  if (read.diagnostics.has_errors() || section_diagnostics.has_errors()) {
    reject(verdict, "invalid", "");
    return verdict;
  }

  // Who may send it: the sender (and the signer) must be registered for every station the content names.
  if (!verdict.registered_sender) {
    reject(verdict, "unknown_sender", fmt::format("sender {} is not registered", record.sender));
    return verdict;
  }
  for (const auto& station : named)
    if (std::find(sender_stations.begin(), sender_stations.end(), station) == sender_stations.end()) {
      reject(verdict, "unauthorised_sender",
             fmt::format("sender {} is not registered for station {}", record.sender, station));
      return verdict;
    }
  if (record.signature == store::SignatureState::valid) {
    const auto certificate = store_.certificate(record.signer);
    if (!certificate || certificate->authority) {
      reject(verdict, "unknown_certificate",
             fmt::format("signing certificate {} is not registered for a station", record.signer));
      return verdict;
    }
    for (const auto& station : named)
      if (ims2::to_upper(certificate->station) != station) {
        reject(verdict, "unauthorised_certificate",
               fmt::format("certificate {} is registered for {}, not for station {}", record.signer,
                           certificate->station, station));
        return verdict;
      }
  } else {
    for (const auto& station : named) {
      const auto registered = store_.station(station);
      if (registered && registered->signature_policy == store::SignaturePolicy::required) {
        reject(verdict, "signature_required", fmt::format("station {} sends signed messages only", station));
        return verdict;
      }
    }
  }
  record.accepted = true;
  return verdict;
}

}  // namespace imsgate::acq
