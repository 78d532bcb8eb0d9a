// Fuzzes the station reader family of S/H/I data sections (see section_fuzz.hpp).
#include "section_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  imsgate::fuzz::check_section(data, size, {"CHANNEL", "NETWORK", "STATION", "RESPONSE"});
  return 0;
}
