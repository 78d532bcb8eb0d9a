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

// The sections of the response, LOG and ERROR_LOG included, and where each part begins.
struct Layout {
  std::vector<ims2::DataSection> sections;
  std::vector<std::size_t> part_starts;  // indices into `sections`; the first is 0
};

Layout lay_out(ResponseDraft& draft, std::size_t max_bytes) {
  Layout layout;
  auto& all = layout.sections;
  all.reserve(draft.sections.size() + 2);
  if (!draft.log.empty()) all.push_back(log_section("LOG", draft.log));
  std::move(draft.sections.begin(), draft.sections.end(), std::back_inserter(all));
  draft.sections.clear();
  if (!draft.errors.empty()) all.push_back(log_section("ERROR_LOG", draft.errors));

  // The preface and STOP of one part, with room for the longest REF_ID.
  constexpr std::size_t kEnvelopeBytes = 160;
  layout.part_starts.push_back(0);
  std::size_t filled = kEnvelopeBytes;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::size_t size = section_size(all[i]);
    if (max_bytes > 0 && i > layout.part_starts.back() && filled + size > max_bytes) {
      layout.part_starts.push_back(i);
      filled = kEnvelopeBytes;
    }
    filled += size;
  }
  return layout;
}

// Writes the parts; `begin_part` is told the size of each part before its first byte goes to `sink`.
ResponseSize write_parts(ResponseDraft draft, std::size_t max_bytes, const ResponseIds& ids,
                         const std::function<void(std::size_t)>& begin_part, const ResponseSink& sink) {
  Layout layout = lay_out(draft, max_bytes);
  const std::size_t parts = layout.part_starts.size();
  const ims2::KeywordCase style = draft.style;
  ResponseSize size;
  size.parts = static_cast<int>(parts);
  std::string head;
  const auto put = [&](std::string_view text) {
    size.bytes += text.size();
    sink(text);
  };
  for (std::size_t i = 0; i < parts; ++i) {
    const std::size_t first = layout.part_starts[i];
    const std::size_t end = i + 1 < parts ? layout.part_starts[i + 1] : layout.sections.size();
    ims2::Preface preface;
    preface.keyword_case = style;
    preface.type = ims2::MessageType::data;
    preface.msg_id = {ids.next_msg_id(), ids.source};
    if (draft.ref) preface.ref_id = draft.ref;
    if (parts > 1) {
      if (!preface.ref_id) preface.ref_id.emplace();
      preface.ref_id->part = static_cast<int>(i + 1);
      preface.ref_id->total = static_cast<int>(parts);
    }
    head.clear();
    ims2::write_preface(preface, head);
    std::size_t part_bytes = head.size() + 5;  // and STOP
    for (std::size_t s = first; s < end; ++s) part_bytes += section_size(layout.sections[s]);
    begin_part(part_bytes);
    put(head);
    for (std::size_t s = first; s < end; ++s) {
      ims2::DataSection& section = layout.sections[s];
      head.clear();
      ims2::append_keyword(head, "data_type", style);
      head += ' ';
      head += section.header.type;
      if (!section.header.subtype.empty()) head += ':' + section.header.subtype;
      if (!section.header.format.empty()) {
        head += ' ' + section.header.format;
        if (!section.header.subformat.empty()) head += ':' + section.header.subformat;
      }
      head += '\n';
      put(head);
      put(section.body);
      std::string().swap(section.body);  // handed over: no longer held here
    }
    head.clear();
    ims2::append_keyword(head, "stop", style);
    head += '\n';
    put(head);
  }
  return size;
}

}  // namespace

std::vector<std::string> write_response(ResponseDraft draft, std::size_t max_bytes, const ResponseIds& ids) {
  std::vector<std::string> messages;
  write_parts(
      std::move(draft), max_bytes, ids, [&](std::size_t bytes) { messages.emplace_back().reserve(bytes); },
      [&](std::string_view text) { messages.back().append(text); });
  return messages;
}

ResponseSize write_response(ResponseDraft draft, std::size_t max_bytes, const ResponseIds& ids,
                            const ResponseSink& sink) {
  return write_parts(
      std::move(draft), max_bytes, ids, [](std::size_t) {}, sink);
}

}  // namespace imsgate::vdms
