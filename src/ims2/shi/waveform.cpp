#include "ims2/shi/waveform.hpp"

#include <fmt/format.h>

#include "ims2/codec/codec.hpp"
#include "ims2/codec/csf.hpp"
#include "ims2/fixed_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

constexpr std::string_view kRule = "6.3.2";

// WID2 (Table 22).
constexpr Field kWidDate = text_field(6, 15, "WID2 date");
constexpr Field kWidTime = real_field(17, 28, 3, "WID2 time");
constexpr Field kWidStation = text_field(30, 34, "station");
constexpr Field kWidChannel = text_field(36, 38, "channel");
constexpr Field kWidAux = text_field(40, 43, "auxiliary id");
constexpr Field kWidSubformat = text_field(45, 47, "subformat");
constexpr Field kWidSamples = integer_field(49, 56, "number of samples");
constexpr Field kWidRate = real_field(58, 68, 6, "sample rate");
constexpr Field kWidCalib = exponent_field(70, 79, 2, "calib");
constexpr Field kWidCalper = real_field(81, 87, 3, "calper");
constexpr Field kWidInstrument = text_field(89, 94, "instrument type");
constexpr Field kWidHang = real_field(96, 100, 1, "hang");
constexpr Field kWidVang = real_field(102, 105, 1, "vang");

// STA2 (Table 23).
constexpr Field kStaNetwork = text_field(6, 14, "network");
constexpr Field kStaLatitude = real_field(16, 24, 5, "latitude");
constexpr Field kStaLongitude = real_field(26, 35, 5, "longitude");
constexpr Field kStaCoordinates = text_field(37, 48, "coordinate system");
constexpr Field kStaElevation = real_field(50, 54, 3, "elevation");
constexpr Field kStaDepth = real_field(56, 60, 3, "emplacement depth");

// EID2, BEA2 (Tables 29, 30).
constexpr Field kEidEvent = text_field(6, 13, "event id");
constexpr Field kEidBulletin = text_field(15, 23, "bulletin type");
constexpr Field kBeaId = text_field(6, 17, "beam id");
constexpr Field kBeaAzimuth = real_field(19, 23, 1, "beam azimuth");
constexpr Field kBeaSlowness = real_field(25, 29, 1, "beam slowness");

// OUT2 and DLY2 (Tables 27, 28).
constexpr Field kGapDate = text_field(6, 15, "date");
constexpr Field kGapTime = real_field(17, 28, 3, "time");
constexpr Field kGapStation = text_field(30, 34, "station");
constexpr Field kGapChannel = text_field(36, 38, "channel");
constexpr Field kGapAux = text_field(40, 43, "auxiliary id");
constexpr Field kGapDuration = real_field(45, 55, 3, "duration");

// CHK2 (Table 25).
constexpr Field kChecksum = integer_field(6, 13, "checksum");

bool block_is(std::string_view text, std::string_view keyword) {
  return text.size() >= 4 && text.substr(0, 4) == keyword && (text.size() == 4 || is_blank(text[4]));
}

// The lines that end a section when blocks are read straight from a whole message (WaveformStream).
bool ends_section(std::string_view text) {
  auto word = [&](std::string_view w) {
    return istarts_with(text, w) && (text.size() == w.size() || is_blank(text[w.size()]));
  };
  return word("STOP") || word("DATA_TYPE") || word("BEGIN");
}

bool starts_block(std::string_view text) {
  return block_is(text, "WID2") || block_is(text, "OUT2") || block_is(text, "DLY2");
}

}  // namespace

// STA2 lines often leave their columns (elevations too wide for f5.3, shifted fields): when the columns do
// not read, the blank-separated fields after the network are read in order (latitude, longitude, [coordinate
// system], elevation, depth), with a warning.
Sta2 read_sta2(const Line& line, Diagnostics& diagnostics) {
  Diagnostics column_problems;
  FieldReader r(line, column_problems, kRule);
  Sta2 sta{r.text(kStaNetwork),     r.real(kStaLatitude),  r.real(kStaLongitude),
           r.text(kStaCoordinates), r.real(kStaElevation), r.real(kStaDepth)};
  const bool columns_end = line.text.size() <= static_cast<std::size_t>(kStaDepth.last);
  if (!column_problems.has_errors() && columns_end) return sta;

  const LogicalLine logical(line);
  auto tokens = logical.tokens();
  std::erase_if(tokens, [](const Token& t) { return t.at.column < kStaLatitude.first; });
  const bool with_system = tokens.size() == 5;
  if (tokens.size() == 4 || with_system) {
    auto lat = parse_real(tokens[0].text), lon = parse_real(tokens[1].text);
    auto elev = parse_real(tokens[with_system ? 3 : 2].text),
         depth = parse_real(tokens[with_system ? 4 : 3].text);
    if (lat && lon && elev && depth) {
      diagnostics.warning({line.number, tokens[0].at.column},
                          "STA2 fields are not in their columns; read as blank-separated fields",
                          std::string(kRule));
      return {sta.network, lat, lon, with_system ? std::string(tokens[2].text) : std::string(), elev, depth};
    }
  }
  diagnostics.append(column_problems);
  if (!column_problems.has_errors())
    diagnostics.error({line.number, kStaDepth.last + 1}, "unexpected text after the STA2 fields",
                      std::string(kRule));
  return sta;
}

Line WaveformReader::numbered(Line line) const {
  line.number += first_line_ - 1;
  return line;
}

std::optional<WaveformBlock> WaveformReader::next() {
  bool reported = false;
  while (auto raw = lines_.peek()) {
    if (ends_section(raw->text)) return std::nullopt;
    lines_.next();
    const Line line = numbered(*raw);
    if (trim(line.text).empty()) continue;
    if (block_is(line.text, "WID2")) {
      if (auto segment = read_segment(line)) return std::move(*segment);
      reported = false;
      continue;
    }
    if (block_is(line.text, "OUT2") || block_is(line.text, "DLY2")) {
      if (auto gap = read_gap(line)) return std::move(*gap);
      continue;
    }
    if (!reported) {
      const std::string_view what = trim(line.text).substr(0, 20);
      diagnostics_.error(
          {line.number, 1},
          block_is(line.text, "WID1") || block_is(line.text, "DAT1")
              ? "GSE1 waveform blocks (WID1, DAT1) are not supported: only GSE2 and IMS2.0 WID2 blocks"
              : fmt::format("expected WID2, OUT2 or DLY2, found '{}'", what),
          std::string(kRule));
      reported = true;
    }
  }
  return std::nullopt;
}

std::optional<WaveformSegment> WaveformReader::read_segment(const Line& line) {
  const std::size_t errors_before = diagnostics_.error_count();
  FieldReader r(line, diagnostics_, kRule);
  WaveformSegment s;
  Wid2& w = s.wid2;
  if (auto start = r.date_time(kWidDate, kWidTime))
    w.start = *start;
  else if (diagnostics_.error_count() == errors_before)
    diagnostics_.error({line.number, kWidDate.first}, "WID2 needs the date and time of the first sample",
                       std::string(kRule));
  w.station = r.text(kWidStation);
  w.channel = r.text(kWidChannel);
  w.aux_id = r.text(kWidAux);
  w.subformat = r.text(kWidSubformat);
  const auto count = r.integer(kWidSamples);
  const auto rate = r.real(kWidRate);
  w.calib = r.real(kWidCalib);
  w.calper = r.real(kWidCalper);
  w.instrument = r.text(kWidInstrument);
  w.hang = r.real(kWidHang);
  w.vang = r.real(kWidVang);
  if (w.station.empty())
    diagnostics_.error({line.number, kWidStation.first}, "WID2 needs a station code (columns 30-34)",
                       std::string(kRule));
  if (!count || *count < 0)
    diagnostics_.error({line.number, kWidSamples.first}, "WID2 needs the number of samples (columns 49-56)",
                       std::string(kRule));
  if (!rate || *rate <= 0)
    diagnostics_.error({line.number, kWidRate.first}, "WID2 needs a positive sample rate (columns 58-68)",
                       std::string(kRule));
  if (!codec::parse_subformat(w.subformat))
    diagnostics_.error(
        {line.number, kWidSubformat.first},
        fmt::format("unknown waveform subformat '{}': expected INT, CM6, CM8 or CSF", w.subformat),
        std::string(kRule));
  if (count) w.sample_count = *count;
  if (rate) w.sample_rate = *rate;
  const bool header_ok = diagnostics_.error_count() == errors_before;

  while (auto raw = lines_.peek()) {
    const Line next = numbered(*raw);
    if (ends_section(next.text)) break;
    if (trim(next.text).empty()) {
      lines_.next();
      continue;
    }
    if (block_is(next.text, "STA2")) {
      lines_.next();
      if (s.sta2) diagnostics_.error({next.number, 1}, "a second STA2 for one WID2", std::string(kRule));
      s.sta2 = read_sta2(next, diagnostics_);
    } else if (block_is(next.text, "EID2")) {
      lines_.next();
      FieldReader e(next, diagnostics_, kRule);
      s.events.push_back({e.text(kEidEvent), e.text(kEidBulletin)});
    } else if (block_is(next.text, "BEA2")) {
      lines_.next();
      FieldReader b(next, diagnostics_, kRule);
      s.beam = Bea2{b.text(kBeaId), b.real(kBeaAzimuth), b.real(kBeaSlowness)};
    } else if (block_is(next.text, "DAT2")) {
      lines_.next();
      if (!s.sta2)
        diagnostics_.warning({line.number, 1}, "STA2 is missing after WID2; the spec makes it mandatory",
                             std::string(kRule));
      if (!header_ok) return std::nullopt;
      if (!read_samples(s, next)) return std::nullopt;
      return s;
    } else {
      diagnostics_.error({next.number, 1}, "expected STA2, EID2, BEA2 or DAT2 after WID2",
                         std::string(kRule));
      return std::nullopt;
    }
  }
  diagnostics_.error({line.number, 1}, "WID2 block without DAT2 data", std::string(kRule));
  return std::nullopt;
}

bool WaveformReader::read_samples(WaveformSegment& s, const Line& dat2_line) {
  const auto subformat = *codec::parse_subformat(s.wid2.subformat);
  const std::size_t start = lines_.offset();
  const int first_data_line = dat2_line.number + 1;
  const std::string_view data = lines_.input().substr(start);
  s.samples.clear();
  auto decoded = codec::decode(subformat, data, static_cast<std::size_t>(s.wid2.sample_count), s.samples);
  if (!decoded) {
    // Point at the line and column of the offending character.
    const std::string_view before = data.substr(0, decoded.error().offset);
    const auto newlines = std::count(before.begin(), before.end(), '\n');
    const std::size_t line_start = before.rfind('\n');
    const int column = static_cast<int>(line_start == std::string_view::npos ? before.size() + 1
                                                                             : before.size() - line_start);
    diagnostics_.error({first_data_line + static_cast<int>(newlines), column}, decoded.error().message,
                       std::string(kRule));
    // Skip to this segment's CHK2 so that the next block reads cleanly.
    while (auto raw = lines_.peek()) {
      if (starts_block(raw->text)) break;
      lines_.next();
      if (block_is(raw->text, "CHK2") && parse_integer(trim(raw->text.substr(4)))) break;
    }
    return false;
  }
  lines_.advance(*decoded);
  s.checksum.computed = codec::compute_chk2(s.samples);

  while (auto raw = lines_.peek()) {
    if (!trim(raw->text).empty()) break;
    lines_.next();
  }
  auto raw = lines_.peek();
  const Line chk = numbered(raw.value_or(Line{"", lines_.lines_read() + 1}));
  if (!raw || !block_is(chk.text, "CHK2")) {
    diagnostics_.error(
        {chk.number, 1},
        fmt::format("expected CHK2 after the {} samples announced by WID2", s.wid2.sample_count),
        std::string(kRule));
    return true;
  }
  lines_.next();
  // Senders write a longer checksum past column 13 ("CHK2     -5140"): the value is the one field after the
  // keyword, wherever it stands.
  const std::string_view value = trim(chk.text.substr(4));
  s.checksum.stored = parse_integer(value);
  if (!s.checksum.stored) {
    diagnostics_.error({chk.number, 6}, fmt::format("CHK2 value '{}' is not an integer", value),
                       std::string(kRule));
    return true;
  }
  if (chk.text.size() > static_cast<std::size_t>(kChecksum.last))
    diagnostics_.warning({chk.number, 6}, "CHK2 value extends past column 13", std::string(kRule));
  const std::int64_t stored = *s.checksum.stored;
  if (stored == s.checksum.computed) return true;
  if (stored < 0 && -stored == s.checksum.computed) {
    diagnostics_.warning({chk.number, 6},
                         fmt::format("CHK2 written signed ({}); the spec's form is unsigned ({})", stored,
                                     s.checksum.computed),
                         std::string(kRule));
    return true;
  }
  diagnostics_.error(
      {chk.number, 6},
      fmt::format("CHK2 mismatch: the message says {}, the samples give {}", stored, s.checksum.computed),
      std::string(kRule));
  return true;
}

std::optional<WaveformGap> WaveformReader::read_gap(const Line& line) {
  const std::size_t errors_before = diagnostics_.error_count();
  FieldReader r(line, diagnostics_, kRule);
  WaveformGap g;
  g.delayed = block_is(line.text, "DLY2");
  if (auto start = r.date_time(kGapDate, kGapTime)) g.start = *start;
  g.station = r.text(kGapStation);
  g.channel = r.text(kGapChannel);
  g.aux_id = r.text(kGapAux);
  g.duration = r.real(kGapDuration);
  if (auto raw = lines_.peek(); raw && block_is(raw->text, "STA2")) {
    lines_.next();
    g.sta2 = read_sta2(numbered(*raw), diagnostics_);
  } else {
    diagnostics_.warning(
        {line.number, 1},
        fmt::format("STA2 is missing after {}; the spec makes it mandatory", line.text.substr(0, 4)),
        std::string(kRule));
  }
  if (diagnostics_.error_count() != errors_before) return std::nullopt;
  return g;
}

Waveform read_waveform(const DataSection& section, Diagnostics& diagnostics) {
  Waveform waveform;
  LineReader lines(section.body);
  WaveformReader reader(lines, section.first_body_line(), diagnostics);
  while (auto block = reader.next()) waveform.blocks.push_back(std::move(*block));
  return waveform;
}

namespace {

tl::expected<void, std::string> append_line(FieldWriter& w, std::string& out) {
  auto line = w.finish();
  if (!line) return tl::unexpected(line.error());
  out += *line;
  out += '\n';
  return {};
}

tl::expected<void, std::string> write_sta2(const Sta2& sta, std::string& out) {
  FieldWriter w;
  w.literal(1, "STA2");
  w.text(kStaNetwork, sta.network);
  w.real(kStaLatitude, sta.latitude);
  w.real(kStaLongitude, sta.longitude);
  w.text(kStaCoordinates, sta.coordinate_system);
  w.real(kStaElevation, sta.elevation);
  w.real(kStaDepth, sta.depth);
  return append_line(w, out);
}

tl::expected<void, std::string> write_segment(const WaveformSegment& s, std::string& out) {
  const auto subformat = codec::parse_subformat(s.wid2.subformat);
  if (!subformat) return tl::unexpected(fmt::format("unknown waveform subformat '{}'", s.wid2.subformat));
  const Wid2& wid = s.wid2;
  FieldWriter w;
  w.literal(1, "WID2");
  w.date_time(kWidDate, kWidTime, wid.start);
  w.text(kWidStation, wid.station);
  w.text(kWidChannel, wid.channel);
  w.text(kWidAux, wid.aux_id);
  w.text(kWidSubformat, wid.subformat);
  w.integer(kWidSamples, static_cast<std::int64_t>(s.samples.size()));
  w.real(kWidRate, wid.sample_rate);
  w.real(kWidCalib, wid.calib);
  w.real(kWidCalper, wid.calper);
  w.text(kWidInstrument, wid.instrument);
  w.real(kWidHang, wid.hang);
  w.real(kWidVang, wid.vang);
  if (auto ok = append_line(w, out); !ok) return ok;
  if (s.sta2)
    if (auto ok = write_sta2(*s.sta2, out); !ok) return ok;
  for (const auto& e : s.events) {
    FieldWriter ew;
    ew.literal(1, "EID2");
    ew.text(kEidEvent, e.event_id);
    ew.text(kEidBulletin, e.bulletin_type);
    if (auto ok = append_line(ew, out); !ok) return ok;
  }
  if (s.beam) {
    FieldWriter bw;
    bw.literal(1, "BEA2");
    bw.text(kBeaId, s.beam->beam_id);
    bw.real(kBeaAzimuth, s.beam->azimuth);
    bw.real(kBeaSlowness, s.beam->slowness);
    if (auto ok = append_line(bw, out); !ok) return ok;
  }
  out += "DAT2\n";
  // CSF data that no station signed are written as unsigned subframes named by the WID2 line.
  auto encoded = *subformat == codec::Subformat::csf
                     ? codec::encode_csf_samples(
                           {wid.station, wid.channel, wid.aux_id, wid.start, wid.sample_rate}, s.samples, out)
                     : codec::encode(*subformat, s.samples, out);
  if (!encoded) return tl::unexpected(encoded.error().message);
  FieldWriter cw;
  cw.literal(1, "CHK2");
  cw.integer(kChecksum, codec::compute_chk2(s.samples));
  return append_line(cw, out);
}

tl::expected<void, std::string> write_gap(const WaveformGap& g, std::string& out) {
  FieldWriter w;
  w.literal(1, g.delayed ? "DLY2" : "OUT2");
  w.date_time(kGapDate, kGapTime, g.start);
  w.text(kGapStation, g.station);
  w.text(kGapChannel, g.channel);
  w.text(kGapAux, g.aux_id);
  w.real(kGapDuration, g.duration);
  if (auto ok = append_line(w, out); !ok) return ok;
  if (g.sta2) return write_sta2(*g.sta2, out);
  return {};
}

}  // namespace

tl::expected<void, std::string> write_waveform_block(const WaveformBlock& block, std::string& out) {
  if (const auto* segment = std::get_if<WaveformSegment>(&block)) return write_segment(*segment, out);
  return write_gap(std::get<WaveformGap>(block), out);
}

tl::expected<std::string, std::string> write_waveform(const Waveform& waveform) {
  std::string out;
  for (const auto& block : waveform.blocks)
    if (auto ok = write_waveform_block(block, out); !ok) return tl::unexpected(ok.error());
  return out;
}

}  // namespace imsgate::ims2::shi
