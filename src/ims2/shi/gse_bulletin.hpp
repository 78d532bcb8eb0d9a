// GSE2.0 bulletins of real archives (the layout IMS2.0's BULLETIN grew from): two-line origins with up to
// three magnitudes, a region line, and phase lines with their own dates. Read into the IMS2.0 bulletin model
// (its layout says GSE2.0), and written back in the columns of the GSE_IDC files.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/bulletin.hpp"

namespace imsgate::ims2::shi {

// The section is a GSE2.0 bulletin: its format says GSE2.x, or it has the GSE2.0 origin column titles.
bool is_gse_bulletin(const DataSection& section);

Bulletin read_gse_bulletin(const DataSection& section, Diagnostics& diagnostics);

// The section body. What the GSE2.0 layout has no place for (TIME_STAMP lines, comments, screening blocks,
// a fourth magnitude of an origin, a third of a phase...) is an error, as is anything the reader would read
// back differently.
tl::expected<std::string, std::string> write_gse_bulletin(const Bulletin& bulletin);

}  // namespace imsgate::ims2::shi
