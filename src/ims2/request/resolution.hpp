// What a request body asks for (4.6, 4.7): one job per request line, its environment and its problems.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ims2/diagnostic.hpp"
#include "ims2/request/body.hpp"
#include "ims2/request/environment_state.hpp"

namespace imsgate::ims2::request {

// A problem found while resolving a body, at one of its lines. The reader turns it into a diagnostic at the
// line's keyword.
struct Issue {
  std::size_t line = 0;  // index into the body's lines
  Severity severity = Severity::error;
  std::string message;
  std::string rule;
  EnvSet missing;  // the environments whose absence it reports; empty for other problems
  bool operator==(const Issue&) const = default;
};

// One product to produce: a request line (or HELP) and the environment in force when it was reached.
struct Job {
  std::size_t line = 0;  // index into the body's lines
  RequestLine request;   // keyword HELP for a help line
  Environment environment;
  bool operator==(const Job&) const = default;
};

struct RequestResolution {
  std::vector<Job> jobs;                // in the order of the request lines (4.1)
  std::optional<std::string> reply_to;  // the E-MAIL address
  bool ack = true;                      // ACK in the body (default true)
  std::vector<Issue> issues;
};

// Applies the environment lines in order: values persist until the same keyword sets or resets them, and
// RELATIVE_TO is used up by the next request line (4.6.42).
RequestResolution resolve_request(const RequestBody& body);

// The environments that constrain `line` in `environment` (Tables 7-11): the screening environments only for
// a custom-screened (IDC_NEB/IDC_NSEB) or national (NEB_/NSEB_) bulletin, the bulletin environments of
// WAVEFORM only with RELATIVE_TO.
EnvSet applicable_environments(const RequestLine& line, Context context, const Environment& environment);

// The problems of executing one request line in `environment`: required environments not given, none of a
// "one of" group given (or, for subscription commands, more than one), RELATIVE_TO on a line other than
// WAVEFORM, and combinations the IDC does not support.
void check_request_line(const RequestLine& line, std::size_t index, Context context,
                        const Environment& environment, std::vector<Issue>& issues);

}  // namespace imsgate::ims2::request
