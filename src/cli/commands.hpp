// The subcommands of `imsgate` that read message files: check, dump and fmt.
#pragma once

#include <ostream>
#include <string>
#include <vector>

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
};
int run_dump(const DumpOptions& options, std::ostream& out, std::ostream& err);

struct FmtOptions {
  std::string file;
};
int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err);

}  // namespace imsgate::cli
