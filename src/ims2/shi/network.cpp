#include "ims2/shi/network.hpp"

#include <array>

#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.2.2";
constexpr std::string_view kTable = "Table 13 (NETWORK)";
constexpr std::string_view kHeader = "Net       Description";

constexpr Field kCode = text_field(1, 9, "network code");
constexpr Field kDescription = text_field(11, 74, "description");
constexpr std::array kFields{kCode, kDescription};

NetworkRecord by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  NetworkRecord n{r.text(kCode), r.text(kDescription)};
  require(!n.code.empty(), line, kCode, d, kRule);
  return n;
}

// The code is the first word, the description the rest.
std::optional<NetworkRecord> by_words(const std::vector<Word>& words, const Line& line) {
  if (words.empty() || words[0].column != 1 || words[0].text.size() > 9) return std::nullopt;
  if (line.text.size() - static_cast<std::size_t>(words.size() > 1 ? words[1].column - 1 : 0) > 64)
    return std::nullopt;
  WordCursor w(words);
  NetworkRecord n;
  n.code = w.take();
  n.description = w.rest();
  return n;
}

}  // namespace

Network read_network(const DataSection& section, Diagnostics& diagnostics) {
  Network network;
  for (const Line& line : section_lines(section)) {
    if (is_blank_line(line.text) || is_header_line(line.text, kHeader)) continue;
    if (auto n =
            read_data_line<NetworkRecord>(line, kFields, by_columns, by_words, diagnostics, kTable, kRule))
      network.records.push_back(std::move(*n));
  }
  return network;
}

tl::expected<std::string, std::string> write_network(const Network& network) {
  TextBuilder out;
  out.add(kHeader);
  for (const NetworkRecord& n : network.records) {
    FieldWriter w;
    w.text(kCode, n.code);
    w.text(kDescription, n.description);
    out.add(w);
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
