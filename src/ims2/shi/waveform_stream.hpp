// Every waveform block of a whole input (IMS2.0 data messages, or bare GSE2 blocks), one at a time, read
// straight from the input: memory stays bounded by one segment however large the input is.
#pragma once

#include <optional>
#include <string_view>

#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/shi/waveform.hpp"

namespace imsgate::ims2::shi {

class WaveformStream {
 public:
  WaveformStream(std::string_view input, Diagnostics& diagnostics)
      : lines_(input), reader_(lines_, 1, diagnostics), diagnostics_(diagnostics) {}

  // The next block of any WAVEFORM section, or nothing at the end of the input.
  std::optional<WaveformBlock> next();

 private:
  // Moves to the next WAVEFORM section; false at the end of the input.
  bool enter_section();

  LineReader lines_;
  WaveformReader reader_;
  Diagnostics& diagnostics_;
  bool in_section_ = false;
  bool started_ = false;
};

}  // namespace imsgate::ims2::shi
