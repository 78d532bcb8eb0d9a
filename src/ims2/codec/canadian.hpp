// Canadian compression, the compressed form of CD-1.1 channel data (transformations 1 and 2).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace imsgate::ims2::codec {

// Samples come in blocks of 20; the compressed form is an index of two bytes per block, the first sample as
// a big-endian 32-bit integer, then the second differences of each block in five groups of four, each
// group packed big-endian with 4, 6, ... 18 bits a value, or, when a group of the block needs more, with
// 4, 8, ... 32 bits. The last first difference leads to `next`, the sample after the block (the caller's;
// decoders ignore it).
inline constexpr std::size_t kCanadianBlock = 20;

// Appends the compressed form of samples.size() samples (a multiple of 20) to `out`.
void canadian_compress(std::span<const std::int32_t> samples, std::int32_t next,
                       std::vector<std::uint8_t>& out);

// Decompresses samples.size() samples (a multiple of 20) from `data`; a message when the data are short or
// the count is not a multiple of 20.
std::optional<std::string> canadian_decompress(std::span<const std::uint8_t> data,
                                               std::span<std::int32_t> samples);

}  // namespace imsgate::ims2::codec
