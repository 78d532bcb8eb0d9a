#include "ims2/codec/data_lines.hpp"

#include <cstring>
#include <string>

#include <fmt/format.h>

namespace imsgate::ims2::codec::detail {

DataLine data_line(std::string_view text, std::size_t begin) {
  const void* lf = std::memchr(text.data() + begin, '\n', text.size() - begin);
  const std::size_t end =
      lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - text.data()) : text.size();
  std::size_t content_end = end;
  while (content_end > begin && is_padding(text[content_end - 1])) --content_end;
  return {begin, content_end, lf ? end + 1 : end};
}

bool is_chk2_line(std::string_view content) {
  return content.size() > 4 && content.substr(0, 4) == "CHK2" && (content[4] == ' ' || content[4] == '\t');
}

std::size_t skip_blank_lines(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const DataLine line = data_line(text, pos);
    if (line.content_end != line.begin) break;
    pos = line.next;
  }
  return pos;
}

tl::expected<std::size_t, CodecError> finish_data(std::string_view text, std::size_t pos, std::size_t count,
                                                  std::string_view subformat, std::string_view rule) {
  while (pos < text.size() && text[pos] != '\n') {
    if (!is_padding(text[pos])) {
      return tl::unexpected(
          CodecError{CodecErrc::trailing_data, pos, count,
                     fmt::format("{} data continue after the {} samples announced ({} here)", subformat,
                                 count, quote_char(text[pos])),
                     rule});
    }
    ++pos;
  }
  if (pos < text.size()) ++pos;
  return skip_blank_lines(text, pos);
}

CodecError data_end_error(std::string_view subformat, std::size_t offset, std::size_t decoded,
                          std::size_t announced, std::string_view rule, std::string_view why) {
  std::string message =
      fmt::format("{} data end after {} of the {} samples announced", subformat, decoded, announced);
  if (!why.empty()) fmt::format_to(std::back_inserter(message), " ({})", why);
  return CodecError{CodecErrc::data_end, offset, decoded, std::move(message), rule};
}

std::string quote_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7F) return fmt::format("'{}'", c);
  if (c == ' ') return "a blank";
  return fmt::format("byte 0x{:02X}", u);
}

}  // namespace imsgate::ims2::codec::detail
