// JSON views of the ims2 models, for `imsgate check --json` and `imsgate dump --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/json_shi.hpp"
#include "ims2/message.hpp"

namespace imsgate::cli {

nlohmann::json to_json(const ims2::Diagnostic& d);
nlohmann::json to_json(const ims2::Preface& p);
// The whole model; data sections of a type the library reads carry it under "model".
nlohmann::json to_json(const ims2::Message& m, const JsonOptions& options = {});
nlohmann::json summary_json(const ims2::Message& m);  // type, ids and sections only

// Written beside their models' owners (json_request.cpp, json_command.cpp).
nlohmann::json to_json(const ims2::request::RequestBody& body);
nlohmann::json to_json(const ims2::request::SubscriptionBody& body);
nlohmann::json to_json(const ims2::command::CommandBody& body);

}  // namespace imsgate::cli
