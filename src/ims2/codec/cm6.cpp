#include "ims2/codec/cm6.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "ims2/codec/bits.hpp"
#include "ims2/codec/char_class.hpp"
#include "ims2/codec/data_lines.hpp"
#include "ims2/codec/second_difference.hpp"

namespace imsgate::ims2::codec {
namespace {

using detail::kCm6Alphabet;

constexpr std::string_view kRule = "6.3.2.3";
constexpr std::string_view kName = "CM6";
constexpr std::size_t kMaxChars = 7;  // 4 + 6 * 5 = 34 bits, enough for any difference of 32-bit samples
constexpr std::size_t kLineLength = 80;

// ---------------------------------------------------------------------------------------------------------
// Decoding

// A sample of one or two characters, looked up by the 6-bit values of the character before its last one
// (`before`) and of its last one (`last`, < 32), read together as one 16-bit word. A `before` without the
// continuation bit belongs to the sample before, and the sample is then `last` alone.
constexpr bool kLittleEndian = std::endian::native == std::endian::little;
constexpr std::size_t pair_index(std::size_t before, std::size_t last) {
  return kLittleEndian ? before | last << 8 : before << 8 | last;
}
constexpr std::array<std::int16_t, pair_index(63, 31) + 1> kPairSamples = [] {
  std::array<std::int16_t, pair_index(63, 31) + 1> t{};
  for (int before = 0; before < 64; ++before) {
    for (int last = 0; last < 32; ++last) {
      int value = 0;
      if (before < 32) {
        value = (last & 16) ? -(last & 15) : (last & 15);
      } else {
        const int magnitude = ((before & 15) << 5) | last;
        value = (before & 16) ? -magnitude : magnitude;
      }
      t[pair_index(static_cast<std::size_t>(before), static_cast<std::size_t>(last))] =
          static_cast<std::int16_t>(value);
    }
  }
  return t;
}();

// 0x1F in each of the low `n` bytes.
constexpr std::array<std::uint64_t, kMaxChars + 1> kGroupMask = [] {
  std::array<std::uint64_t, kMaxChars + 1> t{};
  for (std::size_t n = 1; n <= kMaxChars; ++n) t[n] = (t[n - 1] << 8) | 0x1F;
  return t;
}();

// A sample of `chars` characters (1..7) whose last 6-bit value is at `last`; the seven bytes before `last`
// are readable.
inline std::uint32_t long_sample(const std::uint8_t* last, std::size_t chars) {
  // Byte k holds the 5 low bits of the k-th character counted back from the last one.
  std::uint64_t w = detail::load_be64(last - 7) & kGroupMask[chars];
  // Gather the 5-bit groups: in pairs, then fours, then all, the last character least significant.
  w = (w & 0x001F001F001F001Full) | ((w >> 3) & 0x03E003E003E003E0ull);
  w = (w & 0x000003FF000003FFull) | ((w >> 6) & 0x000FFC00000FFC00ull);
  w = (w & 0xFFFFFull) | ((w >> 12) & 0xFFFFF00000ull);
  // The first character's bit 4 is the sign; the bits below it are the magnitude.
  const std::size_t sign_bit = 5 * chars - 1;
  const std::uint64_t negative = w >> sign_bit;
  const std::uint64_t magnitude = w & ((std::uint64_t{1} << sign_bit) - 1);
  return static_cast<std::uint32_t>((magnitude ^ (0 - negative)) + negative);
}

// Stages the 6-bit values of many lines one after the other, so that samples run on across line ends, then
// finds where samples end from the continuation bits and decodes them one by one.
class Decoder {
 public:
  Decoder(std::string_view text, std::span<std::int32_t> out)
      : text_(text), out_(out.data()), count_(out.size()) {}

  tl::expected<std::size_t, CodecError> run() {
    if (count_ == 0) return detail::skip_blank_lines(text_, 0);
    std::size_t pos = 0;
    bool chk2 = false;
    while (pos < text_.size()) {
      const detail::DataLine line = detail::data_line(text_, pos);
      if (detail::is_chk2_line(text_.substr(pos, line.content_end - pos))) {
        chk2 = true;
        break;
      }
      for (std::size_t at = pos; at < line.content_end;) {
        const std::size_t length = std::min(kBatch - staged_, line.content_end - at);
        const std::size_t good = stage(at, length);
        if (good < length || staged_ == kBatch || pieces_ == kPieces) {
          auto end = flush();
          if (!end) return tl::unexpected(std::move(end.error()));
          if (done_ == count_) return detail::finish_data(text_, *end, count_, kName, kRule);
          if (good < length) return tl::unexpected(invalid(at + good));
        }
        at += length;
      }
      pos = line.next;
    }
    auto end = flush();
    if (!end) return tl::unexpected(std::move(end.error()));
    if (done_ == count_) return detail::finish_data(text_, *end, count_, kName, kRule);
    if (chk2)
      return tl::unexpected(
          detail::data_end_error(kName, pos, done_, count_, kRule, "the CHK2 line comes first"));
    return tl::unexpected(detail::data_end_error(kName, text_.size(), done_, count_, kRule,
                                                 carried_ ? "inside a sample" : std::string_view{}));
  }

 private:
  static constexpr std::size_t kLead = 16;  // room for the characters of a sample begun in an earlier batch
  static constexpr std::size_t kBatch = 4096;  // characters staged at a time
  static constexpr std::size_t kWords = (kLead + kBatch + 63) / 64;
  static constexpr std::size_t kPieces = 128;  // lines (or parts of long lines) staged at a time

  struct Piece {
    std::size_t staged = 0;  // index in values_ of its first character
    std::size_t offset = 0;  // offset of that character in the text
  };

  // Stages text [at, at + length) after what is staged; returns how many characters are good (all, or up
  // to the first that is not a CM6 character).
  std::size_t stage(std::size_t at, std::size_t length) {
    const std::size_t first = kLead + staged_;
    piece_[pieces_++] = {first, at};
    std::size_t good = length;
    for (std::size_t k = 0; k < length; k += 16) {
      const char* src = text_.data() + at + k;
      char padded[16];
      if (at + k + 16 > text_.size()) {  // never read past the text
        for (std::size_t i = 0; i < 16; ++i) padded[i] = at + k + i < text_.size() ? src[i] : ' ';
        src = padded;
      }
      const detail::Cm6Classes c = detail::classify_cm6(src, values_ + first + k);
      const std::uint32_t in_line = length - k >= 16 ? 0xFFFFu : (1u << (length - k)) - 1;
      const std::uint64_t bits = c.continues & in_line;
      const std::size_t bit = first + k;
      continues_[bit / 64] |= bits << (bit % 64);
      if (bit % 64 > 48) continues_[bit / 64 + 1] |= bits >> (64 - bit % 64);
      if ((c.invalid & in_line) != 0) {
        good = k + static_cast<std::size_t>(std::countr_zero(c.invalid & in_line));
        break;
      }
    }
    staged_ += good;
    return good;
  }

  // Decodes the samples that end among the staged characters and carries an unfinished one over to the
  // next batch. Returns where the last sample ends in the text once all are done.
  tl::expected<std::size_t, CodecError> flush() {
    const std::size_t stop = kLead + staged_;     // one past the last staged value
    std::size_t prev = kLead - carried_ - 1;      // the last character of the sample before
    detail::Integrator integrator = integrator_;  // in registers: sample stores may alias it
    std::int32_t* out = out_ + done_;
    std::int32_t* const out_end = out_ + count_;
    for (std::size_t w = 0; w * 64 < stop && out != out_end; ++w) {
      const std::size_t lo = w * 64;
      std::uint64_t ends = ~continues_[w];
      if (w == 0) ends &= ~((std::uint64_t{1} << kLead) - 1);
      if (stop - lo < 64) ends &= (std::uint64_t{1} << (stop - lo)) - 1;
      const auto left = static_cast<std::size_t>(out_end - out);
      if (left < 64 && static_cast<std::size_t>(std::popcount(ends)) > left)
        ends = detail::lowest_bits(ends, left);
      if (ends == 0) continue;
      const std::size_t last = lo + 63 - static_cast<std::size_t>(std::countl_zero(ends));
      const std::uint64_t before1 = (continues_[w] << 1) | (w ? continues_[w - 1] >> 63 : 0);
      const std::uint64_t before2 = (continues_[w] << 2) | (w ? continues_[w - 1] >> 62 : 0);
      const std::uint8_t* v = values_ + lo;
      if ((ends & before1 & before2) == 0) {
        // Every sample here has one or two characters: one table look-up each.
        do {
          const auto i = static_cast<unsigned>(std::countr_zero(ends));
          ends &= ends - 1;
          std::uint16_t pair;
          std::memcpy(&pair, v + i - 1, 2);
          *out++ = integrator.next(static_cast<std::uint32_t>(std::int32_t{kPairSamples[pair]}));
        } while (ends != 0);
      } else {
        do {
          const std::size_t e = lo + static_cast<std::size_t>(std::countr_zero(ends));
          ends &= ends - 1;
          if (e - prev > kMaxChars) {
            done_ = static_cast<std::size_t>(out - out_);
            return tl::unexpected(too_long(prev + 1));
          }
          *out++ = integrator.next(long_sample(values_ + e, e - prev));
          prev = e;
        } while (ends != 0);
      }
      prev = last;
    }
    integrator_ = integrator;
    done_ = static_cast<std::size_t>(out - out_);
    if (done_ == count_) return text_offset(prev) + 1;

    // Carry the characters of the unfinished sample over, right-aligned before kLead.
    const std::size_t tail = stop - 1 - prev;
    if (tail >= kMaxChars) return tl::unexpected(too_long(prev + 1));
    if (tail > 0 && prev + 1 >= kLead) carried_from_ = text_offset(prev + 1);
    std::uint8_t keep[8];  // fixed-size moves: the last eight staged values end with the tail
    std::memcpy(keep, values_ + stop - 8, 8);
    std::memset(values_, 0, kLead);
    for (std::size_t i = 0; i < 8; ++i) values_[kLead - 8 + i] = i + tail >= 8 ? keep[i] : 0;
    carried_ = tail;
    continues_.fill(0);
    continues_[0] = ((std::uint64_t{1} << carried_) - 1) << (kLead - carried_);
    staged_ = 0;
    pieces_ = 0;
    return text_.size();
  }

  // The text offset of a staged character (at or after kLead).
  std::size_t text_offset(std::size_t staged) const {
    std::size_t p = pieces_ - 1;
    while (piece_[p].staged > staged) --p;
    return piece_[p].offset + (staged - piece_[p].staged);
  }

  CodecError too_long(std::size_t first) const {
    return CodecError{CodecErrc::sample_too_long, first >= kLead ? text_offset(first) : carried_from_, done_,
                      fmt::format("a CM6 sample of more than {} characters", kMaxChars), kRule};
  }

  CodecError invalid(std::size_t offset) const {
    const char c = text_[offset];
    std::string message =
        (c == ' ' || c == '\t')
            ? std::string("a blank inside CM6 data: blanks may only pad a line at its end")
            : fmt::format("{} is not a CM6 character (+ - 0-9 A-Z a-z, Table 32)", detail::quote_char(c));
    return CodecError{CodecErrc::invalid_character, offset, done_, std::move(message), kRule};
  }

  std::string_view text_;
  std::int32_t* out_;
  std::size_t count_;
  std::size_t done_ = 0;
  detail::Integrator integrator_;
  std::size_t staged_ = 0;        // characters staged after kLead
  std::size_t carried_ = 0;       // characters of an unfinished sample, staged just before kLead
  std::size_t carried_from_ = 0;  // where that sample starts in the text
  std::size_t pieces_ = 0;
  std::array<Piece, kPieces> piece_;
  std::array<std::uint64_t, kWords + 1> continues_{};  // bit i: staged character i continues its sample
  alignas(16) std::uint8_t values_[kLead + kBatch + 16] = {};
};

// ---------------------------------------------------------------------------------------------------------
// Encoding

// The characters of the second differences -511..511 (one or two), the first in the low byte, their
// count from bit 16 on. Index: difference + 511.
constexpr std::array<std::uint32_t, 1023> kShortCodes = [] {
  std::array<std::uint32_t, 1023> t{};
  for (int d = -511; d <= 511; ++d) {
    const int m = d < 0 ? -d : d;
    const int sign = d < 0 ? 16 : 0;
    std::uint32_t code = 0;
    if (m < 16) {
      code = static_cast<unsigned char>(kCm6Alphabet[m | sign]) | (1u << 16);
    } else {
      code = static_cast<unsigned char>(kCm6Alphabet[32 | sign | (m >> 5)]) |
             static_cast<std::uint32_t>(static_cast<unsigned char>(kCm6Alphabet[m & 31])) << 8 | (2u << 16);
    }
    t[static_cast<std::size_t>(d + 511)] = code;
  }
  return t;
}();

// The continuation bit (32) in bytes 1 .. n-1: every character but the last.
constexpr std::array<std::uint64_t, kMaxChars + 1> kContinuation = [] {
  std::array<std::uint64_t, kMaxChars + 1> t{};
  for (std::size_t n = 2; n <= kMaxChars; ++n) t[n] = (t[n - 1] << 8) | 0x2000;
  return t;
}();

// Writes the characters of any second difference at p (eight bytes writable); returns how many.
inline std::size_t write_long(char* p, std::int32_t d) {
  const std::uint64_t negative = d < 0;
  const std::uint64_t m =
      negative ? 0 - static_cast<std::uint64_t>(std::int64_t{d}) : static_cast<std::uint64_t>(d);
  const std::size_t chars = 1 + (m >= (1u << 4)) + (m >= (1u << 9)) + (m >= (1u << 14)) + (m >= (1u << 19)) +
                            (m >= (1u << 24)) + (m >= (1u << 29));
  // Spread the 5-bit groups of m over bytes, least significant group in byte 0.
  std::uint64_t g = (m & 0xFFFFFull) | ((m & 0xFFFFF00000ull) << 12);
  g = (g & 0x000003FF000003FFull) | ((g & 0x000FFC00000FFC00ull) << 6);
  g = (g & 0x001F001F001F001Full) | ((g & 0x03E003E003E003E0ull) << 3);
  // The first character carries the sign; all but the last carry the continuation bit.
  g |= negative << (8 * (chars - 1) + 4);
  g |= kContinuation[chars];
  // 6-bit values to characters of Table 32, byte by byte: + - 0-9 A-Z a-z start at 0, 1, 2, 12, 38.
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  const std::uint64_t from1 = ((g + 0x7F * kOnes) >> 7) & kOnes;
  const std::uint64_t from2 = ((g + 0x7E * kOnes) >> 7) & kOnes;
  const std::uint64_t from12 = ((g + 0x74 * kOnes) >> 7) & kOnes;
  const std::uint64_t from38 = ((g + 0x5A * kOnes) >> 7) & kOnes;
  const std::uint64_t ascii = g + 43 * kOnes + from1 + 2 * from2 + 7 * from12 + 6 * from38;
  detail::store_be64(p, ascii << (8 * (8 - chars)));
  return chars;
}

}  // namespace

tl::expected<std::size_t, CodecError> decode_cm6(std::string_view text, std::span<std::int32_t> samples) {
  return Decoder(text, samples).run();
}

void encode_cm6(std::span<const std::int32_t> samples, std::string& out) {
  constexpr std::size_t kBatch = 4096;
  detail::SecondDifference difference;  // a local: character stores may alias anything else
  std::size_t pos = out.size();
  std::size_t line_start = pos;
  for (std::size_t i = 0; i < samples.size();) {
    const std::size_t n = std::min(kBatch, samples.size() - i);
    // Room for the longest samples, their line ends and a final LF, and for whole 8-byte stores.
    out.resize(pos + n * (kMaxChars + 1) + 16);
    char* const base = out.data();
    char* p = base + pos;
    char* line = base + line_start;
    for (std::size_t k = 0; k < n; ++k) {
      const std::int32_t d = difference.next(samples[i + k]);
      const std::uint32_t index = static_cast<std::uint32_t>(d) + 511u;
      if (index < kShortCodes.size()) {
        const std::uint32_t code = kShortCodes[index];
        p[0] = static_cast<char>(code);
        p[1] = static_cast<char>(code >> 8);
        p += code >> 16;
      } else {
        p += write_long(p, d);
      }
      if (p - line >= static_cast<std::ptrdiff_t>(kLineLength)) {
        // The line is full: break it after 80 characters; a sample may go on on the next line.
        // Fewer than 7 characters ran over; moving 8 stays within the slack and avoids a library call.
        char over[8];
        std::memcpy(over, line + kLineLength, 8);
        std::memcpy(line + kLineLength + 1, over, 8);
        line[kLineLength] = '\n';
        line += kLineLength + 1;
        ++p;
      }
    }
    pos = static_cast<std::size_t>(p - base);
    line_start = static_cast<std::size_t>(line - base);
    i += n;
  }
  if (pos != line_start) out[pos++] = '\n';
  out.resize(pos);
}

}  // namespace imsgate::ims2::codec
