#include "ims2/rn/lab_message.hpp"

#include <array>

#include <fmt/format.h>

#include "ims2/rn/rlr.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr const char* kRule = "7.4";

// Indexed by LabMessageType.
constexpr std::array<std::string_view, 8> kTypeNames{"ADDINS", "MESACK", "MISC",   "SAMACK",
                                                     "TECSDN", "DATREQ", "LABSDN", "PRESDN"};

// Table 121.
constexpr Field kPriority = text_field(1, 7, "priority");
constexpr Field kLab = text_field(1, 5, "laboratory code");
constexpr Field kSrid = text_field(7, 22, "SRID");
constexpr Field kCategory = text_field(1, 11, "sample category");
constexpr Field kSentDate = text_field(1, 10, "transmission date");
constexpr Field kSentTime = real_field(12, 21, 1, "transmission time");

enum class Need { required, optional, unused };
constexpr Need R = Need::required;
constexpr Need O = Need::optional;
constexpr Need N = Need::unused;

struct BlockRule {
  std::string_view name;
  std::optional<SampleKind> kind;  // of a P_/X_ block
  std::array<Need, 8> need;        // Table 120, indexed by LabMessageType
  void (*read)(LabMessage&, const Block&, Diagnostics&, Mode);
  bool (*present)(const LabMessage&);
};

TextLines read_text(const Block& b, Diagnostics&, Mode) {
  return read_free_text(b);
}

template <auto Member, auto Reader>
constexpr BlockRule rule(std::string_view name, std::optional<SampleKind> kind, std::array<Need, 8> need) {
  return {name, kind, need,
          [](LabMessage& m, const Block& b, Diagnostics& d, Mode mode) { m.*Member = Reader(b, d, mode); },
          [](const LabMessage& m) { return (m.*Member).has_value(); }};
}

constexpr auto P = SampleKind::particulate;
constexpr auto X = SampleKind::noble_gas;
//                                  addins mesack misc samack tecsdn datreq labsdn presdn
constexpr std::array<Need, 8> kAll{R, R, R, R, R, R, R, R};
constexpr std::array<Need, 8> kShipped{O, N, N, N, R, N, R, N};
constexpr std::array<Need, 8> kLabSample{O, N, N, N, N, N, R, N};
constexpr std::array<Need, 8> kIdcFindings{N, N, O, N, N, N, O, N};
constexpr std::array<Need, 8> kObjective{N, N, O, N, N, N, R, N};
constexpr std::array<Need, 8> kMessageAck{N, R, O, N, N, N, N, N};
constexpr std::array<Need, 8> kSampleAck{N, N, O, R, N, N, N, N};
constexpr std::array<Need, 8> kAny{O, O, O, O, O, O, O, O};

const std::array kBlocks{
    rule<&LabMessage::data_version, read_lab_data_version>("#LabDataVersion", std::nullopt, kAll),
    rule<&LabMessage::recipient, read_recipient>("#Recipient", std::nullopt, kShipped),
    rule<&LabMessage::transport, read_transport>("#Transport", std::nullopt, kShipped),
    rule<&LabMessage::collection, read_lab_collection>("#Collection", std::nullopt, kLabSample),
    rule<&LabMessage::p_station_sample, read_particulate_station_sample>("#P_StationSample", P, kLabSample),
    rule<&LabMessage::x_station_sample, read_noble_gas_station_sample>("#X_StationSample", X, kLabSample),
    rule<&LabMessage::p_activity_summary, read_particulate_activity_summary>("#P_IDCActivitySummary", P,
                                                                             kIdcFindings),
    rule<&LabMessage::x_activity_summary, read_noble_gas_activity_summary>("#X_IDCActivitySummary", X,
                                                                           kIdcFindings),
    rule<&LabMessage::p_screening_flags, read_particulate_screening_flags>("#P_IDCEventScreeningFlags", P,
                                                                           kIdcFindings),
    rule<&LabMessage::x_screening_flags, read_noble_gas_screening_flags>("#X_IDCEventScreeningFlags", X,
                                                                         kIdcFindings),
    rule<&LabMessage::p_split, read_particulate_split>("#P_Split", P, kIdcFindings),
    rule<&LabMessage::x_split, read_noble_gas_split>("#X_Split", X, kIdcFindings),
    rule<&LabMessage::objective, read_objective>("#Objective", std::nullopt, kObjective),
    rule<&LabMessage::message_receipt, read_message_receipt>("#MessageReceipt", std::nullopt, kMessageAck),
    rule<&LabMessage::sample_receipt, read_sample_receipt>("#SampleReceipt", std::nullopt, kSampleAck),
    rule<&LabMessage::comment, read_text>("#Comment", std::nullopt, kAny),
};

const BlockRule* find_rule(std::string_view name) {
  for (const BlockRule& r : kBlocks) {
    if (iequals(r.name, name)) return &r;
  }
  return nullptr;
}

// "#StationSample" for "#P_StationSample" or "#X_StationSample", as Table 120 prints the names.
const BlockRule* find_unprefixed(std::string_view name, SampleKind kind) {
  if (name.empty()) return nullptr;
  return find_rule(fmt::format("#{}_{}", kind == P ? 'P' : 'X', name.substr(1)));
}

LabMessageHeader read_header(const Block& b, Diagnostics& d, Mode mode) {
  BlockCursor c(b, d, mode, kRule);
  LabMessageHeader h;
  LabRecord priority = c.record(kPriority.name);
  h.priority = read_priority(priority, kPriority);
  priority.finish();
  LabRecord sample = c.record(kLab.name);
  h.lab = sample.text(kLab);
  h.srid = sample.text(kSrid);
  sample.finish();
  LabRecord category = c.record(kCategory.name);
  h.category = read_category(category, kCategory);
  category.finish();
  LabRecord sent = c.record(kSentDate.name);
  h.transmitted = sent.date_time(kSentDate, kSentTime);
  sent.finish();
  c.finish();
  return h;
}

void write_header(BlockWriter& w, const LabMessageHeader& h) {
  w.name("#Header");
  w.line(LabLine().text(kPriority, h.priority ? priority_name(*h.priority) : ""));
  w.line(LabLine().text(kLab, h.lab).text(kSrid, h.srid));
  w.line(LabLine().text(kCategory, h.category.empty() ? "" : "Category " + h.category));
  w.line(LabLine().date_time(kSentDate, kSentTime, h.transmitted));
}

struct Found {
  const BlockRule* rule;
  int line;
};

LabMessage read_message(const Product& p, LabMessageType type, Diagnostics& d, Mode mode) {
  LabMessage m;
  std::optional<SampleKind> kind;
  for (const Block& b : p.blocks) {
    if (b.is("#Header")) m.header = read_header(b, d, mode);
    const BlockRule* r = find_rule(b.name);
    if (!kind && r && r->kind) kind = r->kind;
  }
  const int header_line = p.blocks.empty() ? 0 : p.blocks.front().name_line.number;
  if (!m.header.category.empty()) {
    const SampleKind by_category = is_noble_gas_category(m.header.category) ? X : P;
    if (kind && *kind != by_category) {
      d.error({header_line, 1},
              fmt::format("Category {} does not match the message's {} blocks", m.header.category,
                          *kind == P ? "P_" : "X_"),
              std::string(kRule));
    }
    if (!kind) kind = by_category;
  }
  const auto column = static_cast<std::size_t>(type);
  const std::string_view type_name = kTypeNames[column];
  std::vector<Found> found;
  for (const Block& b : p.blocks) {
    if (b.is("#Header")) continue;
    const BlockRule* rule = find_rule(b.name);
    if (!rule && kind && (rule = find_unprefixed(b.name, *kind))) {
      deviation(d, mode, {b.name_line.number, 1},
                fmt::format("'{}' read as '{}': the block takes the P_ or X_ prefix of the sample", b.name,
                            rule->name),
                std::string(kRule));
    }
    if (!rule) {
      m.unknown_blocks.push_back(raw_block(b));
      continue;
    }
    if (rule->present(m)) {
      d.error({b.name_line.number, 1},
              fmt::format("a second {} block: a message has one, the first is kept", rule->name),
              std::string(kRule));
      continue;
    }
    rule->read(m, b, d, mode);
    found.push_back({rule, b.name_line.number});
    if (rule->need[column] == Need::unused || (kind && rule->kind && *rule->kind != *kind)) {
      d.error({b.name_line.number, 1},
              fmt::format("{} is not a block of a{} {} message (Table 120)", rule->name,
                          kind && *kind == P ? " particulate"
                          : kind             ? " noble gas"
                                             : "n",
                          type_name),
              std::string(kRule));
    }
  }
  for (const BlockRule& b : kBlocks) {
    if (b.need[column] != Need::required || b.present(m)) continue;
    if (b.kind && (!kind || *b.kind != *kind)) continue;
    d.error({header_line, 1}, fmt::format("a {} message has no {} block (Table 120)", type_name, b.name),
            std::string(kRule));
  }
  return m;
}

template <class T>
void put(BlockWriter& w, const std::optional<T>& block) {
  if (block) write_block(w, *block);
}

tl::expected<std::string, std::string> write_message(const LabMessage& m) {
  BlockWriter w;
  write_header(w, m.header);
  put(w, m.data_version);
  put(w, m.recipient);
  put(w, m.transport);
  put(w, m.collection);
  put(w, m.p_station_sample);
  put(w, m.x_station_sample);
  put(w, m.p_activity_summary);
  put(w, m.x_activity_summary);
  put(w, m.p_screening_flags);
  put(w, m.x_screening_flags);
  put(w, m.p_split);
  put(w, m.x_split);
  put(w, m.objective);
  put(w, m.message_receipt);
  put(w, m.sample_receipt);
  for (const LabRawBlock& b : m.unknown_blocks) w.raw(b);
  if (m.comment) write_free_text_block(w, "#Comment", *m.comment);
  return std::move(w).finish();
}

}  // namespace

std::optional<LabMessageType> lab_message_type(std::string_view data_type) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
    if (iequals(kTypeNames[i], trim(data_type))) return static_cast<LabMessageType>(i);
  }
  return std::nullopt;
}

std::string_view lab_message_type_name(LabMessageType type) {
  return kTypeNames[static_cast<std::size_t>(type)];
}

std::optional<LabMessageSection> read_lab_message_section(const DataSection& section,
                                                          Diagnostics& diagnostics, Mode mode) {
  const auto type = lab_message_type(section.header.type);
  if (!type) return std::nullopt;
  SplitSection split = split_products(section, diagnostics, is_lab_free_text_block);
  if (split.products.empty()) {
    diagnostics.error({section.line.number, 1},
                      fmt::format("a {} section holds at least one message", lab_message_type_name(*type)),
                      std::string(kRule));
    return std::nullopt;
  }
  LabMessageSection out;
  out.type = *type;
  out.time_stamps = std::move(split.time_stamps);
  for (const Product& p : split.products) out.messages.push_back(read_message(p, *type, diagnostics, mode));
  return out;
}

tl::expected<std::string, std::string> write_lab_message_section(const LabMessageSection& section) {
  std::string out;
  for (TimePoint t : section.time_stamps) out += write_time_stamp(t) + "\n";
  for (const LabMessage& m : section.messages) {
    auto text = write_message(m);
    if (!text) {
      return tl::unexpected(
          fmt::format("{} {}: {}", lab_message_type_name(section.type), m.header.srid, text.error()));
    }
    out += *text;
  }
  return out;
}

}  // namespace imsgate::ims2::rn
