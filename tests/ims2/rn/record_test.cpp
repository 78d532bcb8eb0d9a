#include "ims2/rn/record.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2::rn {
namespace {

constexpr Field kDate = text_field(1, 10, "collection start date");
constexpr Field kTime = real_field(12, 21, 1, "collection start time");
constexpr Field kFlow = real_field(1, 10, 4, "flow rate");
constexpr Field kDeviation = real_field(12, 22, 6, "flow rate deviation");
constexpr Field kVolume = real_field(45, 54, kAsNeeded, "air volume");
constexpr Field kCount = integer_field(1, 5, "count");

TEST(RecordReader, ReadsTokensInFieldOrderWithNinesAsMissing) {
  const Line line{"908.0000 -9999999999 2021/12/01 18:00:00.0 600 extra", 3, 0, false};
  Diagnostics d;
  RecordReader r(line, d, "7.5", Missing::nines);
  EXPECT_EQ(r.real(kFlow), 908.0);
  EXPECT_EQ(r.real(kDeviation), std::nullopt);
  const auto start = r.date_time(kDate, kTime);
  ASSERT_TRUE(start);
  EXPECT_EQ(write_fixed_date_time(*start, 1), "2021/12/01 18:00:00.0");
  EXPECT_EQ(r.integer(kCount), 600);
  r.finish();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].severity, Severity::warning);
  EXPECT_EQ(d.items()[0].column, 48);
}

TEST(RecordReader, NinesOfANarrowFieldAreMissingOnlyAtItsWidth) {
  const Line line{"-99 -99", 1, 0, false};
  Diagnostics d;
  RecordReader r(line, d, "7.6", Missing::nines);
  EXPECT_EQ(r.integer(integer_field(1, 3, "humidity")), std::nullopt);
  EXPECT_EQ(r.integer(kCount), -99);  // i5: its missing form is -9999
  EXPECT_TRUE(d.empty());
}

TEST(RecordReader, ZeroFillFamiliesReadNinesAsANumber) {
  const Line line{"-999", 1, 0, false};
  Diagnostics d;
  RecordReader r(line, d, "7.2");
  EXPECT_EQ(r.real(kFlow), -999.0);
}

TEST(RecordReader, ErrorsNameTheColumnAndTheField) {
  const Line line{"2021/12/01 18:00 abc", 12, 0, false};
  Diagnostics d;
  RecordReader r(line, d, "7.5", Missing::nines);
  EXPECT_TRUE(r.date_time(kDate, kTime));  // seconds left out: read, with a warning on leading zeros
  EXPECT_FALSE(r.integer(kCount));
  EXPECT_FALSE(r.real(kFlow));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.items()[1].message, "'abc' is not a valid count: expected an integer");
  EXPECT_EQ(d.items()[1].column, 18);
  EXPECT_EQ(d.items()[2].message, "the line ends before the flow rate");
  EXPECT_EQ(d.items()[2].column, 21);
}

TEST(RecordReader, RestIsTheTrimmedRemainder) {
  const Line line{"CO-60  5.2714 Y  1.5", 1, 0, false};
  Diagnostics d;
  RecordReader r(line, d, "7.2");
  EXPECT_EQ(r.text(text_field(1, 8, "nuclide")), "CO-60");
  EXPECT_EQ(r.rest(), "5.2714 Y  1.5");
  EXPECT_TRUE(r.at_end());
}

TEST(RecordWriter, WritesColumnsAndTheFamilyMissingForm) {
  FieldWriter w;
  write_real(w, kFlow, 897.0, Missing::nines);
  write_real(w, kDeviation, std::nullopt, Missing::nines);
  EXPECT_EQ(*w.finish(), "  897.0000 -9999999999");
  FieldWriter no_date;
  write_date_time(no_date, kDate, kTime, std::nullopt);
  EXPECT_EQ(*no_date.finish(), "0");
  FieldWriter v;
  write_real(v, kVolume, 14.920163, Missing::zero_fill);
  write_integer(v, kCount, std::nullopt, Missing::zero_fill);
  EXPECT_EQ(*v.finish(), "    0" + std::string(39, ' ') + " 14.920163");
  EXPECT_EQ(nines(5), "-9999");
  EXPECT_TRUE(is_nines("-9999"));
  EXPECT_FALSE(is_nines("-99.9"));
}

}  // namespace
}  // namespace imsgate::ims2::rn
