#include "acq/intake.hpp"

#include <algorithm>
#include <atomic>
#include <sys/stat.h>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/archive.hpp"

namespace imsgate::acq {
namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

namespace {

ims2::TimePoint now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(Clock::now());
}

// When the file was delivered (its modification time): the start of the message's time in the intake.
ims2::TimePoint delivered_at(const fs::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return now();
  return ims2::TimePoint{std::chrono::seconds{status.st_mtim.tv_sec} +
                         std::chrono::microseconds{status.st_mtim.tv_nsec / 1000}};
}

// How a message came: an MTA's delivery has no note; `imsgate ingest` and the upload endpoint leave one.
Arrival arrival_of(const std::string& note, ims2::TimePoint at) {
  Arrival arrival{store::Door::maildir, at, {}};
  if (note.empty()) return arrival;
  const auto fields = nlohmann::json::parse(note, nullptr, false);
  if (fields.is_discarded()) return arrival;
  const std::string door = fields.value("door", "");
  if (door == "upload") arrival.door = store::Door::upload;
  if (door == "pipe") arrival.door = store::Door::pipe;
  arrival.uploader = fields.value("user", "");
  return arrival;
}

// One intake file on its way through a batch.
struct Item {
  fs::path path;
  ims2::TimePoint delivered{};
  bool duplicate = false;  // committed before (a crash came between commit and removal)
  bool unreadable = false;
  Verdict verdict;
};

}  // namespace

std::string arrival_note(store::Door door, std::string_view user) {
  nlohmann::json note{{"door", store::door_name(door)}};
  if (!user.empty()) note["user"] = user;
  return note.dump();
}

Intake::Intake(store::Store& store, Maildir intake, TrustProvider trust, IntakeSettings settings)
    : store_(store), intake_(std::move(intake)), trust_(std::move(trust)), settings_(settings) {}

tl::expected<std::size_t, std::string> Intake::drain() {
  std::size_t committed = 0;
  for (;;) {
    std::vector<fs::path> files = intake_.waiting();
    if (files.empty()) return committed;
    if (files.size() > settings_.batch_size) files.resize(settings_.batch_size);
    auto taken = take_batch(files);
    if (!taken) return tl::unexpected(taken.error());
    committed += *taken;
  }
}

tl::expected<std::size_t, std::string> Intake::take_batch(const std::vector<fs::path>& files) {
  std::vector<Item> items(files.size());
  const ims2::TimePoint arrived = now();
  const std::shared_ptr<const mail::TrustStore> trust = trust_();
  const Processor processor(store_, *trust);

  // Judging is independent per message: spread it over the threads.
  std::atomic<std::size_t> next{0};
  auto judge = [&] {
    for (std::size_t i; (i = next++) < items.size();) {
      Item& item = items[i];
      item.path = files[i];
      item.delivered = delivered_at(item.path);
      auto raw = read_file(item.path);
      if (!raw) {
        item.unreadable = true;
        continue;
      }
      const std::string sha256 = store::sha256_hex(*raw);
      if (store_.has_message(sha256)) {
        item.duplicate = true;
        continue;
      }
      Arrival arrival = arrival_of(intake_.note_of(item.path), arrived);
      arrival.sha256 = sha256;
      item.verdict = processor.examine(*raw, arrival);
      // Only the raw bytes are archived (the intake file itself, linked): the IMS2.0 text is taken from them
      // again, the same way, when needed.
      if (auto put = store_.archive().adopt(item.path, *raw, sha256); !put) {
        item.unreadable = true;
        item.verdict.commit.record.diagnostics = put.error();
      }
    }
  };
  const int helpers = std::max(1, std::min<int>(settings_.threads, static_cast<int>(items.size()))) - 1;
  std::vector<std::jthread> threads;
  for (int t = 0; t < helpers; ++t) threads.emplace_back(judge);
  judge();
  threads.clear();

  std::vector<store::Commit> batch;
  std::vector<Item*> in_batch;
  for (auto& item : items) {
    if (item.unreadable || item.duplicate) continue;
    batch.push_back(item.verdict.commit);
    in_batch.push_back(&item);
  }
  if (!batch.empty()) {
    if (auto synced = store_.archive().sync(); !synced) return tl::unexpected(synced.error());
    auto ids = store_.commit(batch);
    if (!ids) {
      if (events_.failed) events_.failed(ids.error());
      return tl::unexpected(ids.error());
    }
    const ims2::TimePoint done = now();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      Item& item = *in_batch[i];
      store::MessageRecord& record = batch[i].record;
      record.id = (*ids)[i];
      item.verdict.commit.record.id = record.id;
      if (record.accepted && !record.ref_id.empty())
        store_.close_backfill_request(record.ref_id, record.id, done);
      if (replies_ && outbox_)
        if (auto reply = replies_->reply_for(item.verdict, done)) {
          auto queued = outbox_->put(*reply);
          if (!queued && events_.failed) events_.failed("reply not queued: " + queued.error());
        }
      if (events_.committed)
        events_.committed(record, std::chrono::duration<double>(done - item.delivered).count());
    }
  }
  // Only now may the intake forget them.
  std::size_t removed = 0;
  for (auto& item : items) {
    if (item.unreadable) continue;
    intake_.remove(item.path);
    ++removed;
  }
  if (removed == 0 && !items.empty())
    return tl::unexpected(fmt::format("no message of a batch of {} could be read or archived: {}",
                                      items.size(), items.front().verdict.commit.record.diagnostics));
  return batch.size();
}

void Intake::notify() {
  {
    std::lock_guard lock(wake_mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void Intake::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    auto drained = drain();
    if (!drained && events_.failed) events_.failed(drained.error());
    std::unique_lock lock(wake_mutex_);
    wake_.wait_for(lock, stop, settings_.poll, [this] { return woken_; });
    woken_ = false;
  }
}

}  // namespace imsgate::acq
