// Records and stores for the store's tests.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "test_dir.hpp"

namespace imsgate::testing {

using store::TimePoint;

inline TimePoint at_seconds(std::int64_t seconds) {
  return TimePoint{std::chrono::seconds{seconds}};
}

inline std::unique_ptr<store::Store> open_store(const imsgate::test::TempDir& dir) {
  auto opened = store::Store::open(dir.path());
  EXPECT_TRUE(opened) << (opened ? "" : opened.error());
  return opened ? std::move(*opened) : nullptr;
}

// An accepted message from `station` with one section of `data_type`; its sha256 is made from `name`.
inline store::Commit accepted_message(std::string_view name, std::string_view station = "USP70",
                                      std::string_view data_type = "SAMPLEPHD",
                                      TimePoint received = at_seconds(1000)) {
  store::Commit commit;
  auto& r = commit.record;
  r.sha256 = store::sha256_hex(name);
  r.body_sha256 = store::sha256_hex(fmt::format("{} body", name));
  r.size = 1234;
  r.received_at = received;
  r.door = store::Door::maildir;
  r.sender = "Station@Example.org";
  r.subject = fmt::format("{} {}", data_type, name);
  r.mail_message_id = fmt::format("<{}@example.org>", name);
  r.msg_type = "DATA";
  r.msg_id = std::string(name);
  r.msg_id_source = std::string(station);
  r.data_types = std::string(data_type);
  r.station = std::string(station);
  r.signature = store::SignatureState::valid;
  r.signer = store::sha256_hex("certificate");
  r.accepted = true;
  commit.index.sections.push_back(store::SectionRow{0, std::string(data_type), "", "IMS2.0", "", 40, 900});
  return commit;
}

// A rejected message: no index.
inline store::Commit rejected_message(std::string_view name, std::string_view reason = "bad_signature") {
  store::Commit commit;
  auto& r = commit.record;
  r.sha256 = store::sha256_hex(name);
  r.size = 99;
  r.received_at = at_seconds(2000);
  r.door = store::Door::pipe;
  r.sender = "someone@example.org";
  r.signature = store::SignatureState::invalid;
  r.accepted = false;
  r.reason = std::string(reason);
  r.diagnostics = "line 1: signature does not verify\nline 2: second note";
  return commit;
}

}  // namespace imsgate::testing
