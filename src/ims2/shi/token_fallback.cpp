#include "ims2/shi/token_fallback.hpp"

#include <algorithm>
#include <limits>

#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_date(std::string_view t) {
  return t.size() == 10 && t[4] == '/' && t[7] == '/' && all_digits(t.substr(0, 4)) &&
         all_digits(t.substr(5, 2)) && all_digits(t.substr(8, 2));
}

bool is_time(std::string_view t) {
  if (t.size() < 8 || t[2] != ':' || t[5] != ':') return false;
  if (!all_digits(t.substr(0, 2)) || !all_digits(t.substr(3, 2)) || !all_digits(t.substr(6, 2))) return false;
  return t.size() == 8 || (t[8] == '.' && all_digits(t.substr(9)));
}

bool is_flags(std::string_view t) {
  if (t.size() != 3) return false;
  for (char c : t) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && c != '_' && c != '-') return false;
  }
  return true;
}

bool fits(std::string_view t, TokenClass c) {
  switch (c) {
    case TokenClass::any:
      return !is_date(t) && !is_time(t);
    case TokenClass::word:
      return !is_date(t) && !is_time(t) && !parse_real(t);
    case TokenClass::number:
      return parse_real(t).has_value();
    case TokenClass::date:
      return is_date(t);
    case TokenClass::time:
      return is_time(t);
    case TokenClass::flags:
      return is_flags(t);
    case TokenClass::bound:
      return t == "<" || t == ">";
    case TokenClass::letter:
      return t.size() == 1 && ((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z'));
  }
  return false;
}

}  // namespace

bool token_is(std::string_view token, TokenClass c) {
  return fits(token, c);
}

namespace {

constexpr int kNone = std::numeric_limits<int>::max();

}  // namespace

std::vector<Token> split_tokens(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_blank(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !is_blank(line[i])) ++i;
    if (i > start) tokens.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return tokens;
}

std::optional<std::string> realign_tokens(std::string_view line, std::span<const TokenSlot> slots) {
  std::vector<Token> tokens;
  for (const Token& t : split_tokens(line)) {
    const std::string_view head = t.text.substr(0, t.text.size() - 1);
    if (t.text.size() > 1 && fits(t.text.substr(t.text.size() - 1), TokenClass::letter) && parse_real(head)) {
      tokens.push_back({head, t.column});
      tokens.push_back({t.text.substr(t.text.size() - 1), t.column + static_cast<int>(head.size())});
    } else {
      tokens.push_back(t);
    }
  }
  const std::size_t n = slots.size();
  const std::size_t m = tokens.size();
  // cost[i][j]: least cost of assigning tokens j.. to slots i..; ways[i][j]: how many assignments reach it
  // (max 2).
  std::vector<std::vector<int>> cost(n + 1, std::vector<int>(m + 1, kNone));
  std::vector<std::vector<int>> ways(n + 1, std::vector<int>(m + 1, 0));
  cost[n][m] = 0;
  ways[n][m] = 1;
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      int best = kNone;
      int count = 0;
      auto consider = [&](int c, int w) {
        if (c == kNone || w == 0) return;
        if (c < best) {
          best = c;
          count = w;
        } else if (c == best) {
          count = std::min(2, count + w);
        }
      };
      if (j < m && fits(tokens[j].text, slots[i].token)) consider(cost[i + 1][j + 1], ways[i + 1][j + 1]);
      if (slots[i].skip_cost >= 0 && cost[i + 1][j] != kNone)
        consider(cost[i + 1][j] + slots[i].skip_cost, ways[i + 1][j]);
      cost[i][j] = best;
      ways[i][j] = count;
    }
  }
  if (cost[0][0] == kNone || ways[0][0] != 1) return std::nullopt;

  std::string out;
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const bool take = j < m && fits(tokens[j].text, slots[i].token) && cost[i + 1][j + 1] != kNone &&
                      ways[i + 1][j + 1] > 0 && cost[i + 1][j + 1] == cost[i][j];
    if (!take) continue;
    const Field& f = *slots[i].field;
    const std::string_view t = tokens[j++].text;
    if (static_cast<int>(t.size()) > f.width()) return std::nullopt;
    if (out.size() < static_cast<std::size_t>(f.last)) out.resize(static_cast<std::size_t>(f.last), ' ');
    const bool right = f.kind != Field::Kind::text || slots[i].token == TokenClass::date;
    const std::size_t start =
        right ? static_cast<std::size_t>(f.last) - t.size() : static_cast<std::size_t>(f.first - 1);
    out.replace(start, t.size(), t);
  }
  return out;
}

bool fits_columns(std::string_view line, std::span<const TokenSlot> slots) {
  std::vector<bool> covered(line.size(), false);
  for (const TokenSlot& s : slots)
    for (int c = s.field->first; c <= s.field->last && c <= static_cast<int>(line.size()); ++c)
      covered[static_cast<std::size_t>(c - 1)] = true;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (!is_blank(line[i]) && !covered[i]) return false;
  return true;
}

}  // namespace imsgate::ims2::shi
