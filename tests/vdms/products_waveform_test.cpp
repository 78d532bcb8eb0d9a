// WAVEFORM requests against the demo data: HFS (BHZ, BHN, BHE, 40 Hz, CM6), five minutes at the start of
// every hour from 2026-11-01, no message for 07:00 of the first day.
#include <memory>
#include <set>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/shi/waveform.hpp"
#include "ims2/text.hpp"
#include "vdms/engine.hpp"
#include "vdms/loaded_store.hpp"
#include "vdms/section_source.hpp"

namespace imsgate::vdms {
namespace {

using ims2::TimePoint;
using ims2::shi::WaveformGap;
using ims2::shi::WaveformSegment;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using test::LoadedStore;

const TimePoint kDay{std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}};

// Listing 4.44 (WAVEFORM request message) with the demo's station, channels and times.
std::string request(std::string_view time, std::string_view sta_list, std::string_view chan_list,
                    std::string_view line = "waveform ims2.0:CM6") {
  std::string text = "begin ims2.0\nmsg_type request\nmsg_id example any_ndc\ne-mail name@my.computer\n";
  text += "time " + std::string(time) + "\n";
  if (!sta_list.empty()) text += "sta_list " + std::string(sta_list) + "\n";
  if (!chan_list.empty()) text += "chan_list " + std::string(chan_list) + "\n";
  return text + std::string(line) + "\nstop\n";
}

struct Response {
  std::vector<ims2::DataSection> waveform_sections;
  std::vector<ims2::shi::WaveformBlock> blocks;  // of every WAVEFORM section, in order
  std::string log;
  std::string errors;
};

class WaveformRequest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = std::make_unique<LoadedStore>();
    ASSERT_GT(loaded_->load_demo_data(), 47);
    analyst_ = loaded_->add_user("analyst@example.org", {"waveform:HFS"});
    outsider_ = loaded_->add_user("outsider@example.org", {"waveform:ARA0", "station:*"});
  }
  static void TearDownTestSuite() { loaded_.reset(); }

  static Response ask(const std::string& text, const store::UserRow& user) {
    int sequence = 0;
    const Engine engine(loaded_->store(), {.source = "IMSGATE", .contact = "", .email_limit = 0},
                        [&] { return "RESP" + std::to_string(++sequence); });
    const Answer answer = engine.answer(text, {user, user.email}, Channel::rest, kDay + hours(24 * 20));
    Response response;
    EXPECT_EQ(answer.messages.size(), 1u);
    if (answer.messages.empty()) return response;
    const auto read = ims2::read_messages(answer.messages.front(), {.read_data_sections = false});
    EXPECT_EQ(read.messages.size(), 1u);
    const auto& message = std::get<ims2::DataMessage>(read.messages.at(0));
    for (const auto& section : message.sections) {
      if (section.header.type == "LOG") response.log += section.body;
      if (section.header.type == "ERROR_LOG") response.errors += section.body;
      if (section.header.type != "WAVEFORM") continue;
      response.waveform_sections.push_back(section);
      ims2::Diagnostics diagnostics;
      auto waveform = ims2::shi::read_waveform(section, diagnostics);
      EXPECT_TRUE(diagnostics.empty());
      for (auto& block : waveform.blocks) response.blocks.push_back(std::move(block));
    }
    return response;
  }

  // The samples stored for a channel in [from, to), decoded from the stored sections.
  static std::vector<std::int32_t> stored(std::string_view channel, TimePoint from, TimePoint to) {
    SectionSource sections(loaded_->store());
    std::vector<std::int32_t> samples;
    for (const auto& row : loaded_->store().segments("HFS", channel, from, to)) {
      auto section = sections.section(row.message_id, row.section_index);
      EXPECT_TRUE(section) << section.error();
      ims2::Diagnostics diagnostics;
      const auto waveform = ims2::shi::read_waveform(*section, diagnostics);
      for (const auto& block : waveform.blocks) {
        const auto* segment = std::get_if<WaveformSegment>(&block);
        if (!segment || segment->wid2.channel != channel) continue;
        const auto period = std::chrono::microseconds(25'000);  // 40 Hz
        for (std::size_t i = 0; i < segment->samples.size(); ++i) {
          const TimePoint t = segment->wid2.start + period * static_cast<int>(i);
          if (from <= t && t < to) samples.push_back(segment->samples[i]);
        }
      }
    }
    return samples;
  }

  static std::vector<const WaveformSegment*> segments(const Response& response) {
    std::vector<const WaveformSegment*> out;
    for (const auto& block : response.blocks)
      if (const auto* segment = std::get_if<WaveformSegment>(&block)) out.push_back(segment);
    return out;
  }

  static bool contains(const std::string& text, std::string_view what) {
    return text.find(what) != std::string::npos;
  }

  static std::unique_ptr<LoadedStore> loaded_;
  static store::UserRow analyst_;
  static store::UserRow outsider_;
};

std::unique_ptr<LoadedStore> WaveformRequest::loaded_;
store::UserRow WaveformRequest::analyst_;
store::UserRow WaveformRequest::outsider_;

TEST_F(WaveformRequest, AWindowAcrossTwoSegmentsGivesExactlyItsSamplesAndAnOut2ForTheGap) {
  const Response response = ask(request("2026/11/01 00:03 to 2026/11/01 01:02", "hfs", "bhz"), analyst_);
  ASSERT_EQ(response.waveform_sections.size(), 1u) << response.log << response.errors;
  EXPECT_EQ(response.waveform_sections[0].header, (ims2::DataTypeLine{"WAVEFORM", "", "IMS2.0", "CM6"}));
  EXPECT_EQ(response.errors, "");
  ASSERT_EQ(response.blocks.size(), 3u);

  const auto& first = std::get<WaveformSegment>(response.blocks[0]);
  EXPECT_EQ(first.wid2.start, kDay + minutes(3));
  EXPECT_EQ(first.wid2.sample_count, 2 * 60 * 40);
  EXPECT_EQ(first.samples, stored("BHZ", kDay + minutes(3), kDay + minutes(5)));
  EXPECT_EQ(first.wid2.subformat, "CM6");
  EXPECT_EQ(first.wid2.sample_rate, 40.0);
  EXPECT_EQ(first.wid2.calib, 0.1);
  EXPECT_EQ(first.wid2.calper, 1.0);
  EXPECT_EQ(first.wid2.instrument, "STS-2");
  EXPECT_EQ(first.wid2.hang, -1.0);
  EXPECT_EQ(first.wid2.vang, 0.0);
  ASSERT_TRUE(first.sta2);
  EXPECT_EQ(first.sta2->network, "IMS");
  ASSERT_TRUE(first.checksum.stored);
  EXPECT_EQ(*first.checksum.stored, first.checksum.computed);

  const auto& gap = std::get<WaveformGap>(response.blocks[1]);
  EXPECT_FALSE(gap.delayed);
  EXPECT_EQ(gap.start, kDay + minutes(5));
  EXPECT_EQ(gap.channel, "BHZ");
  EXPECT_EQ(gap.duration, 55 * 60.0);
  EXPECT_TRUE(
      contains(response.log, "no data for HFS/BHZ from 2026/11/01 00:05:00.000 to 2026/11/01 01:00:00.000"))
      << response.log;

  const auto& second = std::get<WaveformSegment>(response.blocks[2]);
  EXPECT_EQ(second.wid2.start, kDay + hours(1));
  EXPECT_EQ(second.wid2.sample_count, 2 * 60 * 40);
  EXPECT_EQ(second.samples, stored("BHZ", kDay + hours(1), kDay + hours(1) + minutes(2)));
  ASSERT_TRUE(second.checksum.stored);
  EXPECT_EQ(*second.checksum.stored, second.checksum.computed);
}

TEST_F(WaveformRequest, AWholeStoredSegmentIsSentAsItIsStored) {
  // The 01:00 segments, whole: their stored text (WID2 to CHK2) goes out unchanged, checksums included.
  const auto response = ask(request("2026/11/01 01:00 to 2026/11/01 01:05", "HFS", "BH*"), analyst_);
  ASSERT_EQ(response.waveform_sections.size(), 1u);
  const auto rows = loaded_->store().segments("HFS", "", kDay + hours(1), kDay + hours(1) + minutes(5));
  ASSERT_FALSE(rows.empty());
  SectionSource sections(loaded_->store());
  const auto stored_section = sections.section(rows.front().message_id, rows.front().section_index);
  ASSERT_TRUE(stored_section) << stored_section.error();
  const std::string& sent = response.waveform_sections.front().body;
  const std::size_t first = stored_section->body.find("WID2");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(sent, stored_section->body.substr(first));
  EXPECT_EQ(segments(response).size(), 3u);
  for (const auto* segment : segments(response))
    EXPECT_EQ(segment->checksum.stored, static_cast<std::int64_t>(segment->checksum.computed));
}

TEST_F(WaveformRequest, AStartBetweenSamplesBeginsAtTheNextSample) {
  const Response response =
      ask(request("2026/11/01 01:00:00.010 to 2026/11/01 01:00:01", "HFS", "BHN"), analyst_);
  const auto found = segments(response);
  ASSERT_EQ(found.size(), 1u) << response.log;
  EXPECT_EQ(found[0]->wid2.start, kDay + hours(1) + milliseconds(25));
  EXPECT_EQ(found[0]->samples, stored("BHN", kDay + hours(1) + milliseconds(10),
                                      kDay + hours(1) + minutes(0) + std::chrono::seconds(1)));
  EXPECT_EQ(found[0]->samples.size(), 39u);
  EXPECT_EQ(response.blocks.size(), 1u);  // no gap: the sample at .000 is before the window
}

TEST_F(WaveformRequest, IntGivesTheSameSamplesAsCm6) {
  const std::string time = "2026/11/01 02:04 to 2026/11/01 02:06";
  const Response cm6 = ask(request(time, "HFS", "BHE"), analyst_);
  const Response int_text = ask(request(time, "HFS", "BHE", "waveform ims2.0:int"), analyst_);
  ASSERT_EQ(int_text.waveform_sections.size(), 1u);
  EXPECT_EQ(int_text.waveform_sections[0].header.subformat, "INT");
  const auto a = segments(cm6);
  const auto b = segments(int_text);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0]->wid2.subformat, "INT");
  EXPECT_EQ(a[0]->samples, b[0]->samples);
  EXPECT_EQ(a[0]->samples.size(), 40u * 60);
  EXPECT_EQ(*b[0]->checksum.stored, b[0]->checksum.computed);
  EXPECT_NE(cm6.waveform_sections[0].body, int_text.waveform_sections[0].body);
  // The gap from 02:05 to the end of the window.
  ASSERT_EQ(int_text.blocks.size(), 2u);
  EXPECT_EQ(std::get<WaveformGap>(int_text.blocks[1]).start, kDay + hours(2) + minutes(5));
}

TEST_F(WaveformRequest, WithoutASubformatTheSpecsDefaultOrCm6IsWritten) {
  const Response response =
      ask(request("2026/11/01 02:04 to 2026/11/01 02:05", "HFS", "BHZ", "waveform ims2.0"), analyst_);
  ASSERT_EQ(response.waveform_sections.size(), 1u) << response.log << response.errors;
  const auto spec_default =
      ims2::to_upper(ims2::request::request_spec(ims2::request::RequestKeyword::waveform).default_subformat);
  EXPECT_EQ(response.waveform_sections[0].header.subformat, spec_default.empty() ? "CM6" : spec_default);
}

TEST_F(WaveformRequest, CsfAndCm8AreWrittenAndMiniSeedIsRefused) {
  const std::string time = "2026/11/01 02:04 to 2026/11/01 02:05";
  const auto expected = stored("BHZ", kDay + hours(2) + minutes(4), kDay + hours(2) + minutes(5));
  for (const char* subformat : {"csf", "cm8"}) {
    const Response response =
        ask(request(time, "HFS", "BHZ", std::string("waveform ims2.0:") + subformat), analyst_);
    const auto found = segments(response);
    ASSERT_EQ(found.size(), 1u) << subformat << response.errors;
    EXPECT_EQ(found[0]->samples, expected) << subformat;
  }
  const Response mseed = ask(request(time, "HFS", "BHZ", "waveform ims2.0:ms_st2_512"), analyst_);
  EXPECT_TRUE(mseed.waveform_sections.empty());
  EXPECT_TRUE(contains(mseed.errors, "subformat MS_ST2_512 cannot be written")) << mseed.errors;
}

TEST_F(WaveformRequest, AWindowInsideTheMissingHourIsLogged) {
  const Response response = ask(request("2026/11/01 07:00 to 2026/11/01 07:05", "HFS", "BHZ"), analyst_);
  EXPECT_TRUE(response.waveform_sections.empty());
  EXPECT_EQ(response.errors, "");
  EXPECT_TRUE(contains(
      response.log, "no WAVEFORM data for HFS between 2026/11/01 07:00:00.000 and 2026/11/01 07:05:00.000"))
      << response.log;
}

TEST_F(WaveformRequest, TheMissingHourIsAnOut2BetweenTheHoursAround) {
  const Response response = ask(request("2026/11/01 06:04 to 2026/11/01 08:01", "HFS", "BHZ"), analyst_);
  ASSERT_EQ(response.blocks.size(), 3u) << response.log;
  const auto& gap = std::get<WaveformGap>(response.blocks[1]);
  EXPECT_EQ(gap.start, kDay + hours(6) + minutes(5));
  EXPECT_EQ(gap.duration, 115 * 60.0);
  EXPECT_EQ(std::get<WaveformSegment>(response.blocks[2]).wid2.start, kDay + hours(8));
}

TEST_F(WaveformRequest, ARefusedStationIsAnErrorWithNoData) {
  const Response named = ask(request("2026/11/01 00:00 to 2026/11/01 01:00", "HFS", "*"), outsider_);
  EXPECT_TRUE(named.waveform_sections.empty());
  EXPECT_TRUE(contains(named.errors, "station HFS refused: no grant of WAVEFORM for it")) << named.errors;

  const Response all = ask(request("2026/11/01 00:00 to 2026/11/01 01:00", "*", "*"), outsider_);
  EXPECT_TRUE(all.waveform_sections.empty());
  EXPECT_TRUE(contains(all.errors, "station HFS refused")) << all.errors;
  EXPECT_TRUE(contains(all.log, "no WAVEFORM data for STA_LIST * CHAN_LIST *")) << all.log;
}

TEST_F(WaveformRequest, ChannelWildcardsSelectTheChannels) {
  const std::string time = "2026/11/01 05:00 to 2026/11/01 05:01";
  const auto channels = [&](std::string_view chan_list) {
    std::set<std::string> found;
    const Response response = ask(request(time, "H*", chan_list), analyst_);
    for (const auto* segment : segments(response)) found.insert(segment->wid2.channel);
    return found;
  };
  EXPECT_EQ(channels("*"), (std::set<std::string>{"BHZ", "BHN", "BHE"}));
  EXPECT_EQ(channels("bh*"), (std::set<std::string>{"BHZ", "BHN", "BHE"}));
  EXPECT_EQ(channels("*N, *E"), (std::set<std::string>{"BHN", "BHE"}));
  EXPECT_EQ(channels(""), (std::set<std::string>{"BHZ"}));  // the default CHAN_LIST is *Z
}

TEST_F(WaveformRequest, AChannelNamedButNotStoredIsLogged) {
  const Response response = ask(request("2026/11/01 05:00 to 2026/11/01 05:01", "HFS", "BHZ, SHZ"), analyst_);
  EXPECT_EQ(segments(response).size(), 1u);
  EXPECT_TRUE(contains(response.log, "no WAVEFORM data for HFS/SHZ between")) << response.log;
}

TEST_F(WaveformRequest, RelativeToIsRefusedNotIgnored) {
  // Listing 4.3 (WAVEFORM request message RELATIVE_TO the REB), with the demo's times.
  const Response response =
      ask("begin ims2.0\nmsg_type request\nmsg_id example any_ndc\ne-mail name@my.computer\n"
          "time 2026/11/01 03:00 to 2026/11/01 03:15\nbull_type reb\nrelative_to bulletin\nwaveform "
          "ims2.0:cm6\nstop\n",
          analyst_);
  EXPECT_TRUE(response.waveform_sections.empty());
  EXPECT_TRUE(contains(response.errors, "RELATIVE_TO BULLETIN is not supported")) << response.errors;
}

}  // namespace
}  // namespace imsgate::vdms
