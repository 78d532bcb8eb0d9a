// BULLETIN (4.7.8), EVENT (4.7.15), ORIGIN (4.7.20) and ARRIVAL / SLSD (4.7.6, 4.7.29): the events and
// arrivals of the stored bulletins, selected by the request's environment and written again with the
// S/H/I writers.
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "ims2/shi/layout_read.hpp"
#include "ims2/shi/section.hpp"
#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {

namespace {

namespace shi = ims2::shi;
using ims2::TimePoint;
using ims2::request::Environment;
using ims2::request::EnvKeyword;
using ims2::request::RequestKeyword;

// ---- environment values ----------------------------------------------------------------------------------

struct Window {
  TimePoint from;
  TimePoint to;  // excluded
};

// TIME is required for these lines; an open start is the beginning of the records, an open end is now.
Window time_window(const Environment& env, TimePoint now) {
  Window w{TimePoint{std::chrono::sys_days{std::chrono::year{1900} / 1 / 1}}, now};
  if (const auto* range = std::get_if<ims2::TimeRange>(&env.value(EnvKeyword::time))) {
    if (range->from && range->from->kind == ims2::TimeBound::Kind::at) w.from = range->from->at.time;
    if (range->to && range->to->kind == ims2::TimeBound::Kind::at) w.to = range->to->at.time;
  }
  return w;
}

std::string window_text(const Window& w) {
  return fmt::format("between {} and {}", ims2::write_fixed_date_time(w.from, 0),
                     ims2::write_fixed_date_time(w.to, 0));
}

// A closed numeric range (4.6); LON wraps across 180 when low > high (4.6.19).
struct Range {
  bool given = false;
  std::optional<double> low;
  std::optional<double> high;

  bool contains(double v) const { return (!low || v >= *low) && (!high || v <= *high); }
  bool contains_longitude(double v) const {
    if (low && high && *low > *high) return v >= *low || v <= *high;
    return contains(v);
  }
};

Range range_of(const Environment& env, EnvKeyword keyword) {
  Range r;
  if (const auto* value = env.given(keyword))
    if (const auto* range = std::get_if<ims2::request::NumberRange>(value)) {
      r.given = range->low || range->high;
      if (range->low) r.low = range->low->value;
      if (range->high) r.high = range->high->value;
    }
  return r;
}

// The items of a list given explicitly; nothing for the default or a lone '*' (all).
std::optional<std::vector<ims2::request::ListItem>> list_of(const Environment& env, EnvKeyword keyword) {
  const auto* value = env.given(keyword);
  if (!value) return std::nullopt;
  const auto* list = std::get_if<ims2::request::ItemList>(value);
  if (!list || list->items.empty()) return std::nullopt;
  if (list->items.size() == 1 && list->items.front().text == "*") return std::nullopt;
  return list->items;
}

// An id of an ARRIVAL_LIST, EVENT_LIST or ORIGIN_LIST: compared as numbers where both are.
bool id_listed(const std::vector<ims2::request::ListItem>& items, std::string_view id) {
  const auto number = ims2::parse_integer(ims2::trim(id));
  return std::any_of(items.begin(), items.end(), [&](const ims2::request::ListItem& item) {
    return number && item.id ? *number == *item.id : ims2::iequals(item.text, ims2::trim(id));
  });
}

std::string bull_type_of(const Environment& env) {
  if (const auto* word = std::get_if<ims2::request::Word>(&env.value(EnvKeyword::bull_type)))
    return ims2::to_lower(word->text);
  return {};
}

// ---- bulletin types ----------------------------------------------------------------------------------

constexpr std::array<std::string_view, 6> kBulletinCodes = {"sel1", "sel2", "sel3", "reb", "seb", "sseb"};

// The bulletin an origin or arrival belongs to, where its author says it (IDC_REB, IDC_SEL3); empty when
// it does not.
std::string code_of_author(std::string_view author) {
  const std::string lower = ims2::to_lower(ims2::trim(author));
  const std::size_t underscore = lower.rfind('_');
  const std::string tail = underscore == std::string::npos ? lower : lower.substr(underscore + 1);
  for (std::string_view code : kBulletinCodes)
    if (tail == code) return tail;
  return {};
}

// The bulletin a section's title names (Table 40: "Reviewed Event Bulletin of the CTBT_IDC from ...").
std::string code_of_title(std::string_view title) {
  title = ims2::trim(title);
  if (ims2::istarts_with(title, "reviewed event bulletin")) return "reb";
  if (ims2::istarts_with(title, "standard screened event bulletin")) return "sseb";
  if (ims2::istarts_with(title, "standard event bulletin")) return "seb";
  for (std::string_view n : {"1", "2", "3"})
    if (ims2::istarts_with(title, fmt::format("standard event list {}", n))) return fmt::format("sel{}", n);
  return {};
}

std::string bulletin_name(std::string_view code) {
  if (code == "reb") return "Reviewed Event Bulletin";
  if (code == "seb") return "Standard Event Bulletin";
  if (code == "sseb") return "Standard Screened Event Bulletin";
  if (code.size() == 4 && code.starts_with("sel")) return fmt::format("Standard Event List {}", code[3]);
  return fmt::format("{} bulletin", ims2::to_upper(code));
}

// ---- geometry ----------------------------------------------------------------------------------------

double distance_degrees(double lat1, double lon1, double lat2, double lon2) {
  constexpr double rad = std::numbers::pi / 180;
  const double c = std::sin(lat1 * rad) * std::sin(lat2 * rad) +
                   std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::cos((lon2 - lon1) * rad);
  return std::acos(std::clamp(c, -1.0, 1.0)) / rad;
}

struct StationPoint {
  std::string code;
  double latitude = 0;
  double longitude = 0;
};

// ---- events ------------------------------------------------------------------------------------------

// The constraints of 4.6 on events, from the environment.
struct EventFilter {
  Window window;
  Range lat, lon, depth, depth_minus_error, mag, mb_minus_ms, event_sta_dist;
  std::vector<std::string> mag_types;  // lower case; empty: any
  std::optional<std::vector<ims2::request::ListItem>> event_ids, origin_ids, arrival_ids;
  std::optional<std::vector<std::string>> phase_stations;  // STA_LIST given without EVENT_STA_DIST
  std::vector<StationPoint> distance_stations;             // STA_LIST stations, for EVENT_STA_DIST

  bool origin_matches(const shi::Origin& o) const {
    if (!o.time || *o.time < window.from || *o.time >= window.to) return false;
    if (!o.latitude || !o.longitude) return false;
    if (lat.given && !lat.contains(*o.latitude)) return false;
    if (lon.given && !lon.contains_longitude(*o.longitude)) return false;
    if (depth.given && !(o.depth && depth.contains(*o.depth))) return false;
    // A fixed depth has no error (the REB writes "0.0f" and no Err): its error is zero.
    if (depth_minus_error.given &&
        !(o.depth && depth_minus_error.contains(*o.depth - o.depth_error.value_or(0))))
      return false;
    if (origin_ids && !id_listed(*origin_ids, o.id)) return false;
    if (event_sta_dist.given &&
        std::none_of(distance_stations.begin(), distance_stations.end(), [&](const StationPoint& s) {
          return event_sta_dist.contains(
              distance_degrees(*o.latitude, *o.longitude, s.latitude, s.longitude));
        }))
      return false;
    return true;
  }

  bool event_matches(const shi::BulletinEvent& e) const {
    if (event_ids && !id_listed(*event_ids, e.id)) return false;
    const auto& origins = e.origin.origins;
    if (std::none_of(origins.begin(), origins.end(), [&](const shi::Origin& o) { return origin_matches(o); }))
      return false;
    const auto& magnitudes = e.origin.magnitudes;
    if (mag.given && std::none_of(magnitudes.begin(), magnitudes.end(), [&](const shi::Magnitude& m) {
          return m.value && mag.contains(*m.value) &&
                 (mag_types.empty() ||
                  std::find(mag_types.begin(), mag_types.end(), ims2::to_lower(m.type)) != mag_types.end());
        }))
      return false;
    if (mb_minus_ms.given) {
      auto first_of = [&](std::string_view type) -> std::optional<double> {
        for (const auto& m : magnitudes)
          if (m.value && ims2::iequals(m.type, type)) return m.value;
        return std::nullopt;
      };
      const auto mb = first_of("mb");
      const auto ms = first_of("ms");
      if (!mb || !ms || !mb_minus_ms.contains(*mb - *ms)) return false;
    }
    if (phase_stations && std::none_of(e.phases.begin(), e.phases.end(), [&](const shi::Phase& p) {
          return matches_any(*phase_stations, p.station);
        }))
      return false;
    if (arrival_ids && std::none_of(e.phases.begin(), e.phases.end(),
                                    [&](const shi::Phase& p) { return id_listed(*arrival_ids, p.id); }))
      return false;
    return true;
  }
};

// An event found in a stored section, with the bulletin it belongs to (empty when the data does not say).
struct Found {
  shi::BulletinEvent event;
  int richness = 0;  // BULLETIN 2, EVENT 1, ORIGIN 0: the same event is taken from the richest section
  std::string code;
};

const shi::Origin* prime_origin(const shi::BulletinEvent& e) {
  for (const auto& o : e.origin.origins)
    if (o.time && o.latitude && o.longitude) return &o;
  return nullptr;
}

std::string event_key(const shi::BulletinEvent& e) {
  if (!e.id.empty()) return "E" + e.id;
  const shi::Origin* o = prime_origin(e);
  if (!o) return {};
  if (!o->id.empty()) return "O" + o->id + "/" + o->author;
  return fmt::format("T{}/{}/{}", o->time->time_since_epoch().count(), *o->latitude, *o->longitude);
}

void add_found(std::vector<shi::BulletinEvent> events, int richness, const std::string& title,
               std::vector<Found>& pool, std::map<std::string, std::size_t>& by_key) {
  const std::string section_code = code_of_title(title);
  for (auto& e : events) {
    const shi::Origin* o = prime_origin(e);
    if (!o) continue;
    std::string code = code_of_author(o->author);
    if (code.empty()) code = section_code;
    const std::string key = event_key(e);
    const auto known = by_key.find(key);
    if (known != by_key.end()) {
      if (pool[known->second].richness < richness) pool[known->second] = {std::move(e), richness, code};
      continue;
    }
    by_key.emplace(key, pool.size());
    pool.push_back({std::move(e), richness, std::move(code)});
  }
}

void add_model(shi::Section& model, std::vector<Found>& pool, std::map<std::string, std::size_t>& by_key) {
  if (auto* b = std::get_if<shi::Bulletin>(&model)) {
    add_found(std::move(b->events), 2, b->title, pool, by_key);
  } else if (auto* e = std::get_if<shi::EventList>(&model)) {
    add_found(std::move(e->events), 1, e->title, pool, by_key);
  } else if (auto* o = std::get_if<shi::OriginList>(&model)) {
    std::vector<shi::BulletinEvent> events;
    for (auto& block : o->blocks) events.emplace_back().origin = std::move(block);
    add_found(std::move(events), 0, o->title, pool, by_key);
  }
}

// One event's block of a stored section as a section of its own, for the section reader: the section's
// DATA_TYPE header, its first line (the title, which names the bulletin where the authors do not) and the
// block. The lines are not numbered as in the message: the reader's diagnostics are not used here.
class EventBlocks {
 public:
  explicit EventBlocks(ProductContext& context) : context_(context) {}

  tl::expected<ims2::DataSection, std::string> block(const store::EventRow& row) {
    auto body = context_.sections.body(row.message_id);
    if (!body) return tl::unexpected(body.error());
    const std::string& text = **body;
    auto rows = rows_.find(row.message_id);
    if (rows == rows_.end())
      rows = rows_.emplace(row.message_id, context_.store.sections(row.message_id)).first;
    const auto section =
        std::find_if(rows->second.begin(), rows->second.end(),
                     [&](const store::SectionRow& s) { return s.index == row.section_index; });
    if (section == rows->second.end() || section->offset < 0 || section->length < 0 ||
        static_cast<std::size_t>(section->offset + section->length) > text.size() ||
        row.block_offset < section->offset ||
        row.block_offset + row.block_length > section->offset + section->length)
      return tl::unexpected(
          fmt::format("message {} has no event block at {}", row.message_id, row.block_offset));

    ims2::DataSection out;
    out.header = {section->data_type, section->subtype, section->format, section->subformat};
    const std::string_view first = first_line(std::string_view(text).substr(
        static_cast<std::size_t>(section->offset), static_cast<std::size_t>(section->length)));
    // The title (or whatever opens the section) when it is not this block's own first line.
    if (!first.empty() && first.data() != text.data() + row.block_offset) {
      out.body.assign(first);
      out.body += '\n';
    }
    out.body.append(text, static_cast<std::size_t>(row.block_offset),
                    static_cast<std::size_t>(row.block_length));
    return out;
  }

 private:
  // The section's first line after its DATA_TYPE line that the bulletin reader could take as its title: not
  // blank, not a TIME_STAMP line, not an elision mark.
  static std::string_view first_line(std::string_view section) {
    bool header = ims2::istarts_with(section, "data_type");
    while (!section.empty()) {
      const std::size_t lf = section.find('\n');
      const std::string_view line = section.substr(0, lf);
      section.remove_prefix(lf == std::string_view::npos ? section.size() : lf + 1);
      if (std::exchange(header, false)) continue;
      const std::string_view t = ims2::trim(line);
      if (t.empty() || ims2::istarts_with(t, "TIME_STAMP") || shi::is_elision_mark(line)) continue;
      return ims2::trim_right(line);
    }
    return {};
  }

  ProductContext& context_;
  std::map<std::int64_t, std::vector<store::SectionRow>> rows_;
};

// Reads the rows' events into one pool, each event once: only its own block where the index has it, else
// the whole stored section. The pool keeps the order of the sections as the rows first name them, and within
// a section the order of the text.
std::vector<Found> read_events(const std::vector<store::EventRow>& rows, ProductContext& context,
                               ProductOutput& out) {
  using SectionKey = std::pair<std::int64_t, int>;
  std::vector<SectionKey> sections;
  // Per section: nothing when it is read whole, else its blocks by offset.
  std::map<SectionKey, std::optional<std::map<std::int64_t, const store::EventRow*>>> parts;
  for (const auto& r : rows) {
    const SectionKey key{r.message_id, r.section_index};
    auto [it, added] = parts.try_emplace(key, std::in_place);
    if (added) sections.push_back(key);
    if (r.block_offset < 0 || r.block_length <= 0)
      it->second.reset();
    else if (it->second)
      it->second->try_emplace(r.block_offset, &r);
  }

  std::vector<Found> pool;
  std::map<std::string, std::size_t> by_key;
  EventBlocks blocks(context);
  auto read = [&](const tl::expected<ims2::DataSection, std::string>& section, std::int64_t message_id) {
    if (!section) {
      out.log.push_back(fmt::format("stored message {} could not be read: {}", message_id, section.error()));
      return false;
    }
    ims2::Diagnostics diagnostics;
    if (auto model = shi::read_section(*section, diagnostics)) add_model(*model, pool, by_key);
    return true;
  };
  for (const auto& key : sections) {
    const auto& part = parts.at(key);
    if (!part) {
      read(context.sections.section(key.first, key.second), key.first);
      continue;
    }
    for (const auto& [offset, row] : *part)
      if (!read(blocks.block(*row), key.first)) break;  // said once for the section
  }
  return pool;
}

// GROUP_BULL_LIST (4.6.14): the origins of the listed bulletins' events within 3 degrees and 60 s of an
// event join its origin block; the phases stay those of the BULL_TYPE bulletin.
void group_origins(std::vector<Found*>& main, const std::vector<Found>& pool,
                   const std::vector<std::string>& codes) {
  for (Found* m : main) {
    const shi::Origin prime = *prime_origin(m->event);  // a copy: the block grows below
    const shi::Origin* mo = &prime;
    for (const Found& g : pool) {
      if (&g == m || std::find(codes.begin(), codes.end(), g.code) == codes.end()) continue;
      const shi::Origin* go = prime_origin(g.event);
      if (std::chrono::abs(*go->time - *mo->time) > std::chrono::seconds{60} ||
          distance_degrees(*mo->latitude, *mo->longitude, *go->latitude, *go->longitude) > 3)
        continue;
      auto& block = m->event.origin;
      for (const auto& o : g.event.origin.origins) block.origins.push_back(o);
      for (const auto& mag : g.event.origin.magnitudes) block.magnitudes.push_back(mag);
    }
  }
}

std::string upper_or(std::string_view text, std::string_view fallback) {
  return ims2::to_upper(text.empty() ? fallback : text);
}

ProductOutput produce_bulletin_like(const ims2::request::Job& job, ProductContext& context,
                                    RequestKeyword keyword) {
  ProductOutput out;
  const Environment& env = job.environment;
  const std::string name = std::string(ims2::request::request_spec(job.request.keyword).name);
  const std::string upper_name = ims2::to_upper(name);
  if (!context.access.may(name, "")) {
    out.errors.push_back(fmt::format("{} refused: no grant of {} for all stations", upper_name, upper_name));
    return out;
  }
  const std::string bull_type = bull_type_of(env);
  if (bull_type == "idc_neb" || bull_type == "idc_nseb") {
    out.errors.push_back(fmt::format(
        "custom screening ({}) is not available: the IDC's screening criteria and the event characterization "
        "they need are not in this store",
        ims2::to_upper(bull_type)));
    return out;
  }
  for (EnvKeyword k : ims2::request::kScreeningEnvironments.keywords())
    if (env.is_given(k))
      out.log.push_back(
          fmt::format("{} not applied: the screening environments apply to IDC_NEB and IDC_NSEB only",
                      ims2::to_upper(ims2::request::env_spec(k).name)));

  const std::string subformat = ims2::to_lower(job.request.subformat);
  const bool long_bulletin = keyword == RequestKeyword::bulletin && subformat == "long";
  if (keyword == RequestKeyword::bulletin && !subformat.empty() && subformat != "short" && !long_bulletin) {
    out.errors.push_back(
        fmt::format("subformat {} is not produced here: SHORT and LONG are", ims2::to_upper(subformat)));
    return out;
  }

  EventFilter filter;
  filter.window = time_window(env, context.now);
  filter.lat = range_of(env, EnvKeyword::lat);
  filter.lon = range_of(env, EnvKeyword::lon);
  filter.depth = range_of(env, EnvKeyword::depth);
  filter.depth_minus_error = range_of(env, EnvKeyword::depth_minus_error);
  filter.mag = range_of(env, EnvKeyword::mag);
  filter.mb_minus_ms = range_of(env, EnvKeyword::mb_minus_ms);
  filter.event_sta_dist = range_of(env, EnvKeyword::event_sta_dist);
  if (auto types = list_of(env, EnvKeyword::mag_type))
    for (const auto& t : *types) filter.mag_types.push_back(ims2::to_lower(t.text));
  filter.event_ids = list_of(env, EnvKeyword::event_list);
  filter.origin_ids = list_of(env, EnvKeyword::origin_list);
  filter.arrival_ids = list_of(env, EnvKeyword::arrival_list);
  const std::vector<std::string> stations = list_items(env, EnvKeyword::sta_list);
  if (filter.event_sta_dist.given) {
    for (const auto& s : context.store.stations())
      if (s.latitude && s.longitude && matches_any(stations, s.code))
        filter.distance_stations.push_back({s.code, *s.latitude, *s.longitude});
    if (filter.distance_stations.empty()) {
      out.errors.push_back(
          fmt::format("EVENT_STA_DIST cannot be applied: no station of STA_LIST {} has coordinates in the "
                      "station registry",
                      fmt::join(stations, ", ")));
      return out;
    }
  } else if (env.is_given(EnvKeyword::sta_list) && !(stations.size() == 1 && stations.front() == "*")) {
    filter.phase_stations = stations;
  }
  if (filter.phase_stations && keyword != RequestKeyword::bulletin)
    out.log.push_back(
        "STA_LIST selects events by their phases: only events stored with their phases (in a "
        "BULLETIN) can match it");
  if (filter.arrival_ids && keyword != RequestKeyword::bulletin)
    out.log.push_back(
        "ARRIVAL_LIST selects events by their phases: only events stored with their phases can "
        "match it");

  std::vector<std::string> group_codes;
  if (auto list = list_of(env, EnvKeyword::group_bull_list))
    for (const auto& item : *list)
      if (const std::string code = ims2::to_lower(item.text); code != bull_type) group_codes.push_back(code);

  // The index narrows the sections to read: origins in the time window and within LAT, LON and DEPTH; the
  // grouped bulletins' origins anywhere within 60 s of it.
  const auto margin = group_codes.empty() ? std::chrono::seconds{0} : std::chrono::seconds{60};
  // Without grouping, SQLite filters LAT and LON on its index: the events of a day are many.
  store::EventArea area;
  if (group_codes.empty()) area = {filter.lat.low, filter.lat.high, filter.lon.low, filter.lon.high};
  std::vector<store::EventRow> rows;
  for (auto& r : context.store.events(filter.window.from - margin, filter.window.to + margin, area)) {
    const std::string code = code_of_author(r.author);
    // An origin whose author names no bulletin may be of a grouped one by its section's title.
    const bool grouped =
        !group_codes.empty() &&
        (code.empty() || std::find(group_codes.begin(), group_codes.end(), code) != group_codes.end());
    const bool inside = r.origin_time >= filter.window.from && r.origin_time < filter.window.to &&
                        (!filter.lat.given || filter.lat.contains(r.latitude)) &&
                        (!filter.lon.given || filter.lon.contains_longitude(r.longitude)) &&
                        (!filter.depth.given || (r.depth && filter.depth.contains(*r.depth)));
    if (grouped || (inside && (code.empty() || code == bull_type))) rows.push_back(std::move(r));
  }
  std::vector<Found> pool = read_events(rows, context, out);

  std::vector<Found*> main;
  for (Found& f : pool)
    if ((f.code.empty() || f.code == bull_type) && filter.event_matches(f.event)) main.push_back(&f);
  if (keyword != RequestKeyword::origin)
    main.erase(std::remove_if(main.begin(), main.end(), [](const Found* f) { return f->richness == 0; }),
               main.end());
  std::sort(main.begin(), main.end(), [](const Found* a, const Found* b) {
    return *prime_origin(a->event)->time < *prime_origin(b->event)->time;
  });
  if (!group_codes.empty()) group_origins(main, pool, group_codes);

  if (main.empty()) {
    out.log.push_back(fmt::format("no {} events of {} {} match the request", upper_name,
                                  ims2::to_upper(bull_type), window_text(filter.window)));
    return out;
  }

  const std::string title = fmt::format("{} from {} to {}", bulletin_name(bull_type),
                                        ims2::write_fixed_date_time(filter.window.from, 0),
                                        ims2::write_fixed_date_time(filter.window.to, 0));
  const bool time_stamp = env.is_given(EnvKeyword::time_stamp);
  tl::expected<std::string, std::string> body;
  if (keyword == RequestKeyword::bulletin) {
    shi::Bulletin bulletin;
    if (time_stamp) bulletin.time_stamp = std::chrono::floor<std::chrono::seconds>(context.now);
    bulletin.title = title;
    for (const Found* f : main) {
      shi::BulletinEvent e = f->event;
      if (!long_bulletin) {  // the short bulletin has no screening, characterization nor correction blocks
        e.screening = {};
        e.characterization = {};
        e.kept_lines.clear();
      }
      bulletin.events.push_back(std::move(e));
    }
    body = shi::write_bulletin(bulletin);
  } else if (keyword == RequestKeyword::event) {
    shi::EventList events;
    events.title = title;
    for (const Found* f : main) {  // the event and its origins only
      shi::BulletinEvent& e = events.events.emplace_back();
      e.id = f->event.id;
      e.region = f->event.region;
      e.origin = f->event.origin;
    }
    body = shi::write_event(events);
  } else {
    shi::OriginList origins;
    origins.title = title;
    for (const Found* f : main) origins.blocks.push_back(f->event.origin);
    body = shi::write_origin(origins);
  }
  if (!body) {
    out.errors.push_back(fmt::format("the {} section could not be written: {}", upper_name, body.error()));
    return out;
  }
  ims2::DataSection section;
  section.header = {upper_name, "", upper_or(job.request.format, "ims2.0"),
                    keyword == RequestKeyword::bulletin ? upper_or(subformat, "short") : ""};
  if (time_stamp && keyword != RequestKeyword::bulletin)
    section.body = shi::write_time_stamp(std::chrono::floor<std::chrono::seconds>(context.now));
  section.body += *body;
  out.sections.push_back(std::move(section));
  out.log.push_back(fmt::format("{} event{} of {} {}", main.size(), main.size() == 1 ? "" : "s",
                                ims2::to_upper(bull_type), window_text(filter.window)));
  return out;
}

// ---- arrivals ----------------------------------------------------------------------------------------

// A bulletin's phase as an associated arrival (Table 38): the event's prime origin names it.
shi::ArrivalRecord associated_arrival(const shi::Phase& p, const shi::Origin* origin) {
  shi::ArrivalRecord a;
  a.station = p.station;
  a.distance = p.distance;
  a.event_azimuth = p.event_azimuth;
  a.phase = p.phase;
  a.time = p.time;
  a.time_residual = p.time_residual;
  a.azimuth = p.azimuth;
  a.azimuth_residual = p.azimuth_residual;
  a.slowness = p.slowness;
  a.slowness_residual = p.slowness_residual;
  a.defining = p.defining;
  a.snr = p.snr;
  a.amplitude = p.amplitude;
  a.period = p.period;
  a.quality = p.quality;
  a.magnitude_type = p.magnitude_type;
  a.magnitude_indicator = p.magnitude_indicator;
  a.magnitude = p.magnitude;
  a.extra_magnitudes = p.extra_magnitudes;
  if (origin) {
    a.origin_id = origin->id;
    a.author = origin->author;
  }
  a.id = p.id;
  return a;
}

ProductOutput produce_arrivals(const ims2::request::Job& job, ProductContext& context) {
  ProductOutput out;
  const Environment& env = job.environment;
  const std::string upper_name = ims2::to_upper(ims2::request::request_spec(job.request.keyword).name);
  const auto subtype = shi::arrival_subtype(job.request.subtype);
  if (!subtype) {
    out.errors.push_back(
        fmt::format("{} has no subtype {}", upper_name, ims2::to_upper(job.request.subtype)));
    return out;
  }
  const std::string what = fmt::format("{}:{}", upper_name, shi::arrival_subtype_name(*subtype));
  const Window window = time_window(env, context.now);
  const std::string bull_type = bull_type_of(env);
  const std::vector<std::string> stations = list_items(env, EnvKeyword::sta_list);
  const auto arrival_ids = list_of(env, EnvKeyword::arrival_list);
  std::optional<std::vector<std::string>> channel_patterns;
  if (const auto* list = env.given(EnvKeyword::chan_list))
    if (const auto* items = std::get_if<ims2::request::ItemList>(list)) {
      channel_patterns.emplace();
      for (const auto& item : items->items) channel_patterns->push_back(item.text);
    }
  std::optional<std::vector<std::string>> beam_patterns;
  if (auto beams = list_of(env, EnvKeyword::beam_list)) {
    beam_patterns.emplace();
    for (const auto& item : *beams) beam_patterns->push_back(item.text);
  }

  // Each station asked for is granted or refused once; the rows lead to the sections to read.
  std::map<std::string, bool> granted;
  std::vector<std::pair<std::int64_t, int>> sections;
  std::set<std::pair<std::int64_t, int>> seen;
  for (const auto& r : context.store.arrivals("", window.from, window.to)) {
    if (!matches_any(stations, r.station)) continue;
    auto [it, added] = granted.emplace(r.station, false);
    if (added) {
      it->second = context.access.may(ims2::to_lower(upper_name), r.station);
      if (!it->second)
        out.errors.push_back(fmt::format("station {} refused: no grant of {} for it", r.station, upper_name));
    }
    if (it->second && seen.emplace(r.message_id, r.section_index).second)
      sections.emplace_back(r.message_id, r.section_index);
  }

  auto wanted = [&](const shi::ArrivalRecord& a, std::string_view fallback_code) {
    if (!a.time || *a.time < window.from || *a.time >= window.to) return false;
    if (!matches_any(stations, a.station)) return false;
    const auto g = granted.find(a.station);
    if (g == granted.end() || !g->second) return false;
    std::string code = code_of_author(a.author);
    if (code.empty()) code = fallback_code;
    if (!code.empty() && code != bull_type) return false;
    if (arrival_ids && !id_listed(*arrival_ids, a.id)) return false;
    if (channel_patterns && !a.channel.empty() && !matches_any(*channel_patterns, a.channel)) return false;
    if (beam_patterns && !a.beam_id.empty() && !matches_any(*beam_patterns, a.beam_id)) return false;
    return true;
  };

  shi::Arrival arrival;
  arrival.subtype = *subtype;
  std::set<std::string> keys;
  auto add = [&](shi::ArrivalRecord a) {
    const std::string key =
        a.id.empty() ? fmt::format("{}/{}/{}", a.station, a.phase, a.time->time_since_epoch().count())
                     : a.station + "/" + a.id;
    if (keys.insert(key).second) arrival.records.push_back(std::move(a));
  };
  for (const auto& [message_id, index] : sections) {
    auto section = context.sections.section(message_id, index);
    if (!section) {
      out.log.push_back(fmt::format("stored message {} could not be read: {}", message_id, section.error()));
      continue;
    }
    ims2::Diagnostics diagnostics;
    auto model = shi::read_section(*section, diagnostics);
    if (!model) continue;
    if (const auto* a = std::get_if<shi::Arrival>(&*model)) {
      if (a->subtype != *subtype) continue;
      for (const auto& record : a->records)
        if (wanted(record, "")) add(record);
    } else if (const auto* b = std::get_if<shi::Bulletin>(&*model);
               b && *subtype == shi::ArrivalSubtype::associated) {
      const std::string section_code = code_of_title(b->title);
      for (const auto& e : b->events) {
        const shi::Origin* origin = prime_origin(e);
        for (const auto& p : e.phases)
          if (auto a = associated_arrival(p, origin); wanted(a, section_code)) add(std::move(a));
      }
    }
  }

  if (arrival.records.empty()) {
    if (std::any_of(granted.begin(), granted.end(), [](const auto& g) { return g.second; }) ||
        granted.empty())
      out.log.push_back(fmt::format("no {} data of {} for stations {} {}", what, ims2::to_upper(bull_type),
                                    fmt::join(stations, ", "), window_text(window)));
    return out;
  }
  std::stable_sort(arrival.records.begin(), arrival.records.end(),
                   [](const shi::ArrivalRecord& a, const shi::ArrivalRecord& b) {
                     return std::tie(*a.time, a.station) < std::tie(*b.time, b.station);
                   });
  auto body = shi::write_arrival(arrival);
  if (!body) {
    out.errors.push_back(fmt::format("the {} section could not be written: {}", what, body.error()));
    return out;
  }
  ims2::DataSection section;
  section.header = {upper_name, std::string(shi::arrival_subtype_name(*subtype)),
                    upper_or(job.request.format, "ims2.0"), ""};
  if (env.is_given(EnvKeyword::time_stamp))
    section.body = shi::write_time_stamp(std::chrono::floor<std::chrono::seconds>(context.now));
  section.body += *body;
  out.sections.push_back(std::move(section));
  out.log.push_back(fmt::format("{} arrival{} of {} {}", arrival.records.size(),
                                arrival.records.size() == 1 ? "" : "s", ims2::to_upper(bull_type),
                                window_text(window)));
  return out;
}

}  // namespace

ProductOutput produce_events(const ims2::request::Job& job, ProductContext& context) {
  const RequestKeyword keyword = ims2::request::canonical(job.request.keyword);
  if (keyword == RequestKeyword::arrival) return produce_arrivals(job, context);
  return produce_bulletin_like(job, context, keyword);
}

}  // namespace imsgate::vdms
