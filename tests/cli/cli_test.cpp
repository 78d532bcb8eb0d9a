#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "test_paths.hpp"

namespace imsgate::cli {
namespace {

// A message file in a fresh temporary folder, removed with the fixture.
class CliTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_ = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("imsgate-cli-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(d);
    return d;
  }();
  std::ostringstream out, err;
};

const std::string kGoodData =
    "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 42 ANY_NDC\nDATA_TYPE LOG IMS2.0\n hello\nSTOP\n";
const std::string kWarnedData = "From: someone\n" + kGoodData;
const std::string kBadData = "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 42 ANY_NDC\nDATA_TYPE LOG IMS2.0\n";

}  // namespace

TEST_F(CliTest, CheckExitsZeroOnAValidFile) {
  EXPECT_EQ(run_check({{write("a.msg", kGoodData)}}, out, err), kExitOk);
  EXPECT_EQ(out.str(), "");
}

TEST_F(CliTest, CheckPrintsDiagnosticsWithFileLineColumnAndRule) {
  const auto path = write("bad.msg", kBadData);
  EXPECT_EQ(run_check({{path}}, out, err), kExitInvalid);
  EXPECT_EQ(out.str(),
            path + ":1:1: error: message has no STOP: it is incomplete and discarded [spec 3.4.1]\n");
}

TEST_F(CliTest, StrictTurnsWarningsIntoErrors) {
  const auto path = write("w.msg", kWarnedData);
  EXPECT_EQ(run_check({{path}}, out, err), kExitOk);
  EXPECT_NE(out.str().find(":1:1: warning: 1 line(s) of free text"), std::string::npos) << out.str();
  std::ostringstream strict_out;
  EXPECT_EQ(run_check({{path}, true}, strict_out, err), kExitInvalid);
  EXPECT_NE(strict_out.str().find(":1:1: error: 1 line(s) of free text"), std::string::npos);
}

TEST_F(CliTest, UnreadableFileIsExitTwo) {
  EXPECT_EQ(run_check({{(dir_ / "missing.msg").string(), write("a.msg", kGoodData)}}, out, err), kExitUsage);
  EXPECT_NE(err.str().find("missing.msg"), std::string::npos);
}

TEST_F(CliTest, CheckJsonGivesOneObjectPerInput) {
  const auto good = write("good.msg", kGoodData);
  const auto bad = write("bad.msg", kBadData);
  EXPECT_EQ(run_check({{good, bad}, false, true}, out, err), kExitInvalid);
  std::istringstream lines(out.str());
  std::string line;
  std::getline(lines, line);
  const auto first = nlohmann::json::parse(line);
  EXPECT_EQ(first["file"], good);
  EXPECT_EQ(first["errors"], 0);
  ASSERT_EQ(first["messages"].size(), 1u);
  EXPECT_EQ(first["messages"][0]["msg_type"], "data");
  EXPECT_EQ(first["messages"][0]["msg_id"]["id"], "42");
  EXPECT_EQ(first["messages"][0]["msg_id"]["source"], "ANY_NDC");
  EXPECT_EQ(first["messages"][0]["sections"][0]["data_type"], "LOG");
  std::getline(lines, line);
  const auto second = nlohmann::json::parse(line);
  EXPECT_EQ(second["errors"], 1);
  EXPECT_EQ(second["diagnostics"][0]["rule"], "3.4.1");
  EXPECT_EQ(second["diagnostics"][0]["line"], 1);
  EXPECT_FALSE(std::getline(lines, line));
}

TEST_F(CliTest, DumpShowsTheModel) {
  EXPECT_EQ(run_dump({write("a.msg", kGoodData)}, out, err), kExitOk);
  const auto j = nlohmann::json::parse(out.str());
  const auto& log = j["messages"][0]["sections"][0]["model"];
  EXPECT_EQ(log["data_type"], "LOG");
  EXPECT_EQ(log["lines"][0], "hello");
  EXPECT_EQ(j["messages"][0]["format"], "IMS2.0");
}

TEST_F(CliTest, DumpShowsRadionuclideModels) {
  const auto path = (testing::real_dir() / "noble-gas-phd/SAMPLE20211203070613605.PHD").string();
  EXPECT_EQ(run_dump({path}, out, err), kExitOk);
  const auto j = nlohmann::json::parse(out.str());
  const auto& phd = j["messages"][0]["sections"][0]["model"];
  EXPECT_EQ(phd["data_type"], "SAMPLEPHD");
  const auto& histogram = phd["products"][0]["histogram"];
  EXPECT_EQ(histogram["gamma_channels"], 256);
  EXPECT_EQ(histogram["rows"].size(), 256u);
  EXPECT_EQ(histogram["rows"][0].size(), 256u);
  std::ostringstream met;
  EXPECT_EQ(run_dump({(testing::data_examples_dir() / "I.22-met.msg").string()}, met, err), kExitOk);
  const auto groups = nlohmann::json::parse(met.str())["messages"][0]["sections"][0]["model"]["groups"];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["records"][4]["rainfall"], 0.1);
}

TEST_F(CliTest, DumpKeepsTheTextOfSectionsItDoesNotRead) {
  EXPECT_EQ(
      run_dump({write("a.msg", "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 1\nDATA_TYPE EXECSUM\n#Header\nSTOP\n")},
               out, err),
      kExitOk);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["messages"][0]["sections"][0]["text"], "#Header\n");
}

TEST_F(CliTest, DumpShowsWaveformSamplesOnlyWhenAsked) {
  const auto path = (testing::real_dir() / "obspy-gse2/loc_RJOB20050831023349_first100_dos.z").string();
  EXPECT_EQ(run_dump({path}, out, err), kExitOk);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["messages"][0]["bare"], true);
  const auto& segment = j["messages"][0]["sections"][0]["model"]["blocks"][0];
  EXPECT_EQ(segment["wid2"]["station"], "RJOB");
  EXPECT_EQ(segment["checksum"]["computed"], 350);
  EXPECT_EQ(segment["checksum"]["stored"], 350);
  EXPECT_FALSE(segment.contains("samples"));
  std::ostringstream with_samples;
  EXPECT_EQ(run_dump({path, false, true}, with_samples, err), kExitOk);
  const auto samples = nlohmann::json::parse(
      with_samples.str())["messages"][0]["sections"][0]["model"]["blocks"][0]["samples"];
  ASSERT_EQ(samples.size(), 100u);
  EXPECT_EQ(samples[0], 12);
  EXPECT_EQ(samples[1], -10);
  EXPECT_EQ(samples[12], -2);
}

TEST_F(CliTest, FmtRewritesCanonically) {
  EXPECT_EQ(run_fmt({write("a.msg", "junk\r\n" + kGoodData)}, out, err), kExitOk);
  EXPECT_EQ(out.str(), kGoodData);
}

TEST_F(CliTest, FmtRefusesAMessageWithErrors) {
  EXPECT_EQ(run_fmt({write("bad.msg", kBadData)}, out, err), kExitInvalid);
  EXPECT_EQ(out.str(), "");
  EXPECT_NE(err.str().find("not rewritten"), std::string::npos);
}

}  // namespace imsgate::cli
