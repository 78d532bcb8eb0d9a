#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/mapped_file.hpp"
#include "cli/mseed.hpp"
#include "ims2/codec/codec.hpp"
#include "ims2/shi/waveform_stream.hpp"
#include "ims2/text.hpp"

namespace imsgate::cli {
namespace {

using ims2::shi::WaveformBlock;
using ims2::shi::WaveformSegment;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f && f != stdout) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string default_msg_id() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::string stamp =
      ims2::write_fixed_date_time(std::chrono::time_point_cast<std::chrono::microseconds>(now), 0);
  for (char& c : stamp)
    if (c == ' ') c = '_';
  std::erase(stamp, ':');
  return stamp;  // "yyyy/mm/dd_hhmmss", in the style of the spec's examples
}

// Writes an IMS2.0 WAVEFORM data message one block at a time.
class Ims2Output {
 public:
  Ims2Output(std::FILE* out, std::string subformat, const std::string& msg_id)
      : out_(out), subformat_(subformat) {
    fmt::print(out_, "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID {}\nDATA_TYPE WAVEFORM IMS2.0:{}\n", msg_id,
               subformat_);
  }
  tl::expected<void, std::string> write(WaveformBlock block) {
    if (auto* segment = std::get_if<WaveformSegment>(&block)) segment->wid2.subformat = subformat_;
    std::string text;
    if (auto ok = ims2::shi::write_waveform_block(block, text); !ok) return ok;
    std::fwrite(text.data(), 1, text.size(), out_);
    return {};
  }
  void finish() { std::fputs("STOP\n", out_); }

 private:
  std::FILE* out_;
  std::string subformat_;
};

}  // namespace

int run_convert(const ConvertOptions& options, std::ostream& err) {
  std::string error;
  auto input = MappedFile::open(options.input, error);
  if (!input) {
    err << "imsgate convert: " << error << '\n';
    return kExitUsage;
  }
  const bool from_mseed = is_mseed(input->bytes());
  const std::string target =
      ims2::to_lower(options.to.empty() ? (from_mseed ? "ims2:cm6" : "mseed") : options.to);
  std::string subformat;
  if (target != "mseed") {
    if (!ims2::istarts_with(target, "ims2:") || !ims2::codec::parse_subformat(target.substr(5))) {
      err << "imsgate convert: --to must be mseed or ims2:int, ims2:cm6, ims2:cm8 or ims2:csf\n";
      return kExitUsage;
    }
    subformat = ims2::to_upper(target.substr(5));
  }
  File out(options.output == "-" ? stdout : std::fopen(options.output.c_str(), "wb"));
  if (!out) {
    err << "imsgate convert: " << options.output << ": cannot open for writing\n";
    return kExitUsage;
  }

  int status = kExitOk;
  auto fail = [&](const std::string& message) {
    err << "imsgate convert: " << options.input << ": " << message << '\n';
    status = kExitInvalid;
  };
  std::size_t segments = 0;
  std::size_t samples = 0;

  if (from_mseed) {
    if (subformat.empty()) {
      err << "imsgate convert: the input is already miniSEED\n";
      return kExitUsage;
    }
    Ims2Output ims2(out.get(), subformat, options.msg_id.empty() ? default_msg_id() : options.msg_id);
    MseedReader reader(options.input);
    while (true) {
      auto segment = reader.next();
      if (!segment) {
        fail(segment.error());
        break;
      }
      if (!*segment) break;
      samples += (*segment)->samples.size();
      ++segments;
      if (auto ok = ims2.write(std::move(**segment)); !ok) fail(ok.error());
    }
    ims2.finish();
  } else {
    ims2::Diagnostics diagnostics;
    ims2::shi::WaveformStream stream(input->bytes(), diagnostics);
    std::optional<Ims2Output> ims2;
    if (!subformat.empty())
      ims2.emplace(out.get(), subformat, options.msg_id.empty() ? default_msg_id() : options.msg_id);
    MseedWriter mseed(out.get(), options.mseed_encoding, options.record_length);
    while (auto block = stream.next()) {
      if (ims2) {
        if (auto* segment = std::get_if<WaveformSegment>(&*block))
          samples += segment->samples.size(), ++segments;
        if (auto ok = ims2->write(std::move(*block)); !ok) fail(ok.error());
        continue;
      }
      const auto* segment = std::get_if<WaveformSegment>(&*block);
      if (!segment) {
        err << "imsgate convert: " << options.input
            << ": an OUT2 or DLY2 block has no miniSEED form; left out\n";
        continue;
      }
      auto id = mseed_identity(*segment, {options.network, options.location});
      if (!id) {
        fail(id.error());
        continue;
      }
      if (auto ok = mseed.write(*segment, *id); !ok) fail(ok.error());
      samples += segment->samples.size();
      ++segments;
    }
    if (ims2) ims2->finish();
    for (const auto& d : diagnostics) err << ims2::format_diagnostic(d, options.input) << '\n';
    if (diagnostics.has_errors()) status = kExitInvalid;
    if (segments == 0 && !diagnostics.has_errors()) fail("no waveform segment found");
  }
  if (std::fflush(out.get()) != 0 || std::ferror(out.get())) {
    err << "imsgate convert: " << options.output << ": write error\n";
    return kExitUsage;
  }
  if (options.verbose) err << fmt::format("imsgate convert: {} segments, {} samples\n", segments, samples);
  return status;
}

}  // namespace imsgate::cli
