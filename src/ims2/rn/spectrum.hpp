// The bulk of a PHD: #g_Spectrum / #b_Spectrum (Tables 75, 76) and #Histogram (Table 77), read by a fast path
// over the lines (std::from_chars, no per-token allocation, vectors sized from the block's own header) and
// written with std::to_chars into one string.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/rn/block.hpp"
#include "ims2/rn/phd_blocks.hpp"

namespace imsgate::ims2::rn {

// The largest histogram read (gamma x beta channels): bounds what a damaged header can make us allocate.
inline constexpr std::size_t kMaxHistogramCounts = std::size_t(1) << 22;

// True for a line that is only an elision mark of the spec's examples (":", ".", "...", U+22EE): reported as
// one error, since such a line stands for data left out.
bool elision_mark(const Line& line, Diagnostics& diagnostics);

// Reads a spectrum block: record 2 gives the channel count n and the energy span, then each line gives its
// first channel and up to 5 counts. Counts land at their channel: the result has exactly n counts, zero where
// data are missing (reported); zeros past n are padding and dropped, a non-zero count past n is an error.
Spectrum read_spectrum(const Block& block, Diagnostics& diagnostics);

// Reads a histogram block: record 2 gives b rows, a values per row and the two spans, then b lines of a
// counts. The result has exactly b x a counts (zero where rows or values are missing, reported); empty when
// the header is unreadable or larger than kMaxHistogramCounts.
Histogram read_histogram(const Block& block, Diagnostics& diagnostics);

// Appends the block, name line included; an error names a value that does not fit its field.
tl::expected<void, std::string> write_spectrum(std::string& out, std::string_view name,
                                               const Spectrum& spectrum);
tl::expected<void, std::string> write_histogram(std::string& out, const Histogram& histogram);

}  // namespace imsgate::ims2::rn
