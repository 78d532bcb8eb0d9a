// Internal to CM6 and CM8: second differences (6.3.2.3, equations 1 and 2) and their integration.
#pragma once

#include <cstdint>

namespace imsgate::ims2::codec::detail {

// Both in 32-bit wrap-around arithmetic, so that every series of 32-bit samples survives the round trip.

// S0, S1 - 2 S0, then Sj - 2 Sj-1 + Sj-2 ("zero and negative indices are ignored"), modulo 2^32.
// Small values meant to live in registers: copy them into a hot loop, since stores of samples or
// characters may alias their members.
class SecondDifference {
 public:
  std::int32_t next(std::int32_t sample) {
    const auto s = static_cast<std::uint32_t>(sample);
    const std::uint32_t d = s - 2 * last_ + before_;
    before_ = last_;
    last_ = s;
    return static_cast<std::int32_t>(d);
  }

 private:
  std::uint32_t last_ = 0;
  std::uint32_t before_ = 0;
};

// Two running sums modulo 2^32: they give back the samples whether the writer used exact or wrapped
// differences.
class Integrator {
 public:
  std::int32_t next(std::uint32_t second_difference) {
    first_ += second_difference;
    sample_ += first_;
    return static_cast<std::int32_t>(sample_);
  }

 private:
  std::uint32_t first_ = 0;
  std::uint32_t sample_ = 0;
};

}  // namespace imsgate::ims2::codec::detail
