// RMSSOH data type (7.5, Tables 125-135): the state of health of a radionuclide station over an SOH period,
// as series of records that each cover one sampling interval (start and duration).
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

enum class SohOnOff { on, off };
enum class SohOpenClosed { open, closed };

struct RmssohHeader {  // Table 126
  std::string designator;
  std::string station;   // "GBP68"
  std::string detector;  // "GBP68_002", or "NA" for none or more than one detector
  std::optional<TimePoint> period_start;
  std::optional<TimePoint> period_end;
  std::optional<TimePoint> transmitted;
  bool operator==(const RmssohHeader&) const = default;
};

struct AirSamplerFlowRecord {          // Table 127
  std::optional<double> flow_rate;     // m3/h at STP
  std::optional<double> flow_rate_sd;  // m3/h at STP
  TimePoint start{};
  std::int64_t duration = 0;  // s
  bool operator==(const AirSamplerFlowRecord&) const = default;
};

struct AirSamplerEnvRecord {          // Table 128
  std::optional<double> temperature;  // after the filter, degC
  // After the filter; the table says kPa but its example value 1010.00 is hPa-like (DIGEST §6.4 item 51):
  // kept as written.
  std::optional<double> pressure;
  TimePoint start{};
  std::int64_t duration = 0;
  bool operator==(const AirSamplerEnvRecord&) const = default;
};

struct DetEnvRecord {                      // Table 129
  std::optional<double> room_temperature;  // degC
  std::optional<SohOpenClosed> shield;
  std::optional<std::int64_t> room_humidity;        // % RH
  std::optional<std::int64_t> high_voltage;         // V
  std::optional<std::int64_t> crystal_temperature;  // degC
  std::optional<SohOnOff> cooler;
  std::optional<double> cooling;          // LN2 fill fraction (0-1), or electric cooling power (W)
  std::optional<double> leakage_current;  // nA
  TimePoint start{};
  std::int64_t duration = 0;
  bool operator==(const DetEnvRecord&) const = default;
};

struct PowerSupplyRecord {  // Table 131
  std::optional<SohOnOff> main;
  std::optional<SohOnOff> aux;  // required only where an auxiliary generator is installed
  std::optional<SohOnOff> ups;  // on: the station runs on UPS batteries
  TimePoint start{};
  std::int64_t duration = 0;
  bool operator==(const PowerSupplyRecord&) const = default;
};

// No table in 7.5; I.31 writes "C: <SRID> P: <SRID> A: <SRID> date time duration" (DIGEST §6.4 item 49):
// the samples being collected, processed and acquired. Empty when the record leaves one out.
struct EquipStatusRecord {
  std::string collection;
  std::string processing;
  std::string acquisition;
  TimePoint start{};
  std::int64_t duration = 0;
  bool operator==(const EquipStatusRecord&) const = default;
};

struct TamperEnvRecord {  // Tables 132, 133
  std::string
      sensor;  // door1, door2, door3, fence, aslid, aspanel, fscab, decaycab, equipcab, or the station's
  std::optional<SohOpenClosed> status;
  TimePoint start{};
  std::int64_t duration = 0;
  bool operator==(const TamperEnvRecord&) const = default;
};

struct ProcessSensorRecord {  // Table 134
  std::string type;    // TEMP degC, PRESSURE Pa, PROCESSFLOW m3/h, VOLTAGE V, COUNTRATES counts/s, DEWPOINT
                       // degC, CO2VOLUME cm3; as written
  std::string sensor;  // unique per station
  std::optional<double> reading;
  TimePoint start{};
  std::int64_t duration = 0;
  bool operator==(const ProcessSensorRecord&) const = default;
};

struct ChromatogramInterval {  // Table 135 records 4-n: readings with one spacing
  std::int64_t number = 0;     // from 1
  std::int64_t start_channel = 0;
  std::optional<double> spacing;  // s between readings
  bool operator==(const ChromatogramInterval&) const = default;
};

struct Chromatogram {                    // Table 135
  std::string srid;                      // of the sample being counted
  std::optional<std::int64_t> readings;  // total number of readings (= channels)
  std::vector<ChromatogramInterval> intervals;
  std::int64_t first_channel = 1;
  std::vector<std::optional<std::int64_t>> responses;  // from first_channel on
  bool operator==(const Chromatogram&) const = default;
};

// A block 7.5 does not name, kept verbatim.
struct SohBlock {
  std::string name_line;  // "#Name rest", trailing blanks removed
  std::vector<std::string> lines;
  bool operator==(const SohBlock&) const = default;
};

// One report: from one "#Header" to the next. A block that is absent has no records.
struct Rmssoh {
  RmssohHeader header;
  std::vector<AirSamplerFlowRecord> air_sampler_flow;
  std::vector<AirSamplerEnvRecord> air_sampler_env;
  std::vector<DetEnvRecord> det_env;
  std::vector<PowerSupplyRecord> power_supply;
  std::vector<EquipStatusRecord> equip_status;
  std::vector<TamperEnvRecord> tamper_env;
  std::vector<ProcessSensorRecord> process_sensors;
  std::optional<Chromatogram> chromatogram;
  std::vector<std::string> comment;  // the lines of "#Comment", blank lines included
  std::vector<SohBlock> other_blocks;
  bool operator==(const Rmssoh&) const = default;
};

struct RmssohSection {
  std::vector<Rmssoh> reports;
  std::vector<TimePoint> time_stamps;
  bool operator==(const RmssohSection&) const = default;
};

// Nothing if the section is not DATA_TYPE RMSSOH. A record whose interval cannot be read is left out (with
// its error); other unreadable values are missing.
std::optional<RmssohSection> read_rmssoh_section(const DataSection& section, Diagnostics& diagnostics,
                                                 Mode mode = Mode::lenient);
// The body (after the DATA_TYPE line): blocks in Table 125's order, then the other blocks.
tl::expected<std::string, std::string> write_rmssoh_section(const RmssohSection& section);

}  // namespace imsgate::ims2::rn
