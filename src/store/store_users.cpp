// Users and their API tokens. A token is shown once; the store keeps only its SHA-256.
#include <array>
#include <chrono>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fmt/format.h>

#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace imsgate::store {

namespace {

constexpr std::string_view kTokenPrefix = "imsg_";
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kShownPrefix = 8;  // characters of the random part that name a token

constexpr std::string_view kUserColumns = "u.id, u.email, u.name, u.admin";

UserRow read_user(const db::Statement& r) {
  return UserRow{r.int64(0), r.text(1), r.text(2), r.int64(3) != 0};
}

// Base64url without padding (RFC 4648 section 5) of random bytes.
tl::expected<std::string, Error> random_base64url(std::size_t bytes) {
  std::vector<unsigned char> random(bytes);
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    return tl::unexpected(std::string("the random generator failed"));
  }
  std::string text(4 * ((bytes + 2) / 3) + 1, '\0');  // EVP_EncodeBlock writes a terminating NUL
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), random.data(),
                                     static_cast<int>(random.size()));
  text.resize(static_cast<std::size_t>(length));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (char& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return text;
}

TimePoint now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

}  // namespace

tl::expected<UserRow, Error> Store::add_user(std::string_view email, std::string_view name, bool admin) {
  UserRow user{0, lower_ascii(email), std::string(name), admin};
  if (user.email.empty()) return tl::unexpected(std::string("add_user: an empty e-mail address"));
  std::lock_guard lock(impl_->write_mutex);
  auto added = execute(impl_->writer, "INSERT INTO users (email, name, admin) VALUES (?, ?, ?)", user.email,
                       user.name, user.admin);
  if (!added) return tl::unexpected(fmt::format("add_user {}: {}", user.email, added.error()));
  user.id = impl_->writer.last_insert_id();
  return user;
}

std::optional<UserRow> Store::user(std::string_view email) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM users u WHERE u.email = ?", kUserColumns), read_user,
                     lower_ascii(email));
  });
}

std::optional<UserRow> Store::user_by_id(std::int64_t id) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c, fmt::format("SELECT {} FROM users u WHERE u.id = ?", kUserColumns), read_user, id);
  });
}

std::vector<UserRow> Store::users() const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(c, fmt::format("SELECT {} FROM users u ORDER BY u.email", kUserColumns), read_user);
  });
}

tl::expected<std::string, Error> Store::create_token(std::int64_t user_id) {
  auto random = random_base64url(kTokenBytes);
  if (!random) return tl::unexpected("create_token: " + random.error());
  const std::string token = fmt::format("{}{}", kTokenPrefix, *random);
  std::lock_guard lock(impl_->write_mutex);
  auto known = query_row(
      impl_->writer, "SELECT 1 FROM users WHERE id = ?", [](const db::Statement&) { return true; }, user_id);
  if (!known) return tl::unexpected("create_token: " + known.error());
  if (!*known) return tl::unexpected(fmt::format("create_token: no user {}", user_id));
  auto added =
      execute(impl_->writer, "INSERT INTO tokens (user_id, token_hash, prefix, created) VALUES (?, ?, ?, ?)",
              user_id, sha256_hex(token), random->substr(0, kShownPrefix), now());
  if (!added) return tl::unexpected("create_token: " + added.error());
  return token;
}

std::optional<UserRow> Store::user_of_token(std::string_view token) const {
  // Looked up by hash: the clear token is never compared, nor stored.
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_row(c,
                     fmt::format("SELECT {} FROM tokens t JOIN users u ON u.id = t.user_id "
                                 "WHERE t.token_hash = ? AND t.revoked = 0",
                                 kUserColumns),
                     read_user, sha256_hex(token));
  });
}

std::vector<TokenRow> Store::tokens(std::int64_t user_id) const {
  return read_with(impl_->readers, [&](db::Connection& c) {
    return query_rows(
        c, "SELECT id, user_id, prefix, created, revoked FROM tokens WHERE user_id = ? ORDER BY id",
        [](const db::Statement& r) {
          return TokenRow{r.int64(0), r.int64(1), r.text(2), r.time(3), r.int64(4) != 0};
        },
        user_id);
  });
}

tl::expected<void, Error> Store::revoke_token(std::string_view prefix) {
  if (prefix.empty()) return tl::unexpected(std::string("revoke_token: an empty prefix"));
  std::lock_guard lock(impl_->write_mutex);
  auto revoked = execute(impl_->writer, "UPDATE tokens SET revoked = 1 WHERE prefix = ?", prefix);
  if (!revoked) return tl::unexpected("revoke_token: " + revoked.error());
  if (impl_->writer.changes() == 0) return tl::unexpected(fmt::format("revoke_token: no token {}", prefix));
  return {};
}

}  // namespace imsgate::store
