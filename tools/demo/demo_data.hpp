// The demo data set: a few IMS stations' IMS2.0 data messages over some days, built as models and written
// with the ims2 writers, deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/datetime.hpp"

namespace imsgate::demo {

// A sender of the data set, as the station registry knows it.
struct DemoStation {
  std::string code;     // "SEX63", a laboratory code, or the data centre's source name
  std::string kind;     // "radionuclide", "seismic", "laboratory" or "idc"
  std::string address;  // the sender's e-mail address
  bool operator==(const DemoStation&) const = default;
};

// One data message, to be sent as one e-mail.
struct DemoMessage {
  std::string file_name;  // "0007-SEX63-samplephd.eml": sending order, sender, data type
  std::string station;
  std::string sender;      // the sender's e-mail address
  ims2::TimePoint sent{};  // when the sender sends it: the e-mail's Date
  std::string data_type;   // of its one DATA_TYPE section: "SAMPLEPHD", "WAVEFORM", ...
  std::string text;        // the IMS2.0 message, BEGIN to STOP, LF line ends
  bool operator==(const DemoMessage&) const = default;
};

struct DemoOptions {
  ims2::TimePoint start{};  // the first moment of the data set, UTC
  int days = 2;             // its length; messages are those sent in [start, start + days)
  std::uint64_t seed = 1;
};

struct DemoDataSet {
  std::vector<DemoStation> stations;
  std::vector<DemoMessage> messages;  // in sending order
};

// The senders of the data set (known without generating it).
std::vector<DemoStation> demo_stations();

// The whole data set. An error names the message a writer refused (a bug, not an input problem) or an option
// out of range (days from 1 to 31).
tl::expected<DemoDataSet, std::string> make_demo_data(const DemoOptions& options);

}  // namespace imsgate::demo
