// EVENT data type (6.4.4): a bulletin title, then per event its title line (as in example I.17) and origin
// block.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/bulletin_blocks.hpp"

namespace imsgate::ims2::shi {

// The events of an EVENT section carry no phases and no kept blocks.
struct EventList {
  std::string title;
  std::vector<BulletinEvent> events;
  bool operator==(const EventList&) const = default;
};

EventList read_event(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_event(const EventList& events);

}  // namespace imsgate::ims2::shi
