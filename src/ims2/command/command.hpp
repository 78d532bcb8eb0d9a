// Command request and command response messages (chapter 8): the body model, its reader and its writer.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "ims2/command/command_kind.hpp"
#include "ims2/command/pem.hpp"
#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/envelope.hpp"

namespace imsgate::ims2::command {

// A number as written: the writer gives back the same spelling ("10.0" stays "10.0").
struct Number {
  double value = 0;
  std::string text;
  static Number of(double value);  // the shortest spelling that reads back as `value`
  bool operator==(const Number&) const = default;
};

// "START_TIME NOT_CONFIRMED" of the confirmations (8.5.3, 8.6.3): no start time can be given.
struct NotConfirmed {
  bool operator==(const NotConfirmed&) const = default;
};
using ConfirmedTime = std::variant<DateTime, NotConfirmed>;

// "STA_LIST station_code[ detector_code]": the one station that executes (requests) or executed (responses).
struct Station {
  std::string code;
  std::string detector;  // radionuclide detector code (3.5.11); empty when not given
  SourceLine line;
  bool operator==(const Station&) const = default;
};

enum class CalibrationType { random, sine, pulse, sweep };

// One CALIB_PARAM line (8.5.2.1-8.5.2.4). Which values a line has depends on TYPE and on whether it is the
// first line: RANDOM "duration [amplitude]"; SINE "frequency duration [amplitude]", then "frequency duration
// gap [amplitude]"; PULSE "duration [amplitude]", then "duration gap [amplitude]"; SWEEP "frequency duration
// [amplitude]" or, as in the example of 8.5.2.4, "frequency final_frequency duration amplitude".
struct CalibParam {
  std::optional<Number> frequency;        // Hz
  std::optional<Number> final_frequency;  // Hz, SWEEP with four values
  Number duration;                        // s
  std::optional<Number> gap;              // s after the end of the previous signal
  std::optional<Number> amplitude;        // V
  SourceLine line;
  bool operator==(const CalibParam&) const = default;
};

struct CalibrateStart {  // 8.5.2
  DateTime start_time;   // requested start, UTC
  bool sensor = false;   // SENSOR YES: the sensor is part of the calibration
  CalibrationType type = CalibrationType::random;
  std::vector<CalibParam> params;
  SourceLine line;
  bool operator==(const CalibrateStart&) const = default;
};

struct CalibrateConfirm {  // 8.5.3
  ConfirmedTime start_time;
  SourceLine line;
  bool operator==(const CalibrateConfirm&) const = default;
};

// "DATA_TYPE RESPONSE[:subtype] [format]" and the CAL2/PAZ2/... blocks after it (chapter 6), kept as text.
struct ResponseSection {
  std::string type = "RESPONSE";  // as written
  std::string subtype;            // e.g. OPERATIONAL; empty when absent
  std::string format;             // e.g. IMS2.0; empty when absent
  std::string body;               // the lines after the DATA_TYPE line up to STOP, each ending in LF
  SourceLine line;
  bool operator==(const ResponseSection&) const = default;
};

struct CalibrateResult {  // 8.5.4
  bool in_spec = false;
  std::optional<Number> calib;              // calibration constant (single frequency)
  std::optional<Number> calper;             // s, the period of CALIB
  std::optional<ResponseSection> response;  // full system response
  SourceLine line;
  bool operator==(const CalibrateResult&) const = default;
};

enum class SpecialMeasurement { detbkphd, blankphd, calibphd };

struct SpecialMeasurementStart {  // DETBKPHD_START, BLANKPHD_START, CALIBPHD_START (8.6.2)
  SpecialMeasurement kind = SpecialMeasurement::detbkphd;
  DateTime start_time;
  Number duration;  // hours
  SourceLine line;
  bool operator==(const SpecialMeasurementStart&) const = default;
};

struct SpecialMeasurementConfirm {  // DETBKPHD_CONFIRM, BLANKPHD_CONFIRM, CALIBPHD_CONFIRM (8.6.3)
  SpecialMeasurement kind = SpecialMeasurement::detbkphd;
  ConfirmedTime start_time;
  SourceLine line;
  bool operator==(const SpecialMeasurementConfirm&) const = default;
};

struct ChangeDecay {                   // 8.7.1
  std::optional<DateTime> start_time;  // when the change takes effect; absent: not said (8.7.1)
  Number decay_time;                   // hours
  SourceLine line;
  bool operator==(const ChangeDecay&) const = default;
};

struct DecayChanged {     // 8.7.2
  Number new_decay_time;  // hours
  std::string srid;
  SourceLine line;
  bool operator==(const DecayChanged&) const = default;
};

// Where a sample goes: POC, ORGANIZATION and one or more ADDRESS lines, each the rest of its line.
struct Recipient {
  std::string poc;
  std::string organization;
  std::vector<std::string> address;
  bool operator==(const Recipient&) const = default;
};

enum class Priority { urgent, routine };

struct SendSample {  // 8.8.1
  Priority priority = Priority::routine;
  std::string srid;
  Recipient recipient;
  SourceLine line;
  bool operator==(const SendSample&) const = default;
};

struct SampleMass {  // "MASS full split", grams
  Number full;
  Number split;
  bool operator==(const SampleMass&) const = default;
};

struct SampleSent {  // 8.8.2
  std::string srid;
  SampleMass mass;
  Recipient recipient;
  std::string courier;  // company, the rest of its line
  DateTime handover;
  DateTime arrival;  // estimated
  std::string awb;   // air waybill number
  std::string seal;  // the station's seal number
  SourceLine line;
  bool operator==(const SampleSent&) const = default;
};

struct SampleNotSent {  // 8.8.3
  std::string srid;
  std::string reason;  // the free-text lines up to STOP, each ending in LF
  SourceLine line;
  bool operator==(const SampleNotSent&) const = default;
};

struct SampleReceived {  // 8.8.4
  std::string srid;
  DateTime arrival;
  SourceLine line;
  bool operator==(const SampleReceived&) const = default;
};

// The HPGe calibration pairs (8.9.1): the data lines of each PHD block (chapter 7), each ending in LF.
struct UpdateCalibPairs {
  std::string energy;                           // #g_Energy
  std::string resolution;                       // #g_Resolution
  std::string efficiency;                       // #g_Efficiency
  std::optional<std::string> total_efficiency;  // #g_TotalEfficiency, optional as in a PHD
  SourceLine line;
  bool operator==(const UpdateCalibPairs&) const = default;
};

struct CalibPairsUpdated {  // 8.9.2
  SourceLine line;
  bool operator==(const CalibPairsUpdated&) const = default;
};

struct GenerateKeypair {                    // 8.10.1
  std::optional<PemObject> dsa_parameters;  // "DSA PARAMETERS"
  SourceLine line;
  bool operator==(const GenerateKeypair&) const = default;
};

struct KeypairGenerated {                // 8.10.2
  std::optional<std::string> signature;  // the new key signed with the old one, hexadecimal
  PemObject certificate_request;         // "CERTIFICATE REQUEST"
  SourceLine line;
  bool operator==(const KeypairGenerated&) const = default;
};

struct StartKeypair {                  // 8.11.1
  std::optional<DateTime> start_time;  // absent: at once on reception
  PemObject certificate;               // "CERTIFICATE"
  SourceLine line;
  bool operator==(const StartKeypair&) const = default;
};

struct KeypairStarted {  // 8.11.2
  SourceLine line;
  bool operator==(const KeypairStarted&) const = default;
};

struct UpdateCrl {  // 8.12.1
  PemObject crl;    // "X509 CRL"
  SourceLine line;
  bool operator==(const UpdateCrl&) const = default;
};

struct CrlUpdated {                    // 8.12.2
  std::optional<DateTime> start_time;  // from when the new CRL is in use
  SourceLine line;
  bool operator==(const CrlUpdated&) const = default;
};

// The command of a message. std::monostate: the message had no (readable) command line.
using Command =
    std::variant<std::monostate, CalibrateStart, CalibrateConfirm, CalibrateResult, SpecialMeasurementStart,
                 SpecialMeasurementConfirm, ChangeDecay, DecayChanged, SendSample, SampleSent, SampleNotSent,
                 SampleReceived, UpdateCalibPairs, CalibPairsUpdated, GenerateKeypair, KeypairGenerated,
                 StartKeypair, KeypairStarted, UpdateCrl, CrlUpdated>;

std::optional<CommandKind> command_kind(const Command& command);

// The body of a command message: the lines after the preface up to STOP. A model read from a message with
// errors keeps default values where a required line was missing or wrong.
struct CommandBody {
  std::optional<std::string> email;    // E-MAIL: where responses go (requests, 8.2)
  DateTime time_stamp;                 // TIME_STAMP: when the message was issued, UTC (8.3)
  Station station;                     // STA_LIST
  std::vector<std::string> channels;   // CHAN_LIST, comma-separated; empty when not given
  std::optional<std::string> auth_id;  // AUTH_ID: the authenticator (key management)
  Command command;
  bool operator==(const CommandBody&) const = default;
};

CommandBody read_command_body(std::span<const Line> lines, MessageType type, const ReadOptions& options,
                              Diagnostics& diagnostics);
void write_command_body(const CommandBody& body, MessageType type, KeywordCase style, std::string& out);

// The preface of a command message: a command response names the request it answers in REF_ID (8.1).
void check_command_preface(const Preface& preface, Diagnostics& diagnostics);

}  // namespace imsgate::ims2::command
