// A small RAII layer over SQLite for the store: a connection with cached prepared statements, statement
// leases with bind/step/column helpers, and a transaction guard. Errors are values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace imsgate::store::db {

using Error = std::string;
using ims2::TimePoint;

// Times are stored as integer microseconds since 1970-01-01 UTC.
inline std::int64_t to_micros(TimePoint t) {
  return t.time_since_epoch().count();
}
inline TimePoint from_micros(std::int64_t us) {
  return TimePoint{std::chrono::microseconds{us}};
}

template <typename T>
inline constexpr bool kIsOptional = false;
template <typename T>
inline constexpr bool kIsOptional<std::optional<T>> = true;

// A prepared statement lent out by its connection's cache: unbound and reset when the lease ends, so that the
// statement holds no read snapshot afterwards. One lease per statement text at a time.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Binds a parameter (1-based): integers and bool, floating point, text, TimePoint, std::nullopt (NULL) and
  // std::optional of those. A failed bind is reported by the next step().
  template <typename T>
  Statement& bind(int index, const T& value) {
    if constexpr (std::is_same_v<T, std::nullopt_t>) {
      bind_null(index);
    } else if constexpr (kIsOptional<T>) {
      if (value) {
        bind(index, *value);
      } else {
        bind_null(index);
      }
    } else if constexpr (std::is_same_v<T, TimePoint>) {
      bind_int64(index, to_micros(value));
    } else if constexpr (std::is_integral_v<T>) {
      bind_int64(index, static_cast<std::int64_t>(value));
    } else if constexpr (std::is_floating_point_v<T>) {
      bind_double(index, static_cast<double>(value));
    } else {
      bind_text(index, std::string_view(value));
    }
    return *this;
  }

  // Binds the values to parameters 1, 2, ...
  template <typename... T>
  Statement& bind_all(const T&... values) {
    int index = 0;
    (bind(++index, values), ...);
    return *this;
  }

  tl::expected<bool, Error> step();  // true: a row is there to read
  tl::expected<void, Error> run();   // steps to the end, for statements that return no rows

  // Columns of the current row (0-based).
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  TimePoint time(int column) const { return from_micros(int64(column)); }
  std::optional<double> optional_real(int column) const;
  std::optional<TimePoint> optional_time(int column) const;

 private:
  void bind_null(int index);
  void bind_int64(int index, std::int64_t value);
  void bind_double(int index, double value);
  void bind_text(int index, std::string_view value);
  void note_bind(int rc, int index);

  sqlite3_stmt* stmt_;
  std::string bind_error_;
};

class Connection {
 public:
  // Opens (creating when missing) a database file for reading and writing, in SQLite's multi-thread mode: one
  // thread at a time uses a connection.
  static tl::expected<Connection, Error> open(const std::filesystem::path& file);

  // Runs one or more statements that return no rows (schema, pragmas, BEGIN/COMMIT).
  tl::expected<void, Error> exec(const std::string& sql);
  // A single-value query, e.g. a pragma that answers.
  tl::expected<std::string, Error> query_text(const std::string& sql);

  // The statement for this SQL text, prepared once per connection and kept.
  tl::expected<Statement, Error> prepare(std::string_view sql);

  std::int64_t last_insert_id() const;
  std::int64_t changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
  sqlite3* handle() const { return db_.get(); }

 private:
  struct CloseDb {
    void operator()(sqlite3* db) const;
  };
  struct Finalize {
    void operator()(sqlite3_stmt* stmt) const;
  };
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  explicit Connection(std::unique_ptr<sqlite3, CloseDb> db) : db_(std::move(db)) {}
  Error error(std::string_view what) const;

  // Declared first, destroyed last: the statements are finalised before the connection closes.
  std::unique_ptr<sqlite3, CloseDb> db_;
  std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, Finalize>, TextHash, std::equal_to<>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless committed. IMMEDIATE takes the write lock at once, so a busy
// database is waited for (busy_timeout) here rather than failing halfway through.
class Transaction {
 public:
  static tl::expected<Transaction, Error> begin(Connection& connection);
  tl::expected<void, Error> commit();
  ~Transaction();
  Transaction(Transaction&& other) noexcept : connection_(std::exchange(other.connection_, nullptr)) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}
  Connection* connection_;  // null once committed or rolled back
};

}  // namespace imsgate::store::db
