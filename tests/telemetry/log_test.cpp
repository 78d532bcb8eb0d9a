#include "telemetry/log.hpp"

#include <regex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace imsgate::telemetry {
namespace {

using namespace std::chrono;

const auto kTime = time_point_cast<system_clock::duration>(sys_days{year{2026} / 11 / 23} + hours{15} +
                                                           minutes{48} + seconds{1} + microseconds{123456});

TEST(Log, JsonLineHoldsTimeLevelMessageAndFields) {
  const std::string sha = "ab12cd";
  const auto line = format_log_line(LogFormat::json, kTime, LogLevel::info, "message stored",
                                    {{"sha256", sha},
                                     {"station", "SEP63"},
                                     {"bytes", 1234},
                                     {"size", std::size_t{18446744073709551615u}},
                                     {"delta", -7},
                                     {"ratio", 0.5},
                                     {"signed", true},
                                     {"msg", "a field called msg"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["ts"], "2026-11-23T15:48:01.123Z");
  EXPECT_EQ(json["level"], "info");
  EXPECT_EQ(json["msg"], "message stored");
  EXPECT_EQ(json["sha256"], "ab12cd");
  EXPECT_EQ(json["station"], "SEP63");
  EXPECT_EQ(json["bytes"], 1234);
  EXPECT_EQ(json["size"], 18446744073709551615u);
  EXPECT_EQ(json["delta"], -7);
  EXPECT_EQ(json["ratio"], 0.5);
  EXPECT_EQ(json["signed"], true);
  EXPECT_EQ(json["_msg"], "a field called msg");
  EXPECT_TRUE(line.starts_with(R"({"ts":"2026-11-23T15:48:01.123Z","level":"info","msg":"message stored",)"))
      << line;
}

TEST(Log, JsonLineEscapesControlCharactersAndReplacesInvalidUtf8) {
  const auto line = format_log_line(LogFormat::json, kTime, LogLevel::error, "bad \"input\"\n\tend",
                                    {{"from", "station\x01\xff"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["msg"], "bad \"input\"\n\tend");
  EXPECT_EQ(json["from"], "station\x01\xEF\xBF\xBD");
}

TEST(Log, TextLineQuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(format_log_line(LogFormat::text, kTime, LogLevel::warn, "slow upload\nfrom",
                            {{"station", "SEP63"},
                             {"note", "two words"},
                             {"eq", "a=b"},
                             {"empty", ""},
                             {"quote", "say \"hi\" \\o/"},
                             {"bytes", 42},
                             {"ok", false},
                             {"ratio", 0.25}}),
            "2026-11-23T15:48:01.123Z WARN slow upload\\nfrom station=SEP63 note=\"two words\" eq=\"a=b\" "
            "empty=\"\" "
            "quote=\"say \\\"hi\\\" \\\\o/\" bytes=42 ok=false ratio=0.25");
}

TEST(Log, LoggerDropsLowerLevelsAndWritesWholeLines) {
  std::mutex mutex;
  std::vector<std::string> lines;
  const Logger logger(
      {.level = LogLevel::info, .format = LogFormat::json, .sink = [&](std::string_view line) {
         lines.emplace_back(line);  // the logger serialises calls to the sink
       }});
  logger.debug("not shown", {{"k", 1}});
  EXPECT_FALSE(logger.enabled(LogLevel::debug));
  EXPECT_TRUE(logger.enabled(LogLevel::warn));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) logger.info("message stored", {{"thread", t}, {"i", i}});
    });
  for (auto& t : threads) t.join();
  logger.error("disk full", {{"path", std::string("/var/x")}});
  ASSERT_EQ(lines.size(), 401u);
  const std::regex ts(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)");
  int sum = 0;
  for (std::size_t i = 0; i < 400; ++i) {
    const auto json = nlohmann::json::parse(lines[i]);
    EXPECT_TRUE(std::regex_match(json["ts"].get<std::string>(), ts)) << lines[i];
    EXPECT_EQ(json["level"], "info");
    sum += json["i"].get<int>();
  }
  EXPECT_EQ(sum, 4 * 4950);
  const auto last = nlohmann::json::parse(lines.back());
  EXPECT_EQ(last["level"], "error");
  EXPECT_EQ(last["path"], "/var/x");
}

TEST(Log, ParsesLevelAndFormatNames) {
  EXPECT_EQ(parse_log_level("debug"), LogLevel::debug);
  EXPECT_EQ(parse_log_level("warn"), LogLevel::warn);
  EXPECT_FALSE(parse_log_level("verbose"));
  EXPECT_EQ(parse_log_format("json"), LogFormat::json);
  EXPECT_EQ(parse_log_format("text"), LogFormat::text);
  EXPECT_EQ(parse_log_format("xml").error(), "unknown log format \"xml\" (text or json)");
}

}  // namespace
}  // namespace imsgate::telemetry
