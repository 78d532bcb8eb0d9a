#include "vdms/section_source.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/text.hpp"
#include "mail/mime.hpp"

namespace imsgate::vdms {

tl::expected<std::shared_ptr<const std::string>, std::string> SectionSource::body(std::int64_t message_id) {
  if (auto kept = bodies_.find(message_id); kept != bodies_.end()) return kept->second;
  if (shared_)
    if (auto kept = shared_->find(message_id))
      return bodies_.emplace(message_id, std::move(kept)).first->second;
  const auto record = store_.message(message_id);
  if (!record) return tl::unexpected(fmt::format("message {} is not in the store", message_id));
  auto raw = store_.archive().get(record->sha256);
  if (!raw) return tl::unexpected(fmt::format("message {}: {}", message_id, raw.error()));
  auto mail = mail::parse_mail(*raw);
  if (!mail) return tl::unexpected(fmt::format("message {}: {}", message_id, mail.error()));
  // The index's offsets hold only for the very text they were taken from.
  if (store::sha256_hex(mail->text) != record->body_sha256)
    return tl::unexpected(fmt::format("message {}: its text differs from the one indexed", message_id));
  auto body = std::make_shared<const std::string>(std::move(mail->text));
  bodies_.emplace(message_id, body);
  if (shared_) shared_->put(message_id, body);
  return body;
}

tl::expected<ims2::DataSection, std::string> SectionSource::section(std::int64_t message_id,
                                                                    int section_index) {
  auto body = this->body(message_id);
  if (!body) return tl::unexpected(body.error());
  auto rows = rows_.find(message_id);
  if (rows == rows_.end()) rows = rows_.emplace(message_id, store_.sections(message_id)).first;
  const auto row = std::find_if(rows->second.begin(), rows->second.end(),
                                [&](const store::SectionRow& r) { return r.index == section_index; });
  const std::string& text = **body;
  if (row == rows->second.end() || row->offset < 0 || row->length < 0 ||
      static_cast<std::size_t>(row->offset + row->length) > text.size())
    return tl::unexpected(fmt::format("message {} has no section {}", message_id, section_index));

  std::string_view slice(text.data() + row->offset, static_cast<std::size_t>(row->length));
  ims2::DataSection section;
  section.header = {row->data_type, row->subtype, row->format, row->subformat};
  const int first_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + row->offset, '\n'));
  // The section's text starts at its DATA_TYPE line, except for a bare GSE2 waveform file, which has none.
  if (ims2::istarts_with(slice, "data_type")) {
    const std::size_t lf = slice.find('\n');
    slice.remove_prefix(lf == std::string_view::npos ? slice.size() : lf + 1);
    section.line.number = first_line;
  } else {
    section.line.number = first_line - 1;
  }
  section.body.assign(slice);
  return section;
}

}  // namespace imsgate::vdms
