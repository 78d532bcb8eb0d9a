// ORIGIN data type (6.4.5): origin blocks (origin, magnitude and comment sub-blocks of Table 42) after an
// optional bulletin title.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/bulletin_blocks.hpp"

namespace imsgate::ims2::shi {

struct OriginList {
  std::string title;  // bulletin title line (Table 40); empty if the section has none
  std::vector<OriginBlock> blocks;
  bool operator==(const OriginList&) const = default;
};

OriginList read_origin(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_origin(const OriginList& origins);

}  // namespace imsgate::ims2::shi
