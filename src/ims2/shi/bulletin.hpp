// BULLETIN data type (6.4.2, Tables 39-45), IMS1.0 and IMS2.0, short and long: bulletin title and per event
// its title, origin block, phase block, and event screening and characterization blocks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/bulletin_blocks.hpp"

namespace imsgate::ims2::shi {

// The layout a bulletin was read in, and is written back in.
enum class BulletinLayout { ims, gse2 };

struct Bulletin {
  std::optional<TimePoint> time_stamp;  // TIME_STAMP line before the title (example I.7)
  std::string title;
  std::vector<BulletinEvent> events;
  std::optional<TimePoint> end_time_stamp;  // TIME_STAMP line after the last event
  BulletinLayout layout = BulletinLayout::ims;
  bool operator==(const Bulletin&) const = default;
};

// Reads IMS1.0/IMS2.0 bulletins, and GSE2.0 bulletins (see gse_bulletin.hpp) into the same model.
Bulletin read_bulletin(const DataSection& section, Diagnostics& diagnostics);
// In the bulletin's layout: GSE2.0 for one read from a GSE2.0 section, else IMS2.0. A GSE2.0 bulletin is
// converted by setting its layout to IMS2.0.
tl::expected<std::string, std::string> write_bulletin(const Bulletin& bulletin);

}  // namespace imsgate::ims2::shi
