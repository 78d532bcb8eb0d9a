// The typed content of an S/H/I data section (chapter 6), read and written by the reader for its DATA_TYPE.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/arrival.hpp"
#include "ims2/shi/auth_status.hpp"
#include "ims2/shi/bulletin.hpp"
#include "ims2/shi/chan_status.hpp"
#include "ims2/shi/channel.hpp"
#include "ims2/shi/comm_status.hpp"
#include "ims2/shi/comment.hpp"
#include "ims2/shi/event.hpp"
#include "ims2/shi/log.hpp"
#include "ims2/shi/network.hpp"
#include "ims2/shi/origin.hpp"
#include "ims2/shi/outage.hpp"
#include "ims2/shi/response.hpp"
#include "ims2/shi/sta_status.hpp"
#include "ims2/shi/station.hpp"
#include "ims2/shi/waveform.hpp"

namespace imsgate::ims2::shi {

// ERROR_LOG has the model of LOG (6.6); the wrapper tells them apart.
struct ErrorLog {
  Log log;
  bool operator==(const ErrorLog&) const = default;
};

using Section =
    std::variant<Waveform, Channel, Network, Station, Response, Arrival, Bulletin, OriginList, EventList,
                 Comment, AuthStatus, ChanStatus, CommStatus, Outage, StaStatus, Log, ErrorLog>;

// The model of a section whose DATA_TYPE is an S/H/I type; nothing for other types (radionuclide data, or
// types this library does not read), which are kept as text.
std::optional<Section> read_section(const DataSection& section, Diagnostics& diagnostics);

// The section body in the spec's layout.
tl::expected<std::string, std::string> write_section(const Section& section);

}  // namespace imsgate::ims2::shi
