// CM8 (6.3.2.4): second differences of the samples in 8-bit bytes, a binary subformat (not for e-mail).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

// The largest second difference CM8 holds: four bytes carry 6 + 3 * 7 = 27 bits of magnitude (codeco CMPRS8,
// the reference the digest rebuilt Table 33 from).
inline constexpr std::int64_t kCm8Limit = (std::int64_t{1} << 27) - 1;

// Decodes samples.size() samples from `bytes`, the raw bytes after the DAT2 line (line-end bytes are data
// here). Honours the escape 0x80 0x01..0x0F (the sample before had 32 added to its last byte) and stops at
// the end mark 0x80 0x80. After the samples come the 0x80 padding bytes and a line end. Returns the bytes
// consumed, through that line end and any blank lines after it.
tl::expected<std::size_t, CodecError> decode_cm8(std::string_view bytes, std::span<std::int32_t> samples);

// Appends the samples as CM8 bytes as codeco writes them: control characters ^C ^D ^P ^Z escaped, then
// 0x80 bytes up to a multiple of 80 (at least three, which includes the end mark), then LF. A second
// difference beyond kCm8Limit is an error (the output is left as it was): CM8 cannot hold it.
tl::expected<void, CodecError> encode_cm8(std::span<const std::int32_t> samples, std::string& out);

}  // namespace imsgate::ims2::codec
