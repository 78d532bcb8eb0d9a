#include "ims2/shi/log.hpp"

#include "ims2/shi/free_text.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {

Log read_log(const DataSection& section, Diagnostics& diagnostics) {
  return {layout::read_free_text(section_lines(section), diagnostics, "6.6.2")};
}

Log read_error_log(const DataSection& section, Diagnostics& diagnostics) {
  return {layout::read_free_text(section_lines(section), diagnostics, "6.6.1")};
}

tl::expected<std::string, std::string> write_log(const Log& log) {
  return layout::write_free_text(log.lines);
}

tl::expected<std::string, std::string> write_error_log(const Log& log) {
  return write_log(log);
}

}  // namespace imsgate::ims2::shi
