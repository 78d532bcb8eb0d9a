#include "ims2/codec/cm8.hpp"

#include <fmt/format.h>

#include "ims2/codec/data_lines.hpp"
#include "ims2/codec/second_difference.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr std::string_view kRule = "6.3.2.4";
constexpr std::string_view kName = "CM8";
constexpr unsigned char kMark = 0x80;  // 1000 0000: with 0x80 the end of data, with 0x01..0x0F an escape
constexpr unsigned char kEscapeFlag = 0x01;  // what codeco writes after the mark
constexpr std::uint32_t kRaise = 32;         // what an escaped byte was raised by
constexpr std::size_t kMaxBytes = 4;

// Bytes a communication link may not pass (codeco CHEKBT): ^C, ^D, ^P, ^Z.
constexpr bool needs_escape(unsigned char b) {
  return b == 3 || b == 4 || b == 16 || b == 26;
}

}  // namespace

tl::expected<std::size_t, CodecError> decode_cm8(std::string_view bytes, std::span<std::int32_t> samples) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  const std::size_t count = samples.size();
  std::int32_t* out = samples.data();
  // Differences first (an escape corrects the one before), integrated at the end.
  std::size_t i = 0;
  std::size_t n = 0;
  const auto correct_last = [&](std::size_t at) -> tl::expected<void, CodecError> {
    if (n == 0) {
      return tl::unexpected(
          CodecError{CodecErrc::malformed, at, 0, "a CM8 escape (0x80 0x01) before the first sample", kRule});
    }
    std::int32_t& d = out[n - 1];
    d = d < 0 ? d + static_cast<std::int32_t>(kRaise) : d - static_cast<std::int32_t>(kRaise);
    return {};
  };
  while (n < count) {
    if (i >= size) return tl::unexpected(detail::data_end_error(kName, size, n, count, kRule));
    if (b[i] == kMark && i + 1 < size && (b[i + 1] == kMark || b[i + 1] < 16)) {
      if (b[i + 1] == kMark) {
        return tl::unexpected(detail::data_end_error(kName, i, n, count, kRule, "end mark 0x80 0x80"));
      }
      if (auto ok = correct_last(i); !ok) return tl::unexpected(std::move(ok.error()));
      i += 2;
      continue;
    }
    const std::size_t start = i;
    unsigned char c = b[i++];
    const bool negative = (c & 0x40) != 0;
    std::uint32_t magnitude = c & 0x3F;
    std::size_t used = 1;
    while (c & 0x80) {
      if (i >= size)
        return tl::unexpected(detail::data_end_error(kName, size, n, count, kRule, "inside a sample"));
      if (used == kMaxBytes) {
        return tl::unexpected(CodecError{CodecErrc::sample_too_long, start, n,
                                         fmt::format("a CM8 sample of more than {} bytes", kMaxBytes),
                                         kRule});
      }
      c = b[i++];
      magnitude = magnitude << 7 | (c & 0x7F);
      ++used;
    }
    out[n++] = negative ? -static_cast<std::int32_t>(magnitude) : static_cast<std::int32_t>(magnitude);
  }
  // An escape for the last sample, then the end mark and padding, then the line end.
  if (count > 0 && i + 1 < size && b[i] == kMark && b[i + 1] != kMark && b[i + 1] < 16) {
    if (auto ok = correct_last(i); !ok) return tl::unexpected(std::move(ok.error()));
    i += 2;
  }
  while (i < size && b[i] == kMark) ++i;
  if (i < size && b[i] == '\r') ++i;
  if (i < size && b[i] != '\n') {
    return tl::unexpected(CodecError{CodecErrc::trailing_data, i, count,
                                     fmt::format("CM8 data continue after the {} samples announced", count),
                                     kRule});
  }
  if (i < size) ++i;
  detail::Integrator integrator;
  for (std::size_t k = 0; k < count; ++k) out[k] = integrator.next(static_cast<std::uint32_t>(out[k]));
  return detail::skip_blank_lines(bytes, i);
}

tl::expected<void, CodecError> encode_cm8(std::span<const std::int32_t> samples, std::string& out) {
  const std::size_t begin = out.size();
  out.reserve(begin + samples.size() * 2 + 84);
  detail::SecondDifference difference;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const std::int32_t d = difference.next(samples[i]);
    const bool negative = d < 0;
    const std::uint32_t m = negative ? 0u - static_cast<std::uint32_t>(d) : static_cast<std::uint32_t>(d);
    if (m > kCm8Limit) {
      out.resize(begin);
      return tl::unexpected(CodecError{
          CodecErrc::out_of_range, 0, i,
          fmt::format("sample {} ({}) gives the second difference {}, beyond the {} that CM8 can hold", i,
                      samples[i], d, kCm8Limit),
          kRule});
    }
    const std::size_t bytes = m < (1u << 6) ? 1 : m < (1u << 13) ? 2 : m < (1u << 20) ? 3 : 4;
    const unsigned sign = negative ? 0x40 : 0;
    unsigned char last = 0;
    if (bytes == 1) {
      last = static_cast<unsigned char>(m | sign);
    } else {
      const unsigned shift = 7 * static_cast<unsigned>(bytes - 1);
      out += static_cast<char>(0x80 | sign | (m >> shift));
      for (unsigned s = shift - 7; s > 0; s -= 7) out += static_cast<char>(0x80 | ((m >> s) & 0x7F));
      last = static_cast<unsigned char>(m & 0x7F);
    }
    if (needs_escape(last)) {
      out += static_cast<char>(last + kRaise);
      out += static_cast<char>(kMark);
      out += static_cast<char>(kEscapeFlag);
    } else {
      out += static_cast<char>(last);
    }
  }
  std::size_t pad = 80 - (out.size() - begin) % 80;
  if (pad <= 2) pad += 80;
  out.append(pad, static_cast<char>(kMark));
  out += '\n';
  return {};
}

}  // namespace imsgate::ims2::codec
