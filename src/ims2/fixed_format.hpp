// Fixed-format data lines (3.5.4): fields declared once by their columns, read tolerantly and written
// exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"

namespace imsgate::ims2 {

// One field of a fixed-format line, as the spec's tables give it: 1-based inclusive columns and a format.
struct Field {
  enum class Kind { text, integer, real, exponent };
  int first = 1;
  int last = 1;
  Kind kind = Kind::text;
  int decimals = 0;  // digits after the point of a real (fN.d) or exponent (eN.d) field; kAsNeeded for fN
  std::string_view name;

  constexpr int width() const { return last - first + 1; }
};

// A real field whose table gives the width only ("f16"): written with as few digits as give back the value.
inline constexpr int kAsNeeded = -1;

constexpr Field text_field(int first, int last, std::string_view name) {
  return {first, last, Field::Kind::text, 0, name};
}
constexpr Field integer_field(int first, int last, std::string_view name) {
  return {first, last, Field::Kind::integer, 0, name};
}
constexpr Field real_field(int first, int last, int decimals, std::string_view name) {
  return {first, last, Field::Kind::real, decimals, name};
}
constexpr Field exponent_field(int first, int last, int decimals, std::string_view name) {
  return {first, last, Field::Kind::exponent, decimals, name};
}

// Reads the fields of one line. A blank field is missing (nothing), never zero (3.5.7); a field that is not
// blank and not of its format is an error naming the line, the column and the field.
class FieldReader {
 public:
  FieldReader(const Line& line, Diagnostics& diagnostics, std::string_view rule)
      : line_(line), diagnostics_(diagnostics), rule_(rule) {}

  std::string_view raw(const Field& f) const;  // the columns as they are, clipped to the line
  std::string text(const Field& f) const;      // trimmed
  std::optional<std::int64_t> integer(const Field& f);
  std::optional<double> real(const Field& f);  // also for exponent fields
  std::optional<TimePoint> date_time(const Field& date, const Field& time);
  const Line& line() const { return line_; }

 private:
  void bad(const Field& f, std::string_view expected);
  Position at(const Field& f) const;

  const Line& line_;
  Diagnostics& diagnostics_;
  std::string rule_;
};

// Builds one line field by field. Text is left-justified, numbers right-justified; a value that does not fit
// its field is written with fewer decimals if that makes it fit, else it is an error: later columns never
// shift.
class FieldWriter {
 public:
  void text(const Field& f, std::string_view value);
  void right_justified(const Field& f, std::string_view value);  // a number already formatted
  void integer(const Field& f, std::optional<std::int64_t> value);
  void real(const Field& f, std::optional<double> value);  // fN.d or eN.d as the field says
  void date_time(const Field& date, const Field& time, std::optional<TimePoint> value);
  void literal(int first, std::string_view text);  // a keyword such as "WID2" at its columns

  // The line without trailing blanks, or the first field that could not be written.
  tl::expected<std::string, std::string> finish() const;

 private:
  void place(const Field& f, std::string_view value, bool right);

  std::string line_;
  std::string error_;
};

}  // namespace imsgate::ims2
