// The data records of radionuclide blocks, read token by token in the field order of their table and written
// in the table's columns. Senders do not keep the printed columns (single blanks, integers in f fields, short
// exponents, overflowing widths; DIGEST-radionuclide §0), so a record is read as blank-separated tokens; a
// field that may hold blanks (free text, "value unit" half-lives) is taken as the rest of the line or as a
// known number of tokens by the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/fixed_format.hpp"
#include "ims2/free_format.hpp"
#include "ims2/line_reader.hpp"

namespace imsgate::ims2::rn {

// How a message family writes a missing value (3.5.7, 3.5.9): PHD data types zero-fill (a 0 is then just a
// value); the other station and laboratory messages write '-' and nines to the field's width for a number and
// a single '0' for text and dates.
enum class Missing { zero_fill, nines };

// '-' followed by nines: "-999" for a 4-wide field.
std::string nines(int width);
// True for "-999", "-9999999999", ...: a missing number whatever its width.
bool is_nines(std::string_view token);

class RecordReader {
 public:
  RecordReader(const Line& line, Diagnostics& diagnostics, std::string_view rule,
               Missing missing = Missing::zero_fill);

  bool at_end() const { return next_ == tokens_.size(); }
  std::size_t remaining() const { return tokens_.size() - next_; }
  std::string_view peek() const { return at_end() ? std::string_view() : tokens_[next_].text; }
  Position position() const;  // of the next token, or just after the line's end
  const Line& line() const { return line_; }

  // The next token as text. An absent required field is an error (an empty string is returned).
  std::string text(const Field& f);
  // Numbers: missing (nines of any width from 4 on, or of the field's own width such as "-99" in an i3 field,
  // when the family uses them) is nothing; not a number is an error.
  std::optional<double> real(const Field& f);
  std::optional<std::int64_t> integer(const Field& f);
  // Two tokens "yyyy/mm/dd hh:mm:ss[.s]" (the seconds may be left out); a lone "0" is a missing date-time
  // (3.5.9).
  std::optional<TimePoint> date_time(const Field& date, const Field& time);
  std::optional<TimePoint> date(const Field& f);  // "yyyy/mm/dd"
  // The rest of the line from the next token, trimmed: free text, or a last field that may hold blanks.
  std::string rest();
  // Tokens left over after the last field: a warning naming the first one.
  void finish();

  Diagnostics& diagnostics() { return diagnostics_; }
  std::string_view rule() const { return rule_; }

 private:
  const Token* take(const Field& f);
  void bad(const Token& t, const Field& f, std::string_view expected);

  const Line& line_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  Diagnostics& diagnostics_;
  std::string rule_;
  Missing missing_;
};

// Writers: the FieldWriter of fixed_format.hpp in the table's columns, with the family's missing-value form.
void write_real(FieldWriter& w, const Field& f, std::optional<double> value, Missing missing);
void write_integer(FieldWriter& w, const Field& f, std::optional<std::int64_t> value, Missing missing);
// "yyyy/mm/dd hh:mm:ss.s" with the time field's decimals; a missing date-time is written "0".
void write_date_time(FieldWriter& w, const Field& date, const Field& time, std::optional<TimePoint> value);
// Text, or '0' when empty (missing character data).
void write_text(FieldWriter& w, const Field& f, std::string_view value);

}  // namespace imsgate::ims2::rn
