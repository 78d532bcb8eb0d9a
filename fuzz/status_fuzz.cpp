// Fuzzes the status reader family of S/H/I data sections (see section_fuzz.hpp).
#include "section_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  imsgate::fuzz::check_section(
      data, size,
      {"AUTH_STATUS", "CHAN_STATUS", "COMM_STATUS", "OUTAGE", "STA_STATUS", "COMMENT", "LOG", "ERROR_LOG"});
  return 0;
}
