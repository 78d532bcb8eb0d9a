// The station registry (stations, senders, certificates, CRLs) and the backfill requests.
#include <fmt/format.h>

#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace imsgate::store {

namespace {

constexpr std::string_view kStationColumns =
    "code, kind, name, country, latitude, longitude, signature_policy, request_address";

StationRow read_station(const db::Statement& r) {
  return StationRow{r.text(0),
                    r.text(1),
                    r.text(2),
                    r.text(3),
                    r.optional_real(4),
                    r.optional_real(5),
                    signature_policy_from_name(r.text(6)).value_or(SignaturePolicy::optional),
                    r.text(7)};
}

constexpr std::string_view kCertificateColumns =
    "fingerprint, station, authority, subject, not_before, not_after, pem";

CertificateRow read_certificate(const db::Statement& r) {
  return CertificateRow{r.text(0), r.text(1), r.int64(2) != 0, r.text(3), r.time(4), r.time(5), r.text(6)};
}

constexpr std::string_view kBackfillColumns =
    "id, station, msg_id, mode, from_time, to_time, sent_at, closed_at, response_message_id";

BackfillRequestRow read_backfill(const db::Statement& r) {
  return BackfillRequestRow{r.int64(0), r.text(1), r.text(2),          r.text(3), r.time(4),
                            r.time(5),  r.time(6), r.optional_time(7), r.int64(8)};
}

tl::expected<void, Error> with_context(tl::expected<void, Error> done, std::string_view what) {
  if (!done) return tl::unexpected(fmt::format("{}: {}", what, done.error()));
  return done;
}

}  // namespace

// ---- stations

tl::expected<void, Error> Store::put_station(const StationRow& s) {
  if (s.code.empty()) return tl::unexpected(std::string("put_station: a station without code"));
  std::lock_guard lock(impl_->write_mutex);
  // An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade to its senders.
  return with_context(
      execute(
          impl_->writer,
          fmt::format(
              "INSERT INTO stations ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
              "kind = excluded.kind, name = excluded.name, country = excluded.country, "
              "latitude = excluded.latitude, longitude = excluded.longitude, "
              "signature_policy = excluded.signature_policy, request_address = excluded.request_address",
              kStationColumns),
          s.code, s.kind, s.name, s.country, s.latitude, s.longitude,
          signature_policy_name(s.signature_policy), s.request_address),
      fmt::format("put_station {}", s.code));
}

tl::expected<int, Error> Store::add_stations(const std::vector<StationRow>& stations) {
  std::lock_guard lock(impl_->write_mutex);
  auto transaction = db::Transaction::begin(impl_->writer);
  if (!transaction) return tl::unexpected("add_stations: " + transaction.error());
  int added = 0;
  for (const StationRow& s : stations) {
    if (s.code.empty()) return tl::unexpected(std::string("add_stations: a station without code"));
    auto done = execute(impl_->writer,
                        fmt::format("INSERT INTO stations ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT (code) DO NOTHING",
                                    kStationColumns),
                        s.code, s.kind, s.name, s.country, s.latitude, s.longitude,
                        signature_policy_name(s.signature_policy), s.request_address);
    if (!done) return tl::unexpected(fmt::format("add_stations {}: {}", s.code, done.error()));
    added += static_cast<int>(impl_->writer.changes());
  }
  if (auto committed = transaction->commit(); !committed)
    return tl::unexpected("add_stations: " + committed.error());
  return added;
}

std::optional<StationRow> Store::station(std::string_view code) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM stations WHERE code = ?", kStationColumns), read_station,
                     code);
  });
}

std::vector<StationRow> Store::stations() const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(c, fmt::format("SELECT {} FROM stations ORDER BY code", kStationColumns), read_station);
  });
}

// ---- senders

tl::expected<void, Error> Store::add_sender(const SenderRow& sender) {
  const std::string address = lower_ascii(sender.address);
  if (address.empty()) return tl::unexpected(std::string("add_sender: an empty address"));
  std::lock_guard lock(impl_->write_mutex);
  auto known = query_row(
      impl_->writer, "SELECT 1 FROM stations WHERE code = ?", [](const db::Statement&) { return true; },
      sender.station);
  if (!known) return tl::unexpected("add_sender: " + known.error());
  if (!*known) return tl::unexpected(fmt::format("add_sender: no station {}", sender.station));
  return with_context(execute(impl_->writer, "INSERT OR IGNORE INTO senders (address, station) VALUES (?, ?)",
                              address, sender.station),
                      "add_sender");
}

tl::expected<void, Error> Store::remove_sender(const SenderRow& sender) {
  std::lock_guard lock(impl_->write_mutex);
  auto removed = execute(impl_->writer, "DELETE FROM senders WHERE address = ? AND station = ?",
                         lower_ascii(sender.address), sender.station);
  if (!removed) return with_context(removed, "remove_sender");
  if (impl_->writer.changes() == 0) {
    return tl::unexpected(
        fmt::format("remove_sender: {} does not send for {}", sender.address, sender.station));
  }
  return {};
}

std::vector<SenderRow> Store::senders() const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(c, "SELECT address, station FROM senders ORDER BY address, station",
                      [](const db::Statement& r) {
                        return SenderRow{r.text(0), r.text(1)};
                      });
  });
}

std::vector<std::string> Store::stations_of_sender(std::string_view address) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(
        c, "SELECT station FROM senders WHERE address = ? ORDER BY station",
        [](const db::Statement& r) { return r.text(0); }, lower_ascii(address));
  });
}

// ---- certificates and CRLs

tl::expected<void, Error> Store::put_certificate(const CertificateRow& cert) {
  const std::string fingerprint = lower_ascii(cert.fingerprint);
  if (fingerprint.empty()) return tl::unexpected(std::string("put_certificate: no fingerprint"));
  std::lock_guard lock(impl_->write_mutex);
  return with_context(
      execute(impl_->writer,
              fmt::format(
                  "INSERT INTO certificates ({}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO "
                  "UPDATE SET station = excluded.station, authority = excluded.authority, "
                  "subject = excluded.subject, not_before = excluded.not_before, "
                  "not_after = excluded.not_after, pem = excluded.pem",
                  kCertificateColumns),
              fingerprint, cert.station, cert.authority, cert.subject, cert.not_before, cert.not_after,
              cert.pem),
      "put_certificate");
}

std::optional<CertificateRow> Store::certificate(std::string_view fingerprint) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM certificates WHERE fingerprint = ?", kCertificateColumns),
                     read_certificate, lower_ascii(fingerprint));
  });
}

std::vector<CertificateRow> Store::certificates() const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(
        c, fmt::format("SELECT {} FROM certificates ORDER BY station, fingerprint", kCertificateColumns),
        read_certificate);
  });
}

tl::expected<void, Error> Store::put_crl(std::string_view issuer, std::string_view pem,
                                         TimePoint this_update) {
  std::lock_guard lock(impl_->write_mutex);
  // An older or equal CRL than the one kept changes nothing: CRLs fetched out of order never go back in time.
  return with_context(
      execute(impl_->writer,
              "INSERT INTO crls (issuer, this_update, pem) VALUES (?, ?, ?) ON CONFLICT (issuer) DO "
              "UPDATE SET this_update = excluded.this_update, pem = excluded.pem "
              "WHERE excluded.this_update > crls.this_update",
              issuer, this_update, pem),
      "put_crl");
}

std::vector<std::string> Store::crls() const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(c, "SELECT pem FROM crls ORDER BY issuer",
                      [](const db::Statement& r) { return r.text(0); });
  });
}

// ---- backfill requests

tl::expected<std::int64_t, Error> Store::add_backfill_request(const BackfillRequestRow& r) {
  std::lock_guard lock(impl_->write_mutex);
  auto added =
      execute(impl_->writer,
              "INSERT INTO backfill_requests (station, msg_id, mode, from_time, to_time, sent_at, closed_at, "
              "response_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              r.station, r.msg_id, r.mode, r.from, r.to, r.sent_at, r.closed_at, r.response_message_id);
  if (!added) return tl::unexpected("add_backfill_request: " + added.error());
  return impl_->writer.last_insert_id();
}

std::vector<BackfillRequestRow> Store::open_backfill_requests(std::string_view station) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    if (station.empty()) {
      return query_rows(
          c,
          fmt::format("SELECT {} FROM backfill_requests WHERE closed_at IS NULL ORDER BY sent_at, id",
                      kBackfillColumns),
          read_backfill);
    }
    return query_rows(c,
                      fmt::format("SELECT {} FROM backfill_requests WHERE closed_at IS NULL AND station = ? "
                                  "ORDER BY sent_at, id",
                                  kBackfillColumns),
                      read_backfill, station);
  });
}

bool Store::close_backfill_request(std::string_view ref_id, std::int64_t response_message_id, TimePoint at) {
  std::lock_guard lock(impl_->write_mutex);
  auto closed = execute(impl_->writer,
                        "UPDATE backfill_requests SET closed_at = ?, response_message_id = ? "
                        "WHERE msg_id = ? AND closed_at IS NULL",
                        at, response_message_id, ref_id);
  return closed && impl_->writer.changes() > 0;
}

}  // namespace imsgate::store
