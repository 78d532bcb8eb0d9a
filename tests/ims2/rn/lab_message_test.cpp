#include "ims2/rn/lab_message.hpp"

#include <gtest/gtest.h>

#include "ims2/rn/lab_test_support.hpp"

namespace imsgate::ims2::rn {
namespace {

using testing::at;
using testing::describe;
using testing::text_section;

// §7.4 has no example: one message of each type, built from Tables 120-124.
constexpr std::string_view kPresdn = R"(#Header
Routine
SEL07 07202201150511
Category A
2022/01/18 09:12:00.0
#LabDataVersion
IMS2.0
#Comment
The sample of 2022/01/15 will be sent to SEL07 for network QC.
)";

constexpr std::string_view kTecsdn = R"(#Header
Urgent
SEL07 07202201150511
Category A
2022/01/20 16:40:10.0
#LabDataVersion
IMS2.0
#Recipient
07202201150511
Jane Doe
+46 8 123 456 00
Radionuclide Laboratory SEL07
Box 123
SE-101 23 Stockholm
#Transport
World Courier
2022/01/20 15:30
2022/01/24 10:00
AWB 123-4567 8901
IMS-2022-0042
)";

constexpr std::string_view kLabsdn = R"(#Header
Urgent
SEL07 07202201150511
Category B
2022/01/20 16:40:10.0
#LabDataVersion
IMS2.0
#Recipient
07202201150511
Jane Doe
+46 8 123 456 00
Radionuclide Laboratory SEL07
Box 123
#Transport
World Courier
2022/01/20 15:30
2022/01/24 10:00
AWB 123-4567 8901
IMS-2022-0042
#Collection
2022/01/15 05:00:12.0 2022/01/16 05:01:40.0 21350.5
#P_StationSample
Environmental sample
5.00 0.45 -9999
8.80
-99999999 -9999 PVC
Compressed cylinder
#P_IDCActivitySummary
~NuclidesNotQuantified
K-40
~NaturalNuclides
BE-7     53.290 D      3.3858e-03  2.23
~ActivationProducts
0 0 -9999999999 -9999
~FissionProducts
CS-137   30.05 Y       1.2000e-05 12.50
#P_IDCEventScreeningFlags
N 0
Y 12
N Never Seen
Y 2
#P_Split
4.40 10675.25 5.00
Cut into two halves.
#Objective
~AnalysisPurpose
Level 5 sample: confirm CS-137
~TestsAuthorized
High resolution gamma spectrometry
~SpecialInstructions
0
)";

constexpr std::string_view kMesack = R"(#Header
Routine
SEL07 07202201150511
Category B
2022/01/21 08:00:00.0
#LabDataVersion
IMS2.0
#MessageReceipt
2022/01/20 17:02
)";

constexpr std::string_view kSamack = R"(#Header
Routine
SEL07 07202201150511
Category B
2022/01/24 12:00:00.0
#LabDataVersion
IMS2.0
#SampleReceipt
07202201150511
IMS-2022-0042
2022/01/24 10:12:00.0
~PackageCondition
Good
~SealCondition
Intact
~SampleCondition
Good
)";

constexpr std::string_view kDatreq = R"(#Header
Routine
SEL07 07202201150511
Category B
2022/02/01 07:30:00.0
#LabDataVersion
IMS2.0
#Comment
Please send the preliminary RLR by 2022/02/04.
)";

constexpr std::string_view kAddins = R"(#Header
Urgent
SEL07 07202201150511
Category B
2022/02/02 07:30:00.0
#LabDataVersion
IMS2.0
#Comment
Measure the second half of the split for 3 days.
)";

constexpr std::string_view kMisc = R"(#Header
Routine
SEL07 07202201150511
Category B
2022/02/03 07:30:00.0
#LabDataVersion
IMS2.0
#MessageReceipt
2022/02/02 08:00
#Comment
The laboratory will be closed on 2022/02/10.
)";

constexpr std::string_view kNobleGasLabsdn = R"(#Header
Routine
SEL07 09202201150511X
Category XE
2022/01/20 16:40:10.0
#LabDataVersion
IMS2.0
#Recipient
09202201150511X
Jane Doe
+46 8 123 456 00
Radionuclide Laboratory SEL07
Box 123
#Transport
World Courier
2022/01/20 15:30
2022/01/24 10:00
AWB 123-4567 8901
0
#Collection
2022/01/15 05:00:12.0 2022/01/15 17:01:40.0 14.25
#X_StationSample
Environmental Sample
1.20 5.00
SAUNA Archive bottle 1
#X_IDCActivitySummary
~other
RN-222   1.2000e+03    5.00
~Radio-xenon
XE-133   5.2441 D      2.6434e+01  1.32  1.3085e+01  6.53
#X_IDCEventScreeningFlags
Y
Y
12
N
Y 3
N
N
N
N
#X_Split
0.60 0.02 7.12 3.00
Half of the archive bottle.
#Objective
~AnalysisPurpose
Level C sample
~TestsAuthorized
Beta-gamma coincidence spectroscopy
~SpecialInstructions
-
)";

struct Read {
  std::optional<LabMessageSection> section;
  Diagnostics diagnostics;
};

Read read(std::string_view type, std::string_view body, Mode mode = Mode::lenient) {
  Read r;
  r.section = read_lab_message_section(text_section(type, std::string(body)), r.diagnostics, mode);
  return r;
}

const LabMessage& only(const Read& r) {
  EXPECT_TRUE(r.section);
  EXPECT_EQ(r.section->messages.size(), 1u);
  return r.section->messages.at(0);
}

void expect_round_trip(const LabMessageSection& section, std::string_view type) {
  const auto written = write_lab_message_section(section);
  ASSERT_TRUE(written) << written.error();
  Diagnostics d;
  const auto again = read_lab_message_section(text_section(type, *written), d);
  ASSERT_TRUE(again);
  EXPECT_TRUE(d.empty()) << describe(d) << *written;
  EXPECT_EQ(*again, section) << *written;
  EXPECT_EQ(write_lab_message_section(*again), written);
}

TEST(LabMessageType, NamesWithoutBlanksInAnyCase) {
  EXPECT_EQ(lab_message_type("LABSDN"), LabMessageType::labsdn);
  EXPECT_EQ(lab_message_type("presdn"), LabMessageType::presdn);
  EXPECT_EQ(lab_message_type("DatReq"), LabMessageType::datreq);
  EXPECT_EQ(lab_message_type("LAB SDN"), std::nullopt);
  EXPECT_EQ(lab_message_type("RLR"), std::nullopt);
  EXPECT_EQ(lab_message_type_name(LabMessageType::addins), "ADDINS");
}

TEST(LabMessages, Presdn) {
  const Read r = read("PRESDN", kPresdn);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  const LabMessage& m = only(r);
  EXPECT_EQ(r.section->type, LabMessageType::presdn);
  EXPECT_EQ(m.header.priority, Priority::routine);
  EXPECT_EQ(m.header.lab, "SEL07");
  EXPECT_EQ(m.header.srid, "07202201150511");
  EXPECT_EQ(m.header.category, "A");
  EXPECT_EQ(m.header.transmitted, at("2022/01/18", "09:12:00"));
  EXPECT_EQ(m.data_version->version, "IMS2.0");
  EXPECT_EQ(m.comment, TextLines{"The sample of 2022/01/15 will be sent to SEL07 for network QC."});
  expect_round_trip(*r.section, "PRESDN");
}

TEST(LabMessages, Tecsdn) {
  const Read r = read("TECSDN", kTecsdn);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  const LabMessage& m = only(r);
  EXPECT_EQ(m.header.priority, Priority::urgent);
  ASSERT_TRUE(m.recipient);
  EXPECT_EQ(m.recipient->srid, "07202201150511");
  EXPECT_EQ(m.recipient->contact, "Jane Doe");
  EXPECT_EQ(m.recipient->phone, "+46 8 123 456 00");
  EXPECT_EQ(m.recipient->organization, "Radionuclide Laboratory SEL07");
  EXPECT_EQ(m.recipient->address, (TextLines{"Box 123", "SE-101 23 Stockholm"}));
  ASSERT_TRUE(m.transport);
  EXPECT_EQ(m.transport->courier, "World Courier");
  EXPECT_EQ(m.transport->handover, at("2022/01/20", "15:30:00"));
  EXPECT_EQ(m.transport->estimated_arrival, at("2022/01/24", "10:00:00"));
  EXPECT_EQ(m.transport->airway_bill, "AWB 123-4567 8901");
  EXPECT_EQ(m.transport->seal_number, "IMS-2022-0042");
  expect_round_trip(*r.section, "TECSDN");
}

TEST(LabMessages, Labsdn) {
  const Read r = read("LABSDN", kLabsdn);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  const LabMessage& m = only(r);
  EXPECT_EQ(m.collection->start, at("2022/01/15", "05:00:12"));
  EXPECT_EQ(m.collection->air_volume, 21350.5);
  ASSERT_TRUE(m.p_station_sample);
  EXPECT_EQ(m.p_station_sample->thickness, 0.45);
  EXPECT_EQ(m.p_station_sample->width, std::nullopt);
  ASSERT_TRUE(m.p_activity_summary);
  EXPECT_EQ(m.p_activity_summary->fission.at(0).nuclide, "CS-137");
  EXPECT_EQ(m.p_activity_summary->fission.at(0).half_life, "30.05 Y");
  EXPECT_EQ(m.p_activity_summary->fission.at(0).concentration, 1.2e-05);
  ASSERT_TRUE(m.p_screening_flags);
  EXPECT_EQ(m.p_screening_flags->one_fission_product, (ScreeningFlag{true, "12"}));
  EXPECT_EQ(m.p_screening_flags->several_fission_products, (ScreeningFlag{false, "Never Seen"}));
  ASSERT_TRUE(m.p_split);
  EXPECT_EQ(m.p_split->air_volume, 10675.25);
  EXPECT_EQ(m.p_split->description, TextLines{"Cut into two halves."});
  EXPECT_EQ(m.objective->analysis_purpose, TextLines{"Level 5 sample: confirm CS-137"});
  EXPECT_EQ(m.objective->special_instructions, TextLines{"0"});
  expect_round_trip(*r.section, "LABSDN");
}

TEST(LabMessages, NobleGasLabsdn) {
  const Read r = read("LABSDN", kNobleGasLabsdn);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  const LabMessage& m = only(r);
  EXPECT_EQ(m.transport->seal_number, "");  // "0": missing text
  ASSERT_TRUE(m.x_station_sample);
  EXPECT_EQ(m.x_station_sample->xe_volume, 1.2);
  ASSERT_TRUE(m.x_activity_summary);
  EXPECT_EQ(m.x_activity_summary->other.at(0).counts, 1200.0);
  const LabXenonActivity& xe133 = m.x_activity_summary->xenon.at(0);
  EXPECT_EQ(xe133.half_life, "5.2441 D");
  EXPECT_EQ(xe133.activity, 26.434);
  EXPECT_EQ(xe133.concentration_uncertainty, 6.53);
  ASSERT_TRUE(m.x_screening_flags);
  EXPECT_EQ(m.x_screening_flags->xenon_present, true);
  EXPECT_EQ(m.x_screening_flags->days_since_last_xenon, "12");
  EXPECT_EQ(m.x_screening_flags->several_xenon_isotopes, false);
  EXPECT_EQ(m.x_screening_flags->xe133, (ScreeningFlag{true, "3"}));
  EXPECT_EQ(m.x_screening_flags->xe133m_over_xe133_above_0_3, false);
  ASSERT_TRUE(m.x_split);
  EXPECT_EQ(m.x_split->air_volume, 7.12);
  expect_round_trip(*r.section, "LABSDN");
}

TEST(LabMessages, Mesack) {
  const Read r = read("MESACK", kMesack);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  EXPECT_EQ(only(r).message_receipt->received, at("2022/01/20", "17:02:00"));
  expect_round_trip(*r.section, "MESACK");
}

TEST(LabMessages, Samack) {
  const Read r = read("SAMACK", kSamack);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  const SampleReceipt& s = *only(r).sample_receipt;
  EXPECT_EQ(s.srid, "07202201150511");
  EXPECT_EQ(s.seal_number, "IMS-2022-0042");
  EXPECT_EQ(s.received, at("2022/01/24", "10:12:00"));
  EXPECT_EQ(s.seal_condition, TextLines{"Intact"});
  expect_round_trip(*r.section, "SAMACK");
}

TEST(LabMessages, DatreqAddinsMisc) {
  for (auto [type, body, comment] :
       {std::tuple{"DATREQ", kDatreq, "Please send the preliminary RLR by 2022/02/04."},
        std::tuple{"ADDINS", kAddins, "Measure the second half of the split for 3 days."},
        std::tuple{"MISC", kMisc, "The laboratory will be closed on 2022/02/10."}}) {
    const Read r = read(type, body);
    EXPECT_TRUE(r.diagnostics.empty()) << type << describe(r.diagnostics);
    EXPECT_EQ(only(r).comment, TextLines{comment});
    EXPECT_EQ(lab_message_type_name(r.section->type), type);
    expect_round_trip(*r.section, type);
  }
  EXPECT_EQ(only(read("MISC", kMisc)).message_receipt->received, at("2022/02/02", "08:00:00"));
}

TEST(LabMessages, SeveralMessagesInOneSection) {
  const std::string two = std::string(kMesack) + "TIME_STAMP 2022/01/21 08:00:05\n" + std::string(kMesack);
  const Read r = read("MESACK", two);
  ASSERT_TRUE(r.section);
  EXPECT_EQ(r.section->messages.size(), 2u);
  EXPECT_EQ(r.section->time_stamps.size(), 1u);
  expect_round_trip(*r.section, "MESACK");
}

TEST(LabMessages, UnprefixedBlocksTakeTheSamplesPrefix) {
  std::string body(kNobleGasLabsdn);
  body.replace(body.find("#X_StationSample"), 16, "#StationSample");
  const Read r = read("LABSDN", body);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(r.diagnostics.items()[0].message,
            "'#StationSample' read as '#X_StationSample': the block takes the P_ or X_ prefix of the sample");
  EXPECT_EQ(only(r).x_station_sample->container_type, "SAUNA");
  const Read strict = read("LABSDN", body, Mode::strict);
  EXPECT_EQ(strict.diagnostics.error_count(), 1u);
}

struct Malformed {
  std::string_view name;
  std::string_view type;
  std::string_view body;
  std::string_view from;
  std::string_view to;
  int line;
  int column;
  std::string_view message;
};

class LabMessageMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(LabMessageMalformed, IsAnErrorWhereItIs) {
  const Malformed& m = GetParam();
  std::string body(m.body);
  const auto pos = body.find(m.from);
  ASSERT_NE(pos, std::string::npos);
  body.replace(pos, m.from.size(), m.to);
  const Read r = read(m.type, body);
  ASSERT_TRUE(r.section);
  ASSERT_FALSE(r.diagnostics.empty()) << m.name;
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::error) << describe(r.diagnostics);
  EXPECT_EQ(d.line, m.line) << describe(r.diagnostics);
  EXPECT_EQ(d.column, m.column) << describe(r.diagnostics);
  EXPECT_EQ(d.message, m.message);
  EXPECT_FALSE(d.rule.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, LabMessageMalformed,
    ::testing::Values(
        Malformed{"missing_required_block", "LABSDN", kLabsdn, "#Objective", "#Objectives", 2, 1,
                  "a LABSDN message has no #Objective block (Table 120)"},
        Malformed{"block_not_of_the_type", "MESACK", kMesack, "#MessageReceipt",
                  "#Transport\nDHL\n2022/01/20 15:30\n2022/01/24 10:00\n1\n2\n#MessageReceipt", 9, 1,
                  "#Transport is not a block of a particulate MESACK message (Table 120)"},
        Malformed{"bad_hour_minute", "MESACK", kMesack, "17:02", "17:62", 10, 12,
                  "'17:62' is not a valid receipt time: expected hh:mm"},
        Malformed{"arrival_before_handover", "TECSDN", kTecsdn, "2022/01/24 10:00", "2022/01/19 10:00", 19, 1,
                  "the estimated arrival is before the handover"},
        Malformed{
            "bad_category", "PRESDN", kPresdn, "Category A", "Category Z", 5, 1,
            "'Category Z' is not a sample category: expected 'Category' and one of A, B, C, D, E, K, XA, "
            "XC, XD, XE, XK"},
        Malformed{
            "category_against_blocks", "LABSDN", kLabsdn, "Category B", "Category XB", 5, 1,
            "'Category XB' is not a sample category: expected 'Category' and one of A, B, C, D, E, K, XA, "
            "XC, XD, XE, XK"},
        Malformed{"category_of_the_other_kind", "LABSDN", kLabsdn, "Category B", "Category XE", 2, 1,
                  "Category XE does not match the message's P_ blocks"},
        Malformed{"text_in_numeric_field", "LABSDN", kLabsdn, "4.40 10675.25", "4.40 10,675.25", 44, 6,
                  "'10,675.25' is not a valid split air volume: expected a number"},
        Malformed{"bad_flag", "LABSDN", kLabsdn, "Y 12", "Yes 12", 40, 1,
                  "'Yes' is not a valid flag: expected Y or N"},
        Malformed{"missing_address", "TECSDN", kTecsdn, "Box 123\nSE-101 23 Stockholm\n", "", 9, 1,
                  "#Recipient has no address record"},
        Malformed{"bad_priority", "DATREQ", kDatreq, "Routine", "Later", 3, 1,
                  "'Later' is not a priority: expected Urgent or Routine"}),
    [](const ::testing::TestParamInfo<Malformed>& info) { return std::string(info.param.name); });

TEST(LabMessageMalformedInput, NotALabTypeOrNoMessage) {
  Diagnostics d;  // another family's type is not this reader's to judge
  EXPECT_FALSE(read_lab_message_section(text_section("RLR", std::string(kMesack)), d));
  EXPECT_TRUE(d.empty());
  Diagnostics empty;
  EXPECT_FALSE(read_lab_message_section(text_section("MISC", ""), empty));
  EXPECT_TRUE(empty.has_errors());
}

TEST(LabMessageWriter, RefusesWhatDoesNotFit) {
  LabMessageSection section;
  section.type = LabMessageType::mesack;
  LabMessage& m = section.messages.emplace_back();
  m.header.lab = "SEL07-TOO-LONG";
  const auto text = write_lab_message_section(section);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().find("laboratory code 'SEL07-TOO-LONG' does not fit in columns 1-5"),
            std::string::npos)
      << text.error();
}

}  // namespace
}  // namespace imsgate::ims2::rn
