// RESPONSE data type (6.3.1, Tables 15-21): per channel a CAL2 line and its stages PAZ2, FAP2, GEN2, DIG2,
// FIR2.
#pragma once

#include <complex>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

struct Cal2 {
  std::string station;
  std::string channel;
  std::string aux;
  std::string instrument;
  std::optional<double> sensitivity;  // nm/count at the calibration period
  std::optional<double> period;       // s
  std::optional<double> sample_rate;  // Hz
  std::optional<TimePoint> start;     // to the minute
  std::optional<TimePoint> end;       // nothing while valid
  bool operator==(const Cal2&) const = default;
};

struct Paz2 {
  int stage = 0;
  std::string units;  // V, A or C
  std::optional<double> scale;
  std::optional<std::int64_t> decimation;  // blank for analogue stages
  std::optional<double> correction;        // group correction applied, s
  std::string description;
  std::vector<std::complex<double>> poles;
  std::vector<std::complex<double>> zeros;
  bool operator==(const Paz2&) const = default;
};

struct FapTriplet {
  double frequency = 0;  // Hz
  double amplitude = 0;
  std::int64_t phase = 0;  // degrees
  bool operator==(const FapTriplet&) const = default;
};

struct Fap2 {
  int stage = 0;
  std::string units;
  std::optional<std::int64_t> decimation;
  std::optional<double> correction;
  std::string description;
  std::vector<FapTriplet> triplets;
  bool operator==(const Fap2&) const = default;
};

struct GenCorner {
  double frequency = 0;  // Hz
  double slope = 0;      // dB/decade above the corner
  bool operator==(const GenCorner&) const = default;
};

struct Gen2 {
  int stage = 0;
  std::string units;
  std::optional<double> sensitivity;
  std::optional<double> period;
  std::optional<std::int64_t> decimation;
  std::optional<double> correction;
  std::string description;
  std::vector<GenCorner> corners;
  bool operator==(const Gen2&) const = default;
};

struct Dig2 {
  int stage = 0;
  std::optional<double> sensitivity;  // counts per input unit
  std::optional<double> sample_rate;  // Hz
  std::string description;
  bool operator==(const Dig2&) const = default;
};

struct Fir2 {
  int stage = 0;
  std::optional<double> gain;
  std::optional<std::int64_t> decimation;
  std::optional<double> correction;
  std::string symmetry;  // A all coefficients, B n of 2n-1 (odd), C n of 2n (even)
  std::string description;
  std::vector<double> factors;
  bool operator==(const Fir2&) const = default;
};

struct ResponseStage {
  std::variant<Paz2, Fap2, Gen2, Dig2, Fir2> block;
  std::vector<std::string> comments;  // the "(…)" lines after the block, without the parentheses
  bool operator==(const ResponseStage&) const = default;
};

struct ChannelResponse {
  Cal2 cal;
  std::vector<std::string> comments;  // after the CAL2 line
  std::vector<ResponseStage> stages;
  bool operator==(const ChannelResponse&) const = default;
};

struct Response {
  std::vector<ChannelResponse> channels;
  bool operator==(const Response&) const = default;
};

Response read_response(const DataSection& section, Diagnostics& diagnostics);
// Successive channel responses are separated by a blank line (6.3.1).
tl::expected<std::string, std::string> write_response(const Response& response);

}  // namespace imsgate::ims2::shi
