#include "ims2/shi/layout_read.hpp"

namespace imsgate::ims2::shi {

bool is_elision_mark(std::string_view line) {
  const std::string_view t = trim(line);
  return t == ":" || t == "." || t == "..." || t == "\xE2\x8B\xAE";
}

bool is_column_title(std::string_view line, std::string_view header, std::size_t words) {
  const auto a = split_tokens(line);
  const auto b = split_tokens(header);
  if (a.size() < words || b.size() < words) return false;
  for (std::size_t i = 0; i < words; ++i)
    if (!iequals(a[i].text, b[i].text)) return false;
  return true;
}

}  // namespace imsgate::ims2::shi
