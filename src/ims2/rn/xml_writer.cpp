#include "ims2/rn/xml_writer.hpp"

#include <cstdint>
#include <optional>

#include <fmt/format.h>

namespace imsgate::ims2::rn {
namespace {

// The code point of the UTF-8 sequence at text[i], advancing i; nothing for a malformed sequence.
std::optional<std::uint32_t> next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t b0 = byte(i);
  int length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return std::nullopt;
  std::uint32_t cp = length == 1 ? b0 : (b0 & (0x7F >> length));
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += length;
  return cp;
}

bool is_xml_char(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
}

}  // namespace

std::string XmlWriter::escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = next_code_point(text, i);
    if (!cp || !is_xml_char(*cp)) {
      if (error_.empty()) error_ = fmt::format("'{}' holds a character that XML cannot hold", text);
      ++i;
      continue;
    }
    switch (*cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        out += "&#13;";
        break;  // a literal CR would be read as a line end
      default:
        if (*cp < 0x80) {
          out += static_cast<char>(*cp);
        } else {
          out += fmt::format("&#{};", *cp);
        }
    }
  }
  return out;
}

void XmlWriter::indent() {
  out_.append(2 * open_.size(), ' ');
}

void XmlWriter::start_tag(std::string_view name, const XmlAttributes& attributes, bool empty) {
  indent();
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) out_ += fmt::format(" {}=\"{}\"", key, escape(value));
  out_ += empty ? "/>" : ">";
}

void XmlWriter::open(std::string_view name, const XmlAttributes& attributes) {
  start_tag(name, attributes, false);
  out_ += '\n';
  open_.emplace_back(name);
}

void XmlWriter::close() {
  if (open_.empty()) return;
  const std::string name = std::move(open_.back());
  open_.pop_back();
  indent();
  out_ += fmt::format("</{}>\n", name);
}

void XmlWriter::leaf(std::string_view name, std::string_view text, const XmlAttributes& attributes) {
  if (text.empty()) {
    start_tag(name, attributes, true);
  } else {
    start_tag(name, attributes, false);
    out_ += escape(text);
    out_ += fmt::format("</{}>", name);
  }
  out_ += '\n';
}

void XmlWriter::line(std::string_view markup) {
  indent();
  out_ += markup;
  out_ += '\n';
}

void XmlWriter::raw(std::string_view xml) {
  indent();
  out_ += xml;
  out_ += '\n';
}

tl::expected<std::string, std::string> XmlWriter::finish() {
  while (!open_.empty()) close();
  if (!error_.empty()) return tl::unexpected(error_);
  return std::move(out_);
}

}  // namespace imsgate::ims2::rn
