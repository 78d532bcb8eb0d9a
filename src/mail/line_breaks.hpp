// Line breaks inside the mail layer (not part of its API): CRLF for what is signed and sent, LF for the text.
#pragma once

#include <string>
#include <string_view>

namespace imsgate::mail {

// Every LF not already after a CR gets one.
inline std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32 + 2);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) lf = text.size();
    out.append(text.substr(pos, lf - pos));
    if (lf == text.size()) break;
    if (lf == 0 || text[lf - 1] != '\r') out += '\r';
    out += '\n';
    pos = lf + 1;
  }
  return out;
}

// Every CRLF becomes LF; a lone CR stays.
inline std::string to_lf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t crlf = text.find("\r\n", pos);
    if (crlf == std::string_view::npos) crlf = text.size();
    out.append(text.substr(pos, crlf - pos));
    if (crlf == text.size()) break;
    out += '\n';
    pos = crlf + 2;
  }
  return out;
}

}  // namespace imsgate::mail
