// The HTTP routes of the request engine: POST /api/v1/requests (answered at once, or as a job), the jobs'
// status and their results (resumable with Range), and the OpenAPI description of the whole API.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "store/store.hpp"
#include "vdms/request_worker.hpp"
#include "web/router.hpp"

namespace imsgate::web {

struct RequestApi {
  store::Store& store;
  vdms::RequestWorker& worker;
  std::size_t inline_limit = 1'000'000;  // larger answers of a synchronous request are given as a job result
};

void add_request_routes(Router& router, const RequestApi& api);

// A request as the API and `imsgate admin requests --json` show it.
nlohmann::json request_json(const store::RequestRow& request);

// The OpenAPI 3.0 description served at /api/v1/openapi.json.
const std::string& openapi_document();

}  // namespace imsgate::web
