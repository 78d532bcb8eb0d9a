// The HTTP routes of the acquisition: upload (POST /api/v1/messages), the received and rejected messages,
// and the operations endpoints /metrics, /livez and /readyz.
#pragma once

#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

#include "acq/maildir.hpp"
#include "store/store.hpp"
#include "telemetry/metrics.hpp"
#include "web/router.hpp"

namespace imsgate::web {

struct AcquisitionApi {
  store::Store& store;
  const acq::Maildir& intake;
  std::function<void()> wake_intake;  // called after an upload is in the intake
  const telemetry::Registry& metrics;
};

void add_acquisition_routes(Router& router, const AcquisitionApi& api);

// A received message as the API and `imsgate admin --json` show it.
nlohmann::json message_json(const store::MessageRecord& record);

// The user of the request's API token ("Authorization: Bearer TOKEN"); nothing when absent, unknown or
// revoked.
std::optional<store::UserRow> authenticate(const Request& request, const store::Store& store);

}  // namespace imsgate::web
