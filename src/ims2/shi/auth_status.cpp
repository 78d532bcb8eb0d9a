#include "ims2/shi/auth_status.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.5.1";
constexpr std::string_view kPacketTable = "Table 47 (AUTH_STATUS)";
constexpr std::string_view kFailureTable = "Table 48 (AUTH_STATUS)";
constexpr std::string_view kFailureTitle = "Failed Packet Intervals";

const std::string& packet_header() {
  static const std::string h = header_line(
      {{1, "Net"}, {11, "Sta"}, {16, "Chan"}, {21, "Aux"}, {27, "Packets_Tested"}, {43, "Packets_Failed"}});
  return h;
}

// Table 48 prints End_Time as a8 at 55-61; the label has 8 letters (55-62).
const std::string& failure_header() {
  static const std::string h = header_line({{1, "Net"},
                                            {11, "Sta"},
                                            {16, "Chan"},
                                            {21, "Aux"},
                                            {31, "Start_Time"},
                                            {55, "End_Time"},
                                            {71, "Comment"}});
  return h;
}

// Table 47 prints "22-40 i8" for the packets tested, which overlaps the aux code; an i8 ending under the end
// of its header label (40) is 33-40.
constexpr Field kNetwork = text_field(1, 9, "network code");
constexpr Field kStation = text_field(11, 15, "station code");
constexpr Field kChannel = text_field(17, 19, "channel code");
constexpr Field kAux = text_field(21, 24, "auxiliary code");
constexpr Field kTested = integer_field(33, 40, "packets tested");
constexpr Field kFailed = integer_field(49, 56, "packets failed");
constexpr std::array kPacketFields{kNetwork, kStation, kChannel, kAux, kTested, kFailed};

// Table 48 lacks the station row; GSE2.1 and the header put it at 11-15 as in Table 47.
constexpr Field kStartDate = text_field(26, 35, "start date");
constexpr Field kStartTime = real_field(37, 46, 1, "start time");
constexpr Field kEndDate = text_field(49, 58, "end date");
constexpr Field kEndTime = real_field(60, 69, 1, "end time");
constexpr Field kComment = text_field(71, 132, "comment");
constexpr std::array kFailureFields{kNetwork,   kStation, kChannel, kAux,    kStartDate,
                                    kStartTime, kEndDate, kEndTime, kComment};

AuthStatusRecord packets_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  AuthStatusRecord a{r.text(kNetwork), r.text(kStation),   r.text(kChannel),
                     r.text(kAux),     r.integer(kTested), r.integer(kFailed)};
  require(!a.station.empty(), line, kStation, d, kRule);
  require(!a.channel.empty(), line, kChannel, d, kRule);
  return a;
}

// The names before the first word that `is_value` accepts: [net] sta chan [aux], the network present when
// column 1 is not blank. Nothing when their number fits neither form.
template <class IsValue>
std::optional<std::size_t> count_names(const std::vector<Word>& words, const Line& line, IsValue is_value) {
  std::size_t names = 0;
  while (names < words.size() && !is_value(words[names].text)) ++names;
  const std::size_t least = is_blank(line.text[0]) ? 2 : 3;
  if (names != least && names != least + 1) return std::nullopt;
  return names;
}

void take_names(WordCursor& w, std::size_t names, const Line& line, std::string& network,
                std::string& station, std::string& channel, std::string& aux) {
  const bool has_network = !is_blank(line.text[0]);
  if (has_network) network = w.take();
  station = w.take();
  channel = w.take();
  if (names == (has_network ? 4u : 3u)) aux = w.take();
}

// [net] sta chan [aux] tested failed.
std::optional<AuthStatusRecord> packets_by_words(const std::vector<Word>& words, const Line& line) {
  const auto names = count_names(words, line, is_integer_word);
  if (!names || words.size() != *names + 2 || !is_integer_word(words.back().text)) return std::nullopt;
  WordCursor w(words);
  AuthStatusRecord a;
  take_names(w, *names, line, a.network, a.station, a.channel, a.aux);
  a.packets_tested = parse_integer(w.take());
  a.packets_failed = parse_integer(w.take());
  return a;
}

// A date-time that is written, well-formed or not: a malformed one has its own error.
bool present(const FieldReader& r, const Field& date, const Field& time) {
  return !r.text(date).empty() || !r.text(time).empty();
}

AuthFailureInterval failure_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  AuthFailureInterval f;
  f.network = r.text(kNetwork);
  f.station = r.text(kStation);
  f.channel = r.text(kChannel);
  f.aux = r.text(kAux);
  f.start = r.date_time(kStartDate, kStartTime);
  f.end = r.date_time(kEndDate, kEndTime);
  f.comment = r.text(kComment);
  require(!f.station.empty(), line, kStation, d, kRule);
  require(!f.channel.empty(), line, kChannel, d, kRule);
  require(present(r, kStartDate, kStartTime), line, kStartDate, d, kRule);
  require(present(r, kEndDate, kEndTime), line, kEndDate, d, kRule);
  return f;
}

// [net] sta chan [aux] date time date time [comment]; I.5 writes the times without tenths.
std::optional<AuthFailureInterval> failure_by_words(const std::vector<Word>& words, const Line& line) {
  const auto names = count_names(words, line, is_date_word);
  if (!names || words.size() < *names + 4) return std::nullopt;
  WordCursor w(words);
  AuthFailureInterval f;
  take_names(w, *names, line, f.network, f.station, f.channel, f.aux);
  const std::string_view d1 = w.take(), t1 = w.take(), d2 = w.take(), t2 = w.take();
  f.start = is_time_word(t1) ? parse_date_time_words(d1, t1) : std::nullopt;
  f.end = is_time_word(t2) ? parse_date_time_words(d2, t2) : std::nullopt;
  if (!f.start || !f.end) return std::nullopt;
  f.comment = w.rest();
  return f;
}

}  // namespace

AuthStatus read_auth_status(const DataSection& section, Diagnostics& diagnostics) {
  AuthStatus status;
  bool have_period = false;
  bool in_failures = false;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text)) continue;
    if (is_header_line(line.text, in_failures ? failure_header() : packet_header())) continue;
    if (iequals(trim(line.text), kFailureTitle)) {
      in_failures = true;
      continue;
    }
    if (is_report_period_line(line.text)) {
      status.period = read_report_period(line, diagnostics, kRule);
      have_period = true;
      continue;
    }
    if (in_failures) {
      if (auto f = read_data_line<AuthFailureInterval>(line, kFailureFields, failure_by_columns,
                                                       failure_by_words, diagnostics, kFailureTable, kRule))
        status.failures.push_back(std::move(*f));
    } else if (auto a =
                   read_data_line<AuthStatusRecord>(line, kPacketFields, packets_by_columns, packets_by_words,
                                                    diagnostics, kPacketTable, kRule)) {
      status.records.push_back(std::move(*a));
    }
  }
  if (!have_period)
    diagnostics.error({section.first_body_line(), 1}, "AUTH_STATUS begins with a 'Report period' line",
                      std::string(kRule));
  return status;
}

// Both blocks are always written, the second after a blank line as in I.5, even when no packet failed.
tl::expected<std::string, std::string> write_auth_status(const AuthStatus& status) {
  TextBuilder out;
  write_report_period(out, status.period);
  out.add(packet_header());
  for (const AuthStatusRecord& a : status.records) {
    FieldWriter w;
    w.text(kNetwork, a.network);
    w.text(kStation, a.station);
    w.text(kChannel, a.channel);
    w.text(kAux, a.aux);
    w.integer(kTested, a.packets_tested);
    w.integer(kFailed, a.packets_failed);
    out.add(w);
  }
  out.add("");
  out.add(kFailureTitle);
  out.add(failure_header());
  for (const AuthFailureInterval& f : status.failures) {
    FieldWriter w;
    w.text(kNetwork, f.network);
    w.text(kStation, f.station);
    w.text(kChannel, f.channel);
    w.text(kAux, f.aux);
    w.date_time(kStartDate, kStartTime, f.start);
    w.date_time(kEndDate, kEndTime, f.end);
    w.text(kComment, f.comment);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
