#include "ims2/shi/gse_bulletin.hpp"

#include <gtest/gtest.h>

#include "bulletin_test_support.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::at;
using testing::dump;
using testing::real_section;
using testing::section_with_body;

// Converted to the IMS2.0 layout and read back, a GSE2.0 bulletin keeps every value.
void expect_ims2_round_trip(Bulletin b) {
  b.layout = BulletinLayout::ims;
  auto text = write_bulletin(b);
  ASSERT_TRUE(text) << text.error();
  Diagnostics d;
  EXPECT_EQ(read_bulletin(section_with_body("BULLETIN IMS2.0:SHORT", *text), d), b) << *text;
  EXPECT_TRUE(d.empty()) << dump(d);
}

// Every BULLETIN section of every message of a real file.
std::vector<DataSection> bulletin_sections(const std::string& name) {
  const ReadResult r =
      read_messages(imsgate::testing::read_file(imsgate::testing::real_dir() / "obspy-gse2-bulletin" / name));
  std::vector<DataSection> out;
  for (const auto& m : r.messages)
    if (const auto* data = std::get_if<DataMessage>(&m))
      for (const DataSection& s : data->sections)
        if (iequals(s.header.type, "BULLETIN")) out.push_back(s);
  return out;
}

TEST(GseBulletin, RealFilesAreWrittenBackInTheirLayout) {
  // The GSE_IDC files are in the canonical columns and come back byte for byte; FRA_NDC's and the
  // non-standard copy move columns and read back equal. gse_2.0_incomplete.txt has no STOP: the message is
  // discarded (3.4.1).
  const std::vector<std::pair<std::string, bool>> files = {{"gse_2.0_standard.txt", true},
                                                           {"gse_2.0_2_events.txt", true},
                                                           {"gse_2.0_2_begins.txt", true},
                                                           {"gse_2.0_non_standard.txt", false},
                                                           {"event.txt", false}};
  for (const auto& [name, canonical] : files) {
    const auto sections = bulletin_sections(name);
    ASSERT_FALSE(sections.empty()) << name;
    for (const DataSection& s : sections) {
      Diagnostics d;
      const Bulletin b = read_bulletin(s, d);
      EXPECT_EQ(d.error_count(), 0u) << name << "\n" << dump(d);
      EXPECT_EQ(b.layout, BulletinLayout::gse2);
      auto text = write_bulletin(b);
      ASSERT_TRUE(text) << name << ": " << text.error();
      Diagnostics again;
      EXPECT_EQ(read_bulletin(section_with_body("BULLETIN GSE2.0", *text), again), b) << name << "\n"
                                                                                      << *text;
      EXPECT_TRUE(again.empty()) << name << "\n" << dump(again);
      if (canonical) {
        EXPECT_EQ(*text, s.body) << name;
      }
    }
  }
}

TEST(GseBulletin, FixedFlagsAndASecondOrigin) {
  const std::string body =
      "EVENT 1\n"
      "1995/01/16 07:26:52.4 f   39.4500   20.4400 f   66.8 f     9    8 322  mb 3.6  3                      "
      "  GSE_IDC     282672\n"
      "      0.53   +- 12.69      93.6   83.7   27    +- 83.8   10.56  78.21   +-0.2                         "
      "  "
      "m i ke\n"
      "1995/01/16 07:26:53.0     39.5000   20.5000     60.0                                                  "
      "  OTHER_AU\n"
      "                                                                                                      "
      "  THOR\n"
      "      0.60\n"
      "GREECE-ALBANIA BORDER REGION\n";
  Diagnostics d;
  const Bulletin b = read_bulletin(section_with_body("BULLETIN GSE2.0", body), d);
  EXPECT_TRUE(d.empty()) << dump(d);
  const BulletinEvent& e = b.events.at(0);
  ASSERT_EQ(e.origin.origins.size(), 2u);
  EXPECT_TRUE(e.origin.origins[0].fixed_time);
  EXPECT_TRUE(e.origin.origins[0].fixed_epicentre);
  EXPECT_EQ(e.origin.origins[0].depth_flag, "f");
  EXPECT_FALSE(e.origin.origins[1].fixed_time);
  EXPECT_EQ(e.origin.origins[1].author, "OTHER_AUTHOR");  // continued on the line below
  EXPECT_EQ(e.origin.origins[1].rms, 0.60);
  EXPECT_EQ(e.region, "GREECE-ALBANIA BORDER REGION");
  auto text = write_bulletin(b);
  ASSERT_TRUE(text) << text.error();
  EXPECT_NE(text->find("\n1995/01/16 07:26:52.4 f   39.4500   20.4400 f   66.8 f     9    8 322  mb 3.6  3"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("OTHER_AU\n" + std::string(104, ' ') + "THOR\n"), std::string::npos) << *text;
  Diagnostics again;
  EXPECT_EQ(read_bulletin(section_with_body("BULLETIN GSE2.0", *text), again), b) << *text;
  EXPECT_TRUE(again.empty()) << dump(again);
}

TEST(GseBulletin, WhatTheLayoutCannotHoldIsAWriterError) {
  Diagnostics d;
  Bulletin b = read_bulletin(real_section("gse_2.0_standard.txt"), d);
  Bulletin four = b;
  four.events[0].origin.magnitudes.push_back(four.events[0].origin.magnitudes[0]);
  four.events[0].origin.magnitudes.push_back(four.events[0].origin.magnitudes[0]);
  EXPECT_FALSE(write_bulletin(four));
  Bulletin screened = b;
  screened.events[0].screening.summary.emplace();
  EXPECT_FALSE(write_bulletin(screened));
  Bulletin stamped = b;
  stamped.time_stamp = testing::at(2021, 1, 1, 0, 0, 0, 0);
  EXPECT_FALSE(write_bulletin(stamped));
  Bulletin three = b;
  three.events[0].phases[0].extra_magnitudes.resize(2, {std::nullopt, std::nullopt, "", "mb", "", 4.0});
  EXPECT_FALSE(write_bulletin(three));
}

TEST(GseBulletin, ReadsStandardBulletin) {
  const DataSection s = real_section("gse_2.0_standard.txt");
  EXPECT_TRUE(is_gse_bulletin(s));
  Diagnostics d;
  const Bulletin b = read_bulletin(s, d);
  EXPECT_TRUE(d.empty()) << dump(d);
  EXPECT_EQ(b.title, "Reviewed Event Bulletin (REB) of the GSE_IDC for January 16, 1995");
  ASSERT_EQ(b.events.size(), 1u);
  const BulletinEvent& e = b.events[0];
  EXPECT_EQ(e.id, "280435");
  EXPECT_EQ(e.region, "GREECE-ALBANIA BORDER REGION");
  ASSERT_EQ(e.origin.origins.size(), 1u);
  const Origin& o = e.origin.origins[0];
  EXPECT_EQ(o.time, at(1995, 1, 16, 7, 26, 52, 400));
  EXPECT_EQ(o.latitude, 39.45);
  EXPECT_EQ(o.longitude, 20.44);
  EXPECT_EQ(o.depth, 66.8);
  EXPECT_EQ(o.defining_phases, 9);
  EXPECT_EQ(o.defining_stations, 8);
  EXPECT_EQ(o.gap, 322);
  EXPECT_EQ(o.author, "GSE_IDC");
  EXPECT_EQ(o.id, "282672");
  EXPECT_EQ(o.rms, 0.53);
  EXPECT_EQ(o.time_error, 12.69);
  EXPECT_EQ(o.semi_major, 93.6);
  EXPECT_EQ(o.semi_minor, 83.7);
  EXPECT_EQ(o.strike, 27);
  EXPECT_EQ(o.depth_error, 83.8);
  EXPECT_EQ(o.min_distance, 10.56);
  EXPECT_EQ(o.max_distance, 78.21);
  EXPECT_EQ(o.analysis, "m");
  EXPECT_EQ(o.method, "i");
  EXPECT_EQ(o.event_type, "ke");
  ASSERT_EQ(e.origin.magnitudes.size(), 2u);
  EXPECT_EQ(e.origin.magnitudes[0], (Magnitude{"mb", "", 3.6, 0.2, 3, "GSE_IDC", "282672"}));
  EXPECT_EQ(e.origin.magnitudes[1], (Magnitude{"ML", "", 4.0, std::nullopt, 1, "GSE_IDC", "282672"}));
  ASSERT_EQ(e.phases.size(), 9u);
  const Phase& p = e.phases[0];
  EXPECT_EQ(p.station, "GERES");
  EXPECT_EQ(p.distance, 10.56);
  EXPECT_EQ(p.event_azimuth, 150.3);
  EXPECT_EQ(p.quality, "m E");
  EXPECT_EQ(p.phase, "P");
  EXPECT_EQ(p.time, at(1995, 1, 16, 7, 29, 20, 700));
  EXPECT_EQ(p.time_residual, -0.2);
  EXPECT_EQ(p.azimuth, 163.7);
  EXPECT_EQ(p.azimuth_residual, 13.4);
  EXPECT_EQ(p.slowness, 13.8);
  EXPECT_EQ(p.slowness_residual, 0.1);
  EXPECT_EQ(p.defining, "T");
  EXPECT_EQ(p.snr, 6.8);
  EXPECT_EQ(p.amplitude, 0.6);
  EXPECT_EQ(p.period, 0.3);
  EXPECT_EQ(p.magnitude_type, "ML");
  EXPECT_EQ(p.magnitude, 4.0);
  EXPECT_EQ(p.id, "3586432");
  EXPECT_EQ(e.phases[1].quality, " c");
  EXPECT_EQ(e.phases[1].defining, " A");
  EXPECT_EQ(e.phases[8].station, "WHY");
  EXPECT_EQ(e.phases[8].azimuth, std::nullopt);
  EXPECT_EQ(e.phases[8].amplitude, std::nullopt);
  expect_ims2_round_trip(b);
}

TEST(GseBulletin, ReadsTwoEvents) {
  Diagnostics d;
  const Bulletin b = read_bulletin(real_section("gse_2.0_2_events.txt"), d);
  EXPECT_TRUE(d.empty()) << dump(d);
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[0].id, "280435");
  EXPECT_EQ(b.events[1].id, "280436");
  EXPECT_EQ(b.events[0].phases.size(), 9u);
  EXPECT_EQ(b.events[1].phases.size(), 7u);
  EXPECT_EQ(b.events[1].region, "VANCOUVER ISLAND REGION");
  EXPECT_EQ(b.events[1].origin.origins.at(0).longitude, -129.76);
  EXPECT_EQ(b.events[1].origin.magnitudes.size(), 1u);
  EXPECT_EQ(b.events[1].phases[6].magnitude, 3.6);
  expect_ims2_round_trip(b);
}

TEST(GseBulletin, ReadsNonStandardSpacing) {
  Diagnostics d;
  const Bulletin b = read_bulletin(real_section("gse_2.0_non_standard.txt"), d);
  EXPECT_TRUE(d.empty()) << dump(d);
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[0].id, "280435");
  EXPECT_EQ(b.events[1].id, "280436");
  EXPECT_EQ(b.events[0].phases.size(), 9u);
  EXPECT_EQ(b.events[1].phases.size(), 7u);
  const Origin& o = b.events[1].origin.origins.at(0);
  EXPECT_EQ(o.author, "bulletin_test");
  EXPECT_EQ(o.depth_flag, "f");
  EXPECT_EQ(o.defining_phases, 20);
  EXPECT_EQ(o.semi_minor, 0.9);
  EXPECT_EQ(b.events[1].origin.magnitudes.at(1).type, "Md");
  EXPECT_EQ(b.events[1].origin.magnitudes.at(1).error, 0.1);
  const Phase& p = b.events[0].phases[1];
  EXPECT_EQ(p.distance, 10.56);
  EXPECT_EQ(p.amplitude, 2.9);
  EXPECT_EQ(p.period, 0.62);
  EXPECT_EQ(p.magnitude_type, "");
  ASSERT_EQ(p.extra_magnitudes.size(), 1u);
  EXPECT_EQ(p.extra_magnitudes[0].type, "Md");
  EXPECT_EQ(p.extra_magnitudes[0].value, 4.0);
  EXPECT_EQ(b.events[0].phases[7].magnitude_type, "Ml");
  EXPECT_EQ(b.events[0].phases[7].magnitude, 3.3);
}

TEST(GseBulletin, ReadsFrenchNdcBulletin) {
  const DataSection s = real_section("event.txt");
  EXPECT_TRUE(is_gse_bulletin(s));  // DATA_TYPE BULLETIN without a format
  Diagnostics d;
  const Bulletin b = read_bulletin(s, d);
  EXPECT_TRUE(d.empty()) << dump(d);
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].id, "375368");
  EXPECT_EQ(b.events[0].region, "FRANCE");
  EXPECT_EQ(b.events[0].phases.size(), 14u);
  const Origin& o = b.events[0].origin.origins.at(0);
  EXPECT_EQ(o.time, at(2017, 6, 28, 18, 35, 22, 300));
  EXPECT_EQ(o.latitude, 44.7472);
  EXPECT_EQ(o.longitude, 6.6159);
  EXPECT_EQ(o.depth, 3.0);
  EXPECT_EQ(o.author, "bulletin_ldg");
  EXPECT_EQ(o.id, "375628");
  EXPECT_EQ(b.events[0].phases[1].amplitude, 32.4);
  EXPECT_EQ(b.events[0].phases[1].extra_magnitudes.at(0).value, 1.7);
  EXPECT_EQ(b.events[0].phases[9].magnitude_type, "Ml");
  EXPECT_EQ(b.events[0].phases[9].magnitude, 1.9);
}

TEST(GseBulletin, LetterInNumericFieldIsAnError) {
  const std::string body =
      "EVENT 280435\n"
      "1995/01/16 07:26:52.4     39.4500   2O.4400     66.8       9    8 322  mb 3.6  3  ML 4.0  1           "
      "  "
      "GSE_IDC     282672\n";
  Diagnostics d;
  read_bulletin(section_with_body("BULLETIN GSE2.0", body), d);
  ASSERT_EQ(d.error_count(), 1u) << dump(d);
  EXPECT_EQ(d.items()[0].line, 6);
  EXPECT_EQ(d.items()[0].column, 37);
  EXPECT_EQ(d.items()[0].rule, "GSE2.0 bulletin");
}

}  // namespace
}  // namespace imsgate::ims2::shi
