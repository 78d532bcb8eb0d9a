#include "ims2/codec/canadian.hpp"

#include <fmt/format.h>

namespace imsgate::ims2::codec {
namespace {

constexpr std::size_t kGroup = 4;
constexpr std::size_t kGroups = kCanadianBlock / kGroup;

// Big-endian bit streams.
class BitWriter {
 public:
  explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}
  void put(std::uint32_t value, unsigned bits) {
    for (unsigned i = bits; i-- > 0;) {
      acc_ = static_cast<std::uint8_t>(acc_ << 1 | ((value >> i) & 1));
      if (++filled_ == 8) {
        out_.push_back(acc_);
        acc_ = 0;
        filled_ = 0;
      }
    }
  }

 private:
  std::vector<std::uint8_t>& out_;
  std::uint8_t acc_ = 0;
  unsigned filled_ = 0;
};

class BitReader {
 public:
  explicit BitReader(std::span<const std::uint8_t> in, std::size_t byte) : in_(in), bit_(byte * 8) {}
  bool has(std::size_t bits) const { return bit_ + bits <= in_.size() * 8; }
  // A two's complement value of `bits` bits, sign-extended.
  std::uint32_t get(unsigned bits) {
    std::uint32_t v = 0;
    for (unsigned i = 0; i < bits; ++i, ++bit_) v = v << 1 | ((in_[bit_ / 8] >> (7 - bit_ % 8)) & 1);
    if (bits < 32 && (v >> (bits - 1)) != 0) v |= ~std::uint32_t{0} << bits;
    return v;
  }

 private:
  std::span<const std::uint8_t> in_;
  std::size_t bit_;
};

// The narrowest width of `wide` (4, 8, ... 32) or narrow (4, 6, ... 18) codes that holds the group.
unsigned group_bits(const std::uint32_t* d, bool wide) {
  std::uint32_t any = 0;
  for (std::size_t i = 0; i < kGroup; ++i) any |= d[i] ^ (0u - (d[i] >> 31));  // ones' complement magnitude
  // b bits hold -2^(b-1) .. 2^(b-1) - 1, i.e. magnitudes below 2^(b-1).
  const unsigned step = wide ? 4 : 2;
  unsigned b = 4;
  while (b < 32 && (any >> (b - 1)) != 0) b += step;
  return b;
}

}  // namespace

void canadian_compress(std::span<const std::int32_t> samples, std::int32_t next,
                       std::vector<std::uint8_t>& out) {
  const std::size_t m = samples.size();
  // Second differences modulo 2^32: d0 = x0, dk = xk - xk-1 of the first differences xk = yk+1 - yk.
  std::vector<std::uint32_t> d(m);
  std::uint32_t previous = 0;
  for (std::size_t k = 0; k < m; ++k) {
    const auto y = static_cast<std::uint32_t>(samples[k]);
    const auto after = static_cast<std::uint32_t>(k + 1 < m ? samples[k + 1] : next);
    const std::uint32_t x = after - y;
    d[k] = x - previous;
    previous = x;
  }
  const std::size_t index = out.size();
  out.resize(index + m / 10);
  const auto first = m ? static_cast<std::uint32_t>(samples[0]) : 0u;
  for (unsigned shift = 32; shift > 0; shift -= 8)
    out.push_back(static_cast<std::uint8_t>(first >> (shift - 8)));
  BitWriter bits(out);
  for (std::size_t block = 0; block < m / kCanadianBlock; ++block) {
    const std::uint32_t* b = d.data() + block * kCanadianBlock;
    unsigned width[kGroups];
    bool wide = false;
    for (std::size_t g = 0; g < kGroups; ++g) wide = wide || group_bits(b + g * kGroup, false) > 18;
    std::uint32_t code = wide ? 0x8000u : 0;
    for (std::size_t g = 0; g < kGroups; ++g) {
      width[g] = group_bits(b + g * kGroup, wide);
      // Three bits a group: (b - 4) / 4 or (b - 4) / 2, the first group most significant.
      code |= ((width[g] - 4) / (wide ? 4 : 2)) << (3 * (kGroups - 1 - g));
      for (std::size_t i = 0; i < kGroup; ++i) bits.put(b[g * kGroup + i], width[g]);
    }
    out[index + 2 * block] = static_cast<std::uint8_t>(code >> 8);
    out[index + 2 * block + 1] = static_cast<std::uint8_t>(code);
  }
}

std::optional<std::string> canadian_decompress(std::span<const std::uint8_t> data,
                                               std::span<std::int32_t> samples) {
  const std::size_t m = samples.size();
  if (m % kCanadianBlock != 0) {
    return fmt::format("{} samples: Canadian compression needs a multiple of {}", m, kCanadianBlock);
  }
  const std::size_t index = m / 10;
  if (data.size() < index + 4) return std::string("Canadian compressed data shorter than their index");
  std::uint32_t first = 0;
  for (std::size_t i = 0; i < 4; ++i) first = first << 8 | data[index + i];
  BitReader bits(data, index + 4);
  std::uint32_t x = 0;  // running first difference
  std::uint32_t y = first;
  for (std::size_t block = 0; block < m / kCanadianBlock; ++block) {
    const std::uint32_t code = static_cast<std::uint32_t>(data[2 * block]) << 8 | data[2 * block + 1];
    const bool wide = (code & 0x8000u) != 0;
    for (std::size_t g = 0; g < kGroups; ++g) {
      const unsigned width = 4 + ((code >> (3 * (kGroups - 1 - g))) & 7) * (wide ? 4 : 2);
      if (!bits.has(kGroup * width)) return std::string("Canadian compressed data end inside a block");
      for (std::size_t i = 0; i < kGroup; ++i) {
        samples[block * kCanadianBlock + g * kGroup + i] = static_cast<std::int32_t>(y);
        x += bits.get(width);
        y += x;
      }
    }
  }
  return std::nullopt;
}

}  // namespace imsgate::ims2::codec
