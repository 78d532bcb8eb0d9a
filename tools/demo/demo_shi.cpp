// The seismic part: hourly WAVEFORM messages (CM6) of the auxiliary station's three components, with the
// signals of a few events, one hour left out, and the IDC-like sender's BULLETIN of those events with their
// phases at the station and at primary stations nearby.
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "demo_internal.hpp"

namespace imsgate::demo::detail {
namespace {

using namespace ims2::shi;

constexpr double kSampleRate = 40.0;          // Hz
constexpr int kSegmentSeconds = 300;          // of each hour (keeps the data set small)
constexpr int kGapHour = 7;                   // the hour no message comes for
constexpr std::array kEventHours{3, 14, 20};  // of each day
constexpr double kCalib = 0.1;                // nm per count at 1 s

struct Site {
  std::string_view code;
  double latitude;
  double longitude;
};

// Hagfors, and primary stations that see the same events.
constexpr Site kStation{kSeismicStation, 60.1335, 13.6945};
constexpr std::array<Site, 4> kPrimaryStations{{{"ARCES", 69.5349, 25.5058},
                                                {"FINES", 61.4436, 26.0771},
                                                {"NOA", 61.0397, 11.2148},
                                                {"GERES", 48.8451, 13.7016}}};

struct Region {
  std::string_view name;
  double latitude;
  double longitude;
  double depth;  // km
};

constexpr std::array<Region, 8> kRegions{{{"NORTHERN ITALY", 44.87, 10.93, 9.0},
                                          {"ICELAND", 63.93, -21.58, 6.0},
                                          {"SOUTHERN GREECE", 37.61, 21.94, 14.0},
                                          {"HINDU KUSH REGION, AFGHANISTAN", 36.52, 70.88, 205.0},
                                          {"NORWEGIAN SEA", 66.83, 4.21, 10.0},
                                          {"SVALBARD REGION", 78.41, 8.97, 10.0},
                                          {"WESTERN TURKEY", 38.83, 28.14, 11.0},
                                          {"NORTHERN ALGERIA", 36.21, 3.47, 10.0}}};

double radians(double degrees) {
  return degrees * std::numbers::pi / 180;
}
double degrees(double radians) {
  return radians * 180 / std::numbers::pi;
}

// Great-circle distance (degrees) and azimuth (degrees from north) from a to b.
double distance(double lat1, double lon1, double lat2, double lon2) {
  const double c = std::sin(radians(lat1)) * std::sin(radians(lat2)) +
                   std::cos(radians(lat1)) * std::cos(radians(lat2)) * std::cos(radians(lon2 - lon1));
  return degrees(std::acos(std::clamp(c, -1.0, 1.0)));
}

double azimuth(double lat1, double lon1, double lat2, double lon2) {
  const double y = std::sin(radians(lon2 - lon1)) * std::cos(radians(lat2));
  const double x = std::cos(radians(lat1)) * std::sin(radians(lat2)) -
                   std::sin(radians(lat1)) * std::cos(radians(lat2)) * std::cos(radians(lon2 - lon1));
  return std::fmod(degrees(std::atan2(y, x)) + 360, 360);
}

// First P travel time (s) at a distance (degrees), interpolated in a rounded IASP91 table.
double p_travel_time(double delta) {
  constexpr std::array<std::pair<double, double>, 14> kTable{{{0, 0},
                                                              {5, 76},
                                                              {10, 142},
                                                              {15, 210},
                                                              {20, 277},
                                                              {25, 326},
                                                              {30, 370},
                                                              {40, 455},
                                                              {50, 528},
                                                              {60, 593},
                                                              {70, 651},
                                                              {80, 703},
                                                              {90, 749},
                                                              {100, 790}}};
  for (std::size_t i = 1; i < kTable.size(); ++i) {
    const auto [d0, t0] = kTable[i - 1];
    const auto [d1, t1] = kTable[i];
    if (delta <= d1) return t0 + (t1 - t0) * (delta - d0) / (d1 - d0);
  }
  return kTable.back().second;
}

double p_slowness(double delta) {
  return p_travel_time(delta + 0.5) - p_travel_time(delta - 0.5);
}  // s/deg

// S follows P by a fixed factor at the regional distances where the demo writes it.
constexpr double kSOverP = 1.78;
constexpr double kRegional = 15.0;  // degrees: Pn and Sn inside, P outside

TimePoint round_ms(TimePoint t) {
  return std::chrono::round<std::chrono::milliseconds>(t);
}

// One event and what the station records of it.
struct Event {
  BulletinEvent bulletin;
  double magnitude = 0;
  double distance = 0;      // to the station, degrees
  double back_azimuth = 0;  // at the station, degrees
  TimePoint p_arrival{};
  std::optional<TimePoint> s_arrival;
  double p_amplitude = 0;  // at the station, nm
  double s_amplitude = 0;
};

Phase phase_at(const Site& site, const Region& region, TimePoint origin, double magnitude, std::string name,
               Random& random) {
  const bool s_wave = name.front() == 'S';
  const double delta = distance(region.latitude, region.longitude, site.latitude, site.longitude);
  const double travel = (s_wave ? kSOverP : 1.0) * p_travel_time(delta);
  const double slowness = (s_wave ? kSOverP : 1.0) * p_slowness(delta);
  const double residual = round_to(random.normal(0, 0.6), 1);
  // nm: a rough magnitude-distance relation, S larger than P.
  const double amplitude =
      (s_wave ? 1.6 : 1.0) * std::pow(10.0, magnitude - 0.5) / std::pow(std::max(delta, 2.0), 0.9);
  Phase p;
  p.station = std::string(site.code);
  p.distance = round_to(delta, 2);
  p.event_azimuth = round_to(azimuth(region.latitude, region.longitude, site.latitude, site.longitude), 1);
  p.phase = std::move(name);
  p.time = round_ms(at_seconds(origin, travel + residual));
  p.time_residual = residual;
  p.azimuth = round_to(
      azimuth(site.latitude, site.longitude, region.latitude, region.longitude) + random.normal(0, 4), 1);
  p.azimuth_residual =
      round_to(*p.azimuth - azimuth(site.latitude, site.longitude, region.latitude, region.longitude), 1);
  p.slowness = round_to(slowness + random.normal(0, 0.4), 1);
  p.slowness_residual = round_to(*p.slowness - slowness, 1);
  p.defining = "T__";
  p.snr = round_to(random.uniform(4, 30), 1);
  p.amplitude = round_to(amplitude, 1);
  p.period = round_to(random.uniform(0.5, 1.0), 2);
  p.quality = "a__";
  if (!s_wave) {
    p.magnitude_type = "mb";
    p.magnitude = round_to(magnitude + random.normal(0, 0.15), 1);
  }
  return p;
}

// An event whose P reaches the station 40 to 200 s into the hour that begins at `hour`, inside its segment.
Event make_event(TimePoint hour, Random& random, int number) {
  const Region& region = kRegions[random.integer(0, kRegions.size() - 1)];
  const double magnitude = round_to(random.uniform(3.6, 4.8), 1);
  Event e;
  e.magnitude = magnitude;
  e.distance = distance(region.latitude, region.longitude, kStation.latitude, kStation.longitude);
  e.back_azimuth = azimuth(kStation.latitude, kStation.longitude, region.latitude, region.longitude);
  const TimePoint arrival = round_ms(at_seconds(hour, random.uniform(40, 200)));
  const TimePoint origin = round_ms(at_seconds(arrival, -p_travel_time(e.distance) - random.normal(0, 0.5)));

  BulletinEvent& b = e.bulletin;
  b.id = fmt::format("{}", 26100000 + number);
  b.region = std::string(region.name);
  const bool regional = e.distance < kRegional;
  std::vector<Phase> phases;
  Phase first = phase_at(kStation, region, origin, magnitude, regional ? "Pn" : "P", random);
  // The station's pick is the arrival the waveform shows.
  first.time_residual =
      round_to(std::chrono::duration<double>(arrival - origin).count() - p_travel_time(e.distance), 1);
  first.time = arrival;
  e.p_arrival = arrival;
  e.p_amplitude = *first.amplitude;
  phases.push_back(first);
  if (regional) {
    Phase s = phase_at(kStation, region, origin, magnitude, "Sn", random);
    e.s_arrival = s.time;
    e.s_amplitude = *s.amplitude;
    phases.push_back(s);
  }
  for (const Site& site : kPrimaryStations) {
    const double delta = distance(region.latitude, region.longitude, site.latitude, site.longitude);
    phases.push_back(phase_at(site, region, origin, magnitude, delta < kRegional ? "Pn" : "P", random));
  }
  std::sort(phases.begin(), phases.end(),
            [](const Phase& a, const Phase& b) { return *a.distance < *b.distance; });
  b.phases = phases;
  for (std::size_t i = 0; i < b.phases.size(); ++i)
    b.phases[i].id = fmt::format("{}", 261000000 + 10 * number + i);

  Origin o;
  o.time = origin;
  o.time_error = round_to(random.uniform(0.4, 1.5), 2);
  o.rms = round_to(random.uniform(0.5, 1.2), 2);
  o.latitude = round_to(region.latitude + random.normal(0, 0.05), 4);
  o.longitude = round_to(region.longitude + random.normal(0, 0.05), 4);
  o.semi_major = round_to(random.uniform(12, 35), 1);
  o.semi_minor = round_to(*o.semi_major * random.uniform(0.4, 0.8), 1);
  o.strike = random.integer(0, 179);
  o.depth = region.depth;
  o.depth_flag = region.depth < 20 ? "f" : "";
  if (region.depth >= 20) o.depth_error = round_to(random.uniform(5, 15), 1);
  o.defining_phases = std::int64_t(phases.size());
  o.defining_stations = std::int64_t(kPrimaryStations.size() + 1);
  o.gap = random.integer(90, 220);
  o.min_distance = phases.front().distance;
  o.max_distance = phases.back().distance;
  o.analysis = "m";
  o.method = "i";
  o.event_type = "uk";
  o.author = std::string(kDataCentre);
  o.id = fmt::format("{}", 26200000 + number);
  b.origin.origins.push_back(o);
  b.origin.magnitudes.push_back(
      {"mb", "", magnitude, 0.1, std::int64_t(kPrimaryStations.size() + 1), o.author, o.id});
  return e;
}

// Noise of the site: the ocean microseism near 0.2 Hz and a coloured background.
std::vector<std::int32_t> noise(std::size_t n, double scale, Random& random) {
  std::vector<std::int32_t> samples(n);
  const double phase = random.uniform(0, 2 * std::numbers::pi);
  const double frequency = random.uniform(0.17, 0.23);
  double background = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = double(i) / kSampleRate;
    background = 0.9 * background + random.normal(0, 14);
    samples[i] = std::int32_t(
        std::lround(scale * (45 * std::sin(2 * std::numbers::pi * frequency * t + phase) + background)));
  }
  return samples;
}

// A wavelet from `onset`: a sine of `frequency` under a rising and decaying envelope.
void add_wavelet(std::vector<std::int32_t>& samples, TimePoint segment_start, TimePoint onset, double counts,
                 double frequency, double decay) {
  const double offset = std::chrono::duration<double>(onset - segment_start).count();
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double t = double(i) / kSampleRate - offset;
    if (t < 0 || t > 12 * decay) continue;
    const double envelope = (t / decay) * std::exp(1 - t / decay);
    samples[i] +=
        std::int32_t(std::lround(counts * envelope * std::sin(2 * std::numbers::pi * frequency * t)));
  }
}

struct Channel {
  std::string_view code;
  double hang;
  double vang;
};
constexpr std::array<Channel, 3> kChannels{{{"BHZ", -1.0, 0.0}, {"BHN", 0.0, 90.0}, {"BHE", 90.0, 90.0}}};

WaveformSegment segment(const Channel& c, TimePoint start, const std::vector<Event>& events, Random& random) {
  WaveformSegment s;
  s.wid2.start = start;
  s.wid2.station = std::string(kStation.code);
  s.wid2.channel = std::string(c.code);
  s.wid2.subformat = "CM6";
  s.wid2.sample_rate = kSampleRate;
  s.wid2.calib = kCalib;
  s.wid2.calper = 1.0;
  s.wid2.instrument = "STS-2";
  s.wid2.hang = c.hang;
  s.wid2.vang = c.vang;
  s.sta2 = Sta2{"IMS", kStation.latitude, kStation.longitude, "WGS-84", 0.35, 0.0};
  const bool vertical = c.vang == 0.0;
  s.samples = noise(std::size_t(kSegmentSeconds * kSampleRate), vertical ? 1.0 : 1.3, random);
  const TimePoint end = start + seconds(kSegmentSeconds);
  for (const Event& e : events) {
    // The ground moves along the ray: P mostly up, its horizontal part along the back azimuth; S across.
    const double along = std::cos(radians(e.back_azimuth - (vertical ? 0 : c.hang)));
    const double p_share = vertical ? 1.0 : 0.35 * along;
    const double s_share = vertical ? 0.4 : 1.4 * std::sqrt(1 - along * along);
    if (start <= e.p_arrival && e.p_arrival < end)
      add_wavelet(s.samples, start, e.p_arrival, p_share * e.p_amplitude / kCalib, 1.3, 1.2);
    if (e.s_arrival && start <= *e.s_arrival && *e.s_arrival < end)
      add_wavelet(s.samples, start, *e.s_arrival, s_share * e.s_amplitude / kCalib, 0.8, 2.5);
  }
  s.wid2.sample_count = std::int64_t(s.samples.size());
  return s;
}

}  // namespace

Status add_seismic(const Window& window, Random random, Drafts& drafts) {
  const int hours_in_window = int(std::chrono::duration_cast<hours>(window.end - window.start).count());
  std::vector<Event> events;
  for (int day = 0; day * 24 < hours_in_window; ++day)
    for (int hour : kEventHours)
      events.push_back(make_event(window.start + hours(24 * day + hour), random, int(events.size()) + 1));

  for (int h = 0; h < hours_in_window; ++h) {
    if (h == kGapHour) continue;
    const TimePoint start = window.start + hours(h);
    Waveform waveform;
    for (const Channel& c : kChannels) waveform.blocks.push_back(segment(c, start, events, random));
    const TimePoint sent = start + seconds(kSegmentSeconds) + seconds(40);
    if (auto ok = add_draft(drafts, kSeismicStation, sent,
                            shi_section(waveform, {"WAVEFORM", "", "IMS2.0", "CM6"}));
        !ok)
      return ok;
  }

  // The data centre's reviewed bulletin of the period up to two hours before the window ends.
  const TimePoint bulletin_end = window.end - hours(2);
  Bulletin bulletin;
  bulletin.title =
      fmt::format("Reviewed Event Bulletin of the {} from {} to {}", kDataCentre,
                  ims2::write_fixed_date_time(window.start, 0), ims2::write_fixed_date_time(bulletin_end, 0));
  for (const Event& e : events)
    if (*e.bulletin.origin.origins.front().time < bulletin_end) bulletin.events.push_back(e.bulletin);
  return add_draft(drafts, kDataCentre, window.end - hours(1),
                   shi_section(bulletin, {"BULLETIN", "", "IMS1.0", "SHORT"}));
}

}  // namespace imsgate::demo::detail
