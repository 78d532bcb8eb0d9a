#include "ims2/shi/response.hpp"

#include <gtest/gtest.h>

#include "shi_test_support.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::describe;
using testing::example_section;
using testing::text_section;

TEST(Response, ReadsExampleI27) {
  Diagnostics d;
  const Response r = read_response(example_section("I.27-response.msg"), d);
  // The spec elides most FIR2 factors: those three blocks are short, and nothing else is wrong.
  EXPECT_EQ(d.error_count(), 4u) << describe(d);
  for (const auto& item : d)
    if (item.severity == Severity::error) {
      EXPECT_NE(item.message.find("factors but only"), std::string::npos) << item.message;
      EXPECT_EQ(item.column, 36);
    }
  ASSERT_EQ(r.channels.size(), 1u);
  const ChannelResponse& ch = r.channels[0];
  EXPECT_EQ(ch.cal.station, "STKA");
  EXPECT_EQ(ch.cal.channel, "BHZ");
  EXPECT_EQ(ch.cal.instrument, "CMG3TB");
  EXPECT_EQ(ch.cal.sensitivity, 6.28e-03);
  EXPECT_EQ(ch.cal.period, 1.0);
  EXPECT_EQ(ch.cal.sample_rate, 40.0);
  EXPECT_EQ(ch.cal.start, std::chrono::sys_days{std::chrono::year{2020} / 5 / 15});
  EXPECT_EQ(ch.cal.end, std::nullopt);
  ASSERT_EQ(ch.comments.size(), 1u);
  EXPECT_EQ(ch.comments[0], "Note: the group delay is unknown and set to zero");
  ASSERT_EQ(ch.stages.size(), 8u);
  const auto& paz = std::get<Paz2>(ch.stages[0].block);
  EXPECT_EQ(paz.stage, 1);
  EXPECT_EQ(paz.units, "C");
  EXPECT_EQ(paz.scale, 1.44854388e10);
  EXPECT_EQ(paz.decimation, 0);
  ASSERT_EQ(paz.poles.size(), 5u);
  ASSERT_EQ(paz.zeros.size(), 3u);
  EXPECT_EQ(paz.poles[3], std::complex<double>(-3.7008e-02, -3.7008e-02));
  EXPECT_EQ(paz.description, "instrument:theoretical");
  EXPECT_EQ(ch.stages[0].comments.size(), 2u);
  const auto& dig = std::get<Dig2>(ch.stages[2].block);
  EXPECT_EQ(dig.stage, 3);
  EXPECT_EQ(dig.sample_rate, 30000.0);
  const auto& fir = std::get<Fir2>(ch.stages[3].block);
  EXPECT_EQ(fir.stage, 4);
  EXPECT_EQ(fir.gain, 1.0);
  EXPECT_EQ(fir.decimation, 15);
  EXPECT_EQ(fir.symmetry, "A");
  EXPECT_EQ(fir.factors.size(), 27u);  // 177 announced, 27 printed
  EXPECT_EQ(fir.factors[0], -1.505963e-10);
  EXPECT_EQ(std::get<Paz2>(ch.stages[7].block).zeros.size(), 1u);
}

constexpr std::string_view kCanonical =
    "CAL2 STKA  BHZ      CMG3TB  6.28000000e-03   1.000    40.00000 2020/05/15 00:00 2021/01/01 12:30\n"
    " (Note: the group delay is unknown and set to zero)\n"
    "PAZ2  1 C  1.44854388e+10                 2   1 instrument:theoretical\n"
    " -5.02654800e+02  0.00000000e+00\n"
    " -3.70080000e-02 -3.70080000e-02\n"
    "  0.00000000e+00  0.00000000e+00\n"
    "FAP2  2 V    1    0.000   2 fap stage\n"
    "    1.00000  1.00000000e+00   -5\n"
    "   10.00000  5.00000000e-01  -90\n"
    "GEN2  3 V  2.00000000e+00   1.000    1    0.000   1 generic\n"
    "     0.50000 -20.00\n"
    "DIG2  4  4.00000000e+05 30000.00000 digitizer:theoretical\n"
    "FIR2  5   1.00e+00   15    0.012 A    6 digitizer:theoretical\n"
    " -1.50596300e-10 -1.49886400e-10 -1.00311400e-10  1.25946400e-10  7.96045200e-10\n"
    "  2.42982600e-09\n"
    " (The scale factor is set to 1.0)\n"
    "\n"
    "CAL2 STKA  BHN ab   CMG3TB  6.28000000e-03   1.000    40.00000 2020/05/15 00:00\n";

TEST(Response, CanonicalTextRoundTripsByteForByte) {
  Diagnostics d;
  const Response r = read_response(text_section("RESPONSE", std::string(kCanonical)), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  ASSERT_EQ(r.channels.size(), 2u);
  ASSERT_EQ(r.channels[0].stages.size(), 5u);
  const auto& paz = std::get<Paz2>(r.channels[0].stages[0].block);
  EXPECT_EQ(paz.decimation, std::nullopt);  // blank for an analogue stage, not zero
  EXPECT_EQ(paz.correction, std::nullopt);
  EXPECT_EQ(std::get<Fap2>(r.channels[0].stages[1].block).triplets[1].phase, -90);
  EXPECT_EQ(std::get<Gen2>(r.channels[0].stages[2].block).corners[0].slope, -20.0);
  EXPECT_EQ(std::get<Fir2>(r.channels[0].stages[4].block).correction, 0.012);
  EXPECT_EQ(r.channels[0].stages[4].comments, std::vector<std::string>{"The scale factor is set to 1.0"});
  EXPECT_EQ(r.channels[1].cal.aux, "ab");
  EXPECT_EQ(write_response(r).value(), kCanonical);
}

TEST(Response, ExampleRoundTripsThroughTheWriter) {
  Diagnostics d;
  const Response r = read_response(example_section("I.27-response.msg"), d);
  auto text = write_response(r);
  ASSERT_TRUE(text) << text.error();
  Diagnostics again;
  EXPECT_EQ(read_response(text_section("RESPONSE", *text), again), r);
  EXPECT_TRUE(again.empty()) << describe(again);
}

TEST(Response, TruncatedPaz2IsAnErrorAtThePoleCount) {
  std::string text(kCanonical);
  text.erase(text.find("  0.00000000e+00  0.00000000e+00\n"), 33);  // the zero
  Diagnostics d;
  read_response(text_section("RESPONSE", text), d);
  ASSERT_EQ(d.error_count(), 1u) << describe(d);
  const Diagnostic& e = d.items()[0];
  EXPECT_EQ(e.line, 4);  // the PAZ2 line
  EXPECT_EQ(e.column, 41);
  EXPECT_EQ(e.rule, "6.3.1");
  EXPECT_EQ(e.message, "PAZ2 announces 3 poles and zeros but only 2 follow");
}

TEST(Response, LetterInAPoleIsAnError) {
  std::string text(kCanonical);
  text.replace(text.find("-5.02654800e+02"), 2, "-X");
  Diagnostics d;
  read_response(text_section("RESPONSE", text), d);
  ASSERT_EQ(d.error_count(), 1u) << describe(d);
  EXPECT_EQ(d.items()[0].line, 5);
  EXPECT_EQ(d.items()[0].column, 2);
  EXPECT_NE(d.items()[0].message.find("real part"), std::string::npos);
}

TEST(Response, BadCalDateAndMissingStage) {
  std::string text(kCanonical);
  text.replace(text.find("2020/05/15 00:00 2021"), 10, "2020/02/30");
  text.replace(text.find("DIG2  4"), 7, "DIG2   ");
  Diagnostics d;
  read_response(text_section("RESPONSE", text), d);
  ASSERT_EQ(d.error_count(), 2u) << describe(d);
  EXPECT_EQ(d.items()[0].line, 2);
  EXPECT_EQ(d.items()[0].column, 64);
  EXPECT_EQ(d.items()[1].line, 13);
  EXPECT_EQ(d.items()[1].column, 6);
  EXPECT_NE(d.items()[1].message.find("stage number"), std::string::npos);
}

TEST(Response, UnknownLineIsAnError) {
  Diagnostics d;
  read_response(text_section("RESPONSE", std::string(kCanonical) + "  XYZ2 1\n"), d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].line, 20);
  EXPECT_EQ(d.items()[0].column, 3);
}

}  // namespace
}  // namespace imsgate::ims2::shi
