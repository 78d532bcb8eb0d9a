// The raw archive: every received message byte-exact, in a file named by its SHA-256, never modified.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace imsgate::store {

// Lower-case hex SHA-256 of some bytes.
std::string sha256_hex(std::string_view bytes);

class RawArchive {
 public:
  explicit RawArchive(std::filesystem::path root);  // creates the folder when missing

  // Writes the bytes under their hash (ROOT/ab/cd/abcd...) unless a file of that name holds them already, and
  // returns the hash. The file is complete or absent (written to a temporary name, then renamed), but not yet
  // durable: call sync() before committing index rows that name it.
  tl::expected<std::string, std::string> put(std::string_view bytes);

  // The same for bytes that are already durable in a file of this file system (an intake file, fsync'ed at
  // its delivery): the file is linked into place, not copied. Falls back to put() when it cannot be linked
  // (another file system, or a file of another user under fs.protected_hardlinks). `sha256` is the bytes'
  // hash, which the caller has computed already (sha256_hex).
  tl::expected<std::string, std::string> adopt(const std::filesystem::path& file, std::string_view bytes,
                                               std::string_view sha256);

  // Makes every put() so far durable: one syncfs(2) of the archive's file system, not one fsync per file.
  tl::expected<void, std::string> sync();

  bool contains(std::string_view sha256) const;
  tl::expected<std::string, std::string> get(std::string_view sha256) const;
  std::filesystem::path path_of(std::string_view sha256) const;

 private:
  std::filesystem::path root_;
};

}  // namespace imsgate::store
