#include "demo_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "demo_internal.hpp"
#include "ims2/text.hpp"

namespace imsgate::demo {
namespace detail {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): spreads a seed and a stream number over all 64 bits.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

Random::Random(std::uint64_t seed) : seed_(seed), engine_(mix(seed)) {}

double Random::uniform() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double Random::uniform(double low, double high) {
  return low + (high - low) * uniform();
}

double Random::normal(double mean, double deviation) {
  // Box-Muller; 1 - u keeps the logarithm finite.
  const double u = 1.0 - uniform();
  const double v = uniform();
  return mean + deviation * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

std::int64_t Random::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean >= 30) return std::max<std::int64_t>(0, std::llround(normal(mean, std::sqrt(mean))));
  // Knuth's product of uniforms, exact for small means.
  const double limit = std::exp(-mean);
  std::int64_t k = 0;
  for (double p = uniform(); p > limit; p *= uniform()) ++k;
  return k;
}

int Random::integer(int low, int high) {
  return low + static_cast<int>(std::floor(uniform() * (high - low + 1)));
}

Random Random::fork(std::uint64_t stream) const {
  return Random(mix(seed_ ^ mix(stream + 1)));
}

tl::expected<ims2::DataSection, std::string> rn_section(const ims2::rn::Section& model, std::string type) {
  auto body = ims2::rn::write_section(model);
  if (!body) return tl::unexpected(fmt::format("{}: {}", type, body.error()));
  ims2::DataSection section;
  section.header.type = std::move(type);
  section.body = std::move(*body);
  return section;
}

tl::expected<ims2::DataSection, std::string> shi_section(const ims2::shi::Section& model,
                                                         ims2::DataTypeLine header) {
  auto body = ims2::shi::write_section(model);
  if (!body) return tl::unexpected(fmt::format("{}: {}", header.type, body.error()));
  ims2::DataSection section;
  section.header = std::move(header);
  section.body = std::move(*body);
  return section;
}

Status add_draft(Drafts& drafts, std::string_view station, TimePoint sent,
                 tl::expected<ims2::DataSection, std::string> section) {
  if (!section)
    return tl::unexpected(
        fmt::format("{} at {}: {}", station, ims2::write_fixed_date_time(sent, 0), section.error()));
  drafts.push_back({std::string(station), sent, std::move(*section)});
  return {};
}

std::string srid_hour(TimePoint t) {
  const auto hour = std::chrono::round<hours>(t);
  const auto day = std::chrono::floor<days>(hour);
  const std::chrono::year_month_day ymd(day);
  return fmt::format("{:04}{:02}{:02}{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                     (hour - day).count());
}

std::string mid(std::string_view detector, TimePoint acquisition_start) {
  std::string time = ims2::write_fixed_date_time(acquisition_start, 0);
  std::replace(time.begin(), time.end(), ' ', '-');
  return fmt::format("{}-{}", detector, time);
}

TimePoint at_seconds(TimePoint base, double s) {
  return base + std::chrono::microseconds(std::llround(s * 1e6));
}

double round_to(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

}  // namespace detail

namespace {

std::string address_of(std::string_view code) {
  return fmt::format("{}@demo.example.org", ims2::to_lower(code));
}

// MSG_ID: the sending time to the second, unique per sender in this data set.
std::string message_id(ims2::TimePoint sent) {
  std::string id = ims2::write_fixed_date_time(sent, 0);
  std::erase_if(id, [](char c) { return c == '/' || c == ' ' || c == ':'; });
  return id;
}

}  // namespace

std::vector<DemoStation> demo_stations() {
  using namespace detail;
  const auto station = [](std::string_view code, std::string kind) {
    return DemoStation{std::string(code), std::move(kind), address_of(code)};
  };
  return {station(kNobleGasStation, "radionuclide"), station(kParticulateStation, "radionuclide"),
          station(kSeismicStation, "seismic"), station(kLaboratory, "laboratory"),
          station(kDataCentre, "idc")};
}

tl::expected<DemoDataSet, std::string> make_demo_data(const DemoOptions& options) {
  using namespace detail;
  if (options.days < 1 || options.days > 31)
    return tl::unexpected(fmt::format("{} days: the data set covers 1 to 31 days", options.days));
  const Window window{options.start, options.start + days(options.days)};
  const Random random(options.seed);
  using Family = Status (*)(const Window&, Random, Drafts&);
  constexpr std::array<Family, 5> kFamilies{add_noble_gas, add_particulate, add_station_status,
                                            add_laboratory, add_seismic};
  Drafts drafts;
  for (std::size_t i = 0; i < kFamilies.size(); ++i)
    if (auto ok = kFamilies[i](window, random.fork(i), drafts); !ok) return tl::unexpected(ok.error());
  std::stable_sort(drafts.begin(), drafts.end(),
                   [](const Draft& a, const Draft& b) { return a.sent < b.sent; });

  DemoDataSet set{demo_stations(), {}};
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    Draft& draft = drafts[i];
    ims2::DataMessage message;
    message.preface.keyword_case = ims2::KeywordCase::upper;
    message.preface.type = ims2::MessageType::data;
    message.preface.msg_id = {message_id(draft.sent), draft.station};
    const std::string data_type = draft.section.header.type;
    message.sections.push_back(std::move(draft.section));
    set.messages.push_back({fmt::format("{:04}-{}-{}.eml", i + 1, draft.station, ims2::to_lower(data_type)),
                            draft.station, address_of(draft.station), draft.sent, data_type,
                            ims2::write_message(message)});
  }
  return set;
}

}  // namespace imsgate::demo
