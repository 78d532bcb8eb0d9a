#include "ims2/shi/arrival.hpp"

#include <gtest/gtest.h>

#include "bulletin_test_support.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::at;
using testing::example_section;
using testing::section_with_body;

// Read, write, read again: the model comes back equal.
void expect_round_trip(const Arrival& arrival, const std::string& data_type) {
  auto text = write_arrival(arrival);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  EXPECT_EQ(read_arrival(section_with_body(data_type, *text), again), arrival) << *text;
  EXPECT_TRUE(again.empty()) << again.items().front().message;
}

TEST(Arrival, ReadsAutomaticExampleByTokens) {
  Diagnostics d;
  const Arrival a = read_arrival(example_section("I.4.2-arrival-automatic.msg"), d);
  EXPECT_EQ(d.error_count(), 0u);
  EXPECT_EQ(d.warning_count(), 5u);  // every line is collapsed
  EXPECT_EQ(d.items().front().line, 6);
  ASSERT_EQ(a.subtype, ArrivalSubtype::automatic);
  ASSERT_EQ(a.records.size(), 5u);
  const ArrivalRecord& r = a.records[0];
  EXPECT_EQ(r.network, "");
  EXPECT_EQ(r.station, "I32KE");
  EXPECT_EQ(r.beam_id, "");
  EXPECT_EQ(r.time, at(2016, 6, 1, 0, 0, 0, 0));
  EXPECT_EQ(r.phase, "N");
  EXPECT_EQ(r.azimuth, 285.6);
  EXPECT_EQ(r.slowness, 322.7);
  EXPECT_EQ(r.snr, 1.0);
  EXPECT_EQ(r.amplitude, 0.0);
  EXPECT_EQ(r.period, -1.0);
  EXPECT_EQ(r.short_term_average, -1.0);
  EXPECT_EQ(r.duration, std::nullopt);
  EXPECT_EQ(r.author, "DFX");
  EXPECT_EQ(r.id, "114378843");
  EXPECT_EQ(a.records[2].station, "JKA");
  EXPECT_EQ(a.records[2].time, at(2016, 6, 1, 0, 0, 7, 575));
  EXPECT_EQ(a.records[2].amplitude, 25.2);
  expect_round_trip(a, "ARRIVAL:AUTOMATIC IMS2.0");
}

TEST(Arrival, ReadsUnassociatedExampleAndSkipsElision) {
  Diagnostics d;
  const Arrival a = read_arrival(example_section("I.4.5-arrival-unassociated.msg"), d);
  EXPECT_EQ(d.error_count(), 0u);
  ASSERT_EQ(a.subtype, ArrivalSubtype::unassociated);
  ASSERT_EQ(a.records.size(), 14u);
  EXPECT_EQ(a.records[1].station, "CMIG");
  EXPECT_EQ(a.records[1].azimuth, 3.2);  // right-justified in its field, not a missing azimuth
  EXPECT_EQ(a.records[1].slowness, 23.1);
  EXPECT_EQ(a.records[1].short_term_average, 5.6);
  EXPECT_EQ(a.records[13].phase, "Pn");
  EXPECT_EQ(a.records[13].author, "IDC_SEL3");
  EXPECT_EQ(a.records[13].id, "165854704");
  bool elision = false;
  for (const auto& x : d)
    if (x.line == 14 && x.severity == Severity::warning) elision = true;
  EXPECT_TRUE(elision);
  expect_round_trip(a, "ARRIVAL:UNASSOCIATED IMS2.0");
}

TEST(Arrival, ReadsReviewedExampleWithNetworkAndAux) {
  Diagnostics d;
  const Arrival a = read_arrival(example_section("I.4.4-arrival-reviewed.msg"), d);
  EXPECT_EQ(d.error_count(), 0u);
  ASSERT_EQ(a.records.size(), 6u);
  EXPECT_EQ(a.records[0].network, "IDC_SEIS");
  EXPECT_EQ(a.records[0].station, "BBB");
  EXPECT_EQ(a.records[0].channel, "bhz");
  EXPECT_EQ(a.records[0].aux, "-");
  EXPECT_EQ(a.records[0].time, at(1996, 8, 16, 3, 41, 40, 523));
  EXPECT_EQ(a.records[0].azimuth, 256.3);
  EXPECT_EQ(a.records[0].amplitude, 228.6);
  EXPECT_EQ(a.records[0].quality, "a__");
  EXPECT_EQ(a.records[1].aux, "");
  const ArrivalRecord& empty = a.records[3];  // an S pick with no measurements
  EXPECT_EQ(empty.phase, "S");
  EXPECT_EQ(empty.azimuth, std::nullopt);
  EXPECT_EQ(empty.period, std::nullopt);
  EXPECT_EQ(empty.quality, "m__");
  EXPECT_EQ(empty.id, "116210220");
  expect_round_trip(a, "ARRIVAL:REVIEWED IMS2.0");
}

TEST(Arrival, ReadsGroupedExampleAndTreatsConflictZeroAsBlank) {
  Diagnostics d;
  const Arrival a = read_arrival(example_section("I.4.3-arrival-grouped.msg"), d);
  EXPECT_EQ(d.error_count(), 0u);
  ASSERT_EQ(a.records.size(), 13u);
  EXPECT_EQ(a.records[0].station, "CPUP");
  EXPECT_EQ(a.records[0].channel, "Z15");
  EXPECT_EQ(a.records[0].group_id, "7801174");
  EXPECT_EQ(a.records[0].conflict, std::nullopt);
  EXPECT_EQ(a.records[0].author, "STAPRO");
  EXPECT_EQ(a.records[12].phase, "Lg");
  EXPECT_EQ(a.records[12].snr, 5.7);
  expect_round_trip(a, "ARRIVAL:GROUPED IMS2.0");
}

TEST(Arrival, ReadsAssociatedExampleAndRejectsAmbiguousLine) {
  Diagnostics d;
  const Arrival a = read_arrival(example_section("I.4.1-arrival-associated.msg"), d);
  ASSERT_EQ(a.subtype, ArrivalSubtype::associated);
  // NRIK tx: three numbers for the five residual columns cannot be placed unambiguously.
  ASSERT_EQ(d.error_count(), 1u) << testing::dump(d);
  for (const auto& x : d) {
    if (x.severity == Severity::error) {
      EXPECT_EQ(x.line, 15);
    }
  }
  ASSERT_EQ(a.records.size(), 13u);
  const ArrivalRecord& r = a.records[0];
  EXPECT_EQ(r.station, "MJAR");
  EXPECT_EQ(r.distance, 6.62);
  EXPECT_EQ(r.event_azimuth, 327.2);
  EXPECT_EQ(r.phase, "Pn");
  EXPECT_EQ(r.time, at(2021, 12, 1, 2, 9, 46, 763));
  EXPECT_EQ(r.time_residual, 0.2);
  EXPECT_EQ(r.azimuth, 155.9);
  EXPECT_EQ(r.azimuth_residual, 11.2);
  EXPECT_EQ(r.slowness, 10.7);
  EXPECT_EQ(r.slowness_residual, -3.1);
  EXPECT_EQ(r.defining, "TAS");
  EXPECT_EQ(r.snr, 5.7);
  EXPECT_EQ(r.amplitude, 0.1);
  EXPECT_EQ(r.period, 0.33);
  EXPECT_EQ(r.quality, "a__");
  EXPECT_EQ(r.magnitude_type, "ML");
  EXPECT_EQ(r.magnitude, 2.7);
  EXPECT_EQ(r.origin_id, "21425704");
  EXPECT_EQ(r.author, "IDC_SEL3");
  EXPECT_EQ(r.id, "165853767");
  const ArrivalRecord& tx = a.records[2];  // not defining in time: no time residual
  EXPECT_EQ(tx.phase, "tx");
  EXPECT_EQ(tx.time_residual, std::nullopt);
  EXPECT_EQ(tx.azimuth, 8.6);
  EXPECT_EQ(tx.slowness_residual, -999.0);
  EXPECT_EQ(tx.defining, "___");
  EXPECT_EQ(tx.magnitude_type, "");
  EXPECT_EQ(tx.magnitude, std::nullopt);
  EXPECT_EQ(tx.origin_id, "21425704");
  EXPECT_EQ(a.records.back().station, "I19DJ");
  EXPECT_EQ(a.records.back().slowness_residual, -42.9);
  expect_round_trip(a, "ARRIVAL:ASSOCIATED IMS2.0");
}

const std::string kAssociated =
    "Net       Sta     Dist  EvAz     Phase  Date        Time       TRes  Azim AzRes  Slow  SRes Def   SNR   "
    "    Amp "
    "  Per Qual Magnitude   OrigID Author       ArrID\n"
    "IDC_SEIS  MJAR    6.62 327.2 Pn       2021/12/01 02:09:46.763   0.2 155.9  11.2  10.7  -3.1 TAS   5.7   "
    "    0.1 "
    " 0.33 a__ ML     2.7 21425704 IDC_SEL3  165853767\n"
    "                                                                                                        "
    "   82.8 "
    " 0.42 ___ mb   < 4.2\n"
    "          WRA    51.30 190.1 tx       2021/12/01 02:17:23.650         8.6   0.3   8.0  -999 ___   5.7   "
    "    1.0 "
    " 0.50 a__            21425704 IDC_SEL3  165853969\n";

TEST(Arrival, CanonicalAssociatedTextIsWrittenBackByteForByte) {
  Diagnostics d;
  const Arrival a = read_arrival(section_with_body("ARRIVAL:associated IMS2.0", kAssociated), d);
  EXPECT_TRUE(d.empty()) << d.items().front().message;
  ASSERT_EQ(a.records.size(), 2u);
  EXPECT_EQ(a.records[0].network, "IDC_SEIS");
  ASSERT_EQ(a.records[0].extra_magnitudes.size(), 1u);
  EXPECT_EQ(a.records[0].extra_magnitudes[0].amplitude, 82.8);
  EXPECT_EQ(a.records[0].extra_magnitudes[0].type, "mb");
  EXPECT_EQ(a.records[0].extra_magnitudes[0].indicator, "<");
  EXPECT_EQ(a.records[0].extra_magnitudes[0].value, 4.2);
  EXPECT_EQ(a.records[1].slowness_residual, -999.0);
  auto text = write_arrival(a);
  ASSERT_TRUE(text) << text.error();
  EXPECT_EQ(*text, kAssociated) << *text;
}

TEST(Arrival, CanonicalAutomaticTextIsWrittenBackByteForByte) {
  const std::string body =
      "Net       Sta   BeamID          Date       Time      Phase     Azim  Slow   SNR       Amp   Per   STA "
      "  Dur "
      "Author       DetID\n"
      "          I32KE fkb          2016/06/01 00:00:00.000 N        285.6 322.7   1.0       0.0 -1.00  -1.0 "
      " 12.5 "
      "DFX       114378843\n";
  Diagnostics d;
  const Arrival a = read_arrival(section_with_body("SLSD:AUTOMATIC IMS2.0", body), d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(a.records.size(), 1u);
  EXPECT_EQ(a.records[0].beam_id, "fkb");
  EXPECT_EQ(a.records[0].duration, 12.5);
  auto text = write_arrival(a);
  ASSERT_TRUE(text) << text.error();
  EXPECT_EQ(*text, body);
}

TEST(Arrival, LetterInNumericFieldIsAnErrorAtItsColumn) {
  const std::string line =
      "IDC_SEIS  MJAR    6.62 327.2 Pn       2021/12/01 02:09:46.763   0.2 1x5.9  11.2  10.7  -3.1 TAS   5.7 "
      "      "
      "0.1  0.33 a__ ML     2.7 21425704 IDC_SEL3  165853767\n";
  Diagnostics d;
  const Arrival a = read_arrival(section_with_body("ARRIVAL:ASSOCIATED IMS2.0", line), d);
  EXPECT_TRUE(a.records.empty());
  ASSERT_EQ(d.error_count(), 1u) << testing::dump(d);
  EXPECT_EQ(d.items()[0].line, 5);
  EXPECT_EQ(d.items()[0].column, 69);
  EXPECT_EQ(d.items()[0].rule, "6.4.1");
  EXPECT_NE(d.items()[0].message.find("azimuth"), std::string::npos);
}

TEST(Arrival, BadDateIsAnErrorAtTheDateColumn) {
  const std::string line =
      "          CMIG               2021/13/01 02:05:35.294 N        191.0   2.6   8.7       1.6  0.17   2.0 "
      "      "
      "IDC_SEL3  165854646\n";
  Diagnostics d;
  const Arrival a = read_arrival(section_with_body("ARRIVAL:UNASSOCIATED IMS2.0", line), d);
  EXPECT_TRUE(a.records.empty());
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].line, 5);
  EXPECT_EQ(d.items()[0].column, 30);
  EXPECT_EQ(d.items()[0].rule, "6.4.1");
}

TEST(Arrival, UnknownLineIsAnError) {
  Diagnostics d;
  read_arrival(section_with_body("ARRIVAL:REVIEWED IMS2.0", "this is not an arrival\n"), d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].line, 5);
}

TEST(Arrival, WriterFailsRatherThanShiftColumns) {
  Arrival a;
  a.subtype = ArrivalSubtype::reviewed;
  a.records.push_back({});
  a.records[0].station = "TOOLONG";
  a.records[0].time = at(2020, 1, 1, 0, 0, 0, 0);
  EXPECT_FALSE(write_arrival(a));
}

TEST(Arrival, SubtypeNames) {
  EXPECT_EQ(arrival_subtype(""), ArrivalSubtype::associated);
  EXPECT_EQ(arrival_subtype("unassociated"), ArrivalSubtype::unassociated);
  EXPECT_EQ(arrival_subtype("nonsense"), std::nullopt);
  EXPECT_EQ(arrival_subtype_name(ArrivalSubtype::grouped), "GROUPED");
}

}  // namespace
}  // namespace imsgate::ims2::shi
