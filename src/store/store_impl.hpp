// The store's inside, shared by its source files: the write connection, the pool of read connections, and
// helpers that run a statement or read its rows.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "store/database.hpp"
#include "store/store.hpp"

namespace imsgate::store {

// Opens a connection with the store's settings: foreign keys on, synchronous=FULL, a busy timeout.
tl::expected<db::Connection, Error> open_connection(const std::filesystem::path& file);

// Read connections for any thread. WAL gives each reader a committed snapshot without blocking the writer.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::filesystem::path file) : file_(std::move(file)) {}

  // A connection lent to one thread; back to the pool when the lease ends.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<db::Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    ~Lease() {
      if (connection_) pool_->give_back(std::move(connection_));
    }
    Lease(Lease&&) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    db::Connection& operator*() const { return *connection_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<db::Connection> connection_;
  };

  tl::expected<Lease, Error> acquire();

 private:
  static constexpr std::size_t kMaxIdle = 8;  // more readers at once open more connections, closed on return

  void give_back(std::unique_ptr<db::Connection> connection);

  std::filesystem::path file_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<db::Connection>> idle_;
};

struct Store::Impl {
  Impl(db::Connection write_connection, int schema_version, const std::filesystem::path& data_dir,
       const std::filesystem::path& database_file)
      : archive(data_dir / "archive"),
        version(schema_version),
        writer(std::move(write_connection)),
        readers(database_file) {}

  RawArchive archive;
  int version = 0;
  std::mutex write_mutex;  // guards `writer`: one writing transaction at a time
  db::Connection writer;
  ConnectionPool readers;
};

// Runs a statement that returns no rows.
template <typename... T>
tl::expected<void, Error> execute(db::Connection& connection, std::string_view sql, const T&... values) {
  auto statement = connection.prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  return statement->bind_all(values...).run();
}

// Reads the rows of a bound statement with `read(statement)`.
template <typename Read>
auto read_rows(db::Statement& statement, Read read)
    -> tl::expected<std::vector<decltype(read(std::declval<db::Statement&>()))>, Error> {
  std::vector<decltype(read(std::declval<db::Statement&>()))> rows;
  while (true) {
    auto row = statement.step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return rows;
    rows.push_back(read(statement));
  }
}

// Reads every row of a query with `read(statement)`.
template <typename Read, typename... T>
auto query_rows(db::Connection& connection, std::string_view sql, Read read, const T&... values)
    -> decltype(read_rows(std::declval<db::Statement&>(), read)) {
  auto statement = connection.prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  return read_rows(statement->bind_all(values...), read);
}

// Reads the first row of a query, if there is one.
template <typename Read, typename... T>
auto query_row(db::Connection& connection, std::string_view sql, Read read, const T&... values)
    -> tl::expected<std::optional<decltype(read(std::declval<db::Statement&>()))>, Error> {
  auto statement = connection.prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  auto row = statement->bind_all(values...).step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::nullopt;
  return read(*statement);
}

// The read methods answer with what they find: a query that fails finds nothing.
template <typename Query>
auto read_with(ConnectionPool& pool, Query query) ->
    typename decltype(query(std::declval<db::Connection&>()))::value_type {
  auto lease = pool.acquire();
  if (!lease) return {};
  auto found = query(**lease);
  if (!found) return {};
  return std::move(*found);
}

std::string lower_ascii(std::string_view text);
// Inserts a request row (store_requests.cpp), in the caller's transaction when there is one.
tl::expected<void, Error> insert_request(db::Connection& c, const RequestRow& r, std::int64_t message_id);
std::string upper_ascii(std::string_view text);

}  // namespace imsgate::store
