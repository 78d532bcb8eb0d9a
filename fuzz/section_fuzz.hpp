// One fuzz input as a data section of one of a family's types, and the reader/writer promise checked on it: a
// section read cleanly (no error, no warning) is written, and what is written reads back to the same model
// without errors (GSE2.0 bulletins in their own layout, which marks them as GSE2.0 again). Input read with
// warnings went through a tolerant path (fields by position, unknown lines kept as written) whose canonical
// rewrite need not read back the same, so it is only read, for crashes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

#include "ims2/shi/section.hpp"

namespace imsgate::fuzz {

inline void check_section(const std::uint8_t* data, std::size_t size,
                          std::initializer_list<const char*> types) {
  if (size == 0) return;
  ims2::DataSection section;
  section.header.type = types.begin()[data[0] % types.size()];
  section.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  section.line.number = 1;
  ims2::Diagnostics first;
  auto model = ims2::shi::read_section(section, first);
  if (!model || !first.empty()) return;
  auto written = ims2::shi::write_section(*model);
  if (!written) return;  // a value the layout cannot hold is the writer's error to report, not a failure
  ims2::DataSection again = section;
  again.body = *written;
  ims2::Diagnostics second;
  auto reread = ims2::shi::read_section(again, second);
  if (!reread || second.has_errors() || *reread != *model) std::abort();
}

}  // namespace imsgate::fuzz
