#include "vdms/request_worker.hpp"

#include <fstream>

#include <fmt/format.h>

#include "vdms/section_source.hpp"

namespace imsgate::vdms {

namespace {

ims2::TimePoint now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

}  // namespace

RequestWorker::RequestWorker(store::Store& store, const Engine& engine, std::filesystem::path results_dir,
                             MailDelivery deliver)
    : store_(store), engine_(engine), results_dir_(std::move(results_dir)), deliver_(std::move(deliver)) {}

std::filesystem::path RequestWorker::result_path(std::int64_t request_id) const {
  return results_dir_ / fmt::format("{}.msg", request_id);
}

tl::expected<std::string, std::string> RequestWorker::request_text(const store::RequestRow& request) {
  if (request.message_id == 0) return request.text;
  // An e-mail request's text is the one the acquisition read, taken again from the archived message.
  SectionSource source(store_);
  auto body = source.body(request.message_id);
  if (!body) return tl::unexpected(body.error());
  return **body;
}

tl::expected<void, std::string> RequestWorker::keep_result(
    std::int64_t id, const std::function<void(std::ostream&)>& write) const {
  std::error_code ec;
  std::filesystem::create_directories(results_dir_, ec);
  const auto path = result_path(id);
  const auto part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    write(out);
    if (!out.flush()) return tl::unexpected(fmt::format("cannot write {}", part));
  }
  std::filesystem::rename(part, path, ec);
  if (ec) return tl::unexpected(fmt::format("cannot keep {}: {}", path.string(), ec.message()));
  return {};
}

store::RequestRow RequestWorker::execute(store::RequestRow request, std::size_t inline_limit) {
  // Each state written is a durable commit: one that is recorded as running already is not written again.
  if (request.status != store::RequestStatus::running) {
    request.status = store::RequestStatus::running;
    (void)store_.update_request(request);
  }

  std::optional<store::UserRow> user =
      request.user_id != 0 ? store_.user_by_id(request.user_id) : store_.user(request.requester);
  if (user) request.user_id = user->id;
  auto text = request_text(request);
  if (!text) {
    request.status = store::RequestStatus::failed;
    request.outcome = "request text not found: " + text.error();
    request.finished_at = now();
    (void)store_.update_request(request);
    return request;
  }
  const Channel channel = request.channel == store::RequestChannel::email ? Channel::email : Channel::rest;
  const Requester requester{user, request.requester};
  Answer answer;
  tl::expected<void, std::string> kept;
  if (channel == Channel::email) {
    // The e-mail delivery takes the messages themselves; they are parts of bounded size.
    answer = engine_.answer(*text, requester, channel, now());
    kept = keep_result(request.id, [&](std::ostream& out) {
      for (const auto& message : answer.messages) out << message;
    });
  } else {
    // A REST answer goes straight into its file as it is written, never held whole.
    kept = keep_result(request.id, [&](std::ostream& out) {
      answer = engine_.answer(*text, requester, channel, now(), [&](std::string_view piece) {
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      });
    });
  }
  if (request.msg_id.empty()) request.msg_id = answer.msg_id;
  request.products = answer.products;
  request.response_bytes = static_cast<std::int64_t>(answer.bytes);
  request.parts = answer.parts;
  request.outcome = answer.outcome;
  request.status = store::RequestStatus::done;
  if (!kept) {
    request.status = store::RequestStatus::failed;
    request.outcome = kept.error();
  }
  if (request.channel == store::RequestChannel::email && request.status == store::RequestStatus::done) {
    // The E-MAIL line names where the answer goes (4.5); else the sender's reply address.
    if (!answer.reply_to.empty()) request.reply_to = answer.reply_to;
    if (auto delivered = deliver_(request.reply_to, answer)) {
      request.delivered_at = now();
    } else {
      request.status = store::RequestStatus::failed;
      request.outcome += "; not delivered: " + delivered.error();
    }
  }
  if (request.channel == store::RequestChannel::rest && request.status == store::RequestStatus::done &&
      answer.bytes <= inline_limit)
    request.delivered_at = now();
  request.finished_at = now();
  (void)store_.update_request(request);
  return request;
}

std::size_t RequestWorker::drain() {
  // One batch a call: a request whose state cannot be written is not taken again and again in a loop.
  const auto queued = store_.queued_requests(64);
  for (const auto& request : queued) execute(request);
  return queued.size();
}

void RequestWorker::notify() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void RequestWorker::run(std::stop_token stop) {
  (void)store_.requeue_running();
  while (!stop.stop_requested()) {
    if (drain() > 0) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, std::chrono::seconds(1), [this] { return woken_; });
    woken_ = false;
  }
}

}  // namespace imsgate::vdms
