#include "web/router.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace imsgate::web {
namespace {

Response text(std::string body) {
  Response response;
  response.content_type = "text/plain";
  response.body = std::move(body);
  return response;
}

Request request(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

Router sample_router() {
  Router router;
  router.add("GET", "/", [](const Request&) { return text("root"); });
  router.add("GET", "/api/v1/messages", [](const Request&) { return text("list"); });
  router.add("POST", "/api/v1/messages", [](const Request& r) { return text("upload " + r.body); });
  router.add("GET", "/api/v1/messages/{id}",
             [](const Request& r) { return text("message " + r.params.at("id")); });
  router.add("DELETE", "/api/v1/messages/{id}",
             [](const Request& r) { return text("delete " + r.params.at("id")); });
  router.add("GET", "/api/v1/stations/{station}/samples/{sample}",
             [](const Request& r) { return text(r.params.at("station") + "/" + r.params.at("sample")); });
  return router;
}

TEST(Router, DispatchesByMethodAndPath) {
  const auto router = sample_router();
  auto root = request("GET", "/");
  EXPECT_EQ(router.dispatch(root).body, "root");
  auto list = request("GET", "/api/v1/messages");
  EXPECT_EQ(router.dispatch(list).body, "list");
  auto upload = request("POST", "/api/v1/messages");
  upload.body = "bytes";
  EXPECT_EQ(router.dispatch(upload).body, "upload bytes");
}

TEST(Router, FillsParametersFromThePattern) {
  const auto router = sample_router();
  auto one = request("GET", "/api/v1/messages/ab12");
  EXPECT_EQ(router.dispatch(one).body, "message ab12");
  EXPECT_EQ(one.params, (std::map<std::string, std::string>{{"id", "ab12"}}));
  auto two = request("GET", "/api/v1/stations/SEP63/samples/42");
  EXPECT_EQ(router.dispatch(two).body, "SEP63/42");
  auto removed = request("DELETE", "/api/v1/messages/x y");
  EXPECT_EQ(router.dispatch(removed).body, "delete x y");
}

TEST(Router, UnknownPathIs404WithJsonError) {
  const auto router = sample_router();
  for (const auto* path : {"/nope", "/api/v1/messages/", "/api/v1/messages/a/b", "/api/v1", "//"}) {
    auto r = request("GET", path);
    const auto response = router.dispatch(r);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.content_type, "application/json");
    EXPECT_TRUE(nlohmann::json::parse(response.body).contains("error")) << response.body;
  }
}

TEST(Router, KnownPathWithAnotherMethodIs405WithAllow) {
  const auto router = sample_router();
  auto r = request("PUT", "/api/v1/messages");
  const auto response = router.dispatch(r);
  EXPECT_EQ(response.status, 405);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Allow");
  EXPECT_EQ(response.headers[0].second, "GET, HEAD, POST");
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"], "method PUT not allowed here");
}

TEST(Router, LiteralSegmentWinsOverParameterWhateverTheOrder) {
  Router router;
  router.add("GET", "/messages/{id}", [](const Request& r) { return text("id " + r.params.at("id")); });
  router.add("GET", "/messages/count", [](const Request&) { return text("count"); });
  router.add("GET", "/{kind}/count", [](const Request&) { return text("kind count"); });
  auto count = request("GET", "/messages/count");
  EXPECT_EQ(router.dispatch(count).body, "count");
  EXPECT_TRUE(count.params.empty());
  auto other = request("GET", "/messages/7");
  EXPECT_EQ(router.dispatch(other).body, "id 7");
  auto kind = request("GET", "/samples/count");
  EXPECT_EQ(router.dispatch(kind).body, "kind count");
}

TEST(Router, HeadFallsBackToGet) {
  const auto router = sample_router();
  auto r = request("HEAD", "/api/v1/messages/ab");
  EXPECT_EQ(router.dispatch(r).body, "message ab");
}

TEST(Router, AddingARouteAgainReplacesItsHandler) {
  Router router;
  router.add("GET", "/x", [](const Request&) { return text("old"); });
  router.add("GET", "/x", [](const Request&) { return text("new"); });
  auto r = request("GET", "/x");
  EXPECT_EQ(router.dispatch(r).body, "new");
}

TEST(Router, HandlerExceptionsPassThrough) {
  Router router;
  router.add("GET", "/boom", [](const Request&) -> Response { throw std::runtime_error("boom"); });
  auto r = request("GET", "/boom");
  EXPECT_THROW(router.dispatch(r), std::runtime_error);
}

TEST(Router, HeaderLookupIgnoresCase) {
  Request r;
  r.headers = {{"Content-Type", "text/plain"}, {"X-Station", "SEP63"}, {"x-station", "second"}};
  EXPECT_EQ(r.header("content-type"), "text/plain");
  EXPECT_EQ(r.header("X-STATION"), "SEP63");
  EXPECT_EQ(r.header("Accept"), "");
}

TEST(Router, JsonErrorEscapesTheMessage) {
  const auto response = json_error(400, "bad \"value\"\n\xff");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body, "{\"error\":\"bad \\\"value\\\"\\n\xEF\xBF\xBD\"}");
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"], "bad \"value\"\n\xEF\xBF\xBD");
}

}  // namespace
}  // namespace imsgate::web
