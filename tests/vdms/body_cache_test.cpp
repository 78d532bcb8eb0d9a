#include "vdms/body_cache.hpp"

#include <gtest/gtest.h>

namespace imsgate::vdms {
namespace {

std::shared_ptr<const std::string> text(std::size_t bytes) {
  return std::make_shared<const std::string>(bytes, 'x');
}

TEST(BodyCache, ForgetsTheLeastRecentlyUsedBeyondItsCapacity) {
  BodyCache cache(100);
  cache.put(1, text(40));
  cache.put(2, text(40));
  ASSERT_TRUE(cache.find(1));  // 1 is now more recent than 2
  cache.put(3, text(40));      // 120 bytes: 2 goes
  EXPECT_TRUE(cache.find(1));
  EXPECT_FALSE(cache.find(2));
  EXPECT_TRUE(cache.find(3));
  EXPECT_EQ(cache.find(3)->size(), 40u);
}

TEST(BodyCache, KeepsNothingLargerThanItself) {
  BodyCache cache(100);
  cache.put(1, text(40));
  cache.put(2, text(101));
  EXPECT_FALSE(cache.find(2));
  EXPECT_TRUE(cache.find(1));  // and forgets nothing for it
}

}  // namespace
}  // namespace imsgate::vdms
