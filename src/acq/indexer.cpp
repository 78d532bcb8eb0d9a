#include "acq/indexer.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "acq/section_indexer.hpp"
#include "ims2/text.hpp"

namespace imsgate::acq {
namespace detail {

std::string iso_time(ims2::TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     time.subseconds().count());
}

void put(json& j, const char* key, const std::optional<ims2::TimePoint>& value) {
  if (value) j[key] = iso_time(*value);
}

void put(json& j, const char* key, std::string_view text) {
  if (!text.empty()) j[key] = text;
}

void SectionIndexer::name_station(std::string_view code) {
  std::string name = ims2::to_upper(ims2::trim(code));
  if (name.empty()) return;
  auto& stations = out_.stations;
  if (std::find(stations.begin(), stations.end(), name) == stations.end())
    stations.push_back(std::move(name));
}

store::ItemRow& SectionIndexer::add_item(std::string kind) {
  store::ItemRow& row = out_.index.items.emplace_back();
  row.section_index = section_;
  row.item_index = items_++;
  row.data_type = data_type_;
  row.kind = std::move(kind);
  return row;
}

}  // namespace detail

namespace {

// Byte offsets of line starts, found by walking forward: the sections ask for their lines in input order.
class LineOffsets {
 public:
  explicit LineOffsets(std::string_view text) : text_(text) {}

  // The offset of the first character of 1-based line `number`; the end of the text when it has fewer lines.
  std::size_t of(int number) {
    while (line_ < number && offset_ < text_.size()) {
      const std::size_t lf = text_.find('\n', offset_);
      offset_ = lf == std::string_view::npos ? text_.size() : lf + 1;
      ++line_;
    }
    return offset_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  int line_ = 1;
};

int line_count(std::string_view text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

IndexedMessage index_data_message(const ims2::DataMessage& message, std::string_view body,
                                  ims2::rn::Mode mode) {
  IndexedMessage out;
  LineOffsets offsets(body);
  for (std::size_t i = 0; i < message.sections.size(); ++i) {
    const ims2::DataSection& section = message.sections[i];
    const int index = static_cast<int>(i);

    store::SectionRow& row = out.index.sections.emplace_back();
    row.index = index;
    row.data_type = ims2::to_upper(section.header.type);
    row.subtype = ims2::to_upper(section.header.subtype);
    row.format = ims2::to_upper(section.header.format);
    row.subformat = ims2::to_upper(section.header.subformat);
    // A bare waveform file has no DATA_TYPE line: its section begins with its first body line.
    const int first_line = message.bare ? section.first_body_line() : section.line.number;
    const std::size_t begin = offsets.of(first_line);
    const std::size_t body_begin = offsets.of(section.first_body_line());
    // The body holds every line up to the next DATA_TYPE or STOP line.
    const std::size_t end = offsets.of(section.first_body_line() + line_count(section.body));
    row.offset = static_cast<std::int64_t>(begin);
    row.length = static_cast<std::int64_t>(end - begin);

    if (!out.data_types.empty()) out.data_types += ',';
    out.data_types += row.data_type;

    detail::SectionIndexer indexer(out, index, row.data_type);
    indexer.set_body_text(body.substr(body_begin, end - body_begin), body_begin);
    if (ims2::iequals(section.header.type, "waveform")) {
      detail::index_waveform(section, indexer);
    } else if (auto shi = ims2::shi::read_section(section, out.diagnostics)) {
      detail::index_shi(*shi, indexer);
    } else if (auto rn = ims2::rn::read_section(section, out.diagnostics, mode)) {
      detail::index_rn(*rn, indexer);
    }
  }
  return out;
}

}  // namespace imsgate::acq
