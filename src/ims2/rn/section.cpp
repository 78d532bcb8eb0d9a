#include "ims2/rn/section.hpp"

#include <array>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

// Each family's reader answers nothing for a type that is not its own.
template <class Reader>
bool try_family(Reader reader, const DataSection& section, Diagnostics& diagnostics, Mode mode,
                std::optional<Section>& out) {
  if (out) return true;
  if (auto model = reader(section, diagnostics, mode)) out = std::move(*model);
  return out.has_value();
}

}  // namespace

bool is_radionuclide_type(std::string_view type) {
  static constexpr std::array kOthers = {"RLR",    "RMSSOH", "MET",     "ARR",    "RRR",    "SSREB",
                                         "RNPS",   "SAMPML", "REVSAMP", "ADDINS", "MESACK", "MISC",
                                         "SAMACK", "TECSDN", "DATREQ",  "LABSDN", "PRESDN"};
  if (phd_type(type) || istarts_with(type, "ALERT_")) return true;
  for (const char* name : kOthers)
    if (iequals(type, name)) return true;
  return false;
}

std::optional<Section> read_section(const DataSection& section, Diagnostics& diagnostics, Mode mode) {
  std::optional<Section> out;
  try_family(read_phd_section, section, diagnostics, mode, out) ||
      try_family(read_rlr_section, section, diagnostics, mode, out) ||
      try_family(read_lab_message_section, section, diagnostics, mode, out) ||
      try_family(read_rmssoh_section, section, diagnostics, mode, out) ||
      try_family(read_met_section, section, diagnostics, mode, out) ||
      try_family(read_alert_section, section, diagnostics, mode, out) ||
      try_family(read_report_section, section, diagnostics, mode, out) ||
      try_family(read_ssreb_section, section, diagnostics, mode, out) ||
      try_family(read_rnps_section, section, diagnostics, mode, out) ||
      try_family(read_sampml_section, section, diagnostics, mode, out);
  return out;
}

tl::expected<std::string, std::string> write_section(const Section& section) {
  return std::visit(
      [](const auto& model) -> tl::expected<std::string, std::string> {
        using T = std::decay_t<decltype(model)>;
        if constexpr (std::is_same_v<T, PhdSection>) return write_phd_section(model);
        if constexpr (std::is_same_v<T, RlrSection>) return write_rlr_section(model);
        if constexpr (std::is_same_v<T, LabMessageSection>) return write_lab_message_section(model);
        if constexpr (std::is_same_v<T, RmssohSection>) return write_rmssoh_section(model);
        if constexpr (std::is_same_v<T, MetSection>) return write_met_section(model);
        if constexpr (std::is_same_v<T, AlertSection>) return write_alert_section(model);
        if constexpr (std::is_same_v<T, RadionuclideReport>) return write_report_section(model);
        if constexpr (std::is_same_v<T, Ssreb>) return write_ssreb_section(model);
        if constexpr (std::is_same_v<T, Rnps>) return write_rnps_section(model);
        if constexpr (std::is_same_v<T, SampleMl>) return write_sampml_section(model);
      },
      section);
}

}  // namespace imsgate::ims2::rn
