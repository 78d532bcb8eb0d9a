// The subcommands of `imsgate` that read message files: check, dump and fmt.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/mseed.hpp"

namespace imsgate::cli {

// Exit statuses shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;  // an input has errors
inline constexpr int kExitUsage = 2;    // bad usage or an input that cannot be read

struct CheckOptions {
  std::vector<std::string> files;  // "-" is standard input
  bool strict = false;
  bool json = false;
};
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

struct DumpOptions {
  std::string file;
  bool strict = false;
  bool samples = false;  // waveform samples too
};
int run_dump(const DumpOptions& options, std::ostream& out, std::ostream& err);

struct FmtOptions {
  std::string file;
};
int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err);

struct ConvertOptions {
  std::string input{};
  std::string output{};  // "-" is standard output
  std::string to{};      // mseed or ims2:int|cm6|cm8|csf; empty: the other format than the input's
  MseedEncoding mseed_encoding = MseedEncoding::steim2;
  int record_length = 512;
  std::optional<std::string> network{};   // miniSEED network code when the STA2 network does not fit
  std::optional<std::string> location{};  // miniSEED location code when the auxiliary code does not fit
  std::string msg_id{};                   // MSG_ID of IMS2.0 output; empty: the current UTC time
  bool verbose = false;
};
int run_convert(const ConvertOptions& options, std::ostream& err);

}  // namespace imsgate::cli
