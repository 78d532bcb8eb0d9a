// Internal to the demo data library: the portable random source, the period of the data set, the senders,
// and the families of messages that each add their drafts.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/section.hpp"
#include "ims2/shi/section.hpp"

namespace imsgate::demo::detail {

using ims2::TimePoint;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using Status = tl::expected<void, std::string>;

// Random numbers that are the same for a seed on every platform: the standard distributions are not
// specified to the bit, so only the engine comes from the standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed);
  double uniform();  // [0, 1)
  double uniform(double low, double high);
  double normal(double mean = 0, double deviation = 1);
  std::int64_t poisson(double mean);
  int integer(int low, int high);  // [low, high]
  // A source of its own for one part of the data set, so that the parts do not shift each other's numbers.
  Random fork(std::uint64_t stream) const;

 private:
  std::uint64_t seed_;
  std::mt19937_64 engine_;
};

// The data set holds the messages sent in [start, end).
struct Window {
  TimePoint start{};
  TimePoint end{};
  bool holds(TimePoint t) const { return start <= t && t < end; }
};

// The senders.
inline constexpr std::string_view kNobleGasStation = "SEX63";     // beta-gamma (SAUNA-like), RN63 Stockholm
inline constexpr std::string_view kParticulateStation = "SEP63";  // HPGe, RN63 Stockholm
inline constexpr std::string_view kSeismicStation = "HFS";        // AS101 Hagfors
inline constexpr std::string_view kLaboratory = "ATL03";          // Seibersdorf
inline constexpr std::string_view kDataCentre = "DEMO_IDC";       // the IDC-like sender of the bulletin
inline constexpr int kStationNumber = 63;                         // the SRID prefix of RN63

// One message before it is numbered: its sender, when it is sent, and its one data section.
struct Draft {
  std::string station;
  TimePoint sent{};
  ims2::DataSection section;
};
using Drafts = std::vector<Draft>;

// Writes a model with its family's writer into a section named by `header`; a writer's refusal names the
// section.
tl::expected<ims2::DataSection, std::string> rn_section(const ims2::rn::Section& model, std::string type);
tl::expected<ims2::DataSection, std::string> shi_section(const ims2::shi::Section& model,
                                                         ims2::DataTypeLine header);
Status add_draft(Drafts& drafts, std::string_view station, TimePoint sent,
                 tl::expected<ims2::DataSection, std::string> section);

// Identifiers (DIGEST-radionuclide §5).
std::string srid_hour(TimePoint t);  // "yyyymmddhh" of the nearest full hour
std::string mid(std::string_view detector, TimePoint acquisition_start);
TimePoint at_seconds(TimePoint base, double seconds);
// A value as a data line gives it back: rounded to `digits` decimals.
double round_to(double value, int digits);

// One sample's way through a radionuclide station: collected, processed (decay or xenon separation), counted.
struct SampleRun {
  int cycle = 0;  // 0 for the first sample whose count begins in the window, negative before
  std::string srid;
  TimePoint collection_start{};
  TimePoint collection_stop{};
  TimePoint acquisition_start{};
  double real_time = 0;   // s
  double live_time = 0;   // s
  double air_volume = 0;  // m3 at STP
  TimePoint acquisition_stop() const { return at_seconds(acquisition_start, real_time); }
  TimePoint sent() const { return acquisition_stop() + minutes(3); }
};

// The samples whose way overlaps the window (and the one before), oldest first: every 12 h at the noble gas
// station, every 24 h at the particulate one.
std::vector<SampleRun> noble_gas_runs(const Window& window);
std::vector<SampleRun> particulate_runs(const Window& window);

// When the particulate station's air flow drops (its SOH shows the dip, an ALERT_FLOW reports it).
TimePoint flow_alert_time(const Window& window);

// The families: each adds the drafts of its messages sent in the window.
Status add_noble_gas(const Window& window, Random random, Drafts& drafts);
Status add_particulate(const Window& window, Random random, Drafts& drafts);
Status add_station_status(const Window& window, Random random, Drafts& drafts);
Status add_laboratory(const Window& window, Random random, Drafts& drafts);
Status add_seismic(const Window& window, Random random, Drafts& drafts);

}  // namespace imsgate::demo::detail
