// A small thread-safe registry of Prometheus metrics (counters, gauges, histograms) and its text exposition.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imsgate::telemetry {

// Label name and value pairs. A series is the set of its labels: the order in which they are given does not
// matter (they are kept and rendered sorted by name).
using Labels = std::vector<std::pair<std::string, std::string>>;

// The Content-Type of render()'s text.
inline constexpr std::string_view kExpositionContentType = "text/plain; version=0.0.4";

// Prometheus's default buckets, in seconds.
inline const std::vector<double> kDefaultBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

class Family {
 public:
  Family(std::string name, std::string help) : name_(std::move(name)), help_(std::move(help)) {}
  virtual ~Family() = default;
  Family(const Family&) = delete;
  Family& operator=(const Family&) = delete;

  const std::string& name() const { return name_; }
  void render(std::string& out) const;  // HELP, TYPE and every series

 protected:
  virtual const char* type() const = 0;
  virtual void render_series(std::string& out) const = 0;  // called with mutex_ held

  mutable std::mutex mutex_;

 private:
  std::string name_;
  std::string help_;
};

// A value that only goes up, per label set.
class Counter : public Family {
 public:
  using Family::Family;
  void add(const Labels& labels, double value = 1);  // a negative or NaN value is ignored

 private:
  const char* type() const override { return "counter"; }
  void render_series(std::string& out) const override;
  std::map<Labels, double> values_;
};

// A value that goes up and down, set or added to, or read from a callback at render time.
class Gauge : public Family {
 public:
  using Family::Family;
  void set(const Labels& labels, double value);
  void add(const Labels& labels, double value);
  // Called by render() with this gauge's lock held: it must not touch this gauge. Replaces a set() value.
  void set_callback(const Labels& labels, std::function<double()> callback);

 private:
  const char* type() const override { return "gauge"; }
  void render_series(std::string& out) const override;
  std::map<Labels, double> values_;
  std::map<Labels, std::function<double()>> callbacks_;
};

// Observations counted in fixed buckets (upper bounds), with their sum and count.
class Histogram : public Family {
 public:
  Histogram(std::string name, std::string help, std::vector<double> buckets);  // sorted, duplicates dropped
  void observe(const Labels& labels, double value);                            // NaN is ignored

 private:
  struct Series {
    std::vector<std::uint64_t> counts;  // per bucket, not cumulative; the last one is +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };
  const char* type() const override { return "histogram"; }
  void render_series(std::string& out) const override;
  std::vector<double> bounds_;
  std::map<Labels, Series> series_;
};

// Owns the families; the references it hands out stay valid as long as it lives. Asking again for a name
// gives the same family. A name already taken by a family of another type is a programming error: the family
// returned then works but is left out of render(), so that the exposition stays valid.
class Registry {
 public:
  Counter& counter(const std::string& name, const std::string& help);
  Gauge& gauge(const std::string& name, const std::string& help);
  Histogram& histogram(const std::string& name, const std::string& help,
                       const std::vector<double>& buckets = kDefaultBuckets);

  // Text exposition format 0.0.4 (kExpositionContentType), families in registration order.
  std::string render() const;

 private:
  template <class T, class... Args>
  T& get(const std::string& name, const std::string& help, Args&&... args);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Family>> families_;
  std::vector<std::unique_ptr<Family>> unlisted_;  // name clashes
};

}  // namespace imsgate::telemetry
