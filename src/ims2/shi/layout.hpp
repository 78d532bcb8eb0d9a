// Shared pieces of the station, response, status and log readers and writers: section lines, words for the
// blank-separated fallback, date-only and hh:mm fields, header lines and the report-period line (6.5).
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/fixed_format.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

// "Report period from yyyy/mm/dd hh:mm:ss.s to yyyy/mm/dd hh:mm:ss.s" (Tables 47, 49, 50, 53; Table 52 has
// hh:mm:ss.sss two columns later).
struct ReportPeriod {
  std::optional<TimePoint> from;
  std::optional<TimePoint> to;
  bool operator==(const ReportPeriod&) const = default;
};

}  // namespace imsgate::ims2::shi

// The helpers have their own namespace: the other S/H/I readers have helpers of similar names.
namespace imsgate::ims2::shi::layout {

// A blank-separated word of a line and its 1-based column.
struct Word {
  std::string_view text;
  int column = 0;
};
std::vector<Word> split_words(std::string_view text);

// Walks the words of a line in order, for the blank-separated fallback readers.
class WordCursor {
 public:
  explicit WordCursor(std::span<const Word> words) : words_(words) {}
  bool done() const { return next_ >= words_.size(); }
  std::size_t remaining() const { return words_.size() - next_; }
  std::string_view peek(std::size_t ahead = 0) const {
    return next_ + ahead < words_.size() ? words_[next_ + ahead].text : std::string_view{};
  }
  std::string_view take() { return done() ? std::string_view{} : words_[next_++].text; }
  std::string rest();  // the remaining words joined by single blanks

 private:
  std::span<const Word> words_;
  std::size_t next_ = 0;
};

bool is_blank_line(std::string_view text);
bool is_date_word(std::string_view s);    // a valid yyyy/mm/dd
bool is_time_word(std::string_view s);    // hh:mm:ss[.f...]
bool is_number_word(std::string_view s);  // a finite real number
bool is_integer_word(std::string_view s);

// True when no character outside the fields' columns is a non-blank.
bool fits_columns(std::string_view text, std::span<const Field> fields);

// A comment line "(…)" with '(' in column 2, or in column 1 (the converted examples lost the blank; a
// warning). Gives the text between the parentheses.
std::optional<std::string> read_comment_line(const Line& line, Diagnostics& diagnostics,
                                             std::string_view rule);
std::string write_comment_line(std::string_view text);

// A column-title line: its first two words are those of the canonical header (case-insensitive); the rest is
// cosmetic and varies between senders.
bool is_header_line(std::string_view text, std::string_view header);

// A header line built from the table's (column, label) pairs.
struct Label {
  int column = 1;
  std::string_view text;
};
std::string header_line(std::initializer_list<Label> labels);

// Field readers the FieldReader lacks: a date alone (yyyy/mm/dd) and a date with an hh:mm time.
std::optional<TimePoint> read_date(const Line& line, const Field& f, Diagnostics& diagnostics,
                                   std::string_view rule);
std::optional<TimePoint> read_date_hm(const Line& line, const Field& date, const Field& time,
                                      Diagnostics& diagnostics, std::string_view rule);
std::optional<TimePoint> parse_date_word(std::string_view date);
std::optional<TimePoint> parse_date_time_words(std::string_view date, std::string_view time);
void write_date(FieldWriter& w, const Field& f, std::optional<TimePoint> t);
void write_date_hm(FieldWriter& w, const Field& date, const Field& time, std::optional<TimePoint> t);

// Reports a required field that is blank.
void require(bool present, const Line& line, const Field& f, Diagnostics& diagnostics, std::string_view rule);

// Warns that a line was read as blank-separated words because it does not fit the table's columns.
void warn_words(const Line& line, Diagnostics& diagnostics, std::string_view table, std::string_view rule);

// Errors about a line no rule of the data type accepts.
void unexpected_line(const Line& line, Diagnostics& diagnostics, std::string_view what,
                     std::string_view rule);

// The first non-blank character outside the fields, for "unexpected text at column N".
int first_column_outside(std::string_view text, std::span<const Field> fields);

// Collects written lines, keeping the first error.
class TextBuilder {
 public:
  void add(const FieldWriter& w);
  void add(std::string_view line);
  void fail(std::string message);
  tl::expected<std::string, std::string> finish() const;

 private:
  std::string text_;
  std::string error_;
};

// The report-period line (6.5).

bool is_report_period_line(std::string_view text);
ReportPeriod read_report_period(const Line& line, Diagnostics& diagnostics, std::string_view rule);
void write_report_period(TextBuilder& out, const ReportPeriod& period, bool milliseconds = false);

// Reads one data line by its columns. A line with text outside the columns (the converted examples collapsed
// runs of blanks) is read by its blank-separated words where that is unambiguous, with a warning; otherwise
// the column reader's errors, or the first character outside the columns, are reported. Nothing when the line
// could not be read.
template <class Record, class ByColumns, class ByWords>
std::optional<Record> read_data_line(const Line& line, std::span<const Field> fields, ByColumns by_columns,
                                     ByWords by_words, Diagnostics& diagnostics, std::string_view table,
                                     std::string_view rule) {
  Diagnostics scratch;
  Record record = by_columns(line, scratch);
  const int outside = first_column_outside(line.text, fields);
  if (outside == 0 && !scratch.has_errors()) {
    diagnostics.append(scratch);
    return record;
  }
  if (outside != 0) {
    if (std::optional<Record> alternative = by_words(split_words(line.text), line)) {
      warn_words(line, diagnostics, table, rule);
      return alternative;
    }
  }
  diagnostics.append(scratch);
  if (!scratch.has_errors())
    diagnostics.error({line.number, outside},
                      std::string("unexpected text outside the columns of ") + std::string(table),
                      std::string(rule));
  return std::nullopt;
}

}  // namespace imsgate::ims2::shi::layout
