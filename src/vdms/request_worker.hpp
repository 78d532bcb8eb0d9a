// The queue of requests: takes the queued ones from the store (e-mail requests queued by the acquisition,
// REST requests queued by the API), answers each with the engine, keeps the answer as a result file and
// hands e-mail answers on for delivery. A request left running by a stopped server is queued again.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <stop_token>
#include <string>

#include <tl/expected.hpp>

#include "store/store.hpp"
#include "vdms/engine.hpp"

namespace imsgate::vdms {

// Delivers an e-mail answer (each message of it to `to`); an error leaves the request failed.
using MailDelivery =
    std::function<tl::expected<void, std::string>(const std::string& to, const Answer& answer)>;

class RequestWorker {
 public:
  RequestWorker(store::Store& store, const Engine& engine, std::filesystem::path results_dir,
                MailDelivery deliver);

  // Answers one request now (REST's synchronous path, and the queue): runs the engine, keeps the result,
  // delivers e-mail answers, records the outcome. Returns the request as recorded.
  // `inline_limit`: a REST answer of at most this many bytes goes back in the HTTP answer that asked for it,
  // so it is recorded as delivered when made (0 for the queue, whose answers are downloaded).
  store::RequestRow execute(store::RequestRow request, std::size_t inline_limit = 0);

  // Answers what is queued (up to 64, the oldest first); returns how many.
  std::size_t drain();
  // Drains until stopped, waking on notify() or every second.
  void run(std::stop_token stop);
  void notify();

  // The file that keeps a request's response (its messages one after the other).
  std::filesystem::path result_path(std::int64_t request_id) const;

 private:
  tl::expected<std::string, std::string> request_text(const store::RequestRow& request);
  // Writes the result file through `write`, under a temporary name until it is whole.
  tl::expected<void, std::string> keep_result(std::int64_t id,
                                              const std::function<void(std::ostream&)>& write) const;

  store::Store& store_;
  const Engine& engine_;
  std::filesystem::path results_dir_;
  MailDelivery deliver_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool woken_ = false;
};

}  // namespace imsgate::vdms
