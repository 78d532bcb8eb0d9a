// Free-format lines (3.5.3): blank-separated tokens with their positions, and backslash continuation (3.5.2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"

namespace imsgate::ims2 {

struct Token {
  std::string_view text;
  Position at;
};

// One logical line: a physical line, or several joined by a trailing backslash. Keeps the mapping from
// logical offsets back to physical line and column, so diagnostics point into the original input.
class LogicalLine {
 public:
  LogicalLine() = default;
  explicit LogicalLine(const Line& line);

  // Appends the next physical line after removing this line's trailing backslash.
  void continue_with(const Line& line);

  std::string_view text() const { return joined_.empty() ? view_ : std::string_view(joined_); }
  int first_line() const { return pieces_.front().line; }
  int last_line() const { return pieces_.back().line; }
  bool ends_with_backslash() const { return !text().empty() && text().back() == '\\'; }
  Position position(std::size_t offset) const;
  Position position_of(std::string_view part) const { return position(part.data() - text().data()); }

  // The line's blank-separated tokens.
  std::vector<Token> tokens() const;

 private:
  struct Piece {
    std::size_t offset;  // where the piece starts in the logical text
    int line;
  };
  std::string_view view_;
  std::string joined_;
  std::vector<Piece> pieces_;
};

// The text of a line after its first token, with leading and trailing blanks removed.
std::string_view rest_after_first_token(std::string_view text);

}  // namespace imsgate::ims2
