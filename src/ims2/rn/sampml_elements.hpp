// The element names of the SAMPML model, in the order I.28 writes them, shared by its reader and writer.
#pragma once

#include <array>
#include <string_view>

#include "ims2/rn/sampml.hpp"

namespace imsgate::ims2::rn::sampml_elements {

inline constexpr std::string_view kRule = "7.8";
inline constexpr std::string_view kNamespace = "http://www.ctbto.org/SAMPML/0.7";

template <class Model, class Member>
struct Element {
  std::string_view name;
  Member Model::*member;
};

using NuclideValue = Element<SampNuclide, std::optional<SampValue>>;
inline constexpr std::array<NuclideValue, 15> kNuclideValues{{
    {"Concentration", &SampNuclide::concentration},
    {"Activity", &SampNuclide::activity},
    {"ActivityAtAcquisition", &SampNuclide::activity_at_acquisition},
    {"UndecayCorrectedActivity", &SampNuclide::undecay_corrected_activity},
    {"AbsoluteConcentrationError", &SampNuclide::absolute_concentration_error},
    {"RelativeConcentrationError", &SampNuclide::relative_concentration_error},
    {"RelativeActivityAtAcquisitionError", &SampNuclide::relative_activity_at_acquisition_error},
    {"AbsoluteActivityError", &SampNuclide::absolute_activity_error},
    {"RelativeActivityError", &SampNuclide::relative_activity_error},
    {"MDC", &SampNuclide::mdc},
    {"MDI", &SampNuclide::mdi},
    {"LC", &SampNuclide::lc},
    {"LD", &SampNuclide::ld},
    {"LCActivity", &SampNuclide::lc_activity},
    {"LDActivity", &SampNuclide::ld_activity},
}};

using GroupValue = Element<SampSpectrumGroup, std::optional<SampValue>>;
inline constexpr std::array<GroupValue, 3> kGroupValues{{
    {"FlowRate", &SampSpectrumGroup::flow_rate},
    {"SampleQuantity", &SampSpectrumGroup::sample_quantity},
    {"XeVolume", &SampSpectrumGroup::xe_volume},
}};
inline constexpr std::array<std::string_view, 2> kAirVolumeNames{"ProcessedAirVolume", "AirVolume"};

using GroupTime = Element<SampSpectrumGroup, std::optional<TimePoint>>;
inline constexpr std::array<GroupTime, 5> kGroupTimes{{
    {"CollectionStart", &SampSpectrumGroup::collection_start},
    {"CollectionStop", &SampSpectrumGroup::collection_stop},
    {"AcquisitionStart", &SampSpectrumGroup::acquisition_start},
    {"AcquisitionStop", &SampSpectrumGroup::acquisition_stop},
    {"ArrivalDate", &SampSpectrumGroup::arrival},
}};

using GroupDuration = Element<SampSpectrumGroup, std::optional<double>>;
inline constexpr std::array<GroupDuration, 4> kGroupDurations{{
    {"RealAcquisitionTime", &SampSpectrumGroup::real_time},
    {"LiveAcquisitionTime", &SampSpectrumGroup::live_time},
    {"SamplingTime", &SampSpectrumGroup::sampling_time},
    {"DecayTime", &SampSpectrumGroup::decay_time},
}};

// Text elements of a group, in order: before the values, between the durations and the spectra.
using GroupText = Element<SampSpectrumGroup, std::string>;
inline constexpr std::array<GroupText, 1> kGroupTextsFirst{{{"Geometry", &SampSpectrumGroup::geometry}}};
inline constexpr std::array<GroupText, 2> kGroupFlags{{
    {"SohFlag", &SampSpectrumGroup::soh_flag},
    {"Authenticated", &SampSpectrumGroup::authenticated},
}};
inline constexpr std::array<GroupText, 4> kGroupTextsLast{{
    {"Comments", &SampSpectrumGroup::comments},
    {"GeneralComments", &SampSpectrumGroup::general_comments},
    {"IsotopeComments", &SampSpectrumGroup::isotope_comments},
    {"MeasurementType", &SampSpectrumGroup::measurement_type},
}};

using PeakValue = Element<SampPeak, std::optional<double>>;
inline constexpr std::array<PeakValue, 7> kPeakValues{{
    {"Energy", &SampPeak::energy},
    {"Centroid", &SampPeak::centroid},
    {"Area", &SampPeak::area},
    {"AreaErr", &SampPeak::area_error},
    {"Width", &SampPeak::width},
    {"FWHM", &SampPeak::fwhm},
    {"Efficiency", &SampPeak::efficiency},
}};

using RoiValue = Element<SampRoiCount, std::optional<SampValue>>;
inline constexpr std::array<RoiValue, 4> kRoiValuesFirst{{
    {"GrossCounts", &SampRoiCount::gross_counts},
    {"GrossCountsError", &SampRoiCount::gross_counts_error},
    {"LC", &SampRoiCount::lc},
    {"LD", &SampRoiCount::ld},
}};
inline constexpr std::array<RoiValue, 3> kRoiValuesLast{{
    {"Efficiency", &SampRoiCount::efficiency},
    {"AbsoluteEfficiencyError", &SampRoiCount::absolute_efficiency_error},
    {"RelativeEfficiencyError", &SampRoiCount::relative_efficiency_error},
}};

// "value error" pairs of a ROI.
struct RoiPair {
  std::string_view name;
  std::optional<double> SampRoiCount::*value;
  std::optional<double> SampRoiCount::*error;
};
inline constexpr std::array<RoiPair, 3> kRoiPairs{{
    {"NetCounts", &SampRoiCount::net_counts, &SampRoiCount::net_counts_error},
    {"DetBackgroundCounts", &SampRoiCount::det_background_counts, &SampRoiCount::det_background_error},
    {"GasBackgroundCounts", &SampRoiCount::gas_background_counts, &SampRoiCount::gas_background_error},
}};

using BoundaryValue = Element<SampRoiBoundary, std::optional<SampValue>>;
inline constexpr std::array<BoundaryValue, 4> kBoundaryValues{{
    {"GammaLow", &SampRoiBoundary::gamma_low},
    {"GammaHigh", &SampRoiBoundary::gamma_high},
    {"BetaLow", &SampRoiBoundary::beta_low},
    {"BetaHigh", &SampRoiBoundary::beta_high},
}};

using NamedList = Element<SampAnalysis, std::vector<SampNamedValue>>;
inline constexpr std::array<NamedList, 3> kCatLists{{
    {"CatDataLong", &SampAnalysis::cat_data_long},
    {"CatDataShort", &SampAnalysis::cat_data_short},
    {"CatParams", &SampAnalysis::cat_params},
}};

inline constexpr std::array<std::string_view, 2> kFlagGroups{"DataQualityFlags",
                                                             "TimelinessAndAvailabilityFlags"};

}  // namespace imsgate::ims2::rn::sampml_elements
