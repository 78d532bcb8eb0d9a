#include "web/router.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace imsgate::web {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

// "/a/b" -> {"a", "b"}; "/" -> {}; "/a/" -> {"a", ""}.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.starts_with('/')) path.remove_prefix(1);
  if (path.empty()) return segments;
  for (;;) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace

std::string Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return value;
  return {};
}

Response json_error(int status, std::string_view message) {
  // Replace, not throw, on invalid UTF-8: the message may quote what a client sent.
  Response response;
  response.status = status;
  response.body =
      nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  Route route{.method = std::move(method), .segments = {}, .handler = std::move(handler)};
  for (const auto segment : split_path(pattern)) {
    if (segment.size() > 2 && segment.starts_with('{') && segment.ends_with('}'))
      route.segments.push_back({std::string(segment.substr(1, segment.size() - 2)), true});
    else
      route.segments.push_back({std::string(segment), false});
  }
  const auto same = [&](const Route& r) {
    return r.method == route.method &&
           std::equal(r.segments.begin(), r.segments.end(), route.segments.begin(), route.segments.end(),
                      [](const Segment& a, const Segment& b) {
                        return a.parameter == b.parameter && a.text == b.text;
                      });
  };
  if (const auto it = std::find_if(routes_.begin(), routes_.end(), same); it != routes_.end())
    it->handler = std::move(route.handler);
  else
    routes_.push_back(std::move(route));
}

Response Router::dispatch(Request& request) const {
  const auto segments = split_path(request.path);
  const auto matches = [&](const Route& route) {
    if (route.segments.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const auto& s = route.segments[i];
      if (s.parameter ? segments[i].empty() : s.text != segments[i]) return false;
    }
    return true;
  };
  // Of two routes that both match, the one with a literal at the first place where they differ.
  const auto more_specific = [](const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i)
      if (a.segments[i].parameter != b.segments[i].parameter) return !a.segments[i].parameter;
    return false;
  };
  const auto best_for = [&](std::string_view method) {
    const Route* best = nullptr;
    for (const auto& route : routes_)
      if (route.method == method && matches(route) && (!best || more_specific(route, *best))) best = &route;
    return best;
  };

  const Route* route = best_for(request.method);
  if (!route && request.method == "HEAD") route = best_for("GET");
  if (!route) {
    std::set<std::string> allowed;
    for (const auto& r : routes_)
      if (matches(r)) allowed.insert(r.method);
    if (allowed.empty()) return json_error(404, fmt::format("no such resource: {}", request.path));
    if (allowed.contains("GET")) allowed.insert("HEAD");
    auto response = json_error(405, fmt::format("method {} not allowed here", request.method));
    response.headers.emplace_back("Allow", fmt::format("{}", fmt::join(allowed, ", ")));
    return response;
  }

  request.params.clear();
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (route->segments[i].parameter) request.params[route->segments[i].text] = std::string(segments[i]);
  return route->handler(request);
}

}  // namespace imsgate::web
