#include "ims2/rn/arr.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/rn/arr_layout.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace arr;

// The particulate title block says "Particulate Version", the noble gas one "Noble Gas Version"; a report
// without its title block is told by its "TITLE =====" lines.
bool is_particulate(const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    const std::string_view t = trim(line.text);
    if (iequals(t, "Particulate Version")) return true;
    if (iequals(t, "Noble Gas Version")) return false;
  }
  return std::any_of(lines.begin(), lines.end(), [](const Line& l) {
    const std::string_view t = trim(l.text);
    return t.size() > 6 && t.substr(t.size() - 5) == "=====" && match_label(t, "SAMPLE INFORMATION");
  });
}

// Beta-gamma reports have the radon counts, the ROI tables and the beta calibration; HPGe reports the radon
// peak, the peak-fit tables and the energy/resolution equations.
bool is_beta_gamma(const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    const std::string_view t = trim(line.text);
    for (std::string_view marker : {"Radon counts in Xenon sample", "ROI Net Count Results",
                                    "Beta Energy To Channel", "Gamma energy calibration updated"})
      if (match_label(t, marker)) return true;
    for (std::string_view marker : {"Radon level in Xenon sample", "Xenon Peak Data", "Peak Fit Method"})
      if (match_label(t, marker)) return false;
  }
  return true;
}

void check_sections(const SplitReport& split, const std::vector<std::string_view>& titles,
                    const std::vector<int>& required, const DataSection& section, std::string_view rule,
                    Diagnostics& d, Mode mode) {
  int last = -1;  // a section is out of order when it comes after one that should follow it
  for (const SourceSection& s : split.sections) {
    const Position at{s.title_line.number, 1};
    if (s.id == last) {
      deviation(d, mode, at, fmt::format("the section '{}' appears twice", titles[s.id]), std::string(rule));
    } else if (s.id < last) {
      deviation(d, mode, at,
                fmt::format("the section '{}' comes after '{}': the sections keep the order of the report",
                            titles[s.id], titles[last]),
                std::string(rule));
    }
    last = s.id;
  }
  for (int id : required) {
    const bool present = std::any_of(split.sections.begin(), split.sections.end(),
                                     [&](const SourceSection& s) { return s.id == id; });
    if (!present)
      d.error({section.line.number, 1}, fmt::format("the report has no '{}' section", titles[id]),
              std::string(rule));
  }
}

}  // namespace

std::optional<RadionuclideReport> read_report_section(const DataSection& section, Diagnostics& diagnostics,
                                                      Mode mode) {
  const bool reviewed = iequals(section.header.type, "RRR");
  if (!reviewed && !iequals(section.header.type, "ARR")) return std::nullopt;
  const std::vector<Line> lines = section_lines(section);
  RadionuclideReport report;
  report.kind = reviewed ? ReportKind::reviewed : ReportKind::automatic;
  if (is_particulate(lines)) {
    report.variant = ReportVariant::particulate;
    const SplitReport split = split_report(lines, particulate_titles(), true, diagnostics);
    // Every section of Table 138-147; the RRR adds SROI editing, peak search notes and event screening.
    std::vector<int> required = {0, 1, 2, 3, 4, 7, 8, 9, 10, 12, 13};
    if (reviewed) required = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    check_sections(split, particulate_titles(), required, section, reviewed ? "7.8.2" : "7.8.1.1",
                   diagnostics, mode);
    report.time_stamps = split.time_stamps;
    report.body = read_particulate(split, reviewed, diagnostics, mode);
  } else {
    const bool beta_gamma = is_beta_gamma(lines);
    report.variant = beta_gamma ? ReportVariant::beta_gamma : ReportVariant::hpge;
    const SplitReport split = split_report(lines, noble_gas_titles(), false, diagnostics);
    check_sections(split, noble_gas_titles(), {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, section,
                   reviewed ? "7.8.2" : "7.8.1.2", diagnostics, mode);
    report.time_stamps = split.time_stamps;
    report.body = read_noble_gas(split, reviewed, beta_gamma, diagnostics, mode);
  }
  return report;
}

namespace arr {

tl::expected<Document, std::string> report_document(const RadionuclideReport& report) {
  const bool particulate = report.variant == ReportVariant::particulate;
  if (particulate != std::holds_alternative<ParticulateReport>(report.body))
    return tl::unexpected(std::string("the report variant does not match its body"));
  const bool reviewed = report.kind == ReportKind::reviewed;
  Document doc(particulate);
  if (!report.time_stamps.empty()) doc.text(1, write_time_stamp(report.time_stamps.front()));
  if (particulate) {
    write_particulate(std::get<ParticulateReport>(report.body), reviewed, doc);
  } else {
    write_noble_gas(std::get<NobleGasReport>(report.body), reviewed,
                    report.variant == ReportVariant::beta_gamma, doc);
  }
  for (std::size_t i = 1; i < report.time_stamps.size(); ++i)
    doc.text(1, write_time_stamp(report.time_stamps[i]));
  return doc;
}

}  // namespace arr

tl::expected<std::string, std::string> write_report_section(const RadionuclideReport& report) {
  auto doc = arr::report_document(report);
  if (!doc) return tl::unexpected(doc.error());
  return doc->plain();
}

}  // namespace imsgate::ims2::rn
