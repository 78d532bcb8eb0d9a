#include "telemetry/metrics.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace imsgate::telemetry {
namespace {

bool by_name(const std::pair<std::string, std::string>& a, const std::pair<std::string, std::string>& b) {
  return a.first < b.first;
}

// The series key of a label set: sorted by name; copied only when the caller's order differs.
template <class Map, class Fn>
void with_series(Map& map, const Labels& labels, Fn fn) {
  if (std::is_sorted(labels.begin(), labels.end(), by_name)) {
    auto it = map.find(labels);
    if (it == map.end()) it = map.emplace(labels, typename Map::mapped_type{}).first;
    fn(it->second);
    return;
  }
  auto sorted = labels;
  std::stable_sort(sorted.begin(), sorted.end(), by_name);
  fn(map.try_emplace(std::move(sorted)).first->second);
}

std::string format_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

void append_escaped(std::string& out, std::string_view text, bool quote) {
  for (const char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (quote && c == '"')
      out += "\\\"";
    else
      out += c;
  }
}

// `name{a="x",b="y"} value`, with an optional last label (the buckets' "le").
void append_sample(std::string& out, std::string_view name, const Labels& labels, double value,
                   std::string_view extra_name = {}, std::string_view extra_value = {}) {
  out += name;
  if (!labels.empty() || !extra_name.empty()) {
    out += '{';
    bool first = true;
    const auto label = [&](std::string_view key, std::string_view text) {
      if (!first) out += ',';
      first = false;
      out += key;
      out += "=\"";
      append_escaped(out, text, true);
      out += '"';
    };
    for (const auto& [key, text] : labels) label(key, text);
    if (!extra_name.empty()) label(extra_name, extra_value);
    out += '}';
  }
  out += ' ';
  out += format_value(value);
  out += '\n';
}

}  // namespace

void Family::render(std::string& out) const {
  out += "# HELP ";
  out += name_;
  out += ' ';
  append_escaped(out, help_, false);
  out += "\n# TYPE ";
  out += name_;
  out += ' ';
  out += type();
  out += '\n';
  const std::lock_guard lock(mutex_);
  render_series(out);
}

void Counter::add(const Labels& labels, double value) {
  if (!(value >= 0)) return;
  const std::lock_guard lock(mutex_);
  with_series(values_, labels, [&](double& v) { v += value; });
}

void Counter::render_series(std::string& out) const {
  for (const auto& [labels, value] : values_) append_sample(out, name(), labels, value);
}

void Gauge::set(const Labels& labels, double value) {
  const std::lock_guard lock(mutex_);
  with_series(values_, labels, [&](double& v) { v = value; });
}

void Gauge::add(const Labels& labels, double value) {
  const std::lock_guard lock(mutex_);
  with_series(values_, labels, [&](double& v) { v += value; });
}

void Gauge::set_callback(const Labels& labels, std::function<double()> callback) {
  const std::lock_guard lock(mutex_);
  with_series(callbacks_, labels, [&](std::function<double()>& f) { f = std::move(callback); });
}

void Gauge::render_series(std::string& out) const {
  // One series per label set, in label order, whether set or computed; the callback wins.
  auto v = values_.begin();
  auto c = callbacks_.begin();
  while (v != values_.end() || c != callbacks_.end()) {
    if (c == callbacks_.end() || (v != values_.end() && v->first < c->first)) {
      append_sample(out, name(), v->first, v->second);
      ++v;
    } else {
      append_sample(out, name(), c->first, c->second());
      if (v != values_.end() && v->first == c->first) ++v;
      ++c;
    }
  }
}

Histogram::Histogram(std::string name, std::string help, std::vector<double> buckets)
    : Family(std::move(name), std::move(help)), bounds_(std::move(buckets)) {
  std::erase_if(bounds_, [](double b) { return std::isnan(b) || std::isinf(b); });
  std::sort(bounds_.begin(), bounds_.end());
  bounds_.erase(std::unique(bounds_.begin(), bounds_.end()), bounds_.end());
}

void Histogram::observe(const Labels& labels, double value) {
  if (std::isnan(value)) return;
  // The first bucket whose upper bound is at least the value; past the last bound, +Inf.
  const auto bucket =
      static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin());
  const std::lock_guard lock(mutex_);
  with_series(series_, labels, [&](Series& s) {
    if (s.counts.empty()) s.counts.resize(bounds_.size() + 1);
    ++s.counts[bucket];
    s.sum += value;
    ++s.count;
  });
}

void Histogram::render_series(std::string& out) const {
  const auto bucket_name = name() + "_bucket";
  for (const auto& [labels, series] : series_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
      cumulative += series.counts[i];
      append_sample(out, bucket_name, labels, static_cast<double>(cumulative), "le",
                    format_value(bounds_[i]));
    }
    append_sample(out, bucket_name, labels, static_cast<double>(series.count), "le", "+Inf");
    append_sample(out, name() + "_sum", labels, series.sum);
    append_sample(out, name() + "_count", labels, static_cast<double>(series.count));
  }
}

template <class T, class... Args>
T& Registry::get(const std::string& name, const std::string& help, Args&&... args) {
  const std::lock_guard lock(mutex_);
  const auto it =
      std::find_if(families_.begin(), families_.end(), [&](const auto& f) { return f->name() == name; });
  if (it != families_.end())
    if (auto* existing = dynamic_cast<T*>(it->get())) return *existing;
  auto& list = it == families_.end() ? families_ : unlisted_;
  list.push_back(std::make_unique<T>(name, help, std::forward<Args>(args)...));
  return static_cast<T&>(*list.back());
}

Counter& Registry::counter(const std::string& name, const std::string& help) {
  return get<Counter>(name, help);
}

Gauge& Registry::gauge(const std::string& name, const std::string& help) {
  return get<Gauge>(name, help);
}

Histogram& Registry::histogram(const std::string& name, const std::string& help,
                               const std::vector<double>& buckets) {
  return get<Histogram>(name, help, buckets);
}

std::string Registry::render() const {
  // Families are never removed: render them outside the registry's lock, so that a gauge's callback may use
  // it.
  std::vector<const Family*> families;
  {
    const std::lock_guard lock(mutex_);
    for (const auto& family : families_) families.push_back(family.get());
  }
  std::string out;
  for (const auto* family : families) family->render(out);
  return out;
}

}  // namespace imsgate::telemetry
