// The radionuclide request lines (4.7): pulse height data, state of health, meteorology, alerts, laboratory
// reports and the IDC's products, answered with the sections the store received, as they were received.
#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ims2/datetime.hpp"
#include "ims2/request/environment.hpp"
#include "ims2/rn/phd.hpp"
#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {

namespace {

using ims2::TimePoint;
using ims2::request::EnvKeyword;
using ims2::request::RequestKeyword;
using nlohmann::json;

// What TIME is compared with (4.6.44): an instant of each product, or the period it covers.
enum class TimeKey { collection_start, acquisition_start, creation, period };

// Where the answers to a line are stored and how they are told from the other products stored there.
struct LineSpec {
  std::vector<std::string_view> data_types{};  // the DATA_TYPEs of the stored sections
  TimeKey time = TimeKey::collection_start;
  std::string_view attribute{};  // when set: the index attribute that must have `value`
  std::string_view value{};
  bool network = false;      // a product of the whole network (RNPS): granted without a station
  bool idc_product = false;  // made by the IDC, not by a station: only ones received can be sent
  bool undated = false;      // its rows carry no start: the store's time query cannot narrow them
};

LineSpec line_spec(RequestKeyword keyword) {
  static constexpr std::string_view kSamples[] = {"SAMPLEPHD", "SPHDF", "SPHDP"};
  static constexpr std::string_view kSampml[] = {"SAMPML", "REVSAMP"};
  const std::vector<std::string_view> samples(std::begin(kSamples), std::end(kSamples));
  const std::vector<std::string_view> sampml(std::begin(kSampml), std::end(kSampml));
  switch (keyword) {
    // The IDC delivers SAMPLEPHD as SPHDF or SPHDP (4.7.30); the #Header qualifier tells which.
    case RequestKeyword::sphdf:
      return {.data_types = samples, .attribute = "qualifier", .value = "FULL"};
    case RequestKeyword::sphdp:
      return {.data_types = samples, .attribute = "qualifier", .value = "PREL"};
    case RequestKeyword::blankphd:
      return {.data_types = {"BLANKPHD"}, .time = TimeKey::acquisition_start};
    case RequestKeyword::calibphd:
      return {.data_types = {"CALIBPHD"}, .time = TimeKey::acquisition_start};
    case RequestKeyword::detbkphd:
      return {.data_types = {"DETBKPHD"}, .time = TimeKey::acquisition_start};
    case RequestKeyword::gasbkphd:
      return {.data_types = {"GASBKPHD"}, .time = TimeKey::acquisition_start};
    case RequestKeyword::qcphd:
      return {.data_types = {"QCPHD"}, .time = TimeKey::acquisition_start};
    // 4.6.44 says acquisition start for MET, which has none: its records' period is what TIME can meet.
    case RequestKeyword::met:
      return {.data_types = {"MET"}, .time = TimeKey::period};
    case RequestKeyword::rmssoh:
      return {.data_types = {"RMSSOH"}, .time = TimeKey::period};
    case RequestKeyword::alert_flow:
    case RequestKeyword::alert_system:
    case RequestKeyword::alert_temp:
    case RequestKeyword::alert_ups:
      return {.data_types = {ims2::request::request_spec(keyword).name}, .time = TimeKey::creation};
    case RequestKeyword::rlr:
      return {.data_types = {"RLR"}, .time = TimeKey::creation, .attribute = "message_type", .value = "RLR"};
    case RequestKeyword::arr:
      return {.data_types = {"ARR"}, .attribute = "report", .value = "ARR", .idc_product = true};
    case RequestKeyword::rrr:
      return {.data_types = {"RRR"}, .attribute = "report", .value = "RRR", .idc_product = true};
    // SAMPML goes with the automatic report, REVSAMP with the reviewed one (4.7.28): the indexer tells them
    // by the document's review, whatever DATA_TYPE it came under.
    case RequestKeyword::sampml:
      return {.data_types = sampml, .attribute = "report", .value = "SAMPML", .idc_product = true};
    case RequestKeyword::revsamp:
      return {.data_types = sampml, .attribute = "report", .value = "REVSAMP", .idc_product = true};
    // An SSREB's rows carry only the sample's collection stop.
    case RequestKeyword::ssreb:
      return {.data_types = {"SSREB"}, .idc_product = true, .undated = true};
    case RequestKeyword::rnps:
      return {.data_types = {"RNPS"}, .time = TimeKey::creation, .network = true, .idc_product = true};
    default:
      return {};
  }
}

std::string_view time_key_name(TimeKey key) {
  switch (key) {
    case TimeKey::collection_start:
      return "collection start";
    case TimeKey::acquisition_start:
      return "acquisition start";
    case TimeKey::creation:
      return "creation time";
    case TimeKey::period:
      return "period";
  }
  return "";
}

// "2021-12-10T12:44:11.000000Z", as the indexer writes times into the attributes.
std::optional<TimePoint> iso_time(const json& attributes, const char* key) {
  const auto found = attributes.find(key);
  if (found == attributes.end() || !found->is_string()) return std::nullopt;
  const std::string& text = found->get_ref<const std::string&>();
  if (text.size() < 20 || text[10] != 'T' || text.back() != 'Z') return std::nullopt;
  std::string date = text.substr(0, 10);
  std::replace(date.begin(), date.end(), '-', '/');
  auto t = ims2::parse_fixed_date_time(date, std::string_view(text).substr(11, text.size() - 12));
  return t ? std::optional<TimePoint>(*t) : std::nullopt;
}

std::optional<TimePoint> key_time(const store::ItemRow& row, const json& attributes, TimeKey key) {
  switch (key) {
    case TimeKey::collection_start:
      return row.start ? row.start : row.end;
    case TimeKey::acquisition_start:
      if (auto t = iso_time(attributes, "acquisition_start")) return t;
      return row.start;
    case TimeKey::creation:
      if (auto t = iso_time(attributes, "created")) return t;
      if (auto t = iso_time(attributes, "transmitted")) return t;
      return row.start;  // an alert's time
    case TimeKey::period:
      break;
  }
  return row.start;
}

struct Window {
  std::optional<TimePoint> from;
  std::optional<TimePoint> to;
  std::string text;  // as the request wrote it
};

Window time_window(const ims2::request::Job& job) {
  Window window;
  if (const auto* range = std::get_if<ims2::TimeRange>(&job.environment.value(EnvKeyword::time))) {
    if (range->from && range->from->kind == ims2::TimeBound::Kind::at) window.from = range->from->at.time;
    if (range->to && range->to->kind == ims2::TimeBound::Kind::at) window.to = range->to->at.time;
    window.text = ims2::write_time_range(*range);
  }
  return window;
}

bool within(const std::optional<TimePoint>& t, const Window& w) {
  if (!t) return !w.from && !w.to;
  return (!w.from || *t >= *w.from) && (!w.to || *t < *w.to);
}

bool icontains(std::string_view text, std::string_view part) {
  if (part.empty()) return true;
  for (std::size_t i = 0; i + part.size() <= text.size(); ++i)
    if (ims2::iequals(text.substr(i, part.size()), part)) return true;
  return false;
}

// How a section holding several products is cut into them (DIGEST-radionuclide 0.2): at each #Header (PHDs,
// RMSSOH, RLR), each station code line (MET), each alert line (ALERT_*). Sections of the IDC's reports hold
// one product, or one for the network.
enum class Cut { none, header_block, met_station, alert_line };

Cut cut_of(std::string_view data_type) {
  if (ims2::rn::phd_type(data_type) || ims2::iequals(data_type, "RMSSOH") || ims2::iequals(data_type, "RLR"))
    return Cut::header_block;
  if (ims2::iequals(data_type, "MET")) return Cut::met_station;
  if (ims2::istarts_with(data_type, "ALERT_")) return Cut::alert_line;
  return Cut::none;
}

bool starts_product(std::string_view line, Cut cut) {
  switch (cut) {
    case Cut::header_block:
      return ims2::istarts_with(line, "#header");
    case Cut::met_station:  // a code alone; records start with their date
      return !line.empty() && !(line.front() >= '0' && line.front() <= '9') &&
             std::none_of(line.begin(), line.end(), ims2::is_blank);
    case Cut::alert_line: {  // "AUP06 ALERT_FLOW 2021/12/01 23:08:53"
      const std::size_t blank = line.find(' ');
      return blank != std::string_view::npos && ims2::istarts_with(ims2::trim(line.substr(blank)), "alert_");
    }
    case Cut::none:
      break;
  }
  return false;
}

// The products of a section's body, each its lines as received. TIME_STAMP lines are the envelope's, and
// lines before the first product are none of them: both are left out.
std::vector<std::string_view> products_of(std::string_view body, Cut cut) {
  std::vector<std::string_view> products;
  std::size_t start = std::string_view::npos;
  std::size_t at = 0;
  auto close = [&](std::size_t end) {
    if (start != std::string_view::npos) products.push_back(body.substr(start, end - start));
    start = std::string_view::npos;
  };
  while (at < body.size()) {
    const std::size_t lf = body.find('\n', at);
    const std::size_t next = lf == std::string_view::npos ? body.size() : lf + 1;
    std::string_view line = body.substr(at, next - at);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    line = ims2::trim(line);
    if (ims2::istarts_with(line, "time_stamp")) {
      close(at);
    } else if (starts_product(line, cut)) {
      close(at);
      start = at;
    }
    at = next;
  }
  close(body.size());
  return products;
}

// The rows of one stored section that answer the line.
struct Selected {
  std::int64_t message_id = 0;
  int section_index = 0;
  std::vector<const store::ItemRow*> rows;
};

std::string count_text(std::size_t n, std::string_view what) {
  return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
}

// The section of the answer: the stored one whole when every product in it is selected, else its selected
// products, cut from its text.
tl::expected<ims2::DataSection, std::string> answer_section(ims2::DataSection stored,
                                                            const Selected& selected, bool whole) {
  const Cut cut = cut_of(stored.header.type);
  if (whole || cut == Cut::none) return stored;
  const auto products = products_of(stored.body, cut);
  std::vector<const store::ItemRow*> rows = selected.rows;
  std::sort(rows.begin(), rows.end(),
            [](const store::ItemRow* a, const store::ItemRow* b) { return a->item_index < b->item_index; });
  std::string body;
  for (const store::ItemRow* row : rows) {
    const auto index = static_cast<std::size_t>(row->item_index);
    // The index numbers a section's products in order; the cut must find the same ones.
    if (index >= products.size() || !icontains(products[index], row->station))
      return tl::unexpected(fmt::format("its product {} could not be told from the others", index + 1));
    body += products[index];
    if (body.back() != '\n') body += '\n';
  }
  if (rows.size() == products.size()) return stored;
  stored.body = std::move(body);
  return stored;
}

bool holds_any(const store::Store& store, const std::vector<std::string_view>& data_types) {
  const auto holdings = store.holdings();
  return std::any_of(holdings.begin(), holdings.end(), [&](const store::Holding& h) {
    return std::any_of(data_types.begin(), data_types.end(),
                       [&](std::string_view type) { return ims2::iequals(h.data_type, type); });
  });
}

ProductOutput produce_items(const ims2::request::Job& job, ProductContext& context, const LineSpec& spec) {
  ProductOutput out;
  const auto& request_spec = ims2::request::request_spec(job.request.keyword);
  const std::string name = ims2::to_upper(request_spec.name);
  const Window window = time_window(job);
  const std::vector<std::string> patterns = list_items(job.environment, EnvKeyword::sta_list);
  const std::optional<TimePoint> query_from = spec.time == TimeKey::period ? window.from : std::nullopt;
  // Every instant TIME is compared with lies at or after the row's start.
  const std::optional<TimePoint> query_to = spec.undated ? std::nullopt : window.to;

  std::vector<store::ItemRow> rows;
  for (std::string_view type : spec.data_types) {
    auto found = context.store.items(type, "", query_from, query_to);
    std::move(found.begin(), found.end(), std::back_inserter(rows));
  }

  std::vector<Selected> sections;
  std::map<std::pair<std::int64_t, int>, std::size_t> section_of;
  std::set<std::string> refused;
  std::map<std::string, int> stations;  // of the products sent, with their counts
  std::size_t products = 0;
  // A network product is selected whole when it is granted, in TIME, and names a station of STA_LIST.
  const bool network_granted = !spec.network || context.access.may(request_spec.name, "");
  for (const store::ItemRow& row : rows) {
    const json attributes = json::parse(row.attributes, nullptr, false);
    if (!spec.attribute.empty()) {
      const auto value = attributes.is_object() ? attributes.find(spec.attribute) : attributes.end();
      if (!attributes.is_object() || value == attributes.end() || !value->is_string() ||
          !ims2::iequals(value->get_ref<const std::string&>(), spec.value))
        continue;
    }
    if (spec.time != TimeKey::period && !within(key_time(row, attributes, spec.time), window)) continue;
    if (!matches_any(patterns, row.station)) continue;
    if (spec.network ? !network_granted : !context.access.may(request_spec.name, row.station)) {
      refused.insert(spec.network ? std::string() : row.station);
      continue;
    }
    const auto key = std::make_pair(row.message_id, row.section_index);
    auto [at, added] = section_of.try_emplace(key, sections.size());
    if (added) sections.push_back({row.message_id, row.section_index, {}});
    sections[at->second].rows.push_back(&row);
  }

  for (const Selected& selected : sections) {
    auto stored = context.sections.section(selected.message_id, selected.section_index);
    tl::expected<ims2::DataSection, std::string> section = tl::unexpected(stored ? "" : stored.error());
    if (stored) section = answer_section(std::move(*stored), selected, spec.network);
    if (!section) {
      out.errors.push_back(fmt::format("a stored {} section (message {}, section {}) could not be sent: {}",
                                       name, selected.message_id, selected.section_index + 1,
                                       section.error()));
      continue;
    }
    out.sections.push_back(std::move(*section));
    if (spec.network) {
      ++products;
      continue;
    }
    products += selected.rows.size();
    for (const store::ItemRow* row : selected.rows) ++stations[row->station.empty() ? "-" : row->station];
  }

  for (const std::string& station : refused)
    out.errors.push_back(station.empty()
                             ? fmt::format("refused: no grant of {} for all stations", name)
                             : fmt::format("station {} refused: no grant of {} for it", station, name));

  std::string station_list;
  for (const std::string& p : patterns) station_list += (station_list.empty() ? "" : ",") + p;
  if (!out.sections.empty()) {
    std::string of;
    for (const auto& [station, n] : stations)
      of += fmt::format("{}{} ({})", of.empty() ? "" : ", ", station, n);
    out.log.push_back(spec.network
                          ? fmt::format("found {}", count_text(products, name))
                          : fmt::format("found {} of {}", count_text(products, name + " product"), of));
  } else if (!refused.empty()) {
    out.log.push_back(fmt::format("no {} can be sent: every station that has some was refused", name));
  } else if (spec.idc_product && !holds_any(context.store, spec.data_types)) {
    out.log.push_back(fmt::format(
        "{} is not produced by this data centre yet: it is an IDC product, sent only as received from the "
        "IDC, and none has been received",
        name));
  } else {
    out.log.push_back(fmt::format("no {} data for STA_LIST {} with {} in TIME {}", name, station_list,
                                  time_key_name(spec.time), window.text));
  }
  return out;
}

// "Executive Summary for 2001-03-01 00:00:00 to 2001-03-06 00:00:00" (App. I.18): the period summarised.
std::optional<std::pair<TimePoint, TimePoint>> summary_period(std::string_view body) {
  constexpr std::string_view kTitle = "executive summary for ";
  for (std::size_t at = 0; at < body.size();) {
    const std::size_t lf = std::min(body.find('\n', at), body.size());
    const std::string_view line = ims2::trim(body.substr(at, lf - at));
    at = lf + 1;
    if (!ims2::istarts_with(line, kTitle)) continue;
    std::vector<std::string> words;
    for (std::string_view rest = line.substr(kTitle.size()); !(rest = ims2::trim(rest)).empty();) {
      const std::size_t blank = std::min(rest.find(' '), rest.size());
      words.emplace_back(rest.substr(0, blank));
      rest.remove_prefix(blank);
    }
    if (words.size() != 5 || !ims2::iequals(words[2], "to")) return std::nullopt;
    std::replace(words[0].begin(), words[0].end(), '-', '/');
    std::replace(words[3].begin(), words[3].end(), '-', '/');
    const auto from = ims2::parse_fixed_date_time(words[0], words[1]);
    const auto to = ims2::parse_fixed_date_time(words[3], words[4]);
    if (!from || !to) return std::nullopt;
    return std::make_pair(*from, *to);
  }
  return std::nullopt;
}

// EXECSUM (4.7.16): the IDC's summaries as received, those whose period meets TIME. They have no index rows:
// the messages that hold one are found by their data types.
ProductOutput produce_execsum(const ims2::request::Job& job, ProductContext& context) {
  ProductOutput out;
  const Window window = time_window(job);
  if (!context.access.may("execsum", "")) {
    out.errors.push_back("refused: no grant of EXECSUM for all stations");
    out.log.push_back("no EXECSUM can be sent: it was refused");
    return out;
  }
  for (const EnvKeyword k : {EnvKeyword::depth, EnvKeyword::depth_minus_error, EnvKeyword::event_list,
                             EnvKeyword::event_sta_dist, EnvKeyword::lat, EnvKeyword::lon, EnvKeyword::mag,
                             EnvKeyword::mag_type, EnvKeyword::origin_list, EnvKeyword::sta_list})
    if (job.environment.is_given(k))
      out.errors.push_back(
          fmt::format("{} cannot be applied to an executive summary received from the IDC: "
                      "the summaries of TIME are sent whole",
                      ims2::to_upper(ims2::request::env_spec(k).name)));

  std::vector<std::pair<TimePoint, ims2::DataSection>> found;
  bool received = false;  // any summary, whatever its period
  store::MessageFilter filter{.accepted = true, .data_type = "EXECSUM"};
  for (bool more = true; more;) {
    const auto page = context.store.messages(filter);
    more = static_cast<int>(page.size()) == filter.limit;
    if (!page.empty()) filter.before_id = page.back().id;
    for (const store::MessageRecord& message : page) {
      for (const store::SectionRow& row : context.store.sections(message.id)) {
        if (!ims2::iequals(row.data_type, "EXECSUM")) continue;
        received = true;
        auto section = context.sections.section(message.id, row.index);
        if (!section) {
          out.errors.push_back(
              fmt::format("a stored EXECSUM section (message {}, section {}) could not be "
                          "sent: {}",
                          message.id, row.index + 1, section.error()));
          continue;
        }
        const auto period = summary_period(section->body);
        if (!period) {
          out.log.push_back(
              fmt::format("the EXECSUM of message {} names no period it summarises: not sent", message.id));
          continue;
        }
        if ((window.to && period->first >= *window.to) || (window.from && period->second <= *window.from))
          continue;
        found.emplace_back(period->first, std::move(*section));
      }
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [start, section] : found) out.sections.push_back(std::move(section));
  if (!found.empty())
    out.log.push_back(fmt::format("found {}", count_text(found.size(), "EXECSUM")));
  else if (!received)
    out.log.push_back(
        "EXECSUM is not produced by this data centre yet: it is an IDC product, sent only as received from "
        "the "
        "IDC, and none has been received");
  else
    out.log.push_back(fmt::format("no EXECSUM summarises a period that meets TIME {}", window.text));
  return out;
}

}  // namespace

ProductOutput produce_rn(const ims2::request::Job& job, ProductContext& context) {
  if (job.request.keyword == RequestKeyword::execsum) return produce_execsum(job, context);
  const LineSpec spec = line_spec(ims2::request::canonical(job.request.keyword));
  if (spec.data_types.empty()) {
    ProductOutput out;
    out.log.push_back(
        fmt::format("{} is not produced by this data centre yet: no data type of the store answers it",
                    ims2::to_upper(ims2::request::request_spec(job.request.keyword).name)));
    return out;
  }
  return produce_items(job, context, spec);
}

}  // namespace imsgate::vdms
