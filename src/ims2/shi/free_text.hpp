// Free-text lines of COMMENT, LOG and ERROR_LOG: each written with one leading blank, read without it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"

namespace imsgate::ims2::shi::layout {

// The text of each line without its leading blank; a line that does not begin with a blank is kept whole,
// with a warning. Trailing empty lines are dropped.
std::vector<std::string> read_free_text(const std::vector<Line>& lines, Diagnostics& diagnostics,
                                        std::string_view rule);
std::string write_free_text(const std::vector<std::string>& lines);

}  // namespace imsgate::ims2::shi::layout
