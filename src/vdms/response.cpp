#include "vdms/response.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "ims2/shi/log.hpp"

namespace imsgate::vdms {

namespace {

ims2::DataSection log_section(std::string_view type, const std::vector<std::string>& lines) {
  ims2::DataSection section;
  section.header.type = std::string(type);
  section.body = ims2::shi::write_log(ims2::shi::Log{lines}).value_or("");
  return section;
}

// The bytes a section adds to a message: its DATA_TYPE line and its body.
std::size_t section_size(const ims2::DataSection& section) {
  return section.header.type.size() + section.header.subtype.size() + section.header.format.size() +
         section.header.subformat.size() + 16 + section.body.size();
}

}  // namespace

std::vector<std::string> write_response(ResponseDraft draft, std::size_t max_bytes,
                                        const ResponseIds& ids) {
  std::vector<ims2::DataSection> all;
  all.reserve(draft.sections.size() + 2);
  if (!draft.log.empty()) all.push_back(log_section("LOG", draft.log));
  std::move(draft.sections.begin(), draft.sections.end(), std::back_inserter(all));
  draft.sections.clear();
  if (!draft.errors.empty()) all.push_back(log_section("ERROR_LOG", draft.errors));

  // The preface and STOP of one part, with room for the longest REF_ID.
  constexpr std::size_t kEnvelopeBytes = 160;
  std::vector<std::vector<ims2::DataSection>> parts(1);
  std::size_t filled = kEnvelopeBytes;
  for (auto& section : all) {
    const std::size_t size = section_size(section);
    if (max_bytes > 0 && !parts.back().empty() && filled + size > max_bytes) {
      parts.emplace_back();
      filled = kEnvelopeBytes;
    }
    parts.back().push_back(std::move(section));
    filled += size;
  }

  std::vector<std::string> messages;
  messages.reserve(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    ims2::DataMessage message;
    message.preface.keyword_case = draft.style;
    message.preface.type = ims2::MessageType::data;
    message.preface.msg_id = {ids.next_msg_id(), ids.source};
    if (draft.ref) message.preface.ref_id = draft.ref;
    if (parts.size() > 1) {
      if (!message.preface.ref_id) message.preface.ref_id.emplace();
      message.preface.ref_id->part = static_cast<int>(i + 1);
      message.preface.ref_id->total = static_cast<int>(parts.size());
    }
    message.sections = std::move(parts[i]);
    messages.push_back(ims2::write_message(message));
  }
  return messages;
}

}  // namespace imsgate::vdms
