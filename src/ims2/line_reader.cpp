#include "ims2/line_reader.hpp"

namespace imsgate::ims2 {

std::optional<Line> LineReader::peek() const {
  if (pos_ >= input_.size()) return std::nullopt;
  const std::size_t end = input_.find('\n', pos_);
  const std::size_t stop = end == std::string_view::npos ? input_.size() : end;
  Line line{input_.substr(pos_, stop - pos_), number_ + 1, pos_, false};
  // CR LF ends a line; stray CRs before it are dropped too, so that what is written reads back the same.
  while (!line.text.empty() && line.text.back() == '\r') {
    line.text.remove_suffix(1);
    line.crlf = true;
  }
  return line;
}

std::optional<Line> LineReader::next() {
  auto line = peek();
  if (!line) return std::nullopt;
  const std::size_t end = input_.find('\n', pos_);
  pos_ = end == std::string_view::npos ? input_.size() : end + 1;
  ++number_;
  return line;
}

}  // namespace imsgate::ims2
