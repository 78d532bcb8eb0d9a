#include "cli/json_model.hpp"

namespace imsgate::cli {

nlohmann::json to_json(const ims2::request::RequestBody& body) { return body.lines; }
nlohmann::json to_json(const ims2::request::SubscriptionBody& body) { return body.lines; }

}  // namespace imsgate::cli
