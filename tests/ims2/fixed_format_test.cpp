#include "ims2/fixed_format.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2 {
namespace {

constexpr Field kStation = text_field(6, 10, "station");
constexpr Field kCount = integer_field(12, 19, "sample count");
constexpr Field kRate = real_field(21, 31, 6, "sample rate");
constexpr Field kCalib = exponent_field(33, 42, 2, "calib");
constexpr Field kDate = text_field(44, 53, "date");
constexpr Field kTime = real_field(55, 66, 3, "time");

}  // namespace

TEST(FixedFormat, WritesEachFieldAtItsColumns) {
  FieldWriter w;
  w.literal(1, "WID2");
  w.text(kStation, "ARCES");
  w.integer(kCount, 12000);
  w.real(kRate, 40.0);
  w.real(kCalib, 0.0628);
  w.date_time(kDate, kTime, TimePoint{std::chrono::seconds{946684800}} + std::chrono::milliseconds{763});
  auto line = w.finish();
  ASSERT_TRUE(line) << line.error();
  EXPECT_EQ(*line, "WID2 ARCES    12000   40.000000   6.28e-02 2000/01/01 00:00:00.763");
}

TEST(FixedFormat, MissingValuesStayBlankAndTrailingBlanksGo) {
  FieldWriter w;
  w.literal(1, "STA2");
  w.text(kStation, "");
  w.integer(kCount, std::nullopt);
  w.real(kRate, 1.5);
  EXPECT_EQ(*w.finish(), "STA2                   1.500000");
}

TEST(FixedFormat, TooWideValuesLoseDecimalsOrFail) {
  FieldWriter fewer;
  fewer.real(kRate, 123456.123456);  // 13 characters at 6 decimals; 11 fit at 4
  EXPECT_EQ(fewer.finish()->substr(20), "123456.1235");
  FieldWriter fails;
  fails.integer(integer_field(1, 3, "n"), 12345);
  ASSERT_FALSE(fails.finish());
  EXPECT_EQ(fails.finish().error(), "n '12345' does not fit in columns 1-3");
  FieldWriter text;
  text.text(kStation, "TOOLONG");
  EXPECT_FALSE(text.finish());
}

TEST(FixedFormat, ReadsBlankAsMissingAndReportsBadFields) {
  Diagnostics d;
  const Line line{"WID2 ARCES      12x    40.0       6.28E-02 2000/01/01 00:00:00.763", 7};
  FieldReader r(line, d, "6.3.2");
  EXPECT_EQ(r.text(kStation), "ARCES");
  EXPECT_FALSE(r.integer(kCount));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].line, 7);
  EXPECT_EQ(d.items()[0].column, 17);
  EXPECT_EQ(d.items()[0].message, "sample count '12x' (columns 12-19) is not an integer");
  EXPECT_DOUBLE_EQ(*r.real(kRate), 40.0);
  EXPECT_DOUBLE_EQ(*r.real(kCalib), 0.0628);
  auto t = r.date_time(kDate, kTime);
  ASSERT_TRUE(t);
  EXPECT_EQ(write_fixed_date_time(*t, 3), "2000/01/01 00:00:00.763");
  EXPECT_FALSE(r.real(real_field(70, 80, 1, "beyond the line")));
  EXPECT_EQ(d.size(), 1u);
}

}  // namespace imsgate::ims2
