#include "ims2/request/environment.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::request {
namespace {

std::string upper(const EnvSpec& spec) {
  return to_upper(spec.name);
}
std::string rule(const EnvSpec& spec) {
  return std::string(spec.section);
}

Position shifted(Position at, std::size_t by) {
  return {at.line, at.column + static_cast<int>(by)};
}

bool is_code_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '*';
}

bool within(const EnvSpec& spec, double v) {
  if (spec.min_exclusive ? v <= spec.min : v < spec.min) return false;
  return v <= spec.max;
}

std::string limits_text(const EnvSpec& spec) {
  const bool has_min = spec.min != -kNoLimit, has_max = spec.max != kNoLimit;
  if (has_min && has_max) return fmt::format("{}..{}", spec.min, spec.max);
  if (has_min) return fmt::format("{} {}", spec.min_exclusive ? ">" : ">=", spec.min);
  return fmt::format("<= {}", spec.max);
}

std::optional<Number> parse_number(const EnvSpec& spec, const Token& t, Diagnostics& d) {
  const auto value = parse_decimal(t.text);
  if (!value) {
    d.error(t.at, fmt::format("'{}' is not a number: {} expects {}", t.text, upper(spec), spec.what),
            rule(spec));
    return std::nullopt;
  }
  if (spec.type == ValueType::integer && t.text.find('.') != std::string_view::npos) {
    d.error(t.at, fmt::format("'{}' is not an integer: {} expects {}", t.text, upper(spec), spec.what),
            rule(spec));
    return std::nullopt;
  }
  if (!within(spec, *value)) {
    d.error(t.at,
            fmt::format("{} out of range: {} expects {} in {}", t.text, upper(spec), spec.what,
                        limits_text(spec)),
            rule(spec));
    return std::nullopt;
  }
  return Number{std::string(t.text), *value};
}

std::optional<EnvironmentValue> parse_scalar(const EnvSpec& spec, std::span<const Token> args,
                                             Diagnostics& d) {
  if (args.size() > 1) {
    d.error(args[1].at,
            fmt::format("unexpected '{}': {} takes one number ({})", args[1].text, upper(spec), spec.what),
            rule(spec));
    return std::nullopt;
  }
  auto number = parse_number(spec, args[0], d);
  if (!number) return std::nullopt;
  return EnvironmentValue{std::move(*number)};
}

std::optional<EnvironmentValue> parse_range(const EnvSpec& spec, std::span<const Token> args,
                                            Diagnostics& d) {
  std::size_t to = args.size();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!iequals(args[i].text, kToWord)) continue;
    if (to != args.size()) {
      d.error(args[i].at, fmt::format("a range has only one 'to': {} expects '[low] to [high]'", upper(spec)),
              rule(spec));
      return std::nullopt;
    }
    to = i;
  }
  if (to == args.size()) {
    d.error(
        args[0].at,
        fmt::format("expected a range '[low] to [high]' after {}, with 'to' as a separate word", upper(spec)),
        rule(spec));
    return std::nullopt;
  }
  const auto low_part = args.first(to), high_part = args.subspan(to + 1);
  for (auto part : {low_part, high_part}) {
    if (part.size() > 1) {
      d.error(part[1].at,
              fmt::format("unexpected '{}': each limit of {} is one number ({})", part[1].text, upper(spec),
                          spec.what),
              rule(spec));
      return std::nullopt;
    }
  }
  NumberRange range;
  bool ok = true;
  if (!low_part.empty()) ok = (range.low = parse_number(spec, low_part[0], d)).has_value();
  if (!high_part.empty()) ok = (range.high = parse_number(spec, high_part[0], d)).has_value() && ok;
  if (!ok) return std::nullopt;
  if (spec.keyword == EnvKeyword::lon) {
    if (!range.low || !range.high) {
      d.error(args[to].at,
              "LON needs both limits or neither: a West-to-East range that may cross 180 cannot be open",
              rule(spec));
      return std::nullopt;
    }
  } else if (range.low && range.high) {
    const bool strict = spec.keyword == EnvKeyword::lat;
    if (strict ? range.low->value >= range.high->value : range.low->value > range.high->value) {
      d.error(high_part[0].at,
              fmt::format("the low limit {} is {} the high limit {}: {} expects low {} high", range.low->text,
                          strict ? "not below" : "above", range.high->text, upper(spec), strict ? "<" : "<="),
              rule(spec));
      return std::nullopt;
    }
  }
  return EnvironmentValue{std::move(range)};
}

struct Piece {
  std::string_view text;
  Position at;
};

// Items separated by commas, with or without blanks around them (4.6: "Spaces after the commas are
// optional").
std::optional<std::vector<Piece>> split_list(const EnvSpec& spec, std::span<const Token> args,
                                             Diagnostics& d) {
  std::vector<Piece> items;
  bool expect_item = true;
  Position last_comma{};
  for (const Token& t : args) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = t.text.find(',', start);
      const std::string_view piece =
          t.text.substr(start, comma == std::string_view::npos ? comma : comma - start);
      if (!piece.empty()) {
        if (!expect_item) {
          d.error(shifted(t.at, start),
                  fmt::format("'{}' follows another item without a comma: {} items are separated by commas",
                              piece, upper(spec)),
                  rule(spec));
          return std::nullopt;
        }
        items.push_back({piece, shifted(t.at, start)});
        expect_item = false;
      }
      if (comma == std::string_view::npos) break;
      last_comma = shifted(t.at, comma);
      if (expect_item) {
        d.error(last_comma,
                fmt::format("empty item before ',': {} expects {} between commas", upper(spec), spec.what),
                rule(spec));
        return std::nullopt;
      }
      expect_item = true;
      start = comma + 1;
    }
  }
  if (expect_item) {
    d.error(last_comma,
            fmt::format("the list ends with a comma: {} expects {} after it", upper(spec), spec.what),
            rule(spec));
    return std::nullopt;
  }
  return items;
}

std::optional<ListItem> parse_item(const EnvSpec& spec, const Piece& p, bool alone, Diagnostics& d) {
  ListItem item{std::string(p.text), std::nullopt};
  const std::size_t star = p.text.find('*');
  if (p.text == "*" && spec.wildcard == Wildcard::all_only) {
    if (!alone) {
      d.error(p.at, fmt::format("'*' stands for all {} and cannot be combined with other items", upper(spec)),
              rule(spec));
      return std::nullopt;
    }
    return item;
  }
  if (star != std::string_view::npos && spec.wildcard != Wildcard::pattern) {
    d.error(shifted(p.at, star),
            fmt::format("wildcard '*' not allowed here: {} expects {}{}", upper(spec), spec.what,
                        spec.wildcard == Wildcard::all_only ? " or a lone '*' for all" : ""),
            rule(spec));
    return std::nullopt;
  }
  switch (spec.type) {
    case ValueType::integer: {
      const auto id = parse_integer(p.text);
      if (!id || *id < 0 || p.text.front() == '+') {
        d.error(p.at,
                fmt::format("'{}' is not {}: {} expects non-negative integers separated by commas", p.text,
                            spec.what, upper(spec)),
                rule(spec));
        return std::nullopt;
      }
      item.id = *id;
      return item;
    }
    case ValueType::word:
      if (!is_allowed_word(spec, p.text)) {
        d.error(p.at, fmt::format("unknown value '{}': {} expects {}", p.text, upper(spec), spec.what),
                rule(spec));
        return std::nullopt;
      }
      return item;
    case ValueType::code:
    case ValueType::real:
      break;
  }
  for (std::size_t i = 0; i < p.text.size(); ++i) {
    if (!is_code_char(p.text[i])) {
      d.error(shifted(p.at, i),
              fmt::format("unexpected '{}' in '{}': {} expects {} items separated by commas", p.text[i],
                          p.text, upper(spec), spec.what),
              rule(spec));
      return std::nullopt;
    }
  }
  const std::size_t length =
      p.text.size() - static_cast<std::size_t>(std::count(p.text.begin(), p.text.end(), '*'));
  if (spec.max_length > 0 && length > spec.max_length) {
    d.error(p.at,
            fmt::format("'{}' is too long for {} of {}: at most {} characters", p.text, spec.what,
                        upper(spec), spec.max_length),
            rule(spec));
    return std::nullopt;
  }
  return item;
}

std::optional<EnvironmentValue> parse_list(const EnvSpec& spec, std::span<const Token> args, Diagnostics& d) {
  auto pieces = split_list(spec, args, d);
  if (!pieces) return std::nullopt;
  ItemList list;
  bool ok = true;
  for (const auto& p : *pieces) {
    auto item = parse_item(spec, p, pieces->size() == 1, d);
    if (item)
      list.items.push_back(std::move(*item));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return EnvironmentValue{std::move(list)};
}

std::optional<EnvironmentValue> parse_word(const EnvSpec& spec, std::span<const Token> args, Context context,
                                           Diagnostics& d) {
  const Token& t = args[0];
  if (args.size() > 1 || t.text.find(',') != std::string_view::npos) {
    const std::size_t comma = t.text.find(',');
    d.error(args.size() > 1 && comma == std::string_view::npos ? args[1].at : shifted(t.at, comma),
            fmt::format("{} takes only one value: {}", upper(spec), spec.what), rule(spec));
    return std::nullopt;
  }
  if (!is_allowed_word(spec, t.text)) {
    d.error(t.at, fmt::format("unknown value '{}': {} expects {}", t.text, upper(spec), spec.what),
            rule(spec));
    return std::nullopt;
  }
  if (spec.keyword == EnvKeyword::bull_type && context == Context::subscription &&
      istarts_with(t.text, "idc_")) {
    d.error(t.at,
            fmt::format(
                "'{}' is a one-off screening of request messages (4.7.8): a subscription names a standard "
                "bulletin or a national bulletin NEB_<id> / NSEB_<id>",
                t.text),
            "5.5.5");
    return std::nullopt;
  }
  return EnvironmentValue{Word{std::string(t.text)}};
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  std::string_view s = text;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  std::size_t digits = 0, dots = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c == '.')
      ++dots;
    else
      return std::nullopt;
  }
  if (digits == 0 || dots > 1) return std::nullopt;
  return parse_real(text);
}

bool is_allowed_word(const EnvSpec& spec, std::string_view word) {
  for (auto w : spec.words)
    if (iequals(w, word)) return true;
  for (auto prefix : spec.word_prefixes)
    if (word.size() > prefix.size() && istarts_with(word, prefix)) return true;
  return false;
}

bool is_national_bulletin(std::string_view bulletin) {
  return (bulletin.size() > 4 && istarts_with(bulletin, "neb_")) ||
         (bulletin.size() > 5 && istarts_with(bulletin, "nseb_"));
}

std::optional<EnvironmentValue> parse_environment_value(const EnvSpec& spec, std::span<const Token> args,
                                                        Position keyword, Context context, Diagnostics& d) {
  if (spec.kind == EnvKind::flag) {
    if (!args.empty()) {
      d.error(args[0].at, fmt::format("unexpected '{}': {} takes no argument", args[0].text, upper(spec)),
              rule(spec));
      return std::nullopt;
    }
    return EnvironmentValue{};
  }
  if (args.empty()) return EnvironmentValue{};  // reset to the default (4.6)
  switch (spec.kind) {
    case EnvKind::list:
      return parse_list(spec, args, d);
    case EnvKind::range:
      return parse_range(spec, args, d);
    case EnvKind::scalar:
      return parse_scalar(spec, args, d);
    case EnvKind::word:
    case EnvKind::relative_to:
      return parse_word(spec, args, context, d);
    case EnvKind::time: {
      auto range = parse_time_range(args, keyword,
                                    {.allow_now_forever = context == Context::subscription,
                                     .allow_partial_date = context == Context::request},
                                    d);
      if (!range) return std::nullopt;
      return EnvironmentValue{std::move(*range)};
    }
    case EnvKind::flag:
      break;
  }
  return std::nullopt;
}

std::string write_environment_value(const EnvironmentValue& value, KeywordCase style) {
  std::string out;
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, ItemList>) {
          for (std::size_t i = 0; i < v.items.size(); ++i) {
            if (i > 0) out += ", ";
            out += v.items[i].text;
          }
        } else if constexpr (std::is_same_v<T, NumberRange>) {
          if (v.low) out += v.low->text + ' ';
          append_keyword(out, kToWord, style);
          if (v.high) out += ' ' + v.high->text;
        } else if constexpr (std::is_same_v<T, Number> || std::is_same_v<T, Word>) {
          out += v.text;
        } else if constexpr (std::is_same_v<T, TimeRange>) {
          // Dates and times are digits and punctuation: only the words TO, NOW and FOREVER change case.
          out += style == KeywordCase::upper ? to_upper(write_time_range(v)) : write_time_range(v);
        }
      },
      value);
  return out;
}

const EnvironmentValue& default_value(EnvKeyword keyword) {
  static const auto defaults = [] {
    std::array<EnvironmentValue, kEnvKeywordCount> values{};
    for (const auto& spec : env_specs()) {
      if (spec.default_text.empty()) continue;
      const LogicalLine line(Line{spec.default_text, 1, 0, false});
      const auto tokens = line.tokens();
      Diagnostics ignored;
      auto value = parse_environment_value(spec, tokens, {1, 1}, Context::request, ignored);
      values[static_cast<std::size_t>(spec.keyword)] = std::move(*value);
    }
    return values;
  }();
  return defaults[static_cast<std::size_t>(keyword)];
}

}  // namespace imsgate::ims2::request
