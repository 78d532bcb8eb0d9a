#include "ims2/command/pem.hpp"

#include "ims2/text.hpp"

namespace imsgate::ims2::command {
namespace {

constexpr std::string_view kDashes = "-----";

std::optional<std::string_view> boundary_label(std::string_view line, std::string_view word) {
  line = trim(line);
  if (!line.starts_with(kDashes) || !line.ends_with(kDashes)) return std::nullopt;
  line = line.substr(kDashes.size());
  if (line.size() < word.size() + kDashes.size() || !line.starts_with(word)) return std::nullopt;
  line.remove_prefix(word.size());
  line.remove_suffix(kDashes.size());
  // The label follows one blank. RFC 7468 allows an empty label, but no object of chapter 8 has one.
  if (line.size() < 2 || line.front() != ' ') return std::nullopt;
  return line.substr(1);
}

}  // namespace

std::optional<std::string_view> pem_begin_label(std::string_view line) {
  return boundary_label(line, "BEGIN");
}
std::optional<std::string_view> pem_end_label(std::string_view line) {
  return boundary_label(line, "END");
}

}  // namespace imsgate::ims2::command
