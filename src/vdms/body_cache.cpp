#include "vdms/body_cache.hpp"

namespace imsgate::vdms {

std::shared_ptr<const std::string> BodyCache::find(std::int64_t message_id) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(message_id);
  if (found == index_.end()) return nullptr;
  order_.splice(order_.begin(), order_, found->second);
  return found->second->second;
}

void BodyCache::put(std::int64_t message_id, std::shared_ptr<const std::string> body) {
  if (!body || body->size() > capacity_) return;
  std::lock_guard lock(mutex_);
  if (index_.contains(message_id)) return;
  size_ += body->size();
  order_.emplace_front(message_id, std::move(body));
  index_.emplace(message_id, order_.begin());
  while (size_ > capacity_) {
    size_ -= order_.back().second->size();
    index_.erase(order_.back().first);
    order_.pop_back();
  }
}

}  // namespace imsgate::vdms
