#include "ims2/shi/arrival.hpp"

#include <array>
#include <span>

#include "ims2/line_reader.hpp"
#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout_read.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

constexpr std::string_view kRule = "6.4.1";

// Table 34: AUTOMATIC and UNASSOCIATED.
namespace automatic {
constexpr Field kNet = text_field(1, 9, "network");
constexpr Field kSta = text_field(11, 15, "station");
constexpr Field kBeam = text_field(17, 28, "beam id");
constexpr Field kDate = text_field(30, 39, "detection date");
constexpr Field kTime = real_field(41, 52, 3, "detection time");
constexpr Field kPhase = text_field(54, 61, "phase");
constexpr Field kAzim = real_field(63, 67, 1, "azimuth");
constexpr Field kSlow = real_field(69, 73, 1, "slowness");
constexpr Field kSnr = real_field(75, 79, 1, "SNR");
constexpr Field kAmp = real_field(81, 89, 1, "amplitude");
constexpr Field kPer = real_field(91, 95, 2, "period");
constexpr Field kSta_avg = real_field(97, 101, 1, "short-term average");
constexpr Field kDur = real_field(103, 107, 1, "duration");
constexpr Field kAuthor = text_field(109, 117, "author");
constexpr Field kId = text_field(119, 127, "detection id");
constexpr std::string_view kHeader =
    "Net       Sta   BeamID          Date       Time      Phase     Azim  Slow   SNR       Amp   Per   STA   "
    "Dur "
    "Author       DetID";
}  // namespace automatic

// Table 35 (REVIEWED) and the first 95 columns of Table 37 (GROUPED).
namespace reviewed {
constexpr Field kNet = text_field(1, 9, "network");
constexpr Field kSta = text_field(11, 15, "station");
constexpr Field kChan = text_field(17, 19, "channel");
constexpr Field kAux = text_field(21, 24, "auxiliary id");
constexpr Field kDate = text_field(26, 35, "arrival date");
constexpr Field kTime = real_field(37, 48, 3, "arrival time");
constexpr Field kPhase = text_field(50, 57, "phase");
constexpr Field kAzim = real_field(59, 63, 1, "azimuth");
constexpr Field kSlow = real_field(65, 69, 1, "slowness");
constexpr Field kSnr = real_field(71, 75, 1, "SNR");
constexpr Field kAmp = real_field(77, 85, 1, "amplitude");
constexpr Field kPer = real_field(87, 91, 2, "period");
constexpr Field kQual = text_field(93, 95, "quality");
constexpr Field kAuthor = text_field(97, 105, "author");
constexpr Field kId = text_field(107, 115, "arrival id");
constexpr std::string_view kHeader =
    "Net       Sta  Chan  Aux     Date      Time      Phase     Azim  Slow   SNR       Amp   Per Qual Author "
    "     "
    "ArrID";
}  // namespace reviewed

namespace grouped {
constexpr Field kGroup = text_field(97, 104, "group id");
constexpr Field kConflict = integer_field(106, 106, "conflict");
constexpr Field kAuthor = text_field(108, 116, "author");
constexpr Field kId = text_field(118, 126, "arrival id");
constexpr std::string_view kHeader =
    "Net       Sta  Chan Aux     Date      Time       Phase     Azim  Slow   SNR       Amp   Per Qual   "
    "Group C "
    "Author       ArrID";
}  // namespace grouped

// Table 38: ASSOCIATED.
namespace associated {
constexpr Field kNet = text_field(1, 9, "network");
constexpr Field kSta = text_field(11, 15, "station");
constexpr Field kDist = real_field(17, 22, 2, "distance");
constexpr Field kEvAz = real_field(24, 28, 1, "event-to-station azimuth");
constexpr Field kPhase = text_field(30, 37, "phase");
constexpr Field kDate = text_field(39, 48, "arrival date");
constexpr Field kTime = real_field(50, 61, 3, "arrival time");
constexpr Field kTRes = real_field(63, 67, 1, "time residual");
constexpr Field kAzim = real_field(69, 73, 1, "azimuth");
constexpr Field kAzRes = real_field(75, 79, 1, "azimuth residual");
constexpr Field kSlow = real_field(81, 85, 1, "slowness");
constexpr Field kSRes = real_field(87, 91, 1, "slowness residual");
constexpr Field kDef = text_field(93, 95, "defining flags");
constexpr Field kSnr = real_field(97, 101, 1, "SNR");
constexpr Field kAmp = real_field(103, 111, 1, "amplitude");
constexpr Field kPer = real_field(113, 117, 2, "period");
constexpr Field kQual = text_field(119, 121, "quality");
constexpr Field kMagType = text_field(123, 127, "magnitude type");
constexpr Field kMagInd = text_field(128, 128, "magnitude indicator");
constexpr Field kMag = real_field(129, 132, 1, "magnitude");
constexpr Field kOrigId = text_field(134, 141, "origin id");
constexpr Field kAuthor = text_field(143, 151, "author");
constexpr Field kId = text_field(153, 161, "arrival id");
constexpr std::string_view kHeader =
    "Net       Sta     Dist  EvAz     Phase  Date        Time       TRes  Azim AzRes  Slow  SRes Def   SNR   "
    "    Amp "
    "  Per Qual Magnitude   OrigID Author       ArrID";
}  // namespace associated

std::string_view header_of(ArrivalSubtype s) {
  switch (s) {
    case ArrivalSubtype::automatic:
    case ArrivalSubtype::unassociated:
      return automatic::kHeader;
    case ArrivalSubtype::reviewed:
      return reviewed::kHeader;
    case ArrivalSubtype::grouped:
      return grouped::kHeader;
    case ArrivalSubtype::associated:
      return associated::kHeader;
  }
  return {};
}

std::string_view table_of(ArrivalSubtype s) {
  switch (s) {
    case ArrivalSubtype::automatic:
    case ArrivalSubtype::unassociated:
      return "Table 34";
    case ArrivalSubtype::reviewed:
      return "Table 35";
    case ArrivalSubtype::grouped:
      return "Table 37";
    case ArrivalSubtype::associated:
      return "Table 38";
  }
  return {};
}

// The blank-separated reading of each layout. The network is a slot only when column 1 is not blank (it is
// left-justified at column 1); fields that real senders usually leave blank are cheaper to skip.
std::vector<TokenSlot> slots_of(ArrivalSubtype s, bool has_network) {
  using C = TokenClass;
  std::vector<TokenSlot> v;
  auto add = [&v](const Field& f, C c, int cost = 2) { v.push_back({&f, c, cost}); };
  switch (s) {
    case ArrivalSubtype::automatic:
    case ArrivalSubtype::unassociated: {
      using namespace automatic;
      if (has_network) add(kNet, C::any, kRequired);
      add(kSta, C::any, kRequired);
      add(kBeam, C::any, kOftenBlank);
      add(kDate, C::date, kRequired);
      add(kTime, C::time, kRequired);
      add(kPhase, C::word);
      for (const Field* f : {&kAzim, &kSlow, &kSnr, &kAmp, &kPer, &kSta_avg}) add(*f, C::number);
      add(kDur, C::number, kOftenBlank);
      add(kAuthor, C::any, 3);
      add(kId, C::any, 3);
      break;
    }
    case ArrivalSubtype::reviewed:
    case ArrivalSubtype::grouped: {
      using namespace reviewed;
      if (has_network) add(kNet, C::any, kRequired);
      add(kSta, C::any, kRequired);
      add(kChan, C::any);
      add(kAux, C::any, kOftenBlank);
      add(kDate, C::date, kRequired);
      add(kTime, C::time, kRequired);
      add(kPhase, C::word);
      for (const Field* f : {&kAzim, &kSlow, &kSnr, &kAmp, &kPer}) add(*f, C::number);
      add(kQual, C::flags, 3);
      if (s == ArrivalSubtype::grouped) {
        add(grouped::kGroup, C::any);
        add(grouped::kConflict, C::number, kOftenBlank);
        add(grouped::kAuthor, C::any, 3);
        add(grouped::kId, C::any, 3);
      } else {
        add(kAuthor, C::any, 3);
        add(kId, C::any, 3);
      }
      break;
    }
    case ArrivalSubtype::associated: {
      using namespace associated;
      if (has_network) add(kNet, C::any, kRequired);
      add(kSta, C::any, kRequired);
      add(kDist, C::number);
      add(kEvAz, C::number);
      add(kPhase, C::word);
      add(kDate, C::date, kRequired);
      add(kTime, C::time, kRequired);
      add(kTRes, C::number, kOftenBlank);  // blank for arrivals not defining in time (tx, N)
      for (const Field* f : {&kAzim, &kAzRes, &kSlow, &kSRes}) add(*f, C::number);
      add(kDef, C::flags, 3);  // written on every line, as are the quality flags
      for (const Field* f : {&kSnr, &kAmp, &kPer}) add(*f, C::number);
      add(kQual, C::flags, 3);
      add(kMagType, C::word, kOftenBlank);
      add(kMagInd, C::bound, 0);
      add(kMag, C::number, kOftenBlank);
      add(kOrigId, C::any, 3);
      add(kAuthor, C::any, 3);
      add(kId, C::any, 3);
      break;
    }
  }
  return v;
}

// Continuation line of an associated arrival: amplitude, period, quality and a magnitude only.
std::vector<TokenSlot> continuation_slots() {
  using namespace associated;
  using C = TokenClass;
  return {{&kAmp, C::number, 2},   {&kPer, C::number, 2},   {&kQual, C::flags, 2},
          {&kMagType, C::word, 2}, {&kMagInd, C::bound, 0}, {&kMag, C::number, 2}};
}

void require(FieldReader& r, bool present, const Field& f, Diagnostics& d) {
  if (!present)
    d.error({r.line().number, f.first},
            std::string(f.name) + " is missing (columns " + std::to_string(f.first) + "-" +
                std::to_string(f.last) + ")",
            std::string(kRule));
}

ArrivalRecord read_record(ArrivalSubtype s, const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  ArrivalRecord a;
  switch (s) {
    case ArrivalSubtype::automatic:
    case ArrivalSubtype::unassociated: {
      using namespace automatic;
      a.network = r.text(kNet);
      a.station = r.text(kSta);
      a.beam_id = r.text(kBeam);
      a.time = r.date_time(kDate, kTime);
      require(r, a.time.has_value() || !trim(r.raw(kDate)).empty(), kDate, d);
      a.phase = r.text(kPhase);
      a.azimuth = r.real(kAzim);
      a.slowness = r.real(kSlow);
      a.snr = r.real(kSnr);
      a.amplitude = r.real(kAmp);
      a.period = r.real(kPer);
      a.short_term_average = r.real(kSta_avg);
      a.duration = r.real(kDur);
      a.author = r.text(kAuthor);
      a.id = r.text(kId);
      break;
    }
    case ArrivalSubtype::reviewed:
    case ArrivalSubtype::grouped: {
      using namespace reviewed;
      a.network = r.text(kNet);
      a.station = r.text(kSta);
      a.channel = r.text(kChan);
      a.aux = r.text(kAux);
      a.time = r.date_time(kDate, kTime);
      require(r, a.time.has_value() || !trim(r.raw(kDate)).empty(), kDate, d);
      a.phase = r.text(kPhase);
      a.azimuth = r.real(kAzim);
      a.slowness = r.real(kSlow);
      a.snr = r.real(kSnr);
      a.amplitude = r.real(kAmp);
      a.period = r.real(kPer);
      a.quality = flags_text(r.raw(kQual));
      if (s == ArrivalSubtype::grouped) {
        a.group_id = r.text(grouped::kGroup);
        a.conflict = r.integer(grouped::kConflict);
        if (a.conflict == 0) a.conflict.reset();  // I.4.3 prints 0 where Table 37 asks for blank
        a.author = r.text(grouped::kAuthor);
        a.id = r.text(grouped::kId);
      } else {
        a.author = r.text(kAuthor);
        a.id = r.text(kId);
      }
      break;
    }
    case ArrivalSubtype::associated: {
      using namespace associated;
      a.network = r.text(kNet);
      a.station = r.text(kSta);
      a.distance = r.real(kDist);
      a.event_azimuth = r.real(kEvAz);
      a.phase = r.text(kPhase);
      a.time = r.date_time(kDate, kTime);
      require(r, a.time.has_value() || !trim(r.raw(kDate)).empty(), kDate, d);
      a.time_residual = r.real(kTRes);
      a.azimuth = r.real(kAzim);
      a.azimuth_residual = r.real(kAzRes);
      a.slowness = r.real(kSlow);
      a.slowness_residual = r.real(kSRes);
      a.defining = flags_text(r.raw(kDef));
      a.snr = r.real(kSnr);
      a.amplitude = r.real(kAmp);
      a.period = r.real(kPer);
      a.quality = flags_text(r.raw(kQual));
      a.magnitude_type = r.text(kMagType);
      a.magnitude_indicator = r.text(kMagInd);
      a.magnitude = r.real(kMag);
      a.origin_id = r.text(kOrigId);
      a.author = r.text(kAuthor);
      a.id = r.text(kId);
      break;
    }
  }
  require(
      r, !a.station.empty(),
      s == ArrivalSubtype::automatic || s == ArrivalSubtype::unassociated ? automatic::kSta : reviewed::kSta,
      d);
  return a;
}

ExtraMagnitude read_continuation(const Line& line, Diagnostics& d) {
  using namespace associated;
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

bool has_date_token(std::string_view text) {
  for (const Token& t : split_tokens(text))
    if (t.text.size() == 10 && t.text[4] == '/' && t.text[7] == '/') return true;
  return false;
}

tl::expected<std::string, std::string> write_record(ArrivalSubtype s, const ArrivalRecord& a) {
  FieldWriter w;
  switch (s) {
    case ArrivalSubtype::automatic:
    case ArrivalSubtype::unassociated: {
      using namespace automatic;
      w.text(kNet, a.network);
      w.text(kSta, a.station);
      w.text(kBeam, a.beam_id);
      w.date_time(kDate, kTime, a.time);
      w.text(kPhase, a.phase);
      w.real(kAzim, a.azimuth);
      w.real(kSlow, a.slowness);
      w.real(kSnr, a.snr);
      w.real(kAmp, a.amplitude);
      w.real(kPer, a.period);
      w.real(kSta_avg, a.short_term_average);
      w.real(kDur, a.duration);
      w.text(kAuthor, a.author);
      w.text(kId, a.id);
      break;
    }
    case ArrivalSubtype::reviewed:
    case ArrivalSubtype::grouped: {
      using namespace reviewed;
      w.text(kNet, a.network);
      w.text(kSta, a.station);
      w.text(kChan, a.channel);
      w.text(kAux, a.aux);
      w.date_time(kDate, kTime, a.time);
      w.text(kPhase, a.phase);
      w.real(kAzim, a.azimuth);
      w.real(kSlow, a.slowness);
      w.real(kSnr, a.snr);
      w.real(kAmp, a.amplitude);
      w.real(kPer, a.period);
      w.text(kQual, a.quality);
      if (s == ArrivalSubtype::grouped) {
        w.text(grouped::kGroup, a.group_id);
        w.integer(grouped::kConflict, a.conflict);
        w.text(grouped::kAuthor, a.author);
        w.text(grouped::kId, a.id);
      } else {
        w.text(kAuthor, a.author);
        w.text(kId, a.id);
      }
      break;
    }
    case ArrivalSubtype::associated: {
      using namespace associated;
      w.text(kNet, a.network);
      w.text(kSta, a.station);
      w.real(kDist, a.distance);
      w.real(kEvAz, a.event_azimuth);
      w.text(kPhase, a.phase);
      w.date_time(kDate, kTime, a.time);
      w.real(kTRes, a.time_residual);
      w.real(kAzim, a.azimuth);
      w.real(kAzRes, a.azimuth_residual);
      w.real(kSlow, a.slowness);
      w.real(kSRes, a.slowness_residual);
      w.text(kDef, a.defining);
      w.real(kSnr, a.snr);
      w.real(kAmp, a.amplitude);
      w.real(kPer, a.period);
      w.text(kQual, a.quality);
      w.text(kMagType, a.magnitude_type);
      w.text(kMagInd, a.magnitude_indicator);
      w.real(kMag, a.magnitude);
      w.text(kOrigId, a.origin_id);
      w.text(kAuthor, a.author);
      w.text(kId, a.id);
      break;
    }
  }
  return w.finish();
}

}  // namespace

std::optional<ArrivalSubtype> arrival_subtype(std::string_view subtype) {
  if (subtype.empty() || iequals(subtype, "associated")) return ArrivalSubtype::associated;
  if (iequals(subtype, "automatic")) return ArrivalSubtype::automatic;
  if (iequals(subtype, "unassociated")) return ArrivalSubtype::unassociated;
  if (iequals(subtype, "reviewed")) return ArrivalSubtype::reviewed;
  if (iequals(subtype, "grouped")) return ArrivalSubtype::grouped;
  return std::nullopt;
}

std::string_view arrival_subtype_name(ArrivalSubtype subtype) {
  switch (subtype) {
    case ArrivalSubtype::automatic:
      return "AUTOMATIC";
    case ArrivalSubtype::unassociated:
      return "UNASSOCIATED";
    case ArrivalSubtype::reviewed:
      return "REVIEWED";
    case ArrivalSubtype::grouped:
      return "GROUPED";
    case ArrivalSubtype::associated:
      return "ASSOCIATED";
  }
  return {};
}

Arrival read_arrival(const DataSection& section, Diagnostics& diagnostics) {
  Arrival arrival;
  const auto subtype = arrival_subtype(section.header.subtype);
  if (!subtype) {
    diagnostics.error({section.line.number, 0}, "unknown ARRIVAL subtype '" + section.header.subtype + "'",
                      std::string(kRule));
    return arrival;
  }
  arrival.subtype = *subtype;
  const std::string_view header = header_of(*subtype);
  const std::string_view table = table_of(*subtype);
  LineReader lines(section.body);
  const int offset = section.first_body_line() - 1;
  while (auto next = lines.next()) {
    Line line = *next;
    line.number += offset;
    if (trim(line.text).empty()) continue;
    if (is_column_title(line.text, header)) continue;
    if (is_elision_mark(line.text)) {
      diagnostics.warning({line.number, 1}, "elision mark of the spec's examples skipped",
                          std::string(kRule));
      continue;
    }
    if (*subtype == ArrivalSubtype::associated && !has_date_token(line.text)) {
      if (arrival.records.empty()) {
        diagnostics.error({line.number, 1}, "magnitude continuation line before any arrival",
                          std::string(kRule));
        continue;
      }
      const auto slots = continuation_slots();
      Diagnostics local;
      ExtraMagnitude m = read_tolerant(line, slots, kRule, table, local, read_continuation);
      diagnostics.append(local);
      if (!local.has_errors()) arrival.records.back().extra_magnitudes.push_back(std::move(m));
      continue;
    }
    const auto slots = slots_of(*subtype, !line.text.empty() && !is_blank(line.text[0]));
    Diagnostics local;
    ArrivalRecord record =
        read_tolerant(line, slots, kRule, table, local,
                      [&](const Line& l, Diagnostics& d) { return read_record(*subtype, l, d); });
    diagnostics.append(local);
    if (!local.has_errors()) arrival.records.push_back(std::move(record));
  }
  return arrival;
}

tl::expected<std::string, std::string> write_arrival(const Arrival& arrival) {
  std::string out(header_of(arrival.subtype));
  out += '\n';
  for (const ArrivalRecord& a : arrival.records) {
    auto line = write_record(arrival.subtype, a);
    if (!line) return tl::unexpected("arrival " + a.id + ": " + line.error());
    out += *line;
    out += '\n';
    for (const ExtraMagnitude& m : a.extra_magnitudes) {
      using namespace associated;
      FieldWriter w;
      w.real(kAmp, m.amplitude);
      w.real(kPer, m.period);
      w.text(kQual, m.quality);
      w.text(kMagType, m.type);
      w.text(kMagInd, m.indicator);
      w.real(kMag, m.value);
      auto extra = w.finish();
      if (!extra) return tl::unexpected("arrival " + a.id + ": " + extra.error());
      out += *extra;
      out += '\n';
    }
  }
  return out;
}

}  // namespace imsgate::ims2::shi
