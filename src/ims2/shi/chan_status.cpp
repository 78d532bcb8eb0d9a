#include "ims2/shi/chan_status.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.5.2";
constexpr std::string_view kTable = "Table 49 (CHAN_STATUS)";
constexpr std::string_view kTitle = "Channel Status";

const std::string& header() {
  static const std::string h = header_line({{1, "Net"},
                                            {11, "Sta"},
                                            {17, "Chan"},
                                            {22, "%_Recvd"},
                                            {30, "%_AvaUA"},
                                            {38, "%_Avail"},
                                            {47, "Gaps"},
                                            {54, "Samples"},
                                            {63, "Constant"},
                                            {79, "Mean"},
                                            {92, "RMS"}});
  return h;
}

constexpr Field kNetwork = text_field(1, 9, "network code");
constexpr Field kStation = text_field(11, 15, "station code");
constexpr Field kChannel = text_field(17, 20, "channel code");
constexpr Field kReceived = real_field(22, 28, 3, "% received");
constexpr Field kUnauthenticated = real_field(30, 36, 3, "% available (unauthenticated)");
constexpr Field kAvailable = real_field(38, 44, 3, "% available");
constexpr Field kGaps = integer_field(46, 50, "gaps");
constexpr Field kSamples = integer_field(52, 60, "samples");
constexpr Field kConstant = integer_field(62, 70, "constant values");
constexpr Field kMean = real_field(72, 82, 1, "mean amplitude");
constexpr Field kRms = real_field(84, 94, 1, "RMS amplitude");
constexpr std::array kFields{kNetwork, kStation,  kChannel, kReceived, kUnauthenticated, kAvailable, kGaps,
                             kSamples, kConstant, kMean,    kRms};

ChanStatusRecord by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  ChanStatusRecord c{r.text(kNetwork),         r.text(kStation),   r.text(kChannel), r.real(kReceived),
                     r.real(kUnauthenticated), r.real(kAvailable), r.integer(kGaps), r.integer(kSamples),
                     r.integer(kConstant),     r.real(kMean),      r.real(kRms)};
  require(!c.station.empty(), line, kStation, d, kRule);
  require(!c.channel.empty(), line, kChannel, d, kRule);
  return c;
}

// [net] sta chan and eight numbers; the network is present when column 1 is not blank.
std::optional<ChanStatusRecord> by_words(const std::vector<Word>& words, const Line& line) {
  const bool has_network = !is_blank(line.text[0]);
  if (words.size() != (has_network ? 11u : 10u)) return std::nullopt;
  WordCursor w(words);
  ChanStatusRecord c;
  if (has_network) c.network = w.take();
  c.station = w.take();
  c.channel = w.take();
  for (std::size_t i = 0; i < w.remaining(); ++i)
    if (!is_number_word(w.peek(i)) || ((i >= 3 && i <= 5) && !is_integer_word(w.peek(i))))
      return std::nullopt;
  c.received = parse_real(w.take());
  c.available_unauthenticated = parse_real(w.take());
  c.available = parse_real(w.take());
  c.gaps = parse_integer(w.take());
  c.samples = parse_integer(w.take());
  c.constant = parse_integer(w.take());
  c.mean = parse_real(w.take());
  c.rms = parse_real(w.take());
  return c;
}

}  // namespace

ChanStatus read_chan_status(const DataSection& section, Diagnostics& diagnostics) {
  ChanStatus status;
  bool have_period = false;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text) || is_header_line(line.text, header())) continue;
    if (iequals(trim(line.text), kTitle)) continue;
    if (is_report_period_line(line.text)) {
      status.period = read_report_period(line, diagnostics, kRule);
      have_period = true;
      continue;
    }
    if (auto c =
            read_data_line<ChanStatusRecord>(line, kFields, by_columns, by_words, diagnostics, kTable, kRule))
      status.records.push_back(std::move(*c));
  }
  if (!have_period)
    diagnostics.error({section.first_body_line(), 1}, "CHAN_STATUS begins with a 'Report period' line",
                      std::string(kRule));
  return status;
}

tl::expected<std::string, std::string> write_chan_status(const ChanStatus& status) {
  TextBuilder out;
  write_report_period(out, status.period);
  out.add(kTitle);
  out.add(header());
  for (const ChanStatusRecord& c : status.records) {
    FieldWriter w;
    w.text(kNetwork, c.network);
    w.text(kStation, c.station);
    w.text(kChannel, c.channel);
    w.real(kReceived, c.received);
    w.real(kUnauthenticated, c.available_unauthenticated);
    w.real(kAvailable, c.available);
    w.integer(kGaps, c.gaps);
    w.integer(kSamples, c.samples);
    w.integer(kConstant, c.constant);
    w.real(kMean, c.mean);
    w.real(kRms, c.rms);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
