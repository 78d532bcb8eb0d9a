#include "ims2/codec/int.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "ims2/codec/bits.hpp"
#include "ims2/codec/char_class.hpp"
#include "ims2/codec/data_lines.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr std::string_view kRule = "6.3.2.1";
constexpr std::string_view kName = "INT";
constexpr std::size_t kLineLength = 75;
constexpr std::uint64_t kInt32Limit = std::uint64_t{1} << 31;  // magnitude of the most negative value

// Decimal digits read from the last one backwards: `w` holds the characters that end with a value's last
// digit, little-endian; the mask keeps the low nibbles of its last `n` characters (the digits; a digit's
// low nibble is its value) and clears the characters before them, which become leading zeros.
constexpr std::array<std::uint32_t, 5> kDigits4 = {0, 0x0F000000u, 0x0F0F0000u, 0x0F0F0F00u, 0x0F0F0F0Fu};
constexpr std::array<std::uint64_t, 9> kDigits8 = [] {
  std::array<std::uint64_t, 9> t{};
  for (std::size_t n = 1; n <= 8; ++n) t[n] = (t[n - 1] >> 8) | 0x0F00000000000000ull;
  return t;
}();

// The value of the last `n` (1..4) characters of `w`, which are digits.
inline std::uint32_t parse_digits4(std::uint32_t w, std::size_t n) {
  w = ((w & kDigits4[n]) * (10 * 256 + 1)) >> 8;         // pairs of digits
  return ((w & 0x00FF00FFu) * (100 * 65536 + 1)) >> 16;  // all four
}

// The value of the last `n` (1..8) characters of `w`, which are digits.
inline std::uint64_t parse_digits8(std::uint64_t w, std::size_t n) {
  w = ((w & kDigits8[n]) * (10 * 256 + 1)) >> 8;
  w = ((w & 0x00FF00FF00FF00FFull) * (100 * 65536 + 1)) >> 16;
  return ((w & 0x0000FFFF0000FFFFull) * (10000 * (std::uint64_t{1} << 32) + 1)) >> 32;
}

// Reads the text in windows of 64 characters with their classes as bit masks. Values never span lines, so
// line ends are just separators, and a window starts where a value or a separator starts.
class Decoder {
 public:
  Decoder(std::string_view text, std::span<std::int32_t> out)
      : text_(text), out_(out.data()), count_(out.size()) {}

  tl::expected<std::size_t, CodecError> run() {
    if (count_ == 0) return detail::skip_blank_lines(text_, 0);
    const std::size_t size = text_.size();
    std::size_t p = 0;
    while (p < size) {
      const std::size_t length = std::min<std::size_t>(64, size - p);
      // Values are read from the eight characters that end with their last digit. Near the start or the end
      // of the text, the window is classified and read from a blank-padded copy.
      const char* base = text_.data() + p;
      char copy[8 + 64 + 16];
      if (p < 8 || size - p < 64 + 16) {
        for (std::size_t i = 0; i < sizeof copy; ++i) {
          copy[i] = p + i >= 8 && p + i - 8 < size ? text_[p + i - 8] : ' ';
        }
        base = copy + 8;
      }
      std::uint64_t digit = 0, minus = 0, sign = 0, other = 0;
      for (std::size_t k = 0; k < length; k += 16) {
        const detail::IntClasses c = detail::classify_int(base + k);
        digit |= std::uint64_t{c.digit} << k;
        minus |= std::uint64_t{c.minus} << k;
        sign |= std::uint64_t{c.sign} << k;
        other |= std::uint64_t{c.other} << k;
      }
      const std::uint64_t in_window = length == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << length) - 1;
      digit &= in_window;
      sign &= in_window;
      other &= in_window;
      const std::uint64_t token = digit | sign;
      const std::uint64_t starts = token & ~(token << 1);
      std::uint64_t ends = token & ~(token >> 1);
      // A value that reaches the end of a full window may go on past it.
      if (length == 64 && p + 64 < size && is_token_char(text_[p + 64])) ends &= ~(std::uint64_t{1} << 63);
      // Values are read up to the first character that is wrong: one that may not be in INT data, or a sign
      // that does not begin a value or has no digits after it. Every value left has one run of digits.
      const std::uint64_t wrong = other | (sign & (~starts | ends));
      const std::size_t limit = wrong ? static_cast<std::size_t>(std::countr_zero(wrong)) : 64;
      if (limit < 64) ends &= (std::uint64_t{1} << limit) - 1;
      const std::size_t left = count_ - done_;
      if (left < 64 && static_cast<std::size_t>(std::popcount(ends)) > left)
        ends = detail::lowest_bits(ends, left);

      std::int32_t* out = out_ + done_;
      std::uint64_t firsts = digit & ~(digit << 1);           // first digits, in order with the ends
      const std::uint64_t negatives = (minus << 1) & firsts;  // first digits right after a '-'
      std::size_t last = 0;
      bool any = false;
      while (ends != 0) {
        const std::size_t first = static_cast<unsigned>(std::countr_zero(firsts));
        const std::size_t e = static_cast<unsigned>(std::countr_zero(ends));
        firsts &= firsts - 1;
        ends &= ends - 1;
        // Branch-free sign: seismic values change sign at random.
        const std::uint64_t negative = (negatives >> first) & 1;
        const std::size_t n = e + 1 - first;
        std::uint64_t magnitude = 0;
        if (n <= 4) {  // most seismic values
          magnitude = parse_digits4(detail::load_le32(base + e - 3), n);
        } else if (n <= 8) {
          magnitude = parse_digits8(detail::load_le64(base + e - 7), n);
        } else {
          done_ = static_cast<std::size_t>(out - out_);
          const std::size_t start = first - (((sign << 1) >> first) & 1);  // where the value begins
          auto long_value = parse_long(base + first, n, negative, p + start);
          if (!long_value) return tl::unexpected(std::move(long_value.error()));
          magnitude = *long_value;
        }
        *out++ =
            static_cast<std::int32_t>(static_cast<std::uint32_t>((magnitude ^ (0 - negative)) + negative));
        last = e;
        any = true;
      }
      // The value that runs on into the next window, if any, starts after the last one read.
      const std::uint64_t rest = any ? (last == 63 ? 0 : starts & (~std::uint64_t{0} << (last + 1))) : starts;
      done_ = static_cast<std::size_t>(out - out_);
      if (done_ == count_) return detail::finish_data(text_, p + last + 1, count_, kName, kRule);
      if (limit < 64) return tl::unexpected(wrong_character(p + limit, (other >> limit) & 1));
      if (rest != 0) {
        // A value runs on into the next window, which starts with it.
        const auto s = static_cast<std::size_t>(std::countr_zero(rest));
        if (s == 0) {
          return tl::unexpected(CodecError{CodecErrc::out_of_range, p, done_,
                                           "an INT value of more than 63 characters", kRule});
        }
        p += s;
      } else {
        p += length;
      }
    }
    return tl::unexpected(detail::data_end_error(kName, size, done_, count_, kRule));
  }

 private:
  static bool is_token_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+'; }

  // The magnitude of a value of more than eight digits at d: leading zeros, then at most 10 digits, at most
  // 2^31 - 1 (2^31 when negative).
  tl::expected<std::uint64_t, CodecError> parse_long(const char* d, std::size_t n, std::uint64_t negative,
                                                     std::size_t offset) const {
    std::size_t i = 0;
    while (i + 1 < n && d[i] == '0') ++i;
    if (n - i <= 10) {
      // One or two high digits, then the last eight at once.
      std::uint64_t magnitude = 0;
      for (; i + 8 < n; ++i) magnitude = magnitude * 10 + static_cast<std::uint64_t>(d[i] - '0');
      magnitude = magnitude * 100000000 + parse_digits8(detail::load_le64(d + n - 8), 8);
      if (magnitude <= kInt32Limit - 1 + negative) return magnitude;
    }
    return tl::unexpected(out_of_range(offset));
  }

  CodecError wrong_character(std::size_t offset, bool not_int) const {
    // A CHK2 line before all values are read: the data are short.
    const std::size_t line = text_.rfind('\n', offset) + 1;  // npos + 1 == 0
    const detail::DataLine l = detail::data_line(text_, line);
    if (detail::is_chk2_line(text_.substr(line, l.content_end - line)) && offset < line + 4) {
      return detail::data_end_error(kName, line, done_, count_, kRule, "the CHK2 line comes first");
    }
    const char c = text_[offset];
    std::string message =
        not_int ? fmt::format("{} in INT data: expected digits, signs and blanks", detail::quote_char(c))
                : fmt::format("'{}' out of place: a sign must begin a value", c);
    return CodecError{CodecErrc::invalid_character, offset, done_, std::move(message), kRule};
  }

  CodecError out_of_range(std::size_t offset) const {
    return CodecError{CodecErrc::out_of_range, offset, done_, "an INT value outside the 32-bit range", kRule};
  }

  std::string_view text_;
  std::int32_t* out_;
  std::size_t count_;
  std::size_t done_ = 0;
};

constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> t{};
  for (int i = 0; i < 100; ++i) {
    t[static_cast<std::size_t>(2 * i)] = static_cast<char>('0' + i / 10);
    t[static_cast<std::size_t>(2 * i + 1)] = static_cast<char>('0' + i % 10);
  }
  return t;
}();

inline std::size_t decimal_digits(std::uint32_t u) {
  return 1 + (u >= 10) + (u >= 100) + (u >= 1000) + (u >= 10000) + (u >= 100000) + (u >= 1000000) +
         (u >= 10000000) + (u >= 100000000) + (u >= 1000000000);
}

// Writes the `n` digits of u ending at p + n.
inline void write_digits(char* p, std::uint32_t u, std::size_t n) {
  char* q = p + n;
  while (u >= 100) {
    const std::uint32_t r = u % 100;
    u /= 100;
    q -= 2;
    std::memcpy(q, kDigitPairs.data() + 2 * r, 2);
  }
  if (u >= 10) {
    q -= 2;
    std::memcpy(q, kDigitPairs.data() + 2 * u, 2);
  } else {
    *--q = static_cast<char>('0' + u);
  }
}

}  // namespace

tl::expected<std::size_t, CodecError> decode_int(std::string_view text, std::span<std::int32_t> samples) {
  return Decoder(text, samples).run();
}

void encode_int(std::span<const std::int32_t> samples, std::string& out) {
  constexpr std::size_t kBatch = 4096;
  constexpr std::size_t kMaxWidth = 12;  // blank or LF, sign, 10 digits
  std::size_t pos = out.size();
  std::size_t column = 0;
  for (std::size_t i = 0; i < samples.size();) {
    const std::size_t n = std::min(kBatch, samples.size() - i);
    out.resize(pos + n * kMaxWidth + 1);
    char* p = out.data() + pos;
    for (std::size_t k = 0; k < n; ++k) {
      const std::int32_t v = samples[i + k];
      const std::uint32_t u = v < 0 ? 0u - static_cast<std::uint32_t>(v) : static_cast<std::uint32_t>(v);
      const std::size_t digits = decimal_digits(u);
      const std::size_t width = digits + (v < 0);
      if (column != 0) {
        const bool fits = column + 1 + width <= kLineLength;
        *p++ = fits ? ' ' : '\n';
        column = fits ? column + 1 : 0;
      }
      *p = '-';
      p += v < 0;
      write_digits(p, u, digits);
      p += digits;
      column += width;
    }
    pos = static_cast<std::size_t>(p - out.data());
    i += n;
  }
  if (column != 0) out[pos++] = '\n';
  out.resize(pos);
}

}  // namespace imsgate::ims2::codec
