#include "ims2/shi/comment.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/shi/free_text.hpp"
#include "ims2/shi/layout.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.4.3";
constexpr Field kIdType = text_field(1, 10, "identification type");
constexpr Field kId = text_field(12, 19, "identification");
constexpr std::array kIdTypes{"Station", "Arrival", "Origin", "Event"};

bool is_id_type(std::string_view word) {
  for (std::string_view t : kIdTypes)
    if (iequals(word, t)) return true;
  return false;
}

}  // namespace

Comment read_comment(const DataSection& section, Diagnostics& diagnostics) {
  std::vector<Line> lines = section_lines(section);
  Comment comment;
  if (lines.empty()) return comment;
  const Line& first = lines.front();
  const auto words = split_words(first.text);
  if (!words.empty() && words[0].column == 1 && is_id_type(words[0].text)) {
    if (words.size() != 2) {
      diagnostics.error({first.number, 1}, "the association line is 'type id', e.g. 'Event      7687234'",
                        std::string(kRule));
    } else {
      if (words[1].column != kId.first)
        diagnostics.warning({first.number, words[1].column}, "the identification belongs in columns 12-19",
                            std::string(kRule));
      comment.id_type = words[0].text;
      comment.id = words[1].text;
    }
    lines.erase(lines.begin());
  } else if (is_blank_line(first.text)) {
    lines.erase(lines.begin());  // no association
  } else {
    diagnostics.warning({first.number, 1}, "no association line (blank or 'type id') before the comment text",
                        std::string(kRule));
  }
  comment.lines = read_free_text(lines, diagnostics, kRule);
  return comment;
}

tl::expected<std::string, std::string> write_comment(const Comment& comment) {
  if (comment.id_type.empty() != comment.id.empty())
    return tl::unexpected(std::string("a comment association needs both a type and an identification"));
  FieldWriter w;
  w.text(kIdType, comment.id_type);
  w.text(kId, comment.id);
  auto first = w.finish();
  if (!first) return tl::unexpected(first.error());
  return *first + "\n" + write_free_text(comment.lines);
}

}  // namespace imsgate::ims2::shi
