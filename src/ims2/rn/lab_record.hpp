// Reading and writing the records of laboratory messages (RLR 7.3, other lab messages 7.4): missing values
// as '-' and nines for numbers and '0' for text and dates (3.5.7, 3.5.9), free text, and the "~Keyword"
// sub-sections that some blocks are made of.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/fixed_format.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/record.hpp"

namespace imsgate::ims2::rn {

// Lines of free text (a80 records), as written, trailing blanks removed.
using TextLines = std::vector<std::string>;

// A block no table defines, kept verbatim and written back (7.1).
struct LabRawBlock {
  std::string name_line;  // "#Name rest"
  std::vector<std::string> records;
  bool operator==(const LabRawBlock&) const = default;
};

LabRawBlock raw_block(const Block& block);

// One record of a lab block read in its table's field order, with the lab conventions for missing values.
class LabRecord {
 public:
  LabRecord(const Line& line, Diagnostics& diagnostics, Mode mode, std::string_view rule);

  // Nines of any width are missing (DIGEST §6.3 item 47); so, as a deviation, is a run of nines without its
  // '-' as wide as the field (I.29.2 "#CoincidenceCorrection 00000000 99999999 99999999 999999").
  std::optional<double> real(const Field& f);
  std::optional<std::int64_t> integer(const Field& f);
  // One token; "0" and nines are missing text, read as empty.
  std::string text(const Field& f);
  // One token if there is one; nothing left on the line is missing text, not an error.
  std::string optional_text(const Field& f);
  // The rest of the line (a field that may hold blanks); "0" is missing, read as empty.
  std::string rest(const Field& f, bool required = true);
  // "yyyy/mm/dd hh:mm:ss[.s]" or "0"; 1970/01/01 00:00:00 is the labs' missing date (§6.3 item 41).
  std::optional<TimePoint> date_time(const Field& date, const Field& time);
  std::optional<TimePoint> date(const Field& f);
  // "yyyy/mm/dd hh:mm" (Tables 123, 124; §6.3 item 44); seconds are accepted.
  std::optional<TimePoint> date_hour_minute(const Field& date, const Field& time);
  // 'Y' or 'N' (Tables 86, 87).
  std::optional<bool> flag(const Field& f);

  bool at_end() const { return reader_.at_end(); }
  std::size_t remaining() const { return reader_.remaining(); }
  std::string_view peek() const { return reader_.peek(); }
  Position position() const { return reader_.position(); }
  void finish() { reader_.finish(); }
  Diagnostics& diagnostics() { return reader_.diagnostics(); }
  Mode mode() const { return mode_; }
  std::string rule() const { return std::string(reader_.rule()); }

 private:
  RecordReader reader_;
  Mode mode_;
};

// Walks the records of one block: structured records one by one, then free text or "~Keyword" sections.
class BlockCursor {
 public:
  BlockCursor(const Block& block, Diagnostics& diagnostics, Mode mode, std::string_view rule);

  bool at_end() const;  // no records left but blank lines
  // The next record, blank lines skipped with a warning (3.5.5). When the block has no more records, one
  // error names the missing record and the returned record reads as empty (every field missing, no more
  // diagnostics).
  LabRecord record(std::string_view what);
  // The records left, as text.
  TextLines rest_text();
  // The records left, as the sections under `keywords`, expected in that order (matched without regard to
  // case: "~LCMethod" is "~LcMethod", 0.8). Text before the first keyword, a missing keyword or one out of
  // order is an error; an unknown "~word" is a warning and stays text.
  std::vector<std::vector<Line>> sections(std::initializer_list<std::string_view> keywords);
  // Records after the last one the table defines: a warning naming the first.
  void finish();

  const Block& block() const { return block_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  Mode mode() const { return mode_; }
  const std::string& rule() const { return rule_; }

 private:
  const Block& block_;
  Diagnostics& diagnostics_;
  Mode mode_;
  std::string rule_;
  std::size_t next_ = 0;
  Line empty_;
  Diagnostics scratch_;
};

TextLines text_of(const std::vector<Line>& lines);

// Writers. Numbers go to the table's columns with its decimals, or with as many as give the value back when
// those would lose it (the writer's output reads back equal); missing values are nines, text "0".
class LabLine {
 public:
  LabLine& real(const Field& f, std::optional<double> value);
  LabLine& integer(const Field& f, std::optional<std::int64_t> value);
  LabLine& text(const Field& f, std::string_view value);  // "0" when empty
  LabLine& date_time(const Field& date, const Field& time, std::optional<TimePoint> value);
  LabLine& date(const Field& f, std::optional<TimePoint> value);
  LabLine& date_hour_minute(const Field& date, const Field& time, std::optional<TimePoint> value);
  LabLine& flag(const Field& f, std::optional<bool> value);
  tl::expected<std::string, std::string> finish() const;

 private:
  void number(const Field& f, const std::string& text);  // a number that must not read as missing

  FieldWriter writer_;
  std::string error_;
};

// The text of blocks; the first error is kept and the rest ignored.
class BlockWriter {
 public:
  void name(std::string_view name);
  void line(const LabLine& line);
  void line(tl::expected<std::string, std::string> line);
  // Free text (a80): a line that would open a block, read as a keyword of `keywords`, or not fit is an error.
  void text(const TextLines& lines, std::initializer_list<std::string_view> keywords = {});
  // Keyword, then its text, for each section.
  void sections(std::initializer_list<std::string_view> keywords,
                std::initializer_list<const TextLines*> texts);
  void raw(const LabRawBlock& block);
  void fail(std::string message);
  bool failed() const { return !error_.empty(); }
  tl::expected<std::string, std::string> finish() &&;

 private:
  std::string out_;
  std::string error_;
};

}  // namespace imsgate::ims2::rn
