// The text of stored sections: the IMS2.0 text of an accepted message is taken again from its raw bytes in
// the archive (the acquisition archives only those) and checked against the hash recorded at intake.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "ims2/message.hpp"
#include "store/store.hpp"
#include "vdms/body_cache.hpp"

namespace imsgate::vdms {

class SectionSource {
 public:
  // `shared`: the texts kept across requests, looked in first and filled; none for a one-off source.
  explicit SectionSource(const store::Store& store, BodyCache* shared = nullptr)
      : store_(store), shared_(shared) {}

  // The IMS2.0 text of an accepted message; kept while the source lives, so that the sections of one
  // message are extracted once per request.
  tl::expected<std::shared_ptr<const std::string>, std::string> body(std::int64_t message_id);

  // One section of it, as the section readers take it: its DATA_TYPE line split into parts and its body
  // lines, numbered as in the message.
  tl::expected<ims2::DataSection, std::string> section(std::int64_t message_id, int section_index);

  // Drops the kept text of a message (a product done with it), so that a long request holds one at a time.
  void release(std::int64_t message_id) { bodies_.erase(message_id); }

 private:
  const store::Store& store_;
  BodyCache* shared_;
  std::map<std::int64_t, std::shared_ptr<const std::string>> bodies_;
  std::map<std::int64_t, std::vector<store::SectionRow>> rows_;
};

}  // namespace imsgate::vdms
