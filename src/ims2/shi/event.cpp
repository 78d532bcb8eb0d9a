#include "ims2/shi/event.hpp"

namespace imsgate::ims2::shi {

EventList read_event(const DataSection& section, Diagnostics& diagnostics) {
  BulletinText text = read_bulletin_text(section, BulletinKind::event, diagnostics);
  return {std::move(text.title), std::move(text.events)};
}

tl::expected<std::string, std::string> write_event(const EventList& events) {
  std::string out;
  if (!events.title.empty()) out += events.title + "\n";
  for (const BulletinEvent& e : events.events) {
    if (!e.id.empty()) {
      auto title = write_event_title(e);
      if (!title) return title;
      out += *title;
    }
    auto block = write_origin_block(e.origin);
    if (!block) return block;
    out += *block + "\n\n";
  }
  return out;
}

}  // namespace imsgate::ims2::shi
