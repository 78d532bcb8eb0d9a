#include "ims2/shi/waveform_stream.hpp"

#include "ims2/free_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {

bool WaveformStream::enter_section() {
  while (auto line = lines_.peek()) {
    const std::string_view text = line->text;
    // A file of bare GSE2 blocks starts with WID2 before any BEGIN.
    if (!started_ && istarts_with(text, "WID2")) {
      started_ = true;
      return true;
    }
    if (!started_ && (istarts_with(text, "WID1") || istarts_with(text, "XW01"))) {
      diagnostics_.error(
          {line->number, 1},
          "GSE1 waveform files (XW01, WID1, DAT1) are not supported: only GSE2 and IMS2.0 WID2 blocks "
          "are read",
          "6.3.2");
      return false;
    }
    if (!trim(text).empty()) started_ = true;
    lines_.next();
    const auto tokens = LogicalLine(*line).tokens();
    if (tokens.size() >= 2 && tokens[0].at.column == 1 && iequals(tokens[0].text, "data_type")) {
      const std::string_view type = tokens[1].text.substr(0, tokens[1].text.find(':'));
      if (iequals(type, "waveform")) return true;
    }
  }
  return false;
}

std::optional<WaveformBlock> WaveformStream::next() {
  while (true) {
    if (!in_section_) {
      if (!enter_section()) return std::nullopt;
      in_section_ = true;
    }
    if (auto block = reader_.next()) return block;
    in_section_ = false;
  }
}

}  // namespace imsgate::ims2::shi
