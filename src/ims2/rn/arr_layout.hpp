// The pieces the ARR/RRR readers and writers share (internal): the report split into its titled sections,
// label matching, typed values with diagnostics, and the written document that renders to plain text (exact
// columns) and to HTML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/fixed_format.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/arr.hpp"
#include "ims2/rn/arr_common.hpp"
#include "ims2/rn/arr_noble_gas.hpp"
#include "ims2/rn/arr_particulate.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn::arr {

// ---- Reading ----

struct SourceSection {
  int id = -1;  // index into the variant's title list
  Line title_line;
  std::vector<Line> lines;  // blank lines included (free text keeps its inner blank lines)
};

struct SplitReport {
  std::vector<Line> title_block;  // the lines before the first section title
  std::vector<SourceSection> sections;
  std::vector<TimePoint> time_stamps;
};

// Splits at the titles of `titles`: "TITLE =====" lines when `equals_rule`, else a title line with an
// optional
// "-----" line after it.
SplitReport split_report(const std::vector<Line>& lines, const std::vector<std::string_view>& titles,
                         bool equals_rule, Diagnostics& diagnostics);

// The offset just after `label` at the start of `text` (leading blanks skipped; blank runs and case are not
// significant), or nothing.
std::optional<std::size_t> match_label(std::string_view text, std::string_view label);
// Where `label` starts inside `text` from `from`, or npos.
std::size_t find_label(std::string_view text, std::string_view label, std::size_t from = 0);
// "label1 value1 [label2 value2]" (two label-value pairs on one line, as the sample information prints
// them): nothing unless the line starts with label1; an empty second value when label2 is not there.
struct Labelled {
  std::string_view first;
  std::string_view second;
};
std::optional<Labelled> labelled(std::string_view text, std::string_view label1,
                                 std::string_view label2 = {});
// True for a line of elision marks (":", "...", U+22EE) that the spec's examples put in place of lines.
bool is_elision(std::string_view text);
bool is_blank_text(std::string_view text);

// A value taken from a line, with its position for diagnostics.
class ValueReader {
 public:
  ValueReader(const Line& line, Diagnostics& diagnostics, std::string_view rule)
      : line_(line), diagnostics_(diagnostics), rule_(rule) {}

  Position at(std::string_view part) const;

  // "N/A" is missing for every typed value; an empty part is missing too. Anything else that is not of the
  // type is an error naming `what`.
  std::optional<double> real(std::string_view part, std::string_view what);
  std::optional<std::int64_t> integer(std::string_view part, std::string_view what);
  std::optional<bool> yes_no(std::string_view part, std::string_view what);
  std::optional<bool> pass_fail(std::string_view part, std::string_view what);
  // "yyyy/mm/dd hh:mm[:ss[.s]]" or "yyyy-mm-dd hh:mm:ss".
  std::optional<TimePoint> date_time(std::string_view part, std::string_view what);
  // "[N d] [N h] [N m] [N[.N] s]" in seconds.
  std::optional<double> duration(std::string_view part, std::string_view what);
  // The first token as a number, the rest a unit that must be `unit` ("hours", "m3", "ml").
  std::optional<double> quantity(std::string_view part, std::string_view unit, std::string_view what);

  const Line& line() const { return line_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  std::string_view rule() const { return rule_; }

 private:
  void bad(std::string_view part, std::string_view what, std::string_view expected);

  const Line& line_;
  Diagnostics& diagnostics_;
  std::string rule_;
};

// Table rows read token by token: "N/A" is a missing number.
std::optional<double> row_real(RecordReader& r, const Field& f);
std::optional<std::int64_t> row_integer(RecordReader& r, const Field& f);
std::optional<bool> row_yes_no(RecordReader& r, const Field& f);
// "value unit" (two tokens), or "N/A".
HalfLife row_half_life(RecordReader& r, const Field& value, const Field& unit);

// A line the layout does not define: kept verbatim, a deviation naming it.
void keep_untyped(const Line& line, std::vector<std::string>& extra, Diagnostics& diagnostics, Mode mode,
                  std::string_view rule);

// Parses the row with `parse` into a scratch list of diagnostics: a row with errors is kept verbatim in
// `extra` (its errors reported), else added to `rows`.
template <class Row, class Parse>
void read_row(const Line& line, std::vector<Row>& rows, std::vector<std::string>& extra, Diagnostics& d,
              std::string_view rule, Parse parse) {
  Diagnostics scratch;
  RecordReader r(line, scratch, rule);
  Row row = parse(r);
  r.finish();
  const bool bad = scratch.has_errors();
  d.append(scratch);
  if (bad) {
    extra.emplace_back(trim_right(line.text));
  } else {
    rows.push_back(std::move(row));
  }
}

// ---- Writing ----

std::string format_fixed(std::optional<double> v, int decimals);  // "N/A" when missing
std::string format_exp(std::optional<double> v, int decimals);    // "2.13E+03"
std::string format_shortest(std::optional<double> v);             // as few digits as give the value back
std::string format_integer(std::optional<std::int64_t> v);
std::string format_yes_no(std::optional<bool> v);  // YES / NO / N/A
std::string format_half_life(const HalfLife& h);
std::string format_duration(std::optional<double> seconds, int second_decimals);
enum class DateStyle { slash_minutes, slash_seconds, dash_seconds };
std::string format_date_time(std::optional<TimePoint> t, DateStyle style);

enum class Role { blank, title, heading, rule, text, grid, table_head, table_row };

struct Cell {
  Field field;
  std::string text;
  bool right = false;  // numbers are right-justified
};

struct DocLine {
  Role role = Role::blank;
  std::vector<Cell> cells;
};

// A report as written: lines of cells in their columns, with the role each line plays.
class Document {
 public:
  explicit Document(bool equals_rule) : equals_rule_(equals_rule) {}

  void blank(int count = 1);
  void title(int column, std::string text);
  void heading(std::string title);  // "TITLE =====", or "Title" and a "-----" line
  void text(int column, std::string text);
  void grid(std::vector<Cell> cells);  // label, value [, label, value]
  void head(std::vector<Cell> cells);  // header texts, each at its field's column or after the previous
  void row(std::vector<Cell> cells);
  void extra(const std::vector<std::string>& lines);

  // The plain text, each line ending in LF; the first cell that does not fit its columns is an error.
  tl::expected<std::string, std::string> plain() const;
  std::string html(std::string_view document_title) const;

 private:
  bool equals_rule_;
  std::vector<DocLine> lines_;
};

// A constant label from the field's first column, as wide as its text.
inline Cell label(const Field& f, std::string_view text) {
  return {text_field(f.first, f.first + static_cast<int>(text.size()) - 1, f.name), std::string(text), false};
}
inline Cell value(const Field& f, std::string text) {
  return {f, std::move(text), false};
}
inline Cell number(const Field& f, std::string text) {
  return {f, std::move(text), true};
}
// A field of `width` columns from `first`.
constexpr Field at(int first, int width, std::string_view name) {
  return text_field(first, first + width - 1, name);
}

// ---- The two layouts (arr_particulate.cpp, arr_noble_gas.cpp) ----

// Reads the sections after the split; `reviewed` for an RRR.
ParticulateReport read_particulate(const SplitReport& split, bool reviewed, Diagnostics& d, Mode mode);
void write_particulate(const ParticulateReport& report, bool reviewed, Document& doc);
const std::vector<std::string_view>& particulate_titles();

// Calibration Parameters (Table 144; Figure 9), shared by the particulate and HPGe layouts.
void read_calibration_parameters(const std::vector<Line>& lines, CalibrationParameters& m, Diagnostics& d,
                                 Mode mode, std::string_view rule);
void write_calibration_parameters(const CalibrationParameters& m, bool hpge, Document& doc);

NobleGasReport read_noble_gas(const SplitReport& split, bool reviewed, bool beta_gamma, Diagnostics& d,
                              Mode mode);
void write_noble_gas(const NobleGasReport& report, bool reviewed, bool beta_gamma, Document& doc);
const std::vector<std::string_view>& noble_gas_titles();

// The whole report as a document, the TIME_STAMP lines included; an error when the variant and the body
// disagree.
tl::expected<Document, std::string> report_document(const RadionuclideReport& report);

}  // namespace imsgate::ims2::rn::arr
