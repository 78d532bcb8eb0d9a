// Internal to the codecs: classes of 16 characters of data text at a time, as bit masks.
#pragma once

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace imsgate::ims2::codec::detail {

// Bit i of a mask stands for character i. SSE2 where the target has it; the scalar versions are the
// reference the tests hold it to, and serve targets without SSE2.

// The CM6 alphabet (Table 32): a character's position is its 6-bit value.
inline constexpr char kCm6Alphabet[] = "+-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
inline constexpr std::uint8_t kNotCm6 = 0x80;

inline constexpr std::array<std::uint8_t, 256> kCm6Value = [] {
  std::array<std::uint8_t, 256> t{};
  t.fill(kNotCm6);
  for (std::uint8_t v = 0; v < 64; ++v) t[static_cast<unsigned char>(kCm6Alphabet[v])] = v;
  return t;
}();

struct Cm6Classes {
  std::uint32_t continues = 0;  // bit 5 of the value is set: another character of the sample follows
  std::uint32_t invalid = 0;    // not in the CM6 alphabet
};

// Writes the 6-bit values of in[0..15] to values[0..15] (unspecified where invalid).
inline Cm6Classes classify_cm6_scalar(const char* in, std::uint8_t* values) {
  Cm6Classes c;
  for (unsigned i = 0; i < 16; ++i) {
    const std::uint8_t v = kCm6Value[static_cast<unsigned char>(in[i])];
    values[i] = v;
    c.continues |= static_cast<std::uint32_t>((v >> 5) & 1) << i;
    c.invalid |= static_cast<std::uint32_t>(v >> 7) << i;
  }
  return c;
}

struct IntClasses {
  std::uint32_t digit = 0;
  std::uint32_t minus = 0;
  std::uint32_t sign = 0;   // '-' or '+'
  std::uint32_t other = 0;  // neither a digit, a sign, nor a blank, TAB, CR or LF
};

inline IntClasses classify_int_scalar(const char* in) {
  IntClasses c;
  for (unsigned i = 0; i < 16; ++i) {
    const char ch = in[i];
    const std::uint32_t bit = 1u << i;
    if (ch >= '0' && ch <= '9') {
      c.digit |= bit;
    } else if (ch == '-') {
      c.minus |= bit;
      c.sign |= bit;
    } else if (ch == '+') {
      c.sign |= bit;
    } else if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
      c.other |= bit;
    }
  }
  return c;
}

#if defined(__SSE2__)

inline Cm6Classes classify_cm6_sse2(const char* in, std::uint8_t* values) {
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  // Signed byte compares: bytes >= 0x80 count as negative and fall outside every range.
  const auto above = [&c](char k) { return _mm_cmpgt_epi8(c, _mm_set1_epi8(k)); };
  const __m128i from_minus = above(',');
  const __m128i from_0 = above('/');
  const __m128i from_A = above('@');
  const __m128i from_a = above('`');
  const __m128i digit = _mm_andnot_si128(above('9'), from_0);
  const __m128i upper = _mm_andnot_si128(above('Z'), from_A);
  const __m128i lower = _mm_andnot_si128(above('z'), from_a);
  const __m128i signs =
      _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('+')), _mm_cmpeq_epi8(c, _mm_set1_epi8('-')));
  const __m128i valid = _mm_or_si128(_mm_or_si128(signs, digit), _mm_or_si128(upper, lower));
  // value = c - 43 - [c >= '-'] - 2[c >= '0'] - 7[c >= 'A'] - 6[c >= 'a'] (the masks are 0 or -1).
  __m128i v = _mm_sub_epi8(c, _mm_set1_epi8(43));
  v = _mm_add_epi8(v, from_minus);
  v = _mm_sub_epi8(v, _mm_and_si128(from_0, _mm_set1_epi8(2)));
  v = _mm_sub_epi8(v, _mm_and_si128(from_A, _mm_set1_epi8(7)));
  v = _mm_sub_epi8(v, _mm_and_si128(from_a, _mm_set1_epi8(6)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(values), v);
  Cm6Classes r;
  r.continues = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(_mm_and_si128(v, valid), 2)));
  r.invalid = static_cast<std::uint32_t>(_mm_movemask_epi8(valid)) ^ 0xFFFFu;
  return r;
}

inline IntClasses classify_int_sse2(const char* in) {
  const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  const auto is = [&c](char k) { return _mm_cmpeq_epi8(c, _mm_set1_epi8(k)); };
  const __m128i digit =
      _mm_andnot_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('9')), _mm_cmpgt_epi8(c, _mm_set1_epi8('/')));
  const __m128i minus = is('-');
  const __m128i sign = _mm_or_si128(minus, is('+'));
  const __m128i space = _mm_or_si128(_mm_or_si128(is(' '), is('\t')), _mm_or_si128(is('\n'), is('\r')));
  IntClasses r;
  r.digit = static_cast<std::uint32_t>(_mm_movemask_epi8(digit));
  r.minus = static_cast<std::uint32_t>(_mm_movemask_epi8(minus));
  r.sign = static_cast<std::uint32_t>(_mm_movemask_epi8(sign));
  r.other =
      static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, sign), space))) ^ 0xFFFFu;
  return r;
}

inline Cm6Classes classify_cm6(const char* in, std::uint8_t* values) {
  return classify_cm6_sse2(in, values);
}
inline IntClasses classify_int(const char* in) {
  return classify_int_sse2(in);
}

#else

inline Cm6Classes classify_cm6(const char* in, std::uint8_t* values) {
  return classify_cm6_scalar(in, values);
}
inline IntClasses classify_int(const char* in) {
  return classify_int_scalar(in);
}

#endif

}  // namespace imsgate::ims2::codec::detail
