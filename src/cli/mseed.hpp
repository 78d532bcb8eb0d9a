// miniSEED 2 through libmseed: waveform segments written as records, and records read back as segments.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/shi/waveform.hpp"

namespace imsgate::cli {

// How IMS2.0 identities map onto miniSEED's: station and channel as they are, the STA2 network as the
// network and the WID2 auxiliary code as the location code. miniSEED allows 2 characters for network and
// location: a longer code is an error unless an override is given.
struct StreamIdentity {
  std::string network;
  std::string station;
  std::string location;
  std::string channel;
};

struct IdentityOverrides {
  std::optional<std::string> network;
  std::optional<std::string> location;
};

tl::expected<StreamIdentity, std::string> mseed_identity(const ims2::shi::WaveformSegment& segment,
                                                         const IdentityOverrides& overrides);

// True when the bytes start with a miniSEED record.
bool is_mseed(std::string_view bytes);

enum class MseedEncoding { steim2, steim1, int32 };

// Writes segments as miniSEED records to a stream.
class MseedWriter {
 public:
  MseedWriter(std::FILE* out, MseedEncoding encoding, int record_length = 512)
      : out_(out), encoding_(encoding), record_length_(record_length) {}

  tl::expected<void, std::string> write(const ims2::shi::WaveformSegment& segment, const StreamIdentity& id);

 private:
  std::FILE* out_;
  MseedEncoding encoding_;
  int record_length_;
};

// Reads a miniSEED file record by record and joins the records that continue one another into segments, so
// that memory holds one segment at a time.
class MseedReader {
 public:
  explicit MseedReader(std::string path) : path_(std::move(path)) {}
  ~MseedReader();
  MseedReader(const MseedReader&) = delete;
  MseedReader& operator=(const MseedReader&) = delete;

  // The next segment, nothing at the end, or an error.
  tl::expected<std::optional<ims2::shi::WaveformSegment>, std::string> next();

 private:
  tl::expected<std::optional<ims2::shi::WaveformSegment>, std::string> read_record();

  std::string path_;
  void* file_ = nullptr;                               // libmseed's MSFileParam
  void* record_ = nullptr;                             // libmseed's MSRecord
  std::optional<ims2::shi::WaveformSegment> pending_;  // a record read ahead, the start of the next segment
};

}  // namespace imsgate::cli
