// Table 164 and I.32 disagree (DIGEST-radionuclide §4.5, §6.5 #71): I.32 adds a Detector column after
// Station, prints four-digit years and "Level 1/2". The reader takes both (a Detector token is known by its
// '_'); the writer follows the IDC's practice in I.32, placing the columns as Table 164 does with the
// Detector column (a9) inserted after Station and the date-times widened to yyyy/mm/dd hh:mm:
//   Station 1-7, Detector 9-17, SID 19-26 (i8), Type 28, Cstart 34-49, Cstop 52-67, Category 70-78 (a9),
//   Status 81, Products 89-99 (a11), CTBT Relevant from 101 (Table 164 has it from 84, right after Products).
#include "ims2/rn/rnps.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ims2/fixed_format.hpp"
#include "ims2/free_format.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/report_text.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::string_view kRule = "7.8.4";
constexpr std::string_view kTableRule = "7.8.4 Table 164";
constexpr std::string_view kTitle = "Radionuclide Network Product Summary";
constexpr std::string_view kCreated = "Product created on";
constexpr std::string_view kPeriod =
    "This product shows the radionuclide products received at the IDC between";
constexpr std::string_view kLegend = "Products Legend";

constexpr Field kStation = text_field(1, 7, "station code");
constexpr Field kDetector = text_field(9, 17, "detector code");
constexpr Field kSampleId = integer_field(19, 26, "sample ID");
constexpr Field kType = text_field(28, 28, "station type");
constexpr Field kStartDate = text_field(34, 43, "collection start date");
constexpr Field kStartTime = text_field(45, 49, "collection start time");
constexpr Field kStopDate = text_field(52, 61, "collection stop date");
constexpr Field kStopTime = text_field(63, 67, "collection stop time");
constexpr Field kCategory = text_field(70, 78, "categorization level");
constexpr Field kLevel = text_field(76, 78, "level");
constexpr Field kStatus = text_field(81, 81, "status");
constexpr Field kProducts = text_field(89, 99, "products");
constexpr Field kRelevant = text_field(101, 1024, "CTBT relevant nuclides");

struct Label {
  Field field;
  std::string_view text;
};
constexpr std::array<Label, 10> kHeader{{{kStation, "Station"},
                                         {kDetector, "Detector"},
                                         {kSampleId, "SID"},
                                         {text_field(28, 32, "type"), "P/G/B"},
                                         {text_field(34, 49, "start"), "Cstart(GMT)"},
                                         {text_field(52, 67, "stop"), "Cstop(GMT)"},
                                         {kCategory, "Category"},
                                         {text_field(81, 86, "status"), "Status"},
                                         {kProducts, "Products"},
                                         {kRelevant, "CTBT Relevant"}}};

struct LegendEntry {
  std::string_view code;
  std::string_view text;
};
constexpr std::array<LegendEntry, 5> kLegendEntries{
    {{"A", "ARR"}, {"R", "RRR"}, {"S", "SSREB"}, {"XA", "SAMPML XML A"}, {"XR", "SAMPML XML R"}}};

bool is_product_code(std::string_view code) {
  return std::any_of(kLegendEntries.begin(), kLegendEntries.end(),
                     [&](const LegendEntry& e) { return iequals(e.code, code); });
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    const auto comma = text.find(',');
    out.emplace_back(trim(text.substr(0, comma)));
    if (comma == std::string_view::npos) return out;
    text.remove_prefix(comma + 1);
  }
}

bool is_station_code(std::string_view s) {
  const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return s.size() == 5 && letter(s[0]) && letter(s[1]) && letter(s[2]) && digit(s[3]) && digit(s[4]);
}

class RnpsReader {
 public:
  RnpsReader(Rnps& r, Diagnostics& d, Mode mode) : r_(r), d_(d), mode_(mode) {}

  void read(const ReportLines& lines, const DataSection& section) {
    r_.time_stamps = lines.time_stamps;
    for (std::size_t i = 0; i < lines.lines.size(); ++i) {
      const Line& line = lines.lines[i];
      const std::string_view text = line.text;
      if (trim(text).empty() || is_rule_line(text)) continue;
      if (after_label(text, kTitle)) {
        has_title_ = true;
        continue;
      }
      if (const auto rest = after_label(text, kCreated)) {
        created(line, *rest);
        continue;
      }
      if (const auto rest = after_label(text, kPeriod)) {
        // The sentence may wrap before its dates (I.32).
        std::string sentence(*rest);
        if (LogicalLine(Line{*rest, line.number, 0, false}).tokens().size() < 5 &&
            i + 1 < lines.lines.size()) {
          sentence += ' ';
          sentence += trim(lines.lines[++i].text);
        }
        period(line, sentence);
        continue;
      }
      if (after_label(text, kLegend)) {
        in_legend_ = true;
        continue;
      }
      if (in_legend_) {
        legend(line);
        continue;
      }
      if (after_label(text, "Station")) continue;  // the column header
      sample(line);
    }
    check(section);
  }

 private:
  void created(const Line& line, std::string_view rest) {
    const auto tokens = LogicalLine(line).tokens();
    if (tokens.size() >= 2)
      r_.created = parse_report_date_time(tokens[tokens.size() - 2].text, tokens.back().text);
    if (!r_.created)
      d_.error({line.number, static_cast<int>(rest.data() - line.text.data()) + 1},
               "the creation is 'Product created on yyyy/mm/dd hh:mm:ss'", std::string(kRule));
  }

  void period(const Line& line, std::string_view sentence) {
    const auto tokens = LogicalLine(Line{sentence, line.number, 0, false}).tokens();
    if (tokens.size() == 5 && iequals(tokens[2].text, "and")) {
      r_.period_start = parse_report_date_time(tokens[0].text, tokens[1].text);
      r_.period_end = parse_report_date_time(tokens[3].text, tokens[4].text);
    }
    if (!r_.period_start || !r_.period_end) {
      d_.error({line.number, 1}, "the period is '... between yyyy/mm/dd hh:mm:ss and yyyy/mm/dd hh:mm:ss'",
               std::string(kRule));
    } else if (*r_.period_end <= *r_.period_start) {
      d_.error({line.number, 1}, "the period ends before it begins", std::string(kRule));
    }
  }

  void legend(const Line& line) {
    const std::string_view text = trim(line.text);
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || !is_product_code(trim(text.substr(0, colon))))
      d_.warning({line.number, 1},
                 fmt::format("'{}' is not a product code of the legend (A, R, S, XA, XR)", text),
                 std::string(kTableRule));
  }

  std::optional<TimePoint> date_time(RecordReader& r, const Field& date, const Field& time) {
    const Position at = r.position();
    const std::string d = r.text(date), t = r.text(time);
    if (d.empty() || t.empty()) return std::nullopt;
    if (auto parsed = parse_report_date_time(d, t)) return parsed;
    d_.error(at, fmt::format("'{} {}' is not a {} (yyyy/mm/dd hh:mm or yy/mm/dd hh:mm)", d, t, date.name),
             std::string(kTableRule));
    return std::nullopt;
  }

  void sample(const Line& line) {
    if (line.text.find('\t') != std::string_view::npos && !reported_tabs_) {
      reported_tabs_ = true;
      deviation(d_, mode_, {line.number, static_cast<int>(line.text.find('\t')) + 1},
                "table cells separated by TABs, not in the columns of Table 164", std::string(kTableRule));
    }
    RecordReader r(line, d_, kTableRule, Missing::nines);
    RnpsSample s;
    const Position station_at = r.position();
    s.station = r.text(kStation);
    if (!is_station_code(s.station))
      d_.error(station_at, fmt::format("'{}' is not a station code (e.g. SEX63)", s.station), "3.5.10");
    if (r.peek().find('_') != std::string_view::npos) {
      const Position at = r.position();
      s.detector = r.text(kDetector);
      if (!istarts_with(s.detector, s.station))
        d_.warning(at, fmt::format("the detector {} is not one of station {}", s.detector, s.station),
                   "3.5.11");
    }
    s.sample_id = r.integer(kSampleId);
    const Position type_at = r.position();
    s.type = r.text(kType);
    const bool known_type =
        s.type.size() == 1 && std::string_view("PGBX").find(s.type[0]) != std::string_view::npos;
    if (!s.type.empty() && !known_type)
      d_.error(type_at, fmt::format("'{}' is not a station type (P, G, B or X)", s.type),
               std::string(kTableRule));
    s.collection_start = date_time(r, kStartDate, kStartTime);
    s.collection_stop = date_time(r, kStopDate, kStopTime);
    if (s.collection_start && s.collection_stop && *s.collection_stop <= *s.collection_start)
      d_.error(type_at, "the collection stops before it starts", std::string(kTableRule));
    const Position category_at = r.position();
    if (const std::string word = r.text(kCategory); !word.empty() && !iequals(word, "Level"))
      d_.error(category_at, fmt::format("the category is 'Level n', not '{}'", word),
               std::string(kTableRule));
    s.level = r.text(kLevel);
    check_level(s, category_at);
    const Position status_at = r.position();
    s.status = r.text(kStatus);
    if (!s.status.empty() && s.status != "A" && s.status != "R")
      d_.error(status_at, fmt::format("the status is A or R, not '{}'", s.status), std::string(kTableRule));
    if (!r.at_end() && r.peek().find('-') == std::string_view::npos) {
      const Position at = r.position();
      s.products = split_commas(r.text(kProducts));
      check_products(s, at);
    }
    while (!r.at_end()) s.relevant_nuclides.push_back(r.text(kRelevant));
    r_.samples.push_back(std::move(s));
  }

  void check_level(const RnpsSample& s, Position at) {
    if (s.level.empty()) return;
    const bool particulate = s.level.size() == 1 && s.level[0] >= '1' && s.level[0] <= '5';
    const bool noble_gas = s.level.size() == 1 && s.level[0] >= 'A' && s.level[0] <= 'C';
    if (s.type == "P" ? particulate : noble_gas) return;
    deviation(d_, mode_, at,
              fmt::format("'Level {}' is not a level of a {} station ({})", s.level,
                          s.type == "P" ? "particulate" : "noble gas", s.type == "P" ? "1 to 5" : "A to C"),
              std::string(kTableRule));
  }

  void check_products(const RnpsSample& s, Position at) {
    for (const std::string& p : s.products) {
      if (!is_product_code(p)) {
        d_.error(at, fmt::format("'{}' is not a product code (A, R, S, XA, XR)", p), std::string(kTableRule));
      } else if (s.type == "P" && (p == "XA" || p == "XR")) {
        d_.warning(at, "SAMPML and REVSAMP exist for noble gas samples only", "7.8");
      } else if (p == "S" && s.level != "4" && s.level != "5" && s.level != "C") {
        d_.warning(at, fmt::format("an SSREB is made for levels 4, 5 and C, not for 'Level {}'", s.level),
                   "7.8");
      }
    }
  }

  void check(const DataSection& section) {
    const Position top{section.first_body_line(), 1};
    if (!has_title_)
      deviation(d_, mode_, top, fmt::format("the RNPS begins with '{}'", kTitle), std::string(kRule));
    if (!r_.created) d_.error(top, "the RNPS gives no 'Product created on' date", std::string(kRule));
    if (!r_.period_start) d_.error(top, "the RNPS gives no period", std::string(kRule));
  }

  Rnps& r_;
  Diagnostics& d_;
  Mode mode_;
  bool has_title_ = false;
  bool in_legend_ = false;
  bool reported_tabs_ = false;
};

tl::expected<std::string, std::string> sample_line(const RnpsSample& s) {
  if (s.station.empty() || !s.sample_id || s.type.empty() || !s.collection_start || !s.collection_stop ||
      s.level.empty() || s.status.empty())
    return tl::unexpected(
        fmt::format("the RNPS row of station '{}' lacks one of station, SID, type, times, "
                    "level and status",
                    s.station));
  const auto problem = [&](std::string_view item) {
    return item.empty() || item.find_first_of(" \t,") != std::string_view::npos;
  };
  if (std::any_of(s.products.begin(), s.products.end(), problem) ||
      std::any_of(s.relevant_nuclides.begin(), s.relevant_nuclides.end(), [](std::string_view n) {
        return n.empty() || n.find_first_of(" \t") != std::string_view::npos;
      }))
    return tl::unexpected(
        fmt::format("a product code or nuclide of SID {} is empty or holds a blank", *s.sample_id));
  FieldWriter w;
  w.text(kStation, s.station);
  w.text(kDetector, s.detector);
  w.integer(kSampleId, s.sample_id);
  w.text(kType, s.type);
  const std::string start = write_report_date_time(*s.collection_start, false, false);
  const std::string stop = write_report_date_time(*s.collection_stop, false, false);
  w.text(kStartDate, std::string_view(start).substr(0, 10));
  w.text(kStartTime, std::string_view(start).substr(11));
  w.text(kStopDate, std::string_view(stop).substr(0, 10));
  w.text(kStopTime, std::string_view(stop).substr(11));
  w.text(kCategory, "Level " + s.level);
  w.text(kStatus, s.status);
  std::string products;
  for (const std::string& p : s.products) {
    if (!products.empty()) products += ',';
    products += p;
  }
  w.text(kProducts, products);
  std::string nuclides;
  for (const std::string& n : s.relevant_nuclides) {
    if (!nuclides.empty()) nuclides += ' ';
    nuclides += n;
  }
  w.text(kRelevant, nuclides);
  return w.finish();
}

}  // namespace

std::optional<Rnps> read_rnps_section(const DataSection& section, Diagnostics& diagnostics, Mode mode) {
  if (!iequals(section.header.type, "RNPS")) return std::nullopt;
  Rnps rnps;
  Diagnostics d;
  RnpsReader(rnps, d, mode).read(report_lines(section, d), section);
  if (mode == Mode::strict) d.escalate_warnings();
  d.sort_by_position();
  diagnostics.append(d);
  return rnps;
}

tl::expected<std::string, std::string> write_rnps_section(const Rnps& rnps) {
  ReportBuilder out;
  if (!rnps.time_stamps.empty()) out.add(write_time_stamp(rnps.time_stamps.front()));
  const std::string indent(10, ' ');  // I.32
  out.add(indent + std::string(kTitle));
  if (rnps.created)
    out.add(fmt::format("{}{} {}", indent, kCreated, write_report_date_time(*rnps.created, false)));
  out.add();
  if (rnps.period_start && rnps.period_end) {
    out.add(kPeriod);
    out.add(fmt::format("{} and {}", write_report_date_time(*rnps.period_start, false),
                        write_report_date_time(*rnps.period_end, false)));
    out.add();
  }
  FieldWriter header;
  for (const Label& l : kHeader) header.text(l.field, l.text);
  out.add_result(header.finish());
  for (const RnpsSample& s : rnps.samples) out.add_result(sample_line(s));
  out.add();
  out.add(fmt::format("{}:", kLegend));
  for (const LegendEntry& e : kLegendEntries) out.add(fmt::format("  {}: {}", e.code, e.text));
  for (std::size_t i = 1; i < rnps.time_stamps.size(); ++i) out.add(write_time_stamp(rnps.time_stamps[i]));
  return out.finish();
}

}  // namespace imsgate::ims2::rn
