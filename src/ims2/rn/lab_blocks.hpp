// The blocks that the RLR (7.3) and the other laboratory messages (7.4) share: the 7.4 messages use the 7.3
// formats, plus #Recipient, #Transport and #MessageReceipt (Tables 122-124). Particulate (P_) and noble gas
// (X_) variants are separate types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ims2/rn/block.hpp"
#include "ims2/rn/lab_record.hpp"

namespace imsgate::ims2::rn {

enum class SampleKind { particulate, noble_gas };

enum class Priority { urgent, routine };  // Tables 81, 121

// Table 82.
struct LabDataVersion {
  std::string version;  // "IMS2.0" (the examples write "IMS2.0_IDCR8")
  TextLines notes;      // optional, e.g. the lab software version
  bool operator==(const LabDataVersion&) const = default;
};

// Table 83.
struct Objective {
  TextLines analysis_purpose;
  TextLines tests_authorized;
  TextLines special_instructions;
  bool operator==(const Objective&) const = default;
};

// A record of Table 84: nuclide, half-life "value unit", concentration (Bq/m3), relative uncertainty (%).
struct NuclideConcentration {
  std::string nuclide;
  std::string half_life;  // "53.290 D"
  std::optional<double> concentration;
  std::optional<double> uncertainty;
  bool operator==(const NuclideConcentration&) const = default;
};

// #P_IDCActivitySummary (Table 84).
struct ParticulateActivitySummary {
  TextLines nuclides_not_quantified;
  std::vector<NuclideConcentration> natural;
  std::vector<NuclideConcentration> activation;
  std::vector<NuclideConcentration> fission;
  bool operator==(const ParticulateActivitySummary&) const = default;
};

// #X_IDCActivitySummary (Table 85).
struct OtherIsotopeCounts {
  std::string isotope;  // e.g. radon
  std::optional<double> counts;
  std::optional<double> uncertainty;  // %
  bool operator==(const OtherIsotopeCounts&) const = default;
};
struct LabXenonActivity {
  std::string isotope;
  std::string half_life;
  std::optional<double> activity;  // mBq
  std::optional<double> activity_uncertainty;
  std::optional<double> concentration;  // mBq/m3
  std::optional<double> concentration_uncertainty;
  bool operator==(const LabXenonActivity&) const = default;
};
struct LabXenonActivitySummary {
  std::vector<OtherIsotopeCounts> other;
  std::vector<LabXenonActivity> xenon;
  bool operator==(const LabXenonActivitySummary&) const = default;
};

// A Y/N flag with its a10 history: days since last seen, "Never Seen", or "" when not applicable ("0").
struct ScreeningFlag {
  std::optional<bool> present;
  std::string history;
  bool operator==(const ScreeningFlag&) const = default;
};

// #P_IDCEventScreeningFlags (Table 86).
struct ParticulateScreeningFlags {
  ScreeningFlag activation_products;
  ScreeningFlag one_fission_product;
  ScreeningFlag several_fission_products;
  ScreeningFlag cs137;  // history: times seen in the last 30 days
  bool operator==(const ParticulateScreeningFlags&) const = default;
};

// #X_IDCEventScreeningFlags (Table 87). The days are read as text, as in Table 86 (§6.3 item 46).
struct NobleGasScreeningFlags {
  std::optional<bool> xenon_present;
  std::optional<bool> one_xenon_isotope;
  std::string days_since_last_xenon;
  std::optional<bool> several_xenon_isotopes;
  ScreeningFlag xe133;  // history: times seen in the last 365 days
  std::optional<bool> short_term;
  std::optional<bool> xe133m_over_xe131m_above_2;
  std::optional<bool> xe135_over_xe133_above_5;
  std::optional<bool> xe133m_over_xe133_above_0_3;
  bool operator==(const NobleGasScreeningFlags&) const = default;
};

// #Collection (Table 60, with the lab missing-value conventions).
struct LabCollection {
  std::optional<TimePoint> start;
  std::optional<TimePoint> stop;
  std::optional<double> air_volume;  // m3 at STP
  bool operator==(const LabCollection&) const = default;
};

// #P_StationSample (Table 89).
struct ParticulateStationSample {
  std::string activity_category;
  std::optional<double> diameter;  // or length; cm
  std::optional<double> thickness;
  std::optional<double> width;
  std::optional<double> mass;  // g
  std::optional<double> container_density;
  std::optional<double> container_thickness;
  std::string container_material;
  std::string geometry;
  bool operator==(const ParticulateStationSample&) const = default;
};

// #X_StationSample (Table 90).
struct NobleGasStationSample {
  std::string activity_category;
  std::optional<double> xe_volume;  // cm3
  std::optional<double> xe_volume_uncertainty;
  std::string container_type;  // SAUNA, SPALAX ...
  std::string bottle_description;
  bool operator==(const NobleGasStationSample&) const = default;
};

// #P_Split (Table 91).
struct ParticulateSplit {
  std::optional<double> mass;
  std::optional<double> air_volume;
  std::optional<double> air_volume_uncertainty;
  TextLines description;
  bool operator==(const ParticulateSplit&) const = default;
};

// #X_Split (Table 92).
struct NobleGasSplit {
  std::optional<double> xe_volume;
  std::optional<double> xe_volume_uncertainty;
  std::optional<double> air_volume;
  std::optional<double> air_volume_uncertainty;
  TextLines description;
  bool operator==(const NobleGasSplit&) const = default;
};

// #SampleReceipt (Table 93).
struct SampleReceipt {
  std::string srid;  // as actually received
  std::string seal_number;
  std::optional<TimePoint> received;
  TextLines package_condition;
  TextLines seal_condition;
  TextLines sample_condition;
  bool operator==(const SampleReceipt&) const = default;
};

// #Recipient (Table 122).
struct Recipient {
  std::string srid;
  std::string contact;
  std::string phone;
  std::string organization;
  TextLines address;
  bool operator==(const Recipient&) const = default;
};

// #Transport (Table 123).
struct Transport {
  std::string courier;
  std::optional<TimePoint> handover;  // to the minute
  std::optional<TimePoint> estimated_arrival;
  std::string airway_bill;
  std::string seal_number;
  bool operator==(const Transport&) const = default;
};

// #MessageReceipt (Table 124).
struct MessageReceipt {
  std::optional<TimePoint> received;  // to the minute
  bool operator==(const MessageReceipt&) const = default;
};

// Readers: each reads one block's records; problems go to the diagnostics.
LabDataVersion read_lab_data_version(const Block& b, Diagnostics& d, Mode mode);
Objective read_objective(const Block& b, Diagnostics& d, Mode mode);
ParticulateActivitySummary read_particulate_activity_summary(const Block& b, Diagnostics& d, Mode mode);
LabXenonActivitySummary read_noble_gas_activity_summary(const Block& b, Diagnostics& d, Mode mode);
ParticulateScreeningFlags read_particulate_screening_flags(const Block& b, Diagnostics& d, Mode mode);
NobleGasScreeningFlags read_noble_gas_screening_flags(const Block& b, Diagnostics& d, Mode mode);
LabCollection read_lab_collection(const Block& b, Diagnostics& d, Mode mode);
ParticulateStationSample read_particulate_station_sample(const Block& b, Diagnostics& d, Mode mode);
NobleGasStationSample read_noble_gas_station_sample(const Block& b, Diagnostics& d, Mode mode);
ParticulateSplit read_particulate_split(const Block& b, Diagnostics& d, Mode mode);
NobleGasSplit read_noble_gas_split(const Block& b, Diagnostics& d, Mode mode);
SampleReceipt read_sample_receipt(const Block& b, Diagnostics& d, Mode mode);
Recipient read_recipient(const Block& b, Diagnostics& d, Mode mode);
Transport read_transport(const Block& b, Diagnostics& d, Mode mode);
MessageReceipt read_message_receipt(const Block& b, Diagnostics& d, Mode mode);
TextLines read_free_text(const Block& b);  // #Comment, #InteractiveAnalysisLog

// Writers: the name line and the records in the tables' columns.
void write_block(BlockWriter& w, const LabDataVersion& v);
void write_block(BlockWriter& w, const Objective& o);
void write_block(BlockWriter& w, const ParticulateActivitySummary& s);
void write_block(BlockWriter& w, const LabXenonActivitySummary& s);
void write_block(BlockWriter& w, const ParticulateScreeningFlags& f);
void write_block(BlockWriter& w, const NobleGasScreeningFlags& f);
void write_block(BlockWriter& w, const LabCollection& c);
void write_block(BlockWriter& w, const ParticulateStationSample& s);
void write_block(BlockWriter& w, const NobleGasStationSample& s);
void write_block(BlockWriter& w, const ParticulateSplit& s);
void write_block(BlockWriter& w, const NobleGasSplit& s);
void write_block(BlockWriter& w, const SampleReceipt& r);
void write_block(BlockWriter& w, const Recipient& r);
void write_block(BlockWriter& w, const Transport& t);
void write_block(BlockWriter& w, const MessageReceipt& r);
void write_free_text_block(BlockWriter& w, std::string_view name, const TextLines& text);

// "Urgent"/"Routine" (any case); nothing, with an error, otherwise.
std::optional<Priority> read_priority(LabRecord& r, const Field& f);
std::string_view priority_name(Priority p);
// "Category A" ... "Category XK": the code, checked against the codes of 7.3; empty, with an error,
// otherwise.
std::string read_category(LabRecord& r, const Field& f);
bool is_noble_gas_category(std::string_view code);

}  // namespace imsgate::ims2::rn
