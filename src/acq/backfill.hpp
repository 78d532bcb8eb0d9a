// Backfilling (ToR 3, the ACQ scheduler): for stations registered with a request address, find the gaps in
// the stored waveform coverage and ask the station for them with IMS2.0 WAVEFORM requests, "normal" mode
// for the recent past on every round and "backfilling" mode for older gaps; each request stays open until a
// response with its REF_ID arrives.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "acq/outbox.hpp"
#include "acq/replies.hpp"
#include "store/store.hpp"

namespace imsgate::acq {

struct BackfillSettings {
  std::chrono::hours normal_window{2};      // "normal": the last hours, every round
  std::chrono::minutes settle{10};          // newer data may still be on its way: not missing yet
  std::chrono::hours backfill_window{168};  // "backfilling": older gaps, back this far
  std::chrono::seconds minimum_gap{60};     // shorter gaps are not worth a request
  std::chrono::minutes retry_after{60};     // an open request for the same span is not repeated before this
  std::string subformat = "CM6";
};

struct Gap {
  ims2::TimePoint from{};
  ims2::TimePoint to{};
  bool operator==(const Gap&) const = default;
};

// The spans of [from, to) that no segment covers, longer than `minimum`.
std::vector<Gap> coverage_gaps(std::vector<store::WaveformSegmentRow> segments, ims2::TimePoint from,
                               ims2::TimePoint to, std::chrono::microseconds minimum);

// The request for one gap of a station's channels, as the station receives it.
std::string waveform_request(std::string_view msg_id, std::string_view source, std::string_view reply_address,
                             std::string_view station, const std::vector<std::string>& channels,
                             const Gap& gap, std::string_view subformat);

class Backfill {
 public:
  Backfill(store::Store& store, const Outbox& outbox, ReplyWriter& writer, BackfillSettings settings)
      : store_(store), outbox_(outbox), writer_(writer), settings_(std::move(settings)) {}

  // One round of both modes for every station with a request address; returns the requests queued.
  std::size_t run_once(ims2::TimePoint now);

 private:
  std::size_t request_gaps(const store::StationRow& station, std::string_view mode, ims2::TimePoint from,
                           ims2::TimePoint to, ims2::TimePoint now);

  store::Store& store_;
  const Outbox& outbox_;
  ReplyWriter& writer_;
  BackfillSettings settings_;
};

}  // namespace imsgate::acq
