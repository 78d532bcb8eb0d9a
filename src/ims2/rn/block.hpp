// The block structure of radionuclide data sections (7.1): "#Name" lines open blocks, a "#Header" block opens
// each product (one section may hold several PHDs), TIME_STAMP lines (4.6.45) sit between blocks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/diagnostic.hpp"
#include "ims2/line_reader.hpp"
#include "ims2/message.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {

// Lenient reading (the default for acquisition: real stations deviate from the tables, DIGEST-radionuclide §6)
// reports a deviation as a warning and keeps what can be kept; strict reading reports it as an error.
enum class Mode { lenient, strict };

// A deviation from the spec that real senders make: a warning when lenient, an error when strict.
void deviation(Diagnostics& diagnostics, Mode mode, Position at, std::string message, std::string rule);

struct Block {
  std::string name;        // as written, with its '#': "#g_Energy"
  std::string designator;  // the rest of the name line, trimmed: "3" in "#Header 3"
  Line name_line;
  std::vector<Line> records;  // the lines after the name line; views into the section body

  // Block names are matched without regard to case (7.1).
  bool is(std::string_view other) const { return iequals(name, other); }
};

// The blocks from one "#Header" to the next.
struct Product {
  std::vector<Block> blocks;

  const Block* find(std::string_view name) const;  // the first block of that name
  std::size_t count(std::string_view name) const;
};

struct SplitSection {
  std::vector<Product> products;
  std::vector<TimePoint> time_stamps;  // the TIME_STAMP lines of the section, in order
};

// Free-text blocks, where blank lines are allowed (3.5.5): "#Comment" always, and those a family names.
using BlankLinesAllowed = bool (*)(std::string_view block_name);

// Splits a section body into products and blocks. Text before the first block and a product that does not
// begin with "#Header" are errors; a blank line outside a free-text block is a warning (3.5.5), dropped.
SplitSection split_products(const DataSection& section, Diagnostics& diagnostics,
                            BlankLinesAllowed free_text = nullptr);

// A TIME_STAMP line's time (4.6.45), or nothing if the line is not one; a malformed one is an error.
std::optional<TimePoint> read_time_stamp(const Line& line, Diagnostics& diagnostics);
bool is_time_stamp_line(std::string_view text);
std::string write_time_stamp(TimePoint t);  // "TIME_STAMP yyyy/mm/dd hh:mm:ss"

}  // namespace imsgate::ims2::rn
