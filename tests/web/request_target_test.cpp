#include "web/request_target.hpp"

#include <gtest/gtest.h>

namespace imsgate::web {
namespace {

TEST(RouterTarget, DecodesPathAndQuery) {
  const auto target =
      parse_request_target("/api/v1/messages/a%20b%2Fc?station=SEP%2063&note=x+y&empty=&flag");
  ASSERT_TRUE(target) << target.error();
  EXPECT_EQ(target->path, "/api/v1/messages/a b/c");
  EXPECT_EQ(target->query, (std::map<std::string, std::string>{
                               {"station", "SEP 63"}, {"note", "x y"}, {"empty", ""}, {"flag", ""}}));
}

TEST(RouterTarget, KeepsPlusInThePathAndTheFirstOfARepeatedKey) {
  const auto target = parse_request_target("/a+b?k=1&k=2");
  ASSERT_TRUE(target) << target.error();
  EXPECT_EQ(target->path, "/a+b");
  EXPECT_EQ(target->query.at("k"), "1");
}

TEST(RouterTarget, RefusesWhatIsNotAPlainPath) {
  for (const auto* bad :
       {"http://host/x", "*", "relative", "/a/../etc/passwd", "/a/%2e%2e/b", "/./x", "/a%00b", "/bad%zz"})
    EXPECT_FALSE(parse_request_target(bad)) << bad;
}

}  // namespace
}  // namespace imsgate::web
