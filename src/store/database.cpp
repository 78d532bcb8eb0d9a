#include "store/database.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace imsgate::store::db {

namespace {

std::string message_of(sqlite3* db) {
  return sqlite3_errmsg(db);
}

}  // namespace

// ---- Statement

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), bind_error_(std::move(other.bind_error_)) {}

void Statement::note_bind(int rc, int index) {
  if (rc != SQLITE_OK && bind_error_.empty()) {
    bind_error_ = fmt::format("binding parameter {}: {}", index, sqlite3_errstr(rc));
  }
}

void Statement::bind_null(int index) {
  note_bind(sqlite3_bind_null(stmt_, index), index);
}

void Statement::bind_int64(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(stmt_, index, value), index);
}

void Statement::bind_double(int index, double value) {
  note_bind(sqlite3_bind_double(stmt_, index, value), index);
}

void Statement::bind_text(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's buffer may go before the statement runs.
  note_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
            index);
}

tl::expected<bool, Error> Statement::step() {
  if (!bind_error_.empty()) return tl::unexpected(bind_error_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return tl::unexpected(message_of(sqlite3_db_handle(stmt_)));
}

tl::expected<void, Error> Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
  }
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (bytes == nullptr) return {};
  return std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

std::optional<TimePoint> Statement::optional_time(int column) const {
  if (is_null(column)) return std::nullopt;
  return time(column);
}

// ---- Connection

void Connection::CloseDb::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

void Connection::Finalize::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

tl::expected<Connection, Error> Connection::open(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, CloseDb> db(raw);  // SQLite allocates a handle even when opening fails
  if (rc != SQLITE_OK) {
    return tl::unexpected(
        fmt::format("cannot open {}: {}", file.string(), db ? message_of(db.get()) : sqlite3_errstr(rc)));
  }
  return Connection(std::move(db));
}

Error Connection::error(std::string_view what) const {
  return fmt::format("{}: {}", what, message_of(db_.get()));
}

tl::expected<void, Error> Connection::exec(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
  std::unique_ptr<char, decltype(&sqlite3_free)> owned(message, &sqlite3_free);
  if (rc != SQLITE_OK) return tl::unexpected(std::string(owned ? owned.get() : sqlite3_errstr(rc)));
  return {};
}

tl::expected<std::string, Error> Connection::query_text(const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
    return tl::unexpected(error(sql));
  std::unique_ptr<sqlite3_stmt, Finalize> owned(raw);
  Statement statement(owned.get());
  auto row = statement.step();
  if (!row) return tl::unexpected(fmt::format("{}: {}", sql, row.error()));
  return *row ? statement.text(0) : std::string();
}

tl::expected<Statement, Error> Connection::prepare(std::string_view sql) {
  auto found = cache_.find(sql);
  if (found == cache_.end()) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    std::unique_ptr<sqlite3_stmt, Finalize> owned(raw);
    if (rc != SQLITE_OK || !owned) return tl::unexpected(error(fmt::format("preparing {}", sql)));
    found = cache_.emplace(std::string(sql), std::move(owned)).first;
  }
  return Statement(found->second.get());
}

std::int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_.get());
}

std::int64_t Connection::changes() const {
  return sqlite3_changes64(db_.get());
}

// ---- Transaction

tl::expected<Transaction, Error> Transaction::begin(Connection& connection) {
  if (auto begun = connection.exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
  return Transaction(connection);
}

tl::expected<void, Error> Transaction::commit() {
  if (auto committed = connection_->exec("COMMIT"); !committed) return committed;
  connection_ = nullptr;
  return {};
}

Transaction::~Transaction() {
  // Some errors roll the transaction back by themselves; only an open one is rolled back here.
  if (connection_ != nullptr && sqlite3_get_autocommit(connection_->handle()) == 0) {
    (void)connection_->exec("ROLLBACK");
  }
}

}  // namespace imsgate::store::db
