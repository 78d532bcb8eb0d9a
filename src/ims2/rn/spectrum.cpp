#include "ims2/rn/spectrum.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "ims2/rn/phd_fields.hpp"
#include "ims2/rn/record.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace phd_fields;

constexpr std::int64_t kMaxCount = 9'999'999'999;  // i10
constexpr std::int64_t kMaxChannels = 99'999;      // i5
constexpr std::int64_t kMaxSpan = 9'999;           // i4
constexpr std::size_t kPerLine = 5;

// The blank-separated counts of one line, without allocating: value(k, count, where) for each count, bad(k,
// token) for a token that is not one; returns how many tokens there were. Templates, so that the callbacks
// inline into the loop. kWideGaps: the counts sit in i10 columns with runs of blanks between them (spectra),
// skipped 8 at a time.
template <bool kWideGaps, class Value, class Bad>
std::size_t scan_counts(std::string_view text, Value&& value, Bad&& bad) {
  const char* p = text.data();
  const char* const e = p + text.size();
  std::size_t k = 0;
  for (;;) {
    if constexpr (kWideGaps) {
      constexpr std::uint64_t kBlanks = 0x2020202020202020ULL;
      std::uint64_t word = 0;
      while (e - p >= 8 && (std::memcpy(&word, p, 8), word == kBlanks)) p += 8;
    }
    while (p != e && is_blank(*p)) ++p;
    if (p == e) return k;
    const char* const start = p;
    // Fast path: 1 to 10 digits (i10) always fit and need no range check.
    std::uint64_t x = 0;
    unsigned digit = 0;
    while (p != e && (digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned('0')) < 10) {
      x = x * 10 + digit;
      ++p;
    }
    if (static_cast<std::size_t>(p - start) - 1 < 10 && (p == e || is_blank(*p))) [[likely]] {
      value(k++, static_cast<std::int64_t>(x), start);
      continue;
    }
    // A sign, leading zeros past 10 digits, text: through from_chars and the range check.
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(start, e, v);
    p = ptr;
    if (ec == std::errc() && (p == e || is_blank(*p)) && v >= 0 && v <= kMaxCount) {
      value(k++, v, start);
      continue;
    }
    while (p != e && !is_blank(*p)) ++p;
    bad(k++, std::string_view(start, static_cast<std::size_t>(p - start)));
  }
}

// The first token of a line and the text after it.
std::pair<std::string_view, std::string_view> first_token(std::string_view text) {
  const auto start = std::min(text.find_first_not_of(" \t"), text.size());
  const auto stop = std::min(text.find_first_of(" \t", start), text.size());
  return {text.substr(start, stop - start), text.substr(stop)};
}

Position at(const Line& line, std::string_view token) {
  return {line.number, static_cast<int>(token.data() - line.text.data()) + 1};
}

void bad_count(Diagnostics& d, const Line& line, std::string_view token, std::string_view what) {
  d.error(at(line, token),
          fmt::format("'{}' is not a valid {}: expected an integer from 0 to {}", token, what, kMaxCount),
          std::string(kRule));
}

Position end_of(const Block& block) {
  const Line& last = block.records.empty() ? block.name_line : block.records.back();
  return {last.number, 1};
}

// Writes v right-justified to end at the field's last column of the line that begins at out[line_start].
bool put(std::string& out, std::size_t line_start, const Field& f, std::int64_t v) {
  char digits[24];
  const auto [ptr, ec] = std::to_chars(digits, digits + sizeof digits, v);
  const std::size_t length = static_cast<std::size_t>(ptr - digits);
  if (length > static_cast<std::size_t>(f.width())) return false;
  const std::size_t column = out.size() - line_start;  // 0-based column of the next character
  out.append(static_cast<std::size_t>(f.last) - column - length, ' ');
  out.append(digits, length);
  return true;
}

// Room for `extra` more characters, growing geometrically so that many blocks in one string stay linear.
void grow(std::string& out, std::size_t extra) {
  if (out.capacity() < out.size() + extra) out.reserve(std::max(out.size() + extra, 2 * out.capacity()));
}

std::string does_not_fit(const Field& f, std::int64_t v) {
  return fmt::format("{} '{}' does not fit in columns {}-{}", f.name, v, f.first, f.last);
}

}  // namespace

bool elision_mark(const Line& line, Diagnostics& diagnostics) {
  const std::string_view t = trim(line.text);
  if (t.empty() || !(t == "\u22ee" || t.find_first_not_of(".:") == std::string_view::npos)) return false;
  diagnostics.error({line.number, static_cast<int>(t.data() - line.text.data()) + 1},
                    fmt::format("'{}' is an elision mark, not a data record: data are left out here", t),
                    std::string(kRule));
  return true;
}

Spectrum read_spectrum(const Block& block, Diagnostics& diagnostics) {
  Spectrum s;
  if (block.records.empty()) {
    diagnostics.error({block.name_line.number, 1},
                      fmt::format("{} has no record 2 (number of channels and energy span)", block.name),
                      std::string(kRule));
    return s;
  }
  std::int64_t n = 0;
  {
    RecordReader r(block.records[0], diagnostics, kRule);
    const auto channels = r.integer(kChannelCount);
    const auto span = r.integer(kEnergySpan);
    r.finish();
    if (!channels || !span) return s;
    if (*channels < 0 || *channels > kMaxChannels) {
      diagnostics.error(
          {block.records[0].number, 1},
          fmt::format("{} channels: the number of channels is from 0 to {} (i5)", *channels, kMaxChannels),
          std::string(kRule));
      return s;
    }
    if (*span < 0 || *span > kMaxSpan) {
      diagnostics.error({block.records[0].number, 1},
                        fmt::format("energy span {}: the span is from 0 to {} keV (i4)", *span, kMaxSpan),
                        std::string(kRule));
      return s;
    }
    n = *channels;
    s.energy_span = static_cast<int>(*span);
  }
  s.counts.assign(static_cast<std::size_t>(n), 0);
  std::int64_t* const counts = s.counts.data();

  bool first = true;
  bool resync = false;  // after an unreadable line the next line's channel is taken as it is
  bool reported_overflow = false;
  const Line* short_line = nullptr;  // a line with fewer than 5 counts: only the last may be one
  std::int64_t expected = 0;
  std::int64_t filled = 0;  // one past the highest channel index given
  for (std::size_t i = 1; i < block.records.size(); ++i) {
    const Line& line = block.records[i];
    if (elision_mark(line, diagnostics)) {
      resync = true;
      continue;
    }
    const auto [token, rest] = first_token(line.text);
    if (token.empty()) continue;
    const auto parsed = parse_integer(token);
    if (!parsed || *parsed < 0 || *parsed > kMaxCount) {
      bad_count(diagnostics, line, token, "channel number");
      resync = true;
      continue;
    }
    const std::int64_t channel = *parsed;
    if (short_line) {
      diagnostics.error({short_line->number, 1}, "a spectrum line has 5 counts; only the last may have fewer",
                        std::string(kRule));
      short_line = nullptr;
    }
    if (first) {
      s.first_channel = channel;
      expected = channel;
      first = false;
    }
    if (channel != expected && !resync) {
      diagnostics.error(at(line, token),
                        fmt::format("channel {}: the previous line gives channel {} (5 counts per line)",
                                    channel, expected),
                        std::string(kRule));
    }
    resync = false;
    expected = channel + static_cast<std::int64_t>(kPerLine);
    if (channel < s.first_channel) continue;  // before the first line's channel: nowhere to put it
    const std::int64_t index = channel - s.first_channel;
    const std::size_t k = scan_counts<true>(
        rest,
        [&](std::size_t i, std::int64_t v, const char* token) {
          const std::int64_t where = index + static_cast<std::int64_t>(i);
          if (where < n) {
            counts[where] = v;
          } else if (v != 0 && !reported_overflow) {
            diagnostics.error(at(line, std::string_view(token, 1)),
                              fmt::format("count {} at channel {}, past the {} channels of the header", v,
                                          s.first_channel + where, n),
                              std::string(kRule));
            reported_overflow = true;
          }
        },
        [&](std::size_t, std::string_view bad) { bad_count(diagnostics, line, bad, "count"); });
    if (k == 0) {
      diagnostics.error({line.number, 1}, "a spectrum line with a channel number and no counts",
                        std::string(kRule));
    } else if (k > kPerLine) {
      diagnostics.error({line.number, 1}, fmt::format("{} counts on a spectrum line: the limit is 5", k),
                        std::string(kRule));
    } else if (k < kPerLine) {
      short_line = &line;
    }
    filled = std::max(filled, index + static_cast<std::int64_t>(k));
  }
  if (n == 0) s.first_channel = 0;  // no counts: nothing to begin
  if (filled < n) {
    diagnostics.error(end_of(block),
                      fmt::format("{} ends after {} of its {} channels", block.name, filled, n),
                      std::string(kRule));
  }
  return s;
}

Histogram read_histogram(const Block& block, Diagnostics& diagnostics) {
  Histogram h;
  if (block.records.empty()) {
    diagnostics.error({block.name_line.number, 1},
                      "#Histogram has no record 2 (channel numbers and energy spans)", std::string(kRule));
    return h;
  }
  {
    RecordReader r(block.records[0], diagnostics, kRule);
    const auto b = r.integer(kGammaChannels);
    const auto a = r.integer(kBetaChannels);
    const auto gamma_span = r.integer(kGammaSpan);
    const auto beta_span = r.integer(kBetaSpan);
    r.finish();
    if (!b || !a || !gamma_span || !beta_span) return h;
    if (*b < 0 || *a < 0 || *b > kMaxChannels || *a > kMaxChannels ||
        static_cast<std::size_t>(*b) * static_cast<std::size_t>(*a) > kMaxHistogramCounts) {
      diagnostics.error({block.records[0].number, 1},
                        fmt::format("a histogram of {} x {} channels: this reader takes at most {} counts",
                                    *b, *a, kMaxHistogramCounts),
                        std::string(kRule));
      return h;
    }
    if (*gamma_span < 0 || *gamma_span > kMaxSpan || *beta_span < 0 || *beta_span > kMaxSpan) {
      diagnostics.error({block.records[0].number, 1},
                        fmt::format("energy spans {} and {}: a span is from 0 to {} keV (i4)", *gamma_span,
                                    *beta_span, kMaxSpan),
                        std::string(kRule));
      return h;
    }
    h.gamma_channels = static_cast<int>(*b);
    h.beta_channels = static_cast<int>(*a);
    h.gamma_span = static_cast<int>(*gamma_span);
    h.beta_span = static_cast<int>(*beta_span);
  }
  const std::size_t a = static_cast<std::size_t>(h.beta_channels);
  const std::size_t b = static_cast<std::size_t>(h.gamma_channels);
  h.counts.assign(a * b, 0);
  std::size_t row = 0;
  for (std::size_t i = 1; i < block.records.size(); ++i) {
    const Line& line = block.records[i];
    if (elision_mark(line, diagnostics)) continue;
    if (row == b) {
      diagnostics.error({line.number, 1}, fmt::format("more than the {} rows of the #Histogram header", b),
                        std::string(kRule));
      break;
    }
    std::int64_t* const out = h.counts.data() + row * a;
    const std::size_t k = scan_counts<false>(
        line.text,
        [&](std::size_t i, std::int64_t v, const char*) {
          if (i < a) out[i] = v;
        },
        [&](std::size_t, std::string_view bad) { bad_count(diagnostics, line, bad, "count"); });
    if (k != a) {
      diagnostics.error({line.number, 1},
                        fmt::format("histogram row {} has {} values: the header gives {}", row + 1, k, a),
                        std::string(kRule));
    }
    ++row;
  }
  if (row < b) {
    diagnostics.error(end_of(block), fmt::format("#Histogram has {} rows: its header gives {}", row, b),
                      std::string(kRule));
  }
  return h;
}

tl::expected<void, std::string> write_spectrum(std::string& out, std::string_view name,
                                               const Spectrum& spectrum) {
  const auto& counts = spectrum.counts;
  grow(out, 32 + (counts.size() / kPerLine + 1) * 61);
  out.append(name).push_back('\n');
  std::size_t start = out.size();
  const auto n = static_cast<std::int64_t>(counts.size());
  if (!put(out, start, kChannelCount, n)) return tl::unexpected(does_not_fit(kChannelCount, n));
  out.push_back(' ');
  if (spectrum.energy_span < 0 || !put(out, start, kEnergySpan, spectrum.energy_span))
    return tl::unexpected(does_not_fit(kEnergySpan, spectrum.energy_span));
  out.push_back('\n');
  for (std::size_t i = 0; i < counts.size(); i += kPerLine) {
    start = out.size();
    const std::int64_t channel = spectrum.first_channel + static_cast<std::int64_t>(i);
    if (channel < 0 || !put(out, start, kChannel, channel))
      return tl::unexpected(does_not_fit(kChannel, channel));
    const std::size_t stop = std::min(counts.size(), i + kPerLine);
    for (std::size_t j = i; j < stop; ++j) {
      const Field& f = kCounts[j - i];
      out.push_back(' ');
      if (counts[j] < 0 || !put(out, start, f, counts[j])) return tl::unexpected(does_not_fit(f, counts[j]));
    }
    out.push_back('\n');
  }
  return {};
}

tl::expected<void, std::string> write_histogram(std::string& out, const Histogram& h) {
  const std::size_t a = static_cast<std::size_t>(std::max(h.beta_channels, 0));
  const std::size_t b = static_cast<std::size_t>(std::max(h.gamma_channels, 0));
  if (h.beta_channels < 0 || h.gamma_channels < 0 || h.counts.size() != a * b)
    return tl::unexpected(fmt::format("#Histogram holds {} counts: its header gives {} x {}", h.counts.size(),
                                      h.gamma_channels, h.beta_channels));
  grow(out, 32 + h.counts.size() * 3);
  out.append("#Histogram\n");
  const std::size_t start = out.size();
  if (!put(out, start, kGammaChannels, h.gamma_channels))
    return tl::unexpected(does_not_fit(kGammaChannels, h.gamma_channels));
  out.push_back(' ');
  if (!put(out, start, kBetaChannels, h.beta_channels))
    return tl::unexpected(does_not_fit(kBetaChannels, h.beta_channels));
  out.push_back(' ');
  if (h.gamma_span < 0 || !put(out, start, kGammaSpan, h.gamma_span))
    return tl::unexpected(does_not_fit(kGammaSpan, h.gamma_span));
  out.push_back(' ');
  if (h.beta_span < 0 || !put(out, start, kBetaSpan, h.beta_span))
    return tl::unexpected(does_not_fit(kBetaSpan, h.beta_span));
  out.push_back('\n');
  const std::int64_t* v = h.counts.data();
  char digits[24];
  for (std::size_t row = 0; row < b; ++row) {
    const std::size_t line_start = out.size();
    for (std::size_t k = 0; k < a; ++k, ++v) {
      if (*v < 0 || *v > kMaxCount)
        return tl::unexpected(
            fmt::format("histogram count {} (row {}) is not from 0 to {}", *v, row + 1, kMaxCount));
      if (k) out.push_back(' ');
      const auto [ptr, ec] = std::to_chars(digits, digits + sizeof digits, *v);
      out.append(digits, ptr);
    }
    if (out.size() - line_start > kMaxLineLength)
      return tl::unexpected(fmt::format("histogram row {} is {} characters long: the limit is {}", row + 1,
                                        out.size() - line_start, kMaxLineLength));
    out.push_back('\n');
  }
  return {};
}

}  // namespace imsgate::ims2::rn
