// The schema of the store's index database as numbered migrations, applied in order and tracked with
// PRAGMA user_version.
#pragma once

#include <span>
#include <string_view>

#include <tl/expected.hpp>

#include "store/database.hpp"

namespace imsgate::store {

struct Migration {
  int version = 0;  // 1, 2, ...: the user_version once it is applied
  std::string_view sql;
};

// The store's migrations, in order.
std::span<const Migration> migrations();

// Applies the migrations above the database's user_version, each in its own transaction, and returns the
// version reached. A database newer than the last migration is refused.
tl::expected<int, db::Error> migrate(db::Connection& connection,
                                     std::span<const Migration> list = migrations());

}  // namespace imsgate::store
