// The store's messages and their index: commit, replace, and the queries.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace imsgate::store {

namespace {

constexpr std::string_view kMessageColumns =
    "m.id, m.sha256, m.body_sha256, m.size, m.received_at, m.door, m.sender, m.subject, m.mail_message_id, "
    "m.msg_type, m.msg_id, m.msg_id_source, m.ref_id, m.data_types, m.station, m.signature, m.signer, "
    "m.accepted, m.reason, m.diagnostics";

MessageRecord read_message(const db::Statement& row) {
  MessageRecord r;
  r.id = row.int64(0);
  r.sha256 = row.text(1);
  r.body_sha256 = row.text(2);
  r.size = row.int64(3);
  r.received_at = row.time(4);
  r.door = door_from_name(row.text(5)).value_or(Door::maildir);
  r.sender = row.text(6);
  r.subject = row.text(7);
  r.mail_message_id = row.text(8);
  r.msg_type = row.text(9);
  r.msg_id = row.text(10);
  r.msg_id_source = row.text(11);
  r.ref_id = row.text(12);
  r.data_types = row.text(13);
  r.station = row.text(14);
  r.signature = signature_state_from_name(row.text(15)).value_or(SignatureState::unsigned_message);
  r.signer = row.text(16);
  r.accepted = row.int64(17) != 0;
  r.reason = row.text(18);
  r.diagnostics = row.text(19);
  return r;
}

tl::expected<std::int64_t, Error> insert_message(db::Connection& c, const MessageRecord& r) {
  auto inserted =
      execute(c,
              "INSERT INTO messages (sha256, body_sha256, size, received_at, door, sender, subject, "
              "mail_message_id, msg_type, msg_id, msg_id_source, ref_id, data_types, station, signature, "
              "signer, accepted, reason, diagnostics) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              r.sha256, r.body_sha256, r.size, r.received_at, door_name(r.door), r.sender, r.subject,
              r.mail_message_id, r.msg_type, r.msg_id, r.msg_id_source, r.ref_id, r.data_types, r.station,
              signature_state_name(r.signature), r.signer, r.accepted, r.reason, r.diagnostics);
  if (!inserted) return tl::unexpected(inserted.error());
  return c.last_insert_id();
}

tl::expected<void, Error> update_message(db::Connection& c, std::int64_t id, const MessageRecord& r) {
  return execute(
      c,
      "UPDATE messages SET body_sha256 = ?, size = ?, received_at = ?, door = ?, sender = ?, subject = ?, "
      "mail_message_id = ?, msg_type = ?, msg_id = ?, msg_id_source = ?, ref_id = ?, data_types = ?, "
      "station = ?, signature = ?, signer = ?, accepted = ?, reason = ?, diagnostics = ? WHERE id = ?",
      r.body_sha256, r.size, r.received_at, door_name(r.door), r.sender, r.subject, r.mail_message_id,
      r.msg_type, r.msg_id, r.msg_id_source, r.ref_id, r.data_types, r.station,
      signature_state_name(r.signature), r.signer, r.accepted, r.reason, r.diagnostics, id);
}

// The DATA_TYPE names a message holds, upper case: its sections', and those its record names (a rejected
// message has no sections, but may still be found by type).
std::set<std::string> data_types_of(const Commit& commit) {
  std::set<std::string> types;
  for (const SectionRow& section : commit.index.sections) types.insert(upper_ascii(section.data_type));
  std::string_view list = commit.record.data_types;
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) types.insert(upper_ascii(name));
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return types;
}

tl::expected<void, Error> insert_index(db::Connection& c, std::int64_t id, const Commit& commit) {
  for (const std::string& type : data_types_of(commit)) {
    auto done = execute(c, "INSERT INTO message_data_types (data_type, message_id) VALUES (?, ?)", type, id);
    if (!done) return done;
  }
  const MessageIndex& index = commit.index;
  for (const SectionRow& s : index.sections) {
    auto done =
        execute(c,
                "INSERT INTO sections (message_id, section_index, data_type, subtype, format, subformat, "
                "body_offset, body_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, s.index, upper_ascii(s.data_type), s.subtype, s.format, s.subformat, s.offset, s.length);
    if (!done) return done;
  }
  for (const WaveformSegmentRow& w : index.segments) {
    auto done =
        execute(c,
                "INSERT INTO waveform_segments (message_id, section_index, block_index, station, channel, "
                "aux_id, subformat, start_time, end_time, sample_rate, samples) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, w.section_index, w.block_index, w.station, w.channel, w.aux_id, w.subformat, w.start,
                w.end, w.sample_rate, w.samples);
    if (!done) return done;
  }
  for (const EventRow& e : index.events) {
    auto done =
        execute(c,
                "INSERT INTO events (message_id, section_index, event_id, origin_id, author, origin_time, "
                "latitude, longitude, depth, magnitude, magnitude_type, block_offset, block_length) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, e.section_index, e.event_id, e.origin_id, e.author, e.origin_time, e.latitude,
                e.longitude, e.depth, e.magnitude, e.magnitude_type, e.block_offset, e.block_length);
    if (!done) return done;
  }
  for (const ArrivalRow& a : index.arrivals) {
    auto done =
        execute(c,
                "INSERT INTO arrivals (message_id, section_index, station, channel, phase, arrival_time, "
                "arrival_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, a.section_index, a.station, a.channel, a.phase, a.time, a.arrival_id);
    if (!done) return done;
  }
  for (const ItemRow& i : index.items) {
    auto done = execute(
        c,
        "INSERT INTO items (message_id, section_index, item_index, data_type, kind, station, detector, "
        "srid, start_time, end_time, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, i.section_index, i.item_index, upper_ascii(i.data_type), i.kind, i.station, i.detector, i.srid,
        i.start, i.end, i.attributes);
    if (!done) return done;
  }
  return {};
}

tl::expected<std::optional<std::int64_t>, Error> id_of(db::Connection& c, std::string_view sha256) {
  return query_row(
      c, "SELECT id FROM messages WHERE sha256 = ?", [](const db::Statement& row) { return row.int64(0); },
      sha256);
}

WaveformSegmentRow read_segment(const db::Statement& r) {
  return WaveformSegmentRow{static_cast<int>(r.int64(0)),
                            static_cast<int>(r.int64(1)),
                            r.text(2),
                            r.text(3),
                            r.text(4),
                            r.text(5),
                            r.time(6),
                            r.time(7),
                            r.real(8),
                            r.int64(9),
                            r.int64(10)};
}

ItemRow read_item(const db::Statement& r) {
  return ItemRow{static_cast<int>(r.int64(0)),
                 static_cast<int>(r.int64(1)),
                 r.text(2),
                 r.text(3),
                 r.text(4),
                 r.text(5),
                 r.text(6),
                 r.optional_time(7),
                 r.optional_time(8),
                 r.text(9),
                 r.int64(10)};
}

// The time-range test of items and segments: [start, end) meets [from, to), and a row without an end (or with
// end == start) is the instant start, inside when from <= start < to.
constexpr std::string_view kStartBefore = " AND start_time < ?";
constexpr std::string_view kEndsAfter = " AND (start_time >= ? OR end_time > ?)";

}  // namespace

bool Store::has_message(std::string_view sha256) const {
  return read_with(impl_->readers, [&](db::Connection& c) { return id_of(c, sha256); }).has_value();
}

tl::expected<std::vector<std::int64_t>, Error> Store::commit(std::vector<Commit>& batch) {
  std::lock_guard lock(impl_->write_mutex);
  db::Connection& c = impl_->writer;
  auto transaction = db::Transaction::begin(c);
  if (!transaction) return tl::unexpected("commit: " + transaction.error());
  std::vector<std::int64_t> ids;
  ids.reserve(batch.size());
  for (const Commit& item : batch) {
    if (item.record.sha256.empty()) return tl::unexpected(std::string("commit: a record without sha256"));
    auto existing = id_of(c, item.record.sha256);
    if (!existing) return tl::unexpected("commit: " + existing.error());
    if (*existing) {  // committed before a crash, or twice in this batch: stored once
      ids.push_back(**existing);
      continue;
    }
    auto id = insert_message(c, item.record);
    if (!id) return tl::unexpected(fmt::format("commit {}: {}", item.record.sha256, id.error()));
    if (auto indexed = insert_index(c, *id, item); !indexed) {
      return tl::unexpected(fmt::format("commit {}: {}", item.record.sha256, indexed.error()));
    }
    if (item.request) {
      if (auto queued = insert_request(c, *item.request, *id); !queued)
        return tl::unexpected(fmt::format("commit {}: {}", item.record.sha256, queued.error()));
    }
    ids.push_back(*id);
  }
  if (auto committed = transaction->commit(); !committed)
    return tl::unexpected("commit: " + committed.error());
  // Only a durable commit names the records.
  for (std::size_t i = 0; i < batch.size(); ++i) batch[i].record.id = ids[i];
  return ids;
}

tl::expected<void, Error> Store::replace(std::int64_t id, Commit& commit) {
  std::lock_guard lock(impl_->write_mutex);
  db::Connection& c = impl_->writer;
  auto transaction = db::Transaction::begin(c);
  if (!transaction) return tl::unexpected("replace: " + transaction.error());
  auto sha256 = query_row(
      c, "SELECT sha256 FROM messages WHERE id = ?", [](const db::Statement& row) { return row.text(0); },
      id);
  if (!sha256) return tl::unexpected("replace: " + sha256.error());
  if (!*sha256) return tl::unexpected(fmt::format("replace: no message {}", id));
  if (!commit.record.sha256.empty() && commit.record.sha256 != **sha256) {
    return tl::unexpected(fmt::format("replace: message {} has other raw bytes ({})", id, **sha256));
  }
  auto replaced = update_message(c, id, commit.record);
  for (std::string_view table :
       {"message_data_types", "sections", "waveform_segments", "events", "arrivals", "items"}) {
    if (!replaced) break;
    replaced = execute(c, fmt::format("DELETE FROM {} WHERE message_id = ?", table), id);
  }
  if (replaced) replaced = insert_index(c, id, commit);
  if (replaced) replaced = transaction->commit();
  if (!replaced) return tl::unexpected(fmt::format("replace {}: {}", id, replaced.error()));
  commit.record.id = id;
  commit.record.sha256 = **sha256;
  return {};
}

std::optional<MessageRecord> Store::message(std::int64_t id) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM messages m WHERE m.id = ?", kMessageColumns),
                     read_message, id);
  });
}

std::optional<MessageRecord> Store::message_by_sha256(std::string_view sha256) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM messages m WHERE m.sha256 = ?", kMessageColumns),
                     read_message, sha256);
  });
}

std::vector<MessageRecord> Store::messages(const MessageFilter& filter) const {
  if (filter.limit <= 0) return {};
  // The SQL names only the conditions given, so that each form uses its index; each form is prepared once.
  std::string sql = fmt::format("SELECT {} FROM messages m", kMessageColumns);
  if (!filter.data_type.empty()) {
    sql += " JOIN message_data_types t ON t.message_id = m.id AND t.data_type = ?";
  }
  sql += " WHERE 1";
  if (filter.accepted) sql += " AND m.accepted = ?";
  if (!filter.station.empty()) sql += " AND m.station = ?";
  if (filter.received_from) sql += " AND m.received_at >= ?";
  if (filter.received_to) sql += " AND m.received_at < ?";
  if (filter.before_id > 0) sql += " AND m.id < ?";
  // Ordered by the data type's own key when there is one: SQLite then walks (data_type, message_id) backwards
  // and stops at the limit, instead of sorting every message of the type.
  sql += filter.data_type.empty() ? " ORDER BY m.id DESC LIMIT ?" : " ORDER BY t.message_id DESC LIMIT ?";

  return read_with(impl_->readers, [&](db::Connection& c) -> tl::expected<std::vector<MessageRecord>, Error> {
    auto statement = c.prepare(sql);
    if (!statement) return tl::unexpected(statement.error());
    int n = 0;
    if (!filter.data_type.empty()) statement->bind(++n, upper_ascii(filter.data_type));
    if (filter.accepted) statement->bind(++n, *filter.accepted);
    if (!filter.station.empty()) statement->bind(++n, filter.station);
    if (filter.received_from) statement->bind(++n, *filter.received_from);
    if (filter.received_to) statement->bind(++n, *filter.received_to);
    if (filter.before_id > 0) statement->bind(++n, filter.before_id);
    statement->bind(++n, filter.limit);
    return read_rows(*statement, read_message);
  });
}

std::vector<SectionRow> Store::sections(std::int64_t message_id) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(
        c,
        "SELECT section_index, data_type, subtype, format, subformat, body_offset, body_length FROM sections "
        "WHERE message_id = ? ORDER BY section_index",
        [](const db::Statement& row) {
          return SectionRow{static_cast<int>(row.int64(0)),
                            row.text(1),
                            row.text(2),
                            row.text(3),
                            row.text(4),
                            row.int64(5),
                            row.int64(6)};
        },
        message_id);
  });
}

Counts Store::counts() const {
  return read_with(impl_->readers, [&](db::Connection& c) -> tl::expected<Counts, Error> {
    auto rows = query_rows(c, "SELECT accepted, n FROM message_counts", [](const db::Statement& row) {
      return std::pair(row.int64(0) != 0, row.int64(1));
    });
    if (!rows) return tl::unexpected(rows.error());
    Counts counts;
    for (const auto& [accepted, n] : *rows) (accepted ? counts.accepted : counts.rejected) = n;
    counts.messages = counts.accepted + counts.rejected;
    return counts;
  });
}

std::vector<WaveformSegmentRow> Store::segments(std::string_view station, std::string_view channel,
                                                TimePoint from, TimePoint to) const {
  std::string sql =
      "SELECT section_index, block_index, station, channel, aux_id, subformat, start_time, end_time, "
      "sample_rate, samples, message_id FROM waveform_segments WHERE 1";
  if (!station.empty()) sql += " AND station = ?";
  if (!channel.empty()) sql += " AND channel = ?";
  sql += kStartBefore;
  sql += kEndsAfter;
  sql += " ORDER BY start_time, station, channel, id";
  return read_with(impl_->readers,
                   [&](db::Connection& c) -> tl::expected<std::vector<WaveformSegmentRow>, Error> {
                     auto statement = c.prepare(sql);
                     if (!statement) return tl::unexpected(statement.error());
                     int n = 0;
                     if (!station.empty()) statement->bind(++n, station);
                     if (!channel.empty()) statement->bind(++n, channel);
                     statement->bind(n + 1, to).bind(n + 2, from).bind(n + 3, from);
                     return read_rows(*statement, read_segment);
                   });
}

std::vector<EventRow> Store::events(TimePoint from, TimePoint to, const EventArea& area) const {
  std::string sql =
      "SELECT section_index, event_id, origin_id, author, origin_time, latitude, longitude, depth, "
      "magnitude, "
      "magnitude_type, message_id, block_offset, block_length FROM events WHERE origin_time >= ? AND "
      "origin_time < ?";
  if (area.lat_low) sql += " AND latitude >= ?";
  if (area.lat_high) sql += " AND latitude <= ?";
  const bool wraps = area.lon_low && area.lon_high && *area.lon_low > *area.lon_high;
  if (wraps) {
    sql += " AND (longitude >= ? OR longitude <= ?)";
  } else {
    if (area.lon_low) sql += " AND longitude >= ?";
    if (area.lon_high) sql += " AND longitude <= ?";
  }
  sql += " ORDER BY origin_time, id";
  return read_with(impl_->readers, [&](db::Connection& c) -> tl::expected<std::vector<EventRow>, Error> {
    auto statement = c.prepare(sql);
    if (!statement) return tl::unexpected(statement.error());
    int n = 0;
    statement->bind(++n, from).bind(++n, to);
    for (const auto& bound : {area.lat_low, area.lat_high, area.lon_low, area.lon_high})
      if (bound) statement->bind(++n, *bound);
    return read_rows(*statement, [](const db::Statement& r) {
      return EventRow{static_cast<int>(r.int64(0)),
                      r.text(1),
                      r.text(2),
                      r.text(3),
                      r.time(4),
                      r.real(5),
                      r.real(6),
                      r.optional_real(7),
                      r.optional_real(8),
                      r.text(9),
                      r.int64(10),
                      r.int64(11),
                      r.int64(12)};
    });
  });
}

std::vector<ArrivalRow> Store::arrivals(std::string_view station, TimePoint from, TimePoint to) const {
  std::string sql =
      "SELECT section_index, station, channel, phase, arrival_time, arrival_id, message_id FROM arrivals "
      "WHERE arrival_time >= ? AND arrival_time < ?";
  if (!station.empty()) sql += " AND station = ?";
  sql += " ORDER BY arrival_time, station, id";
  return read_with(impl_->readers, [&](db::Connection& c) -> tl::expected<std::vector<ArrivalRow>, Error> {
    auto statement = c.prepare(sql);
    if (!statement) return tl::unexpected(statement.error());
    statement->bind(1, from).bind(2, to);
    if (!station.empty()) statement->bind(3, station);
    return read_rows(*statement, [](const db::Statement& r) {
      return ArrivalRow{
          static_cast<int>(r.int64(0)), r.text(1), r.text(2), r.text(3), r.time(4), r.text(5), r.int64(6)};
    });
  });
}

std::vector<ItemRow> Store::items(std::string_view data_type, std::string_view station,
                                  std::optional<TimePoint> from, std::optional<TimePoint> to) const {
  std::string sql =
      "SELECT section_index, item_index, data_type, kind, station, detector, srid, start_time, end_time, "
      "attributes, message_id FROM items WHERE 1";
  if (!data_type.empty()) sql += " AND data_type = ?";
  if (!station.empty()) sql += " AND station = ?";
  if (to) sql += kStartBefore;
  if (from) sql += kEndsAfter;
  sql += " ORDER BY start_time, id";
  return read_with(impl_->readers, [&](db::Connection& c) -> tl::expected<std::vector<ItemRow>, Error> {
    auto statement = c.prepare(sql);
    if (!statement) return tl::unexpected(statement.error());
    int n = 0;
    if (!data_type.empty()) statement->bind(++n, upper_ascii(data_type));
    if (!station.empty()) statement->bind(++n, station);
    if (to) statement->bind(++n, *to);
    if (from) statement->bind(n + 1, *from).bind(n + 2, *from);
    return read_rows(*statement, read_item);
  });
}

}  // namespace imsgate::store
