// CSF (6.3.2.5): authenticated waveform data, the station's CD-1.1 channel subframes sent as base-64.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

// Decodes the base-64 lines that follow DAT2 (up to the first line that is blank or not base-64, such as
// CHK2), reads the channel subframes they hold and writes their samples, which must number samples.size().
// Signatures are not verified here: read_cd11_subframes gives the signed bytes and the signature of each
// subframe to whoever holds the stations' keys. Returns the bytes consumed, through the base-64 lines and any
// blank lines after them.
tl::expected<std::size_t, CodecError> decode_csf(std::string_view text, std::span<std::int32_t> samples);

// Appends channel subframes, exactly as a station signed them, as base-64 lines.
void encode_csf(std::span<const std::uint8_t> subframes, std::string& out);

// The channel whose samples encode_csf_samples writes, as CD-1.1 names it.
struct CsfChannel {
  std::string site;      // at most 5 characters
  std::string channel;   // at most 3
  std::string location;  // at most 2 (the auxiliary identification code)
  std::chrono::sys_time<std::chrono::microseconds> start{};
  double sample_rate = 0;  // Hz
};

// Appends samples that no station signed (a conversion, a window cut from stored data) as unsigned CD-1.1
// subframes of at most 10 s each, 4-byte samples, in base-64 lines. An identity field too long for its
// CD-1.1 field, or a sample rate that is not positive, is an error and nothing is appended.
tl::expected<void, CodecError> encode_csf_samples(const CsfChannel& channel,
                                                  std::span<const std::int32_t> samples, std::string& out);

}  // namespace imsgate::ims2::codec
