#include "ims2/shi/gse_bulletin.hpp"

#include <array>
#include <cmath>

#include "ims2/line_reader.hpp"
#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout_read.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

constexpr std::string_view kRule = "GSE2.0 bulletin";

// Columns as the GSE_IDC files write them; fields are as wide as the gaps allow, so that senders that move a
// value by a column (FRA_NDC's amplitudes, qualities) still read.
namespace origin1 {
constexpr Field kDate = text_field(1, 10, "origin date");
constexpr Field kTime = real_field(12, 21, 1, "origin time");
constexpr Field kLat = real_field(24, 33, 4, "latitude");
constexpr Field kLon = real_field(34, 43, 4, "longitude");
constexpr Field kDepth = real_field(44, 52, 1, "depth");
constexpr Field kDepthFlag = text_field(53, 55, "depth flag");
constexpr Field kNdef = integer_field(56, 60, "defining phases");
constexpr Field kNsta = integer_field(61, 65, "defining stations");
constexpr Field kGap = integer_field(66, 69, "azimuthal gap");
constexpr std::array<Field, 3> kMagType = {text_field(71, 74, "magnitude 1 type"),
                                           text_field(82, 85, "magnitude 2 type"),
                                           text_field(93, 96, "magnitude 3 type")};
constexpr std::array<Field, 3> kMag = {real_field(75, 77, 1, "magnitude 1"),
                                       real_field(86, 88, 1, "magnitude 2"),
                                       real_field(97, 99, 1, "magnitude 3")};
constexpr std::array<Field, 3> kMagN = {integer_field(78, 80, "magnitude 1 stations"),
                                        integer_field(89, 91, "magnitude 2 stations"),
                                        integer_field(100, 102, "magnitude 3 stations")};
constexpr Field kAuthor = text_field(104, 114, "author");
constexpr Field kId = text_field(115, 124, "origin id");
}  // namespace origin1

namespace origin2 {
constexpr Field kRms = real_field(1, 10, 2, "rms");
constexpr Field kTimeErr = real_field(16, 21, 2, "origin time error");
constexpr Field kSmaj = real_field(22, 31, 1, "semi-major axis");
constexpr Field kSmin = real_field(32, 38, 1, "semi-minor axis");
constexpr Field kAz = real_field(39, 46, 2, "ellipse strike");
constexpr Field kDepthErr = real_field(50, 54, 1, "depth error");
constexpr Field kMinDist = real_field(55, 62, 2, "closest distance");
constexpr Field kMaxDist = real_field(63, 69, 2, "furthest distance");
constexpr std::array<Field, 3> kMagErr = {real_field(72, 77, 1, "magnitude 1 error"),
                                          real_field(83, 88, 1, "magnitude 2 error"),
                                          real_field(94, 99, 1, "magnitude 3 error")};
constexpr Field kQuality = text_field(100, 124, "quality");
}  // namespace origin2

namespace phase {
constexpr Field kSta = text_field(1, 5, "station");
constexpr Field kDist = real_field(6, 12, 2, "distance");
constexpr Field kEvAz = real_field(13, 18, 1, "event-to-station azimuth");
constexpr Field kQual = text_field(20, 22, "quality");
constexpr Field kPhase = text_field(24, 31, "phase");
constexpr Field kDate = text_field(32, 41, "arrival date");
constexpr Field kTime = real_field(43, 52, 1, "arrival time");
constexpr Field kTRes = real_field(53, 58, 1, "time residual");
constexpr Field kAzim = real_field(59, 64, 1, "azimuth");
constexpr Field kAzRes = real_field(65, 71, 1, "azimuth residual");
constexpr Field kSlow = real_field(72, 77, 1, "slowness");
constexpr Field kSRes = real_field(78, 83, 1, "slowness residual");
constexpr Field kDef = text_field(85, 87, "defining flags");
constexpr Field kSnr = real_field(88, 93, 1, "SNR");
constexpr Field kAmp = real_field(94, 104, 1, "amplitude");
constexpr Field kPer = real_field(105, 109, 1, "period");
constexpr std::array<Field, 2> kMagType = {text_field(110, 112, "magnitude 1 type"),
                                           text_field(117, 119, "magnitude 2 type")};
constexpr std::array<Field, 2> kMag = {real_field(113, 116, 1, "magnitude 1"),
                                       real_field(120, 123, 1, "magnitude 2")};
constexpr Field kId = text_field(124, 134, "arrival id");
}  // namespace phase

bool is_date_shaped(std::string_view t) {
  return t.size() >= 10 && t[4] == '/' && t[7] == '/';
}

enum class State { start, origin, region, phase };

}  // namespace

bool is_gse_bulletin(const DataSection& section) {
  if (istarts_with(section.header.format, "GSE")) return true;
  LineReader lines(section.body);
  while (auto line = lines.next())
    if (is_column_title(line->text, "rms OT_Error")) return true;
  return false;
}

Bulletin read_gse_bulletin(const DataSection& section, Diagnostics& diagnostics) {
  Bulletin out;
  LineReader lines(section.body);
  const int offset = section.first_body_line() - 1;
  State state = State::start;
  Origin* last_origin = nullptr;
  std::array<Magnitude*, 3> magnitude_of_slot{};  // the second origin line's errors go under their magnitudes
  while (auto next = lines.next()) {
    Line line = *next;
    line.number += offset;
    const std::string_view t = trim(line.text);
    if (t.empty() || is_elision_mark(line.text)) continue;
    const auto tokens = split_tokens(line.text);
    if (tokens.front().text == "EVENT") {
      BulletinEvent& e = out.events.emplace_back();
      if (tokens.size() > 1) e.id = std::string(tokens[1].text);
      state = State::origin;
      last_origin = nullptr;
      continue;
    }
    if (is_column_title(line.text, "Date Time") || is_column_title(line.text, "rms OT_Error")) continue;
    if (is_column_title(line.text, "Sta Dist")) {
      state = State::phase;
      continue;
    }
    if (out.events.empty()) {
      if (out.title.empty()) {
        out.title = std::string(trim_right(line.text));
        continue;
      }
      diagnostics.error({line.number, 1}, "line before the first EVENT line", std::string(kRule));
      continue;
    }
    BulletinEvent& e = out.events.back();
    FieldReader r(line, diagnostics, kRule);
    if (state == State::origin && is_date_shaped(t)) {
      using namespace origin1;
      Origin& o = e.origin.origins.emplace_back();
      o.time = r.date_time(kDate, kTime);
      o.latitude = r.real(kLat);
      o.longitude = r.real(kLon);
      o.depth = r.real(kDepth);
      o.depth_flag = r.text(kDepthFlag);
      o.defining_phases = r.integer(kNdef);
      o.defining_stations = r.integer(kNsta);
      o.gap = r.integer(kGap);
      o.author = r.text(kAuthor);
      o.id = r.text(kId);
      const std::size_t first = e.origin.magnitudes.size();
      std::array<bool, 3> present{};
      for (std::size_t i = 0; i < kMag.size(); ++i) {
        present[i] = !r.text(kMagType[i]).empty();
        if (!present[i]) continue;
        e.origin.magnitudes.push_back(
            {r.text(kMagType[i]), "", r.real(kMag[i]), std::nullopt, r.integer(kMagN[i]), o.author, o.id});
      }
      for (std::size_t i = 0, k = first; i < present.size(); ++i)
        magnitude_of_slot[i] = present[i] ? &e.origin.magnitudes[k++] : nullptr;
      last_origin = &o;
      continue;
    }
    if (state == State::origin && last_origin && tokens.size() == 1 && tokens[0].column > 100) {
      // An author too long for its columns, continued under them ("bulletin" / "_test").
      last_origin->author += std::string(tokens[0].text);
      for (Magnitude& m : e.origin.magnitudes) m.author = last_origin->author;
      continue;
    }
    if (state == State::origin && last_origin) {
      using namespace origin2;
      Origin& o = *last_origin;
      o.rms = r.real(kRms);
      o.time_error = r.real(kTimeErr);
      o.semi_major = r.real(kSmaj);
      o.semi_minor = r.real(kSmin);
      if (auto az = r.real(kAz)) o.strike = static_cast<std::int64_t>(std::lround(*az));
      o.depth_error = r.real(kDepthErr);
      o.min_distance = r.real(kMinDist);
      o.max_distance = r.real(kMaxDist);
      for (std::size_t i = 0; i < kMagErr.size(); ++i) {
        const std::string_view raw = trim(r.raw(kMagErr[i]));
        const std::size_t digits = raw.find_first_not_of("+-");
        if (digits == std::string_view::npos) continue;
        auto error = parse_real(trim(raw.substr(digits)));
        if (!error || !magnitude_of_slot[i])
          diagnostics.error({line.number, kMagErr[i].first},
                            std::string(kMagErr[i].name) + " '" + std::string(raw) +
                                "' is not '+-' and a number under a magnitude",
                            std::string(kRule));
        else
          magnitude_of_slot[i]->error = error;
      }
      const auto quality = split_tokens(r.raw(kQuality));
      if (quality.size() > 0) o.analysis = std::string(quality[0].text);
      if (quality.size() > 1) o.method = std::string(quality[1].text);
      if (quality.size() > 2) o.event_type = std::string(quality[2].text);
      state = State::region;
      continue;
    }
    if (state == State::region) {
      e.region = std::string(t);
      continue;
    }
    if (state == State::phase && tokens.size() > 2) {
      using namespace phase;
      Phase& p = e.phases.emplace_back();
      p.station = r.text(kSta);
      p.distance = r.real(kDist);
      p.event_azimuth = r.real(kEvAz);
      p.quality = flags_text(r.raw(kQual));
      p.phase = r.text(kPhase);
      p.time = r.date_time(kDate, kTime);
      p.time_residual = r.real(kTRes);
      p.azimuth = r.real(kAzim);
      p.azimuth_residual = r.real(kAzRes);
      p.slowness = r.real(kSlow);
      p.slowness_residual = r.real(kSRes);
      p.defining = flags_text(r.raw(kDef));
      p.snr = r.real(kSnr);
      p.amplitude = r.real(kAmp);
      p.period = r.real(kPer);
      p.magnitude_type = r.text(kMagType[0]);
      p.magnitude = r.real(kMag[0]);
      if (!r.text(kMagType[1]).empty())
        p.extra_magnitudes.push_back(
            {std::nullopt, std::nullopt, "", r.text(kMagType[1]), "", r.real(kMag[1])});
      p.id = r.text(kId);
      continue;
    }
    diagnostics.error({line.number, 1}, "line is not part of a GSE2.0 bulletin event", std::string(kRule));
  }
  return out;
}

}  // namespace imsgate::ims2::shi
