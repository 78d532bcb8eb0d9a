// Internal to the codecs: the line structure of data text and where the data of a segment end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "ims2/codec/codec_error.hpp"

namespace imsgate::ims2::codec::detail {

constexpr bool is_padding(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// One line of data: [begin, content_end) is the line without its trailing blanks, TABs and CRs; `next` is
// where the following line starts (after the LF, or the end of the text).
struct DataLine {
  std::size_t begin = 0;
  std::size_t content_end = 0;
  std::size_t next = 0;
};

DataLine data_line(std::string_view text, std::size_t begin);

// "CHK2" and a blank: the checksum line (Table 25). Never data, since data lines hold no blanks.
bool is_chk2_line(std::string_view content);

// Skips lines that hold nothing but blanks, TABs and CRs.
std::size_t skip_blank_lines(std::string_view text, std::size_t pos);

// The end of a segment's data, `pos` being just after its last sample: the rest of that line must be blank,
// and the blank lines after it go with the data. The bytes consumed, or a trailing-data error.
tl::expected<std::size_t, CodecError> finish_data(std::string_view text, std::size_t pos, std::size_t count,
                                                  std::string_view subformat, std::string_view rule);

// The data stop at `offset` after `decoded` of `announced` samples (`why` says how, when known).
CodecError data_end_error(std::string_view subformat, std::size_t offset, std::size_t decoded,
                          std::size_t announced, std::string_view rule, std::string_view why = {});

// A character for a message: 'x', or its code when it does not print.
std::string quote_char(char c);

}  // namespace imsgate::ims2::codec::detail
