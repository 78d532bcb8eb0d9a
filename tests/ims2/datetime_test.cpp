#include "ims2/datetime.hpp"

#include <gtest/gtest.h>

namespace imsgate::ims2 {
namespace {

using namespace std::chrono;

TimePoint at(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0, int us = 0) {
  return TimePoint{sys_days{year{y} / m / d}.time_since_epoch()} + hours{h} + minutes{mi} + seconds{s} +
         microseconds{us};
}

DateTime parse(std::string_view date, std::string_view time = {}) {
  auto dt = parse_date_time(date, time);
  EXPECT_TRUE(dt) << date << " " << time << ": " << (dt ? "" : dt.error().message);
  return dt.value_or(DateTime{});
}

std::vector<Token> tokens_of(std::string_view text) {
  return LogicalLine(Line{text, 1}).tokens();
}

}  // namespace

TEST(DateTime, ReadsEveryFreeFormatForm) {
  EXPECT_EQ(parse("1994/01/01", "13:04:12.003").time, at(1994, 1, 1, 13, 4, 12, 3000));
  EXPECT_EQ(parse("1999/02/01", "23:14:19.7").time, at(1999, 2, 1, 23, 14, 19, 700000));
  EXPECT_EQ(parse("1999/03/10", "14:37:02").time, at(1999, 3, 10, 14, 37, 2));
  EXPECT_EQ(parse("1995/07/14", "01:05").time, at(1995, 7, 14, 1, 5));
  EXPECT_EQ(parse("1999/03/01", "12").time, at(1999, 3, 1, 12));
  EXPECT_EQ(parse("1994/12/23").time, at(1994, 12, 23));
}

TEST(DateTime, AcceptsDroppedLeadingZeros) {
  EXPECT_EQ(parse("1995/09/10", "2:15:3").time, at(1995, 9, 10, 2, 15, 3));
  EXPECT_EQ(parse("1999/2/1").time, at(1999, 2, 1));
  EXPECT_EQ(parse("1999/1/9", "9").time, at(1999, 1, 9, 9));  // "9 is interpreted as 09:00:00.000"
}

TEST(DateTime, KeepsPrecisionForTheCanonicalWriter) {
  EXPECT_EQ(write_date_time(parse("1999/1/9", "1:00")), "1999/01/09 01:00");
  EXPECT_EQ(write_date_time(parse("1999/03/01", "12")), "1999/03/01 12");
  EXPECT_EQ(write_date_time(parse("1994/01/01", "13:04:12.003")), "1994/01/01 13:04:12.003");
  EXPECT_EQ(write_date_time(parse("1999/02/01", "23:14:19.7")), "1999/02/01 23:14:19.7");
  EXPECT_EQ(write_date_time(parse("1994/12/23")), "1994/12/23");
}

TEST(DateTime, RejectsImpossibleDatesAndTimes) {
  auto expect_error = [](std::string_view date, std::string_view time, std::string_view fragment) {
    auto dt = parse_date_time(date, time);
    ASSERT_FALSE(dt) << date << " " << time;
    EXPECT_NE(dt.error().message.find(fragment), std::string::npos) << dt.error().message;
  };
  expect_error("2021/12/001", "", "day must be 1 or 2 digits");  // the IDC's own example (App. I.16)
  expect_error("2021/13/01", "", "month 13 out of 1..12");
  expect_error("2021/02/29", "", "no day 29");
  expect_error("21/02/01", "", "year must have 4 digits");
  expect_error("2021/02/01", "24:00", "hour 24 out of 0..23 (write the next day's 00:00)");
  expect_error("2021/02/01", "12:60", "minute 60");
  expect_error("2021/02/01", "12:00:00.x", "digits after the decimal point");
  expect_error("2021/02", "", "expected yyyy/mm/dd");
  EXPECT_TRUE(parse_date_time("2020/02/29", ""));  // leap year
}

TEST(DateTime, PartialDatesOnlyWhenAllowed) {
  auto year_only = parse_date_time("1999", "", {.allow_partial_date = true});
  ASSERT_TRUE(year_only);
  EXPECT_EQ(year_only->time, at(1999, 1, 1));
  EXPECT_EQ(write_date_time(*year_only), "1999");
  auto month = parse_date_time("1999/7", "", {.allow_partial_date = true});
  ASSERT_TRUE(month);
  EXPECT_EQ(month->time, at(1999, 7, 1));
}

TEST(DateTime, FixedWriterRoundsTheWholeTimestamp) {
  EXPECT_EQ(write_fixed_date_time(at(2021, 12, 31, 23, 59, 59, 999600), 3), "2022/01/01 00:00:00.000");
  EXPECT_EQ(write_fixed_date_time(at(2021, 12, 1, 2, 9, 46, 763000), 3), "2021/12/01 02:09:46.763");
  EXPECT_EQ(write_fixed_date_time(at(2021, 12, 1, 2, 9, 46, 763000), 0), "2021/12/01 02:09:47");
  EXPECT_EQ(write_fixed_date_time(at(1960, 1, 1, 0, 0, 0, 50), 1), "1960/01/01 00:00:00.0");
}

TEST(DateTime, FixedReaderWantsFullFields) {
  EXPECT_EQ(*parse_fixed_date_time("2021/12/01", "02:09:46.763"), at(2021, 12, 1, 2, 9, 46, 763000));
  EXPECT_FALSE(parse_fixed_date_time("2021/12/1", "02:09:46.763"));
  EXPECT_FALSE(parse_fixed_date_time("2021/12/01", "2:09:46"));
}

TEST(TimeRange, ReadsBothEndsWithLookAheadForTo) {
  Diagnostics d;
  const auto t = tokens_of("1999/1/9 1:00 to 1999/1/9 1:15");
  auto range = parse_time_range(t, {1, 1}, {}, d);
  ASSERT_TRUE(range);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(range->from->at.time, at(1999, 1, 9, 1));
  EXPECT_EQ(range->to->at.time, at(1999, 1, 9, 1, 15));
  EXPECT_EQ(write_time_range(*range), "1999/01/09 01:00 to 1999/01/09 01:15");
}

TEST(TimeRange, OpenEnds) {
  Diagnostics d;
  auto upper = parse_time_range(tokens_of("to 1999/01/02"), {1, 1}, {}, d);
  ASSERT_TRUE(upper);
  EXPECT_FALSE(upper->from);
  EXPECT_EQ(write_time_range(*upper), "to 1999/01/02");
  auto lower = parse_time_range(tokens_of("1999/01/01 12 to"), {1, 1}, {}, d);
  ASSERT_TRUE(lower);
  EXPECT_FALSE(lower->to);
  EXPECT_EQ(write_time_range(*lower), "1999/01/01 12 to");
  EXPECT_TRUE(d.empty());
}

TEST(TimeRange, EndOfDayIsTheNextMidnight) {
  Diagnostics d;
  auto day = parse_time_range(tokens_of("1998/12/25 to 1998/12/26"), {1, 1}, {}, d);
  ASSERT_TRUE(day);
  EXPECT_EQ(day->to->at.time - day->from->at.time, std::chrono::hours{24});
  auto last = parse_time_range(tokens_of("1998/12/25 to 1998/12/25 24:00"), {1, 1}, {}, d);
  EXPECT_FALSE(last);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].column, 26);
  EXPECT_NE(d.items()[0].message.find("next day's 00:00"), std::string::npos);
}

TEST(TimeRange, NowAndForeverOnlyInSubscriptions) {
  Diagnostics d;
  auto sub = parse_time_range(tokens_of("now to forever"), {1, 1}, {.allow_now_forever = true}, d);
  ASSERT_TRUE(sub);
  EXPECT_EQ(sub->from->kind, TimeBound::Kind::now);
  EXPECT_EQ(sub->to->kind, TimeBound::Kind::forever);
  EXPECT_EQ(write_time_range(*sub), "now to forever");
  EXPECT_FALSE(parse_time_range(tokens_of("now to forever"), {1, 1}, {}, d));
  EXPECT_EQ(d.items().at(0).rule, "5.4.2");
}

TEST(TimeRange, ReportsMistakesWithTheirColumn) {
  Diagnostics d;
  EXPECT_FALSE(parse_time_range(tokens_of("1999/01/02 to 1999/01/01"), {1, 1}, {}, d));
  EXPECT_NE(d.items().at(0).message.find("before its start"), std::string::npos);
  Diagnostics missing;
  EXPECT_FALSE(parse_time_range(tokens_of("1999/01/01 1999/01/02"), {1, 1}, {}, missing));
  EXPECT_NE(missing.items().at(0).message.find("to"), std::string::npos);
  Diagnostics extra;
  EXPECT_FALSE(parse_time_range(tokens_of("1999/01/01 00:00 xx to 1999/01/02"), {1, 1}, {}, extra));
  EXPECT_EQ(extra.items().at(0).column, 18);
  Diagnostics empty;
  EXPECT_TRUE(parse_time_range(tokens_of("1999/01/01 to 1999/01/01"), {1, 1}, {}, empty));
  EXPECT_EQ(empty.items().at(0).severity, Severity::warning);
}

}  // namespace imsgate::ims2
