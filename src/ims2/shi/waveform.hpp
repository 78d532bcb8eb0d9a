// The WAVEFORM data type (6.3.2): WID2, STA2, EID2, BEA2, DAT2 and CHK2 blocks, and OUT2 / DLY2 for data that
// is missing or delayed. Segments are read one at a time, so a message of any size is read in bounded memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

struct Wid2 {
  TimePoint start{};
  std::string station;
  std::string channel;
  std::string aux_id;
  std::string subformat;  // INT, CM6, CM8 or CSF as written
  std::int64_t sample_count = 0;
  double sample_rate = 0;
  std::optional<double> calib;   // nm/count at calper
  std::optional<double> calper;  // s
  std::string instrument;
  std::optional<double> hang;  // degrees from north, -1.0 for vertical
  std::optional<double> vang;  // degrees from vertical
  bool operator==(const Wid2&) const = default;
};

struct Sta2 {
  std::string network;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string coordinate_system;
  std::optional<double> elevation;  // km
  std::optional<double> depth;      // km, emplacement
  bool operator==(const Sta2&) const = default;
};

struct Eid2 {
  std::string event_id;
  std::string bulletin_type;
  bool operator==(const Eid2&) const = default;
};

struct Bea2 {
  std::string beam_id;
  std::optional<double> azimuth;   // degrees
  std::optional<double> slowness;  // s/degree; -999.0 for a vertical beam
  bool operator==(const Bea2&) const = default;
};

// What CHK2 said against what the samples give (6.3.2, Appendix III).
struct Checksum {
  std::optional<std::int64_t> stored;  // as written; some senders write it signed
  std::uint32_t computed = 0;
  bool operator==(const Checksum&) const = default;
};

// One channel's samples with their headers.
struct WaveformSegment {
  Wid2 wid2;
  std::optional<Sta2> sta2;
  std::vector<Eid2> events;
  std::optional<Bea2> beam;
  std::vector<std::int32_t> samples;
  Checksum checksum;
  bool operator==(const WaveformSegment&) const = default;
};

// OUT2 (data not available) or DLY2 (data delayed), with its STA2.
struct WaveformGap {
  bool delayed = false;  // DLY2 rather than OUT2
  TimePoint start{};
  std::string station;
  std::string channel;
  std::string aux_id;
  std::optional<double> duration;  // s: how long data are unavailable, or the estimated queue time
  std::optional<Sta2> sta2;
  bool operator==(const WaveformGap&) const = default;
};

using WaveformBlock = std::variant<WaveformSegment, WaveformGap>;

struct Waveform {
  std::vector<WaveformBlock> blocks;
  bool operator==(const Waveform&) const = default;
};

// Reads the blocks of a WAVEFORM section one by one from its lines.
class WaveformReader {
 public:
  WaveformReader(LineReader& lines, int first_line, Diagnostics& diagnostics)
      : lines_(lines), first_line_(first_line), diagnostics_(diagnostics) {}

  // The next block, or nothing at the end. A block with errors is reported and skipped.
  std::optional<WaveformBlock> next();

 private:
  Line numbered(Line line) const;
  std::optional<WaveformSegment> read_segment(const Line& wid2_line);
  std::optional<WaveformGap> read_gap(const Line& line);
  bool read_samples(WaveformSegment& segment, const Line& dat2_line);

  LineReader& lines_;
  int first_line_;
  Diagnostics& diagnostics_;
};

Waveform read_waveform(const DataSection& section, Diagnostics& diagnostics);

// One STA2 line; its fields are read by position, with a warning, when they are not in their columns.
Sta2 read_sta2(const Line& line, Diagnostics& diagnostics);

// The section body in the spec's layout, samples encoded in each segment's WID2 subformat.
tl::expected<std::string, std::string> write_waveform(const Waveform& waveform);
tl::expected<void, std::string> write_waveform_block(const WaveformBlock& block, std::string& out);

}  // namespace imsgate::ims2::shi
