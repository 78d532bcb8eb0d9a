#include "ims2/rn/phd_validate.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <set>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::string_view kTableRule = "7.2";
constexpr std::string_view kBlockRule = "7.2.11";
constexpr std::string_view kMidRule = "7.2.10";

// Table 57 as the digest resolves it (§1.3): per block, 7 letters per system type P, G and B for SAMPLEPHD,
// BLANKPHD, DETBKPHD, GASBKPHD, CALIBPHD, QCPHD, SPIKEPHD. r required, o optional, - not used, x no such PHD
// (BLANKPHD is particulate only, GASBKPHD beta-gamma only), d required but missing in real messages (GASBKPHD
// #Processing, I.19): a deviation. #Acquisition, required everywhere, is on the second page of Table 57.
constexpr std::array<std::string_view, 19> kTable57{
    "oooxooo oxoxooo oxooooo",  // #Comment
    "r--x--r rx-x--r rx----r",  // #Collection
    "rrrxrrr rxrxrrr rxrrrrr",  // #Acquisition
    "---x--- rx-x--r rx-d--r",  // #Processing
    "oo-xooo ox-xooo ox-oooo",  // #Sample
    "rrrxrrr rxrxrrr rxrrrrr",  // #g_Energy
    "---x--- -x-x--- rxrrrrr",  // #b_Energy
    "rrrxrrr rxrxrrr rxrrrrr",  // #g_Resolution
    "---x--- -x-x--- rxrrrrr",  // #b_Resolution
    "rrrxrrr rxrxrrr oxooooo",  // #g_Efficiency
    "---x--- -x-x--- rxrrrrr",  // #ROI_Limits
    "---x--- -x-x--- rxrrrrr",  // #b-gEfficiency
    "oooxooo oxoxooo oxooooo",  // #g_TotalEfficiency
    "---x--- -x-x--- rxrrrrr",  // #Ratios
    "rrrxrrr rxrxrrr rxrrrrr",  // #g_Spectrum
    "---x--- -x-x--- rxrrrrr",  // #b_Spectrum
    "---x--- -x-x--- rxrrrrr",  // #Histogram
    "oooxrro oxoxrro oxoorro",  // #Calibration
    "---xrro -x-xrro -x--rro",  // #Certificate
};

char requirement(PhdBlockKind kind, SystemType system, PhdType type) {
  const std::string_view row = kTable57[static_cast<std::size_t>(kind)];
  std::string letters;
  for (char c : row)
    if (c != ' ') letters.push_back(c);
  return letters[static_cast<std::size_t>(system) * 7 + static_cast<std::size_t>(type)];
}

std::string_view system_name(SystemType s) {
  switch (s) {
    case SystemType::particulate:
      return "particulate (P)";
    case SystemType::noble_gas_hpge:
      return "noble gas HPGe (G)";
    case SystemType::beta_gamma:
      return "beta-gamma (B)";
  }
  return {};
}

Position header_record(const Product& product, std::size_t record) {
  if (product.blocks.empty()) return {};
  const Block& h = product.blocks[0];
  if (record < h.records.size()) return {h.records[record].number, 1};
  return {h.name_line.number, 1};
}

Position block_at(const Product& product, PhdBlockKind kind, std::size_t record = 0) {
  if (const Block* b = product.find(block_name(kind))) {
    if (record < b->records.size()) return {b->records[record].number, 1};
    return {b->name_line.number, 1};
  }
  return header_record(product, 0);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "ccMMMMMMMMxxxx" with the marker digit M, and an optional suffix from `suffixes`.
bool marker_srid(std::string_view s, char marker, std::string_view suffixes) {
  if (s.size() == 15 && suffixes.find(ascii_upper(s[14])) != std::string_view::npos) s.remove_suffix(1);
  return s.size() == 14 && all_digits(s) && s.substr(2, 8) == std::string(8, marker);
}

// "ccyyyymmddhh" then two more characters and a suffix: the date form of samples and gas backgrounds.
bool dated_srid(std::string_view s, std::string_view suffixes, bool suffix_required) {
  if (s.size() == 15 && suffixes.find(ascii_upper(s[14])) != std::string_view::npos) {
    s.remove_suffix(1);
  } else if (suffix_required) {
    return false;
  }
  return s.size() == 14 && all_digits(s);
}

void check_srid(const Phd& phd, PhdType type, const Product& product, Diagnostics& d, Mode mode) {
  const PhdHeader& h = phd.header;
  const std::string_view s = h.srid;
  if (s.empty()) return;
  const Position at = header_record(product, 1);
  const bool noble = h.system_type != SystemType::particulate;
  std::string_view rule;
  std::string_view form;
  bool ok = false;
  switch (type) {
    case PhdType::blank:
      rule = "7.2.3", form = "cc00000000xxxx", ok = marker_srid(s, '0', "");
      break;
    case PhdType::detector_background:
      rule = "7.2.4", form = "cc11111111xxxx[X]", ok = marker_srid(s, '1', "XG");
      break;
    case PhdType::quality_control:
      rule = "7.2.7", form = "cc88888888xxxx[X]", ok = marker_srid(s, '8', "XG");
      break;
    case PhdType::calibration:
      rule = "7.2.8", form = "cc99999999xxxx[X]", ok = marker_srid(s, '9', "XG");
      break;
    case PhdType::gas_background:
      rule = "7.2.2", form = "ccyyyymmddhh00X", ok = dated_srid(s, "XG", true) && s.substr(12, 2) == "00";
      break;
    case PhdType::spike:
      rule = "7.2.5", form = "ccyyyymmddhhPpK", ok = dated_srid(s, "KG", true);
      break;
    case PhdType::sample: {
      rule = "7.2.1", form = "ccyyyymmddhhPp[X]";
      // Special IMS samples and laboratory samples (7.2.6) come as SAMPLEPHD too.
      ok = marker_srid(s, '7', "X") ||
           (s.size() == 15 && all_digits(s.substr(0, 6)) && s.substr(2, 4) == "7777") ||
           dated_srid(s, "XG", false);
      if (ok && dated_srid(s, "XG", false) && !marker_srid(s, '7', "X")) {
        const char part = s[12], parts = s[13];
        if (parts < '1' || part < '1' || (part > parts && part != '9'))
          deviation(d, mode, at,
                    fmt::format("SRID '{}': the split {}{} is not 1 <= P <= p <= 9 or P = 9", s, part, parts),
                    std::string(rule));
      }
      break;
    }
  }
  if (!ok) {
    deviation(d, mode, at,
              fmt::format("SRID '{}' is not of the form {} of a {}", s, form, phd_type_name(type)),
              std::string(rule));
    return;
  }
  // A noble gas SRID ends in X (G before 2016, still seen; K for spikes); a particulate one has no suffix.
  const bool suffixed = s.size() == 15;
  if (type != PhdType::blank && type != PhdType::spike && suffixed != noble)
    deviation(d, mode, at,
              fmt::format("SRID '{}' {} a suffix: {} systems {}", s, suffixed ? "has" : "lacks",
                          system_name(h.system_type), noble ? "add X" : "add none"),
              std::string(rule));
  if (h.station.size() == 5 && s.substr(0, 2) != std::string_view(h.station).substr(3, 2))
    deviation(d, mode, at,
              fmt::format("SRID '{}' does not begin with the number {} of station {}", s,
                          h.station.substr(3, 2), h.station),
              std::string(rule));
  // The SRID hour is "the nearest full hour" of the collection start; senders truncate or round (DIGEST [X
  // 27]): only more than an hour off is worth a warning.
  if ((type == PhdType::sample || type == PhdType::spike) && dated_srid(s, "XGK", false) && phd.collection &&
      phd.collection->start) {
    using namespace std::chrono;
    const auto number = [&](std::size_t at, std::size_t n) {
      return std::stoi(std::string(s.substr(at, n)));
    };
    const year_month_day ymd(year(number(2, 4)), month(unsigned(number(6, 2))), day(unsigned(number(8, 2))));
    const auto start = floor<hours>(*phd.collection->start);
    if (!ymd.ok() || abs(start - (sys_days(ymd) + hours(number(10, 2)))) > hours(1))
      d.warning(at,
                fmt::format("SRID '{}' gives the collection start hour {}: the collection starts at {}", s,
                            s.substr(2, 10), write_fixed_date_time(*phd.collection->start, 1)),
                std::string(rule));
  }
}

// "DETECTOR_-yyyy/mm/dd-hh:mm[:ss[.s]]": the detector and the time, with the precision written.
struct Mid {
  std::string_view detector;
  DateTime time;
};

std::optional<Mid> parse_mid(std::string_view s) {
  const auto first = s.find('-');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = s.find('-', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view date = s.substr(first + 1, second - first - 1);
  const std::string_view time = s.substr(second + 1);
  if (date.size() != 10 || time.size() < 5) return std::nullopt;
  auto dt = parse_date_time(date, time);
  if (!dt) return std::nullopt;
  return Mid{s.substr(0, first), *dt};
}

void check_mids(const Phd& phd, const Product& product, Diagnostics& d) {
  const PhdHeader& h = phd.header;
  const Position at = header_record(product, 2);
  const std::array<const std::string*, 3> mids{&h.mid, &h.detector_background_mid, &h.gas_background_mid};
  for (const std::string* m : mids) {
    if (m->empty() || *m == "0") continue;
    if (!parse_mid(*m))
      d.error(at, fmt::format("'{}' is not a MID: expected DETECTOR-yyyy/mm/dd-hh:mm[:ss[.s]]", *m),
              std::string(kMidRule));
  }
  if (h.mid == "0") d.error(at, "the MID of the measurement is missing", std::string(kMidRule));
  const auto own = parse_mid(h.mid);
  if (!own) return;
  if (!h.detector.empty() && !iequals(own->detector, h.detector))
    d.error(at, fmt::format("MID '{}' is not of detector {}", h.mid, h.detector), std::string(kMidRule));
  if (phd.acquisition && phd.acquisition->start) {
    using namespace std::chrono;
    const DateTime& t = own->time;
    microseconds unit = minutes(1);
    if (t.precision == TimePrecision::second) {
      unit = seconds(1);
      for (int i = 0; i < t.fraction_digits; ++i) unit /= 10;
    }
    if (abs(*phd.acquisition->start - t.time) >= unit)
      d.error(at,
              fmt::format("MID '{}' gives another time than the acquisition start {}", h.mid,
                          write_fixed_date_time(*phd.acquisition->start, 1)),
              std::string(kMidRule));
  }
}

void check_blocks(const Phd& phd, PhdType type, const Product& product, Diagnostics& d, Mode mode) {
  const SystemType system = phd.header.system_type;
  const Position header = header_record(product, 0);
  if (requirement(PhdBlockKind::acquisition, system, type) == 'x') {
    d.error(header,
            fmt::format("a {} comes from a {} system only, not a {} one", phd_type_name(type),
                        type == PhdType::blank ? "particulate (P)" : "beta-gamma (B)", system_name(system)),
            std::string(kTableRule));
    return;
  }
  for (std::size_t i = 0; i < kTable57.size(); ++i) {
    const auto kind = static_cast<PhdBlockKind>(i);
    const std::string_view name = block_name(kind);
    const Block* block = product.find(name);
    const char need = requirement(kind, system, type);
    const std::string where = fmt::format("a {} {}", system_name(system), phd_type_name(type));
    if (!block && need == 'r') {
      d.error(header, fmt::format("{} is required in {} (Table 57)", name, where), std::string(kTableRule));
    } else if (!block && need == 'd') {
      deviation(d, mode, header,
                fmt::format("{} is required in {} (Table 57), but senders leave it out", name, where),
                std::string(kTableRule));
    } else if (block && need == '-') {
      deviation(d, mode, {block->name_line.number, 1},
                fmt::format("{} is not used in {} (Table 57): kept", name, where), std::string(kTableRule));
    }
  }
}

template <class T>
void at_least(const std::optional<T>& block, std::size_t size, std::size_t minimum, PhdBlockKind kind,
              const Product& product, Diagnostics& d) {
  if (block && size < minimum)
    d.error(block_at(product, kind, std::size_t(-1)),
            fmt::format("{} has {} data records: at least {}", block_name(kind), size, minimum),
            std::string(kBlockRule));
}

void check_counts(const Phd& phd, const Product& product, Diagnostics& d) {
  const bool bg = phd.header.system_type == SystemType::beta_gamma;
  at_least(phd.g_energy, phd.g_energy ? phd.g_energy->pairs.size() : 0, bg ? 3 : 5, PhdBlockKind::g_energy,
           product, d);
  at_least(phd.b_energy, phd.b_energy ? phd.b_energy->pairs.size() : 0, 5, PhdBlockKind::b_energy, product,
           d);
  at_least(phd.g_resolution, phd.g_resolution ? phd.g_resolution->pairs.size() : 0, bg ? 3 : 5,
           PhdBlockKind::g_resolution, product, d);
  at_least(phd.b_resolution, phd.b_resolution ? phd.b_resolution->pairs.size() : 0, 5,
           PhdBlockKind::b_resolution, product, d);
  if (!bg)
    at_least(phd.g_efficiency, phd.g_efficiency ? phd.g_efficiency->pairs.size() : 0, 5,
             PhdBlockKind::g_efficiency, product, d);
  at_least(phd.g_total_efficiency, phd.g_total_efficiency ? phd.g_total_efficiency->pairs.size() : 0, 5,
           PhdBlockKind::g_total_efficiency, product, d);
  at_least(phd.ratios, phd.ratios ? phd.ratios->ratios.size() : 0, 1, PhdBlockKind::ratios, product, d);
  at_least(phd.certificate, phd.certificate ? phd.certificate->lines.size() : 0, 1, PhdBlockKind::certificate,
           product, d);

  std::set<int> rois;
  if (phd.roi_limits) {
    const Position at = block_at(product, PhdBlockKind::roi_limits, std::size_t(-1));
    const auto& limits = phd.roi_limits->limits;
    // Table 70 says six records, Table 71 and the examples ten (DIGEST [X 14]).
    if (limits.size() != 6 && limits.size() != 10)
      d.error(at, fmt::format("#ROI_Limits has {} data records: 6 or 10", limits.size()),
              std::string(kBlockRule));
    for (const RoiLimit& l : limits) {
      if (l.roi < 1 || l.roi > 10)
        d.error(at, fmt::format("ROI number {}: ROIs are numbered 1 to 10", l.roi), std::string(kBlockRule));
      if (!rois.insert(l.roi).second)
        d.error(at, fmt::format("ROI {} is given twice", l.roi), std::string(kBlockRule));
    }
  }
  if (phd.bg_efficiency) {
    const Position at = block_at(product, PhdBlockKind::bg_efficiency, std::size_t(-1));
    const auto& records = phd.bg_efficiency->records;
    if (records.size() < 4)
      d.error(at, fmt::format("#b-gEfficiency has {} data records: at least 4", records.size()),
              std::string(kBlockRule));
    for (std::string_view xenon : {"XE-131M", "XE-133M", "XE-133", "XE-135"}) {
      if (std::none_of(records.begin(), records.end(),
                       [&](const BgEfficiencyRecord& r) { return iequals(r.nuclide, xenon); }))
        d.error(at, fmt::format("#b-gEfficiency has no record for {}", xenon), std::string(kBlockRule));
    }
    for (const BgEfficiencyRecord& r : records)
      if (phd.roi_limits && !rois.count(r.roi))
        d.error(at, fmt::format("#b-gEfficiency refers to ROI {}, which #ROI_Limits does not define", r.roi),
                std::string(kBlockRule));
  }
  if (phd.ratios) {
    const Position at = block_at(product, PhdBlockKind::ratios, std::size_t(-1));
    for (const Ratio& r : phd.ratios->ratios)
      if (r.from_roi < 1 || r.from_roi > 10 || r.to_roi < 1 || r.to_roi > 10)
        d.error(at,
                fmt::format("ratio {} between ROIs {} and {}: ROIs are numbered 1 to 10", r.id, r.from_roi,
                            r.to_roi),
                std::string(kBlockRule));
  }
  for (const auto* s : {&phd.g_spectrum, &phd.b_spectrum}) {
    if (*s && !(*s)->counts.empty() && (*s)->first_channel != 0 && (*s)->first_channel != 1)
      d.error(
          block_at(product, s == &phd.g_spectrum ? PhdBlockKind::g_spectrum : PhdBlockKind::b_spectrum, 1),
          fmt::format("a spectrum begins at channel 0 or 1, not {}", (*s)->first_channel),
          std::string(kBlockRule));
  }
}

void check_times(const Phd& phd, PhdType type, const Product& product, Diagnostics& d) {
  const auto& c = phd.collection;
  const auto& a = phd.acquisition;
  if (c && c->start && c->stop && *c->stop <= *c->start)
    d.error(block_at(product, PhdBlockKind::collection), "the collection stops before it starts",
            std::string(kBlockRule));
  if ((type == PhdType::sample || type == PhdType::spike) && c && c->stop && a && a->start &&
      *a->start < *c->stop)
    d.error(block_at(product, PhdBlockKind::acquisition),
            "the acquisition starts before the collection stops", std::string(kBlockRule));
  if (a && a->live_time > a->real_time)
    d.error(block_at(product, PhdBlockKind::acquisition),
            fmt::format("live time {} s is longer than the real time {} s", a->live_time, a->real_time),
            std::string(kBlockRule));
  if (c && (!c->start || !c->stop))
    d.error(block_at(product, PhdBlockKind::collection), "the collection start or stop is missing",
            std::string(kBlockRule));
  if (a && !a->start)
    d.error(block_at(product, PhdBlockKind::acquisition), "the acquisition start is missing",
            std::string(kBlockRule));
}

}  // namespace

void validate_phd(const Phd& phd, PhdType type, std::string_view data_type, const Product& product,
                  Diagnostics& diagnostics, Mode mode) {
  check_blocks(phd, type, product, diagnostics, mode);
  check_counts(phd, product, diagnostics);
  check_times(phd, type, product, diagnostics);
  check_mids(phd, product, diagnostics);
  check_srid(phd, type, product, diagnostics, mode);
  const bool prel = iequals(data_type, "SPHDP"), full = iequals(data_type, "SPHDF");
  if ((prel && phd.header.qualifier != Qualifier::preliminary) ||
      (full && phd.header.qualifier != Qualifier::full))
    deviation(diagnostics, mode, header_record(product, 0),
              fmt::format("a {} section holds a {} spectrum", data_type,
                          phd.header.qualifier == Qualifier::full ? "FULL" : "PREL"),
              "4.7.30");
}

}  // namespace imsgate::ims2::rn
