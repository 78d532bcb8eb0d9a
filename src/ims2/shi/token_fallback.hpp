// Reading a fixed-format line whose blanks were collapsed: its blank-separated tokens assigned to the
// layout's fields in order, where exactly one cheapest assignment exists.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/fixed_format.hpp"

namespace imsgate::ims2::shi {

// What a token must look like to fill a field.
enum class TokenClass {
  any,     // identifiers, authors: anything but a date or a time
  word,    // a token that is not a number (station, phase, magnitude type)
  number,  // a real or integer number
  date,    // yyyy/mm/dd
  time,    // hh:mm:ss[.f]
  flags,   // three characters of letters, '_' or '-' (defining flags, quality)
  bound,   // '<' or '>' before a magnitude
  letter,  // one letter (fixed-value flags f/d, analysis a/m/g, method i/p/g/o)
};

// One field of the layout in line order. A field may be left out of the assignment (its value is then
// missing) at `skip_cost`; the assignment with the least total cost wins, and a tie is ambiguous. A negative
// cost means the field must be present.
struct TokenSlot {
  const Field* field = nullptr;
  TokenClass token = TokenClass::any;
  int skip_cost = 2;
};

inline constexpr int kRequired = -1;
inline constexpr int kOftenBlank = 1;

struct Token {
  std::string_view text;
  int column = 0;  // 1-based
};

std::vector<Token> split_tokens(std::string_view line);
bool token_is(std::string_view token, TokenClass c);

// A number with a one-letter flag glued to it ("0.0f", depth and its flag) counts as two tokens.
// The line rebuilt at the layout's columns (text left-justified, the rest right-justified), or nothing when
// the tokens cannot be assigned unambiguously or a token does not fit its field.
std::optional<std::string> realign_tokens(std::string_view line, std::span<const TokenSlot> slots);

// Every non-blank character of the line lies in the columns of one of the slots' fields: nothing straddles
// the gaps between fields, as it would in a line whose blanks were collapsed.
bool fits_columns(std::string_view line, std::span<const TokenSlot> slots);

}  // namespace imsgate::ims2::shi
