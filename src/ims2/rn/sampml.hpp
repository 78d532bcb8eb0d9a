// SAMPML and REVSAMP (7.8; example I.28): the sample PHDs of a noble gas sample and the IDC's automatic
// (SAMPML, with the ARR) or reviewed (REVSAMP, with the RRR) analysis, as an XML document. The spec gives no
// schema; the model holds what I.28.1 (beta-gamma) and I.28.2 (HPGe) show, and keeps any other element
// verbatim.
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

namespace imsgate::ims2::rn {

// A leaf element's value: the number where it is one, else its text as written ("N/A", "None", an unexpanded
// template placeholder "${MDI}"); and its unit attribute.
struct SampValue {
  std::optional<double> number;
  std::string text;  // when not a number
  std::string unit;
  bool operator==(const SampValue&) const = default;
};

// An element of an open list (CatDataLong, CatParams, ProcessingParameters, EventScreeningFlags).
struct SampNamedValue {
  std::string name;
  SampValue value;
  bool operator==(const SampNamedValue&) const = default;
};

// <Spectrum>: one spectrum of a PHD, its counts without channel numbers.
struct SampSpectrum {
  std::string id;
  std::string type;    // SPHD-G, ...
  std::string format;  // IMS2.0
  std::optional<std::int64_t> channel_span;
  std::optional<std::int64_t> energy_span;
  std::vector<std::int64_t> counts;
  bool operator==(const SampSpectrum&) const = default;
};

// <SpectrumGroup>: one PHD (sample, detector background, gas background, QC).
struct SampSpectrumGroup {
  std::string id;
  std::vector<std::string> calibration_ids;
  std::string geometry;
  std::string air_volume_element;  // "ProcessedAirVolume" (I.28.1) or "AirVolume" (I.28.2)
  std::optional<SampValue> air_volume;
  std::optional<SampValue> flow_rate;
  std::optional<SampValue> sample_quantity;  // I.28.1: V_Xe/0.087 with unit "ml" (DIGEST §6.5 #72)
  std::optional<SampValue> xe_volume;
  std::string soh_flag;
  std::string authenticated;
  std::optional<TimePoint> collection_start;
  std::optional<TimePoint> collection_stop;
  std::optional<TimePoint> acquisition_start;
  std::optional<TimePoint> acquisition_stop;
  std::optional<TimePoint> arrival;
  std::optional<double> real_time;  // s, xs:duration
  std::optional<double> live_time;
  std::optional<double> sampling_time;
  std::optional<double> decay_time;
  std::string comments;  // lines trimmed, joined by LF
  std::string general_comments;
  std::string isotope_comments;
  std::string measurement_type;
  std::optional<std::int64_t> sample_id;
  std::string spectrum_type;
  std::vector<SampSpectrum> spectra;
  std::vector<std::string> other;  // elements not modelled, as XML
  bool operator==(const SampSpectrumGroup&) const = default;
};

struct SampNuclide {
  std::string quantifiable;  // attribute, as written
  std::string method;        // "Peak Fit Method", "Decay Analysis Method" (HPGe)
  std::string name;
  std::string type;
  std::string half_life;  // "11.962 D"
  std::optional<SampValue> concentration;
  std::optional<SampValue> activity;
  std::optional<SampValue> activity_at_acquisition;
  std::optional<SampValue> undecay_corrected_activity;
  std::optional<SampValue> absolute_concentration_error;
  std::optional<SampValue> relative_concentration_error;
  std::optional<SampValue> relative_activity_at_acquisition_error;
  std::optional<SampValue> absolute_activity_error;
  std::optional<SampValue> relative_activity_error;
  std::optional<SampValue> mdc;
  std::optional<SampValue> mdi;
  std::optional<SampValue> lc;
  std::optional<SampValue> ld;
  std::optional<SampValue> lc_activity;
  std::optional<SampValue> ld_activity;
  std::optional<std::int64_t> identification;  // NuclideIdentificationIndicator numericVal
  std::string identification_text;
  std::vector<std::string> other;
  bool operator==(const SampNuclide&) const = default;
};

struct SampCovarianceCell {
  std::string row;
  std::string column;
  SampValue value;
  bool operator==(const SampCovarianceCell&) const = default;
};

struct SampCovariance {
  std::string method;
  std::vector<SampCovarianceCell> cells;
  bool operator==(const SampCovariance&) const = default;
};

// <PeakResult> (HPGe).
struct SampPeak {
  std::string id;
  std::optional<double> energy;
  std::optional<double> centroid;
  std::optional<double> area;
  std::optional<double> area_error;
  std::optional<double> width;
  std::optional<double> fwhm;
  std::optional<double> efficiency;
  bool operator==(const SampPeak&) const = default;
};

// <RoiNetCount> (beta-gamma); the pairs are "value error".
struct SampRoiCount {
  std::optional<std::int64_t> roi;
  std::string name;
  std::optional<double> net_counts;
  std::optional<double> net_counts_error;
  std::optional<SampValue> gross_counts;
  std::optional<SampValue> gross_counts_error;
  std::optional<SampValue> lc;
  std::optional<SampValue> ld;
  std::optional<double> det_background_counts;
  std::optional<double> det_background_error;
  std::optional<double> gas_background_counts;
  std::optional<double> gas_background_error;
  std::optional<SampValue> efficiency;
  std::optional<SampValue> absolute_efficiency_error;
  std::optional<SampValue> relative_efficiency_error;
  bool operator==(const SampRoiCount&) const = default;
};

// <RoiBoundaries> (beta-gamma; unit "keV" but channel-like values, DIGEST §6.5 #72).
struct SampRoiBoundary {
  std::optional<std::int64_t> roi;
  std::optional<SampValue> gamma_low;
  std::optional<SampValue> gamma_high;
  std::optional<SampValue> beta_low;
  std::optional<SampValue> beta_high;
  bool operator==(const SampRoiBoundary&) const = default;
};

// A quality or timeliness flag: <Name><Value unit=…/><Pass/><Test/></Name>.
struct SampFlag {
  std::string group;  // DataQualityFlags, TimelinessAndAvailabilityFlags
  std::string name;   // XeVolume, SOH, PreviousSamplePresent, CollectionTime, ...
  SampValue value;
  std::string pass;
  std::string test;
  bool operator==(const SampFlag&) const = default;
};

struct SampAnalysis {
  std::string id;
  std::vector<std::string> spectrum_ids;
  std::vector<std::string> calibration_ids;
  std::string software_name;
  std::string software_version;
  bool has_nuclides = false;  // <IdedNuclides> present
  std::vector<SampNuclide> corrected;
  std::vector<SampNuclide> uncorrected;
  std::vector<SampCovariance> covariances;
  std::vector<SampPeak> peaks;
  std::vector<SampRoiCount> roi_counts;
  std::vector<SampRoiBoundary> roi_boundaries;
  std::vector<SampNamedValue> cat_data_long;
  std::vector<SampNamedValue> cat_data_short;
  std::vector<SampNamedValue> cat_params;
  std::vector<SampNamedValue> processing_parameters;
  std::vector<SampFlag> flags;
  std::vector<SampNamedValue> event_screening_flags;
  std::vector<std::string> flags_other;  // other elements of <Flags> (EventScreeningImages), as XML
  std::vector<std::string> other;        // other elements of <Analysis> (Categorization, ABGAM2D...), as XML
  bool operator==(const SampAnalysis&) const = default;
};

// <Calibration>: an equation and its coefficients.
struct SampCalibration {
  std::string type;  // "Beta Energy To Channel", "Gamma Energy To Channel", "Energy", "Resolution", ...
  std::string energy_units;
  std::string fwhm_units;
  std::string id;
  std::string remark;
  std::string updated;  // <CalibrationUpdated> (beta-gamma)
  std::string winner;   // <Winner> (HPGe)
  std::optional<TimePoint> creation_date;
  std::string model;  // "Polynomial"
  std::string form;   // "C(E)= t0 + t1 E + t2 E^2"
  std::vector<double> coefficients;
  std::vector<std::string> other;
  bool operator==(const SampCalibration&) const = default;
};

struct SampleMl {
  bool reviewed = false;  // REVSAMP
  std::string namespace_uri;
  std::string srid;  // REFID
  std::optional<std::int64_t> sid;
  std::string mid;
  std::string station_location;
  std::string station_code;
  std::string country_code;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> elevation;
  std::string detector_code;
  std::string detector_description;
  std::string sample_type;  // SAUNA, SPALAX, ...
  std::string system_technology;
  std::vector<SampSpectrumGroup> spectrum_groups;
  std::vector<SampAnalysis> analyses;
  std::vector<SampCalibration> calibrations;
  std::vector<std::string> other;  // other elements of <SampleInformation> and <SampML>, as XML
  std::vector<TimePoint> time_stamps;
  bool operator==(const SampleMl&) const = default;
};

// Nothing unless the section's DATA_TYPE is SAMPML or REVSAMP, and nothing when the body is not well-formed
// XML (an error with libxml2's line and column).
std::optional<SampleMl> read_sampml_section(const DataSection& section, Diagnostics& diagnostics,
                                            Mode mode = Mode::lenient);
// The section body: TIME_STAMP line, the XML document, the other TIME_STAMP lines.
tl::expected<std::string, std::string> write_sampml_section(const SampleMl& sampml);

}  // namespace imsgate::ims2::rn
