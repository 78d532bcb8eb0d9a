// WAVEFORM (4.7.34): the stored segments of the stations and channels asked for, cut to the TIME window.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "ims2/codec/codec.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/shi/waveform.hpp"
#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {

namespace {

using ims2::TimePoint;
using ims2::request::EnvKeyword;
using std::chrono::microseconds;

// A response section is cut at DATA_TYPE boundaries only: several WAVEFORM sections of about this size let a
// long request be split into e-mail parts.
constexpr std::size_t kSectionBytes = 256 * 1024;
constexpr std::string_view kDefaultSubformat = "CM6";

bool is_wildcard(std::string_view item) {
  return item.find('*') != std::string_view::npos;
}

// TIME as [from, to); an open limit is the earliest or latest time there is.
std::pair<TimePoint, TimePoint> time_window(const ims2::request::Environment& environment, TimePoint now) {
  const auto bound = [&](const std::optional<ims2::TimeBound>& b, TimePoint open) {
    if (!b) return open;
    switch (b->kind) {
      case ims2::TimeBound::Kind::now:
        return now;
      case ims2::TimeBound::Kind::forever:
        return TimePoint::max();
      case ims2::TimeBound::Kind::at:
        break;
    }
    return b->at.time;
  };
  const auto* range = std::get_if<ims2::TimeRange>(&environment.value(EnvKeyword::time));
  if (!range) return {now, now};
  return {bound(range->from, TimePoint::min()), bound(range->to, TimePoint::max())};
}

std::string when(TimePoint t) {
  if (t == TimePoint::min()) return "the beginning";
  if (t == TimePoint::max()) return "the end";
  return ims2::write_fixed_date_time(t, 3);
}

double seconds(microseconds d) {
  return std::chrono::duration<double>(d).count();
}

// The time of sample `i` of a segment, on the same microsecond grid for every cut.
TimePoint sample_time(TimePoint start, double rate, std::int64_t i) {
  return start + microseconds(std::llround(static_cast<double>(i) * 1e6 / rate));
}

// The index of the first sample at or after `t` (0 to `count`).
std::int64_t first_sample_at(TimePoint start, double rate, std::int64_t count, TimePoint t) {
  if (t <= start) return 0;
  auto i = static_cast<std::int64_t>(std::floor(seconds(t - start) * rate));
  i = std::clamp<std::int64_t>(i, 0, count);
  while (i < count && sample_time(start, rate, i) < t) ++i;
  while (i > 0 && sample_time(start, rate, i - 1) >= t) --i;
  return i;
}

// Keeps the samples in [from, to) and moves the start to the first one kept; false when none is.
bool cut(ims2::shi::WaveformSegment& segment, TimePoint from, TimePoint to) {
  const TimePoint start = segment.wid2.start;
  const double rate = segment.wid2.sample_rate;
  const auto count = static_cast<std::int64_t>(segment.samples.size());
  const std::int64_t first = first_sample_at(start, rate, count, from);
  const std::int64_t end = first_sample_at(start, rate, count, to);
  if (first >= end) return false;
  segment.samples.erase(segment.samples.begin() + end, segment.samples.end());
  segment.samples.erase(segment.samples.begin(), segment.samples.begin() + first);
  segment.samples.shrink_to_fit();
  segment.wid2.start = sample_time(start, rate, first);
  segment.wid2.sample_count = end - first;
  return true;
}

// The stored section being read: one WAVEFORM section, its blocks decoded one at a time.
struct OpenSection {
  OpenSection(std::int64_t message, int index, ims2::DataSection text)
      : message_id(message),
        section_index(index),
        section(std::move(text)),
        lines(section.body),
        reader(lines, section.first_body_line(), diagnostics) {}

  std::int64_t message_id;
  int section_index;
  ims2::DataSection section;
  ims2::LineReader lines;
  ims2::Diagnostics diagnostics;
  ims2::shi::WaveformReader reader;
  int next_block = 0;  // the index of the WID2 block the reader gives next
};

// Reads stored segments in the order of the index rows, going on in the section already open when it can.
class SegmentSource {
 public:
  explicit SegmentSource(SectionSource& sections) : sections_(sections) {}
  ~SegmentSource() {
    if (open_) sections_.release(open_->message_id);
  }
  SegmentSource(const SegmentSource&) = delete;
  SegmentSource& operator=(const SegmentSource&) = delete;

  // The segment, decoded, and its stored text (WID2 to CHK2) when that can be sent as it is: its checksum
  // holds in the spec's form and its lines end in LF. The text lives until the next read.
  struct Read {
    ims2::shi::WaveformSegment segment;
    std::string_view text;
  };

  tl::expected<Read, std::string> read(const store::WaveformSegmentRow& row) {
    if (!open_ || open_->message_id != row.message_id || open_->section_index != row.section_index ||
        open_->next_block > row.block_index) {
      if (open_ && open_->message_id != row.message_id) sections_.release(open_->message_id);
      open_.reset();
      auto section = sections_.section(row.message_id, row.section_index);
      if (!section) return tl::unexpected(section.error());
      open_ = std::make_unique<OpenSection>(row.message_id, row.section_index, std::move(*section));
    }
    for (std::size_t begin = open_->lines.offset(); auto block = open_->reader.next();
         begin = open_->lines.offset()) {
      auto* segment = std::get_if<ims2::shi::WaveformSegment>(&*block);
      if (!segment) continue;
      if (open_->next_block++ != row.block_index) continue;
      Read read{std::move(*segment), {}};
      const std::string_view text = open_->lines.input().substr(begin, open_->lines.offset() - begin);
      read.text = stored_block(text, read.segment);
      return read;
    }
    return tl::unexpected(fmt::format("message {} section {} has no WID2 block {}", row.message_id,
                                      row.section_index, row.block_index));
  }

 private:
  // The block's own lines, from its WID2 line to its CHK2 line; empty when they are not fit to be copied.
  static std::string_view stored_block(std::string_view text, const ims2::shi::WaveformSegment& segment) {
    if (segment.checksum.stored != static_cast<std::int64_t>(segment.checksum.computed)) return {};
    const std::size_t wid2 = text.find("WID2");
    if (wid2 == std::string_view::npos || (wid2 > 0 && text[wid2 - 1] != '\n')) return {};
    text.remove_prefix(wid2);
    if (text.empty() || text.back() != '\n' || text.find('\r') != std::string_view::npos) return {};
    const std::size_t last = text.rfind('\n', text.size() - 2);
    if (last == std::string_view::npos || text.substr(last + 1, 4) != "CHK2") return {};
    return text;
  }

  SectionSource& sections_;
  std::unique_ptr<OpenSection> open_;
};

using ChannelKey = std::tuple<std::string, std::string, std::string>;  // station, channel, aux

std::string channel_name(const ChannelKey& key) {
  const auto& [station, channel, aux] = key;
  return aux.empty() ? fmt::format("{}/{}", station, channel)
                     : fmt::format("{}/{}/{}", station, channel, aux);
}

// What has been written of one channel.
struct ChannelState {
  TimePoint end{};  // of the last piece written
  int pieces = 0;
  std::int64_t samples = 0;
  TimePoint first{};
  std::optional<ims2::shi::Sta2> sta2;
};

// Collects the blocks into WAVEFORM sections of bounded size.
class SectionWriter {
 public:
  explicit SectionWriter(std::string subformat) : subformat_(std::move(subformat)) {}

  tl::expected<void, std::string> add(const ims2::shi::WaveformBlock& block) {
    if (auto ok = ims2::shi::write_waveform_block(block, body_); !ok) return ok;
    if (body_.size() >= kSectionBytes) flush();
    return {};
  }

  // A stored block sent as it is.
  void add_stored(std::string_view text) {
    if (body_.empty()) body_.reserve(kSectionBytes + text.size());
    body_.append(text);
    if (body_.size() >= kSectionBytes) flush();
  }

  std::vector<ims2::DataSection> finish() {
    flush();
    return std::move(sections_);
  }

 private:
  void flush() {
    if (body_.empty()) return;
    ims2::DataSection section;
    section.header = {"WAVEFORM", "", "IMS2.0", subformat_};
    section.body = std::move(body_);
    body_.clear();
    sections_.push_back(std::move(section));
  }

  std::string subformat_;
  std::string body_;
  std::vector<ims2::DataSection> sections_;
};

}  // namespace

ProductOutput produce_waveform(const ims2::request::Job& job, ProductContext& context) {
  ProductOutput out;
  const auto& environment = job.environment;
  const auto& spec = ims2::request::request_spec(job.request.keyword);

  // 4.7.34 names no default subformat; CM6 is the one the spec's examples and the IDC answer in.
  std::string subformat =
      job.request.subformat.empty() ? std::string(spec.default_subformat) : job.request.subformat;
  subformat = subformat.empty() ? std::string(kDefaultSubformat) : ims2::to_upper(subformat);
  if (!ims2::codec::parse_subformat(subformat)) {
    out.errors.push_back(
        fmt::format("subformat {} cannot be written: only INT, CM6, CM8 and CSF", subformat));
    return out;
  }
  if (const auto* relative = std::get_if<ims2::request::Word>(environment.given(EnvKeyword::relative_to))) {
    out.errors.push_back(
        fmt::format("RELATIVE_TO {} is not supported yet: no waveforms are selected by events",
                    ims2::to_upper(relative->text)));
    return out;
  }
  if (environment.is_given(EnvKeyword::beam_list)) {
    out.errors.push_back("BEAM_LIST is not supported: no beams are served, only the channels stored");
    return out;
  }

  const auto [from, to] = time_window(environment, context.now);
  const std::vector<std::string> stations = list_items(environment, EnvKeyword::sta_list);
  const std::vector<std::string> channels = list_items(environment, EnvKeyword::chan_list);
  const std::vector<std::string> auxes = list_items(environment, EnvKeyword::aux_list);
  const std::string between = fmt::format("between {} and {}", when(from), when(to));

  // Refusals first: a station named but not granted, and every station found that is not.
  std::set<std::string> refused;
  for (const auto& item : stations)
    if (!is_wildcard(item) && !context.access.may("waveform", ims2::to_upper(item)))
      refused.insert(ims2::to_upper(item));

  // One station named: the index finds its segments alone.
  const std::string only_station =
      stations.size() == 1 && !is_wildcard(stations.front()) ? ims2::to_upper(stations.front()) : "";
  std::vector<store::WaveformSegmentRow> rows;
  if (from < to)
    for (auto& row : context.store.segments(only_station, "", from, to)) {
      if (!matches_any(stations, row.station) || !matches_any(channels, row.channel) ||
          !matches_any(auxes, row.aux_id) || row.sample_rate <= 0)
        continue;
      if (!context.access.may("waveform", row.station)) {
        refused.insert(row.station);
        continue;
      }
      rows.push_back(std::move(row));
    }
  for (const auto& station : refused)
    out.errors.push_back(fmt::format("station {} refused: no grant of WAVEFORM for it", station));
  // In time order; the channels of one stored section in the order they are stored, read in one pass.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.start, a.message_id, a.section_index, a.block_index) <
           std::tie(b.start, b.message_id, b.section_index, b.block_index);
  });

  SegmentSource source(context.sections);
  SectionWriter writer(subformat);
  std::map<ChannelKey, ChannelState> written;
  const auto write_gap = [&](const ChannelKey& key, const ChannelState& state, TimePoint start,
                             TimePoint end) {
    out.log.push_back(fmt::format("no data for {} from {} to {} ({:.3f} s)", channel_name(key), when(start),
                                  when(end), seconds(end - start)));
    ims2::shi::WaveformGap gap;
    gap.start = start;
    std::tie(gap.station, gap.channel, gap.aux_id) = key;
    gap.duration = seconds(end - start);
    gap.sta2 = state.sta2;
    if (auto ok = writer.add(gap); !ok) out.errors.push_back(fmt::format("OUT2 not written: {}", ok.error()));
  };

  for (const auto& row : rows) {
    const ChannelKey key{row.station, row.channel, row.aux_id};
    auto [entry, fresh] = written.try_emplace(key);
    ChannelState& state = entry->second;
    // Data stored twice (a segment sent again) are given once: a piece starts where the last one ended.
    const TimePoint piece_from = fresh ? from : std::max(from, state.end);
    if (row.end <= piece_from) {
      if (fresh) written.erase(entry);
      continue;
    }
    auto read = source.read(row);
    if (read && (read->segment.wid2.station != row.station || read->segment.wid2.channel != row.channel ||
                 read->segment.wid2.start != row.start))
      read = tl::unexpected(fmt::format("message {} section {} block {} is not the segment indexed",
                                        row.message_id, row.section_index, row.block_index));
    if (!read) {
      out.errors.push_back(fmt::format("{} segment at {} could not be read: {}", channel_name(key),
                                       when(row.start), read.error()));
      if (fresh) written.erase(entry);
      continue;
    }
    ims2::shi::WaveformSegment* segment = &read->segment;
    const std::int64_t stored_samples = segment->wid2.sample_count;
    if (!cut(*segment, piece_from, to)) {
      if (fresh) written.erase(entry);
      continue;
    }
    // A whole segment in the subformat asked for goes as it is stored, not decoded and encoded again.
    const bool as_stored = !read->text.empty() && segment->wid2.sample_count == stored_samples &&
                           segment->wid2.subformat == subformat;
    segment->wid2.subformat = subformat;
    const microseconds period(std::llround(1e6 / segment->wid2.sample_rate));
    if (fresh) {
      state.first = segment->wid2.start;
      state.sta2 = segment->sta2;
      // A sample a period before the first one kept would have been in the window.
      if (from != TimePoint::min() && segment->wid2.start - period >= from)
        write_gap(key, state, from, segment->wid2.start);
    } else if (segment->wid2.start - state.end >= period / 2) {
      write_gap(key, state, state.end, segment->wid2.start);
    }
    state.end = sample_time(segment->wid2.start, segment->wid2.sample_rate, segment->wid2.sample_count);
    state.samples += segment->wid2.sample_count;
    ++state.pieces;
    if (segment->sta2) state.sta2 = segment->sta2;
    if (as_stored)
      writer.add_stored(read->text);
    else if (auto ok = writer.add(*segment); !ok)
      out.errors.push_back(fmt::format("{} segment at {} not written: {}", channel_name(key),
                                       when(segment->wid2.start), ok.error()));
  }
  for (const auto& [key, state] : written)
    if (state.end < to && to != TimePoint::max()) write_gap(key, state, state.end, to);

  for (const auto& [key, state] : written)
    out.log.push_back(fmt::format("{}: {} segment{}, {} samples from {} to {}", channel_name(key),
                                  state.pieces, state.pieces == 1 ? "" : "s", state.samples,
                                  when(state.first), when(state.end)));
  // Say what was asked for by name and not found.
  std::set<std::string> found_stations;
  for (const auto& [key, state] : written) found_stations.insert(std::get<0>(key));
  for (const auto& item : stations) {
    const std::string station = ims2::to_upper(item);
    if (is_wildcard(item) || refused.contains(station)) continue;
    if (!found_stations.contains(station)) {
      out.log.push_back(fmt::format("no WAVEFORM data for {} {}", station, between));
      continue;
    }
    for (const auto& channel : channels) {
      if (is_wildcard(channel)) continue;
      const bool found = std::any_of(written.begin(), written.end(), [&](const auto& entry) {
        return std::get<0>(entry.first) == station && ims2::iequals(std::get<1>(entry.first), channel);
      });
      if (!found)
        out.log.push_back(
            fmt::format("no WAVEFORM data for {}/{} {}", station, ims2::to_upper(channel), between));
    }
  }
  if (written.empty())
    out.log.push_back(fmt::format("no WAVEFORM data for STA_LIST {} CHAN_LIST {} {}",
                                  fmt::join(stations, ","), fmt::join(channels, ","), between));
  out.sections = writer.finish();
  return out;
}

}  // namespace imsgate::vdms
