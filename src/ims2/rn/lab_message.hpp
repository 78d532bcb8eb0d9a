// The other laboratory messages (7.4, Tables 120-124): sample shipment notices (PRESDN, TECSDN, LABSDN),
// acknowledgements (MESACK, SAMACK), requests and instructions (DATREQ, ADDINS) and MISC. They share the
// RLR's block formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/lab_blocks.hpp"

namespace imsgate::ims2::rn {

enum class LabMessageType { addins, mesack, misc, samack, tecsdn, datreq, labsdn, presdn };

// The type of a DATA_TYPE name ("LABSDN", any case; "LAB SDN" as the converted §7.4 prints it is not a name).
std::optional<LabMessageType> lab_message_type(std::string_view data_type);
std::string_view lab_message_type_name(LabMessageType type);  // "ADDINS" ...

// #Header (Table 121).
struct LabMessageHeader {
  std::optional<Priority> priority;
  std::string lab;  // selected for analysis
  std::string srid;
  std::string category;  // "A" ... "XK"
  std::optional<TimePoint> transmitted;
  bool operator==(const LabMessageHeader&) const = default;
};

// One message: the blocks of Table 120, each absent when the message does not have it. The blocks Table 120
// writes without a prefix take P_ or X_ as in the RLR.
struct LabMessage {
  LabMessageHeader header;
  std::optional<LabDataVersion> data_version;
  std::optional<Recipient> recipient;
  std::optional<Transport> transport;
  std::optional<LabCollection> collection;
  std::optional<ParticulateStationSample> p_station_sample;
  std::optional<NobleGasStationSample> x_station_sample;
  std::optional<ParticulateActivitySummary> p_activity_summary;
  std::optional<LabXenonActivitySummary> x_activity_summary;
  std::optional<ParticulateScreeningFlags> p_screening_flags;
  std::optional<NobleGasScreeningFlags> x_screening_flags;
  std::optional<ParticulateSplit> p_split;
  std::optional<NobleGasSplit> x_split;
  std::optional<Objective> objective;
  std::optional<MessageReceipt> message_receipt;
  std::optional<SampleReceipt> sample_receipt;
  std::optional<TextLines> comment;
  std::vector<LabRawBlock> unknown_blocks;  // written before #Comment
  bool operator==(const LabMessage&) const = default;
};

struct LabMessageSection {
  LabMessageType type = LabMessageType::misc;
  std::vector<LabMessage> messages;  // one per #Header
  std::vector<TimePoint> time_stamps;
  bool operator==(const LabMessageSection&) const = default;
};

// Reads a section whose DATA_TYPE is one of the eight types and checks it against Tables 120-124. Nothing
// when the type is not a lab message type or the section holds no message.
std::optional<LabMessageSection> read_lab_message_section(const DataSection& section,
                                                          Diagnostics& diagnostics,
                                                          Mode mode = Mode::lenient);

// The section's body (the lines after DATA_TYPE), blocks in the order of Table 120.
tl::expected<std::string, std::string> write_lab_message_section(const LabMessageSection& section);

}  // namespace imsgate::ims2::rn
