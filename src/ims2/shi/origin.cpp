#include "ims2/shi/origin.hpp"

namespace imsgate::ims2::shi {

OriginList read_origin(const DataSection& section, Diagnostics& diagnostics) {
  BulletinText text = read_bulletin_text(section, BulletinKind::origin, diagnostics);
  OriginList out;
  out.title = std::move(text.title);
  for (BulletinEvent& e : text.events) out.blocks.push_back(std::move(e.origin));
  return out;
}

tl::expected<std::string, std::string> write_origin(const OriginList& origins) {
  std::string out;
  if (!origins.title.empty()) out += origins.title + "\n";
  for (const OriginBlock& b : origins.blocks) {
    auto block = write_origin_block(b);
    if (!block) return block;
    out += *block + "\n";
  }
  return out;
}

}  // namespace imsgate::ims2::shi
