// The IMS2.0 texts of the messages requests used last, shared by all requests of an engine up to a number of
// bytes: the same recent bulletins and waveforms are asked for again and again, and taking a text out of its
// archived e-mail (read, MIME, hash check) costs more than the request's own work.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace imsgate::vdms {

class BodyCache {
 public:
  explicit BodyCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

  // The text of a message, when it is kept; it becomes the most recently used.
  std::shared_ptr<const std::string> find(std::int64_t message_id);
  // Keeps a text, forgetting the least recently used ones beyond the capacity. Thread-safe, as find().
  void put(std::int64_t message_id, std::shared_ptr<const std::string> body);

 private:
  using Entry = std::pair<std::int64_t, std::shared_ptr<const std::string>>;
  std::mutex mutex_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  std::list<Entry> order_;  // the most recently used first
  std::unordered_map<std::int64_t, std::list<Entry>::iterator> index_;
};

}  // namespace imsgate::vdms
