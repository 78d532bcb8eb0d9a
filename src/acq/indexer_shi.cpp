// The index rows of the S/H/I data types (chapter 6).
#include <cmath>
#include <variant>

#include "acq/section_indexer.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/shi/layout_read.hpp"
#include "ims2/shi/token_fallback.hpp"
#include "ims2/text.hpp"

namespace imsgate::acq::detail {
namespace {

namespace shi = ims2::shi;

// --- Waveforms, bulletins, arrivals
// --------------------------------------------------------------------------

ims2::TimePoint segment_end(const shi::Wid2& w) {
  if (!(w.sample_rate > 0) || !std::isfinite(w.sample_rate) || w.sample_count <= 0) return w.start;
  const double seconds = static_cast<double>(w.sample_count) / w.sample_rate;
  return w.start + std::chrono::microseconds(std::llround(seconds * 1e6));
}

// The first magnitude of an origin: one that names it, or one that names no origin (or any, when the origin
// has no id).
const shi::Magnitude* first_magnitude(const shi::OriginBlock& block, const std::string& origin_id) {
  for (const shi::Magnitude& m : block.magnitudes)
    if (m.value && (origin_id.empty() || m.origin_id.empty() || m.origin_id == origin_id)) return &m;
  return nullptr;
}

// --- Event blocks: where each event's own text is in the message, so that a request reads only it ----------

struct Block {
  std::int64_t offset = -1;  // in the message text
  std::int64_t length = -1;
  std::string_view first_line;
};

// The parts of a section's body that open with a line `opens` accepts, each up to the next or the body's end.
template <class Opens>
std::vector<Block> blocks_of(std::string_view text, std::size_t base, Opens opens) {
  std::vector<Block> out;
  auto close_last = [&](std::size_t end) {
    if (!out.empty()) out.back().length = static_cast<std::int64_t>(base + end) - out.back().offset;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t lf = text.find('\n', pos);
    const std::size_t next = lf == std::string_view::npos ? text.size() : lf + 1;
    const std::string_view line =
        ims2::trim(text.substr(pos, lf == std::string_view::npos ? next - pos : lf - pos));
    if (opens(line)) {
      close_last(pos);
      out.push_back({static_cast<std::int64_t>(base + pos), -1, line});
    }
    pos = next;
  }
  close_last(text.size());
  return out;
}

// An event line as the bulletin reader takes it: first word EVENT, and not the EVENT SCREENING title.
bool is_event_line(std::string_view line) {
  const auto tokens = shi::split_tokens(line);
  if (tokens.empty() || tokens.front().text != "EVENT") return false;
  return !(tokens.size() > 1 && ims2::iequals(tokens[1].text, "SCREENING"));
}

bool is_origin_header(std::string_view line) {
  return shi::is_column_title(line, "Date Time");
}

// The block of each event of a BULLETIN or EVENT section, in the order of `events`; none when the text does
// not tell them apart exactly (an event before any EVENT line, a count or an id that differs).
std::vector<Block> event_blocks(const std::vector<shi::BulletinEvent>& events, const SectionIndexer& ix) {
  std::vector<Block> blocks = blocks_of(ix.body_text(), ix.body_offset(), is_event_line);
  if (blocks.size() != events.size()) return std::vector<Block>(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto tokens = shi::split_tokens(blocks[i].first_line);
    const std::string_view id = tokens.size() > 1 ? tokens[1].text : std::string_view{};
    if (id != events[i].id) return std::vector<Block>(events.size());
  }
  return blocks;
}

// The block of each origin block of an ORIGIN section: from its origin header to the next.
std::vector<Block> origin_blocks(const std::vector<shi::OriginBlock>& origins, const SectionIndexer& ix) {
  std::vector<Block> blocks = blocks_of(ix.body_text(), ix.body_offset(), is_origin_header);
  if (blocks.size() != origins.size()) return std::vector<Block>(origins.size());
  return blocks;
}

void add_origins(const shi::OriginBlock& block, const std::string& event_id, const Block& text,
                 SectionIndexer& ix) {
  for (const shi::Origin& o : block.origins) {
    if (!o.time || !o.latitude || !o.longitude) continue;  // nothing a request could select it by
    store::EventRow& row = ix.index().events.emplace_back();
    row.section_index = ix.section_index();
    row.event_id = event_id;
    row.origin_id = o.id;
    row.author = o.author;
    row.origin_time = *o.time;
    row.latitude = *o.latitude;
    row.longitude = *o.longitude;
    row.depth = o.depth;
    row.block_offset = text.offset;
    row.block_length = text.length;
    if (const shi::Magnitude* m = first_magnitude(block, o.id)) {
      row.magnitude = m->value;
      row.magnitude_type = m->type;
    }
  }
}

void add_arrival(SectionIndexer& ix, const std::string& station, const std::string& channel,
                 const std::string& phase, const std::optional<ims2::TimePoint>& time,
                 const std::string& id) {
  if (!time) return;
  ix.index().arrivals.push_back({ix.section_index(), station, channel, phase, *time, id, 0});
}

void add_events(const std::vector<shi::BulletinEvent>& events, bool gse, SectionIndexer& ix) {
  // A GSE2.0 bulletin has no EVENT lines: its events are read with their section.
  const std::vector<Block> blocks = gse ? std::vector<Block>(events.size()) : event_blocks(events, ix);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const shi::BulletinEvent& event = events[i];
    add_origins(event.origin, event.id, blocks[i], ix);
    for (const shi::Phase& p : event.phases) add_arrival(ix, p.station, "", p.phase, p.time, p.id);
  }
}

void add_segment(const shi::Wid2& w, int block_index, SectionIndexer& ix) {
  ix.index().segments.push_back({ix.section_index(), block_index, w.station, w.channel, w.aux_id, w.subformat,
                                 w.start, segment_end(w), w.sample_rate, w.sample_count});
  ix.name_station(w.station);
}

// --- Station metadata: rows that name their stations -------------------------------------------------------

void index_model(const shi::Station& model, SectionIndexer& ix) {
  for (const shi::StationRecord& r : model.records) {
    store::ItemRow& row = ix.add_item("station");
    row.station = r.station;
    row.start = r.on_date;
    row.end = r.off_date;
    json a = json::object();
    put(a, "network", r.network);
    put(a, "type", r.type);
    put(a, "latitude", r.latitude);
    put(a, "longitude", r.longitude);
    put(a, "coordinate_system", r.coordinate_system);
    put(a, "elevation", r.elevation);
    row.attributes = a.dump();
    ix.name_station(r.station);
  }
}

void index_model(const shi::Channel& model, SectionIndexer& ix) {
  for (const shi::ChannelRecord& r : model.records) {
    store::ItemRow& row = ix.add_item("channel");
    row.station = r.station;
    row.detector = r.channel;
    row.start = r.on_date;
    row.end = r.off_date;
    json a = json::object();
    put(a, "network", r.network);
    put(a, "aux_id", r.aux);
    put(a, "latitude", r.latitude);
    put(a, "longitude", r.longitude);
    put(a, "coordinate_system", r.coordinate_system);
    put(a, "elevation", r.elevation);
    put(a, "depth", r.depth);
    put(a, "horizontal_angle", r.horizontal_angle);
    put(a, "vertical_angle", r.vertical_angle);
    put(a, "sample_rate", r.sample_rate);
    put(a, "instrument", r.instrument);
    row.attributes = a.dump();
    ix.name_station(r.station);
  }
}

void index_model(const shi::Network& model, SectionIndexer& ix) {
  for (const shi::NetworkRecord& r : model.records) {
    store::ItemRow& row = ix.add_item("network");
    json a = json::object();
    put(a, "network", r.code);
    put(a, "description", r.description);
    row.attributes = a.dump();
  }
}

std::string_view stage_name(const shi::ResponseStage& stage) {
  return std::visit(
      [](const auto& block) -> std::string_view {
        using T = std::decay_t<decltype(block)>;
        if constexpr (std::is_same_v<T, shi::Paz2>) return "PAZ2";
        if constexpr (std::is_same_v<T, shi::Fap2>) return "FAP2";
        if constexpr (std::is_same_v<T, shi::Gen2>) return "GEN2";
        if constexpr (std::is_same_v<T, shi::Dig2>) return "DIG2";
        if constexpr (std::is_same_v<T, shi::Fir2>) return "FIR2";
      },
      stage.block);
}

void index_model(const shi::Response& model, SectionIndexer& ix) {
  for (const shi::ChannelResponse& r : model.channels) {
    store::ItemRow& row = ix.add_item("response");
    row.station = r.cal.station;
    row.detector = r.cal.channel;
    row.start = r.cal.start;
    row.end = r.cal.end;
    json a = json::object();
    put(a, "aux_id", r.cal.aux);
    put(a, "instrument", r.cal.instrument);
    put(a, "sensitivity", r.cal.sensitivity);
    put(a, "period", r.cal.period);
    put(a, "sample_rate", r.cal.sample_rate);
    json stages = json::array();
    for (const shi::ResponseStage& s : r.stages) stages.push_back(stage_name(s));
    a["stages"] = stages;
    row.attributes = a.dump();
    ix.name_station(r.cal.station);
  }
}

// --- Status reports: the IDC's products, one row per report line over the report period -------------------

store::ItemRow& status_row(SectionIndexer& ix, const shi::ReportPeriod& period, const std::string& station,
                           const std::string& channel) {
  store::ItemRow& row = ix.add_item("status");
  row.station = station;
  row.detector = channel;
  row.start = period.from;
  row.end = period.to;
  return row;
}

void index_model(const shi::StaStatus& model, SectionIndexer& ix) {
  for (const shi::StaStatusRecord& r : model.records) {
    store::ItemRow& row = status_row(ix, model.period, r.station, "");
    json a = json::object();
    put(a, "max_data_time", r.max_data_time);
    put(a, "availability", r.availability);
    put(a, "timely_availability", r.timely_availability);
    put(a, "mission_capability", r.mission_capability);
    put(a, "received", r.received);
    put(a, "geophysical_availability_unauthenticated", r.geophysical_availability_unauthenticated);
    put(a, "geophysical_availability", r.geophysical_availability);
    row.attributes = a.dump();
  }
}

void index_model(const shi::ChanStatus& model, SectionIndexer& ix) {
  for (const shi::ChanStatusRecord& r : model.records) {
    store::ItemRow& row = status_row(ix, model.period, r.station, r.channel);
    json a = json::object();
    put(a, "network", r.network);
    put(a, "received", r.received);
    put(a, "available_unauthenticated", r.available_unauthenticated);
    put(a, "available", r.available);
    put(a, "gaps", r.gaps);
    put(a, "samples", r.samples);
    put(a, "constant", r.constant);
    put(a, "mean", r.mean);
    put(a, "rms", r.rms);
    row.attributes = a.dump();
  }
}

// A link's row carries its far end as the station, and its outages (long sub-format) as attributes.
void index_model(const shi::CommStatus& model, SectionIndexer& ix) {
  for (const shi::CommLink& link : model.links) {
    store::ItemRow& row = status_row(ix, model.period, link.far_end, "");
    json a = json::object();
    put(a, "near_end", link.near_end);
    put(a, "speed", link.speed);
    put(a, "mode", link.mode);
    put(a, "uptime", link.uptime);
    put(a, "far_use", link.far_use);
    put(a, "near_use", link.near_use);
    for (const shi::CommLinkOutages& lo : model.link_outages) {
      if (lo.far_end != link.far_end || lo.near_end != link.near_end) continue;
      json outages = json::array();
      for (const shi::CommOutage& o : lo.outages) {
        json j = json::object();
        put(j, "start", o.start);
        put(j, "end", o.end);
        put(j, "duration", o.duration);
        outages.push_back(j);
      }
      a["outages"] = outages;
    }
    row.attributes = a.dump();
  }
}

void index_model(const shi::Outage& model, SectionIndexer& ix) {
  for (const shi::OutageRecord& r : model.records) {
    store::ItemRow& row = status_row(ix, model.period, r.station, r.channel);
    json a = json::object();
    put(a, "network", r.network);
    put(a, "aux_id", r.aux);
    put(a, "outage_start", r.start);
    put(a, "outage_end", r.end);
    put(a, "duration", r.duration);
    put(a, "comment", r.comment);
    row.attributes = a.dump();
  }
}

// Table 47's statistics and Table 48's failed intervals, told apart by "table".
void index_model(const shi::AuthStatus& model, SectionIndexer& ix) {
  for (const shi::AuthStatusRecord& r : model.records) {
    store::ItemRow& row = status_row(ix, model.period, r.station, r.channel);
    json a = {{"table", "statistics"}};
    put(a, "network", r.network);
    put(a, "aux_id", r.aux);
    put(a, "packets_tested", r.packets_tested);
    put(a, "packets_failed", r.packets_failed);
    row.attributes = a.dump();
  }
  for (const shi::AuthFailureInterval& f : model.failures) {
    store::ItemRow& row = status_row(ix, model.period, f.station, f.channel);
    json a = {{"table", "failed_interval"}};
    put(a, "network", f.network);
    put(a, "aux_id", f.aux);
    put(a, "failed_start", f.start);
    put(a, "failed_end", f.end);
    put(a, "comment", f.comment);
    row.attributes = a.dump();
  }
}

// --- Free text
// ------------------------------------------------------------------------------------------------

json text_attributes(const std::vector<std::string>& lines) {
  json a = {{"lines", lines.size()}};
  for (const std::string& line : lines) {
    if (ims2::trim(line).empty()) continue;
    a["first_line"] = std::string(ims2::trim(line));
    break;
  }
  return a;
}

void index_model(const shi::Comment& model, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("comment");
  json a = text_attributes(model.lines);
  put(a, "id_type", model.id_type);
  put(a, "id", model.id);
  row.attributes = a.dump();
}

void index_log(const shi::Log& log, bool error, SectionIndexer& ix) {
  store::ItemRow& row = ix.add_item("log");
  json a = text_attributes(log.lines);
  a["error"] = error;
  row.attributes = a.dump();
}

}  // namespace

void index_waveform(const ims2::DataSection& section, SectionIndexer& ix) {
  ims2::LineReader lines(section.body);
  shi::WaveformReader reader(lines, section.first_body_line(), ix.diagnostics());
  int segments = 0;
  while (auto block = reader.next()) {
    if (const auto* segment = std::get_if<shi::WaveformSegment>(&*block))
      add_segment(segment->wid2, segments++, ix);
  }
}

void index_shi(const shi::Section& model, SectionIndexer& ix) {
  std::visit(
      [&](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, shi::Waveform>) {
          int segments = 0;
          for (const shi::WaveformBlock& block : m.blocks)
            if (const auto* segment = std::get_if<shi::WaveformSegment>(&block))
              add_segment(segment->wid2, segments++, ix);
        } else if constexpr (std::is_same_v<T, shi::Bulletin>) {
          add_events(m.events, m.layout == shi::BulletinLayout::gse2, ix);
        } else if constexpr (std::is_same_v<T, shi::EventList>) {
          add_events(m.events, false, ix);
        } else if constexpr (std::is_same_v<T, shi::OriginList>) {
          const std::vector<Block> blocks = origin_blocks(m.blocks, ix);
          for (std::size_t i = 0; i < m.blocks.size(); ++i) add_origins(m.blocks[i], "", blocks[i], ix);
        } else if constexpr (std::is_same_v<T, shi::Arrival>) {
          for (const shi::ArrivalRecord& r : m.records)
            add_arrival(ix, r.station, r.channel, r.phase, r.time, r.id);
        } else if constexpr (std::is_same_v<T, shi::Log>) {
          index_log(m, false, ix);
        } else if constexpr (std::is_same_v<T, shi::ErrorLog>) {
          index_log(m.log, true, ix);
        } else {
          index_model(m, ix);
        }
      },
      model);
}

}  // namespace imsgate::acq::detail
