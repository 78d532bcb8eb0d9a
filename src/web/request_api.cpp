#include "web/request_api.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "web/acquisition_api.hpp"
#include "web/api_support.hpp"

namespace imsgate::web {

using nlohmann::json;

json request_json(const store::RequestRow& r) {
  json j = {{"id", r.id},
            {"channel", store::request_channel_name(r.channel)},
            {"requester", r.requester},
            {"msg_id", r.msg_id},
            {"received_at", iso_time(r.received_at)},
            {"status", store::request_status_name(r.status)},
            {"products", r.products},
            {"response_bytes", r.response_bytes},
            {"parts", r.parts},
            {"outcome", r.outcome},
            {"reply_to", r.reply_to},
            {"status_url", fmt::format("/api/v1/requests/{}", r.id)}};
  if (r.finished_at) j["finished_at"] = iso_time(*r.finished_at);
  if (r.delivered_at) j["delivered_at"] = iso_time(*r.delivered_at);
  if (r.status == store::RequestStatus::done)
    j["result_url"] = fmt::format("/api/v1/requests/{}/result", r.id);
  return j;
}

namespace {

ims2::TimePoint now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

bool wants_async(const Request& request) {
  const auto mode = request.query.find("mode");
  if (mode != request.query.end()) return mode->second == "async";
  return request.header("Prefer").find("respond-async") != std::string::npos;
}

Response job_accepted(const store::RequestRow& row) {
  Response response = json_response(202, request_json(row));
  response.headers.emplace_back("Location", fmt::format("/api/v1/requests/{}", row.id));
  return response;
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

Response submit(const RequestApi& api, const Request& request) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  if (request.body.empty()) return json_error(400, "the request body is the IMS2.0 request, and it is empty");
  store::RequestRow row;
  row.channel = store::RequestChannel::rest;
  row.requester = user->email;
  row.user_id = user->id;
  row.text = request.body;
  row.received_at = now();
  const bool async = wants_async(request);
  // A request answered here is never queued, so that the worker does not take it as well.
  row.status = async ? store::RequestStatus::queued : store::RequestStatus::running;
  auto id = api.store.add_request(row);
  if (!id) return json_error(503, "the request cannot be recorded now: " + id.error());
  row.id = *id;
  if (async) {
    api.worker.notify();
    return job_accepted(row);
  }
  row = api.worker.execute(std::move(row), api.inline_limit);
  if (row.status != store::RequestStatus::done) return json_response(500, request_json(row));
  if (static_cast<std::size_t>(row.response_bytes) > api.inline_limit) return job_accepted(row);
  auto text = read_whole(api.worker.result_path(row.id));
  if (!text) return json_error(500, "the response was made but cannot be read");
  Response response{200, "text/plain; charset=us-ascii", std::move(*text), {}};
  response.headers.emplace_back("Location", fmt::format("/api/v1/requests/{}", row.id));
  return response;
}

// The request, when the user may see it: their own, or any for an administrator.
std::optional<store::RequestRow> visible_request(const RequestApi& api, const Request& request,
                                                 const store::UserRow& user) {
  const auto id = to_number<std::int64_t>(request.params.at("id"));
  if (!id) return std::nullopt;
  auto row = api.store.request(*id);
  if (!row || (!user.admin && row->user_id != user.id)) return std::nullopt;
  return row;
}

Response status(const RequestApi& api, const Request& request) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  const auto row = visible_request(api, request, *user);
  if (!row) return json_error(404, "no such request");
  return json_response(200, request_json(*row));
}

// "bytes=FIRST-[LAST]" of a total; nothing when the header is absent or not of that one-range form.
std::optional<std::pair<std::size_t, std::size_t>> byte_range(std::string_view header, std::size_t total) {
  constexpr std::string_view kUnit = "bytes=";
  if (header.substr(0, kUnit.size()) != kUnit) return std::nullopt;
  header.remove_prefix(kUnit.size());
  const std::size_t dash = header.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto first = to_number<std::size_t>(header.substr(0, dash));
  if (!first) return std::nullopt;
  std::size_t last = total == 0 ? 0 : total - 1;
  if (dash + 1 < header.size()) {
    const auto given = to_number<std::size_t>(header.substr(dash + 1));
    if (!given) return std::nullopt;
    last = std::min(*given, last);
  }
  return std::pair{*first, last};
}

Response result(const RequestApi& api, const Request& request) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  auto row = visible_request(api, request, *user);
  if (!row) return json_error(404, "no such request");
  if (row->status != store::RequestStatus::done)
    return json_response(
        409, {{"error", fmt::format("the request is {}", store::request_status_name(row->status))},
              {"request", request_json(*row)}});
  auto text = read_whole(api.worker.result_path(row->id));
  if (!text) return json_error(410, "the result is no longer kept");
  if (!row->delivered_at) {
    row->delivered_at = now();
    (void)api.store.update_request(*row);
  }
  Response response{200, "text/plain; charset=us-ascii", {}, {{"Accept-Ranges", "bytes"}}};
  const std::string range = request.header("Range");
  if (range.empty()) {
    response.body = std::move(*text);
    return response;
  }
  const auto wanted = byte_range(range, text->size());
  if (!wanted || wanted->first >= text->size() || wanted->first > wanted->second) {
    Response refused = json_error(416, "the range is not within the result");
    refused.headers.emplace_back("Content-Range", fmt::format("bytes */{}", text->size()));
    return refused;
  }
  response.status = 206;
  response.body = text->substr(wanted->first, wanted->second - wanted->first + 1);
  response.headers.emplace_back("Content-Range",
                                fmt::format("bytes {}-{}/{}", wanted->first, wanted->second, text->size()));
  return response;
}

Response list(const RequestApi& api, const Request& request) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  const int limit = std::clamp(query_number(request, "limit", 100), 1, 1000);
  const auto before = query_number<std::int64_t>(request, "before", 0);
  json items = json::array();
  for (const auto& row : api.store.requests(user->admin ? 0 : user->id, limit, before))
    items.push_back(request_json(row));
  return json_response(200, {{"requests", items}});
}

}  // namespace

void add_request_routes(Router& router, const RequestApi& api) {
  router.add("POST", "/api/v1/requests", [&api](const Request& r) { return submit(api, r); });
  router.add("GET", "/api/v1/requests", [&api](const Request& r) { return list(api, r); });
  router.add("GET", "/api/v1/requests/{id}", [&api](const Request& r) { return status(api, r); });
  router.add("GET", "/api/v1/requests/{id}/result", [&api](const Request& r) { return result(api, r); });
  router.add("GET", "/api/v1/openapi.json", [](const Request&) {
    return Response{200, "application/json", openapi_document(), {}};
  });
}

}  // namespace imsgate::web
