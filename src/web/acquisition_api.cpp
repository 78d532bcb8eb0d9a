#include "web/acquisition_api.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "acq/intake.hpp"
#include "store/archive.hpp"
#include "web/api_support.hpp"

namespace imsgate::web {

using nlohmann::json;

json message_json(const store::MessageRecord& r) {
  return {{"id", r.id},
          {"sha256", r.sha256},
          {"size", r.size},
          {"received_at", iso_time(r.received_at)},
          {"door", store::door_name(r.door)},
          {"sender", r.sender},
          {"subject", r.subject},
          {"msg_type", r.msg_type},
          {"msg_id", r.msg_id},
          {"ref_id", r.ref_id},
          {"data_types", r.data_types},
          {"station", r.station},
          {"signature", store::signature_state_name(r.signature)},
          {"signer", r.signer},
          {"status", r.accepted ? "accepted" : "rejected"},
          {"reason", r.reason},
          {"diagnostics", r.diagnostics}};
}

namespace {

Response upload(const AcquisitionApi& api, const Request& request) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  if (request.body.empty())
    return json_error(400, "the request body is the message to upload, and it is empty");
  auto delivered = api.intake.deliver(request.body, acq::arrival_note(store::Door::upload, user->email));
  if (!delivered) return json_error(503, "the intake cannot take the message now: " + delivered.error());
  if (api.wake_intake) api.wake_intake();
  const std::string sha = store::sha256_hex(request.body);
  Response response =
      json_response(202, {{"sha256", sha}, {"status", "queued"}, {"location", "/api/v1/messages/" + sha}});
  response.headers.emplace_back("Location", "/api/v1/messages/" + sha);
  return response;
}

// One message by id or SHA-256: an administrator sees every one, a user the ones they uploaded.
Response one_message(const AcquisitionApi& api, const Request& request) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  const std::string& key = request.params.at("id");
  std::optional<store::MessageRecord> record;
  if (key.size() == 64)
    record = api.store.message_by_sha256(key);
  else if (const auto id = to_number<std::int64_t>(key))
    record = api.store.message(*id);
  if (!record || (!user->admin && record->sender != user->email)) {
    // Not committed yet, or not to be shown: the same answer, so that nothing leaks.
    return json_error(404, "no such message (an upload is listed once it is stored)");
  }
  return json_response(200, message_json(*record));
}

Response message_list(const AcquisitionApi& api, const Request& request, std::optional<bool> accepted) {
  const auto user = authenticate(request, api.store);
  if (!user) return unauthorised();
  if (!user->admin) return json_error(403, "listing messages is for administrators");
  store::MessageFilter filter;
  filter.accepted = accepted;
  if (const auto status = request.query.find("status"); status != request.query.end())
    filter.accepted = status->second == "accepted";
  if (const auto station = request.query.find("station"); station != request.query.end())
    filter.station = station->second;
  if (const auto type = request.query.find("data_type"); type != request.query.end())
    filter.data_type = type->second;
  filter.limit = std::clamp(query_number(request, "limit", 100), 1, 1000);
  filter.before_id = query_number<std::int64_t>(request, "before", 0);
  json items = json::array();
  for (const auto& record : api.store.messages(filter)) items.push_back(message_json(record));
  return json_response(200, {{"messages", items}});
}

}  // namespace

std::optional<store::UserRow> authenticate(const Request& request, const store::Store& store) {
  const std::string authorization = request.header("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() <= kBearer.size() || authorization.compare(0, kBearer.size(), kBearer) != 0)
    return std::nullopt;
  return store.user_of_token(std::string_view(authorization).substr(kBearer.size()));
}

void add_acquisition_routes(Router& router, const AcquisitionApi& api) {
  router.add("POST", "/api/v1/messages", [&api](const Request& r) { return upload(api, r); });
  router.add("GET", "/api/v1/messages",
             [&api](const Request& r) { return message_list(api, r, std::nullopt); });
  router.add("GET", "/api/v1/messages/{id}", [&api](const Request& r) { return one_message(api, r); });
  router.add("GET", "/api/v1/rejected", [&api](const Request& r) { return message_list(api, r, false); });
  router.add("GET", "/metrics", [&api](const Request&) {
    return Response{200, "text/plain; version=0.0.4", api.metrics.render(), {}};
  });
  router.add("GET", "/livez", [](const Request&) { return Response{200, "text/plain", "ok\n", {}}; });
  router.add("GET", "/readyz", [&api](const Request&) {
    std::error_code error;
    const bool intake_ready = std::filesystem::is_directory(api.intake.root() / "new", error);
    const bool store_ready = api.store.schema_version() > 0;
    if (intake_ready && store_ready) return Response{200, "text/plain", "ready\n", {}};
    return Response{503,
                    "text/plain",
                    fmt::format("not ready: intake {}, store {}\n", intake_ready ? "ok" : "missing",
                                store_ready ? "ok" : "not open"),
                    {}};
  });
}

}  // namespace imsgate::web
