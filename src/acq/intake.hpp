// The acquisition loop: takes messages from the intake in batches, judges them, archives their bytes,
// commits records and index in one transaction, and only then removes them from the intake.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>

#include <tl/expected.hpp>

#include "acq/maildir.hpp"
#include "acq/outbox.hpp"
#include "acq/processor.hpp"
#include "acq/replies.hpp"
#include "store/store.hpp"

namespace imsgate::acq {

struct IntakeSettings {
  std::size_t batch_size = 256;  // messages per transaction
  int threads = 2;               // judging (MIME, signature, reading) runs on this many threads
  std::chrono::milliseconds poll{250};
};

// What the service layer hears of each committed message (metrics, logs).
struct IntakeEvents {
  std::function<void(const store::MessageRecord&, double seconds_in_intake)> committed;
  std::function<void(const std::string&)> failed;  // a batch that could not be stored (retried later)
};

// The note `Maildir::deliver` keeps with a message that did not come from the MTA.
std::string arrival_note(store::Door door, std::string_view user = {});

// The trust store in force; it is rebuilt when certificates or CRLs change, so the intake asks per batch.
using TrustProvider = std::function<std::shared_ptr<const mail::TrustStore>()>;

class Intake {
 public:
  Intake(store::Store& store, Maildir intake, TrustProvider trust, IntakeSettings settings = {});

  void set_events(IntakeEvents events) { events_ = std::move(events); }
  void set_replies(ReplyWriter* writer, const Outbox* outbox) {
    replies_ = writer;
    outbox_ = outbox;
  }

  // Takes everything waiting, batch after batch; returns how many messages were committed (duplicates of
  // messages committed before are removed and not counted).
  tl::expected<std::size_t, std::string> drain();

  // Drains until stopped, waking on notify() or every poll interval.
  void run(std::stop_token stop);
  void notify();

  const Maildir& maildir() const { return intake_; }

 private:
  tl::expected<std::size_t, std::string> take_batch(const std::vector<std::filesystem::path>& files);

  store::Store& store_;
  Maildir intake_;
  TrustProvider trust_;
  IntakeSettings settings_;
  IntakeEvents events_;
  ReplyWriter* replies_ = nullptr;
  const Outbox* outbox_ = nullptr;
  std::mutex wake_mutex_;
  std::condition_variable_any wake_;
  bool woken_ = false;
};

}  // namespace imsgate::acq
