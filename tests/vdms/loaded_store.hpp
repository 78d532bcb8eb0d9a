// A store loaded with data messages, indexed as the acquisition indexes them, for the request engine's tests:
// the demo data set, the spec's example data messages, and messages the tests write.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "store/store.hpp"
#include "test_dir.hpp"

namespace imsgate::vdms::test {

class LoadedStore {
 public:
  LoadedStore();

  // Stores an accepted message: an e-mail, or IMS2.0 text alone (which is its own mail body). Returns its id;
  // fails the test when the text holds no data message.
  std::int64_t load(const std::string& raw, std::string station = "");
  // Every example data message of the spec (spec/examples/data/*.msg) that reads as one.
  int load_spec_examples();
  // The demo data set (tools/demo) for two days from 2026-11-01.
  int load_demo_data();

  // A user with grants ("product:station" each, e.g. "waveform:ARA0", "*:*").
  store::UserRow add_user(const std::string& email, std::initializer_list<const char*> grants);

  store::Store& store() { return *store_; }

 private:
  imsgate::test::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace imsgate::vdms::test
