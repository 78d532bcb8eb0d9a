#include "ims2/free_format.hpp"

#include "ims2/text.hpp"

namespace imsgate::ims2 {

LogicalLine::LogicalLine(const Line& line) : view_(line.text), pieces_{{0, line.number}} {}

void LogicalLine::continue_with(const Line& line) {
  if (joined_.empty()) joined_.assign(view_);
  joined_.pop_back();  // the backslash is a physical character, not part of the logical line
  pieces_.push_back({joined_.size(), line.number});
  joined_.append(line.text);
}

Position LogicalLine::position(std::size_t offset) const {
  const Piece* piece = &pieces_.front();
  for (const auto& p : pieces_)
    if (p.offset <= offset) piece = &p;
  return {piece->line, static_cast<int>(offset - piece->offset) + 1};
}

std::vector<Token> LogicalLine::tokens() const {
  std::vector<Token> out;
  const std::string_view s = text();
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_blank(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_blank(s[i])) ++i;
    if (i > start) out.push_back({s.substr(start, i - start), position(start)});
  }
  return out;
}

std::string_view rest_after_first_token(std::string_view text) {
  text = trim(text);
  std::size_t i = 0;
  while (i < text.size() && !is_blank(text[i])) ++i;
  return trim(text.substr(i));
}

}  // namespace imsgate::ims2
