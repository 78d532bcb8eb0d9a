#include "cli/json_model.hpp"

namespace imsgate::cli {

nlohmann::json to_json(const ims2::command::CommandBody& body) { return body.lines; }

}  // namespace imsgate::cli
