// The intake: a Maildir (tmp/, new/, cur/) that an MTA, `imsgate ingest` and the upload endpoint deliver to,
// and from which the acquisition takes messages only once they are durably stored.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace imsgate::acq {

class Maildir {
 public:
  explicit Maildir(std::filesystem::path root);

  // Creates tmp/, new/ and cur/ when missing.
  tl::expected<void, std::string> create() const;

  // Delivers a message the Maildir way: written under tmp/, fsync'ed, renamed into new/, and the new/ folder
  // fsync'ed, so that it survives a crash once this returns. Returns the file's path in new/. `note`, when
  // given, is kept durably beside it first (meta/NAME; an MTA's deliveries have none): how the message came.
  tl::expected<std::filesystem::path, std::string> deliver(std::string_view bytes,
                                                           std::string_view note = {}) const;

  // The note delivered with a message; empty when none.
  std::string note_of(const std::filesystem::path& message) const;
  // Forgets a message taken from the intake, and its note.
  void remove(const std::filesystem::path& message) const;

  // The messages waiting in new/ and cur/ (an MUA may have moved some there), oldest name first.
  std::vector<std::filesystem::path> waiting() const;
  std::size_t backlog() const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// Reads a whole file; an error names the file and the reason.
tl::expected<std::string, std::string> read_file(const std::filesystem::path& path);

}  // namespace imsgate::acq
