#include "ims2/codec/codec.hpp"

#include <fmt/format.h>

#include "ims2/codec/cm6.hpp"
#include "ims2/codec/cm8.hpp"
#include "ims2/codec/csf.hpp"
#include "ims2/codec/int.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr std::string_view kRule = "6.3.2";

}  // namespace

std::optional<Subformat> parse_subformat(std::string_view name) {
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.size() != 3) return std::nullopt;
  std::string upper(name);
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  for (const Subformat s : {Subformat::int_text, Subformat::cm6, Subformat::cm8, Subformat::csf}) {
    if (upper == subformat_name(s)) return s;
  }
  return std::nullopt;
}

std::string_view subformat_name(Subformat subformat) {
  switch (subformat) {
    case Subformat::int_text:
      return "INT";
    case Subformat::cm6:
      return "CM6";
    case Subformat::cm8:
      return "CM8";
    case Subformat::csf:
      break;
  }
  return "CSF";
}

tl::expected<std::size_t, CodecError> decode(Subformat subformat, std::string_view text,
                                             std::span<std::int32_t> samples) {
  switch (subformat) {
    case Subformat::int_text:
      return decode_int(text, samples);
    case Subformat::cm6:
      return decode_cm6(text, samples);
    case Subformat::cm8:
      return decode_cm8(text, samples);
    case Subformat::csf:
      break;
  }
  return decode_csf(text, samples);
}

tl::expected<std::size_t, CodecError> decode(Subformat subformat, std::string_view text, std::size_t count,
                                             std::vector<std::int32_t>& samples) {
  // No subformat packs more than two samples into a byte of text (CSF's Canadian compression at 4 bits a
  // sample, in base-64, comes to 1.5), so a larger count is an error found without allocating for it.
  if (count / 2 > text.size()) {
    return tl::unexpected(
        CodecError{CodecErrc::data_end, text.size(), 0,
                   fmt::format("{} samples announced, more than the {} bytes of {} data can hold", count,
                               text.size(), subformat_name(subformat)),
                   kRule});
  }
  const std::size_t old = samples.size();
  samples.resize(old + count);
  auto result = decode(subformat, text, std::span<std::int32_t>(samples).subspan(old));
  if (!result) samples.resize(old);
  return result;
}

tl::expected<void, CodecError> encode(Subformat subformat, std::span<const std::int32_t> samples,
                                      std::string& out) {
  switch (subformat) {
    case Subformat::int_text:
      encode_int(samples, out);
      return {};
    case Subformat::cm6:
      encode_cm6(samples, out);
      return {};
    case Subformat::cm8:
      return encode_cm8(samples, out);
    case Subformat::csf:
      break;
  }
  return tl::unexpected(CodecError{CodecErrc::unsupported, 0, 0,
                                   "CSF subframes name their channel, which samples alone do not: "
                                   "write them with encode_csf_samples or encode_csf",
                                   "6.3.2.5"});
}

}  // namespace imsgate::ims2::codec
