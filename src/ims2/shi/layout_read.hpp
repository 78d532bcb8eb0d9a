// Reading one fixed-format line by its columns, or, when it does not fit them, by its tokens realigned to the
// columns (with a warning); shared by the arrival and bulletin readers.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/shi/token_fallback.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {

// `read(line, diagnostics)` reads the fields by columns. A line whose non-blank characters all lie inside the
// layout's fields is read by its columns, errors and all (a shifted reading would only hide an error). Any
// other line is realigned from its tokens, with a warning; a line that fits neither way is one error for the
// whole line.
template <class Read>
auto read_tolerant(const Line& line, std::span<const TokenSlot> slots, std::string_view rule,
                   std::string_view table, Diagnostics& diagnostics, Read read) {
  Diagnostics by_columns;
  auto value = read(line, by_columns);
  if (fits_columns(line.text, slots)) {
    diagnostics.append(by_columns);
    return value;
  }
  if (auto realigned = realign_tokens(line.text, slots)) {
    Line moved = line;
    moved.text = *realigned;
    Diagnostics by_tokens;
    auto second = read(moved, by_tokens);
    if (!by_tokens.has_errors()) {
      diagnostics.warning({line.number, 1},
                          std::string("line does not fit the columns of ") + std::string(table) +
                              "; its fields were read as blank-separated tokens in order",
                          std::string(rule));
      diagnostics.append(by_tokens);
      return second;
    }
  }
  diagnostics.error({line.number, 1},
                    std::string("line fits neither the columns of ") + std::string(table) +
                        " nor one unambiguous reading of its blank-separated fields",
                    std::string(rule));
  return value;
}

// The composite one-character flags (defining T/A/S, quality a/m c/d i/e/q) as written, trailing blanks
// dropped.
inline std::string flags_text(std::string_view raw) {
  return std::string(trim_right(raw));
}

// A line the spec's examples use to mark left-out material (":", ".", "...", the vertical ellipsis).
bool is_elision_mark(std::string_view line);

// The line is a column-title line whose first words are those of `header`.
bool is_column_title(std::string_view line, std::string_view header, std::size_t words = 2);

}  // namespace imsgate::ims2::shi
