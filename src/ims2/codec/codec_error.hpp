// Errors of the waveform codecs: what went wrong, where in the data text, and at which sample.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace imsgate::ims2::codec {

enum class CodecErrc {
  data_end,           // the data end before the announced number of samples
  invalid_character,  // a character (CM8: a byte) the subformat does not allow there
  sample_too_long,    // a compressed sample with more characters than the subformat allows
  trailing_data,      // data after the announced number of samples
  out_of_range,       // decoders: an INT value outside 32 bits; encoders: a value the subformat cannot hold
  malformed,          // a structure that is not well formed (CSF subframes, base-64)
  unsupported,        // a defined part of a subformat that this library does not implement
};

struct CodecError {
  CodecErrc code = CodecErrc::malformed;
  std::size_t offset = 0;  // decoders: byte offset in the data text (0 for encoders)
  std::size_t sample = 0;  // decoders: samples complete before the error; encoders: the sample concerned
  std::string message;     // what was wrong and what was expected
  std::string_view rule;   // the spec section broken, e.g. "6.3.2.3"
};

}  // namespace imsgate::ims2::codec
