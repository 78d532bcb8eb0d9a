#include "ims2/shi/channel.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.2.1";
constexpr std::string_view kTable = "Table 12 (CHANNEL)";
constexpr std::string_view kHeader =
    "Net       Sta  Chan Aux   Latitude  Longitude Coord Sys     Elev Depth   Hang  Vang Sample_Rate Inst    "
    "  On "
    "Date    Off Date";

constexpr Field kNetwork = text_field(1, 9, "network code");
constexpr Field kStation = text_field(11, 15, "station code");
constexpr Field kChannel = text_field(17, 19, "channel code");
constexpr Field kAux = text_field(21, 24, "auxiliary code");
constexpr Field kLatitude = real_field(26, 34, 5, "latitude");
constexpr Field kLongitude = real_field(36, 45, 5, "longitude");
constexpr Field kCoordinateSystem = text_field(47, 58, "coordinate system");
constexpr Field kElevation = real_field(60, 64, 3, "elevation");
constexpr Field kDepth = real_field(66, 70, 3, "depth");
constexpr Field kHorizontalAngle = real_field(72, 77, 1, "horizontal angle");
constexpr Field kVerticalAngle = real_field(79, 83, 1, "vertical angle");
constexpr Field kSampleRate = real_field(85, 95, 6, "sample rate");
constexpr Field kInstrument = text_field(97, 102, "instrument type");
constexpr Field kOnDate = text_field(104, 113, "on date");
constexpr Field kOffDate = text_field(116, 125, "off date");
constexpr std::array kFields{kNetwork,       kStation,          kChannel,    kAux,    kLatitude,
                             kLongitude,     kCoordinateSystem, kElevation,  kDepth,  kHorizontalAngle,
                             kVerticalAngle, kSampleRate,       kInstrument, kOnDate, kOffDate};

ChannelRecord by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  ChannelRecord c;
  c.network = r.text(kNetwork);
  c.station = r.text(kStation);
  c.channel = r.text(kChannel);
  c.aux = r.text(kAux);
  c.latitude = r.real(kLatitude);
  c.longitude = r.real(kLongitude);
  c.coordinate_system = r.text(kCoordinateSystem);
  c.elevation = r.real(kElevation);
  c.depth = r.real(kDepth);
  c.horizontal_angle = r.real(kHorizontalAngle);
  c.vertical_angle = r.real(kVerticalAngle);
  c.sample_rate = r.real(kSampleRate);
  c.instrument = r.text(kInstrument);
  c.on_date = read_date(line, kOnDate, d, kRule);
  c.off_date = read_date(line, kOffDate, d, kRule);
  require(!c.station.empty(), line, kStation, d, kRule);
  require(!c.channel.empty(), line, kChannel, d, kRule);
  return c;
}

// Words in order: [net] sta chan [aux] lat lon [coord] elev depth [hang] vang rate [inst] on [off]. The
// network is present when column 1 is not blank; four numbers after the longitude are elev, depth, vang and
// rate (the vertical channels of I.11 print one angle: the horizontal one is missing).
std::optional<ChannelRecord> by_words(const std::vector<Word>& words, const Line& line) {
  std::size_t first_number = 0;
  while (first_number < words.size() && !is_number_word(words[first_number].text)) ++first_number;
  const bool has_network = !line.text.empty() && !is_blank(line.text[0]);
  const std::size_t names = first_number - (has_network ? 1 : 0);
  if (first_number == words.size() || names < 2 || names > 3) return std::nullopt;
  WordCursor w(words);
  ChannelRecord c;
  if (has_network) c.network = w.take();
  c.station = w.take();
  c.channel = w.take();
  if (names == 3) c.aux = w.take();
  c.latitude = parse_real(w.take());
  if (!is_number_word(w.peek())) return std::nullopt;
  c.longitude = parse_real(w.take());
  if (!w.done() && !is_number_word(w.peek())) c.coordinate_system = w.take();
  std::vector<double> numbers;
  while (!w.done() && is_number_word(w.peek()) && !is_date_word(w.peek()))
    numbers.push_back(*parse_real(w.take()));
  if (numbers.size() == 5) {
    c.horizontal_angle = numbers[2];
    c.vertical_angle = numbers[3];
  } else if (numbers.size() == 4) {
    c.vertical_angle = numbers[2];
  } else {
    return std::nullopt;
  }
  c.elevation = numbers[0];
  c.depth = numbers[1];
  c.sample_rate = numbers.back();
  if (!w.done() && !is_date_word(w.peek())) c.instrument = w.take();
  if (w.done() || !is_date_word(w.peek())) return std::nullopt;
  c.on_date = parse_date_word(w.take());
  if (!w.done()) {
    if (!is_date_word(w.peek())) return std::nullopt;
    c.off_date = parse_date_word(w.take());
  }
  if (!w.done()) return std::nullopt;
  return c;
}

}  // namespace

Channel read_channel(const DataSection& section, Diagnostics& diagnostics) {
  Channel channel;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text) || is_header_line(line.text, kHeader)) continue;
    if (auto c =
            read_data_line<ChannelRecord>(line, kFields, by_columns, by_words, diagnostics, kTable, kRule))
      channel.records.push_back(std::move(*c));
  }
  return channel;
}

tl::expected<std::string, std::string> write_channel(const Channel& channel) {
  TextBuilder out;
  out.add(kHeader);
  for (const ChannelRecord& c : channel.records) {
    FieldWriter w;
    w.text(kNetwork, c.network);
    w.text(kStation, c.station);
    w.text(kChannel, c.channel);
    w.text(kAux, c.aux);
    w.real(kLatitude, c.latitude);
    w.real(kLongitude, c.longitude);
    w.text(kCoordinateSystem, c.coordinate_system);
    w.real(kElevation, c.elevation);
    w.real(kDepth, c.depth);
    w.real(kHorizontalAngle, c.horizontal_angle);
    w.real(kVerticalAngle, c.vertical_angle);
    w.real(kSampleRate, c.sample_rate);
    w.text(kInstrument, c.instrument);
    write_date(w, kOnDate, c.on_date);
    write_date(w, kOffDate, c.off_date);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
