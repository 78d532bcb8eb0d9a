#include "ims2/rn/rmssoh.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/rn/soh_fields.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::string_view kRule = "7.5";

// Each data record ends with its sampling interval: start date, start time (hh:mm:ss.s), duration (i6).
struct IntervalFields {
  Field date;
  Field time;
  Field duration;
};
constexpr std::int64_t kMaxDuration = 999999;  // i6
constexpr std::int64_t kMaxChannel = 99999;    // i5
constexpr IntervalFields interval_at(int date_column) {
  return {text_field(date_column, date_column + 9, "interval start date"),
          real_field(date_column + 11, date_column + 20, 1, "interval start time"),
          integer_field(date_column + 22, date_column + 27, "interval duration")};
}

// Table 126
constexpr Field kHeaderName = text_field(1, 7, "#Header");
constexpr Field kDesignator = text_field(9, 18, "designator");
constexpr Field kStation = text_field(1, 5, "station code");
constexpr Field kDetector = text_field(7, 15, "detector code");
constexpr Field kPeriodStartDate = text_field(1, 10, "SOH period start date");
constexpr Field kPeriodStartTime = real_field(12, 21, 1, "SOH period start time");
constexpr Field kPeriodEndDate = text_field(23, 32, "SOH period end date");
constexpr Field kPeriodEndTime = real_field(34, 43, 1, "SOH period end time");
constexpr Field kTransmitDate = text_field(45, 54, "transmit date");
constexpr Field kTransmitTime = real_field(56, 65, 1, "transmit time");

// Table 127
constexpr Field kFlowRate = real_field(1, 10, 4, "average flow rate");
constexpr Field kFlowRateSd = real_field(12, 22, 6, "flow rate standard deviation");
constexpr IntervalFields kFlowInterval = interval_at(24);

// Table 128
constexpr Field kAirTemperature = real_field(1, 5, 1, "average air temperature");
constexpr Field kAirPressure = real_field(7, 13, 2, "average static air pressure");
constexpr IntervalFields kAirInterval = interval_at(15);

// Table 129
constexpr Field kRoomTemperature = real_field(1, 5, 1, "average room temperature");
constexpr Field kShield = text_field(7, 12, "detector shield status");
constexpr Field kRoomHumidity = integer_field(14, 16, "average room humidity");
constexpr Field kHighVoltage = integer_field(18, 22, "detector high voltage");
constexpr Field kCrystalTemperature = integer_field(24, 27, "average crystal temperature");
constexpr Field kCooler = text_field(29, 31, "electric cooler status");
constexpr Field kCooling = real_field(33, 36, 2, "liquid nitrogen fill-fraction or cooling power");
constexpr Field kLeakage = real_field(38, 43, 3, "detector leakage current");
constexpr IntervalFields kDetInterval = interval_at(45);

// Table 131: each status follows its label.
struct Supply {
  std::string_view label;
  Field label_field;
  Field status;
  std::optional<SohOnOff> PowerSupplyRecord::*member;
};
const std::array kSupplies{
    Supply{"MAIN", text_field(1, 4, "MAIN"), text_field(6, 8, "main power status"), &PowerSupplyRecord::main},
    Supply{"AUX", text_field(10, 12, "AUX"), text_field(14, 16, "auxiliary power status"),
           &PowerSupplyRecord::aux},
    Supply{"UPS", text_field(18, 20, "UPS"), text_field(22, 24, "UPS status"), &PowerSupplyRecord::ups}};
constexpr IntervalFields kPowerInterval = interval_at(26);

// No table (DIGEST §6.4 item 49): I.31's labelled SRIDs, given the 16 columns of an SRID field each.
struct EquipSlot {
  std::string_view label;  // "C:"
  Field label_field;
  Field srid;
  std::string EquipStatusRecord::*member;
};
const std::array kEquipSlots{
    EquipSlot{"C:", text_field(1, 2, "C:"), text_field(4, 19, "SRID being collected"),
              &EquipStatusRecord::collection},
    EquipSlot{"P:", text_field(21, 22, "P:"), text_field(24, 39, "SRID being processed"),
              &EquipStatusRecord::processing},
    EquipSlot{"A:", text_field(41, 42, "A:"), text_field(44, 59, "SRID being acquired"),
              &EquipStatusRecord::acquisition}};
constexpr IntervalFields kEquipInterval = interval_at(61);

// Table 132
constexpr Field kTamperSensor = text_field(1, 20, "tamper sensor name");
constexpr Field kTamperStatus = text_field(22, 27, "tamper sensor status");
constexpr IntervalFields kTamperInterval = interval_at(29);
constexpr std::array<std::string_view, 9> kTamperNames{
    "door1", "door2", "door3", "fence", "aslid", "aspanel", "fscab", "decaycab", "equipcab"};  // Table 133

// Table 134: the reading is printed "f10.4" in 20 columns (DIGEST §6.4 item 53): written as needed.
constexpr Field kSensorType = text_field(1, 15, "sensor type");
constexpr Field kSensorName = text_field(17, 36, "sensor name");
constexpr Field kSensorReading = real_field(38, 57, kAsNeeded, "sensor reading");
constexpr IntervalFields kSensorInterval = interval_at(59);
constexpr std::array<std::string_view, 8> kSensorTypes{"TEMP",       "PRESSURE",  "PROCESSFLOW", "VOLTAGE",
                                                       "COUNTRATES", "COUNTRATE", "DEWPOINT",    "CO2VOLUME"};

// Table 135
constexpr Field kSrid = text_field(1, 80, "SRID");
constexpr Field kReadings = integer_field(1, 5, "total number of chromatogram readings");
constexpr Field kIntervalNumber = integer_field(1, 5, "interval number");
constexpr Field kIntervalChannel = integer_field(6, 15, "interval start channel");
constexpr Field kIntervalSpacing = real_field(16, 29, kAsNeeded, "duration between readings");
constexpr Field kChannel = integer_field(1, 5, "channel");
constexpr std::array kResponses{
    integer_field(7, 16, "detector response"), integer_field(18, 27, "detector response"),
    integer_field(29, 38, "detector response"), integer_field(40, 49, "detector response"),
    integer_field(51, 60, "detector response")};

std::string when(TimePoint t) {
  return write_fixed_date_time(t, 1);
}

enum class StationType { particulate, noble_gas, unknown };

StationType station_type(const RmssohHeader& h) {
  for (const std::string& code : {h.station, h.detector}) {
    if (code.size() < 3) continue;
    const char letter = ascii_upper(code[2]);
    if (letter == 'P') return StationType::particulate;
    if (letter == 'X' || letter == 'G') return StationType::noble_gas;
  }
  return StationType::unknown;
}

template <class E>
std::optional<E> read_word(RecordReader& r, const Field& f, std::string_view first_word, E first,
                           std::string_view second_word, E second) {
  const Position at = r.position();
  const std::string word = r.text(f);
  if (word.empty() || word == "0") return std::nullopt;  // ended early (reported), or missing (3.5.7)
  if (iequals(word, first_word)) return first;
  if (iequals(word, second_word)) return second;
  r.diagnostics().error(
      at, fmt::format("'{}' is not a valid {}: expected {} or {}", word, f.name, first_word, second_word),
      std::string(kRule));
  return std::nullopt;
}

std::optional<SohOnOff> read_on_off(RecordReader& r, const Field& f) {
  return read_word(r, f, "ON", SohOnOff::on, "OFF", SohOnOff::off);
}
std::optional<SohOpenClosed> read_open_closed(RecordReader& r, const Field& f) {
  return read_word(r, f, "OPEN", SohOpenClosed::open, "CLOSED", SohOpenClosed::closed);
}
std::string_view on_off_text(std::optional<SohOnOff> v) {
  return !v ? "" : *v == SohOnOff::on ? "ON" : "OFF";
}
std::string_view open_closed_text(std::optional<SohOpenClosed> v) {
  return !v ? "" : *v == SohOpenClosed::open ? "OPEN" : "CLOSED";
}

template <class T>
void check_range(Diagnostics& d, Position at, const Field& f, std::optional<T> v, double low, double high) {
  if (v && (*v < low || *v > high))
    d.error(at, fmt::format("{} {} is outside {} to {}", f.name, *v, low, high), std::string(kRule));
}
void check_not_negative(Diagnostics& d, Position at, const Field& f, std::optional<double> v) {
  if (v && *v < 0) d.error(at, fmt::format("{} {} is negative", f.name, *v), std::string(kRule));
}

// The reading of one report: its header decides the period that every interval is checked against.
class ReportReader {
 public:
  ReportReader(Diagnostics& d, Mode mode) : d_(d), mode_(mode) {}

  Rmssoh read(const Product& product);

 private:
  void header(const Block& b);
  void air_sampler_flow(const Block& b);
  void air_sampler_env(const Block& b);
  void det_env(const Block& b);
  void power_supply(const Block& b);
  void equip_status(const Block& b);
  void tamper_env(const Block& b);
  void process_sensors(const Block& b);
  void chromatogram(const Block& b);
  void required_blocks(const Product& product);

  // The data records of a block without its elision marks, which are reported; an empty block is an error.
  std::vector<Line> records(const Block& b);
  // Reads a record's interval and checks it; false (reported) when it cannot be read.
  template <class R>
  bool interval(RecordReader& r, const IntervalFields& f, R& record, std::string_view block,
                const std::string& sensor);

  Diagnostics& d_;
  Mode mode_;
  Rmssoh s_;
  std::map<std::string, TimePoint> ends_;  // the end of each sensor's last interval
  std::set<std::string> unknown_tamper_names_;
};

std::vector<Line> ReportReader::records(const Block& b) {
  std::vector<Line> lines;
  for (const Line& line : b.records) {
    if (soh::is_elision_mark(line.text)) {
      soh::report_elision_mark(line, d_, std::string(kRule));
    } else {
      lines.push_back(line);
    }
  }
  if (b.records.empty())
    d_.error({b.name_line.number, 1}, fmt::format("{} has no record: it has at least one", b.name),
             std::string(kRule));
  return lines;
}

template <class R>
bool ReportReader::interval(RecordReader& r, const IntervalFields& f, R& record, std::string_view block,
                            const std::string& sensor) {
  const Position at = r.position();
  const std::size_t errors = d_.error_count();
  const auto start = soh::read_date_time(r, f.date, f.time, mode_);
  if (!start) {
    if (d_.error_count() == errors)
      d_.error(at, "the interval start is required: a record without one is left out", std::string(kRule));
    return false;
  }
  const Position duration_at = r.position();
  const auto duration = r.integer(f.duration);
  r.finish();
  if (!duration) {
    if (d_.error_count() == errors)
      d_.error(duration_at, "the interval duration is required: a record without one is left out",
               std::string(kRule));
    return false;
  }
  if (*duration > kMaxDuration) {
    d_.error(duration_at,
             fmt::format("the interval duration {} s does not fit i6: a record without one is left out",
                         *duration),
             std::string(kRule));
    return false;
  }
  record.start = *start;
  record.duration = *duration;
  if (*duration <= 0) {
    d_.error(duration_at, fmt::format("the interval duration is {} s: it is positive", *duration),
             std::string(kRule));
    return true;
  }
  const TimePoint end = *start + std::chrono::seconds(*duration);
  const RmssohHeader& h = s_.header;
  if ((h.period_start && *start < *h.period_start) || (h.period_end && end > *h.period_end)) {
    d_.error(
        at,
        fmt::format("the interval {} + {} s is not within the SOH period {} to {}", when(*start), *duration,
                    h.period_start ? when(*h.period_start) : "?", h.period_end ? when(*h.period_end) : "?"),
        std::string(kRule));
  }
  const std::string key = fmt::format("{}\n{}", block, to_lower(sensor));
  if (const auto previous = ends_.find(key); previous != ends_.end() && previous->second != *start) {
    deviation(d_, mode_, at,
              fmt::format("the interval starts at {}, not where the previous {}{}{} interval ended ({}): "
                          "intervals are consecutive",
                          when(*start), block, sensor.empty() ? "" : " ", sensor, when(previous->second)),
              std::string(kRule));
  }
  ends_[key] = end;
  return true;
}

void ReportReader::header(const Block& b) {
  RmssohHeader& h = s_.header;
  h.designator = b.designator;
  const std::vector<Line> lines = records(b);
  if (lines.size() < 2) {
    d_.error({b.name_line.number, 1},
             "#Header has a station line and an SOH period line (station code, detector code; period start, "
             "period end, transmit date-time)",
             std::string(kRule));
  }
  if (!lines.empty()) {
    RecordReader r(lines[0], d_, kRule, Missing::nines);
    const Position station_at = r.position();
    h.station = soh::read_text(r, kStation);
    const Position detector_at = r.position();
    h.detector = soh::read_text(r, kDetector);
    r.finish();
    if (h.station.empty()) d_.error(station_at, "#Header gives the station code", "3.5.10");
    if (!h.station.empty() && !soh::is_station_code(h.station))
      d_.error(station_at,
               fmt::format("'{}' is not a station code: expected two letters, P, X or G and two digits",
                           h.station),
               "3.5.10");
    const bool detector_form =
        h.detector.size() == 9 && soh::is_station_code(h.detector.substr(0, 5)) && h.detector[5] == '_' &&
        std::all_of(h.detector.begin() + 6, h.detector.end(),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (!h.detector.empty() && !iequals(h.detector, "NA")) {
      if (!detector_form) {
        d_.error(
            detector_at,
            fmt::format("'{}' is not a detector code: expected the station code, '_' and three characters, "
                        "or NA",
                        h.detector),
            "3.5.11");
      } else if (!iequals(h.detector.substr(0, 5), h.station)) {
        deviation(d_, mode_, detector_at,
                  fmt::format("detector '{}' is not one of station '{}'", h.detector, h.station), "3.5.11");
      }
    }
  }
  if (lines.size() >= 2) {
    RecordReader r(lines[1], d_, kRule, Missing::nines);
    const Position at = r.position();
    h.period_start = soh::read_date_time(r, kPeriodStartDate, kPeriodStartTime, mode_);
    const Position end_at = r.position();
    h.period_end = soh::read_date_time(r, kPeriodEndDate, kPeriodEndTime, mode_);
    if (!r.at_end()) h.transmitted = soh::read_date_time(r, kTransmitDate, kTransmitTime, mode_);
    r.finish();
    if (!h.period_start || !h.period_end) {
      d_.error(h.period_start ? end_at : at, "the SOH period has a start and an end", std::string(kRule));
    } else if (*h.period_end <= *h.period_start) {
      d_.error(end_at,
               fmt::format("the SOH period ends at {}, not after its start {}", when(*h.period_end),
                           when(*h.period_start)),
               std::string(kRule));
    }
  }
  for (std::size_t i = 2; i < lines.size(); ++i)
    d_.warning({lines[i].number, 1}, "a line after the SOH period line of #Header, ignored",
               std::string(kRule));
}

void ReportReader::air_sampler_flow(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    AirSamplerFlowRecord x;
    const Position at = r.position();
    x.flow_rate = soh::read_real(r, kFlowRate, mode_);
    const Position sd_at = r.position();
    x.flow_rate_sd = soh::read_real(r, kFlowRateSd, mode_);
    if (!interval(r, kFlowInterval, x, "#AirSamplerFlow", "")) continue;
    check_not_negative(d_, at, kFlowRate, x.flow_rate);
    check_not_negative(d_, sd_at, kFlowRateSd, x.flow_rate_sd);
    s_.air_sampler_flow.push_back(x);
  }
}

void ReportReader::air_sampler_env(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    AirSamplerEnvRecord x;
    x.temperature = soh::read_real(r, kAirTemperature, mode_);
    x.pressure = soh::read_real(r, kAirPressure, mode_);
    if (interval(r, kAirInterval, x, "#AirSamplerEnv", "")) s_.air_sampler_env.push_back(x);
  }
}

void ReportReader::det_env(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    DetEnvRecord x;
    x.room_temperature = soh::read_real(r, kRoomTemperature, mode_);
    x.shield = read_open_closed(r, kShield);
    const Position humidity_at = r.position();
    x.room_humidity = r.integer(kRoomHumidity);
    x.high_voltage = r.integer(kHighVoltage);
    x.crystal_temperature = r.integer(kCrystalTemperature);
    x.cooler = read_on_off(r, kCooler);
    x.cooling = soh::read_real(r, kCooling, mode_);
    x.leakage_current = soh::read_real(r, kLeakage, mode_);
    if (!interval(r, kDetInterval, x, "#DetEnv", "")) continue;
    check_range(d_, humidity_at, kRoomHumidity, x.room_humidity, 0, 100);
    s_.det_env.push_back(x);
  }
}

void ReportReader::power_supply(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    PowerSupplyRecord x;
    for (const Supply& supply : kSupplies) {
      if (!r.at_end() && iequals(r.peek(), supply.label)) {
        r.text(supply.label_field);
        x.*supply.member = read_on_off(r, supply.status);
      } else {
        deviation(d_, mode_, r.position(),
                  fmt::format("'{} status' is missing: a record reads MAIN status AUX status UPS status",
                              supply.label),
                  std::string(kRule));
      }
    }
    if (interval(r, kPowerInterval, x, "#PowerSupply", "")) s_.power_supply.push_back(x);
  }
}

void ReportReader::equip_status(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    EquipStatusRecord x;
    bool labelled = false;
    while (!r.at_end() && r.peek().size() > 1 && r.peek().back() == ':') {
      const Position at = r.position();
      const std::string label = r.text(kEquipSlots[0].label_field);
      const auto slot = std::find_if(kEquipSlots.begin(), kEquipSlots.end(),
                                     [&](const EquipSlot& s) { return iequals(s.label, label); });
      const std::string srid =
          soh::read_text(r, slot == kEquipSlots.end() ? kEquipSlots[0].srid : slot->srid);
      if (slot == kEquipSlots.end()) {
        deviation(d_, mode_, at,
                  fmt::format("'{}' is not one of the #EquipStatus labels C:, P:, A: (I.31): '{}' ignored",
                              label, srid),
                  std::string(kRule));
        continue;
      }
      labelled = true;
      x.*slot->member = srid;
    }
    if (!labelled)
      deviation(d_, mode_, r.position(),
                "an #EquipStatus record begins 'C: <SRID> P: <SRID> A: <SRID>' (I.31)", std::string(kRule));
    if (interval(r, kEquipInterval, x, "#EquipStatus", "")) s_.equip_status.push_back(x);
  }
}

void ReportReader::tamper_env(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    TamperEnvRecord x;
    // The name (a20) may hold blanks: it is what comes before the last four tokens.
    const Position at = r.position();
    const std::size_t name_tokens = r.remaining() > 5 ? r.remaining() - 4 : 1;
    const std::string_view first = r.peek();
    std::string_view last = first;
    for (std::size_t i = 0; i < name_tokens && !r.at_end(); ++i) {
      last = r.peek();
      r.text(kTamperSensor);
    }
    x.sensor = std::string(first.data(), last.data() + last.size() - first.data());
    if (x.sensor == "0") x.sensor.clear();
    x.status = read_open_closed(r, kTamperStatus);
    if (!interval(r, kTamperInterval, x, "#TamperEnv", x.sensor)) continue;
    if (x.sensor.empty()) {
      d_.error(at, "a #TamperEnv record names its sensor", std::string(kRule));
    } else if (std::none_of(kTamperNames.begin(), kTamperNames.end(),
                            [&](std::string_view n) { return iequals(n, x.sensor); }) &&
               unknown_tamper_names_.insert(to_lower(x.sensor)).second) {
      d_.warning(at,
                 fmt::format("tamper sensor '{}' is not one of Table 133's names: kept, but the IDC does not "
                             "parse it",
                             x.sensor),
                 std::string(kRule));
    }
    s_.tamper_env.push_back(std::move(x));
  }
}

void ReportReader::process_sensors(const Block& b) {
  for (const Line& line : records(b)) {
    RecordReader r(line, d_, kRule, Missing::nines);
    ProcessSensorRecord x;
    const Position at = r.position();
    x.type = soh::read_text(r, kSensorType);
    x.sensor = soh::read_text(r, kSensorName);
    x.reading = soh::read_real(r, kSensorReading, mode_);
    if (!interval(r, kSensorInterval, x, "#ProcessSensors", x.type + " " + x.sensor)) continue;
    if (x.type.empty() || x.sensor.empty()) {
      d_.error(at, "a #ProcessSensors record gives its sensor type and name", std::string(kRule));
    } else if (std::none_of(kSensorTypes.begin(), kSensorTypes.end(),
                            [&](std::string_view t) { return iequals(t, x.type); })) {
      deviation(
          d_, mode_, at,
          fmt::format("sensor type '{}' is not one of TEMP, PRESSURE, PROCESSFLOW, VOLTAGE, COUNTRATES, "
                      "DEWPOINT, CO2VOLUME",
                      x.type),
          std::string(kRule));
    }
    s_.process_sensors.push_back(std::move(x));
  }
}

// Table 135 gives no count of interval records (DIGEST §3.3, §6.4 item 54): an interval record is three
// tokens whose last is not an integer (f14); a data record is a channel and one to five integer responses.
// Three integers that continue the interval numbering and channels are read as an interval, with a warning.
void ReportReader::chromatogram(const Block& b) {
  const std::vector<Line> lines = records(b);
  Chromatogram g;
  if (lines.size() < 2)
    d_.error({b.name_line.number, 1},
             "#Chromatogram begins with the SRID line and the number of readings (Table 135)",
             std::string(kRule));
  if (!lines.empty()) {
    g.srid = std::string(trim(lines[0].text));
    if (g.srid == "0") g.srid.clear();
  }
  if (lines.size() >= 2) {
    RecordReader r(lines[1], d_, kRule, Missing::nines);
    g.readings = r.integer(kReadings);
    r.finish();
  }
  bool in_intervals = true;
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const auto tokens = LogicalLine(line).tokens();
    auto integer_at = [&](std::size_t k) { return parse_integer(tokens[k].text); };
    const bool interval_form = tokens.size() == 3 && !integer_at(2) && parse_real(tokens[2].text);
    const bool continues_intervals = tokens.size() == 3 && !g.intervals.empty() && integer_at(0) &&
                                     integer_at(1) && integer_at(2) &&
                                     *integer_at(0) == static_cast<std::int64_t>(g.intervals.size()) + 1 &&
                                     *integer_at(1) > g.intervals.back().start_channel;
    RecordReader r(line, d_, kRule, Missing::nines);
    if (in_intervals && (interval_form || continues_intervals)) {
      if (continues_intervals)
        d_.warning(tokens[2].at,
                   "three integers after the interval records: read as an interval record (a data record "
                   "would be channel and responses)",
                   std::string(kRule));
      ChromatogramInterval x;
      const Position at = r.position();
      x.number = r.integer(kIntervalNumber).value_or(0);
      x.start_channel = r.integer(kIntervalChannel).value_or(0);
      x.spacing = soh::read_real(r, kIntervalSpacing, mode_);
      r.finish();
      if (x.number != static_cast<std::int64_t>(g.intervals.size()) + 1)
        d_.error(at, fmt::format("interval number {}: intervals are numbered from 1 in order", x.number),
                 std::string(kRule));
      if (!g.intervals.empty() && x.start_channel <= g.intervals.back().start_channel)
        d_.error(tokens[1].at,
                 fmt::format("interval start channel {} does not follow the previous interval's {}",
                             x.start_channel, g.intervals.back().start_channel),
                 std::string(kRule));
      g.intervals.push_back(x);
      continue;
    }
    if (interval_form) {
      d_.error(tokens[0].at, "an interval record after the data records: intervals come first (Table 135)",
               std::string(kRule));
      continue;
    }
    in_intervals = false;
    if (tokens.size() < 2 || tokens.size() > 6) {
      d_.error({line.number, tokens.empty() ? 1 : tokens[0].at.column},
               fmt::format("a chromatogram data record is a channel and 1 to 5 responses, not {} tokens",
                           tokens.size()),
               std::string(kRule));
      continue;
    }
    const Position at = r.position();
    const auto channel = r.integer(kChannel);
    if (!channel) continue;
    if (*channel < 0 || *channel > kMaxChannel) {
      d_.error(at, fmt::format("channel {} does not fit i5: record left out", *channel), std::string(kRule));
      continue;
    }
    const auto expected = g.first_channel + static_cast<std::int64_t>(g.responses.size());
    if (g.responses.empty()) {
      g.first_channel = *channel;
    } else if (*channel != expected) {
      d_.error(at,
               fmt::format("channel {} does not follow the previous record (expected {}): record left out",
                           *channel, expected),
               std::string(kRule));
      continue;
    }
    for (std::size_t k = 1; k < tokens.size(); ++k) g.responses.push_back(r.integer(kResponses[k - 1]));
  }
  if (g.readings && !g.responses.empty() && static_cast<std::int64_t>(g.responses.size()) != *g.readings)
    d_.error({b.name_line.number, 1},
             fmt::format("#Chromatogram announces {} readings and holds {}", *g.readings, g.responses.size()),
             std::string(kRule));
  s_.chromatogram = std::move(g);
}

void ReportReader::required_blocks(const Product& product) {
  const StationType type = station_type(s_.header);
  if (type == StationType::unknown) return;
  const Line& at = product.blocks.front().name_line;
  const std::string_view kind = type == StationType::particulate ? "particulate" : "noble gas";
  auto require = [&](std::string_view name, bool as_deviation) {
    if (product.count(name) > 0) return;
    const std::string message = fmt::format("a {} station's RMSSOH has a {} block (Table 125)", kind, name);
    if (as_deviation) {
      deviation(d_, mode_, {at.number, 1}, message, std::string(kRule));
    } else {
      d_.error({at.number, 1}, message, std::string(kRule));
    }
  };
  require("#AirSamplerFlow", false);
  require("#DetEnv", false);
  require("#PowerSupply", false);
  // #EquipStatus has no format table: senders may leave it out (DIGEST §7 item 3).
  require("#EquipStatus", true);
  if (type == StationType::noble_gas) require("#ProcessSensors", false);
}

Rmssoh ReportReader::read(const Product& product) {
  using Handler = void (ReportReader::*)(const Block&);
  static const std::array<std::pair<std::string_view, Handler>, 8> handlers{{
      {"#AirSamplerFlow", &ReportReader::air_sampler_flow},
      {"#AirSamplerEnv", &ReportReader::air_sampler_env},
      {"#DetEnv", &ReportReader::det_env},
      {"#PowerSupply", &ReportReader::power_supply},
      {"#EquipStatus", &ReportReader::equip_status},
      {"#TamperEnv", &ReportReader::tamper_env},
      {"#ProcessSensors", &ReportReader::process_sensors},
      {"#Chromatogram", &ReportReader::chromatogram},
  }};
  if (!product.blocks.empty() && product.blocks.front().is("#Header")) header(product.blocks.front());
  std::set<std::string> seen;
  for (const Block& b : product.blocks) {
    if (b.is("#Header")) continue;
    const bool repeated = !seen.insert(to_lower(b.name)).second;
    if (b.is("#Comment")) {
      if (repeated)
        d_.warning({b.name_line.number, 1}, "a second #Comment block: its lines are added", "3.5.8");
      for (const Line& line : b.records) s_.comment.emplace_back(line.text);
      continue;
    }
    const auto handler =
        std::find_if(handlers.begin(), handlers.end(), [&](const auto& h) { return b.is(h.first); });
    if (handler == handlers.end()) {
      SohBlock& other = s_.other_blocks.emplace_back();
      other.name_line = std::string(trim_right(b.name_line.text));
      for (const Line& line : b.records) other.lines.emplace_back(line.text);
      continue;
    }
    if (repeated && b.is("#Chromatogram")) {
      deviation(d_, mode_, {b.name_line.number, 1}, "a second #Chromatogram block, ignored",
                std::string(kRule));
      continue;
    }
    if (repeated)
      deviation(d_, mode_, {b.name_line.number, 1},
                fmt::format("a second {} block in one report: its records are added to the first", b.name),
                std::string(kRule));
    (this->*handler->second)(b);
  }
  required_blocks(product);
  return std::move(s_);
}

// Writers

void write_interval(soh::LineWriter& w, const IntervalFields& f, TimePoint start, std::int64_t duration) {
  w.date_time(f.date, f.time, start);
  w.integer(f.duration, duration);
}

template <class R, class F>
void write_block(soh::BodyWriter& out, std::string_view name, const std::vector<R>& records, F write_fields) {
  if (records.empty()) return;
  out.add_line(name);
  for (const R& x : records) {
    soh::LineWriter w;
    write_fields(w, x);
    out.add(w.finish());
  }
}

std::string spacing_text(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";  // never an integer: see the reader
  return s;
}

void write_chromatogram(soh::BodyWriter& out, const Chromatogram& g) {
  out.add_line("#Chromatogram");
  soh::LineWriter srid;
  srid.text(kSrid, g.srid);
  out.add(srid.finish());
  soh::LineWriter readings;
  readings.integer(kReadings, g.readings);
  out.add(readings.finish());
  for (const ChromatogramInterval& x : g.intervals) {
    soh::LineWriter w;
    w.integer(kIntervalNumber, x.number);
    w.separated(kIntervalChannel, fmt::format("{}", x.start_channel));
    w.integer(kIntervalChannel, x.start_channel);
    if (x.spacing && std::isfinite(*x.spacing)) {
      const std::string text = spacing_text(*x.spacing);
      w.separated(kIntervalSpacing, text);
      w.right_justified(kIntervalSpacing, text);
    } else {
      w.real(kIntervalSpacing, x.spacing);
    }
    out.add(w.finish());
  }
  // The reader takes three integers that continue the intervals for an interval record.
  if (!g.intervals.empty() && g.responses.size() == 2 && g.responses[0] &&
      g.first_channel == static_cast<std::int64_t>(g.intervals.size()) + 1 &&
      *g.responses[0] > g.intervals.back().start_channel)
    out.fail("a chromatogram data record of two responses here would read back as an interval record");
  if (g.first_channel < 0 || g.first_channel > kMaxChannel ||
      g.first_channel + static_cast<std::int64_t>(g.responses.size()) > kMaxChannel + 1)
    return out.fail(fmt::format("chromatogram channels from {} do not fit i5", g.first_channel));
  for (std::size_t i = 0; i < g.responses.size(); i += kResponses.size()) {
    soh::LineWriter w;
    w.integer(kChannel, g.first_channel + static_cast<std::int64_t>(i));
    for (std::size_t k = 0; k < kResponses.size() && i + k < g.responses.size(); ++k)
      w.integer(kResponses[k], g.responses[i + k]);
    out.add(w.finish());
  }
}

bool is_known_block(std::string_view name) {
  for (const std::string_view known :
       {"#Header", "#AirSamplerFlow", "#AirSamplerEnv", "#Comment", "#DetEnv", "#PowerSupply", "#EquipStatus",
        "#TamperEnv", "#ProcessSensors", "#Chromatogram"}) {
    if (iequals(name, known)) return true;
  }
  return false;
}

void write_report(soh::BodyWriter& out, const Rmssoh& s) {
  const RmssohHeader& h = s.header;
  soh::LineWriter name;
  name.literal(kHeaderName, "#Header");
  if (!h.designator.empty()) name.text(kDesignator, h.designator);
  out.add(name.finish());
  soh::LineWriter codes;
  codes.token(kStation, h.station);
  codes.token(kDetector, h.detector);
  out.add(codes.finish());
  soh::LineWriter period;
  period.date_time(kPeriodStartDate, kPeriodStartTime, h.period_start);
  period.date_time(kPeriodEndDate, kPeriodEndTime, h.period_end);
  period.date_time(kTransmitDate, kTransmitTime, h.transmitted);
  out.add(period.finish());

  write_block(out, "#AirSamplerFlow", s.air_sampler_flow,
              [](soh::LineWriter& w, const AirSamplerFlowRecord& x) {
                w.real(kFlowRate, x.flow_rate);
                w.real(kFlowRateSd, x.flow_rate_sd);
                write_interval(w, kFlowInterval, x.start, x.duration);
              });
  write_block(out, "#AirSamplerEnv", s.air_sampler_env, [](soh::LineWriter& w, const AirSamplerEnvRecord& x) {
    w.real(kAirTemperature, x.temperature);
    w.real(kAirPressure, x.pressure);
    write_interval(w, kAirInterval, x.start, x.duration);
  });
  if (!s.comment.empty()) {
    out.add_line("#Comment");
    for (const std::string& line : s.comment) out.add_text(line);
  }
  write_block(out, "#DetEnv", s.det_env, [](soh::LineWriter& w, const DetEnvRecord& x) {
    w.real(kRoomTemperature, x.room_temperature);
    w.token(kShield, open_closed_text(x.shield));
    w.integer(kRoomHumidity, x.room_humidity);
    w.integer(kHighVoltage, x.high_voltage);
    w.integer(kCrystalTemperature, x.crystal_temperature);
    w.token(kCooler, on_off_text(x.cooler));
    w.real(kCooling, x.cooling);
    w.real(kLeakage, x.leakage_current);
    write_interval(w, kDetInterval, x.start, x.duration);
  });
  write_block(out, "#PowerSupply", s.power_supply, [](soh::LineWriter& w, const PowerSupplyRecord& x) {
    for (const Supply& supply : kSupplies) {
      w.literal(supply.label_field, supply.label);
      w.token(supply.status, on_off_text(x.*supply.member));
    }
    write_interval(w, kPowerInterval, x.start, x.duration);
  });
  write_block(out, "#EquipStatus", s.equip_status, [](soh::LineWriter& w, const EquipStatusRecord& x) {
    for (const EquipSlot& slot : kEquipSlots) {
      w.literal(slot.label_field, slot.label);
      w.token(slot.srid, x.*slot.member);
    }
    write_interval(w, kEquipInterval, x.start, x.duration);
  });
  write_block(out, "#TamperEnv", s.tamper_env, [](soh::LineWriter& w, const TamperEnvRecord& x) {
    w.text(kTamperSensor, x.sensor);
    w.token(kTamperStatus, open_closed_text(x.status));
    write_interval(w, kTamperInterval, x.start, x.duration);
  });
  write_block(out, "#ProcessSensors", s.process_sensors,
              [](soh::LineWriter& w, const ProcessSensorRecord& x) {
                w.token(kSensorType, x.type);
                w.token(kSensorName, x.sensor);
                w.real(kSensorReading, x.reading);
                write_interval(w, kSensorInterval, x.start, x.duration);
              });
  if (s.chromatogram) write_chromatogram(out, *s.chromatogram);
  for (const SohBlock& b : s.other_blocks) {
    const std::string_view block_name =
        std::string_view(b.name_line).substr(0, b.name_line.find_first_of(" \t"));
    if (block_name.size() < 2 || block_name.front() != '#' || is_known_block(block_name)) {
      out.fail(fmt::format("'{}' cannot be written as another block: it is not '#Name' of an unknown block",
                           b.name_line));
      continue;
    }
    out.add_line(b.name_line);
    for (const std::string& line : b.lines) {
      if (trim(line).empty())
        out.fail(fmt::format("a blank line in {}: allowed only in free text", block_name));
      out.add_text(line);
    }
  }
}

}  // namespace

std::optional<RmssohSection> read_rmssoh_section(const DataSection& section, Diagnostics& diagnostics,
                                                 Mode mode) {
  if (!iequals(section.header.type, "RMSSOH")) return std::nullopt;
  const SplitSection split = split_products(section, diagnostics);
  RmssohSection out;
  out.time_stamps = split.time_stamps;
  if (split.products.empty())
    diagnostics.error({section.line.number, 1},
                      "an RMSSOH section holds at least one report beginning '#Header'", std::string(kRule));
  for (const Product& product : split.products)
    out.reports.push_back(ReportReader(diagnostics, mode).read(product));
  return out;
}

tl::expected<std::string, std::string> write_rmssoh_section(const RmssohSection& section) {
  soh::BodyWriter out;
  for (const Rmssoh& report : section.reports) write_report(out, report);
  return out.finish(section.time_stamps);
}

}  // namespace imsgate::ims2::rn
