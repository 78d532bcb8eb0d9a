// Pieces shared by the plain-text IDC products (SSREB, RNPS; 7.8): the lines of a product section with its
// TIME_STAMP lines taken out, rule lines, the two date-time forms and the report durations.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::rn {

// The body lines of a product section without its TIME_STAMP lines (4.6.45), which are collected; products
// keep their blank lines (DIGEST-radionuclide §0.7).
struct ReportLines {
  std::vector<Line> lines;
  std::vector<TimePoint> time_stamps;
};
ReportLines report_lines(const DataSection& section, Diagnostics& diagnostics);

// A rule under a heading: "-----", "=====" (and the damaged "-----      -" of I.38).
bool is_rule_line(std::string_view text);

// A line that starts with `label` (case-insensitive, blanks collapsed, '-' read as a blank) followed by the
// end of the line, a blank, a TAB or ':'; gives what follows the label, trimmed (and without the ':').
std::optional<std::string_view> after_label(std::string_view text, std::string_view label);

// Date-times of the products: "yyyy/mm/dd hh:mm[:ss]" (particulate, RNPS) or "yyyy-mm-dd hh:mm:ss" (noble
// gas, 5.5); "yy/mm/dd" is Table 164's form (years 2000-2099).
std::optional<TimePoint> parse_report_date_time(std::string_view date, std::string_view time);
// "yyyy/mm/dd hh:mm:ss" (dashes: "yyyy-mm-dd hh:mm:ss"); with_seconds false: "... hh:mm".
std::string write_report_date_time(TimePoint t, bool dashes, bool with_seconds = true);

// A duration as the products print it: "9 hours" (particulate) or "8 h 14 m 17.0 s" (noble gas, zero
// components left out). The decimals of the last number are kept so that it is written back as read.
struct ReportDuration {
  double seconds = 0;
  int decimals = 0;
  bool operator==(const ReportDuration&) const = default;
};
enum class DurationForm { hours, components };
std::optional<ReportDuration> parse_report_duration(std::string_view text, DurationForm form);
std::string write_report_duration(const ReportDuration& d, DurationForm form);

// A number in the products' printed form ("%.2f", "%.2E") when that reads back to the same value, else in the
// shortest form that does: a value read from a product is written back as it was printed.
std::string write_report_number(double value, int decimals, bool exponent = false);

// YES / NO in any case.
std::optional<bool> parse_yes_no(std::string_view text);

// Joins lines with LF, keeping the first error of a line that could not be written.
class ReportBuilder {
 public:
  void add(std::string_view line = {});
  void add_result(const tl::expected<std::string, std::string>& line);
  void fail(std::string message);
  tl::expected<std::string, std::string> finish() const;

 private:
  std::string text_;
  std::string error_;
};

// A free-text line that a reader would take for something else (a heading, a rule, a TIME_STAMP line) or
// that is too long (3.5.2): the reason, or nothing when the line can be written.
std::optional<std::string> free_text_problem(std::string_view line,
                                             std::span<const std::string_view> headings);

}  // namespace imsgate::ims2::rn
