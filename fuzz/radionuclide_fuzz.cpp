// The radionuclide readers on arbitrary section bodies, for each of their DATA_TYPE names; the reader/writer
// promise of section_fuzz.hpp checked on what reads cleanly.
#include <cstdlib>

#include "ims2/rn/section.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imsgate::ims2;
  static constexpr const char* kTypes[] = {
      "SAMPLEPHD", "BLANKPHD", "DETBKPHD", "GASBKPHD",   "CALIBPHD", "QCPHD", "SPIKEPHD", "RLR",  "LABSDN",
      "SAMACK",    "RMSSOH",   "MET",      "ALERT_FLOW", "ARR",      "RRR",   "SSREB",    "RNPS", "SAMPML"};
  if (size == 0) return 0;
  DataSection section;
  section.header.type = kTypes[data[0] % std::size(kTypes)];
  section.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  section.line.number = 1;
  Diagnostics first;
  auto model = rn::read_section(section, first);
  if (!model || !first.empty()) return 0;
  auto written = rn::write_section(*model);
  if (!written) return 0;  // a value the layout cannot hold is the writer's error to report
  DataSection again = section;
  again.body = *written;
  Diagnostics second;
  auto reread = rn::read_section(again, second);
  if (!reread || second.has_errors() || *reread != *model) std::abort();
  return 0;
}
