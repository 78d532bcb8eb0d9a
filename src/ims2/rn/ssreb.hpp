// SSREB, the Standard Screened Radionuclide Event Bulletin (7.8.3, Tables 162-163; examples I.37, I.38):
// particulate (fixed columns) and noble gas (plain text and HTML, the same content).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/report_text.hpp"

namespace imsgate::ims2::rn {

enum class SsrebKind { particulate, noble_gas };

// Particulate: one row of the Event Detection Summary (Table 162 rec 5), one per nuclide that caused the
// event.
struct SsrebDetection {
  std::string station;
  std::optional<TimePoint> collection_stop;
  std::optional<std::int64_t> sample_id;
  std::string nuclide;
  std::string comment;  // categorization comment
  bool operator==(const SsrebDetection&) const = default;
};

// Particulate event screening flags (Table 162 rec 6-12); the numbers only follow a Yes.
struct SsrebParticulateFlags {
  std::optional<bool> activation_products;
  std::optional<std::int64_t> days_since_activation_product;
  std::optional<bool> one_fission_product;
  std::optional<std::int64_t> days_since_fission_product;
  std::optional<bool> fission_products;  // 2 or more
  std::optional<bool> cs137;
  std::optional<std::int64_t> cs137_times_seen;  // in the last 30 days
  bool operator==(const SsrebParticulateFlags&) const = default;
};

// Noble gas: the Sample Information block.
struct SsrebSample {
  std::string station;
  std::string detector;
  std::optional<std::int64_t> sample_id;
  std::string sample_reference_id;
  std::optional<TimePoint> collection_stop;
  bool operator==(const SsrebSample&) const = default;
};

// Noble gas: one row of the isotope category table of the Measurement Categorization block.
struct SsrebIsotope {
  std::string isotope;  // "Xe-133m"
  std::optional<bool> detected;
  std::optional<double> abnormal_threshold;  // mBq/m3
  std::string comment;
  bool operator==(const SsrebIsotope&) const = default;
};

// Noble gas: an event screening flag row as printed ("Name  YES/NO/Value"); the rows are those of the RRR,
// whose wording varies between reports.
struct SsrebFlag {
  std::string name;
  std::string value;
  bool operator==(const SsrebFlag&) const = default;
};

// Noble gas: a row of the isotopic ratio table (Table 163).
struct SsrebRatio {
  std::string ratio;  // "Xe-133m/131m"
  std::optional<double> value;
  std::optional<bool> exceeds;  // YES/NO
  std::string test;             // "Xe-133m/131m > 2"
  bool operator==(const SsrebRatio&) const = default;
};

struct Ssreb {
  SsrebKind kind = SsrebKind::particulate;
  std::optional<TimePoint> creation_date;
  std::optional<ReportDuration> time_difference;  // between receipt of the raw data and creation
  std::optional<std::int64_t> fission_product_id;
  std::optional<bool> authenticated;

  // Particulate Event Detection Summary.
  std::vector<SsrebDetection> detections;
  SsrebParticulateFlags particulate_flags;

  // Noble gas Event Detection Summary.
  SsrebSample sample;
  std::vector<SsrebIsotope> isotopes;
  std::string sample_category;              // "C"
  std::string sample_category_description;  // "Abnormal xenon concentration"
  std::vector<SsrebFlag> flags;
  std::vector<SsrebRatio> ratios;

  // The free-text sections, line by line, without their indentation.
  std::vector<std::string> field_of_regard;         // the URL
  std::vector<std::string> laboratory_results;      // #Header and #Conclusions of the RLR
  std::vector<std::string> additional_information;  // SSREB editor text

  // Lines of the title part and of the Event Detection Summary that fit no item: kept verbatim (trimmed) and
  // written at the end of the Event Detection Summary.
  std::vector<std::string> other_lines;
  std::vector<TimePoint> time_stamps;  // TIME_STAMP lines: the first is written first, the others last
  bool operator==(const Ssreb&) const = default;
};

// Nothing unless the section's DATA_TYPE is SSREB.
std::optional<Ssreb> read_ssreb_section(const DataSection& section, Diagnostics& diagnostics,
                                        Mode mode = Mode::lenient);
// The section body (after the DATA_TYPE line), as I.38 (particulate) or I.37.1 (noble gas) lay it out.
tl::expected<std::string, std::string> write_ssreb_section(const Ssreb& ssreb);
// A self-contained XHTML page with every value of the model (7.8.3.2: the HTML form of the noble gas SSREB;
// written for particulate bulletins too).
tl::expected<std::string, std::string> write_ssreb_html(const Ssreb& ssreb);

}  // namespace imsgate::ims2::rn
