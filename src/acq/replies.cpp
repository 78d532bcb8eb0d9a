#include "acq/replies.hpp"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "ims2/message.hpp"
#include "ims2/rn/lab_message.hpp"
#include "ims2/shi/log.hpp"
#include "mail/smime.hpp"

namespace imsgate::acq {
namespace {

using ims2::TimePoint;

bool is_laboratory_message(const store::MessageRecord& record) {
  return record.msg_type == "labdata" || record.data_types.rfind("RLR", 0) == 0;
}

// A data message of ours with one section, in answer to the record's message.
std::string data_message(std::string msg_id, std::string_view source, const store::MessageRecord& answered,
                         std::string data_type, std::string body) {
  ims2::DataMessage message;
  message.preface.type = ims2::MessageType::data;
  message.preface.keyword_case = ims2::KeywordCase::upper;
  message.preface.msg_id = {std::move(msg_id), std::string(source)};
  if (!answered.msg_id.empty()) message.preface.ref_id = ims2::RefId{answered.msg_id, answered.msg_id_source};
  ims2::DataSection section;
  section.header.type = std::move(data_type);
  section.header.format = "IMS2.0";
  section.body = std::move(body);
  message.sections.push_back(std::move(section));
  return ims2::write_message(message);
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string error_log_body(const store::MessageRecord& record) {
  ims2::shi::Log log;
  log.lines.push_back(fmt::format("Your message {} was rejected: {}.",
                                  record.msg_id.empty() ? record.sha256 : record.msg_id, record.reason));
  for (auto& line : split_lines(record.diagnostics)) log.lines.push_back(std::move(line));
  return ims2::shi::write_error_log(log).value_or("");
}

std::string ack_body(const store::MessageRecord& record, TimePoint now) {
  ims2::shi::Log log;
  log.lines.push_back(fmt::format("Message {} received and stored at {}.", record.msg_id,
                                  ims2::write_fixed_date_time(now, 0)));
  if (!record.data_types.empty()) log.lines.push_back("Data types: " + record.data_types);
  return ims2::shi::write_log(log).value_or("");
}

// MESACK (7.4, Table 120): the header names the laboratory and the SRID of the message acknowledged.
std::string mesack_body(const Verdict& verdict, TimePoint now) {
  ims2::rn::LabMessage message;
  message.header.lab = verdict.commit.record.station;
  for (const auto& item : verdict.commit.index.items)
    if (!item.srid.empty()) {
      message.header.srid = item.srid;
      break;
    }
  message.header.transmitted = now;
  message.data_version = ims2::rn::LabDataVersion{"IMS2.0", {}};
  message.message_receipt = ims2::rn::MessageReceipt{verdict.commit.record.received_at};
  ims2::rn::LabMessageSection section{ims2::rn::LabMessageType::mesack, {std::move(message)}, {}};
  return ims2::rn::write_lab_message_section(section).value_or("");
}

}  // namespace

std::string ReplyWriter::next_msg_id(TimePoint now) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  return fmt::format("{:%Y%m%d%H%M%S}{:04}", seconds, sequence_++ % 10000);
}

std::optional<OutgoingMail> ReplyWriter::reply_for(const Verdict& verdict, TimePoint now) {
  const store::MessageRecord& record = verdict.commit.record;
  if (!settings_.enabled || verdict.reply_to.empty() || verdict.reply_to == settings_.from)
    return std::nullopt;
  std::string subject;
  std::string text;
  if (!record.accepted) {
    if (!verdict.registered_sender && !settings_.answer_unregistered) return std::nullopt;
    subject = "ERROR_LOG: " + record.reason;
    text = data_message(next_msg_id(now), settings_.source, record, "ERROR_LOG", error_log_body(record));
  } else if (is_laboratory_message(record)) {
    subject = "MESACK " + record.msg_id;
    text = data_message(next_msg_id(now), settings_.source, record, "MESACK", mesack_body(verdict, now));
  } else if (verdict.ack_asked) {
    subject = "ACK " + record.msg_id;
    text = data_message(next_msg_id(now), settings_.source, record, "LOG", ack_body(record, now));
  } else {
    return std::nullopt;
  }
  mail::Envelope envelope{settings_.from, verdict.reply_to, subject};
  return OutgoingMail{settings_.from, {verdict.reply_to}, mail::plain_message(envelope, text)};
}

}  // namespace imsgate::acq
