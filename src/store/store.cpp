#include "store/store.hpp"

#include <system_error>

#include <fmt/format.h>

#include "store/migrations.hpp"
#include "store/store_impl.hpp"

namespace imsgate::store {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 10'000;  // a writer waits this long for another one (a CLI beside the server)

std::string map_ascii(std::string_view text, char from_first, char from_last, int shift) {
  std::string out(text);
  for (char& c : out) {
    if (c >= from_first && c <= from_last) c = static_cast<char>(c + shift);
  }
  return out;
}

}  // namespace

std::string lower_ascii(std::string_view text) {
  return map_ascii(text, 'A', 'Z', 'a' - 'A');
}

std::string upper_ascii(std::string_view text) {
  return map_ascii(text, 'a', 'z', 'A' - 'a');
}

tl::expected<db::Connection, Error> open_connection(const fs::path& file) {
  auto connection = db::Connection::open(file);
  if (!connection) return connection;
  // synchronous=FULL in WAL mode: every COMMIT is on disk (the WAL fsync'ed) before it returns.
  auto set = connection->exec(fmt::format(
      "PRAGMA busy_timeout = {}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", kBusyTimeoutMs));
  if (!set) return tl::unexpected(fmt::format("{}: {}", file.string(), set.error()));
  return connection;
}

tl::expected<ConnectionPool::Lease, Error> ConnectionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
  }
  auto connection = open_connection(file_);
  if (!connection) return tl::unexpected(connection.error());
  // A reader never writes; query_only makes a mistake an error instead of a second writer.
  if (auto set = connection->exec("PRAGMA query_only = ON"); !set) {
    return tl::unexpected(fmt::format("{}: {}", file_.string(), set.error()));
  }
  return Lease(*this, std::make_unique<db::Connection>(std::move(*connection)));
}

void ConnectionPool::give_back(std::unique_ptr<db::Connection> connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(connection));
}

tl::expected<std::unique_ptr<Store>, Error> Store::open(const fs::path& data_dir) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return tl::unexpected(fmt::format("cannot create {}: {}", data_dir.string(), ec.message()));
  const fs::path file = data_dir / "imsgate.sqlite";

  auto writer = open_connection(file);
  if (!writer) return tl::unexpected(writer.error());
  // WAL is a property of the file, kept once set: readers then see the last commit while the writer writes.
  auto mode = writer->query_text("PRAGMA journal_mode = WAL");
  if (!mode) return tl::unexpected(mode.error());
  if (*mode != "wal")
    return tl::unexpected(fmt::format("{}: cannot use WAL (journal mode {})", file.string(), *mode));
  auto version = migrate(*writer);
  if (!version) return tl::unexpected(fmt::format("{}: {}", file.string(), version.error()));

  auto impl = std::make_unique<Impl>(std::move(*writer), *version, data_dir, file);
  if (!fs::is_directory(data_dir / "archive", ec)) {
    return tl::unexpected(fmt::format("cannot create {}", (data_dir / "archive").string()));
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));  // the constructor is private: no make_unique
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

RawArchive& Store::archive() {
  return impl_->archive;
}

const RawArchive& Store::archive() const {
  return impl_->archive;
}

int Store::schema_version() const {
  return impl_->version;
}

}  // namespace imsgate::store
