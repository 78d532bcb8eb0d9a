#include <filesystem>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_fixtures.hpp"
#include "test_dir.hpp"
#include "test_paths.hpp"

namespace imsgate::store {
namespace {

using imsgate::test::TempDir;
using imsgate::testing::open_store;

TEST(StoreUsers, EmailsAreLowerCasedAndUnique) {
  TempDir dir;
  auto store = open_store(dir);
  auto alice = store->add_user("Alice@Example.ORG", "Alice", true);
  ASSERT_TRUE(alice) << alice.error();
  EXPECT_EQ(*alice, (UserRow{alice->id, "alice@example.org", "Alice", true}));
  auto bob = store->add_user("bob@example.org", "Bob", false);
  ASSERT_TRUE(bob);
  EXPECT_NE(alice->id, bob->id);

  EXPECT_FALSE(store->add_user("ALICE@example.org", "Alice again", false));
  EXPECT_FALSE(store->add_user("", "Nobody", false));
  EXPECT_EQ(store->user("alice@EXAMPLE.org"), *alice);
  EXPECT_EQ(store->user_by_id(bob->id), *bob);
  EXPECT_FALSE(store->user("carol@example.org"));
  EXPECT_FALSE(store->user_by_id(bob->id + 10));
  EXPECT_EQ(store->users(), (std::vector<UserRow>{*alice, *bob}));
}

TEST(StoreUsers, ATokenIsShownOnceAndStoredAsItsHash) {
  TempDir dir;
  auto store = open_store(dir);
  auto user = store->add_user("alice@example.org", "Alice", false);
  ASSERT_TRUE(user);
  auto token = store->create_token(user->id);
  ASSERT_TRUE(token) << token.error();
  // "imsg_" and 32 random bytes in base64url without padding.
  ASSERT_EQ(token->size(), 5u + 43u);
  EXPECT_EQ(token->substr(0, 5), "imsg_");
  EXPECT_EQ(token->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 5),
            std::string::npos);

  EXPECT_EQ(store->user_of_token(*token), *user);
  auto tokens = store->tokens(user->id);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].user_id, user->id);
  EXPECT_EQ(tokens[0].prefix, token->substr(5, 8));
  EXPECT_FALSE(tokens[0].revoked);

  auto another = store->create_token(user->id);
  ASSERT_TRUE(another);
  EXPECT_NE(*another, *token);
  EXPECT_EQ(store->tokens(user->id).size(), 2u);

  // Neither the database nor its write-ahead log holds the token's text, while open and once closed.
  auto check_files = [&](std::string_view when) {
    for (const char* file : {"imsgate.sqlite", "imsgate.sqlite-wal"}) {
      const auto path = dir.path() / file;
      if (!std::filesystem::exists(path)) continue;
      const std::string bytes = imsgate::testing::read_file(path);
      EXPECT_EQ(bytes.find(token->substr(5)), std::string::npos) << file << " " << when;
      EXPECT_EQ(bytes.find(another->substr(5)), std::string::npos) << file << " " << when;
    }
  };
  check_files("open");
  store.reset();
  check_files("closed");
}

TEST(StoreUsers, UnknownAndRevokedTokensAreRefused) {
  TempDir dir;
  auto store = open_store(dir);
  auto user = store->add_user("alice@example.org", "Alice", false);
  ASSERT_TRUE(user);
  auto kept = store->create_token(user->id);
  auto revoked = store->create_token(user->id);
  ASSERT_TRUE(kept && revoked);

  ASSERT_TRUE(store->revoke_token(revoked->substr(5, 8)));
  EXPECT_FALSE(store->user_of_token(*revoked));
  EXPECT_EQ(store->user_of_token(*kept), *user);
  EXPECT_FALSE(store->user_of_token("imsg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
  EXPECT_FALSE(store->user_of_token(""));
  std::string altered = *kept;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(store->user_of_token(altered));

  auto tokens = store->tokens(user->id);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_FALSE(tokens[0].revoked);
  EXPECT_TRUE(tokens[1].revoked);
  EXPECT_FALSE(store->revoke_token("nothing1"));
  EXPECT_FALSE(store->revoke_token(""));
}

TEST(StoreUsers, TokensOnlyForKnownUsers) {
  TempDir dir;
  auto store = open_store(dir);
  EXPECT_FALSE(store->create_token(7));
  EXPECT_TRUE(store->tokens(7).empty());
}

}  // namespace
}  // namespace imsgate::store
