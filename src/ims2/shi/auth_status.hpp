// AUTH_STATUS data type (6.5.1, Tables 47-48): authentication statistics per channel and the intervals of
// packets that failed verification, over a report period.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {

struct AuthStatusRecord {
  std::string network;
  std::string station;
  std::string channel;
  std::string aux;
  std::optional<std::int64_t> packets_tested;
  std::optional<std::int64_t> packets_failed;  // failing verification
  bool operator==(const AuthStatusRecord&) const = default;
};

struct AuthFailureInterval {
  std::string network;
  std::string station;
  std::string channel;
  std::string aux;
  std::optional<TimePoint> start;
  std::optional<TimePoint> end;
  std::string comment;
  bool operator==(const AuthFailureInterval&) const = default;
};

struct AuthStatus {
  ReportPeriod period;
  std::vector<AuthStatusRecord> records;      // Table 47
  std::vector<AuthFailureInterval> failures;  // Table 48, "Failed Packet Intervals"
  bool operator==(const AuthStatus&) const = default;
};

AuthStatus read_auth_status(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_auth_status(const AuthStatus& status);

}  // namespace imsgate::ims2::shi
