// The arguments of environment lines (4.6, 5.5): their typed model, their grammar and their canonical text.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/envelope.hpp"
#include "ims2/free_format.hpp"
#include "ims2/request/keywords.hpp"

namespace imsgate::ims2::request {

// A number as written ("4.0" stays "4.0") and its value.
struct Number {
  std::string text;
  double value = 0;
  bool operator==(const Number&) const = default;
};

// "[low] to [high]"; a missing limit is open. LAT, LON and MB_MINUS_MS include their high limit; LON runs
// West to East and wraps across 180 when low > high (4.6.19).
struct NumberRange {
  std::optional<Number> low;
  std::optional<Number> high;
  bool operator==(const NumberRange&) const = default;
};

// One item of a list as written (codes keep their case); `id` holds the value of an integer id.
struct ListItem {
  std::string text;
  std::optional<std::int64_t> id;
  bool operator==(const ListItem&) const = default;
};

struct ItemList {
  std::vector<ListItem> items;
  bool operator==(const ItemList&) const = default;
};

// One word as written (BULL_TYPE, MAGPREF_MB, MAGPREF_MS, RELATIVE_TO).
struct Word {
  std::string text;
  bool operator==(const Word&) const = default;
};

// No argument: the keyword resets its variable to the default, or, for the flag TIME_STAMP, switches it on.
using NoArgument = std::monostate;

using EnvironmentValue = std::variant<NoArgument, ItemList, NumberRange, Number, Word, TimeRange>;

// One environment line: the keyword and its argument.
struct EnvironmentLine {
  EnvKeyword keyword = EnvKeyword::sta_list;
  EnvironmentValue value;
  SourceLine source;
  bool operator==(const EnvironmentLine&) const = default;
};

// In which message an environment line is read: TIME then takes NOW and FOREVER, and BULL_TYPE names national
// bulletins rather than one-off screenings.
enum class Context { request, subscription };

// Reads the arguments of an environment line. Reports each problem at its token, with what was expected and
// the keyword's section; nothing when the arguments are wrong.
std::optional<EnvironmentValue> parse_environment_value(const EnvSpec& spec, std::span<const Token> args,
                                                        Position keyword, Context context,
                                                        Diagnostics& diagnostics);

// The canonical text of the arguments (without the keyword): "a, b, c", "low to high", a number as written.
std::string write_environment_value(const EnvironmentValue& value, KeywordCase style);

// The keyword's default value (4.6 "Default"), from the table's default text; NoArgument when there is none
// (no constraint, no bulletin type, TIME's zero-length range at the current time, TIME_STAMP off).
const EnvironmentValue& default_value(EnvKeyword keyword);

// Numbers as the environment lines write them: an optional sign, digits, an optional decimal point.
std::optional<double> parse_decimal(std::string_view text);

// True when `word` is one of the spec's allowed words or starts with one of its prefixes (case-insensitive).
bool is_allowed_word(const EnvSpec& spec, std::string_view word);

// A national bulletin name: NEB_<id> or NSEB_<id> (5.5.5).
bool is_national_bulletin(std::string_view bulletin);

}  // namespace imsgate::ims2::request
