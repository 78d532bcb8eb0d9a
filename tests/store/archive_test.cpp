#include "store/archive.hpp"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "test_dir.hpp"
#include "test_paths.hpp"

namespace imsgate::store {
namespace {

namespace fs = std::filesystem;
using imsgate::test::TempDir;
using namespace std::string_literals;

TEST(ArchiveHash, Sha256MatchesTheStandardVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Archive, PutStoresTheBytesUnderTheirHash) {
  TempDir dir;
  RawArchive archive(dir.path() / "archive");
  const std::string bytes = "BEGIN IMS2.0\r\nMSG_TYPE DATA\r\nSTOP\r\n";
  auto hash = archive.put(bytes);
  ASSERT_TRUE(hash) << hash.error();
  EXPECT_EQ(*hash, sha256_hex(bytes));
  EXPECT_EQ(archive.path_of(*hash), dir.path() / "archive" / hash->substr(0, 2) / hash->substr(2, 2) / *hash);
  EXPECT_TRUE(archive.contains(*hash));
  EXPECT_EQ(imsgate::testing::read_file(archive.path_of(*hash)), bytes);
  auto back = archive.get(*hash);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, bytes);
}

TEST(Archive, KeepsBinaryBytesAndEmptyContent) {
  TempDir dir;
  RawArchive archive(dir.path());
  const std::string binary = "a\0b\r\n\x80\xff"s;
  for (const std::string& bytes : {binary, std::string()}) {
    auto hash = archive.put(bytes);
    ASSERT_TRUE(hash) << hash.error();
    auto back = archive.get(*hash);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(*back, bytes);
  }
}

TEST(Archive, AdoptsADurableFileByLinkingIt) {
  TempDir dir;
  RawArchive archive(dir.path() / "archive");
  const std::string bytes = "From: station\r\n\r\nBEGIN IMS2.0\r\n";
  const std::string file = dir.write("delivered", bytes);
  auto hash = archive.adopt(file, bytes, sha256_hex(bytes));
  ASSERT_TRUE(hash) << hash.error();
  EXPECT_EQ(*hash, sha256_hex(bytes));
  EXPECT_EQ(archive.get(*hash).value_or(""), bytes);
  struct stat delivered {
  }, archived{};
  ASSERT_EQ(::stat(file.c_str(), &delivered), 0);
  ASSERT_EQ(::stat(archive.path_of(*hash).c_str(), &archived), 0);
  EXPECT_EQ(delivered.st_ino, archived.st_ino) << "linked, not copied";
  EXPECT_EQ(archived.st_mode & 0777, 0444u);
  // The intake forgets its name; the archive keeps the bytes.
  fs::remove(file);
  EXPECT_EQ(archive.get(*hash).value_or(""), bytes);
  // Adopting the same bytes again from another file leaves the archived one as it is.
  const std::string again = dir.write("again", bytes);
  EXPECT_EQ(archive.adopt(again, bytes, *hash).value_or(""), *hash);
  ASSERT_EQ(::stat(archive.path_of(*hash).c_str(), &archived), 0);
  EXPECT_EQ(archived.st_ino, delivered.st_ino);
}

TEST(Archive, SameBytesAreWrittenOnce) {
  TempDir dir;
  RawArchive archive(dir.path());
  auto first = archive.put("same bytes");
  ASSERT_TRUE(first);
  struct stat before {};
  ASSERT_EQ(::stat(archive.path_of(*first).c_str(), &before), 0);
  auto second = archive.put("same bytes");
  ASSERT_TRUE(second);
  EXPECT_EQ(*first, *second);
  struct stat after {};
  ASSERT_EQ(::stat(archive.path_of(*first).c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);  // not replaced by a second file
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);  // and no temporary file left behind
}

TEST(Archive, AFileLeftShortByACrashIsWrittenAgain) {
  TempDir dir;
  RawArchive archive(dir.path());
  const std::string bytes = "BEGIN IMS2.0\nMSG_TYPE DATA\nSTOP\n";
  const fs::path path = archive.path_of(sha256_hex(bytes));
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes.substr(0, 5);  // renamed into place, never synced
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);

  auto hash = archive.put(bytes);
  ASSERT_TRUE(hash) << hash.error();
  EXPECT_EQ(*archive.get(*hash), bytes);
}

TEST(Archive, FilesAreReadOnly) {
  TempDir dir;
  RawArchive archive(dir.path());
  auto hash = archive.put("never modified");
  ASSERT_TRUE(hash);
  const auto perms = fs::status(archive.path_of(*hash)).permissions();
  EXPECT_EQ(perms, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
}

TEST(Archive, DistinctBytesGetDistinctFiles) {
  TempDir dir;
  RawArchive archive(dir.path());
  auto a = archive.put("one");
  auto b = archive.put("two");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(*archive.get(*a), "one");
  EXPECT_EQ(*archive.get(*b), "two");
}

TEST(Archive, UnknownOrMalformedNamesAreNotFound) {
  TempDir dir;
  RawArchive archive(dir.path());
  const std::string absent = sha256_hex("never put");
  EXPECT_FALSE(archive.contains(absent));
  EXPECT_FALSE(archive.get(absent));
  for (std::string_view bad :
       {"", "abc", "../../etc/passwd", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"}) {
    EXPECT_FALSE(archive.contains(bad)) << bad;
    EXPECT_FALSE(archive.get(bad)) << bad;
    EXPECT_TRUE(archive.path_of(bad).empty()) << bad;
  }
}

TEST(Archive, SyncSucceedsAndKeepsTheFiles) {
  TempDir dir;
  RawArchive archive(dir.path() / "nested" / "archive");
  auto hash = archive.put("durable");
  ASSERT_TRUE(hash) << hash.error();
  auto synced = archive.sync();
  EXPECT_TRUE(synced) << synced.error();
  EXPECT_EQ(*archive.get(*hash), "durable");
}

TEST(Archive, SyncOfAMissingRootFails) {
  TempDir dir;
  RawArchive archive(dir.path() / "archive");
  fs::remove_all(dir.path() / "archive");
  EXPECT_FALSE(archive.sync());
}

}  // namespace
}  // namespace imsgate::store
