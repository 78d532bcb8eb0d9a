#include "ims2/codec/csf.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "ims2/codec/base64.hpp"
#include "ims2/codec/cd11_subframe.hpp"
#include "ims2/codec/data_lines.hpp"

namespace imsgate::ims2::codec {
namespace {

constexpr std::string_view kRule = "6.3.2.5";
constexpr std::string_view kName = "CSF";

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
         c == '=';
}

// Where the base-64 character that encodes decoded byte `byte` is in the text.
std::size_t text_offset(std::string_view block, std::size_t byte) {
  const std::size_t wanted = byte / 3 * 4;
  std::size_t seen = 0;
  for (std::size_t i = 0; i < block.size(); ++i) {
    if (!is_base64_char(block[i])) continue;
    if (seen++ == wanted) return i;
  }
  return block.size();
}

}  // namespace

tl::expected<std::size_t, CodecError> decode_csf(std::string_view text, std::span<std::int32_t> samples) {
  // The base-64 block: whole lines of base-64 characters, up to the line that ends in '=' padding.
  std::size_t end = 0;
  while (end < text.size()) {
    const detail::DataLine line = detail::data_line(text, end);
    const std::string_view content = text.substr(line.begin, line.content_end - line.begin);
    if (content.empty() || !std::all_of(content.begin(), content.end(), is_base64_char)) break;
    end = line.next;
    if (content.back() == '=') break;
  }
  const std::string_view block = text.substr(0, end);
  std::vector<std::uint8_t> bytes;
  bytes.reserve(block.size() / 4 * 3);
  if (auto bad = decode_base64(block, bytes)) {
    return tl::unexpected(
        CodecError{CodecErrc::invalid_character, bad->offset, 0, std::move(bad->message), kRule});
  }
  auto frames = read_cd11_subframes(bytes);
  if (!frames) {
    CodecError e = std::move(frames.error());
    e.message = fmt::format("{} (decoded byte {})", e.message, e.offset);
    e.offset = text_offset(block, e.offset);
    return tl::unexpected(std::move(e));
  }
  std::uint64_t total = 0;
  for (const Cd11Subframe& f : *frames) total += f.sample_count;
  if (total < samples.size()) {
    return tl::unexpected(detail::data_end_error(kName, end, static_cast<std::size_t>(total), samples.size(),
                                                 kRule, "the channel subframes hold no more"));
  }
  if (total > samples.size()) {
    return tl::unexpected(CodecError{
        CodecErrc::trailing_data, end, samples.size(),
        fmt::format("the CSF channel subframes hold {} samples, {} are announced", total, samples.size()),
        kRule});
  }
  std::size_t n = 0;
  for (const Cd11Subframe& f : *frames) {
    if (auto ok = cd11_samples(f, samples.subspan(n, f.sample_count)); !ok) {
      CodecError e = std::move(ok.error());
      e.offset = text_offset(block, static_cast<std::size_t>(f.bytes.data() - bytes.data()));
      e.sample = n;
      return tl::unexpected(std::move(e));
    }
    n += f.sample_count;
  }
  return detail::skip_blank_lines(text, end);
}

void encode_csf(std::span<const std::uint8_t> subframes, std::string& out) {
  append_base64(subframes, out);
}

}  // namespace imsgate::ims2::codec
