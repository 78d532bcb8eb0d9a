#include "ims2/codec/cd11_subframe.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "ims2/codec/canadian.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr std::string_view kRule = "6.3.2.5";
constexpr std::size_t kTimeStamp = 20;

constexpr std::size_t padded(std::size_t n) {
  return (n + 3) & ~std::size_t{3};
}

// Reads big-endian fields in order, remembering whether it ran past the end.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> b) : b_(b) {}
  std::uint32_t u32() {
    if (!need(4)) return 0;
    const std::uint32_t v = static_cast<std::uint32_t>(b_[at_]) << 24 |
                            static_cast<std::uint32_t>(b_[at_ + 1]) << 16 |
                            static_cast<std::uint32_t>(b_[at_ + 2]) << 8 | b_[at_ + 3];
    at_ += 4;
    return v;
  }
  std::uint8_t u8() { return need(1) ? b_[at_++] : 0; }
  float f32() { return std::bit_cast<float>(u32()); }
  std::string_view text(std::size_t n) {
    if (!need(n)) return {};
    const std::string_view s(reinterpret_cast<const char*>(b_.data() + at_), n);
    at_ += n;
    return s;
  }
  // A field of `n` bytes padded to a multiple of four.
  std::span<const std::uint8_t> block(std::size_t n) {
    if (!need(padded(n))) return {};
    const auto s = b_.subspan(at_, n);
    at_ += padded(n);
    return s;
  }
  std::size_t at() const { return at_; }
  bool ok() const { return ok_; }

 private:
  bool need(std::size_t n) {
    if (!ok_ || b_.size() - at_ < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  std::span<const std::uint8_t> b_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

std::string_view trim_name(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\0')) s.remove_prefix(1);
  return s;
}

CodecError malformed(std::size_t offset, std::string message) {
  return CodecError{CodecErrc::malformed, offset, 0, std::move(message), kRule};
}

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (unsigned shift = 32; shift > 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> (shift - 8)));
}

void put_text(std::vector<std::uint8_t>& out, std::string_view s, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<std::uint8_t>(i < s.size() ? s[i] : ' '));
}

}  // namespace

tl::expected<std::vector<Cd11Subframe>, CodecError> read_cd11_subframes(std::span<const std::uint8_t> bytes) {
  std::vector<Cd11Subframe> frames;
  std::size_t at = 0;
  while (at < bytes.size()) {
    if (bytes.size() - at < 4)
      return tl::unexpected(malformed(at, "a CD-1.1 subframe cut short in its length"));
    Reader r(bytes.subspan(at));
    const std::uint32_t length = r.u32();
    if (length % 4 != 0 || length > bytes.size() - at - 4) {
      return tl::unexpected(malformed(
          at, fmt::format("CD-1.1 subframe length {} is not a multiple of 4 within the {} bytes left", length,
                          bytes.size() - at - 4)));
    }
    Cd11Subframe f;
    f.bytes = bytes.subspan(at, 4 + length);
    Reader s(f.bytes.subspan(4));
    f.authentication_offset = s.u32();
    const std::size_t description = s.at() + 4;
    f.authenticated = s.u8() == 1;
    f.transformation = s.u8();
    f.sensor_type = s.u8();
    f.calibration = s.u8() == 1;
    f.site = trim_name(s.text(5));
    f.channel = trim_name(s.text(3));
    f.location = trim_name(s.text(2));
    f.data_type = s.text(2);
    f.calibration_factor = s.f32();
    f.calibration_period = s.f32();
    f.time_stamp = s.text(kTimeStamp);
    f.time_length_ms = s.u32();
    f.sample_count = s.u32();
    f.status = s.block(s.u32());
    f.data = s.block(s.u32());
    f.subframe_count = s.u32();
    const std::size_t signed_end = s.at() + 4;
    f.key_id = s.u32();
    f.signature = s.block(s.u32());
    if (!s.ok()) return tl::unexpected(malformed(at, "a CD-1.1 subframe shorter than its fields"));
    if (s.at() != length) {
      return tl::unexpected(malformed(
          at, fmt::format("CD-1.1 subframe length {} but its fields take {} bytes", length, s.at())));
    }
    f.signed_part = f.bytes.subspan(description, signed_end - description);
    frames.push_back(f);
    at += 4 + length;
  }
  return frames;
}

tl::expected<void, CodecError> cd11_samples(const Cd11Subframe& f, std::span<std::int32_t> out) {
  const std::size_t n = f.sample_count;
  const auto t = static_cast<Cd11Transformation>(f.transformation);
  if (t == Cd11Transformation::canadian_before_signature ||
      t == Cd11Transformation::canadian_after_signature) {
    if (auto bad = canadian_decompress(f.data, out.first(n)))
      return tl::unexpected(malformed(0, std::move(*bad)));
    return {};
  }
  if (t != Cd11Transformation::none) {
    return tl::unexpected(CodecError{
        CodecErrc::unsupported, 0, 0,
        fmt::format(
            "CD-1.1 transformation {} (Steim or unknown) is not supported: neither the IMS2.0 spec nor "
            "the documents at hand define its layout",
            f.transformation),
        kRule});
  }
  // Uncompressed: the CSS 3.0 type of the data field.
  std::size_t width = 0;
  bool big_endian = true;
  if (f.data_type == "s4") {
    width = 4;
  } else if (f.data_type == "s3") {
    width = 3;
  } else if (f.data_type == "s2") {
    width = 2;
  } else if (f.data_type == "i4") {
    width = 4;
    big_endian = false;
  } else if (f.data_type == "i2") {
    width = 2;
    big_endian = false;
  } else {
    return tl::unexpected(CodecError{
        CodecErrc::unsupported, 0, 0,
        fmt::format("CD-1.1 data type '{}' is not an integer type (s4 s3 s2 i4 i2)", f.data_type), kRule});
  }
  if (f.data.size() < n * width) {
    return tl::unexpected(malformed(
        0, fmt::format("CD-1.1 data of {} bytes cannot hold {} {} samples", f.data.size(), n, f.data_type)));
  }
  const std::uint8_t* p = f.data.data();
  for (std::size_t i = 0; i < n; ++i, p += width) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < width; ++k) v = v << 8 | p[big_endian ? k : width - 1 - k];
    const unsigned unused = 32 - 8 * static_cast<unsigned>(width);  // sign-extend from the top of the field
    out[i] = static_cast<std::int32_t>(v << unused) >> unused;
  }
  return {};
}

void append_cd11_subframe(const Cd11SubframeSpec& spec, std::span<const std::int32_t> samples,
                          std::vector<std::uint8_t>& out) {
  std::vector<std::uint8_t> data;
  if (spec.canadian) {
    canadian_compress(samples, spec.next_sample, data);
  } else {
    for (const std::int32_t v : samples) put_u32(data, static_cast<std::uint32_t>(v));
  }
  std::vector<std::uint8_t> body;  // everything after the length field
  put_u32(body, 0);                // authentication offset: this subframe is not signed
  body.push_back(0);               // authentication off
  body.push_back(static_cast<std::uint8_t>(spec.canadian ? Cd11Transformation::canadian_before_signature
                                                         : Cd11Transformation::none));
  body.push_back(spec.sensor_type);
  body.push_back(0);  // option flag
  put_text(body, spec.site, 5);
  put_text(body, spec.channel, 3);
  put_text(body, spec.location, 2);
  put_text(body, "s4", 2);
  put_u32(body, 0);  // calibration factor and period: only meaningful for calibration data
  put_u32(body, 0);
  put_text(body, spec.time_stamp, kTimeStamp);
  put_u32(body, spec.time_length_ms);
  put_u32(body, static_cast<std::uint32_t>(samples.size()));
  put_u32(body, 0);  // no channel status
  put_u32(body, static_cast<std::uint32_t>(data.size()));
  body.insert(body.end(), data.begin(), data.end());
  body.resize(body.size() + padded(data.size()) - data.size(), 0);
  put_u32(body, 0);  // subframe count
  put_u32(body, 0);  // authentication key identifier
  put_u32(body, 0);  // authentication size
  put_u32(out, static_cast<std::uint32_t>(body.size()));
  out.insert(out.end(), body.begin(), body.end());
}

}  // namespace imsgate::ims2::codec
