#include "ims2/shi/bulletin.hpp"

#include "ims2/shi/gse_bulletin.hpp"

namespace imsgate::ims2::shi {

Bulletin read_bulletin(const DataSection& section, Diagnostics& diagnostics) {
  if (is_gse_bulletin(section)) return read_gse_bulletin(section, diagnostics);
  BulletinText text = read_bulletin_text(section, BulletinKind::bulletin, diagnostics);
  return {text.time_stamp, std::move(text.title), std::move(text.events), text.end_time_stamp};
}

namespace {

// A phase line holds only the time of day; the reader dates it from the event's first origin, a day later
// when earlier than the origin. A phase outside the day after its origin (GSE2.0 bulletins date every phase)
// cannot be written without changing it.
tl::expected<void, std::string> check_phase_dates(const BulletinEvent& e) {
  if (e.origin.origins.empty() || !e.origin.origins.front().time) return {};
  const TimePoint origin = *e.origin.origins.front().time;
  for (const Phase& p : e.phases)
    if (p.time && (*p.time < origin || *p.time >= origin + std::chrono::days{1}))
      return tl::unexpected(
          "event " + e.id + ": phase " + p.station + " " + p.phase + " at " +
          write_fixed_date_time(*p.time, 3) +
          " is not within the day after its origin: the phase block holds only the time of day");
  return {};
}

}  // namespace

tl::expected<std::string, std::string> write_bulletin(const Bulletin& bulletin) {
  if (bulletin.layout == BulletinLayout::gse2) return write_gse_bulletin(bulletin);
  std::string out;
  if (bulletin.time_stamp) out += write_time_stamp(*bulletin.time_stamp);
  out += bulletin.title + "\n";
  for (const BulletinEvent& e : bulletin.events) {
    auto title = write_event_title(e);
    if (!title) return title;
    auto origin = write_origin_block(e.origin);
    if (!origin) return origin;
    if (auto ok = check_phase_dates(e); !ok) return tl::unexpected(ok.error());
    auto phases = write_phase_block(e.phases);
    if (!phases) return phases;
    auto screening = write_event_screening(e.screening);
    if (!screening) return screening;
    auto characterization = write_event_characterization(e.characterization);
    if (!characterization) return characterization;
    out += *title + *origin + "\n" + *phases;
    for (const std::string& line : e.kept_lines) out += line + "\n";
    out += *screening + *characterization;
    out += "\n\n";
  }
  if (bulletin.end_time_stamp) out += write_time_stamp(*bulletin.end_time_stamp);
  return out;
}

}  // namespace imsgate::ims2::shi
