// Internal to the codecs: unaligned loads and stores in a fixed byte order, and bit-mask helpers.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace imsgate::ims2::codec::detail {

inline std::uint32_t load_le32(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
  return w;
}

inline std::uint64_t load_le64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// Eight bytes with p[0] in the most significant byte and p[7] in the least.
inline std::uint64_t load_be64(const std::uint8_t* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::little) w = __builtin_bswap64(w);
  return w;
}

// Stores the most significant byte of w at p[0], the next at p[1], and so on.
inline void store_be64(char* p, std::uint64_t w) {
  if constexpr (std::endian::native == std::endian::little) w = __builtin_bswap64(w);
  std::memcpy(p, &w, 8);
}

// The lowest `n` set bits of `bits`.
inline std::uint64_t lowest_bits(std::uint64_t bits, std::size_t n) {
  std::uint64_t rest = bits;
  for (std::size_t i = 0; i < n; ++i) rest &= rest - 1;
  return bits & ~rest;
}

}  // namespace imsgate::ims2::codec::detail
