// Pulse height data (7.2): SAMPLEPHD (delivered as SPHDF/SPHDP), BLANKPHD, DETBKPHD, GASBKPHD, CALIBPHD,
// QCPHD and SPIKEPHD of particulate (P), noble gas HPGe (G) and beta-gamma (B) systems, read with the
// validation of Table 57 and the digest's checklist, and written in the columns of Tables 58-79.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/phd_blocks.hpp"

namespace imsgate::ims2::rn {

enum class PhdType {
  sample,
  blank,
  detector_background,
  gas_background,
  calibration,
  quality_control,
  spike
};

// The PHD type of a DATA_TYPE name (case-insensitive): SAMPLEPHD, SPHDF, SPHDP, BLANKPHD, DETBKPHD, GASBKPHD,
// CALIBPHD, QCPHD, SPIKEPHD.
std::optional<PhdType> phd_type(std::string_view data_type);
std::string_view phd_type_name(PhdType type);  // the chapter 7 name: "SAMPLEPHD", ...

// The blocks of a PHD in Table 57's order; `unknown` stands for the next of Phd::verbatim_blocks.
enum class PhdBlockKind {
  comment,
  collection,
  acquisition,
  processing,
  sample,
  g_energy,
  b_energy,
  g_resolution,
  b_resolution,
  g_efficiency,
  roi_limits,
  bg_efficiency,
  g_total_efficiency,
  ratios,
  g_spectrum,
  b_spectrum,
  histogram,
  calibration,
  certificate,
  unknown,
};
std::string_view block_name(PhdBlockKind kind);  // "#g_Energy", ...; "" for unknown

// One product: #Header to the next #Header.
struct Phd {
  PhdHeader header;
  std::optional<PhdComment> comment;
  std::optional<PhdCollection> collection;
  std::optional<PhdAcquisition> acquisition;
  std::optional<PhdProcessing> processing;
  std::optional<PhdSample> sample;
  std::optional<GEnergy> g_energy;
  std::optional<BEnergy> b_energy;
  std::optional<Resolution> g_resolution;
  std::optional<Resolution> b_resolution;
  std::optional<Efficiency> g_efficiency;
  std::optional<RoiLimits> roi_limits;
  std::optional<BgEfficiency> bg_efficiency;
  std::optional<Efficiency> g_total_efficiency;
  std::optional<Ratios> ratios;
  std::optional<Spectrum> g_spectrum;
  std::optional<Spectrum> b_spectrum;
  std::optional<Histogram> histogram;
  std::optional<PhdCalibration> calibration;
  std::optional<Certificate> certificate;
  std::vector<VerbatimBlock> verbatim_blocks;  // unknown blocks (and unreadable known ones), in order
  // The order the blocks were written in after #Header, when it is not Table 57's (empty: Table 57's, with
  // the verbatim blocks last). The writer follows it; blocks it does not list follow in Table 57's order.
  std::vector<PhdBlockKind> order;
  bool operator==(const Phd&) const = default;
};

struct PhdSection {
  PhdType type = PhdType::sample;
  std::vector<Phd> products;
  std::vector<TimePoint> time_stamps;  // TIME_STAMP lines (4.6.45): the first is written after DATA_TYPE, the
                                       // others before the end of the section
  bool operator==(const PhdSection&) const = default;
};

// Reads and validates a PHD section; nothing if the section's type is not a PHD type. Problems are
// diagnostics; the model holds what could be read (a spectrum or histogram always holds exactly the counts
// its header announces, zero where the data were missing).
std::optional<PhdSection> read_phd_section(const DataSection& section, Diagnostics& diagnostics,
                                           Mode mode = Mode::lenient);

// The body after the DATA_TYPE line, in the columns of Tables 58-79; an error names the first value that does
// not fit its field or a line longer than 1,024 characters.
tl::expected<std::string, std::string> write_phd_section(const PhdSection& section);

}  // namespace imsgate::ims2::rn
