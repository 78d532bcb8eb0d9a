// The S/H/I metadata and status lines (4.7.10-13, 4.7.19, 4.7.21, 4.7.23, 4.7.32-33, AUTH_STATUS): the stored
// sections of the requested type, found through the index, read, cut down to the rows the environments select
// and the user may receive, and written again, several stored sections merged into one where they fit.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "ims2/shi/section.hpp"
#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {
namespace {

namespace shi = ims2::shi;
using ims2::TimePoint;
using ims2::request::EnvKeyword;
using ims2::request::RequestKeyword;

// --- What the line's environments select
// --------------------------------------------------------------------

std::optional<ims2::request::NumberRange> range_of(const ims2::request::Environment& env,
                                                   EnvKeyword keyword) {
  if (const auto* range = env.given(keyword))
    if (const auto* r = std::get_if<ims2::request::NumberRange>(range)) return *r;
  return std::nullopt;
}

std::optional<TimePoint> bound_of(const std::optional<ims2::TimeBound>& bound) {
  if (!bound || bound->kind != ims2::TimeBound::Kind::at) return std::nullopt;
  return bound->at.time;
}

struct Selection {
  std::vector<std::string> stations;  // STA_LIST patterns
  std::vector<std::string> channels;  // CHAN_LIST patterns (default *Z, 4.6.5)
  std::vector<std::string> aux;       // AUX_LIST patterns
  std::vector<std::string> links;     // COMM_LIST patterns
  std::optional<ims2::request::NumberRange> lat;
  std::optional<ims2::request::NumberRange> lon;
  bool timed = false;  // TIME given: [from, to)
  std::optional<TimePoint> from;
  std::optional<TimePoint> to;

  bool station(std::string_view code) const { return matches_any(stations, code); }
  bool channel(std::string_view code) const { return matches_any(channels, code); }
  bool auxiliary(std::string_view code) const { return matches_any(aux, code); }

  // [start, end) meets [from, to); an open end runs on.
  bool overlaps(const std::optional<TimePoint>& start, const std::optional<TimePoint>& end) const {
    if (!timed) return true;
    if (from && end && *end <= *from && !(start && *start == *end && *start >= *from)) return false;
    return !(to && start && *start >= *to);
  }

  // LAT includes both limits; LON runs West to East and wraps across 180 when low > high (4.6.19).
  bool located(const std::optional<double>& latitude, const std::optional<double>& longitude) const {
    if (lat) {
      if (!latitude) return false;
      if (lat->low && *latitude < lat->low->value) return false;
      if (lat->high && *latitude > lat->high->value) return false;
    }
    if (lon) {
      if (!longitude) return false;
      const bool above = !lon->low || *longitude >= lon->low->value;
      const bool below = !lon->high || *longitude <= lon->high->value;
      const bool wraps = lon->low && lon->high && lon->low->value > lon->high->value;
      if (wraps ? !(above || below) : !(above && below)) return false;
    }
    return true;
  }
};

Selection selection_of(const ims2::request::Job& job) {
  const auto& env = job.environment;
  Selection s;
  s.stations = list_items(env, EnvKeyword::sta_list);
  s.channels = list_items(env, EnvKeyword::chan_list);
  s.aux = list_items(env, EnvKeyword::aux_list);
  s.links = list_items(env, EnvKeyword::comm_list);
  s.lat = range_of(env, EnvKeyword::lat);
  s.lon = range_of(env, EnvKeyword::lon);
  if (const auto* time = env.given(EnvKeyword::time))
    if (const auto* range = std::get_if<ims2::TimeRange>(time)) {
      s.timed = true;
      s.from = bound_of(range->from);
      s.to = bound_of(range->to);
    }
  return s;
}

// "STA_LIST ARA0, FIA0 CHAN_LIST *Z between ... and ...": what was asked, for the LOG lines.
std::string describe(const ims2::request::Job& job, std::initializer_list<EnvKeyword> keywords,
                     const Selection& selection, ims2::KeywordCase style) {
  std::string text;
  for (EnvKeyword k : keywords) {
    if (!job.environment.is_given(k) && k != EnvKeyword::chan_list) continue;
    text += fmt::format(" {} {}", ims2::to_upper(ims2::request::env_spec(k).name),
                        ims2::request::write_environment_value(job.environment.value(k), style));
  }
  if (selection.timed)
    text += fmt::format(" between {} and {}",
                        selection.from ? ims2::write_fixed_date_time(*selection.from, 0) : "the beginning",
                        selection.to ? ims2::write_fixed_date_time(*selection.to, 0) : "now");
  return text;
}

// --- Reading the stored sections
// ------------------------------------------------------------------------------

// The per-station access verdicts of one line, each refusal reported once.
class Grants {
 public:
  Grants(const Access& access, std::string product, ProductOutput& out)
      : access_(access), product_(std::move(product)), out_(out) {}

  bool may(const std::string& station) {
    auto [it, fresh] = verdicts_.try_emplace(station, false);
    if (!fresh) return it->second;
    it->second = access_.may(ims2::to_lower(product_), station);
    if (!it->second) {
      out_.errors.push_back(
          station.empty() ? fmt::format("{} refused: no grant of {} for all stations", product_, product_)
                          : fmt::format("station {} refused: no grant of {} for it", station, product_));
    }
    return it->second;
  }
  bool refused(const std::string& station) const {
    auto it = verdicts_.find(station);
    return it != verdicts_.end() && !it->second;
  }

 private:
  const Access& access_;
  std::string product_;
  ProductOutput& out_;
  std::map<std::string, bool> verdicts_;
};

template <class Model>
struct Stored {
  ims2::DataTypeLine header;
  Model model;
};

// The models of the stored sections the rows point to, once each, in the order of the rows.
template <class Model>
std::vector<Stored<Model>> read_models(const std::vector<store::ItemRow>& rows, ProductContext& context,
                                       ProductOutput& out) {
  std::vector<Stored<Model>> models;
  std::set<std::pair<std::int64_t, int>> seen;
  for (const store::ItemRow& row : rows) {
    if (!seen.emplace(row.message_id, row.section_index).second) continue;
    auto section = context.sections.section(row.message_id, row.section_index);
    if (!section) {
      out.log.push_back(
          fmt::format("a stored {} section could not be read: {}", row.data_type, section.error()));
      continue;
    }
    ims2::Diagnostics diagnostics;
    auto model = shi::read_section(*section, diagnostics);
    if (!model || !std::holds_alternative<Model>(*model)) continue;
    models.push_back({section->header, std::get<Model>(std::move(*model))});
  }
  return models;
}

template <class Model>
std::vector<Stored<Model>> stored(std::string_view data_type, const Selection& selection, bool by_time,
                                  ProductContext& context, ProductOutput& out) {
  const bool timed = by_time && selection.timed;
  const auto rows = context.store.items(data_type, "", timed ? selection.from : std::nullopt,
                                        timed ? selection.to : std::nullopt);
  return read_models<Model>(rows, context, out);
}

template <class Record>
void add_unique(std::vector<Record>& records, const Record& record) {
  if (std::find(records.begin(), records.end(), record) == records.end()) records.push_back(record);
}

// The response's sections: one per stored subtype, and per report period for the status reports.
template <class Model>
class Merged {
 public:
  Model& group(const ims2::DataTypeLine& header, const Model& like) {
    for (auto& [h, m] : groups_) {
      if (h.subtype != header.subtype) continue;
      if constexpr (requires { like.period; }) {
        if (!(m.period == like.period)) continue;
      }
      return m;
    }
    Model fresh{};
    if constexpr (requires { like.period; }) fresh.period = like.period;
    return groups_.emplace_back(header, std::move(fresh)).second;
  }
  const std::vector<std::pair<ims2::DataTypeLine, Model>>& groups() const { return groups_; }

 private:
  std::vector<std::pair<ims2::DataTypeLine, Model>> groups_;
};

template <class Model>
bool is_empty(const Model& m) {
  if constexpr (std::is_same_v<Model, shi::Response>)
    return m.channels.empty();
  else if constexpr (std::is_same_v<Model, shi::CommStatus>)
    return m.links.empty();
  else if constexpr (std::is_same_v<Model, shi::AuthStatus>)
    return m.records.empty() && m.failures.empty();
  else
    return m.records.empty();
}

// The groups that kept something; a stored section none of whose rows were selected gives nothing.
template <class Model>
void write_groups(const Merged<Model>& merged, std::string_view type, ProductOutput& out) {
  for (const auto& [stored_header, model] : merged.groups()) {
    if (is_empty(model)) continue;
    auto body = shi::write_section(shi::Section{model});
    if (!body) {
      out.errors.push_back(fmt::format("{} could not be written: {}", type, body.error()));
      continue;
    }
    ims2::DataSection section;
    section.header = {std::string(type), ims2::to_upper(stored_header.subtype), "IMS2.0", ""};
    section.body = std::move(*body);
    out.sections.push_back(std::move(section));
  }
}

// The LOG lines of a station product: what was found, and each station named in STA_LIST (without a
// wildcard) that nothing was found for.
void report(std::string_view type, const std::set<std::string>& found, std::size_t rows,
            const Selection& selection, const Grants& grants, const std::string& asked, ProductOutput& out) {
  if (rows == 0) {
    out.log.push_back(fmt::format("no {} data for{}", type, asked));
    return;
  }
  std::string names;
  for (const std::string& s : found) names += (names.empty() ? "" : ", ") + (s.empty() ? "-" : s);
  out.log.push_back(fmt::format("{} {} line{} for {}", rows, type, rows == 1 ? "" : "s", names));
  for (const std::string& code : selection.stations) {
    if (code.find('*') != std::string::npos || grants.refused(code)) continue;
    const bool any =
        std::any_of(found.begin(), found.end(), [&](const std::string& s) { return ims2::iequals(s, code); });
    if (!any) out.log.push_back(fmt::format("no {} data for {}", type, code));
  }
}

// --- The products
// ---------------------------------------------------------------------------------------------

struct Line {
  const ims2::request::Job& job;
  ProductContext& context;
  ProductOutput& out;
  Selection selection;
  std::string type;  // upper case: STATION, CHANNEL, ...
  Grants grants;
  std::string asked;
};

// What a station product gathered from the stored sections of its type.
template <class Model>
struct Gathered {
  Merged<Model> merged;
  std::set<std::string> found;  // the stations of the rows kept
  std::size_t rows = 0;
};

// The rows (`rows` of each stored model) that `keep` selects and the user may receive, each once, grouped by
// subtype; status reports (those with a period) only when their period meets TIME, and grouped by it.
template <class Model, class Row, class Keep, class StationOf>
Gathered<Model> gather(Line& l, bool by_time, std::vector<Row> Model::*rows, Keep keep,
                       StationOf station_of) {
  Gathered<Model> g;
  for (const auto& s : stored<Model>(l.type, l.selection, by_time, l.context, l.out)) {
    if constexpr (requires { s.model.period; })
      if (!l.selection.overlaps(s.model.period.from, s.model.period.to)) continue;
    Model& into = g.merged.group(s.header, s.model);
    for (const Row& r : s.model.*rows) {
      const std::string& station = station_of(r);
      if (!keep(r) || !l.grants.may(station)) continue;
      const std::size_t before = (into.*rows).size();
      add_unique(into.*rows, r);
      g.rows += (into.*rows).size() - before;
      g.found.insert(station);
    }
  }
  return g;
}

template <class Model>
void finish(Line& l, const Gathered<Model>& g) {
  report(l.type, g.found, g.rows, l.selection, l.grants, l.asked, l.out);
  write_groups(g.merged, l.type, l.out);
}

const auto kStationOfRecord = [](const auto& r) -> const std::string& { return r.station; };

void station(Line& l) {
  auto g = gather(
      l, false, &shi::Station::records,
      [&](const shi::StationRecord& r) {
        return l.selection.station(r.station) && l.selection.located(r.latitude, r.longitude);
      },
      kStationOfRecord);
  // A station named in STA_LIST that sent no STATION data but has coordinates in the registry.
  for (const std::string& code : l.selection.stations) {
    if (code.find('*') != std::string::npos) continue;
    if (std::any_of(g.found.begin(), g.found.end(),
                    [&](const std::string& s) { return ims2::iequals(s, code); }))
      continue;
    auto known = l.context.store.station(ims2::to_upper(code));
    if (!known || !known->latitude || !known->longitude) continue;
    if (!l.selection.located(known->latitude, known->longitude) || !l.grants.may(known->code)) continue;
    shi::StationRecord record;
    record.station = known->code;
    record.latitude = known->latitude;
    record.longitude = known->longitude;
    g.merged.group({"STATION", "", "IMS2.0", ""}, {}).records.push_back(record);
    ++g.rows;
    g.found.insert(known->code);
    l.out.log.push_back(fmt::format(
        "no STATION data received for {}: its coordinates are those of the station registry", known->code));
  }
  finish(l, g);
}

void channel(Line& l) {
  finish(l, gather(
                l, false, &shi::Channel::records,
                [&](const shi::ChannelRecord& r) {
                  return l.selection.station(r.station) && l.selection.channel(r.channel) &&
                         l.selection.auxiliary(r.aux) && l.selection.located(r.latitude, r.longitude);
                },
                kStationOfRecord));
}

// RESPONSE: every stored CAL2 is read and TIME applied to its period here, since the index takes a CAL2 still
// valid (no end) for the instant of its start.
void response(Line& l) {
  finish(l, gather(
                l, false, &shi::Response::channels,
                [&](const shi::ChannelResponse& r) {
                  const shi::Cal2& cal = r.cal;
                  return l.selection.station(cal.station) && l.selection.channel(cal.channel) &&
                         l.selection.auxiliary(cal.aux) && l.selection.overlaps(cal.start, cal.end);
                },
                [](const shi::ChannelResponse& r) -> const std::string& { return r.cal.station; }));
}

// Status reports are selected by their report period (the index's rows span it), their lines by station.
template <class Model, class Keep>
void status(Line& l, Keep keep) {
  using Row = typename decltype(Model::records)::value_type;
  finish(l, gather(
                l, true, &Model::records,
                [&](const Row& r) { return keep(r) && l.selection.station(r.station); }, kStationOfRecord));
}

// OUTAGE: the reports whose period meets TIME, and in them the outages that meet it.
void outage(Line& l) {
  finish(l, gather(
                l, true, &shi::Outage::records,
                [&](const shi::OutageRecord& r) {
                  return l.selection.station(r.station) && l.selection.channel(r.channel) &&
                         l.selection.auxiliary(r.aux) && l.selection.overlaps(r.start, r.end);
                },
                kStationOfRecord));
}

void auth_status(Line& l) {
  Merged<shi::AuthStatus> merged;
  std::set<std::string> found;
  std::size_t rows = 0;
  const auto selected = [&](const auto& r) {
    return l.selection.station(r.station) && l.selection.channel(r.channel) && l.selection.auxiliary(r.aux) &&
           l.grants.may(r.station);
  };
  for (const auto& s : stored<shi::AuthStatus>("AUTH_STATUS", l.selection, true, l.context, l.out)) {
    if (!l.selection.overlaps(s.model.period.from, s.model.period.to)) continue;
    shi::AuthStatus& into = merged.group(s.header, s.model);
    for (const auto& r : s.model.records) {
      if (!selected(r)) continue;
      const std::size_t before = into.records.size();
      add_unique(into.records, r);
      rows += into.records.size() - before;
      found.insert(r.station);
    }
    for (const auto& f : s.model.failures)
      if (selected(f)) add_unique(into.failures, f);
  }
  report(l.type, found, rows, l.selection, l.grants, l.asked, l.out);
  write_groups(merged, l.type, l.out);
}

// COMM_STATUS: links whose either end COMM_LIST names; their outages only in the verbose sub-format (4.7.13).
void comm_status(Line& l) {
  const bool verbose = ims2::iequals(l.job.request.subformat, "verbose");
  Merged<shi::CommStatus> merged;
  std::set<std::string> found;
  std::size_t rows = 0;
  for (const auto& s : stored<shi::CommStatus>("COMM_STATUS", l.selection, true, l.context, l.out)) {
    if (!l.selection.overlaps(s.model.period.from, s.model.period.to)) continue;
    shi::CommStatus& into = merged.group(s.header, s.model);
    for (const auto& link : s.model.links) {
      if (!matches_any(l.selection.links, link.far_end) && !matches_any(l.selection.links, link.near_end))
        continue;
      if (!l.grants.may(link.far_end)) continue;
      const std::size_t before = into.links.size();
      add_unique(into.links, link);
      rows += into.links.size() - before;
      found.insert(link.far_end);
      if (!verbose) continue;
      for (const auto& lo : s.model.link_outages)
        if (lo.far_end == link.far_end && lo.near_end == link.near_end) add_unique(into.link_outages, lo);
    }
  }
  if (rows == 0) {
    l.out.log.push_back(
        fmt::format("no COMM_STATUS report stored for{}; one computed from the messages "
                    "received is not produced yet",
                    l.asked));
    return;
  }
  std::string names;
  for (const std::string& s : found) names += (names.empty() ? "" : ", ") + s;
  l.out.log.push_back(fmt::format("{} COMM_STATUS link{}: {}", rows, rows == 1 ? "" : "s", names));
  write_groups(merged, l.type, l.out);
}

// NETWORK names no station: a STA_LIST keeps the networks of the stations it names, as the stored STATION and
// CHANNEL data give them.
void network(Line& l) {
  std::optional<std::set<std::string>> of_stations;
  if (l.job.environment.is_given(EnvKeyword::sta_list)) {
    of_stations.emplace();
    for (const auto& s : stored<shi::Station>("STATION", l.selection, false, l.context, l.out))
      for (const auto& r : s.model.records)
        if (l.selection.station(r.station) && !r.network.empty())
          of_stations->insert(ims2::to_upper(r.network));
    for (const auto& s : stored<shi::Channel>("CHANNEL", l.selection, false, l.context, l.out))
      for (const auto& r : s.model.records)
        if (l.selection.station(r.station) && !r.network.empty())
          of_stations->insert(ims2::to_upper(r.network));
  }
  Merged<shi::Network> merged;
  std::size_t rows = 0;
  bool granted = true;
  for (const auto& s : stored<shi::Network>("NETWORK", l.selection, false, l.context, l.out)) {
    shi::Network& into = merged.group(s.header, s.model);
    for (const auto& r : s.model.records) {
      if (of_stations && !of_stations->contains(ims2::to_upper(r.code))) continue;
      if (!(granted = l.grants.may(""))) break;
      const std::size_t before = into.records.size();
      add_unique(into.records, r);
      rows += into.records.size() - before;
    }
  }
  if (!granted) return;
  if (rows == 0) {
    l.out.log.push_back(fmt::format("no NETWORK data for{}", l.asked));
    return;
  }
  l.out.log.push_back(fmt::format("{} NETWORK line{}", rows, rows == 1 ? "" : "s"));
  write_groups(merged, l.type, l.out);
}

// COMMENT (4.7.12): the comments associated with what ARRIVAL_LIST, EVENT_LIST, ORIGIN_LIST or STA_LIST name;
// one section each, as stored.
void comment(Line& l) {
  const auto& env = l.job.environment;
  const std::pair<EnvKeyword, std::string_view> kinds[] = {{EnvKeyword::arrival_list, "Arrival"},
                                                           {EnvKeyword::event_list, "Event"},
                                                           {EnvKeyword::origin_list, "Origin"},
                                                           {EnvKeyword::sta_list, "Station"}};
  const auto selected = [&](const shi::Comment& c) {
    for (const auto& [keyword, id_type] : kinds) {
      if (!env.is_given(keyword) || !ims2::iequals(c.id_type, id_type)) continue;
      if (matches_any(list_items(env, keyword), c.id)) return true;
    }
    return false;
  };
  if (l.selection.timed)
    l.out.log.push_back("TIME is not applied to COMMENT: a stored comment carries no time of its own");
  std::vector<shi::Comment> kept;
  for (const auto& s : stored<shi::Comment>("COMMENT", l.selection, false, l.context, l.out)) {
    if (!selected(s.model)) continue;
    if (!l.grants.may(ims2::iequals(s.model.id_type, "Station") ? s.model.id : std::string())) continue;
    add_unique(kept, s.model);
  }
  if (kept.empty()) {
    l.out.log.push_back(fmt::format("no COMMENT data for{}", l.asked));
    return;
  }
  l.out.log.push_back(fmt::format("{} COMMENT section{}", kept.size(), kept.size() == 1 ? "" : "s"));
  for (const auto& c : kept) {
    auto body = shi::write_comment(c);
    if (!body) {
      l.out.errors.push_back(fmt::format("COMMENT could not be written: {}", body.error()));
      continue;
    }
    ims2::DataSection section;
    section.header = {"COMMENT", "", "IMS2.0", ""};
    section.body = std::move(*body);
    l.out.sections.push_back(std::move(section));
  }
}

}  // namespace

ProductOutput produce_shi(const ims2::request::Job& job, ProductContext& context) {
  ProductOutput out;
  const RequestKeyword keyword = ims2::request::canonical(job.request.keyword);
  const std::string type = ims2::to_upper(ims2::request::request_spec(keyword).name);
  Selection selection = selection_of(job);
  using E = EnvKeyword;
  Line line{job,
            context,
            out,
            selection,
            type,
            Grants(context.access, type, out),
            describe(job,
                     {E::sta_list, E::chan_list, E::aux_list, E::comm_list, E::lat, E::lon, E::arrival_list,
                      E::event_list, E::origin_list},
                     selection, context.style)};
  // CHAN_LIST is asked only by the lines that select channels.
  const bool channels = keyword == RequestKeyword::channel || keyword == RequestKeyword::chan_status ||
                        keyword == RequestKeyword::outage || keyword == RequestKeyword::response ||
                        keyword == RequestKeyword::auth_status;
  if (!channels) {
    line.selection.channels.clear();
    line.asked = describe(job,
                          {E::sta_list, E::aux_list, E::comm_list, E::lat, E::lon, E::arrival_list,
                           E::event_list, E::origin_list},
                          line.selection, context.style);
  }
  switch (keyword) {
    case RequestKeyword::station:
      station(line);
      break;
    case RequestKeyword::channel:
      channel(line);
      break;
    case RequestKeyword::network:
      network(line);
      break;
    case RequestKeyword::response:
      response(line);
      break;
    case RequestKeyword::sta_status:
      status<shi::StaStatus>(line, [](const shi::StaStatusRecord&) { return true; });
      break;
    case RequestKeyword::chan_status:
      status<shi::ChanStatus>(
          line, [&](const shi::ChanStatusRecord& r) { return line.selection.channel(r.channel); });
      break;
    case RequestKeyword::outage:
      outage(line);
      break;
    case RequestKeyword::comm_status:
      comm_status(line);
      break;
    case RequestKeyword::comment:
      comment(line);
      break;
    case RequestKeyword::auth_status:
      auth_status(line);
      break;
    default:
      out.log.push_back(fmt::format("{} cannot be produced from the store yet", type));
      break;
  }
  return out;
}

}  // namespace imsgate::vdms
