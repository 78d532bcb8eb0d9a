// The blocks that ORIGIN, EVENT and BULLETIN sections share (6.4.2, Tables 40-43): origin, magnitude and
// comment sub-blocks, phase lines, event titles, and the section walker that assembles them (with the
// screening and characterization blocks of bulletin_screening.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/arrival.hpp"
#include "ims2/shi/bulletin_screening.hpp"

namespace imsgate::ims2::shi {

// One origin line (Table 42).
struct Origin {
  std::optional<TimePoint> time;
  bool fixed_time = false;           // 'f' after the time
  std::optional<double> time_error;  // s
  std::optional<double> rms;         // s
  std::optional<double> latitude;
  std::optional<double> longitude;
  bool fixed_epicentre = false;
  std::optional<double> semi_major;    // km, 90 %
  std::optional<double> semi_minor;    // km
  std::optional<std::int64_t> strike;  // degrees
  std::optional<double> depth;         // km
  std::string depth_flag;              // "f" fixed, "d" from depth phases, or empty
  std::optional<double> depth_error;   // km, 90 %
  std::optional<std::int64_t> defining_phases;
  std::optional<std::int64_t> defining_stations;
  std::optional<std::int64_t> gap;     // degrees
  std::optional<double> min_distance;  // degrees
  std::optional<double> max_distance;  // degrees
  std::string analysis;                // a, m, g
  std::string method;                  // i, p, g, o
  std::string event_type;              // ke, ki, ..., uk
  std::string author;
  std::string id;
  bool operator==(const Origin&) const = default;
};

// One magnitude line (Table 42).
struct Magnitude {
  std::string type;
  std::string indicator;  // "<", ">" or empty
  std::optional<double> value;
  std::optional<double> error;
  std::optional<std::int64_t> stations;
  std::string author;
  std::string origin_id;
  bool operator==(const Magnitude&) const = default;
};

// Origin lines, their magnitudes and the comment lines after them. A comment is the text between "(" and ")",
// ISF extensions ("#...", "+...") included.
struct OriginBlock {
  std::vector<Origin> origins;
  std::vector<Magnitude> magnitudes;
  std::vector<std::string> comments;
  bool operator==(const OriginBlock&) const = default;
};

// One phase line of the phase block (Table 43), its time completed with the date of the event's first origin.
struct Phase {
  std::string station;
  std::optional<double> distance;
  std::optional<double> event_azimuth;
  std::string phase;
  std::optional<TimePoint> time;
  std::optional<double> time_residual;
  std::optional<double> azimuth;
  std::optional<double> azimuth_residual;
  std::optional<double> slowness;
  std::optional<double> slowness_residual;
  std::string defining;
  std::optional<double> snr;
  std::optional<double> amplitude;
  std::optional<double> period;
  std::string quality;
  std::string magnitude_type;
  std::string magnitude_indicator;
  std::optional<double> magnitude;
  std::string id;
  std::vector<ExtraMagnitude> extra_magnitudes;
  bool operator==(const Phase&) const = default;
};

// One event: its title, origin block, phases, the lines of a block kept as written (the phase correction
// block, which has no format table), and the event screening and characterization blocks.
struct BulletinEvent {
  std::string id;
  std::string region;
  OriginBlock origin;
  std::vector<Phase> phases;
  std::vector<std::string> kept_lines;
  EventScreening screening;
  EventCharacterization characterization;
  bool operator==(const BulletinEvent&) const = default;
};

// What the walker found in a section; the data types take the parts they allow.
struct BulletinText {
  std::optional<TimePoint> time_stamp;      // a TIME_STAMP line before the title
  std::string title;                        // bulletin title (Table 40); empty if none
  std::vector<BulletinEvent> events;        // events without an EVENT line have an empty id
  std::optional<TimePoint> end_time_stamp;  // a TIME_STAMP line after the events
};

// What a section may hold: ORIGIN has no event titles and no phases, EVENT no phases.
enum class BulletinKind { origin, event, bulletin };

BulletinText read_bulletin_text(const DataSection& section, BulletinKind kind, Diagnostics& diagnostics);

// The lines of a time stamp, a title, an event line, an origin block and a phase block, each ending in LF.
std::string write_time_stamp(TimePoint t);
tl::expected<std::string, std::string> write_event_title(const BulletinEvent& event);
tl::expected<std::string, std::string> write_origin_block(const OriginBlock& block);
tl::expected<std::string, std::string> write_phase_block(const std::vector<Phase>& phases);

}  // namespace imsgate::ims2::shi
