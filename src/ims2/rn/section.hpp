// The typed content of a radionuclide data section (chapter 7), read and written by the reader for its
// DATA_TYPE.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/alert.hpp"
#include "ims2/rn/arr.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/lab_message.hpp"
#include "ims2/rn/met.hpp"
#include "ims2/rn/phd.hpp"
#include "ims2/rn/rlr.hpp"
#include "ims2/rn/rmssoh.hpp"
#include "ims2/rn/rnps.hpp"
#include "ims2/rn/sampml.hpp"
#include "ims2/rn/ssreb.hpp"

namespace imsgate::ims2::rn {

using Section = std::variant<PhdSection, RlrSection, LabMessageSection, RmssohSection, MetSection,
                             AlertSection, RadionuclideReport, Ssreb, Rnps, SampleMl>;

// True for the DATA_TYPE names of chapter 7 (and the IDC's SPHDF/SPHDP), whatever their case.
bool is_radionuclide_type(std::string_view data_type);

// The model of a radionuclide section; nothing for other types.
std::optional<Section> read_section(const DataSection& section, Diagnostics& diagnostics,
                                    Mode mode = Mode::lenient);

// The section body in the spec's layout (plain text for the IDC's reports).
tl::expected<std::string, std::string> write_section(const Section& section);

}  // namespace imsgate::ims2::rn
