// The embedded store: the raw archive and an SQLite index of what the received messages contain, with the
// station registry, users and tokens. Safe to use from several threads (each call takes its own connection
// from a small pool, or serialises on one; writes are serialised).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "store/archive.hpp"
#include "store/records.hpp"

namespace imsgate::store {

using Error = std::string;

// Every member is initialised, so that designated initialisers may name only some ({.station = "USP70"})
// without -Wmissing-field-initializers.
struct MessageFilter {
  std::optional<bool> accepted{};  // only accepted, or only rejected
  std::string station{};
  std::string data_type{};  // one DATA_TYPE name (any case): messages that hold a section of it
  std::optional<TimePoint> received_from{};  // included
  std::optional<TimePoint> received_to{};    // excluded
  int limit = 100;
  std::int64_t before_id = 0;  // paging: only ids below this (0: from the newest)
};

// One accepted or rejected message to commit, with its index (empty for a rejected one), and, for a request
// that arrived by e-mail, the request to queue for the engine: committed with the message, so that a
// received request is never lost nor queued twice.
struct Commit {
  MessageRecord record;
  MessageIndex index;
  std::optional<RequestRow> request;  // its message_id is set by commit()
};

// What the store holds of one data type for one station (and channel, for waveforms), for HELP (10.7).
struct Holding {
  std::string data_type;
  std::string station;
  std::string channel;
  std::int64_t count = 0;
  std::optional<TimePoint> first;  // the earliest start
  std::optional<TimePoint> last;   // the latest end (or start)
};

struct Counts {  // for /metrics and `admin status`
  std::int64_t messages = 0;
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
};

class Store {
 public:
  // Opens (creating when missing) DIR/imsgate.sqlite and DIR/archive, and brings the schema up to date with
  // the migrations. WAL mode, synchronous=FULL.
  static tl::expected<std::unique_ptr<Store>, Error> open(const std::filesystem::path& data_dir);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  RawArchive& archive();
  const RawArchive& archive() const;
  int schema_version() const;

  // ---- messages
  // True when a message with these raw bytes is committed already (accepted or rejected).
  bool has_message(std::string_view sha256) const;
  // Commits messages in one transaction, after archive().sync(): their records and index rows. A message
  // whose sha256 is committed already is skipped (its id is returned). Returns the ids, in order.
  tl::expected<std::vector<std::int64_t>, Error> commit(std::vector<Commit>& batch);
  std::optional<MessageRecord> message(std::int64_t id) const;
  std::optional<MessageRecord> message_by_sha256(std::string_view sha256) const;
  std::vector<MessageRecord> messages(const MessageFilter& filter) const;
  std::vector<SectionRow> sections(std::int64_t message_id) const;
  Counts counts() const;
  // Replaces a message's verdict and index (admin reprocess): same row, same raw bytes.
  tl::expected<void, Error> replace(std::int64_t id, Commit& commit);

  // ---- index queries
  // An empty station, channel or data type matches any. Time ranges are [from, to): a segment or item [start,
  // end) is found when start < to and end > from; an item without end (or an empty segment) is the instant
  // start, found when from <= start < to; an item without start is found only when no range is given.
  // Segments come by start time, events by origin time, items by start time (those without start first).
  std::vector<WaveformSegmentRow> segments(std::string_view station, std::string_view channel, TimePoint from,
                                           TimePoint to) const;
  // `area` narrows events to closed latitude and longitude ranges (a longitude range whose low end is above
  // its high end wraps across 180), filtered by SQLite on its index.
  std::vector<EventRow> events(TimePoint from, TimePoint to, const EventArea& area = {}) const;
  // Arrivals (of ARRIVAL sections and of bulletins' phase blocks) by arrival time, then station.
  std::vector<ArrivalRow> arrivals(std::string_view station, TimePoint from, TimePoint to) const;
  std::vector<ItemRow> items(std::string_view data_type, std::string_view station,
                             std::optional<TimePoint> from, std::optional<TimePoint> to) const;

  // ---- station registry
  tl::expected<void, Error> put_station(const StationRow& station);  // insert or update by code
  // Adds, in one transaction, the stations whose code the registry does not hold; leaves the others as they
  // are. Returns how many were added.
  tl::expected<int, Error> add_stations(const std::vector<StationRow>& stations);
  std::optional<StationRow> station(std::string_view code) const;
  std::vector<StationRow> stations() const;
  tl::expected<void, Error> add_sender(const SenderRow& sender);
  tl::expected<void, Error> remove_sender(const SenderRow& sender);
  std::vector<SenderRow> senders() const;
  std::vector<std::string> stations_of_sender(std::string_view address) const;   // lower-cased lookup
  tl::expected<void, Error> put_certificate(const CertificateRow& certificate);  // by fingerprint
  std::optional<CertificateRow> certificate(std::string_view fingerprint) const;
  std::vector<CertificateRow> certificates() const;
  // CRLs (PEM), by issuer; replaced when a newer one arrives.
  tl::expected<void, Error> put_crl(std::string_view issuer, std::string_view pem, TimePoint this_update);
  std::vector<std::string> crls() const;

  // ---- users and tokens
  tl::expected<UserRow, Error> add_user(std::string_view email, std::string_view name, bool admin);
  std::optional<UserRow> user(std::string_view email) const;
  std::optional<UserRow> user_by_id(std::int64_t id) const;
  std::vector<UserRow> users() const;
  // A new random token for the user: returned once in clear, stored only as its SHA-256.
  tl::expected<std::string, Error> create_token(std::int64_t user_id);
  std::optional<UserRow> user_of_token(std::string_view token) const;  // nothing for unknown or revoked
  std::vector<TokenRow> tokens(std::int64_t user_id) const;
  tl::expected<void, Error> revoke_token(std::string_view prefix);

  // ---- grants: what each user may receive
  tl::expected<void, Error> add_grant(const GrantRow& grant);  // product and station as given, lower/upper
  tl::expected<void, Error> remove_grant(const GrantRow& grant);
  std::vector<GrantRow> grants(std::int64_t user_id) const;
  // Waveforms by station and channel, everything else by data type and station.
  std::vector<Holding> holdings() const;

  // ---- requests and their deliveries
  tl::expected<std::int64_t, Error> add_request(const RequestRow& request);
  std::optional<RequestRow> request(std::int64_t id) const;
  // The newest first; user 0: every user's. Paging by id as for messages.
  std::vector<RequestRow> requests(std::int64_t user_id, int limit, std::int64_t before_id = 0) const;
  // The queued requests, oldest first; and the ones left running by a stopped server, which are queued again.
  std::vector<RequestRow> queued_requests(int limit) const;
  tl::expected<int, Error> requeue_running();
  // Writes the request's status, user, msg_id, reply_to, products, sizes, outcome and times back.
  tl::expected<void, Error> update_request(const RequestRow& request);

  // ---- backfill requests
  tl::expected<std::int64_t, Error> add_backfill_request(const BackfillRequestRow& request);
  std::vector<BackfillRequestRow> open_backfill_requests(std::string_view station) const;  // empty: all
  // Closes the open request whose msg_id is ref_id; false when there is none.
  bool close_backfill_request(std::string_view ref_id, std::int64_t response_message_id, TimePoint at);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace imsgate::store
