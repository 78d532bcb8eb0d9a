// CD-1.1 channel subframes, the binary records that CSF carries (6.3.2.5).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

// The layout is that of "Formats and Protocols for Continuous Data CD-1.1", which the IMS2.0 spec cites for
// CSF but does not reproduce.

// What a station did to its channel data (channel description, byte 2).
enum class Cd11Transformation : std::uint8_t {
  none = 0,
  canadian_before_signature = 1,  // the signature covers the compressed data
  canadian_after_signature = 2,   // the signature covers the data before compression
  steim_before_signature = 3,
  steim_after_signature = 4,
};

// One channel subframe as sent, all fields big-endian, variable parts padded to 4 bytes. Views point into
// the bytes it was read from.
struct Cd11Subframe {
  std::span<const std::uint8_t> bytes;  // the whole subframe, from its length field on
  std::uint32_t authentication_offset = 0;
  bool authenticated = false;       // description byte 1
  std::uint8_t transformation = 0;  // description byte 2, see Cd11Transformation
  std::uint8_t sensor_type = 0;     // 0 seismic, 1 hydroacoustic, 2 infrasonic, 3 weather, > 3 other
  bool calibration = false;         // description byte 4 (option flag) is 1
  std::string_view site;            // 5 characters
  std::string_view channel;         // 3
  std::string_view location;        // 2
  std::string_view data_type;       // 2, CSS 3.0: s4, s3, s2, i4, i2
  float calibration_factor = 0;
  float calibration_period = 0;
  std::string_view time_stamp;  // 20 characters, "yyyyddd hh:mm:ss.sss"
  std::uint32_t time_length_ms = 0;
  std::uint32_t sample_count = 0;
  std::span<const std::uint8_t> status;  // without padding
  std::span<const std::uint8_t> data;    // without padding
  std::uint32_t subframe_count = 0;
  std::uint32_t key_id = 0;
  std::span<const std::uint8_t> signature;    // the authentication value, without padding
  std::span<const std::uint8_t> signed_part;  // channel description through subframe count: what is signed
};

// Reads the channel subframes that make up `bytes`, one after the other. Errors give the byte offset.
tl::expected<std::vector<Cd11Subframe>, CodecError> read_cd11_subframes(std::span<const std::uint8_t> bytes);

// The samples of a subframe: its data in the type it names (transformation none), or Canadian compressed.
// `out` has room for sample_count values.
tl::expected<void, CodecError> cd11_samples(const Cd11Subframe& subframe, std::span<std::int32_t> out);

// A subframe to write: unsigned (no authentication), channel data as s4 or Canadian compressed.
struct Cd11SubframeSpec {
  std::string site;
  std::string channel;
  std::string location;
  std::string time_stamp;  // "yyyyddd hh:mm:ss.sss"
  std::uint32_t time_length_ms = 0;
  std::uint8_t sensor_type = 0;
  bool canadian = false;         // Canadian compression (sample count a multiple of 20), else s4
  std::int32_t next_sample = 0;  // the sample after this subframe, for Canadian compression's last difference
};

void append_cd11_subframe(const Cd11SubframeSpec& spec, std::span<const std::int32_t> samples,
                          std::vector<std::uint8_t>& out);

}  // namespace imsgate::ims2::codec
