// Splits an input buffer into physical lines (LF or CRLF endings) and keeps their line numbers.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace imsgate::ims2 {

// The spec's limit on a line, not counting its end (3.5.2).
inline constexpr std::size_t kMaxLineLength = 1024;

struct Line {
  std::string_view text;   // without the line ending
  int number = 0;          // 1-based
  std::size_t offset = 0;  // byte offset of the line's first character in the input
  bool crlf = false;       // the line ended in CR LF
};

class LineReader {
 public:
  explicit LineReader(std::string_view input) : input_(input) {}

  // The next line, or nothing at the end of the input. A final line without LF is still a line.
  std::optional<Line> next();
  std::optional<Line> peek() const;
  bool at_end() const { return pos_ >= input_.size(); }
  // Moves on by `bytes` that a caller has consumed itself (a codec over data lines), to the end of the line
  // they end in, keeping the line count.
  void advance(std::size_t bytes);
  int lines_read() const { return number_; }
  std::size_t offset() const { return pos_; }
  std::string_view input() const { return input_; }

 private:
  std::optional<Line> line_at(std::size_t& next_pos) const;

  std::string_view input_;
  std::size_t pos_ = 0;
  int number_ = 0;
};

}  // namespace imsgate::ims2
