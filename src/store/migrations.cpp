#include "store/migrations.hpp"

#include <charconv>

#include <fmt/format.h>

namespace imsgate::store {

namespace {

// Times are integer microseconds since 1970-01-01 UTC. Index rows name their message and go with it. Text
// columns are NOT NULL: an absent value is the empty string, as in the records.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE messages (
  id              INTEGER PRIMARY KEY,
  sha256          TEXT NOT NULL UNIQUE,
  body_sha256     TEXT NOT NULL,
  size            INTEGER NOT NULL,
  received_at     INTEGER NOT NULL,
  door            TEXT NOT NULL,
  sender          TEXT NOT NULL,
  subject         TEXT NOT NULL,
  mail_message_id TEXT NOT NULL,
  msg_type        TEXT NOT NULL,
  msg_id          TEXT NOT NULL,
  msg_id_source   TEXT NOT NULL,
  ref_id          TEXT NOT NULL,
  data_types      TEXT NOT NULL,
  station         TEXT NOT NULL,
  signature       TEXT NOT NULL,
  signer          TEXT NOT NULL,
  accepted        INTEGER NOT NULL CHECK (accepted IN (0, 1)),
  reason          TEXT NOT NULL,
  diagnostics     TEXT NOT NULL
);
CREATE INDEX messages_station ON messages(station);
CREATE INDEX messages_received_at ON messages(received_at);
CREATE INDEX messages_accepted ON messages(accepted);

-- Message counts kept by triggers: counting the rows would read the whole table at every /metrics scrape.
CREATE TABLE message_counts (
  accepted INTEGER PRIMARY KEY,
  n        INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO message_counts (accepted, n) VALUES (0, 0), (1, 0);
CREATE TRIGGER message_counts_insert AFTER INSERT ON messages BEGIN
  UPDATE message_counts SET n = n + 1 WHERE accepted = NEW.accepted;
END;
CREATE TRIGGER message_counts_delete AFTER DELETE ON messages BEGIN
  UPDATE message_counts SET n = n - 1 WHERE accepted = OLD.accepted;
END;
CREATE TRIGGER message_counts_update AFTER UPDATE OF accepted ON messages WHEN OLD.accepted <> NEW.accepted BEGIN
  UPDATE message_counts SET n = n - 1 WHERE accepted = OLD.accepted;
  UPDATE message_counts SET n = n + 1 WHERE accepted = NEW.accepted;
END;

CREATE TABLE message_data_types (
  data_type  TEXT NOT NULL,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  PRIMARY KEY (data_type, message_id)
) WITHOUT ROWID;
CREATE INDEX message_data_types_message ON message_data_types(message_id);

CREATE TABLE sections (
  message_id    INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  section_index INTEGER NOT NULL,
  data_type     TEXT NOT NULL,
  subtype       TEXT NOT NULL,
  format        TEXT NOT NULL,
  subformat     TEXT NOT NULL,
  body_offset   INTEGER NOT NULL,
  body_length   INTEGER NOT NULL,
  PRIMARY KEY (message_id, section_index)
) WITHOUT ROWID;

CREATE TABLE waveform_segments (
  id            INTEGER PRIMARY KEY,
  message_id    INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  section_index INTEGER NOT NULL,
  block_index   INTEGER NOT NULL,
  station       TEXT NOT NULL,
  channel       TEXT NOT NULL,
  aux_id        TEXT NOT NULL,
  subformat     TEXT NOT NULL,
  start_time    INTEGER NOT NULL,
  end_time      INTEGER NOT NULL,
  sample_rate   REAL NOT NULL,
  samples       INTEGER NOT NULL
);
CREATE INDEX waveform_segments_channel ON waveform_segments(station, channel, start_time);
CREATE INDEX waveform_segments_message ON waveform_segments(message_id);

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  message_id     INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  section_index  INTEGER NOT NULL,
  event_id       TEXT NOT NULL,
  origin_id      TEXT NOT NULL,
  author         TEXT NOT NULL,
  origin_time    INTEGER NOT NULL,
  latitude       REAL NOT NULL,
  longitude      REAL NOT NULL,
  depth          REAL,
  magnitude      REAL,
  magnitude_type TEXT NOT NULL
);
CREATE INDEX events_origin_time ON events(origin_time);
CREATE INDEX events_message ON events(message_id);

CREATE TABLE arrivals (
  id            INTEGER PRIMARY KEY,
  message_id    INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  section_index INTEGER NOT NULL,
  station       TEXT NOT NULL,
  channel       TEXT NOT NULL,
  phase         TEXT NOT NULL,
  arrival_time  INTEGER NOT NULL,
  arrival_id    TEXT NOT NULL
);
CREATE INDEX arrivals_station ON arrivals(station, arrival_time);
CREATE INDEX arrivals_message ON arrivals(message_id);

CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  message_id    INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  section_index INTEGER NOT NULL,
  item_index    INTEGER NOT NULL,
  data_type     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  station       TEXT NOT NULL,
  detector      TEXT NOT NULL,
  srid          TEXT NOT NULL,
  start_time    INTEGER,
  end_time      INTEGER,
  attributes    TEXT NOT NULL
);
CREATE INDEX items_type_station_start ON items(data_type, station, start_time);
CREATE INDEX items_srid ON items(srid);
CREATE INDEX items_message ON items(message_id);

CREATE TABLE stations (
  code             TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  name             TEXT NOT NULL,
  country          TEXT NOT NULL,
  latitude         REAL,
  longitude        REAL,
  signature_policy TEXT NOT NULL,
  request_address  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE senders (
  address TEXT NOT NULL,
  station TEXT NOT NULL REFERENCES stations(code) ON DELETE CASCADE ON UPDATE CASCADE,
  PRIMARY KEY (address, station)
) WITHOUT ROWID;
CREATE INDEX senders_station ON senders(station);

CREATE TABLE certificates (
  fingerprint TEXT PRIMARY KEY,
  station     TEXT NOT NULL,
  authority   INTEGER NOT NULL,
  subject     TEXT NOT NULL,
  not_before  INTEGER NOT NULL,
  not_after   INTEGER NOT NULL,
  pem         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX certificates_station ON certificates(station);

CREATE TABLE crls (
  issuer      TEXT PRIMARY KEY,
  this_update INTEGER NOT NULL,
  pem         TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
  id    INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL,
  admin INTEGER NOT NULL
);

CREATE TABLE tokens (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  prefix     TEXT NOT NULL,
  created    INTEGER NOT NULL,
  revoked    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_user ON tokens(user_id);
CREATE INDEX tokens_prefix ON tokens(prefix);

CREATE TABLE backfill_requests (
  id                  INTEGER PRIMARY KEY,
  station             TEXT NOT NULL,
  msg_id              TEXT NOT NULL,
  mode                TEXT NOT NULL,
  from_time           INTEGER NOT NULL,
  to_time             INTEGER NOT NULL,
  sent_at             INTEGER NOT NULL,
  closed_at           INTEGER,
  response_message_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX backfill_requests_open ON backfill_requests(station) WHERE closed_at IS NULL;
CREATE INDEX backfill_requests_msg_id ON backfill_requests(msg_id);
)sql";

// The request engine: what each user may receive, and every request with its delivery.
constexpr std::string_view kRequests = R"sql(
CREATE TABLE grants (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  product TEXT NOT NULL,
  station TEXT NOT NULL,
  PRIMARY KEY (user_id, product, station)
) WITHOUT ROWID;

CREATE TABLE requests (
  id             INTEGER PRIMARY KEY,
  channel        TEXT NOT NULL,
  requester      TEXT NOT NULL,
  user_id        INTEGER NOT NULL DEFAULT 0,
  message_id     INTEGER NOT NULL DEFAULT 0,
  msg_id         TEXT NOT NULL,
  text           TEXT NOT NULL,
  received_at    INTEGER NOT NULL,
  status         TEXT NOT NULL,
  reply_to       TEXT NOT NULL,
  products       TEXT NOT NULL,
  response_bytes INTEGER NOT NULL DEFAULT 0,
  parts          INTEGER NOT NULL DEFAULT 0,
  outcome        TEXT NOT NULL,
  finished_at    INTEGER,
  delivered_at   INTEGER
);
CREATE INDEX requests_status ON requests(status) WHERE status IN ('queued', 'running');
CREATE INDEX requests_user ON requests(user_id, id);
CREATE INDEX requests_message ON requests(message_id);
)sql";

// Each event's own text in its message, so that a request reads the events it selects and not their whole
// bulletins; rows stored before keep -1 and are read with their section. The time index also holds the
// place, so that SQLite filters LAT and LON without reading the rows (measured: bench_bulletin).
constexpr std::string_view kEventBlocks = R"sql(
ALTER TABLE events ADD COLUMN block_offset INTEGER NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN block_length INTEGER NOT NULL DEFAULT -1;
DROP INDEX events_origin_time;
CREATE INDEX events_time_place ON events(origin_time, latitude, longitude);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchema},
    {2, kRequests},
    {3, kEventBlocks},
};

tl::expected<int, db::Error> user_version(db::Connection& connection) {
  auto text = connection.query_text("PRAGMA user_version");
  if (!text) return tl::unexpected(text.error());
  int version = 0;
  std::from_chars(text->data(), text->data() + text->size(), version);
  return version;
}

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

tl::expected<int, db::Error> migrate(db::Connection& connection, std::span<const Migration> list) {
  auto version = user_version(connection);
  if (!version) return version;
  const int latest = list.empty() ? 0 : list.back().version;
  if (*version > latest) {
    return tl::unexpected(
        fmt::format("the database is at schema version {}, newer than this program's {}", *version, latest));
  }
  for (const Migration& migration : list) {
    if (migration.version <= *version) continue;
    auto transaction = db::Transaction::begin(connection);
    if (!transaction) return tl::unexpected(transaction.error());
    // user_version lives in the database header, which the transaction covers: schema and number go together.
    auto applied = connection.exec(std::string(migration.sql))
                       .and_then([&] {
                         return connection.exec(fmt::format("PRAGMA user_version = {}", migration.version));
                       })
                       .and_then([&] { return transaction->commit(); });
    if (!applied) return tl::unexpected(fmt::format("migration {}: {}", migration.version, applied.error()));
    *version = migration.version;
  }
  return *version;
}

}  // namespace imsgate::store
