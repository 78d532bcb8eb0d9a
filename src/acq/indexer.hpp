// The indexer: the store's index rows for an accepted data message, read section by section.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/rn/block.hpp"
#include "store/records.hpp"

namespace imsgate::acq {

struct IndexedMessage {
  store::MessageIndex index;
  std::vector<std::string> stations;  // every station or laboratory code the content names, first seen first,
                                      // upper case, no duplicates (for sender authorisation)
  std::string data_types;             // the DATA_TYPE names, upper case, comma-separated, in order
  ims2::Diagnostics diagnostics;      // what the section readers reported
};

// Reads every section of a data message with the reader for its type (shi::read_section, else
// rn::read_section with `mode`) and gathers the index rows. `body` is the text the message was read from
// (ims2::read_messages(body, {.read_data_sections = false}) — the caller does that), so that each SectionRow
// gets the byte offset of its DATA_TYPE line in `body` and the length up to the next section's DATA_TYPE line
// or the STOP line. A section of a type no reader knows gets a SectionRow and nothing else.
//
// What the rows hold:
// - SectionRow: the four parts of the DATA_TYPE line in upper case. A bare GSE2 waveform file has no
//   DATA_TYPE line: its one section starts at its first WID2 line.
// - WaveformSegmentRow: one per WID2 segment; `block_index` counts the segments of the section (OUT2 and DLY2
//   blocks are not counted), so the request engine finds a segment again by reading the section's segments.
// - EventRow: one per origin that has a time, latitude and longitude; its magnitude is the first of its
// origin
//   block that names the origin's id or no origin.
// - ArrivalRow: one per arrival or bulletin phase line that has a time.
// - ItemRow: everything else (see store::ItemRow); `attributes` is a JSON object whose keys are snake_case,
//   numbers are numbers, times are "YYYY-MM-DDTHH:MM:SS.ssssssZ" and missing values are left out.
// Stations are named by station data (waveforms, station metadata, PHDs, SOH, MET, alerts) and laboratories
// by their reports; the IDC's products (bulletins, arrivals, status reports, ARR/RRR, SSREB, RNPS, SAMPML)
// name none.
IndexedMessage index_data_message(const ims2::DataMessage& message, std::string_view body,
                                  ims2::rn::Mode mode = ims2::rn::Mode::lenient);

}  // namespace imsgate::acq
