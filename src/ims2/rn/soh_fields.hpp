// What the station state-of-health messages (RMSSOH, MET, ALERT; 7.5-7.7) share: station codes, the
// "-99..." missing form also in narrow fields, the spec's elision marks, free-text lines that cannot be
// written, and a line writer that refuses what would not read back.
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
#include "ims2/rn/block.hpp"
#include "ims2/rn/record.hpp"

namespace imsgate::ims2::rn::soh {

// "CCtNN": two letters, the system type P (particulate), X or G (noble gas; G in Appendix II), two digits
// (3.5.10, DIGEST-radionuclide §5.1). Case is not significant (3.5.4).
bool is_station_code(std::string_view code);

// A line that is only an elision mark of the spec's listings (":", ".", "...", "⋮"): not a record.
bool is_elision_mark(std::string_view text);
void report_elision_mark(const Line& line, Diagnostics& diagnostics, std::string rule);

// A number of the nines families (RecordReader with Missing::nines reads the missing forms); one with more
// decimals than the field keeps is a deviation: it cannot be written back.
std::optional<double> read_real(RecordReader& r, const Field& f, Mode mode);
// A date-time; seconds with more decimals than the time field keeps are a deviation (they cannot be written).
std::optional<TimePoint> read_date_time(RecordReader& r, const Field& date, const Field& time, Mode mode);
// One token of text; a lone '0' is missing character data (3.5.7), read as empty.
std::string read_text(RecordReader& r, const Field& f);

// Why a line of free text cannot be written as it is (it would open a block or end the section, or is too
// long), or nothing.
std::optional<std::string> free_text_problem(std::string_view line);

// Builds one record line in the table's columns with the nines form for missing numbers. Anything that would
// not read back as the same value is an error: a value too wide or with more decimals than the field keeps, a
// number written as nines, text holding blanks where the reader takes one token, a value that is not finite.
class LineWriter {
 public:
  void real(const Field& f, std::optional<double> value);
  void integer(const Field& f, std::optional<std::int64_t> value);
  void token(const Field& f, std::string_view value);  // one token; empty is written '0'
  void text(const Field& f, std::string_view value);   // a last field that may hold blanks
  void date_time(const Field& date, const Field& time, std::optional<TimePoint> value);
  void literal(const Field& f, std::string_view value) { w_.text(f, value); }
  void right_justified(const Field& f, std::string_view written) { w_.right_justified(f, written); }
  // Fails unless the field leaves a blank before the next one (tables that print adjacent fields).
  void separated(const Field& f, std::string_view written);

  tl::expected<std::string, std::string> finish() const;

 private:
  void fail(std::string message);

  FieldWriter w_;
  std::string error_;
};

// Collects the lines of a section body; the first error wins.
class BodyWriter {
 public:
  void add(const tl::expected<std::string, std::string>& line);
  void add_line(std::string_view line);  // a line the writer built itself: a block name
  void add_text(std::string_view line);  // a free-text line, checked with free_text_problem
  void fail(std::string message);
  // The first TIME_STAMP at the top of the body and the others at its end, as the IDC delivers them (I.1).
  tl::expected<std::string, std::string> finish(const std::vector<TimePoint>& time_stamps) const;

 private:
  std::string body_;
  std::string error_;
};

}  // namespace imsgate::ims2::rn::soh
