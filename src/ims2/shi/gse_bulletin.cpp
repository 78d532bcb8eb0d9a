#include "ims2/shi/gse_bulletin.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ims2/fixed_format.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/shi/layout.hpp"
#include "ims2/shi/layout_read.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

constexpr std::string_view kRule = "GSE2.0 bulletin";

// Columns as the GSE_IDC files write them. A text field starts at its column and a number ends at its column,
// as written; each reaches into the blanks beside it, so that senders that move a value by a column
// (FRA_NDC's amplitudes, identifiers, qualities) still read. Where the reading needs more room than the
// writer may take, a second field gives the written columns.
namespace origin1 {
constexpr Field kDate = text_field(1, 10, "origin date");
constexpr Field kTime = real_field(12, 21, 1, "origin time");
constexpr Field kFixedTime = text_field(23, 23, "fixed origin time flag");
constexpr Field kLat = real_field(24, 33, 4, "latitude");
constexpr Field kLon = real_field(34, 43, 4, "longitude");
constexpr Field kFixedEpi = text_field(45, 45, "fixed epicentre flag");
constexpr Field kDepth = real_field(46, 52, 1, "depth");
constexpr Field kDepthFlag = text_field(54, 55, "depth flag");
constexpr Field kNdef = integer_field(56, 60, "defining phases");
constexpr Field kNsta = integer_field(61, 65, "defining stations");
constexpr Field kGap = integer_field(66, 69, "azimuthal gap");
constexpr std::array<Field, 3> kMagType = {text_field(72, 74, "magnitude 1 type"),
                                           text_field(83, 85, "magnitude 2 type"),
                                           text_field(94, 96, "magnitude 3 type")};
constexpr std::array<Field, 3> kMag = {real_field(75, 77, 1, "magnitude 1"),
                                       real_field(86, 88, 1, "magnitude 2"),
                                       real_field(97, 99, 1, "magnitude 3")};
constexpr std::array<Field, 3> kMagN = {integer_field(78, 80, "magnitude 1 stations"),
                                        integer_field(89, 91, "magnitude 2 stations"),
                                        integer_field(100, 102, "magnitude 3 stations")};
constexpr Field kAuthor = text_field(105, 114, "author");
constexpr int kAuthorWidth = 8;  // as written; a longer author goes on a line of its own below
constexpr Field kId = text_field(115, 124, "origin id");
constexpr Field kIdWritten = text_field(115, 122, "origin id");  // right-justified
constexpr std::string_view kHeader =
    "   Date       Time       Latitude Longitude    Depth    Ndef Nsta Gap    Mag1  N    Mag2  N    Mag3  N  "
    "Author          ID";
}  // namespace origin1

namespace origin2 {
constexpr Field kRms = real_field(1, 10, 2, "rms");
constexpr int kTimeErrSign = 14;  // "+-"
constexpr Field kTimeErr = real_field(16, 21, 2, "origin time error");
constexpr Field kSmaj = real_field(22, 31, 1, "semi-major axis");
constexpr Field kSmin = real_field(32, 38, 1, "semi-minor axis");
constexpr Field kAz = real_field(39, 46, 2, "ellipse strike");  // some senders write decimals
constexpr Field kAzWritten = integer_field(39, 43, "ellipse strike");
constexpr int kDepthErrSign = 48;
constexpr Field kDepthErr = real_field(50, 54, 1, "depth error");
constexpr Field kMinDist = real_field(55, 62, 2, "closest distance");
constexpr Field kMaxDist = real_field(63, 69, 2, "furthest distance");
constexpr std::array<Field, 3> kMagErr = {real_field(72, 77, 1, "magnitude 1 error"),
                                          real_field(83, 88, 1, "magnitude 2 error"),
                                          real_field(94, 99, 1, "magnitude 3 error")};
constexpr Field kQuality = text_field(100, 124, "quality");  // three words
constexpr Field kAnalysis = text_field(105, 105, "analysis type");
constexpr Field kMethod = text_field(107, 107, "location method");
constexpr Field kEventType = text_field(109, 110, "event type");
constexpr std::string_view kHeader =
    "       rms   OT_Error      Smajor Sminor Az        Err   mdist  Mdist     Err        Err        Err     "
    "Quality";
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
constexpr Field kAmpWritten = real_field(94, 103, 1, "amplitude");
constexpr Field kPer = real_field(105, 109, 1, "period");
constexpr std::array<Field, 2> kMagType = {text_field(111, 112, "magnitude 1 type"),
                                           text_field(118, 119, "magnitude 2 type")};
constexpr std::array<Field, 2> kMag = {real_field(113, 116, 1, "magnitude 1"),
                                       real_field(120, 123, 1, "magnitude 2")};
constexpr Field kId = text_field(124, 132, "arrival id");  // right-justified
constexpr std::string_view kHeader =
    "Sta    Dist   EvAz     Phase       Date      Time     TRes  Azim  AzRes  Slow  SRes Def  SNR        Amp "
    "  "
    "Per   Mag1   Mag2 Arr ID";
}  // namespace phase

bool is_date_shaped(std::string_view t) {
  return t.size() >= 10 && t[4] == '/' && t[7] == '/';
}

bool fixed_flag(FieldReader& r, const Field& f, Diagnostics& diagnostics) {
  const std::string flag = r.text(f);
  if (!flag.empty() && flag != "f")
    diagnostics.error({r.line().number, f.first}, std::string(f.name) + " '" + flag + "' is not 'f' or blank",
                      std::string(kRule));
  return flag == "f";
}

enum class State { start, origin, region, phase };

}  // namespace

bool is_gse_bulletin(const DataSection& section) {
  if (istarts_with(section.header.format, "GSE")) return true;
  LineReader lines(section.body);
  while (auto line = lines.next())
    if (is_column_title(line->text, origin2::kHeader)) return true;
  return false;
}

Bulletin read_gse_bulletin(const DataSection& section, Diagnostics& diagnostics) {
  Bulletin out;
  out.layout = BulletinLayout::gse2;
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
    if (is_column_title(line.text, origin1::kHeader) || is_column_title(line.text, origin2::kHeader))
      continue;
    if (is_column_title(line.text, phase::kHeader)) {
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
    // An origin's first line; after a second line, the next origin's.
    if ((state == State::origin || state == State::region) && is_date_shaped(t)) {
      using namespace origin1;
      Origin& o = e.origin.origins.emplace_back();
      o.time = r.date_time(kDate, kTime);
      o.fixed_time = fixed_flag(r, kFixedTime, diagnostics);
      o.latitude = r.real(kLat);
      o.longitude = r.real(kLon);
      o.fixed_epicentre = fixed_flag(r, kFixedEpi, diagnostics);
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
      state = State::origin;
      continue;
    }
    if (state == State::origin && last_origin && tokens.size() == 1 && tokens[0].column > 100) {
      // An author too long for its columns, continued under them ("bulletin" / "_test").
      last_origin->author += std::string(tokens[0].text);
      for (Magnitude* m : magnitude_of_slot)
        if (m) m->author = last_origin->author;
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

namespace {

using Error = tl::unexpected<std::string>;

// GSE2.0 senders write more decimals than the GSE_IDC columns (FRA_NDC's periods): a value takes the columns'
// decimals when they give it back, else as many more as it needs and its width allows.
int decimals_for(double value, int decimals, int width) {
  int chosen = decimals;
  for (int d = decimals; d <= 6; ++d) {
    const std::string s = fmt::format("{:.{}f}", value, d);
    if (static_cast<int>(s.size()) > width) break;
    chosen = d;
    if (parse_real(s) == value) break;
  }
  return chosen;
}

void real(FieldWriter& w, Field f, std::optional<double> value) {
  if (value) f.decimals = decimals_for(*value, f.decimals, f.width());
  w.real(f, value);
}

// The magnitudes of one origin line: those after the previous origin's that name this origin, at most three.
// Two origins of the same id and author share their magnitudes in any split, and read back the same.
tl::expected<std::vector<const Magnitude*>, std::string> take_magnitudes(const Origin& o,
                                                                         const std::vector<Magnitude>& all,
                                                                         std::size_t& next) {
  std::vector<const Magnitude*> mine;
  while (next < all.size() && mine.size() < origin1::kMag.size() && all[next].origin_id == o.id &&
         all[next].author == o.author) {
    const Magnitude& m = all[next++];
    if (m.type.empty() || !m.indicator.empty())
      return Error("origin " + o.id + ": a GSE2.0 magnitude has a type and no '<' or '>'");
    mine.push_back(&m);
  }
  return mine;
}

tl::expected<std::string, std::string> first_origin_line(const Origin& o,
                                                         const std::vector<const Magnitude*>& mags) {
  using namespace origin1;
  if (!o.time) return Error("origin " + o.id + ": a GSE2.0 origin line begins with its date and time");
  FieldWriter w;
  w.date_time(kDate, kTime, o.time);
  w.text(kFixedTime, o.fixed_time ? "f" : "");
  real(w, kLat, o.latitude);
  real(w, kLon, o.longitude);
  w.text(kFixedEpi, o.fixed_epicentre ? "f" : "");
  real(w, kDepth, o.depth);
  w.text(kDepthFlag, o.depth_flag);
  w.integer(kNdef, o.defining_phases);
  w.integer(kNsta, o.defining_stations);
  w.integer(kGap, o.gap);
  for (std::size_t i = 0; i < mags.size(); ++i) {
    w.text(kMagType[i], mags[i]->type);
    real(w, kMag[i], mags[i]->value);
    w.integer(kMagN[i], mags[i]->stations);
  }
  w.text(kAuthor, std::string_view(o.author).substr(0, kAuthorWidth));
  w.right_justified(kIdWritten, o.id);
  auto line = w.finish();
  if (!line) return Error("origin " + o.id + ": " + line.error());
  std::string out = *line + "\n";
  if (o.author.size() > kAuthorWidth) {
    // The reader joins a single word under the author's columns to the author.
    if (o.author.find(' ') != std::string::npos)
      return Error("origin " + o.id + ": an author longer than " + std::to_string(kAuthorWidth) +
                   " characters is continued below, and cannot hold a blank");
    FieldWriter more;
    more.text(kAuthor, std::string_view(o.author).substr(kAuthorWidth));
    out += *more.finish() + "\n";
  }
  return out;
}

tl::expected<std::string, std::string> second_origin_line(const Origin& o,
                                                          const std::vector<const Magnitude*>& mags) {
  using namespace origin2;
  FieldWriter w;
  real(w, kRms, o.rms);
  if (o.time_error) w.literal(kTimeErrSign, "+-");
  real(w, kTimeErr, o.time_error);
  real(w, kSmaj, o.semi_major);
  real(w, kSmin, o.semi_minor);
  w.integer(kAzWritten, o.strike);
  if (o.depth_error) w.literal(kDepthErrSign, "+-");
  real(w, kDepthErr, o.depth_error);
  real(w, kMinDist, o.min_distance);
  real(w, kMaxDist, o.max_distance);
  for (std::size_t i = 0; i < mags.size(); ++i)
    if (const auto error = mags[i]->error) {
      const int width = kMagErr[i].width() - 2;  // after "+-"
      w.right_justified(kMagErr[i],
                        fmt::format("+-{:.{}f}", *error, decimals_for(*error, kMagErr[i].decimals, width)));
    }
  // The quality is read as words in order: a word cannot be left out before another.
  if ((o.analysis.empty() && !o.method.empty()) || (o.method.empty() && !o.event_type.empty()))
    return Error("origin " + o.id +
                 ": the quality words (analysis, method, event type) are written in order");
  w.text(kAnalysis, o.analysis);
  w.text(kMethod, o.method);
  w.text(kEventType, o.event_type);
  auto line = w.finish();
  if (!line) return Error("origin " + o.id + ": " + line.error());
  const auto words = split_tokens(*line);
  if (words.size() == 1 && words[0].column > 100)
    return Error("origin " + o.id + ": a second line of one word under the author reads as the author's end");
  return *line;
}

tl::expected<std::string, std::string> phase_line(const Phase& p) {
  using namespace phase;
  const std::string what = "phase " + p.id + ": ";
  if (!p.magnitude_indicator.empty()) return Error(what + "a GSE2.0 magnitude has no '<' or '>'");
  if (p.extra_magnitudes.size() > 1) return Error(what + "a GSE2.0 phase line holds two magnitudes");
  FieldWriter w;
  w.text(kSta, p.station);
  real(w, kDist, p.distance);
  real(w, kEvAz, p.event_azimuth);
  w.text(kQual, p.quality);
  w.text(kPhase, p.phase);
  w.date_time(kDate, kTime, p.time);
  real(w, kTRes, p.time_residual);
  real(w, kAzim, p.azimuth);
  real(w, kAzRes, p.azimuth_residual);
  real(w, kSlow, p.slowness);
  real(w, kSRes, p.slowness_residual);
  w.text(kDef, p.defining);
  real(w, kSnr, p.snr);
  real(w, kAmpWritten, p.amplitude);
  real(w, kPer, p.period);
  w.text(kMagType[0], p.magnitude_type);
  real(w, kMag[0], p.magnitude);
  if (!p.extra_magnitudes.empty()) {
    const ExtraMagnitude& m = p.extra_magnitudes[0];
    if (m.type.empty() || !m.indicator.empty() || m.amplitude || m.period || !m.quality.empty())
      return Error(what + "a GSE2.0 second magnitude is a type and a value");
    w.text(kMagType[1], m.type);
    real(w, kMag[1], m.value);
  }
  w.right_justified(kId, p.id);
  auto line = w.finish();
  if (!line) return Error(what + line.error());
  if (split_tokens(*line).size() < 3) return Error(what + "a GSE2.0 phase line has at least three words");
  return *line;
}

tl::expected<void, std::string> write_event(layout::TextBuilder& out, const BulletinEvent& e) {
  if (!e.kept_lines.empty() || !e.origin.comments.empty() || e.screening != EventScreening{} ||
      e.characterization != EventCharacterization{})
    return Error("event " + e.id + ": a GSE2.0 bulletin has no comments, screening or other blocks");
  if (e.id.find(' ') != std::string::npos) return Error("event '" + e.id + "': an event id is one word");
  if (!e.region.empty() && e.origin.origins.empty())
    return Error("event " + e.id + ": a GSE2.0 region line follows an origin");
  out.add(e.id.empty() ? std::string("EVENT") : "EVENT " + e.id);
  out.add(origin1::kHeader);
  out.add(origin2::kHeader);
  out.add("");
  std::size_t next = 0;
  for (std::size_t i = 0; i < e.origin.origins.size(); ++i) {
    const Origin& o = e.origin.origins[i];
    auto mags = take_magnitudes(o, e.origin.magnitudes, next);
    if (!mags) return Error(mags.error());
    auto first = first_origin_line(o, *mags);
    if (!first) return Error(first.error());
    auto second = second_origin_line(o, *mags);
    if (!second) return Error(second.error());
    // A blank second line is skipped by the reader, which would take the region line for it.
    if (second->empty() && i + 1 == e.origin.origins.size() && !e.region.empty())
      return Error("origin " + o.id + ": a second origin line without values cannot precede the region");
    out.add(*first + *second);
  }
  if (next != e.origin.magnitudes.size())
    return Error("event " + e.id + ": magnitude " + e.origin.magnitudes[next].type +
                 " is not of the origin line before it, or one too many (three an origin)");
  out.add("");
  if (!e.region.empty()) out.add(e.region);
  out.add(phase::kHeader);
  for (const Phase& p : e.phases) {
    auto line = phase_line(p);
    if (!line) return Error(line.error());
    out.add(*line);
  }
  out.add("");
  out.add("");
  return {};
}

}  // namespace

tl::expected<std::string, std::string> write_gse_bulletin(const Bulletin& bulletin) {
  if (bulletin.time_stamp || bulletin.end_time_stamp)
    return Error("a GSE2.0 bulletin has no TIME_STAMP lines");
  layout::TextBuilder out;
  if (!bulletin.title.empty()) out.add(bulletin.title);
  // Without events, the column titles still mark the section as GSE2.0 where its DATA_TYPE line does not.
  if (bulletin.events.empty()) {
    out.add(origin1::kHeader);
    out.add(origin2::kHeader);
  }
  for (const BulletinEvent& e : bulletin.events)
    if (auto ok = write_event(out, e); !ok) return Error(ok.error());
  return out.finish();
}

}  // namespace imsgate::ims2::shi
