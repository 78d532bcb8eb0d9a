#include "ims2/shi/free_text.hpp"

#include "ims2/text.hpp"

namespace imsgate::ims2::shi::layout {

std::vector<std::string> read_free_text(const std::vector<Line>& lines, Diagnostics& diagnostics,
                                        std::string_view rule) {
  std::vector<std::string> out;
  for (const Line& line : lines) {
    const std::string_view text = trim_right(line.text);
    if (text.empty()) {
      out.emplace_back();
    } else if (is_blank(text[0])) {
      out.emplace_back(text.substr(1));
    } else {
      diagnostics.warning({line.number, 1}, "a free-format line should begin with a blank",
                          std::string(rule));
      out.emplace_back(text);
    }
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::string write_free_text(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!line.empty()) out += ' ';
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace imsgate::ims2::shi::layout
