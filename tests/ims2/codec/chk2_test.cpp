#include "ims2/codec/chk2.hpp"

#include <random>
#include <vector>

#include <climits>
#include <gtest/gtest.h>

namespace imsgate::ims2::codec {
namespace {

// GSE2.1 Appendix B, transcribed literally (64-bit to keep abs(INT_MIN) defined).
std::uint32_t reference_chk2(const std::vector<std::int32_t>& samples) {
  const std::int64_t modulo = 100000000;
  std::int64_t checksum = 0;
  for (const std::int32_t s : samples) {
    std::int64_t v = s;
    if ((v < 0 ? -v : v) >= modulo) v = v - (v / modulo) * modulo;
    checksum += v;
    if ((checksum < 0 ? -checksum : checksum) >= modulo) checksum = checksum - (checksum / modulo) * modulo;
  }
  return static_cast<std::uint32_t>(checksum < 0 ? -checksum : checksum);
}

TEST(Chk2, ReductionKeepsTheSignOfTheSum) {
  // Not the sum modulo 1e8: after 99999999 + 1 the state is 0, and -5 leaves it at -5 (digest 5).
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{99999999, 1, -5}), 5u);
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{-5, 99999999, 1}), 99999995u);
}

TEST(Chk2, EdgeValues) {
  EXPECT_EQ(compute_chk2({}), 0u);
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{INT32_MIN}), 47483648u);
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{INT32_MAX}), 47483647u);
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{100000000}), 0u);  // reduced at >=, not >
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{-100000000}), 0u);
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{60000000, 40000000}), 0u);
  EXPECT_EQ(compute_chk2(std::vector<std::int32_t>{-60000000, -40000000, -7}), 7u);
}

TEST(Chk2, MatchesTheReferenceOnRandomDataOfEveryScale) {
  std::mt19937 rng(7);
  for (const std::int64_t scale :
       {std::int64_t{10}, std::int64_t{100000}, std::int64_t{60000000}, std::int64_t{INT32_MAX}}) {
    std::uniform_int_distribution<std::int64_t> value(-scale - 1, scale);
    for (int run = 0; run < 20; ++run) {
      std::vector<std::int32_t> s(1 + rng() % 3000);
      for (auto& v : s) v = static_cast<std::int32_t>(std::max<std::int64_t>(value(rng), INT32_MIN));
      EXPECT_EQ(compute_chk2(s), reference_chk2(s)) << "scale " << scale;
    }
  }
}

TEST(Chk2, NearTheModuloTheSlowPathIsTaken) {
  // A running sum that hovers at the modulo crosses it again and again.
  std::vector<std::int32_t> s{99999990};
  for (int i = 0; i < 1000; ++i) s.push_back(i % 2 ? 7 : -3);
  EXPECT_EQ(compute_chk2(s), reference_chk2(s));
}

TEST(Chk2, PiecesGiveTheWholeChecksum) {
  std::mt19937 rng(3);
  std::vector<std::int32_t> s(5000);
  for (auto& v : s) v = static_cast<std::int32_t>(rng());
  Chk2Accumulator pieces;
  for (std::size_t at = 0; at < s.size(); at += 77) {
    pieces.add(std::span<const std::int32_t>(s).subspan(at, std::min<std::size_t>(77, s.size() - at)));
  }
  EXPECT_EQ(pieces.value(), reference_chk2(s));
}

TEST(Chk2, CompareAcceptsTheSignedFormAsAWarning) {
  auto exact = compare_chk2("     720", 720);
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->outcome, Chk2Outcome::match);
  auto signed_form = compare_chk2("   -4514", 4514);
  ASSERT_TRUE(signed_form);
  EXPECT_EQ(signed_form->outcome, Chk2Outcome::match_signed_form);
  EXPECT_EQ(signed_form->stored, -4514);
  auto plus = compare_chk2("+4514\r", 4514);
  ASSERT_TRUE(plus);
  EXPECT_EQ(plus->outcome, Chk2Outcome::match_signed_form);
  auto wrong = compare_chk2("999", 720);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->outcome, Chk2Outcome::mismatch);
  EXPECT_EQ(describe(*wrong), "CHK2 mismatch: the message says 999, the samples give 720");
  auto negative_wrong = compare_chk2("-721", 720);
  ASSERT_TRUE(negative_wrong);
  EXPECT_EQ(negative_wrong->outcome, Chk2Outcome::mismatch);
}

TEST(Chk2, CompareRefusesWhatIsNotAnInteger) {
  EXPECT_FALSE(compare_chk2("", 0));
  EXPECT_FALSE(compare_chk2("   ", 0));
  EXPECT_FALSE(compare_chk2("12a", 12));
  EXPECT_FALSE(compare_chk2("-", 0));
  EXPECT_FALSE(compare_chk2("99999999999999999999999", 0));
  const auto e = compare_chk2("  x1", 1);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().offset, 2u);
}

}  // namespace
}  // namespace imsgate::ims2::codec
