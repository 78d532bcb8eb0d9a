// Internal to the indexer: the collector the per-type indexers add rows to, and the JSON helpers of the
// attributes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "acq/indexer.hpp"
#include "ims2/datetime.hpp"
#include "ims2/rn/section.hpp"
#include "ims2/shi/section.hpp"

namespace imsgate::acq::detail {

using nlohmann::json;

// "YYYY-MM-DDTHH:MM:SS.ssssssZ".
std::string iso_time(ims2::TimePoint t);

// Attribute setters: a missing value (empty optional, empty text) is left out.
template <class T>
void put(json& j, const char* key, const std::optional<T>& value) {
  if (value) j[key] = *value;
}
void put(json& j, const char* key, const std::optional<ims2::TimePoint>& value);
void put(json& j, const char* key, std::string_view text);

// The rows of one section, and the message's stations.
class SectionIndexer {
 public:
  SectionIndexer(IndexedMessage& out, int section_index, std::string data_type)
      : out_(out), section_(section_index), data_type_(std::move(data_type)) {}

  int section_index() const { return section_; }
  // The section's body lines as they are in the message text, and where they begin in it: the offsets of
  // the rows that locate their own text (EventRow::block_offset) are taken from them.
  void set_body_text(std::string_view text, std::size_t offset) {
    body_text_ = text;
    body_offset_ = offset;
  }
  std::string_view body_text() const { return body_text_; }
  std::size_t body_offset() const { return body_offset_; }
  store::MessageIndex& index() { return out_.index; }
  ims2::Diagnostics& diagnostics() { return out_.diagnostics; }

  // Names a station or laboratory for sender authorisation: trimmed, upper case, once.
  void name_station(std::string_view code);

  // A new ItemRow of this section, its item index and data type set; valid until the next one is added.
  store::ItemRow& add_item(std::string kind);

 private:
  IndexedMessage& out_;
  int section_;
  std::string data_type_;
  int items_ = 0;
  std::string_view body_text_;
  std::size_t body_offset_ = 0;
};

// The rows of a WAVEFORM section, read one segment at a time so that samples are never all held at once.
void index_waveform(const ims2::DataSection& section, SectionIndexer& indexer);
// The rows of the other S/H/I data types.
void index_shi(const ims2::shi::Section& model, SectionIndexer& indexer);
// The rows of the radionuclide data types.
void index_rn(const ims2::rn::Section& model, SectionIndexer& indexer);

}  // namespace imsgate::acq::detail
