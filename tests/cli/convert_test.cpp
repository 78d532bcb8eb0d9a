#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/commands.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/waveform.hpp"
#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

namespace fs = std::filesystem;

class ConvertTest : public ::testing::Test {
 protected:
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void TearDown() override { fs::remove_all(dir_); }

  // Every segment of an IMS2.0 file, read with the library.
  std::vector<ims2::shi::WaveformSegment> segments(const std::string& file) {
    const auto result = ims2::read_messages(testing::read_file(file));
    EXPECT_FALSE(result.diagnostics.has_errors());
    std::vector<ims2::shi::WaveformSegment> out;
    for (const auto& m : result.messages)
      for (const auto& s : std::get<ims2::DataMessage>(m).sections) {
        ims2::Diagnostics d;
        for (auto& b : ims2::shi::read_waveform(s, d).blocks)
          out.push_back(std::get<ims2::shi::WaveformSegment>(b));
      }
    return out;
  }

  fs::path dir_ = [] {
    auto d = fs::temp_directory_path() / ("imsgate-convert-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(d);
    return d;
  }();
  std::ostringstream err;
};

std::string rjob() {
  return (testing::real_dir() / "obspy-gse2/loc_RJOB20050831023349.z").string();
}

}  // namespace

TEST_F(ConvertTest, RealCm6FileThroughMiniSeedAndBack) {
  ConvertOptions to_mseed{.input = rjob(), .output = path("rjob.mseed")};
  to_mseed.network = "XX";
  to_mseed.location = "";
  ASSERT_EQ(run_convert(to_mseed, err), kExitOk) << err.str();
  EXPECT_GT(fs::file_size(path("rjob.mseed")), 0u);

  ConvertOptions back{.input = path("rjob.mseed"), .output = path("rjob.msg")};
  back.msg_id = "rjob";
  ASSERT_EQ(run_convert(back, err), kExitOk) << err.str();
  const auto result = segments(path("rjob.msg"));
  ASSERT_EQ(result.size(), 1u);
  const auto& s = result[0];
  EXPECT_EQ(s.wid2.station, "RJOB");
  EXPECT_EQ(s.wid2.channel, "Z");
  EXPECT_EQ(s.wid2.subformat, "CM6");
  EXPECT_DOUBLE_EQ(s.wid2.sample_rate, 200.0);
  EXPECT_EQ(ims2::write_fixed_date_time(s.wid2.start, 3), "2005/08/31 02:33:49.850");
  EXPECT_EQ(s.sta2->network, "XX");
  ASSERT_EQ(s.samples.size(), 12000u);
  const std::vector<std::int32_t> first{12, -10, 16, 33, 9, 26, 16, 7, 17, 6, 1, 3, -2};
  EXPECT_TRUE(std::equal(first.begin(), first.end(), s.samples.begin()));
  EXPECT_EQ(s.checksum.computed, 720u);
  EXPECT_EQ(s.checksum.stored, 720);
}

TEST_F(ConvertTest, FullInt32RangeRoundTripsThroughInt32MiniSeed) {
  std::mt19937 random(42);
  std::uniform_int_distribution<std::int32_t> any(INT32_MIN, INT32_MAX);
  ims2::shi::WaveformSegment s;
  s.wid2.start = ims2::TimePoint{std::chrono::seconds{1'600'000'000}};
  s.wid2.station = "ABC";
  s.wid2.channel = "BHZ";
  s.wid2.subformat = "INT";
  s.wid2.sample_rate = 40.0;
  s.sta2.emplace().network = "IM";
  for (int i = 0; i < 5000; ++i) s.samples.push_back(any(random));
  s.samples[0] = INT32_MIN;
  s.samples[1] = INT32_MAX;
  auto body = ims2::shi::write_waveform({{s}});
  ASSERT_TRUE(body) << body.error();
  std::ofstream(path("noise.msg"))
      << "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID noise\nDATA_TYPE WAVEFORM IMS2.0:INT\n"
      << *body << "STOP\n";

  ConvertOptions steim{.input = path("noise.msg"), .output = path("noise-steim.mseed")};
  EXPECT_EQ(run_convert(steim, err), kExitInvalid);
  EXPECT_NE(err.str().find("--mseed-encoding int32"), std::string::npos) << err.str();

  ConvertOptions int32{.input = path("noise.msg"), .output = path("noise.mseed")};
  int32.mseed_encoding = MseedEncoding::int32;
  ASSERT_EQ(run_convert(int32, err), kExitOk) << err.str();
  ConvertOptions back{.input = path("noise.mseed"), .output = path("back.msg"), .to = "ims2:int"};
  ASSERT_EQ(run_convert(back, err), kExitOk) << err.str();
  const auto result = segments(path("back.msg"));
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0].samples, s.samples);
  EXPECT_EQ(result[0].wid2.start, s.wid2.start);
  EXPECT_EQ(result[0].sta2->network, "IM");
  EXPECT_EQ(result[0].wid2.station, "ABC");
}

TEST_F(ConvertTest, ChangesTheSubformatOfAnIms2File) {
  ConvertOptions to_int{.input = rjob(), .output = path("rjob-int.msg"), .to = "ims2:int"};
  ASSERT_EQ(run_convert(to_int, err), kExitOk) << err.str();
  const auto result = segments(path("rjob-int.msg"));
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0].wid2.subformat, "INT");
  EXPECT_EQ(result[0].checksum.computed, 720u);
  EXPECT_EQ(result[0].wid2.aux_id, "RJOB");  // the identity is kept
}

TEST_F(ConvertTest, CsfNeedsACd11ChannelName) {
  // RJOB's auxiliary code "RJOB" does not fit CD-1.1's two-character location: refused with the reason.
  ConvertOptions to_csf{.input = rjob(), .output = path("rjob-csf.msg"), .to = "ims2:csf"};
  EXPECT_NE(run_convert(to_csf, err), kExitOk);
  EXPECT_NE(err.str().find("do not fit"), std::string::npos) << err.str();
}

TEST_F(ConvertTest, CodesThatDoNotFitMiniSeedNeedAnOverride) {
  ConvertOptions options{.input = rjob(), .output = path("x.mseed")};
  EXPECT_EQ(run_convert(options, err), kExitInvalid);
  EXPECT_NE(
      err.str().find("auxiliary code 'RJOB' has more than the 2 characters miniSEED allows: give --location"),
      std::string::npos)
      << err.str();
}

TEST_F(ConvertTest, ReportsBadInput) {
  ConvertOptions gse1{.input = (testing::real_dir() / "obspy-gse2/loc_STAU20031119011659.z").string(),
                      .output = path("y.mseed")};
  EXPECT_EQ(run_convert(gse1, err), kExitInvalid);
  EXPECT_NE(err.str().find("GSE1 waveform files"), std::string::npos);
  ConvertOptions missing{.input = path("nothing.msg"), .output = path("z.mseed")};
  EXPECT_EQ(run_convert(missing, err), kExitUsage);
  ConvertOptions bad_target{.input = rjob(), .output = path("z.msg"), .to = "ims2:xyz"};
  EXPECT_EQ(run_convert(bad_target, err), kExitUsage);
}

}  // namespace imsgate::cli
