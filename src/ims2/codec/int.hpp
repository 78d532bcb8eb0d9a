// INT (6.3.2.1): the samples as signed decimal integers separated by blanks and line ends.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

// Decodes samples.size() integers from `text`, the lines that follow DAT2. Any number of blanks (or TABs)
// separates values; a value never continues on the next line; LF or CR LF end lines. A value outside 32
// bits is an error. Returns the bytes consumed: through the end of the line that holds the last sample and
// any blank lines after it, so that the CHK2 line starts there.
tl::expected<std::size_t, CodecError> decode_int(std::string_view text, std::span<std::int32_t> samples);

// Appends the samples separated by single blanks, as many as fit in 75 characters a line (the practice of
// the IDC's example I.42), each line ending in LF. Every 32-bit value can be written.
void encode_int(std::span<const std::int32_t> samples, std::string& out);

}  // namespace imsgate::ims2::codec
