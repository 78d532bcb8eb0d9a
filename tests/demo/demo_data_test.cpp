#include "demo_data.hpp"

#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/rn/section.hpp"
#include "ims2/shi/section.hpp"

namespace imsgate::demo {
namespace {

using namespace std::chrono;

ims2::TimePoint start() {
  return sys_days{year{2026} / 11 / 20};
}

DemoDataSet make(std::uint64_t seed) {
  auto set = make_demo_data({start(), 2, seed});
  EXPECT_TRUE(set) << set.error();
  return set ? *set : DemoDataSet{};
}

// Made once: building the data set is the slow part of these tests.
const DemoDataSet& seed_one() {
  static const DemoDataSet set = make(1);
  return set;
}

// The one data section of a message, read back from its text.
ims2::DataSection section_of(const DemoMessage& m) {
  const ims2::ReadResult r = ims2::read_messages(m.text, {.read_data_sections = false});
  EXPECT_EQ(r.messages.size(), 1u) << m.file_name;
  const auto* data = r.messages.empty() ? nullptr : std::get_if<ims2::DataMessage>(&r.messages[0]);
  EXPECT_TRUE(data && data->sections.size() == 1) << m.file_name;
  return data && !data->sections.empty() ? data->sections[0] : ims2::DataSection{};
}

// The models of the data set's sections of one type (and sender), read back by the family's reader.
template <class Model, class Family>
std::vector<Model> models(std::string_view data_type, std::string_view station, Family read) {
  std::vector<Model> out;
  for (const DemoMessage& m : seed_one().messages) {
    if (m.data_type != data_type || (!station.empty() && m.station != station)) continue;
    ims2::Diagnostics d;
    if (auto section = read(section_of(m), d))
      if (const auto* model = std::get_if<Model>(&*section)) out.push_back(*model);
  }
  return out;
}

template <class Model>
std::vector<Model> shi_models(std::string_view data_type) {
  return models<Model>(data_type, {}, [](const ims2::DataSection& s, ims2::Diagnostics& d) {
    return ims2::shi::read_section(s, d);
  });
}

template <class Model>
std::vector<Model> rn_models(std::string_view data_type, std::string_view station = {}) {
  return models<Model>(data_type, station, [](const ims2::DataSection& s, ims2::Diagnostics& d) {
    return ims2::rn::read_section(s, d);
  });
}

std::vector<ims2::rn::Phd> phds(std::string_view data_type, std::string_view station) {
  std::vector<ims2::rn::Phd> out;
  for (const auto& section : rn_models<ims2::rn::PhdSection>(data_type, station))
    out.insert(out.end(), section.products.begin(), section.products.end());
  return out;
}

std::size_t count(std::string_view data_type, std::string_view station) {
  const auto& m = seed_one().messages;
  return std::count_if(m.begin(), m.end(), [&](const DemoMessage& x) {
    return x.data_type == data_type && x.station == station;
  });
}

// Every diagnostic of reading the messages back, as acquisition reads them: the envelope, then the section
// readers (S/H/I first, then radionuclide, strictly).
std::string diagnostics_of(const std::vector<DemoMessage>& messages) {
  std::string listed;
  for (const DemoMessage& m : messages) {
    ims2::Diagnostics d = ims2::read_messages(m.text).diagnostics;
    const ims2::DataSection s = section_of(m);
    if (!ims2::shi::read_section(s, d) && !ims2::rn::read_section(s, d, ims2::rn::Mode::strict))
      listed += m.file_name + ": no reader\n";
    for (const auto& item : d) listed += ims2::format_diagnostic(item, m.file_name) + "\n";
  }
  return listed;
}

TEST(DemoData, EveryMessageReadsBackWithNeitherErrorsNorWarnings) {
  ASSERT_FALSE(seed_one().messages.empty());
  EXPECT_EQ(diagnostics_of(seed_one().messages), "");
}

TEST(DemoData, OtherPeriodsAndSeedsReadBackCleanly) {
  const auto start = sys_days{year{2027} / 2 / 28} + hours(13) + minutes(45);
  for (const auto& [days, seed] : {std::pair{1, 7}, {4, 3}}) {
    const auto set = make_demo_data({start, days, std::uint64_t(seed)});
    ASSERT_TRUE(set) << set.error();
    EXPECT_GT(set->messages.size(), std::size_t(24 * days)) << days;
    EXPECT_EQ(diagnostics_of(set->messages), "") << days << " days, seed " << seed;
  }
}

TEST(DemoData, HoldsEveryFamilyOfTheBrief) {
  EXPECT_EQ(count("SAMPLEPHD", "SEX63"), 4u);  // every 12 h
  EXPECT_EQ(count("GASBKPHD", "SEX63"), 4u);   // one before each sample
  EXPECT_EQ(count("DETBKPHD", "SEX63"), 1u);
  EXPECT_EQ(count("CALIBPHD", "SEX63"), 1u);
  EXPECT_EQ(count("QCPHD", "SEX63"), 2u);  // daily
  EXPECT_EQ(count("SAMPLEPHD", "SEP63"), 2u);
  EXPECT_EQ(count("BLANKPHD", "SEP63"), 1u);
  EXPECT_EQ(count("QCPHD", "SEP63"), 2u);
  EXPECT_EQ(count("RMSSOH", "SEX63"), 4u);
  EXPECT_EQ(count("RMSSOH", "SEP63"), 4u);
  EXPECT_EQ(count("MET", "SEP63"), 4u);
  EXPECT_EQ(count("ALERT_FLOW", "SEP63"), 1u);
  EXPECT_EQ(count("WAVEFORM", "HFS"), 47u);  // 48 hours but one
  EXPECT_EQ(count("BULLETIN", "DEMO_IDC"), 1u);
  EXPECT_EQ(count("RLR", "ATL03"), 1u);
}

TEST(DemoData, BetaGammaHistogramsAre256By256WithCounts) {
  const auto samples = phds("SAMPLEPHD", "SEX63");
  ASSERT_EQ(samples.size(), 4u);
  for (const auto& phd : samples) {
    ASSERT_TRUE(phd.histogram);
    EXPECT_EQ(phd.histogram->gamma_channels, 256);
    EXPECT_EQ(phd.histogram->beta_channels, 256);
    EXPECT_EQ(phd.histogram->counts.size(), 256u * 256u);
    EXPECT_GT(std::accumulate(phd.histogram->counts.begin(), phd.histogram->counts.end(), std::int64_t(0)),
              0);
    EXPECT_EQ(phd.g_spectrum->channels(), 256u);
    EXPECT_EQ(phd.b_spectrum->channels(), 256u);
  }
  const auto hpge = phds("SAMPLEPHD", "SEP63");
  ASSERT_EQ(hpge.size(), 2u);
  EXPECT_EQ(hpge[0].g_spectrum->channels(), 8192u);
}

TEST(DemoData, WaveformSampleCountsMatchTheirWid2Lines) {
  const auto waveforms = shi_models<ims2::shi::Waveform>("WAVEFORM");
  ASSERT_EQ(waveforms.size(), 47u);
  std::set<std::string> channels;
  for (const auto& w : waveforms) {
    ASSERT_EQ(w.blocks.size(), 3u);
    for (const auto& block : w.blocks) {
      const auto& s = std::get<ims2::shi::WaveformSegment>(block);
      EXPECT_EQ(s.wid2.sample_count, static_cast<std::int64_t>(s.samples.size()));
      EXPECT_EQ(s.samples.size(), 12000u);  // 5 minutes at 40 Hz
      EXPECT_EQ(s.checksum.stored, static_cast<std::int64_t>(s.checksum.computed));
      channels.insert(s.wid2.channel);
    }
  }
  EXPECT_EQ(channels, (std::set<std::string>{"BHE", "BHN", "BHZ"}));
}

TEST(DemoData, LeavesTheSeventhHourOfWaveformsOut) {
  std::set<ims2::TimePoint> hours_seen;
  for (const auto& w : shi_models<ims2::shi::Waveform>("WAVEFORM"))
    hours_seen.insert(std::get<ims2::shi::WaveformSegment>(w.blocks[0]).wid2.start);
  for (int h = 0; h < 48; ++h) EXPECT_EQ(hours_seen.count(start() + hours(h)), h == 7 ? 0u : 1u) << h;
}

TEST(DemoData, SameSeedGivesTheSameBytesAndAnotherSeedOthers) {
  const DemoDataSet again = make(1);
  EXPECT_EQ(again.messages, seed_one().messages);
  const DemoDataSet other = make(2);
  ASSERT_EQ(other.messages.size(), seed_one().messages.size());
  EXPECT_NE(other.messages[0].text, seed_one().messages[0].text);
}

TEST(DemoData, SamplesNameBackgroundsOfTheDataSet) {
  const auto detector_backgrounds = phds("DETBKPHD", "SEX63");
  ASSERT_EQ(detector_backgrounds.size(), 1u);
  std::set<std::string> gas_backgrounds;
  for (const auto& gas : phds("GASBKPHD", "SEX63")) gas_backgrounds.insert(gas.header.mid);
  for (const auto& sample : phds("SAMPLEPHD", "SEX63")) {
    EXPECT_EQ(sample.header.detector_background_mid, detector_backgrounds[0].header.mid);
    EXPECT_EQ(gas_backgrounds.count(sample.header.gas_background_mid), 1u)
        << sample.header.gas_background_mid;
    EXPECT_EQ(sample.header.srid.size(), 15u);
  }
  const auto blanks = phds("BLANKPHD", "SEP63");
  ASSERT_EQ(blanks.size(), 1u);
  for (const auto& sample : phds("SAMPLEPHD", "SEP63"))
    EXPECT_EQ(sample.header.detector_background_mid, blanks[0].header.mid);
}

TEST(DemoData, LaboratoryReportsOnAParticulateSampleOfTheDataSet) {
  const auto reports = rn_models<ims2::rn::RlrSection>("RLR");
  ASSERT_EQ(reports.size(), 1u);
  const ims2::rn::Rlr& rlr = reports[0].reports.at(0);
  const auto samples = phds("SAMPLEPHD", "SEP63");
  const auto sample = std::find_if(samples.begin(), samples.end(),
                                   [&](const ims2::rn::Phd& p) { return p.header.srid == rlr.header.srid; });
  ASSERT_NE(sample, samples.end()) << rlr.header.srid;
  EXPECT_EQ(rlr.header.station, "SEP63");
  EXPECT_EQ(rlr.collection->start, sample->collection->start);
  EXPECT_EQ(rlr.collection->air_volume, sample->collection->air_volume);
}

// The vertical component's samples, by the start of their hour.
std::map<ims2::TimePoint, std::vector<std::int32_t>> vertical_by_hour() {
  std::map<ims2::TimePoint, std::vector<std::int32_t>> out;
  for (const auto& w : shi_models<ims2::shi::Waveform>("WAVEFORM"))
    for (const auto& block : w.blocks) {
      const auto& s = std::get<ims2::shi::WaveformSegment>(block);
      if (s.wid2.channel == "BHZ") out[s.wid2.start] = s.samples;
    }
  return out;
}

TEST(DemoData, BulletinArrivalsAtTheStationStandOutOfItsNoise) {
  const auto bulletins = shi_models<ims2::shi::Bulletin>("BULLETIN");
  ASSERT_EQ(bulletins.size(), 1u);
  EXPECT_GE(bulletins[0].events.size(), 5u);
  const auto vertical = vertical_by_hour();
  for (const auto& event : bulletins[0].events) {
    const auto at_station = std::find_if(event.phases.begin(), event.phases.end(),
                                         [](const ims2::shi::Phase& p) { return p.station == "HFS"; });
    ASSERT_NE(at_station, event.phases.end()) << event.id;
    const auto hour = floor<hours>(*at_station->time);
    ASSERT_EQ(vertical.count(hour), 1u) << event.id;
    const std::vector<std::int32_t>& samples = vertical.at(hour);
    // 40 samples a second; the segment's first 30 s are noise only.
    const auto first = std::size_t(duration<double>(*at_station->time - hour).count() * 40);
    ASSERT_LT(first + 400, samples.size()) << event.id;
    double noise = 0;
    for (std::size_t i = 0; i < 1200; ++i) noise += double(samples[i]) * samples[i];
    noise = std::sqrt(noise / 1200);
    std::int32_t peak = 0;
    for (std::size_t i = first; i < first + 400; ++i) peak = std::max(peak, std::abs(samples[i]));
    EXPECT_GT(peak, 4 * noise) << event.id << " " << event.region;
  }
}

TEST(DemoData, MessagesGoInSendingOrderWithIdsOfTheirOwnAndMailableLines) {
  const auto& messages = seed_one().messages;
  std::set<std::pair<std::string, std::string>> ids;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const DemoMessage& m = messages[i];
    EXPECT_TRUE(m.file_name.starts_with(fmt::format("{:04}-{}-", i + 1, m.station))) << m.file_name;
    if (i > 0) {
      EXPECT_LE(messages[i - 1].sent, m.sent);
    }
    EXPECT_GE(m.sent, start());
    EXPECT_LT(m.sent, start() + days(2));
    const ims2::ReadResult read = ims2::read_messages(m.text);
    ASSERT_EQ(read.messages.size(), 1u) << m.file_name;
    const auto* data = std::get_if<ims2::DataMessage>(&read.messages[0]);
    ASSERT_NE(data, nullptr);
    EXPECT_EQ(data->preface.msg_id.source, m.station);
    EXPECT_TRUE(ids.insert({m.station, data->preface.msg_id.id}).second) << m.file_name;
    // An e-mail line is at most 998 characters (RFC 5322), and 7bit text is ASCII.
    std::size_t line = 0;
    for (char c : m.text) {
      EXPECT_TRUE(c == '\n' || (c >= ' ' && c <= '~')) << m.file_name;
      line = c == '\n' ? 0 : line + 1;
      ASSERT_LE(line, 998u) << m.file_name;
    }
  }
}

TEST(DemoData, SendersAreTheStationsOfTheRegistryList) {
  std::map<std::string, std::string> addresses;
  for (const DemoStation& s : demo_stations()) addresses[s.code] = s.address;
  EXPECT_EQ(addresses.size(), 5u);
  for (const DemoMessage& m : seed_one().messages) EXPECT_EQ(addresses.at(m.station), m.sender);
}

TEST(DemoData, RefusesAPeriodOutOfRange) {
  EXPECT_FALSE(make_demo_data({start(), 0, 1}));
  EXPECT_FALSE(make_demo_data({start(), 32, 1}));
}

}  // namespace
}  // namespace imsgate::demo
