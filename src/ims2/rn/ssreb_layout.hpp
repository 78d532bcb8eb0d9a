// The labels and columns of the SSREB (Table 162; I.37.1 and I.38), shared by its text and HTML writers and
// its reader.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "ims2/fixed_format.hpp"
#include "ims2/rn/ssreb.hpp"

namespace imsgate::ims2::rn::ssreb_layout {

inline constexpr std::string_view kRule = "7.8.3";
inline constexpr std::string_view kRuleParticulate = "7.8.3.1";
inline constexpr std::string_view kRuleNobleGas = "7.8.3.2";

inline constexpr std::string_view kTitleIdc = "IDC Generated Report";
inline constexpr std::string_view kTitleBulletin = "STANDARD SCREENED RADIONUCLIDE EVENT BULLETIN";
inline constexpr std::string_view kCreation = "Creation Date";
inline constexpr std::string_view kTimeDifference =
    "Time Difference Between Receipt of Raw Data and Creation Date";
inline constexpr std::string_view kFissionId = "Fission Product ID";
inline constexpr std::string_view kAuthenticated = "Authenticated";

inline constexpr std::string_view kSummary = "EVENT DETECTION SUMMARY";
inline constexpr std::string_view kFieldOfRegard = "ENHANCED FIELD OF REGARD";
inline constexpr std::string_view kLaboratory = "CERTIFIED LABORATORY RESULTS";
inline constexpr std::string_view kAdditional = "ADDITIONAL INFORMATION";
inline constexpr std::array<std::string_view, 4> kHeadings{kSummary, kFieldOfRegard, kLaboratory,
                                                           kAdditional};

// I.38 indents the title lines to column 12 and the summary to column 6; I.37.1 indents nothing and writes a
// rule under each heading.
inline constexpr int kTitleIndent = 11;
inline constexpr int kSummaryIndent = 5;
inline constexpr std::string_view kNobleRule = "-----";

// Particulate Event Detection Summary (Table 162). The nuclide is a6 at 49-52 in the table, which holds
// neither its own width nor "PB-212F": it runs to 58. The comment is a20 at 60-79 but the header is a22 and
// I.38 prints 22 characters: as the last field it runs to the end of the line.
struct Label {
  int column;
  std::string_view text;
};
inline constexpr std::array<Label, 5> kDetectionHeader{
    {{6, "Station"}, {17, "Collect Stop"}, {38, "Sample ID"}, {49, "Name"}, {60, "Categorization Comment"}}};
inline constexpr Field kStation = text_field(6, 10, "station code");
inline constexpr Field kStopDate = text_field(17, 26, "collection stop date");
inline constexpr Field kStopTime = real_field(28, 35, 0, "collection stop time");  // hh:mm:ss (I.38)
inline constexpr Field kSampleId = integer_field(38, 44, "sample ID");
inline constexpr Field kNuclide = text_field(49, 58, "isotope name");
inline constexpr Field kComment = text_field(60, 1024, "categorization comment");

// The flags: labels at 6, the number rows at 11, the answer at 67. The numbers are i2 at 67-68 in the table;
// days since the last detection exceed 99, so they are written left-justified from 67 (as I.38's "18").
inline constexpr Field kFlagLabel = text_field(6, 65, "flag");
inline constexpr Field kNumberLabel = text_field(11, 65, "flag");
inline constexpr Field kFlagAnswer = text_field(67, 69, "Yes or No");
inline constexpr Field kFlagNumber = text_field(67, 76, "number");

struct FlagRow {
  std::string_view label;
  std::optional<bool> SsrebParticulateFlags::*yes_no = nullptr;
  std::optional<std::int64_t> SsrebParticulateFlags::*number = nullptr;
  std::optional<bool> SsrebParticulateFlags::*after = nullptr;  // the flag whose Yes the number follows
};
// Wording of I.38 where it shows the row, of Table 162 otherwise; '-' and ' ' are read alike.
inline constexpr std::array<FlagRow, 7> kFlagRows{{
    {"Activation Products present in this spectrum", &SsrebParticulateFlags::activation_products},
    {"Number of days since last activation product", nullptr,
     &SsrebParticulateFlags::days_since_activation_product, &SsrebParticulateFlags::activation_products},
    {"Only one fission product in spectrum", &SsrebParticulateFlags::one_fission_product},
    {"Number of days since last fission-product", nullptr, &SsrebParticulateFlags::days_since_fission_product,
     &SsrebParticulateFlags::one_fission_product},
    {"2 or more fission products in spectrum", &SsrebParticulateFlags::fission_products},
    {"Cs-137 present in spectrum", &SsrebParticulateFlags::cs137},
    {"Number of times seen in last 30 days", nullptr, &SsrebParticulateFlags::cs137_times_seen,
     &SsrebParticulateFlags::cs137},
}};

// Noble gas Event Detection Summary (7.8.3.2; I.37.1, whose blanks the conversion collapsed: the columns are
// ours).
inline constexpr std::string_view kSampleInformation = "Sample Information";
inline constexpr std::string_view kCategorization = "Measurement Categorization";
inline constexpr std::string_view kScreening = "Event Screening Flags";
inline constexpr std::string_view kStationId = "Station ID";
inline constexpr std::string_view kDetectorCode = "Detector Code";
inline constexpr std::string_view kSampleIdLabel = "Sample ID";
inline constexpr std::string_view kSrid = "Sample Reference ID";
inline constexpr std::string_view kCollectionStop = "Collection Stop";
inline constexpr std::string_view kIsotopeCategory = "Isotope category";
inline constexpr std::string_view kSampleCategory = "Sample Category";
inline constexpr std::string_view kShortTermFlag = "Short term flag";
inline constexpr std::string_view kRatioHeader = "Isotopic Ratio";

inline constexpr Field kInfoLabel = text_field(1, 20, "label");
inline constexpr Field kInfoValue = text_field(22, 100, "sample information");
inline constexpr Field kIsotope = text_field(1, 8, "isotope");
inline constexpr Field kDetected = text_field(9, 29, "nuclide detected");
inline constexpr Field kThreshold = text_field(31, 62, "abnormal threshold");
inline constexpr Field kIsotopeComment = text_field(64, 1024, "categorization comment");
inline constexpr Field kFlagName = text_field(1, 49, "flag name");
inline constexpr Field kFlagValue = text_field(52, 1024, "flag value");
inline constexpr Field kRatio = text_field(1, 14, "isotopic ratio");
inline constexpr Field kRatioValue = text_field(16, 27, "ratio value");
inline constexpr Field kRatioAnswer = text_field(29, 34, "YES/NO");
inline constexpr Field kRatioTest = text_field(36, 1024, "test");

}  // namespace imsgate::ims2::rn::ssreb_layout
