#include "ims2/codec/csf.hpp"

#include <algorithm>
#include <cmath>
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

// CD-1.1 time stamps: "yyyyddd hh:mm:ss.sss", the day counted in the year from 001.
std::string cd11_time_stamp(std::chrono::sys_time<std::chrono::microseconds> t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd(day);
  const auto day_of_year = (day - sys_days(ymd.year() / January / 1)).count() + 1;
  const hh_mm_ss clock(floor<milliseconds>(t - day));
  return fmt::format("{:04}{:03} {:02}:{:02}:{:02}.{:03}", int(ymd.year()), day_of_year,
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count(),
                     clock.subseconds().count());
}

CodecError identity_error(std::string message) {
  return CodecError{CodecErrc::unsupported, 0, 0, std::move(message), std::string(kRule)};
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

tl::expected<void, CodecError> encode_csf_samples(const CsfChannel& channel,
                                                  std::span<const std::int32_t> samples, std::string& out) {
  if (channel.site.size() > 5 || channel.channel.size() > 3 || channel.location.size() > 2) {
    return tl::unexpected(identity_error(
        fmt::format("CD-1.1 names a channel in 5 + 3 + 2 characters: '{}' '{}' '{}' do not fit", channel.site,
                    channel.channel, channel.location)));
  }
  if (!(channel.sample_rate > 0)) {
    return tl::unexpected(identity_error(fmt::format("sample rate {} is not positive", channel.sample_rate)));
  }
  // Stations send 10-second frames; a subframe of at most that keeps each one's time length in range.
  const auto per_subframe = std::max<std::size_t>(1, static_cast<std::size_t>(channel.sample_rate * 10));
  std::vector<std::uint8_t> subframes;
  for (std::size_t first = 0; first < samples.size(); first += per_subframe) {
    const auto part = samples.subspan(first, std::min(per_subframe, samples.size() - first));
    const auto offset = std::chrono::microseconds(std::llround(first / channel.sample_rate * 1e6));
    Cd11SubframeSpec spec;
    spec.site = channel.site;
    spec.channel = channel.channel;
    spec.location = channel.location;
    spec.time_stamp = cd11_time_stamp(channel.start + offset);
    spec.time_length_ms = static_cast<std::uint32_t>(std::llround(part.size() / channel.sample_rate * 1e3));
    append_cd11_subframe(spec, part, subframes);
  }
  encode_csf(subframes, out);
  return {};
}

}  // namespace imsgate::ims2::codec
