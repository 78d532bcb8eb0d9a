// The IDC radionuclide reports ARR (7.8.1) and RRR (7.8.2): particulate, beta-gamma and HPGe noble gas, read
// from and written to their plain text, and written as a self-contained HTML document.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/arr_noble_gas.hpp"
#include "ims2/rn/arr_particulate.hpp"
#include "ims2/rn/block.hpp"

namespace imsgate::ims2::rn {

enum class ReportKind { automatic, reviewed };  // ARR or RRR
enum class ReportVariant { particulate, beta_gamma, hpge };

struct RadionuclideReport {
  ReportKind kind = ReportKind::automatic;
  ReportVariant variant = ReportVariant::particulate;
  std::vector<TimePoint>
      time_stamps;  // TIME_STAMP lines (4.6.45): the first before the report, the rest after
  std::variant<ParticulateReport, NobleGasReport> body;  // ParticulateReport exactly when particulate
  bool operator==(const RadionuclideReport&) const = default;
};

// Reads a DATA_TYPE ARR or RRR section; nothing for any other data type. Layout problems, numbers that are
// not numbers and missing sections are errors; the relations between printed values (DIGEST §4.1-4.3 [V]),
// section order and untyped lines (kept verbatim) are deviations (warnings when lenient).
std::optional<RadionuclideReport> read_report_section(const DataSection& section, Diagnostics& diagnostics,
                                                      Mode mode = Mode::lenient);

// The section body as plain text (the lines after the DATA_TYPE line), in the columns of Tables 138-147 and
// 159-161 for particulate reports and in the layout of the examples I.2.1/I.2.3 for noble gas reports.
tl::expected<std::string, std::string> write_report_section(const RadionuclideReport& report);

// A whole HTML document with the same content: title lines bold and centred, the sample information as a
// 4-column grid, every table as an HTML table; text escaped.
tl::expected<std::string, std::string> write_report_html(const RadionuclideReport& report);

}  // namespace imsgate::ims2::rn
