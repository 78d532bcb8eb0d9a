// COMMENT data type (6.4.3, Table 46): an optional association line and free text.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

struct Comment {
  std::string id_type;  // Station, Arrival, Origin, Event; empty when the comment is not associated
  std::string id;
  // The text lines without the one leading blank that keeps a word such as DATA_TYPE from starting a line.
  std::vector<std::string> lines;
  bool operator==(const Comment&) const = default;
};

Comment read_comment(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_comment(const Comment& comment);

}  // namespace imsgate::ims2::shi
