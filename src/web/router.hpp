// What handlers see of the HTTP server: request, response, and the router from method and path to handler.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imsgate::web {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query
  // Decoded query parameters ('+' is a space); of a repeated key, the first.
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;  // from the route pattern: "/api/v1/messages/{id}" -> id
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
  std::string body;
  std::string remote;  // peer address (no port)

  std::string header(std::string_view name) const;  // case-insensitive; the first one; "" when absent
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";  // no Content-Type header when empty
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// {"error": "<message>"} with that status.
Response json_error(int status, std::string_view message);

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  // Pattern: "/"-separated segments, each literal or "{name}" (one whole, non-empty segment). A literal
  // segment wins over "{name}" at the same place, whatever the order of add(); adding a method + pattern
  // again replaces its handler.
  void add(std::string method, std::string pattern, Handler handler);

  // Fills request.params and calls the handler: 404 for an unknown path, 405 (with Allow) for a known path
  // and another method. HEAD falls back to the GET handler (the server then sends no body). Exceptions from
  // the handler pass through: the server turns them into 500.
  Response dispatch(Request& request) const;

 private:
  struct Segment {
    std::string text;  // a literal, or the parameter's name
    bool parameter = false;
  };
  struct Route {
    std::string method;
    std::vector<Segment> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace imsgate::web
