// Crash safety: messages keep arriving while the server is killed with SIGKILL at random moments and started
// again; in the end every message is stored exactly once.
#include <chrono>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "acq/maildir.hpp"
#include "e2e/server_process.hpp"
#include "store/archive.hpp"
#include "store/store.hpp"
#include "test_dir.hpp"

namespace imsgate::e2e {
namespace {

std::string alert_mail(int n) {
  return fmt::format(
      "From: Station AUP06 <operator@aup06.example>\r\nTo: acq@imsgate.test\r\nSubject: alert {0}\r\n"
      "Message-ID: <{0}@aup06.example>\r\n\r\n"
      "BEGIN IMS2.0\r\nMSG_TYPE DATA\r\nMSG_ID CRASH{0} AUP06\r\nDATA_TYPE ALERT_FLOW\r\n"
      "AUP06 ALERT_FLOW 2026/11/01 {1:02}:{2:02}:00\r\nLow flow, message {0}.\r\nSTOP\r\n",
      n, (n / 60) % 24, n % 60);
}

TEST(CrashSafety, EveryMessageStoredOnceThroughKills) {
  const test::TempDir dir;
  const auto data = dir.path() / "data";
  ASSERT_EQ(
      run_imsgate({"admin", "--data-dir", data.string(), "station", "add", "AUP06", "--kind", "radionuclide"})
          .status,
      0);
  ASSERT_EQ(run_imsgate({"admin", "--data-dir", data.string(), "sender", "add", "operator@aup06.example",
                         "--station", "AUP06"})
                .status,
            0);
  const acq::Maildir intake(data / "intake");
  ASSERT_TRUE(intake.create());

  constexpr int kMessages = 2000;
  std::set<std::string> delivered;
  ServerProcess server(data);
  ASSERT_TRUE(server.start());
  std::mt19937 random(20261123);
  int kills = 0;
  for (int n = 0; n < kMessages; ++n) {
    const std::string mail = alert_mail(n);
    ASSERT_TRUE(intake.deliver(mail)) << n;
    delivered.insert(store::sha256_hex(mail));
    // Now and then, after a random pause (so that the kill falls anywhere in a batch), a crash and a restart.
    if (random() % 250 == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(random() % 40));
      server.kill_hard();
      ++kills;
      ASSERT_TRUE(server.start()) << "restart " << kills;
    }
  }
  // Let the last one drain, then stop cleanly.
  for (int wait = 0; wait < 1200 && intake.backlog() > 0; ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  EXPECT_GE(kills, 3);
  EXPECT_EQ(intake.backlog(), 0u);

  auto store = store::Store::open(data);
  ASSERT_TRUE(store) << store.error();
  store::MessageFilter all;
  all.limit = kMessages * 2;
  const auto records = (*store)->messages(all);
  std::multiset<std::string> stored;
  for (const auto& record : records) {
    stored.insert(record.sha256);
    EXPECT_TRUE(record.accepted) << record.reason << ": " << record.diagnostics;
    EXPECT_EQ((*store)->sections(record.id).size(), 1u) << record.id;
    EXPECT_TRUE((*store)->archive().contains(record.sha256));
  }
  EXPECT_EQ(stored.size(), delivered.size());
  EXPECT_EQ(std::set<std::string>(stored.begin(), stored.end()), delivered);
  const auto alerts = (*store)->items("ALERT_FLOW", "AUP06", std::nullopt, std::nullopt);
  EXPECT_EQ(alerts.size(), static_cast<std::size_t>(kMessages));
}

}  // namespace
}  // namespace imsgate::e2e
