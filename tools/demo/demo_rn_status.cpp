// The radionuclide stations' state of health every 12 h (RMSSOH), their meteorological data (MET) and one
// air flow alert (ALERT_FLOW), which the particulate station's SOH shows as well.
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "demo_internal.hpp"

namespace imsgate::demo::detail {
namespace {

using namespace ims2::rn;

constexpr auto kPeriod = hours(12);
constexpr auto kInterval = minutes(10);
constexpr std::int64_t kIntervalSeconds = 600;

// What the station is doing at `t`: the samples being collected, processed and counted ("" for none).
EquipStatusRecord equipment_at(const std::vector<SampleRun>& runs, TimePoint t) {
  EquipStatusRecord x;
  x.start = t;
  x.duration = kIntervalSeconds;
  for (const SampleRun& r : runs) {
    if (r.collection_start <= t && t < r.collection_stop) x.collection = r.srid;
    if (r.collection_stop <= t && t < r.acquisition_start) x.processing = r.srid;
    if (r.acquisition_start <= t && t < r.acquisition_stop()) x.acquisition = r.srid;
  }
  return x;
}

// The weather at the site (both stations of RN63 share it), one record per interval over the window and the
// SOH period before it: a November day in Stockholm.
std::vector<MetRecord> weather(const Window& window, Random& random) {
  std::vector<MetRecord> records;
  double pressure = random.uniform(1000, 1015);
  double direction = random.uniform(180, 260);
  for (TimePoint t = window.start - kPeriod; t < window.end; t += kInterval) {
    const double hour =
        std::chrono::duration<double, std::ratio<3600>>(t - std::chrono::floor<days>(t)).count();
    const double temperature =
        2.5 + 2.0 * std::sin((hour - 8) / 24 * 2 * std::numbers::pi) + random.normal(0, 0.2);
    pressure += random.normal(0, 0.15);
    direction = std::fmod(direction + random.normal(0, 6) + 360, 360);
    const bool raining = random.uniform() < 0.12;
    records.push_back({t, t + kInterval, round_to(temperature, 1), std::llround(direction),
                       round_to(random.uniform(2.0, 7.5), 1), round_to(pressure, 1),
                       std::llround(random.uniform(82, 95)),
                       raining ? round_to(random.uniform(0.1, 0.6), 1) : 0.0});
  }
  return records;
}

Rmssoh report(std::string_view station, std::string_view detector, TimePoint start, TimePoint sent) {
  Rmssoh r;
  r.header = {"3", std::string(station), std::string(detector), start, start + kPeriod, sent};
  r.comment = {"imsgate demo data: a synthetic state of health."};
  return r;
}

void add_common_records(Rmssoh& r, TimePoint t, const std::vector<SampleRun>& runs) {
  r.power_supply.push_back({SohOnOff::on, SohOnOff::off, SohOnOff::off, t, kIntervalSeconds});
  r.equip_status.push_back(equipment_at(runs, t));
}

Rmssoh particulate_report(const Window& window, TimePoint start, TimePoint sent, Random& random) {
  const std::vector<SampleRun> runs = particulate_runs(window);
  Rmssoh r = report(kParticulateStation, fmt::format("{}_001", kParticulateStation), start, sent);
  const TimePoint alert = flow_alert_time(window);
  for (TimePoint t = start; t < start + kPeriod; t += kInterval) {
    const bool low = alert - minutes(7) <= t && t < alert + minutes(23);
    const double flow = low ? random.uniform(405, 430) : random.uniform(885, 915);
    r.air_sampler_flow.push_back({round_to(flow, 1), std::nullopt, t, kIntervalSeconds});
    r.air_sampler_env.push_back(
        {round_to(random.uniform(14, 16), 1), round_to(random.uniform(1003, 1006), 1), t, kIntervalSeconds});
    r.det_env.push_back({round_to(random.uniform(21.2, 21.8), 1), SohOpenClosed::closed, 34, 3500, -185,
                         SohOnOff::on, 112.0, round_to(random.uniform(0.02, 0.05), 3), t, kIntervalSeconds});
    add_common_records(r, t, runs);
    for (std::string_view sensor : {"door1", "aslid", "decaycab", "equipcab"})
      r.tamper_env.push_back({std::string(sensor), SohOpenClosed::closed, t, kIntervalSeconds});
  }
  return r;
}

Rmssoh noble_gas_report(const Window& window, TimePoint start, TimePoint sent, Random& random) {
  const std::vector<SampleRun> runs = noble_gas_runs(window);
  Rmssoh r = report(kNobleGasStation, fmt::format("{}_001", kNobleGasStation), start, sent);
  for (TimePoint t = start; t < start + kPeriod; t += kInterval) {
    r.air_sampler_flow.push_back(
        {round_to(random.uniform(1.21, 1.29), 3), std::nullopt, t, kIntervalSeconds});
    r.det_env.push_back({round_to(random.uniform(22.0, 22.6), 1), SohOpenClosed::closed, 31, 1150,
                         std::nullopt, std::nullopt, std::nullopt, std::nullopt, t, kIntervalSeconds});
    add_common_records(r, t, runs);
    for (std::string_view sensor : {"door1", "fence"})
      r.tamper_env.push_back({std::string(sensor), SohOpenClosed::closed, t, kIntervalSeconds});
    const auto sensor = [&](std::string type, std::string name, double reading) {
      r.process_sensors.push_back({std::move(type), std::move(name), reading, t, kIntervalSeconds});
    };
    sensor("TEMP", "oven", round_to(random.uniform(119.5, 120.5), 1));
    sensor("PRESSURE", "cell", std::round(random.uniform(1180, 1220)));
    sensor("PROCESSFLOW", "sampleline", round_to(random.uniform(1.21, 1.29), 3));
    sensor("COUNTRATES", "beta", round_to(random.uniform(2.1, 2.9), 2));
    sensor("COUNTRATES", "gamma", round_to(random.uniform(38, 44), 1));
  }
  return r;
}

}  // namespace

TimePoint flow_alert_time(const Window& window) {
  return window.start + hours(14) + minutes(7) + seconds(12);
}

Status add_station_status(const Window& window, Random random, Drafts& drafts) {
  // Each report covers the 12 h before it is sent; the first one the 12 h before the window.
  for (TimePoint end = window.start; end < window.end; end += kPeriod) {
    const TimePoint start = end - kPeriod;
    const TimePoint particulate_sent = end + minutes(4);
    const TimePoint noble_gas_sent = end + minutes(5) + seconds(30);
    const Rmssoh particulate = particulate_report(window, start, particulate_sent, random);
    if (auto ok = add_draft(drafts, kParticulateStation, particulate_sent,
                            rn_section(RmssohSection{{particulate}, {}}, "RMSSOH"));
        !ok)
      return ok;
    const Rmssoh noble_gas = noble_gas_report(window, start, noble_gas_sent, random);
    if (auto ok = add_draft(drafts, kNobleGasStation, noble_gas_sent,
                            rn_section(RmssohSection{{noble_gas}, {}}, "RMSSOH"));
        !ok)
      return ok;
  }

  const std::vector<MetRecord> records = weather(window, random);
  for (TimePoint end = window.start; end < window.end; end += kPeriod) {
    MetGroup period;
    for (const MetRecord& m : records)
      if (end - kPeriod <= m.start && m.start < end) period.records.push_back(m);
    for (std::string_view station : {kParticulateStation, kNobleGasStation}) {
      period.station = std::string(station);
      const TimePoint sent = end + minutes(station == kParticulateStation ? 7 : 8);
      if (auto ok = add_draft(drafts, station, sent, rn_section(MetSection{{period}, {}}, "MET")); !ok)
        return ok;
    }
  }

  const TimePoint alert = flow_alert_time(window);
  AlertSection flow{"ALERT_FLOW",
                    {{std::string(kParticulateStation),
                      "ALERT_FLOW",
                      alert,
                      {"Low flow - alerting operator.", "Air sampler average flow rate: 417.3 m3/h",
                       "Low limit: 600.0 m3/h"}}},
                    {}};
  return add_draft(drafts, kParticulateStation, alert + minutes(1), rn_section(flow, "ALERT_FLOW"));
}

}  // namespace imsgate::demo::detail
