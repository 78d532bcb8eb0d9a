#include "ims2/codec/chk2.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace imsgate::ims2::codec {
namespace {

constexpr std::int64_t kModulo = 100000000;
constexpr std::string_view kRule = "6.3.2";

// The reference step, exactly: reduce the sample toward zero, add, reduce the sum toward zero.
// |state| < kModulo and |v % kModulo| < kModulo, so one correction of the sum suffices.
inline std::int64_t exact_step(std::int64_t state, std::int32_t v) {
  const std::int64_t x = state + std::int64_t{v} % kModulo;
  const std::int64_t above = x - kModulo;
  const std::int64_t below = x + kModulo;
  std::int64_t r = x >= kModulo ? above : x;
  r = x <= -kModulo ? below : r;
  return r;
}

}  // namespace

void Chk2Accumulator::add(std::span<const std::int32_t> samples) {
  // A block whose magnitudes add up to less than the distance to +-kModulo never triggers a reduction,
  // neither of a sample nor of a partial sum: its effect is then its plain sum. Seismic samples are small,
  // so nearly every block takes this path; the others take the reference steps.
  constexpr std::size_t kBlock = 64;
  std::int64_t state = state_;
  const std::int32_t* p = samples.data();
  std::size_t left = samples.size();
  while (left > 0) {
    const std::size_t n = std::min(left, kBlock);
    std::int64_t sum = 0;
    std::uint64_t magnitude = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t v = p[i];
      sum += v;
      magnitude += static_cast<std::uint64_t>(v < 0 ? -v : v);
    }
    const auto headroom = static_cast<std::uint64_t>(kModulo - (state < 0 ? -state : state));
    if (magnitude < headroom) {
      state += sum;
    } else {
      for (std::size_t i = 0; i < n; ++i) state = exact_step(state, p[i]);
    }
    p += n;
    left -= n;
  }
  state_ = state;
}

std::uint32_t compute_chk2(std::span<const std::int32_t> samples) {
  Chk2Accumulator chk2;
  chk2.add(samples);
  return chk2.value();
}

tl::expected<Chk2Comparison, CodecError> compare_chk2(std::string_view stored, std::uint32_t computed) {
  const auto first = stored.find_first_not_of(" \t\r");
  const auto last = stored.find_last_not_of(" \t\r");
  const std::string_view field =
      first == std::string_view::npos ? std::string_view{} : stored.substr(first, last - first + 1);
  const bool has_sign = !field.empty() && (field[0] == '-' || field[0] == '+');
  const std::string_view digits = has_sign ? field.substr(1) : field;
  std::uint64_t magnitude = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() ||
      magnitude > static_cast<std::uint64_t>(INT64_MAX)) {
    return tl::unexpected(CodecError{CodecErrc::malformed, first == std::string_view::npos ? 0 : first, 0,
                                     fmt::format("CHK2 value '{}' is not an integer", field), kRule});
  }
  Chk2Comparison c;
  c.stored = has_sign && field[0] == '-' ? -static_cast<std::int64_t>(magnitude)
                                         : static_cast<std::int64_t>(magnitude);
  c.computed = computed;
  if (magnitude != computed) {
    c.outcome = Chk2Outcome::mismatch;
  } else {
    c.outcome = has_sign ? Chk2Outcome::match_signed_form : Chk2Outcome::match;
  }
  return c;
}

std::string describe(const Chk2Comparison& c) {
  switch (c.outcome) {
    case Chk2Outcome::match:
      return fmt::format("CHK2 {} matches the samples", c.stored);
    case Chk2Outcome::match_signed_form:
      return fmt::format("CHK2 written with a sign ({}); the spec's form is unsigned ({})", c.stored,
                         c.computed);
    case Chk2Outcome::mismatch:
      break;
  }
  return fmt::format("CHK2 mismatch: the message says {}, the samples give {}", c.stored, c.computed);
}

}  // namespace imsgate::ims2::codec
