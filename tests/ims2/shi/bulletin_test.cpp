#include "ims2/shi/bulletin.hpp"

#include <gtest/gtest.h>

#include "bulletin_test_support.hpp"
#include "ims2/shi/event.hpp"
#include "ims2/shi/origin.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::at;
using testing::dump;
using testing::example_section;
using testing::section_with_body;

TEST(Origin, ReadsExampleBlocksByTokens) {
  Diagnostics d;
  const OriginList o = read_origin(example_section("I.24-origin.msg"), d);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  EXPECT_EQ(o.title.substr(0, 38), "Reviewed Event Bulletin of the CTBT_ID");
  ASSERT_EQ(o.blocks.size(), 3u);
  ASSERT_EQ(o.blocks[0].origins.size(), 1u);
  const Origin& first = o.blocks[0].origins[0];
  EXPECT_EQ(first.time, at(2021, 12, 1, 4, 39, 22, 340));
  EXPECT_FALSE(first.fixed_time);
  EXPECT_EQ(first.time_error, 0.33);
  EXPECT_EQ(first.rms, 0.90);
  EXPECT_EQ(first.latitude, -37.954);
  EXPECT_EQ(first.longitude, -73.4738);
  EXPECT_EQ(first.semi_major, 12.6);
  EXPECT_EQ(first.semi_minor, 8.5);
  EXPECT_EQ(first.strike, 79);
  EXPECT_EQ(first.depth, 0.0);
  EXPECT_EQ(first.depth_flag, "f");
  EXPECT_EQ(first.depth_error, std::nullopt);
  EXPECT_EQ(first.defining_phases, 66);
  EXPECT_EQ(first.defining_stations, 48);
  EXPECT_EQ(first.gap, 47);
  EXPECT_EQ(first.min_distance, 3.58);
  EXPECT_EQ(first.max_distance, 176.98);
  EXPECT_EQ(first.analysis, "m");
  EXPECT_EQ(first.method, "i");
  EXPECT_EQ(first.event_type, "uk");
  EXPECT_EQ(first.author, "IDC_REB");
  EXPECT_EQ(first.id, "21451982");
  ASSERT_EQ(o.blocks[0].magnitudes.size(), 4u);
  EXPECT_EQ(o.blocks[0].magnitudes[0].type, "ML");
  EXPECT_EQ(o.blocks[0].magnitudes[0].value, 4.7);
  EXPECT_EQ(o.blocks[0].magnitudes[0].error, 0.1);
  EXPECT_EQ(o.blocks[0].magnitudes[0].stations, 3);
  EXPECT_EQ(o.blocks[0].magnitudes[3].type, "Ms");
  EXPECT_EQ(o.blocks[0].magnitudes[3].origin_id, "21451982");
  EXPECT_EQ(o.blocks[2].origins[0].id, "21451545");
  EXPECT_EQ(o.blocks[2].magnitudes.size(), 4u);

  auto text = write_origin(o);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  const OriginList back = read_origin(section_with_body("ORIGIN IMS2.0", *text), again);
  EXPECT_EQ(back, o) << *text;
  EXPECT_TRUE(again.empty()) << dump(again);
  auto twice = write_origin(back);
  ASSERT_TRUE(twice);
  EXPECT_EQ(*twice, *text);
}

TEST(Origin, CanonicalLinesAreAtTheirColumns) {
  OriginList o;
  OriginBlock& b = o.blocks.emplace_back();
  Origin& x = b.origins.emplace_back();
  x.time = at(2021, 12, 1, 12, 7, 8, 520);
  x.time_error = 0.76;
  x.latitude = 31.1076;
  x.longitude = 142.4125;
  x.depth = 0.0;
  x.depth_flag = "f";
  x.id = "21436469";
  b.magnitudes.push_back({"mb", "<", 3.9, 0.1, 12, "IDC_REB", "21436469"});
  b.comments.push_back("#PRIME");
  auto text = write_origin(o);
  ASSERT_TRUE(text) << text.error();
  EXPECT_EQ(*text,
            "   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth   Err Ndef Nsta "
            "Gap  mdist  "
            "Mdist Qual   Author      OrigID\n"
            "2021/12/01 12:07:08.52   0.76        31.1076  142.4125                   0.0f                   "
            "           "
            "                     21436469\n"
            "\n"
            "Magnitude  Err Nsta Author      OrigID\n"
            "mb   < 3.9 0.1   12 IDC_REB   21436469\n"
            " (#PRIME)\n"
            "\n");
  Diagnostics d;
  EXPECT_EQ(read_origin(section_with_body("ORIGIN IMS2.0", *text), d), o);
  EXPECT_TRUE(d.empty()) << dump(d);
}

TEST(Origin, LineCutShortIsAnError) {
  const std::string body =
      "   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth   Err Ndef Nsta Gap  "
      "mdist  Mdist "
      "Qual   Author      OrigID\n"
      "2021/12/01 12:07:08.52   0.76        31.1076\n";
  Diagnostics d;
  const OriginList o = read_origin(section_with_body("ORIGIN IMS2.0", body), d);
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].line, 6);
  EXPECT_EQ(d.items()[0].column, 46);
  EXPECT_EQ(d.items()[0].rule, "6.4.2");
  ASSERT_EQ(o.blocks.size(), 1u);
  EXPECT_TRUE(o.blocks[0].origins.empty());
}

TEST(Origin, LetterInNumericFieldAndBadDateAreErrorsAtTheirColumns) {
  const std::string body =
      "2021/12/01 12:07:08.52   0.76        31.1O76  142.4125\n"
      "2021/02/30 12:07:08.52   0.76        31.1076  142.4125\n";
  Diagnostics d;
  read_origin(section_with_body(
                  "ORIGIN IMS2.0",
                  std::string("   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth "
                              "  Err Ndef Nsta Gap  mdist  Mdist Qual   Author      OrigID\n") +
                      body),
              d);
  ASSERT_EQ(d.error_count(), 2u) << dump(d);
  EXPECT_EQ(d.items()[0].line, 6);
  EXPECT_EQ(d.items()[0].column, 38);  // the first character of the right-justified value
  EXPECT_NE(d.items()[0].message.find("latitude"), std::string::npos);
  EXPECT_EQ(d.items()[1].line, 7);
  EXPECT_EQ(d.items()[1].column, 1);
}

TEST(Event, ReadsExampleEventsWithTitles) {
  Diagnostics d;
  const EventList e = read_event(example_section("I.17-event.msg"), d);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  ASSERT_EQ(e.events.size(), 3u);
  EXPECT_EQ(e.events[0].id, "21429064");
  EXPECT_EQ(e.events[0].region, "SOUTH OF HONSHU, JAPAN");
  EXPECT_EQ(e.events[1].id, "21428380");
  EXPECT_EQ(e.events[2].id, "21428379");
  const Origin& o = e.events[1].origin.origins.at(0);
  EXPECT_EQ(o.time, at(2021, 12, 1, 14, 31, 34, 30));
  EXPECT_EQ(o.latitude, 40.0857);
  EXPECT_EQ(o.longitude, 141.084);
  EXPECT_EQ(o.depth, 0.0);
  EXPECT_EQ(e.events[1].origin.magnitudes.size(), 4u);
  EXPECT_EQ(e.events[1].origin.magnitudes[3].type, "Ms");
  EXPECT_EQ(e.events[1].origin.magnitudes[3].value, 3.2);

  auto text = write_event(e);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  EXPECT_EQ(read_event(section_with_body("EVENT IMS2.0", *text), again), e) << *text;
  EXPECT_TRUE(again.empty()) << dump(again);
}

TEST(Bulletin, ReadsShortExample) {
  Diagnostics d;
  const Bulletin b = read_bulletin(example_section("I.7-bulletin-ims2.0-short.msg"), d);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  EXPECT_EQ(b.time_stamp, at(2021, 12, 9, 15, 11, 20, 0));
  EXPECT_EQ(b.end_time_stamp, at(2021, 12, 9, 15, 11, 20, 0));
  EXPECT_EQ(b.title.substr(0, 23), "Reviewed Event Bulletin");
  ASSERT_EQ(b.events.size(), 3u);
  EXPECT_EQ(b.events[0].id, "21429064");
  EXPECT_EQ(b.events[1].id, "21428539");
  EXPECT_EQ(b.events[1].region, "FIJI ISLANDS REGION");
  EXPECT_EQ(b.events[2].id, "21429217");
  EXPECT_EQ(b.events[0].phases.size(), 6u);
  EXPECT_EQ(b.events[1].phases.size(), 4u);
  EXPECT_EQ(b.events[2].phases.size(), 6u);

  const Origin& o = b.events[1].origin.origins.at(0);
  EXPECT_EQ(o.time, at(2021, 12, 1, 12, 11, 2, 20));
  EXPECT_EQ(o.latitude, -18.7411);
  EXPECT_EQ(o.longitude, -177.863);
  EXPECT_EQ(o.depth, 502.8);
  EXPECT_EQ(o.depth_flag, "");
  EXPECT_EQ(o.depth_error, 95.6);
  EXPECT_EQ(o.defining_phases, 4);

  const Phase& p = b.events[0].phases[0];
  EXPECT_EQ(p.station, "JHJ");
  EXPECT_EQ(p.distance, 2.98);
  EXPECT_EQ(p.event_azimuth, 312.9);
  EXPECT_EQ(p.phase, "Pn");
  EXPECT_EQ(p.time, at(2021, 12, 1, 12, 7, 55, 681));
  EXPECT_EQ(p.time_residual, 1.9);
  EXPECT_EQ(p.azimuth, 197.5);
  EXPECT_EQ(p.slowness, 20.1);
  EXPECT_EQ(p.defining, "T__");
  EXPECT_EQ(p.snr, 1.8);
  EXPECT_EQ(p.amplitude, 11.8);
  EXPECT_EQ(p.magnitude_type, "ML");
  EXPECT_EQ(p.magnitude, 3.4);
  EXPECT_EQ(p.id, "165912469");
  ASSERT_EQ(p.extra_magnitudes.size(), 1u);
  EXPECT_EQ(p.extra_magnitudes[0].amplitude, 82.8);
  EXPECT_EQ(p.extra_magnitudes[0].type, "mbtmp");
  EXPECT_EQ(p.extra_magnitudes[0].value, 4.2);
  const Phase& jcj = b.events[0].phases[2];
  EXPECT_EQ(jcj.quality, "---");
  EXPECT_EQ(jcj.snr, std::nullopt);
  EXPECT_EQ(jcj.id, "165912306");
  EXPECT_EQ(b.events[2].phases[1].extra_magnitudes.at(0).type, "mb");
  EXPECT_EQ(b.events[2].phases[1].extra_magnitudes.at(0).quality, "");

  auto text = write_bulletin(b);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  const Bulletin back = read_bulletin(section_with_body("BULLETIN IMS2.0:SHORT", *text), again);
  EXPECT_EQ(back, b) << *text;
  EXPECT_TRUE(again.empty()) << dump(again);
  auto twice = write_bulletin(back);
  ASSERT_TRUE(twice);
  EXPECT_EQ(*twice, *text);
}

TEST(Bulletin, PhaseAfterMidnightTakesTheNextDay) {
  const std::string body =
      "Title\n"
      "EVENT 1 SOMEWHERE\n"
      "   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth   Err Ndef Nsta Gap  "
      "mdist  Mdist "
      "Qual   Author      OrigID\n"
      "2021/12/31 23:59:58.00               10.0000   20.0000\n"
      "Sta     Dist  EvAz Phase        Time      TRes  Azim AzRes   Slow   SRes Def   SNR       Amp   Per "
      "Qual "
      "Magnitude    ArrID\n"
      "ABC     10.00  45.0 P        00:02:10.500\n";
  Diagnostics d;
  const Bulletin b = read_bulletin(section_with_body("BULLETIN IMS2.0", body), d);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  ASSERT_EQ(b.events.size(), 1u);
  ASSERT_EQ(b.events[0].phases.size(), 1u);
  EXPECT_EQ(b.events[0].phases[0].time, at(2022, 1, 1, 0, 2, 10, 500));
}

TEST(Bulletin, KeepsCommentsAndScreeningBesideTheOrigin) {
  const std::string body =
      "Title\n"
      "EVENT 1 SOMEWHERE\n"
      "   Date       Time        Err   RMS Latitude Longitude  Smaj  Smin  Az Depth   Err Ndef Nsta Gap  "
      "mdist  Mdist "
      "Qual   Author      OrigID\n"
      "2021/12/31 23:59:58.00               10.0000   20.0000\n"
      " (#PRIME)\n"
      "EVENT SCREENING\n"
      "Category  Score Dscore Mscore Rscore Hscore Smaj_sc Smin_sc Depth  Sdep  mbms Smbms       Foffsh "
      "MinWD Clr\n"
      "SO/Offsh   1.20\n";
  Diagnostics d;
  const Bulletin b = read_bulletin(section_with_body("BULLETIN IMS2.0:LONG", body), d);
  EXPECT_EQ(d.error_count(), 0u) << dump(d);
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].origin.comments, std::vector<std::string>{"#PRIME"});
  EXPECT_TRUE(b.events[0].kept_lines.empty());
  ASSERT_TRUE(b.events[0].screening.summary);
  EXPECT_EQ(b.events[0].screening.summary->category, "SO");
  EXPECT_EQ(b.events[0].screening.summary->score, 1.20);
  auto text = write_bulletin(b);
  ASSERT_TRUE(text);
  Diagnostics again;
  EXPECT_EQ(read_bulletin(section_with_body("BULLETIN IMS2.0:LONG", *text), again), b);
}

}  // namespace
}  // namespace imsgate::ims2::shi
