#include "ims2/rn/block.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ims2/free_format.hpp"

namespace imsgate::ims2::rn {
namespace {

constexpr std::string_view kTimeStamp = "TIME_STAMP";

bool is_block_line(std::string_view text) {
  return !text.empty() && text.front() == '#';
}

Block open_block(const Line& line) {
  const std::string_view text = trim_right(line.text);
  const auto end = std::min(text.find_first_of(" \t"), text.size());
  return Block{std::string(text.substr(0, end)), std::string(trim(text.substr(end))), line, {}};
}

}  // namespace

void deviation(Diagnostics& diagnostics, Mode mode, Position at, std::string message, std::string rule) {
  if (mode == Mode::strict) {
    diagnostics.error(at, std::move(message), std::move(rule));
  } else {
    diagnostics.warning(at, std::move(message), std::move(rule));
  }
}

const Block* Product::find(std::string_view name) const {
  const auto it = std::find_if(blocks.begin(), blocks.end(), [&](const Block& b) { return b.is(name); });
  return it == blocks.end() ? nullptr : &*it;
}

std::size_t Product::count(std::string_view name) const {
  return std::count_if(blocks.begin(), blocks.end(), [&](const Block& b) { return b.is(name); });
}

bool is_time_stamp_line(std::string_view text) {
  return istarts_with(text, kTimeStamp) &&
         (text.size() == kTimeStamp.size() || is_blank(text[kTimeStamp.size()]));
}

std::optional<TimePoint> read_time_stamp(const Line& line, Diagnostics& diagnostics) {
  if (!is_time_stamp_line(line.text)) return std::nullopt;
  const auto tokens = LogicalLine(line).tokens();
  if (tokens.size() == 3) {
    if (auto t = parse_fixed_date_time(tokens[1].text, tokens[2].text)) return *t;
  }
  diagnostics.error({line.number, tokens.size() > 1 ? tokens[1].at.column : 1},
                    "a TIME_STAMP line is 'TIME_STAMP yyyy/mm/dd hh:mm:ss'", "4.6.45");
  return std::nullopt;
}

std::string write_time_stamp(TimePoint t) {
  return fmt::format("{} {}", kTimeStamp, write_fixed_date_time(t, 0));
}

SplitSection split_products(const DataSection& section, Diagnostics& diagnostics,
                            BlankLinesAllowed free_text) {
  SplitSection split;
  Block* block = nullptr;
  bool reported_stray_text = false;
  for (const Line& line : section_lines(section)) {
    if (is_time_stamp_line(line.text)) {
      if (auto t = read_time_stamp(line, diagnostics)) split.time_stamps.push_back(*t);
      block = nullptr;
      continue;
    }
    if (is_block_line(line.text)) {
      Block opened = open_block(line);
      if (opened.is("#Header") || split.products.empty()) {
        if (!opened.is("#Header")) {
          diagnostics.error({line.number, 1},
                            fmt::format("'{}' before '#Header': '#Header' is the first block", opened.name),
                            "7.1");
        }
        split.products.emplace_back();
      }
      block = &split.products.back().blocks.emplace_back(std::move(opened));
      continue;
    }
    if (trim(line.text).empty() &&
        !(block && (block->is("#Comment") || (free_text && free_text(block->name))))) {
      diagnostics.warning({line.number, 1},
                          "blank line: radionuclide data messages have none outside free text", "3.5.5");
      continue;
    }
    if (!block) {
      if (!reported_stray_text) {
        diagnostics.error({line.number, 1}, "text before the first block: a block begins with '#Name'",
                          "7.1");
        reported_stray_text = true;
      }
      continue;
    }
    block->records.push_back(line);
  }
  return split;
}

}  // namespace imsgate::ims2::rn
