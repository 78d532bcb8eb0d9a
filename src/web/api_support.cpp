#include "web/api_support.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace imsgate::web {

Response json_response(int status, const nlohmann::json& body) {
  return Response{status, "application/json", body.dump(), {}};
}

Response unauthorised() {
  Response response = json_error(401, "an API token is needed: Authorization: Bearer TOKEN");
  response.headers.emplace_back("WWW-Authenticate", "Bearer");
  return response;
}

std::string iso_time(ims2::TimePoint time) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  const auto micros = (time - seconds).count();
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:06}Z", seconds, micros);
}

}  // namespace imsgate::web
