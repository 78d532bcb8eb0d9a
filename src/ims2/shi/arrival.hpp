// ARRIVAL (synonym SLSD) data type (6.4.1, Tables 34-38): automatic, unassociated, reviewed, grouped and
// associated arrivals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

// AUTOMATIC and UNASSOCIATED share Table 34.
enum class ArrivalSubtype { automatic, unassociated, reviewed, grouped, associated };

// A further magnitude of an arrival, on a continuation line after it (associated arrivals and bulletin
// phases): its amplitude, period and quality may be repeated there.
struct ExtraMagnitude {
  std::optional<double> amplitude;  // nm
  std::optional<double> period;     // s
  std::string quality;              // pick type, first motion, onset as written
  std::string type;                 // mb, Ms, ML, mbtmp, ...
  std::string indicator;            // "<", ">" or empty
  std::optional<double> value;
  bool operator==(const ExtraMagnitude&) const = default;
};

// One arrival line. Which fields a subtype carries is given by its table; the others stay missing.
struct ArrivalRecord {
  std::string network;
  std::string station;
  std::string beam_id;                  // automatic, unassociated
  std::string channel;                  // reviewed, grouped
  std::string aux;                      // reviewed, grouped
  std::optional<double> distance;       // associated, degrees
  std::optional<double> event_azimuth;  // associated, event to station, degrees
  std::string phase;
  std::optional<TimePoint> time;
  std::optional<double> time_residual;  // associated
  std::optional<double> azimuth;        // observed back-azimuth, degrees
  std::optional<double> azimuth_residual;
  std::optional<double> slowness;  // s/degree
  std::optional<double> slowness_residual;
  std::string defining;  // associated: T, A, S flags as written ("TAS", "T__")
  std::optional<double> snr;
  std::optional<double> amplitude;           // nm
  std::optional<double> period;              // s
  std::optional<double> short_term_average;  // automatic, unassociated
  std::optional<double> duration;            // automatic, unassociated, s
  std::string quality;                       // reviewed, grouped, associated: pick type, first motion, onset
  std::string group_id;                      // grouped
  std::optional<std::int64_t> conflict;      // grouped: groups the arrival belongs to; blank (or 0) if one
  std::string magnitude_type;                // associated
  std::string magnitude_indicator;           // associated: "<", ">" or empty
  std::optional<double> magnitude;           // associated
  std::vector<ExtraMagnitude> extra_magnitudes;  // associated
  std::string origin_id;                         // associated
  std::string author;
  std::string id;  // detection id (automatic, unassociated) or arrival id
  bool operator==(const ArrivalRecord&) const = default;
};

struct Arrival {
  ArrivalSubtype subtype = ArrivalSubtype::associated;
  std::vector<ArrivalRecord> records;
  bool operator==(const Arrival&) const = default;
};

// The subtype of a DATA_TYPE ARRIVAL or SLSD line; ASSOCIATED when none is given (4.7.6), nothing if unknown.
std::optional<ArrivalSubtype> arrival_subtype(std::string_view subtype);
std::string_view arrival_subtype_name(ArrivalSubtype subtype);  // "AUTOMATIC", ...

// Reads an ARRIVAL or SLSD section. Problems are diagnostics with the section's line numbers; lines in error
// are left out of the model.
Arrival read_arrival(const DataSection& section, Diagnostics& diagnostics);

// The section body: the subtype's column titles and one line per arrival (and magnitude continuation), each
// ending in LF, or the first value that does not fit its columns.
tl::expected<std::string, std::string> write_arrival(const Arrival& arrival);

}  // namespace imsgate::ims2::shi
