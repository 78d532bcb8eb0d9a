#include <memory>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/rn/section.hpp"
#include "vdms/engine.hpp"
#include "vdms/loaded_store.hpp"
#include "vdms/section_source.hpp"

namespace imsgate::vdms {
namespace {

using test::LoadedStore;

// The radionuclide request lines against the spec's example data and the demo data set (RN63: SEX63
// beta-gamma, SEP63 HPGe particulate, laboratory ATL03; 2026-11-01 and 02). The requests are the listings of
// chapter 4, with TIME and STA_LIST moved to the data loaded.
class ProductsRnTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = std::make_unique<LoadedStore>();
    ASSERT_GT(loaded_->load_spec_examples(), 20);
    ASSERT_GT(loaded_->load_demo_data(), 50);
    admin_ = loaded_->add_user("analyst@example.org", {"*:*"});
  }
  static void TearDownTestSuite() { loaded_.reset(); }

  static std::string request(std::string_view lines) {
    return fmt::format(
        "begin ims2.0\nmsg_type request\nmsg_id example any_ndc\ne-mail name@my.computer\n{}stop\n", lines);
  }

  // The response's sections, read back.
  static ims2::DataMessage ask(std::string_view lines, const store::UserRow& user = admin_) {
    int sequence = 0;
    Engine engine(loaded_->store(), {.source = "IMSGATE", .contact = ""},
                  [&] { return "RESP" + std::to_string(++sequence); });
    const Answer answer =
        engine.answer(request(lines), {user, user.email}, Channel::rest,
                      ims2::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}});
    EXPECT_EQ(answer.messages.size(), 1u);
    auto read = ims2::read_messages(answer.messages.at(0), {.read_data_sections = false});
    EXPECT_EQ(read.messages.size(), 1u) << answer.messages.at(0);
    return std::get<ims2::DataMessage>(read.messages.at(0));
  }

  static std::vector<ims2::DataSection> sections_of(const ims2::DataMessage& m, std::string_view type) {
    std::vector<ims2::DataSection> out;
    for (const auto& s : m.sections)
      if (s.header.type == type) out.push_back(s);
    return out;
  }

  static std::string body_of(const ims2::DataMessage& m, std::string_view type) {
    for (const auto& s : m.sections)
      if (s.header.type == type) return s.body;
    return {};
  }

  // The SRIDs of the PHDs of the sections, in order.
  static std::vector<std::string> srids(const std::vector<ims2::DataSection>& sections) {
    std::vector<std::string> out;
    for (const auto& section : sections) {
      ims2::Diagnostics diagnostics;
      const auto model = ims2::rn::read_section(section, diagnostics);
      EXPECT_TRUE(model && std::holds_alternative<ims2::rn::PhdSection>(*model)) << section.body;
      if (!model) continue;
      for (const auto& phd : std::get<ims2::rn::PhdSection>(*model).products) out.push_back(phd.header.srid);
    }
    return out;
  }

  // The text of the stored sections of a data type and station, as the store received them.
  static std::vector<std::string> stored_bodies(std::string_view type, std::string_view station) {
    SectionSource source(loaded_->store());
    std::vector<std::string> out;
    for (const auto& row : loaded_->store().items(type, station, std::nullopt, std::nullopt)) {
      auto section = source.section(row.message_id, row.section_index);
      EXPECT_TRUE(section) << section.error();
      if (section) out.push_back(section->body);
    }
    return out;
  }

  static bool contains(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
  }

  static inline std::unique_ptr<LoadedStore> loaded_;
  static inline store::UserRow admin_;
};

TEST_F(ProductsRnTest, SphdfAnswersTheFullSamplesCollectedInTimeAsTheyWereReceived) {
  // Listing 4.39 (sphdp, sphdf), STA_LIST and TIME moved to the demo's noble gas and particulate stations.
  const auto m = ask("time 2026/10/31 to 2026/11/02\nsta_list SE*\nsphdp\nsphdf\n");
  const auto samples = sections_of(m, "SAMPLEPHD");
  EXPECT_EQ(srids(samples), (std::vector<std::string>{"63202610310511X", "63202610311711X", "63202611010511X",
                                                      "63202611011711X"}));
  const auto stored = stored_bodies("SAMPLEPHD", "SEX63");
  for (const auto& section : samples) EXPECT_TRUE(contains(stored, section.body)) << section.body;
  const std::string log = body_of(m, "LOG");
  EXPECT_NE(log.find("SPHDP: no SPHDP data for STA_LIST SE* with collection start in TIME 2026/10/31 to "
                     "2026/11/02"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("SPHDF: found 4 SPHDF products of SEX63 (4)"), std::string::npos) << log;
}

TEST_F(ProductsRnTest, TheIdcsSphdfSectionsKeepTheirDataType) {
  // Listing 4.39 ("sta_list AU*"), for App. I.36's AUP09 sample and App. I.35.1's AUX04 one.
  const auto m = ask("time 2021/11/30 to 2021/12/01\nsta_list AU*\nsphdf\n");
  const auto samples = sections_of(m, "SPHDF");
  EXPECT_EQ(srids(samples), (std::vector<std::string>{"09202111300611", "04202111302311X"}));
  EXPECT_TRUE(sections_of(m, "SAMPLEPHD").empty());
}

TEST_F(ProductsRnTest, SphdpAnswersOnlyPreliminarySamples) {
  LoadedStore own;
  ASSERT_GT(own.load_demo_data(), 50);
  // The first full SEX63 sample again, as a preliminary one acquired for less time.
  std::string text;
  {
    SectionSource source(own.store());
    const auto rows = own.store().items("SAMPLEPHD", "SEX63", std::nullopt, std::nullopt);
    ASSERT_FALSE(rows.empty());
    auto section = source.section(rows.front().message_id, rows.front().section_index);
    ASSERT_TRUE(section);
    std::string body = section->body;
    const std::size_t full = body.find(" FULL");
    ASSERT_NE(full, std::string::npos);
    body.replace(full, 5, " PREL");
    text = "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID prel_1 SEX63\nDATA_TYPE SAMPLEPHD\n" + body + "STOP\n";
  }
  own.load(text, "SEX63");
  const auto user = own.add_user("prel@example.org", {"*:*"});
  int sequence = 0;
  Engine engine(own.store(), {.source = "IMSGATE", .contact = ""},
                [&] { return "R" + std::to_string(++sequence); });
  const Answer answer = engine.answer(request("time 2026/10/31 to 2026/11/02\nsta_list SEX63\nsphdp\n"),
                                      {user, user.email}, Channel::rest, ims2::TimePoint{});
  auto read = ims2::read_messages(answer.messages.at(0), {.read_data_sections = false});
  const auto& m = std::get<ims2::DataMessage>(read.messages.at(0));
  const auto samples = sections_of(m, "SAMPLEPHD");
  ASSERT_EQ(samples.size(), 1u);
  EXPECT_NE(samples[0].body.find(" PREL\n"), std::string::npos);
  EXPECT_EQ(srids(samples), (std::vector<std::string>{"63202610310511X"}));
}

TEST_F(ProductsRnTest, ArrAnswersTheStationsOfStaList) {
  // Listing 4.10: "sta_list FRP27 , RUP54" written the same way, for the example reports' stations.
  const auto m = ask("time_stamp\ntime 2022/05/01 to 2022/07/01\nsta_list MNX45 , USX75\narr\n");
  const auto reports = sections_of(m, "ARR");
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_NE(reports[0].body.find("MNX45"), std::string::npos);
  EXPECT_NE(reports[1].body.find("USX75"), std::string::npos);
  EXPECT_TRUE(contains(stored_bodies("ARR", "MNX45"), reports[0].body));
  EXPECT_TRUE(contains(stored_bodies("ARR", "USX75"), reports[1].body));
}

TEST_F(ProductsRnTest, BlankphdIsSelectedByAcquisitionStart) {
  // Listing 4.13, TIME moved to October 2026: SEP63's blank, not BRP11's of 2021.
  const auto m = ask("time_stamp\ntime 2026/10/01 to 2026/11/01\nblankphd\n");
  EXPECT_EQ(srids(sections_of(m, "BLANKPHD")), (std::vector<std::string>{"63000000000001"}));
}

TEST_F(ProductsRnTest, CalibphdSendsASectionOfTwoPhdsWhole) {
  // Listing 4.19, TIME moved to November 2021: App. I.9's section holds BRP11's and GBL15's calibrations.
  const auto m = ask("time_stamp\ntime 2021/11/01 to 2021/12/01\ncalibphd\n");
  const auto sections = sections_of(m, "CALIBPHD");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(srids(sections), (std::vector<std::string>{"11999999990002", "15999999990147"}));
  EXPECT_TRUE(contains(stored_bodies("CALIBPHD", "BRP11"), sections[0].body));
}

TEST_F(ProductsRnTest, ARefusedStationIsCutOutOfASectionItShares) {
  // Listing 4.19 again, for a user granted BRP11 only: GBL15's PHD is cut out, the rest sent as received.
  const auto user = loaded_->add_user("brazil@example.org", {"calibphd:BRP11"});
  const auto m = ask("time 2021/11/01 to 2021/12/01\ncalibphd\n", user);
  const auto sections = sections_of(m, "CALIBPHD");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(srids(sections), (std::vector<std::string>{"11999999990002"}));
  EXPECT_EQ(sections[0].body.find("GBL15"), std::string::npos);
  const std::string whole = stored_bodies("CALIBPHD", "BRP11").at(0);
  const std::size_t first = whole.find("#Header");
  const std::size_t second = whole.find("#Header", first + 1);
  EXPECT_EQ(sections[0].body, whole.substr(first, second - first));
  EXPECT_NE(body_of(m, "ERROR_LOG").find("CALIBPHD: station GBL15 refused: no grant of CALIBPHD for it"),
            std::string::npos)
      << body_of(m, "ERROR_LOG");
}

TEST_F(ProductsRnTest, DetbkphdAnswersEachStationOfTheList) {
  // Listing 4.24 with the stored detector backgrounds' stations and years.
  const auto m = ask("time_stamp\ntime 2021/01/01 to 2027/01/01\nsta_list USL16, SEX63, GBP66\ndetbkphd\n");
  EXPECT_EQ(srids(sections_of(m, "DETBKPHD")),
            (std::vector<std::string>{"16111111110040", "63111111110001X"}));
}

TEST_F(ProductsRnTest, GasbkphdAnswersTheDaysGasBackgrounds) {
  // Listing 4.27 for SEX63 on 2026-11-01.
  const auto m = ask("time 2026/11/01 to 2026/11/02\nsta_list SEX63\ngasbkphd\n");
  EXPECT_EQ(srids(sections_of(m, "GASBKPHD")),
            (std::vector<std::string>{"63202611010000X", "63202611011200X"}));
}

TEST_F(ProductsRnTest, MetAnswersThePeriodsThatMeetTime) {
  // Listing 4.28: App. I.22's CAP14 section (two groups) whole; then SEX63's on 2026-11-01.
  const auto cap = ask("time_stamp\ntime 2021/12/01 to 2021/12/02\nsta_list CAP14\nmet\n");
  const auto sections = sections_of(cap, "MET");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_TRUE(contains(stored_bodies("MET", "CAP14"), sections[0].body));

  const auto demo = ask("time 2026/11/01 to 2026/11/02\nsta_list SEX63\nmet\n");
  const auto stored = stored_bodies("MET", "SEX63");
  const auto days = sections_of(demo, "MET");
  ASSERT_EQ(days.size(), 2u);  // 00-12 and 12-24; the one ending at 00:00 is not in
  for (const auto& section : days) EXPECT_TRUE(contains(stored, section.body));
}

TEST_F(ProductsRnTest, MetSendsOnlyTheGroupsThatMeetTime) {
  // Listing 4.28 for the second of App. I.22's two CAP14 groups (13:10 to 15:10): the first ends at 13:10.
  const auto m = ask("time 2021/12/01 13:10 to 2021/12/01 14:00\nsta_list CAP14\nmet\n");
  const std::string whole = stored_bodies("MET", "CAP14").at(0);
  const std::size_t second = whole.find("CAP14\n", 1);
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(body_of(m, "MET"), whole.substr(second));
}

TEST_F(ProductsRnTest, AlertFlowCutsTheStationsAlertsOutOfTheIdcsSection) {
  // Listing 4.6, for AUP10 in the first five days of App. I.1.1's alerts.
  const auto m = ask("time_stamp\ntime 2021/12/01 to 2021/12/06\nsta_list AUP10\nalert_flow\n");
  EXPECT_EQ(body_of(m, "ALERT_FLOW"),
            "AUP10 ALERT_FLOW 2021/12/02 02:15:58\nLow Flow - Alerting Operator.\n"
            "AUP10 ALERT_FLOW 2021/12/05 01:41:51\nLow Flow - Alerting Operator.\n");
}

TEST_F(ProductsRnTest, AlertSystemWithAWildcard) {
  // Listing 4.7: "sta_list RU*", TIME moved to App. I.1.2's day.
  const auto m = ask("time 2021/12/01 to 2021/12/02\nsta_list RU*\nalert_system\n");
  const auto sections = sections_of(m, "ALERT_SYSTEM");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_TRUE(contains(stored_bodies("ALERT_SYSTEM", "RUP58"), sections[0].body));
}

TEST_F(ProductsRnTest, AlertTempAndUps) {
  // Listings 4.8 and 4.9 for the example alerts' stations.
  const auto m = ask("time 2021/11/01 to 2021/12/31\nsta_list GBX66\nalert_temp\nsta_list US*\nalert_ups\n");
  EXPECT_NE(body_of(m, "ALERT_TEMP").find("GBX66 ALERT_TEMP"), std::string::npos);
  const std::string ups = body_of(m, "ALERT_UPS");
  EXPECT_NE(ups.find("USP77 ALERT_UPS 2021/12/01 02:53:35"), std::string::npos) << ups;
  EXPECT_NE(ups.find("USP77 ALERT_UPS 2021/12/01 22:49:28"), std::string::npos) << ups;
  EXPECT_EQ(ups.find("AUP09"), std::string::npos) << ups;
}

TEST_F(ProductsRnTest, QcphdAnswersTheDaysQualityControl) {
  // Listing 4.33 for SEP63 on 2026-11-01.
  const auto m = ask("time 2026/11/01 to 2026/11/02\nsta_list SEP63\nqcphd\n");
  EXPECT_EQ(srids(sections_of(m, "QCPHD")), (std::vector<std::string>{"63888888880001"}));
}

TEST_F(ProductsRnTest, RlrIsSelectedByTheLaboratorysCode) {
  // Listing 4.35: "sta_list AUL02" is a laboratory; here the demo's ATL03, whose 2019 report is not in TIME.
  const auto m = ask("time_stamp\ntime 2026/10/01 to 2026/12/01\nsta_list ATL03\nrlr\n");
  const auto sections = sections_of(m, "RLR");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_NE(sections[0].body.find("63202610290611"), std::string::npos);
  EXPECT_TRUE(contains(stored_bodies("RLR", "ATL03"), sections[0].body));
}

TEST_F(ProductsRnTest, RmssohAnswersTheReportsOfThePeriod) {
  // Listing 4.36: "sta_list GB*", TIME moved to App. I.31's report.
  const auto m = ask("time 2021/12/01 to 2021/12/02\nsta_list GB*\nrmssoh\n");
  const auto sections = sections_of(m, "RMSSOH");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_TRUE(contains(stored_bodies("RMSSOH", "GBP68"), sections[0].body));
}

TEST_F(ProductsRnTest, RnpsIsSentWholeAndNeedsAGrantForAllStations) {
  // Listing 4.37, TIME moved to App. I.32's creation day.
  const auto m = ask("time_stamp\ntime 2021/12/10 to 2021/12/11\nrnps\n");
  const auto sections = sections_of(m, "RNPS");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_TRUE(contains(stored_bodies("RNPS", "SEX63"), sections[0].body));

  const auto user = loaded_->add_user("one-station@example.org", {"rnps:SEX63"});
  const auto refused = ask("time 2021/12/10 to 2021/12/11\nrnps\n", user);
  EXPECT_TRUE(sections_of(refused, "RNPS").empty());
  EXPECT_NE(body_of(refused, "ERROR_LOG").find("RNPS: refused: no grant of RNPS for all stations"),
            std::string::npos)
      << body_of(refused, "ERROR_LOG");
}

TEST_F(ProductsRnTest, RrrAnswersTheReviewedReports) {
  // Listing 4.38 with "sta_list MN*" for App. I.33.3's report; its ARR is not sent.
  const auto m = ask("time_stamp\ntime 2022/05/01 to 2022/06/01\nsta_list MN*\nrrr\n");
  const auto sections = sections_of(m, "RRR");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_TRUE(contains(stored_bodies("RRR", "MNX45"), sections[0].body));
  EXPECT_TRUE(sections_of(m, "ARR").empty());
}

TEST_F(ProductsRnTest, SsrebIsSelectedByItsSample) {
  // Listing 4.40, TIME moved to App. I.38's sample.
  const auto m = ask("time 2022/02/01 to 2022/03/01\nssreb\n");
  const auto sections = sections_of(m, "SSREB");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_TRUE(contains(stored_bodies("SSREB", "AUP09"), sections[0].body));
}

TEST_F(ProductsRnTest, RevsampThatNoneWasReceivedOfIsSaidSo) {
  // The unnumbered REVSAMP listing of 4.7.28: no SampML document is stored.
  const auto m = ask("time_stamp\ntime 2000/06/01 to 2000/07/01\nsta_list US*\nrevsamp\n");
  EXPECT_EQ(m.sections.size(), 1u);  // the LOG alone
  EXPECT_NE(body_of(m, "LOG").find("REVSAMP: REVSAMP is not produced by this data centre yet: "),
            std::string::npos)
      << body_of(m, "LOG");
}

TEST_F(ProductsRnTest, ExecsumAnswersTheSummariesOfTime) {
  // Listing 4.26, TIME moved into App. I.18's period (2001-03-01 to 03-06).
  const auto m = ask("time 2001/03/05 to 2001/03/06\nexecsum ims2.0\n");
  const auto sections = sections_of(m, "EXECSUM");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].header.format, "IMS2.0");
  const auto messages = loaded_->store().messages({.accepted = true, .data_type = "EXECSUM"});
  ASSERT_EQ(messages.size(), 1u);
  SectionSource source(loaded_->store());
  const auto stored = source.section(messages[0].id, 0);
  ASSERT_TRUE(stored);
  EXPECT_EQ(sections[0].body, stored->body);
  EXPECT_EQ(sections[0].body.find("Executive Summary for 2001-03-01 00:00:00"), 0u);

  // Listing 4.26 as written: 1998-12-25 is not summarised.
  const auto none = ask("time 1998/12/25 to 1998/12/26\nexecsum ims2.0\n");
  EXPECT_TRUE(sections_of(none, "EXECSUM").empty());
  EXPECT_NE(body_of(none, "LOG")
                .find("EXECSUM: no EXECSUM summarises a period that meets TIME 1998/12/25 to "
                      "1998/12/26"),
            std::string::npos)
      << body_of(none, "LOG");
}

TEST_F(ProductsRnTest, NothingStoredForTheRequestIsSaidInTheLog) {
  const auto m = ask("time 2026/11/01 to 2026/11/02\nsta_list ZZZ99\nsphdf\nqcphd\n");
  EXPECT_EQ(m.sections.size(), 1u);
  const std::string log = body_of(m, "LOG");
  EXPECT_NE(log.find("SPHDF: no SPHDF data for STA_LIST ZZZ99 with collection start in TIME 2026/11/01 to "
                     "2026/11/02"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("QCPHD: no QCPHD data for STA_LIST ZZZ99 with acquisition start"), std::string::npos)
      << log;
}

TEST_F(ProductsRnTest, ARefusedStationIsReportedAndNothingOfItIsSent) {
  const auto user = loaded_->add_user("particulate@example.org", {"sphdf:SEP63", "qcphd:*"});
  const auto m = ask("time 2026/10/30 to 2026/11/02\nsta_list SE*\nsphdf\n", user);
  const auto samples = sections_of(m, "SAMPLEPHD");
  EXPECT_EQ(srids(samples), (std::vector<std::string>{"63202610300611"}));
  for (const auto& section : samples) EXPECT_EQ(section.body.find("SEX63"), std::string::npos);
  EXPECT_NE(body_of(m, "ERROR_LOG").find("SPHDF: station SEX63 refused: no grant of SPHDF for it"),
            std::string::npos)
      << body_of(m, "ERROR_LOG");

  const auto none = ask("time 2026/10/30 to 2026/11/02\nsta_list SEX63\nsphdf\n", user);
  EXPECT_TRUE(sections_of(none, "SAMPLEPHD").empty());
  EXPECT_NE(body_of(none, "LOG").find("no SPHDF can be sent: every station that has some was refused"),
            std::string::npos)
      << body_of(none, "LOG");
}

}  // namespace
}  // namespace imsgate::vdms
