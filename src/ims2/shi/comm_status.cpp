#include "ims2/shi/comm_status.hpp"

#include <array>

#include <fmt/format.h>

#include "ims2/fixed_format.hpp"
#include "ims2/shi/sta_status.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.5.3";
constexpr std::string_view kLinkTable = "Table 50 (COMM_STATUS)";
constexpr std::string_view kOutageTable = "Table 51 (COMM_STATUS)";

const std::string& link_header() {
  static const std::string h = header_line({{1, "Link"},
                                            {22, "Nom_kbps"},
                                            {32, "Mode"},
                                            {38, "%_up"},
                                            {44, "From"},
                                            {54, "Util"},
                                            {60, "From"},
                                            {70, "Util"}});
  return h;
}

const std::string& outage_header() {
  static const std::string h = header_line({{10, "From"}, {30, "Through"}, {50, "Duration"}});
  return h;
}

constexpr Field kFar = text_field(1, 9, "link code (far end)");
constexpr Field kDash = text_field(11, 11, "'-' between the link codes");
constexpr Field kNear = text_field(13, 21, "link code (near end)");
constexpr Field kSpeed = real_field(24, 29, 1, "nominal speed");
constexpr Field kMode = text_field(32, 35, "duplex mode");
constexpr Field kUptime = real_field(37, 41, 1, "% uptime");
constexpr Field kFarFrom = text_field(44, 52, "link code (far end)");
constexpr Field kFarUse = real_field(54, 57, 2, "use of link (far end)");
constexpr Field kNearFrom = text_field(60, 68, "link code (near end)");
constexpr Field kNearUse = real_field(70, 73, 2, "use of link (near end)");
constexpr std::array kLinkFields{kFar,    kDash,    kNear,   kSpeed,    kMode,
                                 kUptime, kFarFrom, kFarUse, kNearFrom, kNearUse};

// Table 51's title prints the far end as a8 at 1-9; it is the a9 of the data lines.
constexpr int kTitleLabelColumn = 23;
constexpr std::string_view kTitleLabel = "link outages";

constexpr Field kStartDate = text_field(1, 10, "outage start date");
constexpr Field kStartTime = real_field(12, 21, 1, "outage start time");
constexpr Field kEndDate = text_field(24, 33, "outage end date");
constexpr Field kEndTime = real_field(35, 44, 1, "outage end time");
// Table 51's text says "ddd hh:mm:ss.ss"; its format i3,a1,i2,a1,i2,a1,f4.1 and I.14 have one decimal.
constexpr Field kDuration = real_field(47, 60, 1, "outage duration");
constexpr std::array kOutageFields{kStartDate, kStartTime, kEndDate, kEndTime, kDuration};

bool is_mode(std::string_view s) {
  return iequals(s, "full") || iequals(s, "half");
}

CommLink link_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  CommLink l{r.text(kFar),     r.text(kNear),   r.real(kSpeed),    r.text(kMode),   r.real(kUptime),
             r.text(kFarFrom), r.real(kFarUse), r.text(kNearFrom), r.real(kNearUse)};
  if (r.text(kDash) != "-")
    d.error({line.number, kDash.first}, "expected '-' between the link codes in column 11",
            std::string(kRule));
  if (!l.mode.empty() && !is_mode(l.mode))
    d.error({line.number, kMode.first},
            fmt::format("{} '{}' (columns {}-{}) is not 'full' or 'half'", kMode.name, l.mode, kMode.first,
                        kMode.last),
            std::string(kRule));
  require(!l.far_end.empty(), line, kFar, d, kRule);
  require(!l.near_end.empty(), line, kNear, d, kRule);
  return l;
}

// far - near speed mode uptime from use from use: every field present, as I.14 has them.
std::optional<CommLink> link_by_words(const std::vector<Word>& words, const Line&) {
  if (words.size() != 10 || words[1].text != "-" || !is_number_word(words[3].text) ||
      !is_mode(words[4].text) || !is_number_word(words[5].text) || !is_number_word(words[7].text) ||
      !is_number_word(words[9].text))
    return std::nullopt;
  return CommLink{std::string(words[0].text), std::string(words[2].text), parse_real(words[3].text),
                  std::string(words[4].text), parse_real(words[5].text),  std::string(words[6].text),
                  parse_real(words[7].text),  std::string(words[8].text), parse_real(words[9].text)};
}

// A date-time that is written, well-formed or not: a malformed one has its own error.
bool present(const FieldReader& r, const Field& date, const Field& time) {
  return !r.text(date).empty() || !r.text(time).empty();
}

CommOutage outage_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  CommOutage o{r.date_time(kStartDate, kStartTime), r.date_time(kEndDate, kEndTime),
               read_day_time(line, kDuration, d, kRule)};
  require(present(r, kStartDate, kStartTime), line, kStartDate, d, kRule);
  require(present(r, kEndDate, kEndTime), line, kEndDate, d, kRule);
  return o;
}

// date time date time days hh:mm:ss.s
std::optional<CommOutage> outage_by_words(const std::vector<Word>& words, const Line&) {
  if (words.size() != 6 || !is_time_word(words[1].text) || !is_time_word(words[3].text)) return std::nullopt;
  CommOutage o{parse_date_time_words(words[0].text, words[1].text),
               parse_date_time_words(words[2].text, words[3].text),
               parse_day_time_words(words[4].text, words[5].text)};
  if (!o.start || !o.end || !o.duration) return std::nullopt;
  return o;
}

bool is_outage_title(std::string_view text) {
  const auto w = split_words(text);
  return w.size() >= 2 && iequals(w[w.size() - 2].text, "link") && iequals(w.back().text, "outages");
}

// "<far> - <near> link outages", read by its words: the converted example moved them.
std::optional<CommLinkOutages> read_outage_title(const Line& line, Diagnostics& diagnostics) {
  const auto w = split_words(line.text);
  if (w.size() != 5 || w[1].text != "-") {
    diagnostics.error({line.number, 1}, "expected '<link code> - <link code> link outages'",
                      std::string(kRule));
    return std::nullopt;
  }
  if (w[0].column != kFar.first || w[1].column != kDash.first || w[2].column != kNear.first ||
      w[3].column != kTitleLabelColumn)
    diagnostics.warning({line.number, 1}, "link outages title does not fit the columns of Table 51",
                        std::string(kRule));
  return CommLinkOutages{std::string(w[0].text), std::string(w[2].text), {}};
}

// The PDF conversion wrapped I.14's link lines before the last use of link, leaving it alone on the next
// line.
bool is_wrapped_tail(const std::vector<Line>& lines, std::size_t next) {
  if (next >= lines.size() || lines[next].text.empty() || !is_blank(lines[next].text[0])) return false;
  const auto w = split_words(lines[next].text);
  return w.size() == 1 && is_number_word(w[0].text);
}

}  // namespace

CommStatus read_comm_status(const DataSection& section, Diagnostics& diagnostics) {
  CommStatus status;
  bool have_period = false;
  const std::vector<Line> lines = section_lines(section);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (is_blank_line(line.text) || is_header_line(line.text, link_header()) ||
        is_header_line(line.text, outage_header()))
      continue;
    if (is_report_period_line(line.text)) {
      status.period = read_report_period(line, diagnostics, kRule);
      have_period = true;
      continue;
    }
    if (is_outage_title(line.text)) {
      if (auto title = read_outage_title(line, diagnostics)) status.link_outages.push_back(std::move(*title));
      continue;
    }
    if (!status.link_outages.empty()) {
      if (auto o = read_data_line<CommOutage>(line, kOutageFields, outage_by_columns, outage_by_words,
                                              diagnostics, kOutageTable, kRule))
        status.link_outages.back().outages.push_back(*o);
      continue;
    }
    std::string joined;
    Line link = line;
    if (split_words(line.text).size() == 9 && is_wrapped_tail(lines, i + 1)) {
      joined = fmt::format("{} {}", line.text, trim(lines[i + 1].text));
      link.text = joined;
      diagnostics.warning({line.number, 1},
                          fmt::format("line continues on line {} (wrapped); the two were read as one line",
                                      lines[i + 1].number),
                          std::string(kRule));
      ++i;
    }
    if (auto l = read_data_line<CommLink>(link, kLinkFields, link_by_columns, link_by_words, diagnostics,
                                          kLinkTable, kRule))
      status.links.push_back(std::move(*l));
  }
  if (!have_period)
    diagnostics.error({section.first_body_line(), 1}, "COMM_STATUS begins with a 'Report period' line",
                      std::string(kRule));
  return status;
}

// Each outage list follows a blank line, as in I.14.
tl::expected<std::string, std::string> write_comm_status(const CommStatus& status) {
  TextBuilder out;
  write_report_period(out, status.period);
  out.add(link_header());
  for (const CommLink& l : status.links) {
    FieldWriter w;
    w.text(kFar, l.far_end);
    w.literal(kDash.first, "-");
    w.text(kNear, l.near_end);
    w.real(kSpeed, l.speed);
    w.text(kMode, l.mode);
    w.real(kUptime, l.uptime);
    w.text(kFarFrom, l.far_from);
    w.real(kFarUse, l.far_use);
    w.text(kNearFrom, l.near_from);
    w.real(kNearUse, l.near_use);
    out.add(w);
  }
  for (const CommLinkOutages& list : status.link_outages) {
    out.add("");
    FieldWriter title;
    title.text(kFar, list.far_end);
    title.literal(kDash.first, "-");
    title.text(kNear, list.near_end);
    title.literal(kTitleLabelColumn, kTitleLabel);
    out.add(title);
    out.add(outage_header());
    for (const CommOutage& o : list.outages) {
      FieldWriter w;
      w.date_time(kStartDate, kStartTime, o.start);
      w.date_time(kEndDate, kEndTime, o.end);
      if (!write_day_time(w, kDuration, o.duration))
        out.fail(fmt::format("outage duration {} s is not a duration", *o.duration));
      out.add(w);
    }
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
