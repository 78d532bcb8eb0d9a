// The fields of the PHD block records (Tables 58-79), declared once: the reader takes their names and order,
// the writer their columns. Internal to the PHD reader and writer.
#pragma once

#include <string_view>

#include "ims2/fixed_format.hpp"

namespace imsgate::ims2::rn::phd_fields {

inline constexpr std::string_view kRule = "7.2.11";

// Table 58.
inline constexpr Field kHeaderName = text_field(1, 7, "#Header");
inline constexpr Field kDesignator = text_field(9, 18, "designator");
inline constexpr Field kStation = text_field(1, 5, "station code");
inline constexpr Field kDetector = text_field(7, 15, "detector code");
inline constexpr Field kSystemType = text_field(17, 17, "system type");
inline constexpr Field kGeometry = text_field(19, 35, "sample geometry");
inline constexpr Field kQualifier = text_field(37, 40, "spectral qualifier");
inline constexpr Field kSrid = text_field(1, 16, "SRID");
inline constexpr Field kMid = text_field(1, 31, "MID");
inline constexpr Field kDetectorBackgroundMid = text_field(33, 63, "detector background MID");
inline constexpr Field kGasBackgroundMid = text_field(65, 95, "gas background MID");
inline constexpr Field kTransmitDate = text_field(1, 10, "transmit date");
inline constexpr Field kTransmitTime = real_field(12, 21, 1, "transmit time");

// Table 60.
inline constexpr Field kCollectionStartDate = text_field(1, 10, "collection start date");
inline constexpr Field kCollectionStartTime = real_field(12, 21, 1, "collection start time");
inline constexpr Field kCollectionStopDate = text_field(23, 32, "collection stop date");
inline constexpr Field kCollectionStopTime = real_field(34, 43, 1, "collection stop time");
inline constexpr Field kAirVolume = real_field(45, 54, kAsNeeded, "air volume");

// Table 61.
inline constexpr Field kAcquisitionDate = text_field(1, 10, "acquisition start date");
inline constexpr Field kAcquisitionTime = real_field(12, 21, 1, "acquisition start time");
inline constexpr Field kRealTime = real_field(23, 36, kAsNeeded, "real time");
inline constexpr Field kLiveTime = real_field(38, 51, kAsNeeded, "live time");

// Table 62. The archive bottle is written from column 1 as in every example (I.35.1, I.35.2, real files);
// the table's columns 19-20 are a damaged place of the conversion (DIGEST [X 11]).
inline constexpr Field kXeVolume = real_field(1, 8, 5, "xenon volume");
inline constexpr Field kXeVolumeUncertainty = real_field(10, 17, 5, "xenon volume uncertainty");
inline constexpr Field kXeYield = real_field(1, 8, 5, "xenon collection yield");
inline constexpr Field kXeYieldUncertainty = real_field(10, 17, 5, "xenon collection yield uncertainty");
inline constexpr Field kArchiveBottle = text_field(1, 2, "archive bottle identification");

// Table 63.
inline constexpr Field kDimension1 = real_field(1, 5, 2, "sample dimension 1");
inline constexpr Field kDimension2 = real_field(7, 11, 2, "sample dimension 2");

// Tables 65, 67, 68, 69, 73: three f16 fields.
inline constexpr Field kGEnergy = real_field(1, 16, kAsNeeded, "gamma energy");
inline constexpr Field kCentroid = real_field(18, 33, kAsNeeded, "centroid channel");
inline constexpr Field kCentroidUncertainty = real_field(35, 50, kAsNeeded, "centroid uncertainty");
inline constexpr Field kResolutionEnergy = real_field(1, 16, kAsNeeded, "energy");
inline constexpr Field kFwhm = real_field(18, 33, kAsNeeded, "FWHM");
inline constexpr Field kFwhmUncertainty = real_field(35, 50, kAsNeeded, "FWHM uncertainty");
inline constexpr Field kEfficiencyEnergy = real_field(1, 16, kAsNeeded, "gamma energy");
inline constexpr Field kEfficiency = real_field(18, 33, kAsNeeded, "efficiency");
inline constexpr Field kEfficiencyUncertainty = real_field(35, 50, kAsNeeded, "efficiency uncertainty");

// Table 66.
inline constexpr Field kElectronEnergy = real_field(1, 16, kAsNeeded, "electron energy");
inline constexpr Field kDecayMode = text_field(18, 18, "decay mode");
inline constexpr Field kBetaChannel = real_field(20, 35, kAsNeeded, "channel");
inline constexpr Field kBetaChannelUncertainty = real_field(37, 52, kAsNeeded, "channel uncertainty");

// Table 70.
inline constexpr Field kRoiNumber = integer_field(1, 2, "ROI number");
inline constexpr Field kBetaStart = real_field(4, 13, kAsNeeded, "beta range start");
inline constexpr Field kBetaStop = real_field(15, 24, kAsNeeded, "beta range stop");
inline constexpr Field kGammaStart = real_field(26, 35, kAsNeeded, "gamma range start");
inline constexpr Field kGammaStop = real_field(37, 46, kAsNeeded, "gamma range stop");

// Table 72.
inline constexpr Field kBgNuclide = text_field(1, 10, "nuclide name");
inline constexpr Field kBgRoi = integer_field(12, 19, "ROI number");
inline constexpr Field kBgEfficiency = real_field(21, 30, kAsNeeded, "beta-gamma efficiency");
inline constexpr Field kBgUncertainty = real_field(32, 41, kAsNeeded, "beta-gamma efficiency uncertainty");

// Table 74.
inline constexpr Field kRatioId = text_field(1, 15, "ratio identifier");
inline constexpr Field kRatioFrom = integer_field(17, 18, "higher-energy ROI number");
inline constexpr Field kRatioTo = integer_field(20, 21, "lower-energy ROI number");
inline constexpr Field kRatio = real_field(23, 32, kAsNeeded, "count ratio");
inline constexpr Field kRatioUncertainty = real_field(34, 39, kAsNeeded, "count ratio uncertainty");

// Tables 75, 76.
inline constexpr Field kChannelCount = integer_field(1, 5, "number of channels");
inline constexpr Field kEnergySpan = integer_field(7, 10, "energy span");
inline constexpr Field kChannel = integer_field(1, 5, "channel number");
inline constexpr Field kCounts[5] = {integer_field(7, 16, "count"), integer_field(18, 27, "count"),
                                     integer_field(29, 38, "count"), integer_field(40, 49, "count"),
                                     integer_field(51, 60, "count")};

// Table 77.
inline constexpr Field kGammaChannels = integer_field(1, 5, "number of gamma channels");
inline constexpr Field kBetaChannels = integer_field(7, 11, "number of beta channels");
inline constexpr Field kGammaSpan = integer_field(13, 16, "gamma energy span");
inline constexpr Field kBetaSpan = integer_field(18, 21, "beta energy span");

// Table 78.
inline constexpr Field kCalibrationDate = text_field(1, 10, "calibration date");
inline constexpr Field kCalibrationTime = real_field(12, 21, 1, "calibration time");

// Table 79.
inline constexpr Field kTotalActivity = real_field(1, 10, kAsNeeded, "total source activity");
inline constexpr Field kAssayDate = text_field(12, 21, "assay date");
inline constexpr Field kAssayTime = real_field(23, 32, 1, "assay time");
inline constexpr Field kNuclide = text_field(1, 8, "nuclide name");
inline constexpr Field kHalfLife = text_field(10, 22, "half-life");
inline constexpr Field kNuclideActivity = real_field(24, 31, 3, "nuclide activity");
inline constexpr Field kActivityUncertainty = real_field(33, 39, 3, "activity uncertainty");
inline constexpr Field kLineEnergy = real_field(41, 48, 3, "gamma energy");
inline constexpr Field kLineIntensity = real_field(50, 56, 3, "gamma intensity");
inline constexpr Field kLineDecayMode = text_field(58, 58, "electron decay mode");
inline constexpr Field kLineElectronEnergy = real_field(60, 67, 3, "electron energy");
inline constexpr Field kLineElectronIntensity = real_field(69, 75, 3, "electron intensity");

}  // namespace imsgate::ims2::rn::phd_fields
