// Backfilling: gaps in the stored waveform coverage become WAVEFORM requests, closed by the response.
#include "acq/backfill.hpp"

#include <gmock/gmock.h>

#include "acq/acquisition_fixture.hpp"
#include "ims2/message.hpp"

namespace imsgate::acq::test {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const ims2::TimePoint kT0{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}};

store::WaveformSegmentRow segment(std::string channel, ims2::TimePoint start, ims2::TimePoint end) {
  store::WaveformSegmentRow row;
  row.station = "ARCES";
  row.channel = std::move(channel);
  row.start = start;
  row.end = end;
  row.sample_rate = 40;
  row.samples = std::chrono::duration_cast<seconds>(end - start).count() * 40;
  return row;
}

TEST(CoverageGaps, FindsHolesAtTheStartBetweenAndAtTheEnd) {
  const auto gaps = coverage_gaps({segment("BHZ", kT0 + minutes(30), kT0 + minutes(40)),
                                   segment("BHZ", kT0 + minutes(10), kT0 + minutes(20)),
                                   segment("BHZ", kT0 + minutes(15), kT0 + minutes(25))},
                                  kT0, kT0 + hours(1), seconds(60));
  ASSERT_EQ(gaps.size(), 3u);
  EXPECT_EQ(gaps[0], (Gap{kT0, kT0 + minutes(10)}));
  EXPECT_EQ(gaps[1], (Gap{kT0 + minutes(25), kT0 + minutes(30)}));
  EXPECT_EQ(gaps[2], (Gap{kT0 + minutes(40), kT0 + hours(1)}));
}

TEST(CoverageGaps, IgnoresShortGapsAndFullCoverage) {
  EXPECT_TRUE(
      coverage_gaps({segment("BHZ", kT0 - minutes(1), kT0 + hours(2))}, kT0, kT0 + hours(1), seconds(60))
          .empty());
  EXPECT_TRUE(coverage_gaps({segment("BHZ", kT0, kT0 + minutes(30)),
                             segment("BHZ", kT0 + minutes(30) + seconds(10), kT0 + hours(1))},
                            kT0, kT0 + hours(1), seconds(60))
                  .empty());
}

TEST(WaveformRequest, IsAnIms2RequestThatReadsBack) {
  const std::string text = waveform_request("20261123000000001", "IMSGATE", "acq@imsgate.test", "ARCES",
                                            {"BHE", "BHZ"}, {kT0, kT0 + minutes(10)}, "CM6");
  const auto read = ims2::read_messages(text);
  EXPECT_FALSE(read.diagnostics.has_errors()) << text;
  ASSERT_EQ(read.messages.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ims2::RequestMessage>(read.messages[0]));
  EXPECT_THAT(text, ::testing::HasSubstr("TIME 2026/11/23 00:00:00.000 TO 2026/11/23 00:10:00.000"));
}

class BackfillTest : public AcquisitionTest {};

TEST_F(BackfillTest, RequestsGapsOnceAndClosesThemWithTheResponse) {
  ASSERT_TRUE(store_->put_station({"ARCES",
                                   "seismic",
                                   "ARCES",
                                   "NO",
                                   {},
                                   {},
                                   store::SignaturePolicy::optional,
                                   "autodrm@arces.example"}));
  ASSERT_TRUE(store_->add_sender({"autodrm@arces.example", "ARCES"}));
  store::Commit stored;
  stored.record.sha256 = store::sha256_hex("segments");
  stored.record.accepted = true;
  stored.record.station = "ARCES";
  stored.index.segments = {segment("BHZ", kT0 - hours(6), kT0 - hours(5)),
                           segment("BHZ", kT0 - hours(4), kT0 - minutes(50)),
                           segment("BHZ", kT0 - minutes(40), kT0)};
  std::vector<store::Commit> batch{stored};
  ASSERT_TRUE(store_->commit(batch));

  const Outbox outbox(dir_.path() / "outbox");
  ASSERT_TRUE(outbox.create());
  ReplyWriter writer(ReplySettings{true, "acq@imsgate.test", "IMSGATE", false});
  BackfillSettings settings;
  settings.normal_window = hours(2);
  settings.backfill_window = hours(6);
  Backfill backfill(*store_, outbox, writer, settings);
  // The 10-minute hole of the last two hours ("normal"), and the hour missing before them ("backfilling").
  EXPECT_EQ(backfill.run_once(kT0), 2u);
  EXPECT_EQ(backfill.run_once(kT0 + minutes(5)), 0u) << "asked already, and the last minutes may still come";
  auto open = store_->open_backfill_requests("ARCES");
  ASSERT_EQ(open.size(), 2u);
  std::sort(open.begin(), open.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  EXPECT_EQ(open[0].mode, "backfilling");
  EXPECT_EQ(open[0].from, kT0 - hours(5));
  EXPECT_EQ(open[0].to, kT0 - hours(4));
  EXPECT_EQ(open[1].mode, "normal");
  EXPECT_EQ(open[1].from, kT0 - minutes(50));
  EXPECT_EQ(open[1].to, kT0 - minutes(40));
  EXPECT_EQ(outbox.waiting(), 2u);

  // The station's response names our request in REF_ID.
  const std::string response = fmt::format(
      "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 991 ARCES\nREF_ID {} IMSGATE\nDATA_TYPE LOG\n No data.\nSTOP\n",
      open[0].msg_id);
  EXPECT_TRUE(take(plain_mail(response, "autodrm@arces.example")).accepted);
  const auto still_open = store_->open_backfill_requests("ARCES");
  ASSERT_EQ(still_open.size(), 1u);
  EXPECT_EQ(still_open[0].msg_id, open[1].msg_id);
}

}  // namespace
}  // namespace imsgate::acq::test
