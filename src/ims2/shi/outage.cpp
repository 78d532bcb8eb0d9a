#include "ims2/shi/outage.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.5.4";
constexpr std::string_view kTable = "Table 52 (OUTAGE)";
constexpr std::string_view kTitle = "Outage";

const std::string& header() {
  static const std::string h = header_line({{1, "Net"},
                                            {11, "Sta"},
                                            {16, "Chan"},
                                            {21, "Aux"},
                                            {30, "Start Date Time"},
                                            {55, "End Date Time"},
                                            {76, "Duration"},
                                            {85, "Comment"}});
  return h;
}

constexpr Field kNetwork = text_field(1, 9, "network code");
constexpr Field kStation = text_field(11, 15, "station code");
constexpr Field kChannel = text_field(17, 19, "channel code");
constexpr Field kAux = text_field(21, 24, "auxiliary code");
constexpr Field kStartDate = text_field(26, 35, "start date");
constexpr Field kStartTime = real_field(37, 48, 3, "start time");
constexpr Field kEndDate = text_field(50, 59, "end date");
constexpr Field kEndTime = real_field(61, 72, 3, "end time");
constexpr Field kDuration = real_field(74, 83, 3, "duration");
constexpr Field kComment = text_field(85, 132, "comment");
constexpr std::array kFields{kNetwork,   kStation, kChannel, kAux,      kStartDate,
                             kStartTime, kEndDate, kEndTime, kDuration, kComment};

OutageRecord by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  OutageRecord o;
  o.network = r.text(kNetwork);
  o.station = r.text(kStation);
  o.channel = r.text(kChannel);
  o.aux = r.text(kAux);
  o.start = r.date_time(kStartDate, kStartTime);
  o.end = r.date_time(kEndDate, kEndTime);
  o.duration = r.real(kDuration);
  o.comment = r.text(kComment);
  require(!o.station.empty(), line, kStation, d, kRule);
  require(!o.channel.empty(), line, kChannel, d, kRule);
  require(o.start.has_value(), line, kStartDate, d, kRule);
  require(o.end.has_value(), line, kEndDate, d, kRule);
  return o;
}

// Names, then date time date time duration [comment]. Two names are sta chan; three are net sta chan (I.25
// prints rows without a network flush left, so column 1 cannot tell; aux codes are rare); four add aux.
std::optional<OutageRecord> by_words(const std::vector<Word>& words, const Line&) {
  std::size_t names = 0;
  while (names < words.size() && !is_date_word(words[names].text)) ++names;
  if (names < 2 || names > 4 || words.size() < names + 5) return std::nullopt;
  WordCursor w(words);
  OutageRecord o;
  if (names >= 3) o.network = w.take();
  o.station = w.take();
  o.channel = w.take();
  if (names == 4) o.aux = w.take();
  const std::string_view d1 = w.take(), t1 = w.take(), d2 = w.take(), t2 = w.take();
  o.start = is_time_word(t1) ? parse_date_time_words(d1, t1) : std::nullopt;
  o.end = is_time_word(t2) ? parse_date_time_words(d2, t2) : std::nullopt;
  if (!o.start || !o.end || !is_number_word(w.peek())) return std::nullopt;
  o.duration = parse_real(w.take());
  o.comment = w.rest();
  return o;
}

}  // namespace

Outage read_outage(const DataSection& section, Diagnostics& diagnostics) {
  Outage outage;
  bool have_period = false;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text) || is_header_line(line.text, header())) continue;
    if (iequals(trim(line.text), kTitle)) continue;
    if (is_report_period_line(line.text)) {
      outage.period = read_report_period(line, diagnostics, kRule);
      have_period = true;
      continue;
    }
    if (auto o =
            read_data_line<OutageRecord>(line, kFields, by_columns, by_words, diagnostics, kTable, kRule))
      outage.records.push_back(std::move(*o));
  }
  if (!have_period)
    diagnostics.error({section.first_body_line(), 1}, "OUTAGE begins with a 'Report period' line",
                      std::string(kRule));
  return outage;
}

tl::expected<std::string, std::string> write_outage(const Outage& outage, const OutageWriteOptions& options) {
  TextBuilder out;
  write_report_period(out, outage.period, options.table_52_report_period);
  if (!options.table_52_report_period) out.add(kTitle);
  out.add(header());
  for (const OutageRecord& o : outage.records) {
    FieldWriter w;
    w.text(kNetwork, o.network);
    w.text(kStation, o.station);
    w.text(kChannel, o.channel);
    w.text(kAux, o.aux);
    w.date_time(kStartDate, kStartTime, o.start);
    w.date_time(kEndDate, kEndTime, o.end);
    w.real(kDuration, o.duration);
    w.text(kComment, o.comment);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
