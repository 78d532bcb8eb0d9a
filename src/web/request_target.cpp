#include "web/request_target.hpp"

#include <boost/url/parse.hpp>

namespace imsgate::web {

tl::expected<RequestTarget, std::string> parse_request_target(std::string_view target) {
  const auto url = boost::urls::parse_origin_form(target);
  if (!url) return tl::unexpected<std::string>("malformed request target");
  RequestTarget result{.path = url->path(), .query = {}};
  if (result.path.find('\0') != std::string::npos)
    return tl::unexpected<std::string>("NUL in the request path");
  for (std::string_view rest = result.path; !rest.empty();) {
    const auto slash = rest.find('/', 1);
    const auto segment = rest.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1);
    if (segment == "." || segment == "..")
      return tl::unexpected<std::string>("dot segment in the request path");
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  }
  for (const auto& param : url->params()) result.query.emplace(param.key, param.value);
  return result;
}

}  // namespace imsgate::web
