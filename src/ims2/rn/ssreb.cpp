#include "ims2/rn/ssreb.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ims2/fixed_format.hpp"
#include "ims2/free_format.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/ssreb_layout.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace ssreb_layout;
using Flags = SsrebParticulateFlags;

enum class Part { title, summary, field_of_regard, laboratory, additional };
enum class NobleBlock { none, sample, categorization, flags, ratios };

std::optional<Part> heading_of(std::string_view text) {
  static constexpr std::array kParts{Part::summary, Part::field_of_regard, Part::laboratory,
                                     Part::additional};
  for (std::size_t i = 0; i < kHeadings.size(); ++i) {
    const auto rest = after_label(text, kHeadings[i]);
    if (rest && rest->find_first_not_of("-= \t") == std::string_view::npos) return kParts[i];
  }
  return std::nullopt;
}

bool is_sub_heading(std::string_view text, std::string_view heading) {
  const auto rest = after_label(text, heading);
  return rest && rest->empty();
}

int column_of(const Line& line, std::string_view part) {
  return static_cast<int>(part.data() - line.text.data()) + 1;
}

// The free text of a section: blank lines around it dropped, the common indentation taken off.
std::vector<std::string> free_text(const std::vector<Line>& lines) {
  std::size_t first = 0, last = lines.size();
  while (first < last && trim(lines[first].text).empty()) ++first;
  while (last > first && trim(lines[last - 1].text).empty()) --last;
  std::size_t indent = std::string_view::npos;
  for (std::size_t i = first; i < last; ++i) {
    const std::string_view t = trim_right(lines[i].text);
    if (!t.empty()) indent = std::min(indent, t.find_first_not_of(" \t"));
  }
  std::vector<std::string> out;
  for (std::size_t i = first; i < last; ++i) {
    const std::string_view t = trim_right(lines[i].text);
    out.emplace_back(t.size() > indent ? t.substr(indent) : std::string_view());
  }
  return out;
}

// Splits "name  value": at a TAB (rendered HTML), after a known name whose value has blanks, at the first run
// of blanks, or before the last word (the examples collapsed the blanks).
std::pair<std::string_view, std::string_view> split_flag(std::string_view t) {
  t = trim(t);
  if (const auto tab = t.find('\t'); tab != std::string_view::npos)
    return {trim(t.substr(0, tab)), trim(t.substr(tab + 1))};
  if (const auto rest = after_label(t, kShortTermFlag))
    return {trim(t.substr(0, rest->data() - t.data())), *rest};
  if (const auto run = t.find("  "); run != std::string_view::npos)
    return {t.substr(0, run), trim(t.substr(run))};
  const auto last = t.find_last_of(' ');
  if (last == std::string_view::npos) return {t, {}};
  return {trim(t.substr(0, last)), t.substr(last + 1)};
}

int decimals_of(std::string_view number) {
  const auto point = number.find('.');
  const auto exponent = number.find_first_of("eE");
  if (point == std::string_view::npos) return 0;
  return static_cast<int>(std::min(exponent, number.size()) - point - 1);
}

class SsrebReader {
 public:
  SsrebReader(Ssreb& s, Diagnostics& d, Mode mode) : s_(s), d_(d), mode_(mode) {}

  void read(const ReportLines& lines, const DataSection& section) {
    s_.time_stamps = lines.time_stamps;
    s_.kind = SsrebKind::particulate;
    for (const Line& line : lines.lines) {
      if (is_sub_heading(line.text, kSampleInformation) || after_label(line.text, kStationId))
        s_.kind = SsrebKind::noble_gas;
    }
    std::array<std::vector<Line>, 3> free;  // field of regard, laboratory results, additional information
    std::array<bool, 5> seen{};
    Part part = Part::title;
    seen[0] = true;
    for (const Line& line : lines.lines) {
      if (const auto h = heading_of(line.text)) {
        if (seen[static_cast<int>(*h)])
          d_.error({line.number, 1}, fmt::format("a second '{}' section", trim(line.text)),
                   std::string(kRule));
        part = *h;
        seen[static_cast<int>(*h)] = true;
        continue;
      }
      switch (part) {
        case Part::title:
          title_line(line);
          break;
        case Part::summary:
          s_.kind == SsrebKind::particulate ? particulate_line(line) : noble_gas_line(line);
          break;
        default:
          if (!is_rule_line(line.text)) free[static_cast<int>(part) - 2].push_back(line);
      }
    }
    s_.field_of_regard = free_text(free[0]);
    s_.laboratory_results = free_text(free[1]);
    s_.additional_information = free_text(free[2]);
    check(section, seen);
  }

 private:
  void other(const Line& line, std::string_view where) {
    d_.warning({line.number, 1}, fmt::format("not a line of the {}: kept verbatim", where),
               std::string(kRule));
    s_.other_lines.emplace_back(trim(line.text));
  }

  void title_line(const Line& line) {
    const std::string_view text = line.text;
    if (trim(text).empty() || is_rule_line(text)) return;
    if (const auto rest = after_label(text, kTitleIdc)) {
      has_title_ = true;
      if (!rest->empty() && !after_label(*rest, kTitleBulletin)) other(line, "SSREB title");
      return;
    }
    if (after_label(text, kTitleBulletin)) return;
    if (const auto rest = after_label(text, kTimeDifference)) return time_difference(line, *rest);
    if (const auto rest = after_label(text, kCreation)) return creation(line, *rest);
    if (const auto rest = after_label(text, kFissionId)) return fission_id(line, *rest);
    if (const auto rest = after_label(text, kAuthenticated)) return authenticated(line, *rest);
    other(line, "SSREB title");
  }

  void creation(const Line& line, std::string_view rest) {
    const auto tokens = LogicalLine(line).tokens();
    const std::size_t n = tokens.size();
    if (n >= 2) s_.creation_date = parse_report_date_time(tokens[n - 2].text, tokens[n - 1].text);
    if (!s_.creation_date)
      d_.error({line.number, column_of(line, rest)},
               "a Creation Date is 'yyyy/mm/dd hh:mm:ss' (noble gas: 'yyyy-mm-dd hh:mm:ss')",
               std::string(kRule));
  }

  void time_difference(const Line& line, std::string_view rest) {
    const DurationForm form =
        s_.kind == SsrebKind::particulate ? DurationForm::hours : DurationForm::components;
    const DurationForm other_form =
        form == DurationForm::hours ? DurationForm::components : DurationForm::hours;
    s_.time_difference = parse_report_duration(rest, form);
    if (s_.time_difference) return;
    s_.time_difference = parse_report_duration(rest, other_form);
    const Position at{line.number, column_of(line, rest)};
    if (s_.time_difference) {
      deviation(d_, mode_, at,
                form == DurationForm::hours
                    ? "a particulate SSREB writes the time difference as 'N hours'"
                    : "a noble gas SSREB writes the time difference as '[N d] [N h] [N m] [N s]'",
                std::string(kRule));
      return;
    }
    d_.error(at, fmt::format("'{}' is not a duration ('9 hours' or '8 h 14 m 17.0 s')", rest),
             std::string(kRule));
  }

  void fission_id(const Line& line, std::string_view rest) {
    const auto end = std::min(rest.find_first_of(" \t"), rest.size());
    const std::string_view id = rest.substr(0, end);
    s_.fission_product_id = parse_integer(id);
    if (!s_.fission_product_id)
      d_.error({line.number, column_of(line, rest)},
               fmt::format("'{}' is not a Fission Product ID (an integer)", id), std::string(kRule));
    const std::string_view after = trim(rest.substr(end));
    if (after.empty()) return;
    if (const auto value = after_label(after, kAuthenticated)) return authenticated(line, *value);
    d_.error({line.number, column_of(line, after)},
             fmt::format("unexpected '{}' after the Fission Product ID", after), std::string(kRule));
  }

  void authenticated(const Line& line, std::string_view value) {
    s_.authenticated = parse_yes_no(value);
    if (!s_.authenticated)
      d_.error({line.number, column_of(line, value)},
               fmt::format("Authenticated is YES or NO, not '{}'", value), std::string(kRule));
  }

  // Particulate: the detection rows and the flags of Table 162.
  void particulate_line(const Line& line) {
    const std::string_view text = line.text;
    if (trim(text).empty() || is_rule_line(text)) return;
    if (const auto rest = after_label(text, "Station"); rest && istarts_with(*rest, "Collect")) return;
    for (const FlagRow& row : kFlagRows) {
      const auto rest = after_label(text, row.label);
      if (!rest) continue;
      const Position at{line.number, column_of(line, *rest)};
      if (row.yes_no) {
        s_.particulate_flags.*row.yes_no = parse_yes_no(*rest);
        if (!(s_.particulate_flags.*row.yes_no))
          d_.error(at, fmt::format("'{}' is answered Yes or No, not '{}'", row.label, *rest),
                   std::string(kRuleParticulate));
        return;
      }
      s_.particulate_flags.*row.number = parse_integer(*rest);
      if (!(s_.particulate_flags.*row.number))
        d_.error(at, fmt::format("'{}' is a number, not '{}'", row.label, *rest),
                 std::string(kRuleParticulate));
      else if (s_.particulate_flags.*row.after != true)
        deviation(d_, mode_, {line.number, 1},
                  fmt::format("'{}' follows only a Yes to the flag above it", row.label),
                  std::string(kRuleParticulate));
      return;
    }
    detection(line);
  }

  void detection(const Line& line) {
    const auto tokens = LogicalLine(line).tokens();
    if (tokens.size() < 5 || tokens[1].text.size() != 10) return other(line, "Event Detection Summary");
    RecordReader r(line, d_, kRuleParticulate, Missing::nines);
    SsrebDetection det;
    det.station = r.text(kStation);
    det.collection_stop = r.date_time(kStopDate, kStopTime);
    det.sample_id = r.integer(kSampleId);
    det.nuclide = r.text(kNuclide);
    det.comment = r.rest();
    s_.detections.push_back(std::move(det));
  }

  // Noble gas: the Sample Information, Measurement Categorization and Event Screening Flags blocks.
  void noble_gas_line(const Line& line) {
    const std::string_view text = line.text;
    if (trim(text).empty() || is_rule_line(text)) return;
    if (is_sub_heading(text, kSampleInformation)) return void(block_ = NobleBlock::sample);
    if (is_sub_heading(text, kCategorization)) return void(block_ = NobleBlock::categorization);
    if (is_sub_heading(text, kScreening)) return void(block_ = NobleBlock::flags);
    switch (block_) {
      case NobleBlock::sample:
        return sample_line(line);
      case NobleBlock::categorization:
        return categorization_line(line);
      case NobleBlock::flags:
        if (const auto rest = after_label(text, "Name"); rest && istarts_with(*rest, "YES/NO")) return;
        if (const auto rest = after_label(text, kRatioHeader); rest && istarts_with(*rest, "Value"))
          return void(block_ = NobleBlock::ratios);
        return flag_line(line);
      case NobleBlock::ratios:
        return ratio_line(line);
      case NobleBlock::none:
        return other(line, "Event Detection Summary");
    }
  }

  void sample_line(const Line& line) {
    const std::string_view text = line.text;
    SsrebSample& s = s_.sample;
    // "Sample Reference ID" before "Sample ID": labels are matched as prefixes.
    if (const auto rest = after_label(text, kSrid)) return void(s.sample_reference_id = *rest);
    if (const auto rest = after_label(text, kStationId)) return void(s.station = *rest);
    if (const auto rest = after_label(text, kDetectorCode)) return void(s.detector = *rest);
    if (const auto rest = after_label(text, kSampleIdLabel)) {
      s.sample_id = parse_integer(*rest);
      if (!s.sample_id)
        d_.error({line.number, column_of(line, *rest)},
                 fmt::format("'{}' is not a sample ID (an integer)", *rest), std::string(kRuleNobleGas));
      return;
    }
    if (const auto rest = after_label(text, kCollectionStop)) {
      const auto tokens = LogicalLine(line).tokens();
      if (tokens.size() >= 2)
        s.collection_stop = parse_report_date_time(tokens[tokens.size() - 2].text, tokens.back().text);
      if (!s.collection_stop)
        d_.error({line.number, column_of(line, *rest)}, "the Collection Stop is 'yyyy-mm-dd hh:mm:ss'",
                 std::string(kRuleNobleGas));
      return;
    }
    other(line, "Sample Information");
  }

  void categorization_line(const Line& line) {
    const std::string_view text = line.text;
    if (is_sub_heading(text, kIsotopeCategory)) return;
    if (const auto rest = after_label(text, "Isotope"); rest && istarts_with(*rest, "Nuclide")) return;
    if (const auto rest = after_label(text, kSampleCategory)) {
      const auto dash = rest->find(" - ");
      s_.sample_category = trim(rest->substr(0, dash));
      s_.sample_category_description = dash == std::string_view::npos ? "" : trim(rest->substr(dash + 3));
      if (s_.sample_category.empty())
        d_.error({line.number, column_of(line, *rest)}, "the Sample Category is 'X - description'",
                 std::string(kRuleNobleGas));
      return;
    }
    RecordReader r(line, d_, kRuleNobleGas, Missing::nines);
    if (r.remaining() < 3) return other(line, "Measurement Categorization");
    SsrebIsotope iso;
    iso.isotope = r.text(kIsotope);
    const Position detected_at = r.position();
    const std::string detected = r.text(kDetected);
    iso.detected = parse_yes_no(detected);
    if (!iso.detected)
      d_.error(detected_at, fmt::format("'Nuclide detected' is YES or NO, not '{}'", detected),
               std::string(kRuleNobleGas));
    iso.abnormal_threshold = r.real(kThreshold);
    iso.comment = r.rest();
    s_.isotopes.push_back(std::move(iso));
  }

  void flag_line(const Line& line) {
    const auto [name, value] = split_flag(line.text);
    const Position at{line.number, value.empty() ? 1 : column_of(line, value)};
    if (value.empty()) {
      d_.error({line.number, 1}, fmt::format("the flag '{}' has no value", name), std::string(kRuleNobleGas));
      return;
    }
    if (istarts_with(name, "Number of") && !parse_integer(value))
      d_.error(at, fmt::format("'{}' is a number, not '{}'", name, value), std::string(kRuleNobleGas));
    if ((name.find("present") != std::string_view::npos || istarts_with(name, "Only one")) &&
        !parse_yes_no(value))
      d_.error(at, fmt::format("'{}' is answered YES or NO, not '{}'", name, value),
               std::string(kRuleNobleGas));
    s_.flags.push_back({std::string(name), std::string(value)});
  }

  // Table 163; the answer must agree with the test to the printed precision of the value.
  void ratio_line(const Line& line) {
    const auto tokens = LogicalLine(line).tokens();
    if (tokens.size() < 3) return other(line, "isotopic ratio table");
    RecordReader r(line, d_, "7.8.3.2 Table 163", Missing::nines);
    SsrebRatio ratio;
    ratio.ratio = r.text(kRatio);
    const std::string_view value_text = r.peek();
    ratio.value = r.real(kRatioValue);
    const Position answer_at = r.position();
    const std::string answer = r.text(kRatioAnswer);
    ratio.exceeds = parse_yes_no(answer);
    if (!ratio.exceeds)
      d_.error(answer_at, fmt::format("the ratio test is answered YES or NO, not '{}'", answer),
               "7.8.3.2 Table 163");
    const Position test_at = r.position();
    ratio.test = r.rest();
    check_ratio(ratio, value_text, test_at);
    s_.ratios.push_back(std::move(ratio));
  }

  void check_ratio(const SsrebRatio& ratio, std::string_view value_text, Position at) {
    const auto gt = ratio.test.find('>');
    const auto threshold =
        gt == std::string::npos ? std::nullopt : parse_real(trim(ratio.test.substr(gt + 1)));
    if (!threshold) {
      d_.error(at, fmt::format("the test '{}' is not 'ratio > threshold'", ratio.test), "7.8.3.2 Table 163");
      return;
    }
    if (!iequals(trim(std::string_view(ratio.test).substr(0, gt)), ratio.ratio))
      deviation(d_, mode_, at,
                fmt::format("the test '{}' is not about the ratio {}", ratio.test, ratio.ratio),
                "7.8.3.2 Table 163");
    // Only a YES can be checked: I.37.1 answers NO for Xe-133m/133 = 0.31 > 0.3, the IDC testing ratios of
    // detected isotopes only (Xe-133m is not detected there).
    if (!ratio.value || ratio.exceeds != true) return;
    const double tolerance = 0.5 * std::pow(10.0, -decimals_of(value_text));
    if (*ratio.value < *threshold - tolerance)
      d_.error(at,
               fmt::format("{} = {} but the test '{}' is answered {}", ratio.ratio, value_text, ratio.test,
                           *ratio.exceeds ? "YES" : "NO"),
               "7.8.3.2 Table 163");
  }

  void check(const DataSection& section, const std::array<bool, 5>& seen) {
    const Position top{section.first_body_line(), 1};
    if (!has_title_)
      deviation(d_, mode_, top, "the SSREB begins with 'IDC GENERATED REPORT'", std::string(kRule));
    if (!s_.creation_date) d_.error(top, "the SSREB has no Creation Date", std::string(kRule));
    if (!seen[1]) d_.error(top, "the SSREB has no EVENT DETECTION SUMMARY", std::string(kRule));
    for (int i = 2; i < 5; ++i) {
      if (!seen[i])
        deviation(d_, mode_, top, fmt::format("the SSREB has no '{}' section", kHeadings[i - 1]),
                  std::string(kRule));
    }
    if (!seen[1]) return;
    if (s_.kind == SsrebKind::particulate) {
      if (s_.detections.empty())
        d_.error(top, "the Event Detection Summary lists no station and nuclide",
                 std::string(kRuleParticulate));
      if (s_.particulate_flags.one_fission_product == true && s_.particulate_flags.fission_products == true)
        d_.error(top, "'Only one fission product' and '2 or more fission products' are both Yes",
                 std::string(kRuleParticulate));
      return;
    }
    const SsrebSample& s = s_.sample;
    if (s.station.empty() || !s.sample_id || !s.collection_stop)
      d_.error(top, "the Sample Information gives the Station ID, the Sample ID and the Collection Stop",
               std::string(kRuleNobleGas));
    if (!s.detector.empty() && !istarts_with(s.detector, s.station))
      d_.warning(top, fmt::format("the detector {} is not one of station {}", s.detector, s.station),
                 "3.5.11");
    if (s_.sample_category.empty()) {
      d_.error(top, "the Measurement Categorization gives the Sample Category", std::string(kRuleNobleGas));
    } else if (!iequals(s_.sample_category, "C")) {
      deviation(
          d_, mode_, top,
          fmt::format("a noble gas SSREB is made for samples of category C, not {}", s_.sample_category),
          "7.8");
    }
  }

  Ssreb& s_;
  Diagnostics& d_;
  Mode mode_;
  bool has_title_ = false;
  NobleBlock block_ = NobleBlock::none;
};

// Writers.

tl::expected<std::string, std::string> fields(
    std::initializer_list<std::pair<Field, std::string_view>> items) {
  FieldWriter w;
  for (const auto& [field, value] : items) w.text(field, value);
  return w.finish();
}

std::string yes_no(bool value, bool capitalised) {
  return value ? (capitalised ? "Yes" : "YES") : (capitalised ? "No" : "NO");
}

void write_title(ReportBuilder& out, const Ssreb& s) {
  const bool particulate = s.kind == SsrebKind::particulate;
  const std::string indent(particulate ? kTitleIndent : 0, ' ');
  out.add(indent + (particulate ? to_upper(kTitleIdc) : std::string(kTitleIdc)));
  out.add(indent + std::string(kTitleBulletin));
  out.add();
  if (s.creation_date)
    out.add(
        fmt::format("{}{}: {}", indent, kCreation, write_report_date_time(*s.creation_date, !particulate)));
  if (particulate) out.add();
  if (s.time_difference)
    out.add(fmt::format("{}{}: {}", indent, kTimeDifference,
                        write_report_duration(*s.time_difference,
                                              particulate ? DurationForm::hours : DurationForm::components)));
  out.add();
  if (s.fission_product_id || s.authenticated) {
    FieldWriter w;
    const int base = static_cast<int>(indent.size());
    if (s.fission_product_id)
      w.text(text_field(base + 1, base + 40, "fission product ID"),
             fmt::format("{}: {}", kFissionId, *s.fission_product_id));
    if (s.authenticated)
      w.text(text_field(base + 36, base + 60, "authenticated"),
             fmt::format("{}: {}", kAuthenticated, yes_no(*s.authenticated, false)));
    out.add_result(w.finish());
  }
  out.add();
  if (particulate) out.add();
}

void write_particulate_summary(ReportBuilder& out, const Ssreb& s) {
  out.add(fmt::format("{} =====", kSummary));
  out.add();
  FieldWriter header, rule;
  for (const Label& l : kDetectionHeader) {
    header.text(text_field(l.column, l.column + static_cast<int>(l.text.size()) - 1, "label"), l.text);
    rule.text(text_field(l.column, l.column + static_cast<int>(l.text.size()) - 1, "rule"),
              std::string(l.text.size(), '-'));
  }
  out.add_result(header.finish());
  out.add_result(rule.finish());
  for (const SsrebDetection& d : s.detections) {
    if (d.station.empty() || !d.collection_stop || !d.sample_id || d.nuclide.empty()) {
      out.fail(
          "an SSREB detection row needs the station, the collection stop, the sample ID and the nuclide");
      continue;
    }
    FieldWriter w;
    w.text(kStation, d.station);
    w.date_time(kStopDate, kStopTime, d.collection_stop);
    w.integer(kSampleId, d.sample_id);
    w.text(kNuclide, d.nuclide);
    w.text(kComment, d.comment);
    out.add_result(w.finish());
  }
  out.add();
  bool first = true;
  for (const FlagRow& row : kFlagRows) {
    FieldWriter w;
    if (row.yes_no) {
      const auto value = s.particulate_flags.*row.yes_no;
      if (!value) continue;
      if (!first) out.add();
      first = false;
      w.text(kFlagLabel, row.label);
      w.text(kFlagAnswer, yes_no(*value, true));
    } else {
      const auto value = s.particulate_flags.*row.number;
      if (!value) continue;
      w.text(kNumberLabel, row.label);
      w.text(kFlagNumber, fmt::format("{}", *value));
    }
    out.add_result(w.finish());
  }
}

void write_noble_gas_summary(ReportBuilder& out, const Ssreb& s) {
  const auto heading = [&](std::string_view text) {
    out.add(text);
    out.add(kNobleRule);
    out.add();
  };
  heading(kSummary);
  heading(kSampleInformation);
  const SsrebSample& sample = s.sample;
  const auto info = [&](std::string_view label, const std::string& value) {
    if (!value.empty())
      out.add_result(fields({{kInfoLabel, fmt::format("{}:", label)}, {kInfoValue, value}}));
  };
  info(kStationId, sample.station);
  info(kDetectorCode, sample.detector);
  info(kSampleIdLabel, sample.sample_id ? fmt::format("{}", *sample.sample_id) : "");
  info(kSrid, sample.sample_reference_id);
  info(kCollectionStop, sample.collection_stop ? write_report_date_time(*sample.collection_stop, true) : "");
  out.add();
  heading(kCategorization);
  out.add(kIsotopeCategory);
  out.add();
  out.add_result(fields({{kIsotope, "Isotope"},
                         {kDetected, "Nuclide detected"},
                         {kThreshold, "Abnormal threshold (mBq/m3)"},
                         {kIsotopeComment, "Categorization comment"}}));
  for (const SsrebIsotope& iso : s.isotopes) {
    if (iso.isotope.empty() || !iso.detected || !iso.abnormal_threshold) {
      out.fail("an isotope category row needs the isotope, YES/NO and the abnormal threshold");
      continue;
    }
    out.add_result(fields({{kIsotope, iso.isotope},
                           {kDetected, yes_no(*iso.detected, false)},
                           {kThreshold, write_report_number(*iso.abnormal_threshold, 2, true)},
                           {kIsotopeComment, iso.comment}}));
  }
  out.add();
  if (!s.sample_category.empty()) {
    out.add(
        s.sample_category_description.empty()
            ? fmt::format("{}: {}", kSampleCategory, s.sample_category)
            : fmt::format("{}: {} - {}", kSampleCategory, s.sample_category, s.sample_category_description));
    out.add();
  }
  heading(kScreening);
  out.add_result(fields({{kFlagName, "Name"}, {kFlagValue, "YES/NO/Value"}}));
  for (const SsrebFlag& f : s.flags) {
    if (f.name.empty() || f.value.empty() || f.name.find("  ") != std::string::npos ||
        f.name.find('\t') != std::string::npos) {
      out.fail(
          fmt::format("the flag '{}' cannot be written: a name without runs of blanks and a value", f.name));
      continue;
    }
    out.add_result(fields({{kFlagName, f.name}, {kFlagValue, f.value}}));
  }
  out.add();
  out.add_result(fields(
      {{kRatio, kRatioHeader}, {kRatioValue, "Value"}, {kRatioAnswer, "YES/NO"}, {kRatioTest, "Test"}}));
  for (const SsrebRatio& r : s.ratios) {
    if (r.ratio.empty() || !r.value || !r.exceeds) {
      out.fail("an isotopic ratio row needs the ratio, its value and YES/NO");
      continue;
    }
    out.add_result(fields({{kRatio, r.ratio},
                           {kRatioValue, write_report_number(*r.value, 2)},
                           {kRatioAnswer, yes_no(*r.exceeds, false)},
                           {kRatioTest, r.test}}));
  }
  out.add();
}

void write_free_section(ReportBuilder& out, const Ssreb& s, std::string_view heading,
                        const std::vector<std::string>& lines) {
  const bool particulate = s.kind == SsrebKind::particulate;
  if (particulate) {
    out.add(fmt::format("{} =====", heading));
    out.add();
  } else {
    out.add(heading);
    out.add(kNobleRule);
  }
  const std::string indent(particulate ? kSummaryIndent : 0, ' ');
  for (const std::string& line : lines) {
    if (auto problem = free_text_problem(line, kHeadings)) {
      out.fail(fmt::format("the {} line '{}' cannot be written: {}", heading, line, *problem));
      continue;
    }
    out.add(line.empty() ? std::string() : indent + line);
  }
  if (!lines.empty() || !particulate) out.add();
}

}  // namespace

std::optional<Ssreb> read_ssreb_section(const DataSection& section, Diagnostics& diagnostics, Mode mode) {
  if (!iequals(section.header.type, "SSREB")) return std::nullopt;
  Ssreb ssreb;
  Diagnostics d;
  SsrebReader(ssreb, d, mode).read(report_lines(section, d), section);
  if (mode == Mode::strict) d.escalate_warnings();
  d.sort_by_position();
  diagnostics.append(d);
  return ssreb;
}

tl::expected<std::string, std::string> write_ssreb_section(const Ssreb& s) {
  ReportBuilder out;
  if (!s.time_stamps.empty()) out.add(write_time_stamp(s.time_stamps.front()));
  if (s.kind == SsrebKind::particulate) out.add();
  write_title(out, s);
  if (s.kind == SsrebKind::particulate) {
    write_particulate_summary(out, s);
  } else {
    write_noble_gas_summary(out, s);
  }
  for (const std::string& line : s.other_lines) {
    if (auto problem = free_text_problem(line, kHeadings)) {
      out.fail(fmt::format("the kept line '{}' cannot be written: {}", line, *problem));
      continue;
    }
    out.add(line);
  }
  out.add();
  if (s.kind == SsrebKind::particulate) out.add();
  write_free_section(out, s, kFieldOfRegard, s.field_of_regard);
  write_free_section(out, s, kLaboratory, s.laboratory_results);
  write_free_section(out, s, kAdditional, s.additional_information);
  for (std::size_t i = 1; i < s.time_stamps.size(); ++i) out.add(write_time_stamp(s.time_stamps[i]));
  return out.finish();
}

}  // namespace imsgate::ims2::rn
