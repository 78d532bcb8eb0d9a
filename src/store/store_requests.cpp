// The request engine's rows: grants of products to users, and every request with its delivery.
#include <fmt/format.h>

#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace imsgate::store {

namespace {

constexpr std::string_view kRequestColumns =
    "id, channel, requester, user_id, message_id, msg_id, text, received_at, status, reply_to, products, "
    "response_bytes, parts, outcome, finished_at, delivered_at";

RequestRow read_request(const db::Statement& r) {
  RequestRow row;
  row.id = r.int64(0);
  row.channel = request_channel_from_name(r.text(1)).value_or(RequestChannel::rest);
  row.requester = r.text(2);
  row.user_id = r.int64(3);
  row.message_id = r.int64(4);
  row.msg_id = r.text(5);
  row.text = r.text(6);
  row.received_at = r.time(7);
  row.status = request_status_from_name(r.text(8)).value_or(RequestStatus::failed);
  row.reply_to = r.text(9);
  row.products = r.text(10);
  row.response_bytes = r.int64(11);
  row.parts = static_cast<int>(r.int64(12));
  row.outcome = r.text(13);
  row.finished_at = r.optional_time(14);
  row.delivered_at = r.optional_time(15);
  return row;
}

GrantRow normalised(const GrantRow& grant) {
  return {grant.user_id, lower_ascii(grant.product), upper_ascii(grant.station)};
}

}  // namespace

tl::expected<void, Error> Store::add_grant(const GrantRow& grant) {
  const GrantRow g = normalised(grant);
  if (g.product.empty() || g.station.empty())
    return tl::unexpected(std::string("add_grant: a product and a station pattern are needed"));
  std::lock_guard lock(impl_->write_mutex);
  auto added =
      execute(impl_->writer, "INSERT OR IGNORE INTO grants (user_id, product, station) VALUES (?, ?, ?)",
              g.user_id, g.product, g.station);
  if (!added) return tl::unexpected("add_grant: " + added.error());
  return {};
}

tl::expected<void, Error> Store::remove_grant(const GrantRow& grant) {
  const GrantRow g = normalised(grant);
  std::lock_guard lock(impl_->write_mutex);
  auto removed =
      execute(impl_->writer, "DELETE FROM grants WHERE user_id = ? AND product = ? AND station = ?",
              g.user_id, g.product, g.station);
  if (!removed) return tl::unexpected("remove_grant: " + removed.error());
  if (impl_->writer.changes() == 0)
    return tl::unexpected(fmt::format("remove_grant: no grant of {} for {}", g.product, g.station));
  return {};
}

std::vector<GrantRow> Store::grants(std::int64_t user_id) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(
        c, "SELECT user_id, product, station FROM grants WHERE user_id = ? ORDER BY product, station",
        [](const db::Statement& r) {
          return GrantRow{r.int64(0), r.text(1), r.text(2)};
        },
        user_id);
  });
}

std::vector<Holding> Store::holdings() const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    auto read = [](const db::Statement& r) {
      return Holding{r.text(0), r.text(1), r.text(2), r.int64(3), r.optional_time(4), r.optional_time(5)};
    };
    auto rows = query_rows(c,
                           "SELECT 'WAVEFORM', station, channel, COUNT(*), MIN(start_time), MAX(end_time) "
                           "FROM waveform_segments GROUP BY station, channel ORDER BY station, channel",
                           read);
    auto items = query_rows(c,
                            "SELECT data_type, station, '', COUNT(*), MIN(start_time), "
                            "MAX(COALESCE(end_time, start_time)) FROM items GROUP BY data_type, station "
                            "ORDER BY data_type, station",
                            read);
    if (!rows || !items) return items ? rows : items;
    rows->insert(rows->end(), items->begin(), items->end());
    return rows;
  });
}

tl::expected<void, Error> insert_request(db::Connection& c, const RequestRow& r, std::int64_t message_id) {
  return execute(c,
                 "INSERT INTO requests (channel, requester, user_id, message_id, msg_id, text, received_at, "
                 "status, reply_to, products, response_bytes, parts, outcome, finished_at, delivered_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 request_channel_name(r.channel), r.requester, r.user_id, message_id, r.msg_id, r.text,
                 r.received_at, request_status_name(r.status), r.reply_to, r.products, r.response_bytes,
                 r.parts, r.outcome, r.finished_at, r.delivered_at);
}

tl::expected<std::int64_t, Error> Store::add_request(const RequestRow& r) {
  std::lock_guard lock(impl_->write_mutex);
  auto added = insert_request(impl_->writer, r, r.message_id);
  if (!added) return tl::unexpected("add_request: " + added.error());
  return impl_->writer.last_insert_id();
}

std::optional<RequestRow> Store::request(std::int64_t id) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM requests WHERE id = ?", kRequestColumns), read_request,
                     id);
  });
}

std::vector<RequestRow> Store::requests(std::int64_t user_id, int limit, std::int64_t before_id) const {
  const std::int64_t below = before_id > 0 ? before_id : std::numeric_limits<std::int64_t>::max();
  return read_with(impl_->readers, [&](db::Connection& c) {
    if (user_id == 0)
      return query_rows(
          c, fmt::format("SELECT {} FROM requests WHERE id < ? ORDER BY id DESC LIMIT ?", kRequestColumns),
          read_request, below, limit);
    return query_rows(
        c,
        fmt::format("SELECT {} FROM requests WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                    kRequestColumns),
        read_request, user_id, below, limit);
  });
}

std::vector<RequestRow> Store::queued_requests(int limit) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(
        c,
        fmt::format("SELECT {} FROM requests WHERE status = 'queued' ORDER BY id LIMIT ?", kRequestColumns),
        read_request, limit);
  });
}

tl::expected<int, Error> Store::requeue_running() {
  std::lock_guard lock(impl_->write_mutex);
  auto requeued = execute(impl_->writer, "UPDATE requests SET status = 'queued' WHERE status = 'running'");
  if (!requeued) return tl::unexpected("requeue_running: " + requeued.error());
  return static_cast<int>(impl_->writer.changes());
}

tl::expected<void, Error> Store::update_request(const RequestRow& r) {
  std::lock_guard lock(impl_->write_mutex);
  auto updated =
      execute(impl_->writer,
              "UPDATE requests SET status = ?, user_id = ?, msg_id = ?, reply_to = ?, products = ?, "
              "response_bytes = ?, parts = ?, outcome = ?, finished_at = ?, delivered_at = ? "
              "WHERE id = ?",
              request_status_name(r.status), r.user_id, r.msg_id, r.reply_to, r.products, r.response_bytes,
              r.parts, r.outcome, r.finished_at, r.delivered_at, r.id);
  if (!updated) return tl::unexpected("update_request: " + updated.error());
  if (impl_->writer.changes() == 0) return tl::unexpected(fmt::format("update_request: no request {}", r.id));
  return {};
}

}  // namespace imsgate::store
