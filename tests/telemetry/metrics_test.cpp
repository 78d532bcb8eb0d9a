#include "telemetry/metrics.hpp"

#include <cmath>
#include <thread>

#include <gtest/gtest.h>

namespace imsgate::telemetry {
namespace {

TEST(Metrics, RendersTheTextExpositionFormat) {
  Registry registry;
  auto& requests = registry.counter("imsgate_http_requests_total", "HTTP requests by method and status.");
  requests.add({{"method", "GET"}, {"status", "200"}});
  requests.add({{"status", "200"}, {"method", "GET"}}, 2);  // the same series, labels in another order
  requests.add({{"method", "POST"}, {"status", "413"}});
  auto& queue =
      registry.gauge("imsgate_queue_length", "Messages waiting.\nSecond line, with \\ and \"quotes\".");
  queue.set({}, 3);
  queue.add({}, -1);
  queue.set_callback({{"queue", "intake"}}, [] { return 7.5; });
  auto& latency = registry.histogram("imsgate_http_request_seconds", "Time to answer.", {1, 0.5});
  const Labels odd{{"path", "/a\"b\\c\nd"}};
  latency.observe(odd, 0.25);
  latency.observe(odd, 0.5);  // a bound is inclusive
  latency.observe(odd, 3);
  registry.counter("imsgate_unused_total", "Nothing yet.");

  EXPECT_EQ(registry.render(),
            "# HELP imsgate_http_requests_total HTTP requests by method and status.\n"
            "# TYPE imsgate_http_requests_total counter\n"
            "imsgate_http_requests_total{method=\"GET\",status=\"200\"} 3\n"
            "imsgate_http_requests_total{method=\"POST\",status=\"413\"} 1\n"
            "# HELP imsgate_queue_length Messages waiting.\\nSecond line, with \\\\ and \"quotes\".\n"
            "# TYPE imsgate_queue_length gauge\n"
            "imsgate_queue_length 2\n"
            "imsgate_queue_length{queue=\"intake\"} 7.5\n"
            "# HELP imsgate_http_request_seconds Time to answer.\n"
            "# TYPE imsgate_http_request_seconds histogram\n"
            "imsgate_http_request_seconds_bucket{path=\"/a\\\"b\\\\c\\nd\",le=\"0.5\"} 2\n"
            "imsgate_http_request_seconds_bucket{path=\"/a\\\"b\\\\c\\nd\",le=\"1\"} 2\n"
            "imsgate_http_request_seconds_bucket{path=\"/a\\\"b\\\\c\\nd\",le=\"+Inf\"} 3\n"
            "imsgate_http_request_seconds_sum{path=\"/a\\\"b\\\\c\\nd\"} 3.75\n"
            "imsgate_http_request_seconds_count{path=\"/a\\\"b\\\\c\\nd\"} 3\n"
            "# HELP imsgate_unused_total Nothing yet.\n"
            "# TYPE imsgate_unused_total counter\n");
}

TEST(Metrics, WritesSpecialValuesAndDefaultBuckets) {
  Registry registry;
  auto& gauge = registry.gauge("g", "A gauge.");
  gauge.set({{"k", "inf"}}, INFINITY);
  gauge.set({{"k", "minf"}}, -INFINITY);
  gauge.set({{"k", "nan"}}, NAN);
  gauge.set({{"k", "big"}}, 1e21);
  gauge.set({{"k", "small"}}, 0.001);
  auto& counter = registry.counter("c_total", "A counter.");
  counter.add({}, -5);  // counters never go down
  counter.add({}, NAN);
  counter.add({}, 2.5);
  registry.histogram("h", "Default buckets.").observe({}, 0.003);
  const auto text = registry.render();
  EXPECT_NE(text.find("g{k=\"big\"} 1e+21\n"), std::string::npos) << text;
  EXPECT_NE(text.find("g{k=\"inf\"} +Inf\n"), std::string::npos) << text;
  EXPECT_NE(text.find("g{k=\"minf\"} -Inf\n"), std::string::npos) << text;
  EXPECT_NE(text.find("g{k=\"nan\"} NaN\n"), std::string::npos) << text;
  EXPECT_NE(text.find("g{k=\"small\"} 0.001\n"), std::string::npos) << text;
  EXPECT_NE(text.find("c_total 2.5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("h_bucket{le=\"0.005\"} 1\nh_bucket{le=\"0.01\"} 1\nh_bucket{le=\"0.025\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("h_bucket{le=\"10\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 0.003\nh_count 1\n"),
            std::string::npos)
      << text;
}

TEST(Metrics, SameNameGivesTheSameFamilyAndAClashIsLeftOut) {
  Registry registry;
  auto& a = registry.counter("x_total", "First help.");
  auto& b = registry.counter("x_total", "Second help.");
  EXPECT_EQ(&a, &b);
  auto& clash = registry.gauge("x_total", "Another type.");
  clash.set({}, 9);
  a.add({});
  EXPECT_EQ(registry.render(), "# HELP x_total First help.\n# TYPE x_total counter\nx_total 1\n");
}

TEST(Metrics, CountsExactlyFromManyThreads) {
  Registry registry;
  auto& counter = registry.counter("hits_total", "Hits.");
  auto& histogram = registry.histogram("work_seconds", "Work.", {1});
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      const Labels labels{{"worker", std::to_string(t % 2)}};
      for (int i = 0; i < 5000; ++i) {
        counter.add(labels);
        histogram.observe({}, 0.5);
        if (i % 1000 == 0) registry.render();  // rendering while counting
      }
    });
  for (auto& t : threads) t.join();
  const auto text = registry.render();
  EXPECT_NE(text.find("hits_total{worker=\"0\"} 20000\nhits_total{worker=\"1\"} 20000\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("work_seconds_count 40000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("work_seconds_sum 20000\n"), std::string::npos) << text;
}

TEST(Metrics, GaugeCallbackMayUseTheRegistry) {
  Registry registry;
  auto& gauge = registry.gauge("families", "How many families there are.");
  gauge.set_callback({}, [&registry] {
    registry.counter("made_in_callback_total", "Made while rendering.");
    return 1.0;
  });
  EXPECT_EQ(registry.render(),
            "# HELP families How many families there are.\n# TYPE families gauge\nfamilies 1\n");
}

}  // namespace
}  // namespace imsgate::telemetry
