#include "ims2/shi/station.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.2.3";
constexpr std::string_view kTable = "Table 14 (STATION)";
constexpr std::string_view kHeader =
    "Net       Sta   Type  Latitude  Longitude Coord Sys     Elev   On Date   Off Date";

constexpr Field kNetwork = text_field(1, 9, "network code");
constexpr Field kStation = text_field(11, 15, "station code");
constexpr Field kType = text_field(17, 20, "station type");
constexpr Field kLatitude = real_field(22, 30, 5, "latitude");
constexpr Field kLongitude = real_field(32, 41, 5, "longitude");
constexpr Field kCoordinateSystem = text_field(43, 54, "coordinate system");
constexpr Field kElevation = real_field(56, 60, 3, "elevation");
constexpr Field kOnDate = text_field(62, 71, "on date");
constexpr Field kOffDate = text_field(73, 82, "off date");
constexpr std::array kFields{kNetwork,          kStation,   kType,   kLatitude, kLongitude,
                             kCoordinateSystem, kElevation, kOnDate, kOffDate};

StationRecord by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  StationRecord s;
  s.network = r.text(kNetwork);
  s.station = r.text(kStation);
  s.type = r.text(kType);
  s.latitude = r.real(kLatitude);
  s.longitude = r.real(kLongitude);
  s.coordinate_system = r.text(kCoordinateSystem);
  s.elevation = r.real(kElevation);
  s.on_date = read_date(line, kOnDate, d, kRule);
  s.off_date = read_date(line, kOffDate, d, kRule);
  require(!s.station.empty(), line, kStation, d, kRule);
  return s;
}

// Words in order: [net] sta [type] lat lon [coord] elev on [off]; the network is present when column 1 is not
// blank, the type when two names precede the latitude.
std::optional<StationRecord> by_words(const std::vector<Word>& words, const Line& line) {
  std::size_t first_number = 0;
  while (first_number < words.size() && !is_number_word(words[first_number].text)) ++first_number;
  const bool has_network = !line.text.empty() && !is_blank(line.text[0]);
  const std::size_t names = first_number - (has_network ? 1 : 0);
  if (first_number == words.size() || names < 1 || names > 2) return std::nullopt;
  WordCursor w(words);
  StationRecord s;
  if (has_network) s.network = w.take();
  s.station = w.take();
  if (names == 2) s.type = w.take();
  s.latitude = parse_real(w.take());
  if (!is_number_word(w.peek())) return std::nullopt;
  s.longitude = parse_real(w.take());
  if (!w.done() && !is_number_word(w.peek())) s.coordinate_system = w.take();
  if (!is_number_word(w.peek())) return std::nullopt;
  s.elevation = parse_real(w.take());
  if (!is_date_word(w.peek())) return std::nullopt;
  s.on_date = parse_date_word(w.take());
  if (!w.done()) {
    if (!is_date_word(w.peek())) return std::nullopt;
    s.off_date = parse_date_word(w.take());
  }
  if (!w.done()) return std::nullopt;
  return s;
}

}  // namespace

Station read_station(const DataSection& section, Diagnostics& diagnostics) {
  Station station;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text) || is_header_line(line.text, kHeader)) continue;
    if (auto s =
            read_data_line<StationRecord>(line, kFields, by_columns, by_words, diagnostics, kTable, kRule))
      station.records.push_back(std::move(*s));
  }
  return station;
}

tl::expected<std::string, std::string> write_station(const Station& station) {
  TextBuilder out;
  out.add(kHeader);
  for (const StationRecord& s : station.records) {
    FieldWriter w;
    w.text(kNetwork, s.network);
    w.text(kStation, s.station);
    w.text(kType, s.type);
    w.real(kLatitude, s.latitude);
    w.real(kLongitude, s.longitude);
    w.text(kCoordinateSystem, s.coordinate_system);
    w.real(kElevation, s.elevation);
    write_date(w, kOnDate, s.on_date);
    write_date(w, kOffDate, s.off_date);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
