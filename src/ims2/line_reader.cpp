#include "ims2/line_reader.hpp"

#include <algorithm>

namespace imsgate::ims2 {

std::optional<Line> LineReader::peek() const {
  std::size_t next_pos = 0;
  return line_at(next_pos);
}

std::optional<Line> LineReader::line_at(std::size_t& next_pos) const {
  if (pos_ >= input_.size()) return std::nullopt;
  const std::size_t end = input_.find('\n', pos_);
  const std::size_t stop = end == std::string_view::npos ? input_.size() : end;
  next_pos = end == std::string_view::npos ? input_.size() : end + 1;
  Line line{input_.substr(pos_, stop - pos_), number_ + 1, pos_, false};
  // CR LF ends a line; stray CRs before it are dropped too, so that what is written reads back the same.
  while (!line.text.empty() && line.text.back() == '\r') {
    line.text.remove_suffix(1);
    line.crlf = true;
  }
  return line;
}

std::optional<Line> LineReader::next() {
  std::size_t next_pos = 0;
  auto line = line_at(next_pos);  // one scan for the line's end
  if (!line) return std::nullopt;
  pos_ = next_pos;
  ++number_;
  return line;
}

void LineReader::advance(std::size_t bytes) {
  std::size_t end = std::min(input_.size(), pos_ + bytes);
  // A consumed part that ends inside a line takes the rest of that line with it.
  if (end > pos_ && input_[end - 1] != '\n') {
    const std::size_t newline = input_.find('\n', end);
    end = newline == std::string_view::npos ? input_.size() : newline + 1;
  }
  number_ += static_cast<int>(std::count(input_.begin() + pos_, input_.begin() + end, '\n'));
  if (end == input_.size() && end > pos_ && input_[end - 1] != '\n') ++number_;
  pos_ = end;
}

}  // namespace imsgate::ims2
