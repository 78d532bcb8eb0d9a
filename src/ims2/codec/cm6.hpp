// CM6 (6.3.2.3): second differences of the samples written in 6-bit characters, 80 characters a line.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

// Decodes samples.size() samples from `text`, the lines that follow DAT2. Line ends (LF or CR LF) and the
// blanks that pad a line at its end are skipped; a sample may continue on the next line. Decoding stops
// exactly after the last sample, so a data line that starts with the letters "CHK2" is data while samples
// are missing. Returns the bytes consumed: through the end of the line that holds the last sample and any
// blank lines after it, so that the CHK2 line starts there.
tl::expected<std::size_t, CodecError> decode_cm6(std::string_view text, std::span<std::int32_t> samples);

// Appends the samples as lines of 80 characters (the last one shorter), each ending in LF. Every series of
// 32-bit samples can be written: second differences are taken modulo 2^32, so that none needs more than
// 7 characters, and a reader that integrates modulo 2^32 gets the samples back.
void encode_cm6(std::span<const std::int32_t> samples, std::string& out);

}  // namespace imsgate::ims2::codec
