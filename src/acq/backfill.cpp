#include "acq/backfill.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "ims2/datetime.hpp"
#include "mail/smime.hpp"

namespace imsgate::acq {

std::vector<Gap> coverage_gaps(std::vector<store::WaveformSegmentRow> segments, ims2::TimePoint from,
                               ims2::TimePoint to, std::chrono::microseconds minimum) {
  std::sort(segments.begin(), segments.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  std::vector<Gap> gaps;
  ims2::TimePoint covered = from;
  auto add = [&](ims2::TimePoint gap_end) {
    if (gap_end - covered >= minimum && gap_end > covered) gaps.push_back({covered, gap_end});
  };
  for (const auto& segment : segments) {
    if (segment.end <= covered) continue;
    if (segment.start >= to) break;
    if (segment.start > covered) add(std::min(segment.start, to));
    covered = std::max(covered, segment.end);
    if (covered >= to) return gaps;
  }
  add(to);
  return gaps;
}

std::string waveform_request(std::string_view msg_id, std::string_view source, std::string_view reply_address,
                             std::string_view station, const std::vector<std::string>& channels,
                             const Gap& gap, std::string_view subformat) {
  std::string channel_list;
  for (const auto& channel : channels) channel_list += (channel_list.empty() ? "" : ",") + channel;
  return fmt::format(
      "BEGIN IMS2.0\nMSG_TYPE REQUEST\nMSG_ID {} {}\nE-MAIL {}\nTIME {} TO {}\nSTA_LIST {}\nCHAN_LIST {}\n"
      "WAVEFORM IMS2.0:{}\nSTOP\n",
      msg_id, source, reply_address, ims2::write_fixed_date_time(gap.from, 3),
      ims2::write_fixed_date_time(gap.to, 3), station, channel_list.empty() ? "*" : channel_list, subformat);
}

std::size_t Backfill::request_gaps(const store::StationRow& station, std::string_view mode,
                                   ims2::TimePoint from, ims2::TimePoint to, ims2::TimePoint now) {
  const auto segments = store_.segments(station.code, "", from, to);
  std::set<std::string> channel_set;
  for (const auto& segment : segments) channel_set.insert(segment.channel);
  const std::vector<std::string> channels(channel_set.begin(), channel_set.end());
  // A gap is what any channel misses: ask for all the station's channels over it.
  std::vector<Gap> gaps;
  for (const auto& channel : channels) {
    std::vector<store::WaveformSegmentRow> of_channel;
    std::copy_if(segments.begin(), segments.end(), std::back_inserter(of_channel),
                 [&](const auto& s) { return s.channel == channel; });
    for (const auto& gap : coverage_gaps(of_channel, from, to, settings_.minimum_gap))
      if (std::find(gaps.begin(), gaps.end(), gap) == gaps.end()) gaps.push_back(gap);
  }
  if (channels.empty()) {
    // Nothing received in the span: ask for it all in normal mode; older spans wait until we know the
    // channels.
    if (mode != "normal") return 0;
    gaps.push_back({from, to});
  }

  const auto open = store_.open_backfill_requests(station.code);
  std::size_t queued = 0;
  for (const auto& gap : gaps) {
    const bool asked_recently = std::any_of(open.begin(), open.end(), [&](const auto& request) {
      return request.from < gap.to && request.to > gap.from && now - request.sent_at < settings_.retry_after;
    });
    if (asked_recently) continue;
    const std::string msg_id = writer_.next_msg_id(now);
    const std::string text = waveform_request(msg_id, writer_.settings().source, writer_.settings().from,
                                              station.code, channels, gap, settings_.subformat);
    const mail::Envelope envelope{writer_.settings().from, station.request_address,
                                  fmt::format("WAVEFORM request {} ({})", msg_id, mode)};
    if (!outbox_.put(
            {writer_.settings().from, {station.request_address}, mail::plain_message(envelope, text)}))
      continue;
    store_.add_backfill_request({0, station.code, msg_id, std::string(mode), gap.from, gap.to, now, {}, 0});
    ++queued;
  }
  return queued;
}

std::size_t Backfill::run_once(ims2::TimePoint now) {
  std::size_t queued = 0;
  const ims2::TimePoint normal_from = now - settings_.normal_window;
  for (const auto& station : store_.stations()) {
    if (station.request_address.empty()) continue;
    queued += request_gaps(station, "normal", normal_from, now - settings_.settle, now);
    queued += request_gaps(station, "backfilling", now - settings_.backfill_window, normal_from, now);
  }
  return queued;
}

}  // namespace imsgate::acq
