#include "ims2/shi/bulletin_blocks.hpp"

#include <chrono>

#include "ims2/fixed_format.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/shi/layout_read.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

constexpr std::string_view kRule = "6.4.2";

namespace origin {
constexpr Field kDate = text_field(1, 10, "origin date");
constexpr Field kTime = real_field(12, 22, 2, "origin time");
constexpr Field kFixedTime = text_field(23, 23, "fixed origin time flag");
constexpr Field kTimeErr = real_field(25, 29, 2, "origin time error");
constexpr Field kRms = real_field(31, 35, 2, "RMS");
constexpr Field kLat = real_field(37, 44, 4, "latitude");
constexpr Field kLon = real_field(46, 54, 4, "longitude");
constexpr Field kFixedEpi = text_field(55, 55, "fixed epicentre flag");
constexpr Field kSmaj = real_field(56, 60, 1, "semi-major axis");
constexpr Field kSmin = real_field(62, 66, 1, "semi-minor axis");
constexpr Field kStrike = integer_field(68, 70, "ellipse strike");
constexpr Field kDepth = real_field(72, 76, 1, "depth");
constexpr Field kDepthFlag = text_field(77, 77, "depth flag");
constexpr Field kDepthErr = real_field(79, 82, 1, "depth error");
constexpr Field kNdef = integer_field(84, 87, "defining phases");
constexpr Field kNsta = integer_field(89, 92, "defining stations");
constexpr Field kGap = integer_field(94, 96, "azimuthal gap");
constexpr Field kMinDist = real_field(98, 103, 2, "closest distance");
constexpr Field kMaxDist = real_field(105, 110, 2, "furthest distance");
constexpr Field kAnalysis = text_field(112, 112, "analysis type");
constexpr Field kMethod = text_field(114, 114, "location method");
constexpr Field kEventType = text_field(116, 117, "event type");
constexpr Field kAuthor = text_field(119, 127, "author");
constexpr Field kId = text_field(129, 136, "origin id");
constexpr std::string_view kHeader =
    "   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth   Err Ndef Nsta Gap  mdist "
    " Mdist "
    "Qual   Author      OrigID";
}  // namespace origin

namespace magnitude {
constexpr Field kType = text_field(1, 5, "magnitude type");
constexpr Field kInd = text_field(6, 6, "magnitude indicator");
constexpr Field kValue = real_field(7, 10, 1, "magnitude");
constexpr Field kErr = real_field(12, 14, 1, "magnitude error");
constexpr Field kNsta = integer_field(16, 19, "magnitude stations");
constexpr Field kAuthor = text_field(21, 29, "author");
constexpr Field kOrigId = text_field(31, 38, "origin id");
constexpr std::string_view kHeader = "Magnitude  Err Nsta Author      OrigID";
}  // namespace magnitude

namespace phase {
constexpr Field kSta = text_field(1, 5, "station");
constexpr Field kDist = real_field(7, 12, 2, "distance");
constexpr Field kEvAz = real_field(14, 18, 1, "event-to-station azimuth");
constexpr Field kPhase = text_field(20, 27, "phase");
constexpr Field kTime = real_field(29, 40, 3, "arrival time");
constexpr Field kTRes = real_field(42, 46, 1, "time residual");
constexpr Field kAzim = real_field(48, 52, 1, "azimuth");
constexpr Field kAzRes = real_field(54, 58, 1, "azimuth residual");
constexpr Field kSlow = real_field(60, 65, 1, "slowness");
constexpr Field kSRes = real_field(67, 72, 1, "slowness residual");
constexpr Field kDef = text_field(74, 76, "defining flags");
constexpr Field kSnr = real_field(78, 82, 1, "SNR");
constexpr Field kAmp = real_field(84, 92, 1, "amplitude");
constexpr Field kPer = real_field(94, 98, 2, "period");
constexpr Field kQual = text_field(100, 102, "quality");
constexpr Field kMagType = text_field(104, 108, "magnitude type");
constexpr Field kMagInd = text_field(109, 109, "magnitude indicator");
constexpr Field kMag = real_field(110, 113, 1, "magnitude");
constexpr Field kId = text_field(115, 123, "arrival id");
constexpr std::string_view kHeader =
    "Sta     Dist  EvAz Phase        Time      TRes  Azim AzRes   Slow   SRes Def   SNR       Amp   Per Qual "
    "Magnitude    ArrID";
}  // namespace phase

constexpr Field kEventId = text_field(7, 15, "event id");
constexpr Field kRegion = text_field(17, 80, "region");

using C = TokenClass;

std::vector<TokenSlot> origin_slots() {
  using namespace origin;
  return {{&kDate, C::date, kRequired}, {&kTime, C::time, kRequired},
          {&kFixedTime, C::letter, 0},  {&kTimeErr, C::number, 2},
          {&kRms, C::number, 2},        {&kLat, C::number, 2},
          {&kLon, C::number, 2},        {&kFixedEpi, C::letter, 0},
          {&kSmaj, C::number, 2},       {&kSmin, C::number, 2},
          {&kStrike, C::number, 2},     {&kDepth, C::number, 2},
          {&kDepthFlag, C::letter, 0},  {&kDepthErr, C::number, kOftenBlank},
          {&kNdef, C::number, 2},       {&kNsta, C::number, 2},
          {&kGap, C::number, 2},        {&kMinDist, C::number, 2},
          {&kMaxDist, C::number, 2},    {&kAnalysis, C::letter, 2},
          {&kMethod, C::letter, 2},     {&kEventType, C::any, 2},
          {&kAuthor, C::any, 3},        {&kId, C::any, 3}};
}

std::vector<TokenSlot> magnitude_slots() {
  using namespace magnitude;
  return {{&kType, C::word, kRequired}, {&kInd, C::bound, 0},  {&kValue, C::number, 2}, {&kErr, C::number, 2},
          {&kNsta, C::number, 2},       {&kAuthor, C::any, 3}, {&kOrigId, C::any, 3}};
}

std::vector<TokenSlot> phase_slots() {
  using namespace phase;
  return {{&kSta, C::any, kRequired},
          {&kDist, C::number, 2},
          {&kEvAz, C::number, 2},
          {&kPhase, C::word, 2},
          {&kTime, C::time, kRequired},
          {&kTRes, C::number, kOftenBlank},
          {&kAzim, C::number, 2},
          {&kAzRes, C::number, 2},
          {&kSlow, C::number, 2},
          {&kSRes, C::number, 2},
          {&kDef, C::flags, 3},
          {&kSnr, C::number, 2},
          {&kAmp, C::number, 2},
          {&kPer, C::number, 2},
          {&kQual, C::flags, 3},
          {&kMagType, C::word, kOftenBlank},
          {&kMagInd, C::bound, 0},
          {&kMag, C::number, kOftenBlank},
          {&kId, C::any, 3}};
}

std::vector<TokenSlot> phase_continuation_slots() {
  using namespace phase;
  return {{&kAmp, C::number, 2},   {&kPer, C::number, 2},   {&kQual, C::flags, 2},
          {&kMagType, C::word, 2}, {&kMagInd, C::bound, 0}, {&kMag, C::number, 2}};
}

void missing(const Line& line, const Field& f, Diagnostics& d) {
  d.error({line.number, f.first},
          std::string(f.name) + " is missing (columns " + std::to_string(f.first) + "-" +
              std::to_string(f.last) + ")",
          std::string(kRule));
}

bool flag(FieldReader& r, const Field& f, char expected, Diagnostics& d) {
  const std::string v = r.text(f);
  if (v.empty()) return false;
  if (v.size() != 1 || ascii_lower(v[0]) != expected)
    d.error({r.line().number, f.first},
            std::string(f.name) + " '" + v + "' is not '" + expected + "' or blank", std::string(kRule));
  return true;
}

Origin read_origin_line(const Line& line, Diagnostics& d) {
  using namespace origin;
  FieldReader r(line, d, kRule);
  Origin o;
  o.time = r.date_time(kDate, kTime);
  if (trim(r.raw(kDate)).empty()) missing(line, kDate, d);
  o.fixed_time = flag(r, kFixedTime, 'f', d);
  o.time_error = r.real(kTimeErr);
  o.rms = r.real(kRms);
  o.latitude = r.real(kLat);
  o.longitude = r.real(kLon);
  o.fixed_epicentre = flag(r, kFixedEpi, 'f', d);
  o.semi_major = r.real(kSmaj);
  o.semi_minor = r.real(kSmin);
  o.strike = r.integer(kStrike);
  o.depth = r.real(kDepth);
  o.depth_flag = r.text(kDepthFlag);
  o.depth_error = r.real(kDepthErr);
  o.defining_phases = r.integer(kNdef);
  o.defining_stations = r.integer(kNsta);
  o.gap = r.integer(kGap);
  o.min_distance = r.real(kMinDist);
  o.max_distance = r.real(kMaxDist);
  o.analysis = r.text(kAnalysis);
  o.method = r.text(kMethod);
  o.event_type = r.text(kEventType);
  o.author = r.text(kAuthor);
  o.id = r.text(kId);
  if (trim(r.raw(kLat)).empty()) missing(line, kLat, d);
  if (trim(r.raw(kLon)).empty()) missing(line, kLon, d);
  return o;
}

Magnitude read_magnitude_line(const Line& line, Diagnostics& d) {
  using namespace magnitude;
  FieldReader r(line, d, kRule);
  Magnitude m;
  m.type = r.text(kType);
  m.indicator = r.text(kInd);
  m.value = r.real(kValue);
  m.error = r.real(kErr);
  m.stations = r.integer(kNsta);
  m.author = r.text(kAuthor);
  m.origin_id = r.text(kOrigId);
  if (trim(r.raw(kValue)).empty()) missing(line, kValue, d);
  return m;
}

// Phase times carry no date: the date is the origin's, a day later when the time of day is before the
// origin's.
Phase read_phase_line(const Line& line, std::optional<TimePoint> origin_time, Diagnostics& d) {
  using namespace phase;
  FieldReader r(line, d, kRule);
  Phase p;
  p.station = r.text(kSta);
  p.distance = r.real(kDist);
  p.event_azimuth = r.real(kEvAz);
  p.phase = r.text(kPhase);
  const std::string_view time = trim(r.raw(kTime));
  if (time.empty()) {
    missing(line, kTime, d);
  } else if (origin_time) {
    const std::string date = write_date(*origin_time);
    auto t = parse_fixed_date_time(date, time);
    if (!t) {
      d.error({line.number, kTime.first}, std::string(kTime.name) + ": " + t.error(), std::string(kRule));
    } else {
      p.time = *t < *origin_time ? *t + std::chrono::days{1} : *t;
    }
  }
  p.time_residual = r.real(kTRes);
  p.azimuth = r.real(kAzim);
  p.azimuth_residual = r.real(kAzRes);
  p.slowness = r.real(kSlow);
  p.slowness_residual = r.real(kSRes);
  p.defining = flags_text(r.raw(kDef));
  p.snr = r.real(kSnr);
  p.amplitude = r.real(kAmp);
  p.period = r.real(kPer);
  p.quality = flags_text(r.raw(kQual));
  p.magnitude_type = r.text(kMagType);
  p.magnitude_indicator = r.text(kMagInd);
  p.magnitude = r.real(kMag);
  p.id = r.text(kId);
  if (p.station.empty()) missing(line, kSta, d);
  return p;
}

ExtraMagnitude read_phase_continuation(const Line& line, Diagnostics& d) {
  using namespace phase;
  FieldReader r(line, d, kRule);
  ExtraMagnitude m;
  m.amplitude = r.real(kAmp);
  m.period = r.real(kPer);
  m.quality = flags_text(r.raw(kQual));
  m.type = r.text(kMagType);
  m.indicator = r.text(kMagInd);
  m.value = r.real(kMag);
  return m;
}

bool has_token(std::string_view text, TokenClass c) {
  for (const Token& t : split_tokens(text))
    if (token_is(t.text, c)) return true;
  return false;
}

std::optional<TimePoint> read_time_stamp(const Line& line, Diagnostics& d) {
  const auto tokens = split_tokens(line.text);
  if (tokens.size() == 3) {
    if (auto t = parse_fixed_date_time(tokens[1].text, tokens[2].text)) return *t;
  }
  d.error({line.number, tokens.size() > 1 ? tokens[1].column : 1}, "TIME_STAMP is not 'yyyy/mm/dd hh:mm:ss'",
          "6.1");
  return std::nullopt;
}

enum class State { start, origin, magnitude, phase, screening, kept };

}  // namespace

BulletinText read_bulletin_text(const DataSection& section, BulletinKind kind, Diagnostics& diagnostics) {
  BulletinText out;
  LineReader lines(section.body);
  const int offset = section.first_body_line() - 1;
  State state = State::start;
  ScreeningSubBlock sub_block = ScreeningSubBlock::summary;
  bool any_content = false;
  auto event = [&]() -> BulletinEvent& {
    if (out.events.empty()) out.events.emplace_back();
    return out.events.back();
  };
  const auto oslots = origin_slots();
  const auto mslots = magnitude_slots();
  const auto pslots = phase_slots();
  const auto cslots = phase_continuation_slots();
  while (auto next = lines.next()) {
    Line line = *next;
    line.number += offset;
    const std::string_view t = trim(line.text);
    if (t.empty()) continue;
    if (is_elision_mark(line.text)) {
      diagnostics.warning({line.number, 1}, "elision mark of the spec's examples skipped",
                          std::string(kRule));
      continue;
    }
    if (istarts_with(t, "TIME_STAMP")) {
      auto ts = read_time_stamp(line, diagnostics);
      if (!any_content && out.title.empty())
        out.time_stamp = ts;
      else
        out.end_time_stamp = ts;
      continue;
    }
    if (is_column_title(line.text, origin::kHeader)) {
      // ORIGIN sections have no event titles: each origin header opens a new origin block.
      if (kind == BulletinKind::origin && (out.events.empty() || !event().origin.origins.empty()))
        out.events.emplace_back();
      state = State::origin;
      any_content = true;
      continue;
    }
    if (is_column_title(line.text, magnitude::kHeader)) {
      state = State::magnitude;
      continue;
    }
    if (kind == BulletinKind::bulletin && is_column_title(line.text, phase::kHeader)) {
      state = State::phase;
      continue;
    }
    if (kind == BulletinKind::bulletin && !out.events.empty()) {
      if (auto part = screening_title(line.text)) {
        state = State::screening;
        sub_block = *part;
        open_screening_sub_block(*part, line, event().screening, event().characterization, diagnostics);
        continue;
      }
    }
    if (kind != BulletinKind::origin && split_tokens(t).front().text == "EVENT") {
      BulletinEvent& e = out.events.emplace_back();
      const auto tokens = split_tokens(t);
      e.id = tokens.size() > 1 ? std::string(tokens[1].text) : std::string();
      if (tokens.size() > 2)
        e.region = std::string(trim(t.substr(static_cast<std::size_t>(tokens[2].column - 1))));
      if (e.id.empty()) missing(line, kEventId, diagnostics);
      state = State::start;
      any_content = true;
      continue;
    }
    if (t.front() == '(' && (state == State::origin || state == State::magnitude)) {
      std::string_view c = t.substr(1);
      if (!c.empty() && c.back() == ')')
        c.remove_suffix(1);
      else
        diagnostics.warning({line.number, static_cast<int>(line.text.size())}, "comment without closing ')'",
                            std::string(kRule));
      event().origin.comments.emplace_back(c);
      continue;
    }
    switch (state) {
      case State::start:
        if (!any_content && out.title.empty()) {
          out.title = std::string(trim_right(line.text));
          continue;
        }
        break;
      case State::origin: {
        Diagnostics local;
        Origin o = read_tolerant(line, oslots, kRule, "Table 42", local, read_origin_line);
        diagnostics.append(local);
        if (!local.has_errors()) event().origin.origins.push_back(std::move(o));
        continue;
      }
      case State::magnitude: {
        Diagnostics local;
        Magnitude m = read_tolerant(line, mslots, kRule, "Table 42", local, read_magnitude_line);
        diagnostics.append(local);
        if (!local.has_errors()) event().origin.magnitudes.push_back(std::move(m));
        continue;
      }
      case State::phase: {
        BulletinEvent& e = event();
        Diagnostics local;
        if (!has_token(t, TokenClass::time)) {
          ExtraMagnitude m = read_tolerant(line, cslots, kRule, "Table 43", local, read_phase_continuation);
          diagnostics.append(local);
          if (e.phases.empty())
            diagnostics.error({line.number, 1}, "magnitude continuation line before any phase",
                              std::string(kRule));
          else if (!local.has_errors())
            e.phases.back().extra_magnitudes.push_back(std::move(m));
          continue;
        }
        std::optional<TimePoint> origin_time;
        if (!e.origin.origins.empty()) origin_time = e.origin.origins.front().time;
        if (!origin_time)
          diagnostics.error({line.number, 1}, "phase line without an origin to take its date from",
                            std::string(kRule));
        Phase p = read_tolerant(line, pslots, kRule, "Table 43", local, [&](const Line& l, Diagnostics& d) {
          return read_phase_line(l, origin_time, d);
        });
        diagnostics.append(local);
        if (!local.has_errors() && origin_time) e.phases.push_back(std::move(p));
        continue;
      }
      case State::screening:
        read_screening_line(sub_block, line, event().screening, event().characterization, diagnostics);
        continue;
      case State::kept:
        event().kept_lines.emplace_back(trim_right(line.text));
        continue;
    }
    if (kind == BulletinKind::bulletin && !out.events.empty()) {
      // The phase correction block of long bulletins has no format table: its lines are kept as written.
      diagnostics.warning({line.number, 1}, "line of an unknown block kept as written", std::string(kRule));
      state = State::kept;
      event().kept_lines.emplace_back(trim_right(line.text));
      continue;
    }
    diagnostics.error({line.number, 1}, "line is not part of any block of this data type",
                      std::string(kRule));
  }
  return out;
}

std::string write_time_stamp(TimePoint t) {
  return "TIME_STAMP " + write_fixed_date_time(t, 0) + "\n";
}

tl::expected<std::string, std::string> write_event_title(const BulletinEvent& event) {
  FieldWriter w;
  w.literal(1, "EVENT");
  w.text(kEventId, event.id);
  w.text(kRegion, event.region);
  auto line = w.finish();
  if (!line) return tl::unexpected(line.error());
  return *line + "\n";
}

tl::expected<std::string, std::string> write_origin_block(const OriginBlock& block) {
  std::string out(origin::kHeader);
  out += '\n';
  for (const Origin& o : block.origins) {
    using namespace origin;
    FieldWriter w;
    w.date_time(kDate, kTime, o.time);
    w.text(kFixedTime, o.fixed_time ? "f" : "");
    w.real(kTimeErr, o.time_error);
    w.real(kRms, o.rms);
    w.real(kLat, o.latitude);
    w.real(kLon, o.longitude);
    w.text(kFixedEpi, o.fixed_epicentre ? "f" : "");
    w.real(kSmaj, o.semi_major);
    w.real(kSmin, o.semi_minor);
    w.integer(kStrike, o.strike);
    w.real(kDepth, o.depth);
    w.text(kDepthFlag, o.depth_flag);
    w.real(kDepthErr, o.depth_error);
    w.integer(kNdef, o.defining_phases);
    w.integer(kNsta, o.defining_stations);
    w.integer(kGap, o.gap);
    w.real(kMinDist, o.min_distance);
    w.real(kMaxDist, o.max_distance);
    w.text(kAnalysis, o.analysis);
    w.text(kMethod, o.method);
    w.text(kEventType, o.event_type);
    w.text(kAuthor, o.author);
    w.text(kId, o.id);
    auto line = w.finish();
    if (!line) return tl::unexpected("origin " + o.id + ": " + line.error());
    out += *line + "\n";
  }
  out += "\n";
  out += magnitude::kHeader;
  out += '\n';
  for (const Magnitude& m : block.magnitudes) {
    using namespace magnitude;
    FieldWriter w;
    w.text(kType, m.type);
    w.text(kInd, m.indicator);
    w.real(kValue, m.value);
    w.real(kErr, m.error);
    w.integer(kNsta, m.stations);
    w.text(kAuthor, m.author);
    w.text(kOrigId, m.origin_id);
    auto line = w.finish();
    if (!line) return tl::unexpected("magnitude " + m.type + ": " + line.error());
    out += *line + "\n";
  }
  for (const std::string& c : block.comments) out += " (" + c + ")\n";
  return out;
}

tl::expected<std::string, std::string> write_phase_block(const std::vector<Phase>& phases) {
  std::string out(phase::kHeader);
  out += '\n';
  using namespace phase;
  for (const Phase& p : phases) {
    FieldWriter w;
    w.text(kSta, p.station);
    w.real(kDist, p.distance);
    w.real(kEvAz, p.event_azimuth);
    w.text(kPhase, p.phase);
    if (p.time) w.text(kTime, write_fixed_date_time(*p.time, 3).substr(11));
    w.real(kTRes, p.time_residual);
    w.real(kAzim, p.azimuth);
    w.real(kAzRes, p.azimuth_residual);
    w.real(kSlow, p.slowness);
    w.real(kSRes, p.slowness_residual);
    w.text(kDef, p.defining);
    w.real(kSnr, p.snr);
    w.real(kAmp, p.amplitude);
    w.real(kPer, p.period);
    w.text(kQual, p.quality);
    w.text(kMagType, p.magnitude_type);
    w.text(kMagInd, p.magnitude_indicator);
    w.real(kMag, p.magnitude);
    w.text(kId, p.id);
    auto line = w.finish();
    if (!line) return tl::unexpected("phase " + p.id + ": " + line.error());
    out += *line + "\n";
    for (const ExtraMagnitude& m : p.extra_magnitudes) {
      FieldWriter c;
      c.real(kAmp, m.amplitude);
      c.real(kPer, m.period);
      c.text(kQual, m.quality);
      c.text(kMagType, m.type);
      c.text(kMagInd, m.indicator);
      c.real(kMag, m.value);
      auto extra = c.finish();
      if (!extra) return tl::unexpected("phase " + p.id + ": " + extra.error());
      out += *extra + "\n";
    }
  }
  return out;
}

}  // namespace imsgate::ims2::shi
