// The waveform codecs (6.3.2) behind one interface, chosen by the subformat that WID2 names.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/codec/chk2.hpp"
#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

enum class Subformat { int_text, cm6, cm8, csf };

// "INT", "CM6", "CM8", "CSF" in any case, blanks around them allowed.
std::optional<Subformat> parse_subformat(std::string_view name);
std::string_view subformat_name(Subformat subformat);

// Decodes samples.size() samples from `text`, which starts after the DAT2 line. Returns the bytes consumed:
// the CHK2 line starts there when the data are well formed.
tl::expected<std::size_t, CodecError> decode(Subformat subformat, std::string_view text,
                                             std::span<std::int32_t> samples);

// Decodes `count` samples and appends them to `samples` (left as it was on an error). A count that the
// text cannot hold is refused before anything is allocated.
tl::expected<std::size_t, CodecError> decode(Subformat subformat, std::string_view text, std::size_t count,
                                             std::vector<std::int32_t>& samples);

// Appends the samples in the subformat's layout; an error, and nothing appended, when the subformat cannot
// hold them (CM8: second differences of 2^27 or more; CSF: subframes name their channel, written with
// encode_csf or encode_csf_samples from csf.hpp).
tl::expected<void, CodecError> encode(Subformat subformat, std::span<const std::int32_t> samples,
                                      std::string& out);

}  // namespace imsgate::ims2::codec
