// CHK2, the checksum of a waveform segment (6.3.2, Table 25, Appendix III), and the check of a stored value.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec {

// The running checksum over samples given in pieces. The state keeps its sign between pieces: the
// absolute value is taken once, at the end (GSE2.1 Appendix B; Appendix III lost that part).
class Chk2Accumulator {
 public:
  void add(std::span<const std::int32_t> samples);
  // The spec's unsigned form, 0..99999999.
  std::uint32_t value() const { return static_cast<std::uint32_t>(state_ < 0 ? -state_ : state_); }

 private:
  std::int64_t state_ = 0;  // |state_| < 100000000
};

std::uint32_t compute_chk2(std::span<const std::int32_t> samples);

enum class Chk2Outcome {
  match,              // the stored value is the spec's unsigned checksum
  match_signed_form,  // written with a sign (ObsPy, GSE_UTI), its magnitude matches: a warning
  mismatch,           // an error
};

struct Chk2Comparison {
  Chk2Outcome outcome = Chk2Outcome::mismatch;
  std::int64_t stored = 0;
  std::uint32_t computed = 0;
};

// `stored` is the checksum field of a CHK2 line (columns 6-13, blanks around it allowed), e.g. "     720" or
// "-4514". An error when it is not an integer.
tl::expected<Chk2Comparison, CodecError> compare_chk2(std::string_view stored, std::uint32_t computed);

// A diagnostic text that names both values, e.g. "CHK2 mismatch: the message says 999, the samples give 720".
std::string describe(const Chk2Comparison& comparison);

}  // namespace imsgate::ims2::codec
