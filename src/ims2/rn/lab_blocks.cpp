#include "ims2/rn/lab_blocks.hpp"

#include <array>

#include <fmt/format.h>

#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr const char* kRule = "7.3";
constexpr const char* kLabRule = "7.4";

// Table 82.
constexpr Field kVersion = text_field(1, 12, "format version code");
// Table 84.
constexpr Field kNuclide = text_field(1, 8, "nuclide");
constexpr Field kHalfLife = text_field(10, 22, "half-life");
constexpr Field kSummaryConcentration = exponent_field(24, 34, 4, "concentration");
constexpr Field kSummaryConcentrationUnc = real_field(36, 40, 2, "concentration uncertainty");
// Table 85.
constexpr Field kOtherIsotope = text_field(1, 8, "isotope");
constexpr Field kOtherCounts = exponent_field(10, 20, 4, "counts");
constexpr Field kOtherCountsUnc = real_field(24, 28, 2, "counts uncertainty");
constexpr Field kXenonActivity = exponent_field(24, 34, 4, "activity");
constexpr Field kXenonActivityUnc = real_field(36, 40, 2, "activity uncertainty");
constexpr Field kXenonConcentration = exponent_field(42, 52, 4, "concentration");
constexpr Field kXenonConcentrationUnc = real_field(54, 58, 2, "concentration uncertainty");
// Tables 86, 87.
constexpr Field kFlag = text_field(1, 1, "flag");
constexpr Field kHistory = text_field(3, 12, "flag history");
constexpr Field kDays = text_field(1, 10, "days since the last xenon detection");
// Table 60.
constexpr Field kStartDate = text_field(1, 10, "collection start date");
constexpr Field kStartTime = real_field(12, 21, 1, "collection start time");
constexpr Field kStopDate = text_field(23, 32, "collection stop date");
constexpr Field kStopTime = real_field(34, 43, 1, "collection stop time");
constexpr Field kAirVolume = real_field(45, 54, kAsNeeded, "air volume");
// Tables 89, 90.
constexpr Field kActivityCategory = text_field(1, 30, "activity category");
constexpr Field kDiameter = real_field(1, 5, 2, "diameter or length");
constexpr Field kThickness = real_field(7, 11, 2, "thickness");
constexpr Field kWidth = real_field(13, 17, 2, "width");
constexpr Field kMass = real_field(1, 5, 2, "mass");
constexpr Field kContainerDensity = real_field(1, 8, 4, "container density");
constexpr Field kContainerThickness = real_field(10, 14, 2, "container thickness");
constexpr Field kContainerMaterial = text_field(16, 55, "container material");
constexpr Field kGeometry = text_field(1, 60, "geometry description");
constexpr Field kStationXeVolume = real_field(1, 5, 2, "stable xenon volume");
constexpr Field kStationXeVolumeUnc = real_field(7, 11, 2, "stable xenon volume uncertainty");
constexpr Field kContainerType = text_field(1, 15, "container type");
constexpr Field kBottleDescription = text_field(17, 56, "archive bottle description");
// Table 91.
constexpr Field kSplitMass = real_field(1, 5, 2, "split mass");
constexpr Field kSplitAirVolume = real_field(7, 16, kAsNeeded, "split air volume");
constexpr Field kSplitAirVolumeUnc = real_field(18, 22, 2, "split air volume uncertainty");
// Table 92.
constexpr Field kSplitXeVolume = real_field(1, 5, 2, "split stable xenon volume");
constexpr Field kSplitXeVolumeUnc = real_field(7, 11, 2, "split stable xenon volume uncertainty");
constexpr Field kSplitXeAirVolume = real_field(13, 17, 2, "split air volume");
constexpr Field kSplitXeAirVolumeUnc = real_field(19, 23, 2, "split air volume uncertainty");
// Table 93.
constexpr Field kSrid = text_field(1, 16, "SRID");
constexpr Field kSeal = text_field(1, 14, "seal number");
constexpr Field kReceiptDate = text_field(1, 10, "receipt date");
constexpr Field kReceiptTime = real_field(12, 21, 1, "receipt time");
// Tables 122-124.
constexpr Field kContact = text_field(1, 60, "point of contact");
constexpr Field kPhone = text_field(1, 30, "phone number");
constexpr Field kOrganization = text_field(1, 60, "organization");
constexpr Field kCourier = text_field(1, 20, "courier company");
constexpr Field kHandoverDate = text_field(1, 10, "handover date");
constexpr Field kHandoverTime = text_field(12, 16, "handover time");
constexpr Field kArrivalDate = text_field(1, 10, "estimated arrival date");
constexpr Field kArrivalTime = text_field(12, 16, "estimated arrival time");
constexpr Field kAirwayBill = text_field(1, 30, "airway bill number");
constexpr Field kMessageReceiptDate = text_field(1, 10, "receipt date");
constexpr Field kMessageReceiptTime = text_field(12, 16, "receipt time");

const std::initializer_list<std::string_view> kObjectiveKeywords = {"~AnalysisPurpose", "~TestsAuthorized",
                                                                    "~SpecialInstructions"};
const std::initializer_list<std::string_view> kParticulateSummaryKeywords = {
    "~NuclidesNotQuantified", "~NaturalNuclides", "~ActivationProducts", "~FissionProducts"};
const std::initializer_list<std::string_view> kReceiptKeywords = {"~PackageCondition", "~SealCondition",
                                                                  "~SampleCondition"};

constexpr std::array<std::string_view, 11> kCategories{"A",  "B",  "C",  "D",  "E", "K",
                                                       "XA", "XC", "XD", "XE", "XK"};

// "53.290 D": the value, and its unit when the next token is a word (S, H, D, Y); "0" when missing.
std::string half_life(LabRecord& r) {
  std::string value = r.text(kHalfLife);
  const std::string_view unit = r.peek();
  if (value.empty() || unit.empty() || parse_real(unit) || is_nines(unit)) return value;
  return value + " " + r.text(kHalfLife);
}

std::vector<NuclideConcentration> concentrations(const std::vector<Line>& lines, Diagnostics& d, Mode mode) {
  std::vector<NuclideConcentration> out;
  for (const Line& l : lines) {
    if (trim(l.text).empty()) continue;
    LabRecord r(l, d, mode, kRule);
    NuclideConcentration n;
    n.nuclide = r.text(kNuclide);
    n.half_life = half_life(r);
    n.concentration = r.real(kSummaryConcentration);
    n.uncertainty = r.real(kSummaryConcentrationUnc);
    r.finish();
    out.push_back(std::move(n));
  }
  return out;
}

void write_concentrations(BlockWriter& w, const std::vector<NuclideConcentration>& lines) {
  for (const NuclideConcentration& n : lines) {
    w.line(LabLine()
               .text(kNuclide, n.nuclide)
               .text(kHalfLife, n.half_life)
               .real(kSummaryConcentration, n.concentration)
               .real(kSummaryConcentrationUnc, n.uncertainty));
  }
}

ScreeningFlag screening_flag(BlockCursor& c, std::string_view what) {
  LabRecord r = c.record(what);
  ScreeningFlag f;
  f.present = r.flag(kFlag);
  f.history = r.rest(kHistory);
  return f;
}

void write_flag(BlockWriter& w, const ScreeningFlag& f) {
  w.line(LabLine().flag(kFlag, f.present).text(kHistory, f.history));
}

std::optional<bool> lone_flag(BlockCursor& c, std::string_view what) {
  LabRecord r = c.record(what);
  auto f = r.flag(kFlag);
  r.finish();
  return f;
}

}  // namespace

std::optional<Priority> read_priority(LabRecord& r, const Field& f) {
  const Position at = r.position();
  const std::string t(r.peek());
  r.text(f);  // an absent field is reported here
  if (iequals(t, "Urgent")) return Priority::urgent;
  if (iequals(t, "Routine")) return Priority::routine;
  if (!t.empty()) {
    r.diagnostics().error(at, fmt::format("'{}' is not a priority: expected Urgent or Routine", t), r.rule());
  }
  return std::nullopt;
}

std::string_view priority_name(Priority p) {
  return p == Priority::urgent ? "Urgent" : "Routine";
}

std::string read_category(LabRecord& r, const Field& f) {
  const Position at = r.position();
  const std::string word = r.text(f);
  const std::string code = r.optional_text(f);
  for (std::string_view c : kCategories) {
    if (iequals(word, "Category") && iequals(code, c)) return std::string(c);
  }
  r.diagnostics().error(
      at,
      fmt::format("'{} {}' is not a sample category: expected 'Category' and one of A, B, C, D, "
                  "E, K, XA, XC, XD, XE, XK",
                  word, code),
      r.rule());
  return {};
}

bool is_noble_gas_category(std::string_view code) {
  return !code.empty() && ascii_upper(code.front()) == 'X';
}

LabDataVersion read_lab_data_version(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  LabDataVersion v;
  LabRecord r = c.record(kVersion.name);
  const Position at = r.position();
  v.version = r.rest(kVersion);
  if (!istarts_with(v.version, "IMS2.0")) {
    d.error(at, fmt::format("'{}' is not a format version code: expected IMS2.0", v.version), kRule);
  }
  v.notes = c.rest_text();
  return v;
}

void write_block(BlockWriter& w, const LabDataVersion& v) {
  w.name("#LabDataVersion");
  w.line(LabLine().text(kVersion, v.version));
  w.text(v.notes);
}

Objective read_objective(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  const auto s = c.sections(kObjectiveKeywords);
  return {text_of(s[0]), text_of(s[1]), text_of(s[2])};
}

void write_block(BlockWriter& w, const Objective& o) {
  w.name("#Objective");
  w.sections(kObjectiveKeywords, {&o.analysis_purpose, &o.tests_authorized, &o.special_instructions});
}

ParticulateActivitySummary read_particulate_activity_summary(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  const auto s = c.sections(kParticulateSummaryKeywords);
  return {text_of(s[0]), concentrations(s[1], d, mode), concentrations(s[2], d, mode),
          concentrations(s[3], d, mode)};
}

void write_block(BlockWriter& w, const ParticulateActivitySummary& s) {
  w.name("#P_IDCActivitySummary");
  w.name("~NuclidesNotQuantified");
  w.text(s.nuclides_not_quantified, kParticulateSummaryKeywords);
  w.name("~NaturalNuclides");
  write_concentrations(w, s.natural);
  w.name("~ActivationProducts");
  write_concentrations(w, s.activation);
  w.name("~FissionProducts");
  write_concentrations(w, s.fission);
}

LabXenonActivitySummary read_noble_gas_activity_summary(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  const auto s = c.sections({"~other", "~Radio-xenon"});
  LabXenonActivitySummary summary;
  for (const Line& l : s[0]) {
    if (trim(l.text).empty()) continue;
    LabRecord r(l, d, mode, kRule);
    OtherIsotopeCounts o;
    o.isotope = r.text(kOtherIsotope);
    o.counts = r.real(kOtherCounts);
    o.uncertainty = r.real(kOtherCountsUnc);
    r.finish();
    summary.other.push_back(std::move(o));
  }
  for (const Line& l : s[1]) {
    if (trim(l.text).empty()) continue;
    LabRecord r(l, d, mode, kRule);
    LabXenonActivity x;
    x.isotope = r.text(kNuclide);
    x.half_life = half_life(r);
    x.activity = r.real(kXenonActivity);
    x.activity_uncertainty = r.real(kXenonActivityUnc);
    x.concentration = r.real(kXenonConcentration);
    x.concentration_uncertainty = r.real(kXenonConcentrationUnc);
    r.finish();
    summary.xenon.push_back(std::move(x));
  }
  return summary;
}

void write_block(BlockWriter& w, const LabXenonActivitySummary& s) {
  w.name("#X_IDCActivitySummary");
  w.name("~other");
  for (const OtherIsotopeCounts& o : s.other) {
    w.line(LabLine()
               .text(kOtherIsotope, o.isotope)
               .real(kOtherCounts, o.counts)
               .real(kOtherCountsUnc, o.uncertainty));
  }
  w.name("~Radio-xenon");
  for (const LabXenonActivity& x : s.xenon) {
    w.line(LabLine()
               .text(kNuclide, x.isotope)
               .text(kHalfLife, x.half_life)
               .real(kXenonActivity, x.activity)
               .real(kXenonActivityUnc, x.activity_uncertainty)
               .real(kXenonConcentration, x.concentration)
               .real(kXenonConcentrationUnc, x.concentration_uncertainty));
  }
}

ParticulateScreeningFlags read_particulate_screening_flags(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  ParticulateScreeningFlags f;
  f.activation_products = screening_flag(c, "activation products flag");
  f.one_fission_product = screening_flag(c, "one fission product flag");
  f.several_fission_products = screening_flag(c, "two or more fission products flag");
  f.cs137 = screening_flag(c, "Cs-137 flag");
  c.finish();
  return f;
}

void write_block(BlockWriter& w, const ParticulateScreeningFlags& f) {
  w.name("#P_IDCEventScreeningFlags");
  write_flag(w, f.activation_products);
  write_flag(w, f.one_fission_product);
  write_flag(w, f.several_fission_products);
  write_flag(w, f.cs137);
}

NobleGasScreeningFlags read_noble_gas_screening_flags(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  NobleGasScreeningFlags f;
  f.xenon_present = lone_flag(c, "xenon isotopes present flag");
  f.one_xenon_isotope = lone_flag(c, "one xenon isotope flag");
  f.days_since_last_xenon = c.record(kDays.name).rest(kDays);
  f.several_xenon_isotopes = lone_flag(c, "two or more xenon isotopes flag");
  f.xe133 = screening_flag(c, "Xe-133 flag");
  f.short_term = lone_flag(c, "short-term flag");
  f.xe133m_over_xe131m_above_2 = lone_flag(c, "Xe-133m/Xe-131m flag");
  f.xe135_over_xe133_above_5 = lone_flag(c, "Xe-135/Xe-133 flag");
  f.xe133m_over_xe133_above_0_3 = lone_flag(c, "Xe-133m/Xe-133 flag");
  c.finish();
  return f;
}

void write_block(BlockWriter& w, const NobleGasScreeningFlags& f) {
  w.name("#X_IDCEventScreeningFlags");
  w.line(LabLine().flag(kFlag, f.xenon_present));
  w.line(LabLine().flag(kFlag, f.one_xenon_isotope));
  w.line(LabLine().text(kDays, f.days_since_last_xenon));
  w.line(LabLine().flag(kFlag, f.several_xenon_isotopes));
  write_flag(w, f.xe133);
  for (auto flag : {f.short_term, f.xe133m_over_xe131m_above_2, f.xe135_over_xe133_above_5,
                    f.xe133m_over_xe133_above_0_3}) {
    w.line(LabLine().flag(kFlag, flag));
  }
}

LabCollection read_lab_collection(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  LabRecord r = c.record("collection start and stop");
  LabCollection col;
  col.start = r.date_time(kStartDate, kStartTime);
  const Position stop_at = r.position();
  col.stop = r.date_time(kStopDate, kStopTime);
  const Position volume_at = r.position();
  col.air_volume = r.real(kAirVolume);
  r.finish();
  c.finish();
  if (col.start && col.stop && *col.stop <= *col.start) {
    d.error(stop_at, "the collection stop is not after the collection start", "7.2.11");
  }
  if (col.air_volume && *col.air_volume <= 0) d.error(volume_at, "the air volume is not positive", "7.2.11");
  return col;
}

void write_block(BlockWriter& w, const LabCollection& c) {
  w.name("#Collection");
  w.line(LabLine()
             .date_time(kStartDate, kStartTime, c.start)
             .date_time(kStopDate, kStopTime, c.stop)
             .real(kAirVolume, c.air_volume));
}

ParticulateStationSample read_particulate_station_sample(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  ParticulateStationSample s;
  s.activity_category = c.record(kActivityCategory.name).rest(kActivityCategory);
  LabRecord dims = c.record("sample dimensions");
  s.diameter = dims.real(kDiameter);
  s.thickness = dims.real(kThickness);
  if (!dims.at_end()) s.width = dims.real(kWidth);
  dims.finish();
  LabRecord mass = c.record(kMass.name);
  s.mass = mass.real(kMass);
  mass.finish();
  LabRecord container = c.record("container");
  s.container_density = container.real(kContainerDensity);
  s.container_thickness = container.real(kContainerThickness);
  s.container_material = container.rest(kContainerMaterial, false);
  s.geometry = c.record(kGeometry.name).rest(kGeometry);
  c.finish();
  return s;
}

void write_block(BlockWriter& w, const ParticulateStationSample& s) {
  w.name("#P_StationSample");
  w.line(LabLine().text(kActivityCategory, s.activity_category));
  w.line(LabLine().real(kDiameter, s.diameter).real(kThickness, s.thickness).real(kWidth, s.width));
  w.line(LabLine().real(kMass, s.mass));
  w.line(LabLine()
             .real(kContainerDensity, s.container_density)
             .real(kContainerThickness, s.container_thickness)
             .text(kContainerMaterial, s.container_material));
  w.line(LabLine().text(kGeometry, s.geometry));
}

NobleGasStationSample read_noble_gas_station_sample(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  NobleGasStationSample s;
  s.activity_category = c.record(kActivityCategory.name).rest(kActivityCategory);
  LabRecord volume = c.record(kStationXeVolume.name);
  s.xe_volume = volume.real(kStationXeVolume);
  s.xe_volume_uncertainty = volume.real(kStationXeVolumeUnc);
  volume.finish();
  LabRecord container = c.record(kContainerType.name);
  s.container_type = container.text(kContainerType);
  s.bottle_description = container.rest(kBottleDescription, false);
  c.finish();
  return s;
}

void write_block(BlockWriter& w, const NobleGasStationSample& s) {
  w.name("#X_StationSample");
  w.line(LabLine().text(kActivityCategory, s.activity_category));
  w.line(LabLine().real(kStationXeVolume, s.xe_volume).real(kStationXeVolumeUnc, s.xe_volume_uncertainty));
  LabLine container;
  container.text(kContainerType, s.container_type);
  if (!s.bottle_description.empty()) container.text(kBottleDescription, s.bottle_description);
  w.line(container);
}

ParticulateSplit read_particulate_split(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  ParticulateSplit s;
  LabRecord r = c.record("split mass and volume");
  s.mass = r.real(kSplitMass);
  s.air_volume = r.real(kSplitAirVolume);
  s.air_volume_uncertainty = r.real(kSplitAirVolumeUnc);
  r.finish();
  s.description = c.rest_text();
  return s;
}

void write_block(BlockWriter& w, const ParticulateSplit& s) {
  w.name("#P_Split");
  w.line(LabLine()
             .real(kSplitMass, s.mass)
             .real(kSplitAirVolume, s.air_volume)
             .real(kSplitAirVolumeUnc, s.air_volume_uncertainty));
  w.text(s.description);
}

NobleGasSplit read_noble_gas_split(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  NobleGasSplit s;
  LabRecord r = c.record("split volumes");
  s.xe_volume = r.real(kSplitXeVolume);
  s.xe_volume_uncertainty = r.real(kSplitXeVolumeUnc);
  s.air_volume = r.real(kSplitXeAirVolume);
  s.air_volume_uncertainty = r.real(kSplitXeAirVolumeUnc);
  r.finish();
  s.description = c.rest_text();
  return s;
}

void write_block(BlockWriter& w, const NobleGasSplit& s) {
  w.name("#X_Split");
  w.line(LabLine()
             .real(kSplitXeVolume, s.xe_volume)
             .real(kSplitXeVolumeUnc, s.xe_volume_uncertainty)
             .real(kSplitXeAirVolume, s.air_volume)
             .real(kSplitXeAirVolumeUnc, s.air_volume_uncertainty));
  w.text(s.description);
}

SampleReceipt read_sample_receipt(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  SampleReceipt s;
  LabRecord srid = c.record(kSrid.name);
  s.srid = srid.text(kSrid);
  srid.finish();
  s.seal_number = c.record(kSeal.name).rest(kSeal);
  LabRecord when = c.record("receipt date");
  s.received = when.date_time(kReceiptDate, kReceiptTime);
  when.finish();
  const auto sections = c.sections(kReceiptKeywords);
  s.package_condition = text_of(sections[0]);
  s.seal_condition = text_of(sections[1]);
  s.sample_condition = text_of(sections[2]);
  return s;
}

void write_block(BlockWriter& w, const SampleReceipt& r) {
  w.name("#SampleReceipt");
  w.line(LabLine().text(kSrid, r.srid));
  w.line(LabLine().text(kSeal, r.seal_number));
  w.line(LabLine().date_time(kReceiptDate, kReceiptTime, r.received));
  w.sections(kReceiptKeywords, {&r.package_condition, &r.seal_condition, &r.sample_condition});
}

Recipient read_recipient(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kLabRule);
  Recipient r;
  LabRecord srid = c.record(kSrid.name);
  r.srid = srid.text(kSrid);
  srid.finish();
  r.contact = c.record(kContact.name).rest(kContact);
  r.phone = c.record(kPhone.name).rest(kPhone);
  r.organization = c.record(kOrganization.name).rest(kOrganization);
  r.address = c.rest_text();
  if (r.address.empty()) {
    d.error({b.name_line.number, 1}, "#Recipient has no address record", kLabRule);
  }
  return r;
}

void write_block(BlockWriter& w, const Recipient& r) {
  w.name("#Recipient");
  w.line(LabLine().text(kSrid, r.srid));
  w.line(LabLine().text(kContact, r.contact));
  w.line(LabLine().text(kPhone, r.phone));
  w.line(LabLine().text(kOrganization, r.organization));
  w.text(r.address);
}

Transport read_transport(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kLabRule);
  Transport t;
  t.courier = c.record(kCourier.name).rest(kCourier);
  LabRecord handover = c.record(kHandoverDate.name);
  t.handover = handover.date_hour_minute(kHandoverDate, kHandoverTime);
  handover.finish();
  LabRecord arrival = c.record(kArrivalDate.name);
  const Position arrival_at = arrival.position();
  t.estimated_arrival = arrival.date_hour_minute(kArrivalDate, kArrivalTime);
  arrival.finish();
  t.airway_bill = c.record(kAirwayBill.name).rest(kAirwayBill);
  t.seal_number = c.record(kSeal.name).rest(kSeal);
  c.finish();
  if (t.handover && t.estimated_arrival && *t.estimated_arrival < *t.handover) {
    d.error(arrival_at, "the estimated arrival is before the handover", kLabRule);
  }
  return t;
}

void write_block(BlockWriter& w, const Transport& t) {
  w.name("#Transport");
  w.line(LabLine().text(kCourier, t.courier));
  w.line(LabLine().date_hour_minute(kHandoverDate, kHandoverTime, t.handover));
  w.line(LabLine().date_hour_minute(kArrivalDate, kArrivalTime, t.estimated_arrival));
  w.line(LabLine().text(kAirwayBill, t.airway_bill));
  w.line(LabLine().text(kSeal, t.seal_number));
}

MessageReceipt read_message_receipt(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kLabRule);
  LabRecord r = c.record(kMessageReceiptDate.name);
  MessageReceipt m{r.date_hour_minute(kMessageReceiptDate, kMessageReceiptTime)};
  r.finish();
  c.finish();
  return m;
}

void write_block(BlockWriter& w, const MessageReceipt& r) {
  w.name("#MessageReceipt");
  w.line(LabLine().date_hour_minute(kMessageReceiptDate, kMessageReceiptTime, r.received));
}

TextLines read_free_text(const Block& b) {
  return text_of(b.records);
}

void write_free_text_block(BlockWriter& w, std::string_view name, const TextLines& text) {
  w.name(name);
  w.text(text);
}

}  // namespace imsgate::ims2::rn
