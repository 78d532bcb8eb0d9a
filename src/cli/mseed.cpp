#include "cli/mseed.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>
// libmseed.h defines macros with short names (bit, ...): it comes last and stays in this file.
#include <libmseed.h>

namespace imsgate::cli {
namespace {

using ims2::shi::WaveformSegment;

tl::expected<std::string, std::string> fitted(std::string_view what, const std::string& value,
                                              std::size_t max, std::string_view option) {
  if (value.size() <= max) return value;
  return tl::unexpected(fmt::format("{} '{}' has more than the {} characters miniSEED allows{}", what, value,
                                    max, option.empty() ? "" : fmt::format(": give {}", option)));
}

void write_records(char* record, int length, void* out) {
  std::fwrite(record, 1, static_cast<std::size_t>(length), static_cast<std::FILE*>(out));
}

void copy_code(char (&to)[11], const std::string& from) {
  std::memset(to, 0, sizeof to);
  std::memcpy(to, from.data(), std::min(from.size(), sizeof to - 1));
}

// The next record continues the segment: same stream and rate, and it starts where the segment ends (within
// half a sample).
bool continues(const WaveformSegment& segment, const WaveformSegment& next) {
  const auto& a = segment.wid2;
  const auto& b = next.wid2;
  if (a.station != b.station || a.channel != b.channel || a.aux_id != b.aux_id) return false;
  if (segment.sta2->network != next.sta2->network) return false;
  if (std::abs(a.sample_rate - b.sample_rate) > 1e-6 * a.sample_rate) return false;
  const double expected_us = static_cast<double>(segment.samples.size()) / a.sample_rate * 1e6;
  const double actual_us = static_cast<double>((b.start - a.start).count());
  return std::abs(actual_us - expected_us) <= 0.5e6 / a.sample_rate;
}

}  // namespace

bool is_mseed(std::string_view bytes) {
  if (bytes.size() < 48) return false;
  // ms_detect reads the fixed header (and looks for a blockette 1000) in a buffer it may not modify.
  std::string head(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096)));
  return ms_detect(head.data(), static_cast<int>(head.size())) > 0;
}

tl::expected<StreamIdentity, std::string> mseed_identity(const WaveformSegment& segment,
                                                         const IdentityOverrides& overrides) {
  StreamIdentity id;
  const std::string network =
      overrides.network.value_or(segment.sta2 ? segment.sta2->network : std::string());
  const std::string location = overrides.location.value_or(segment.wid2.aux_id);
  auto n = fitted("network code", network, 2, "--network");
  if (!n) return tl::unexpected(n.error());
  auto l = fitted("auxiliary code", location, 2, "--location");
  if (!l) return tl::unexpected(l.error());
  auto s = fitted("station code", segment.wid2.station, 5, "");
  if (!s) return tl::unexpected(s.error());
  auto c = fitted("channel code", segment.wid2.channel, 3, "");
  if (!c) return tl::unexpected(c.error());
  return StreamIdentity{*n, *s, *l, *c};
}

tl::expected<void, std::string> MseedWriter::write(const WaveformSegment& segment, const StreamIdentity& id) {
  if (segment.samples.empty()) return {};
  MSTrace* trace = mst_init(nullptr);
  copy_code(trace->network, id.network);
  copy_code(trace->station, id.station);
  copy_code(trace->location, id.location);
  copy_code(trace->channel, id.channel);
  trace->dataquality = 'D';
  trace->starttime = segment.wid2.start.time_since_epoch().count();  // both in microseconds
  trace->samprate = segment.wid2.sample_rate;
  // mst_pack moves the samples it has packed out of the trace's buffer, so it gets a malloc'd copy of its
  // own, which mst_free releases.
  const std::size_t bytes = segment.samples.size() * sizeof(std::int32_t);
  trace->datasamples = std::malloc(bytes);
  if (!trace->datasamples) {
    mst_free(&trace);
    return tl::unexpected(std::string("out of memory"));
  }
  std::memcpy(trace->datasamples, segment.samples.data(), bytes);
  trace->numsamples = static_cast<std::int64_t>(segment.samples.size());
  trace->samplecnt = trace->numsamples;
  trace->sampletype = 'i';
  const flag encoding = encoding_ == MseedEncoding::steim2   ? DE_STEIM2
                        : encoding_ == MseedEncoding::steim1 ? DE_STEIM1
                                                             : DE_INT32;
  std::int64_t packed = 0;
  const int records =
      mst_pack(trace, write_records, out_, record_length_, encoding, 1, &packed, 1, 0, nullptr);
  mst_free(&trace);
  if (records < 0 || packed != static_cast<std::int64_t>(segment.samples.size()))
    return tl::unexpected(
        fmt::format("libmseed could not pack the {} samples of {} {} starting {}{}", segment.samples.size(),
                    id.station, id.channel, ims2::write_fixed_date_time(segment.wid2.start, 3),
                    encoding_ == MseedEncoding::int32
                        ? ""
                        : " (differences too large for Steim compression: use --mseed-encoding int32)"));
  if (std::ferror(out_)) return tl::unexpected(std::string("write error"));
  return {};
}

MseedReader::~MseedReader() {
  auto* file = static_cast<MSFileParam*>(file_);
  auto* record = static_cast<MSRecord*>(record_);
  if (file) ms_readmsr_r(&file, &record, nullptr, 0, nullptr, nullptr, 0, 0, 0);  // frees libmseed's state
}

tl::expected<std::optional<WaveformSegment>, std::string> MseedReader::read_record() {
  auto* file = static_cast<MSFileParam*>(file_);
  auto* record = static_cast<MSRecord*>(record_);
  const int status = ms_readmsr_r(&file, &record, path_.c_str(), 0, nullptr, nullptr, 1, 1, 0);
  file_ = file;
  record_ = record;
  if (status == MS_ENDOFFILE) return std::nullopt;
  if (status != MS_NOERROR) return tl::unexpected(fmt::format("{}: {}", path_, ms_errorstr(status)));
  if (record->sampletype != 'i')
    return tl::unexpected(fmt::format("{}: record of {} with '{}' samples: IMS2.0 waveforms hold integers",
                                      path_, record->station, record->sampletype));
  WaveformSegment segment;
  auto& wid = segment.wid2;
  wid.start = ims2::TimePoint{std::chrono::microseconds{record->starttime}};
  wid.station = record->station;
  wid.channel = record->channel;
  wid.aux_id = record->location;
  wid.sample_rate = record->samprate;
  const auto* samples = static_cast<const std::int32_t*>(record->datasamples);
  segment.samples.assign(samples, samples + record->numsamples);
  segment.sta2 = ims2::shi::Sta2{};
  segment.sta2->network = record->network;
  return segment;
}

tl::expected<std::optional<WaveformSegment>, std::string> MseedReader::next() {
  std::optional<WaveformSegment> segment = std::move(pending_);
  pending_.reset();
  while (true) {
    auto record = read_record();
    if (!record) return tl::unexpected(record.error());
    if (!*record) break;
    if (!segment) {
      segment = std::move(**record);
    } else if (continues(*segment, **record)) {
      segment->samples.insert(segment->samples.end(), (*record)->samples.begin(), (*record)->samples.end());
    } else {
      pending_ = std::move(**record);
      break;
    }
  }
  if (segment) segment->wid2.sample_count = static_cast<std::int64_t>(segment->samples.size());
  return segment;
}

}  // namespace imsgate::cli
