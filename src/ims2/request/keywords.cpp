#include "ims2/request/keywords.hpp"

#include <array>

#include "ims2/text.hpp"

namespace imsgate::ims2::request {
namespace {

using E = EnvKeyword;

constexpr std::array<std::string_view, 8> kBulletinWords = {"sel1", "sel2", "sel3",    "reb",
                                                            "seb",  "sseb", "idc_neb", "idc_nseb"};
constexpr std::array<std::string_view, 6> kGroupBulletinWords = {"sel1", "sel2", "sel3",
                                                                 "reb",  "seb",  "sseb"};
constexpr std::array<std::string_view, 2> kNationalBulletinPrefixes = {"neb_", "nseb_"};
constexpr std::array<std::string_view, 3> kMagTypes = {"mb", "ms", "ml"};
constexpr std::array<std::string_view, 3> kMagprefMb = {"mb", "mb_ave", "mb_mle"};
constexpr std::array<std::string_view, 1> kMagprefMbPrefix = {"mb_"};
constexpr std::array<std::string_view, 3> kMagprefMs = {"ms", "ms_ave", "ms_mle"};
constexpr std::array<std::string_view, 1> kMagprefMsPrefix = {"ms_"};
constexpr std::array<std::string_view, 3> kRelativeTo = {"origin", "event", "bulletin"};

constexpr EnvSpec id_list(E k, std::string_view name, std::string_view section, std::string_view what,
                          Wildcard wildcard, EnvUse use) {
  return {.keyword = k,
          .name = name,
          .section = section,
          .kind = EnvKind::list,
          .type = ValueType::integer,
          .what = what,
          .min = 0,
          .wildcard = wildcard,
          .default_text = wildcard == Wildcard::all_only ? "*" : "",
          .use = use};
}

constexpr EnvSpec range(E k, std::string_view name, std::string_view section, std::string_view what,
                        double min = -kNoLimit, double max = kNoLimit) {
  return {.keyword = k,
          .name = name,
          .section = section,
          .kind = EnvKind::range,
          .what = what,
          .min = min,
          .max = max};
}

constexpr EnvSpec scalar(E k, std::string_view name, std::string_view section, std::string_view what,
                         std::string_view default_text, double min = -kNoLimit, double max = kNoLimit,
                         ValueType type = ValueType::real) {
  return {.keyword = k,
          .name = name,
          .section = section,
          .kind = EnvKind::scalar,
          .type = type,
          .what = what,
          .min = min,
          .max = max,
          .default_text = default_text};
}

constexpr EnvSpec legacy(EnvSpec spec, EnvSet alias_of) {
  spec.legacy = true;
  spec.alias_of = alias_of;
  spec.default_text = {};
  return spec;
}

// In enum order: env_spec() indexes it directly.
constexpr std::array<EnvSpec, kEnvKeywordCount> kEnvSpecs = {{
    id_list(E::arrival_list, "arrival_list", "4.6.1", "an arrival id (arid)", Wildcard::all_only,
            EnvUse::request_only),
    {.keyword = E::aux_list,
     .name = "aux_list",
     .section = "4.6.2",
     .kind = EnvKind::list,
     .type = ValueType::code,
     .what = "an auxiliary code",
     .wildcard = Wildcard::pattern,
     .max_length = 4,
     .default_text = "*",
     .idc = IdcSupport::nowhere},
    {.keyword = E::beam_list,
     .name = "beam_list",
     .section = "4.6.3",
     .kind = EnvKind::list,
     .type = ValueType::code,
     .what = "a beam code",
     .use = EnvUse::request_only},
    {.keyword = E::bull_type,
     .name = "bull_type",
     .section = "4.6.4",
     .kind = EnvKind::word,
     .type = ValueType::word,
     .what = "a bulletin code (sel1, sel2, sel3, reb, seb, sseb, neb_<id>, nseb_<id>, idc_neb or idc_nseb)",
     .words = kBulletinWords,
     .word_prefixes = kNationalBulletinPrefixes},
    {.keyword = E::chan_list,
     .name = "chan_list",
     .section = "4.6.5",
     .kind = EnvKind::list,
     .type = ValueType::code,
     .what = "a channel code",
     .wildcard = Wildcard::pattern,
     .max_length = 3,
     .default_text = "*Z"},
    {.keyword = E::comm_list,
     .name = "comm_list",
     .section = "4.6.6",
     .kind = EnvKind::list,
     .type = ValueType::code,
     .what = "a communication link code",
     .wildcard = Wildcard::all_only,
     .default_text = "*",
     .idc = IdcSupport::requests_only},
    range(E::depth, "depth", "4.6.7", "a depth in km"),
    scalar(E::depth_conf, "depth_conf", "4.6.8", "a confidence level", "0.975", 0, 1),
    scalar(E::depth_kvalue, "depth_kvalue", "4.6.9", "a depth in km", "20.0", 0),
    range(E::depth_minus_error, "depth_minus_error", "4.6.10", "a depth in km"),
    scalar(E::depth_thresh, "depth_thresh", "4.6.11", "a depth in km", "10.0", 0),
    id_list(E::event_list, "event_list", "4.6.12", "an event id (evid)", Wildcard::all_only,
            EnvUse::request_only),
    range(E::event_sta_dist, "event_sta_dist", "4.6.13", "a distance in degrees", 0, 180),
    {.keyword = E::group_bull_list,
     .name = "group_bull_list",
     .section = "4.6.14",
     .kind = EnvKind::list,
     .type = ValueType::word,
     .what = "a bulletin code (sel1, sel2, sel3, reb, seb, sseb, neb_<id> or nseb_<id>)",
     .words = kGroupBulletinWords,
     .word_prefixes = kNationalBulletinPrefixes,
     .idc = IdcSupport::requests_only},
    scalar(E::hydro_cp_thresh, "hydro_cp_thresh", "4.6.15", "a cepstral peak threshold", "8.0"),
    scalar(E::hydro_te_thresh, "hydro_te_thresh", "4.6.16", "a total energy threshold in dB", "10.0"),
    range(E::lat, "lat", "4.6.17", "a latitude in degrees", -90, 90),
    scalar(E::loc_conf, "loc_conf", "4.6.18", "a confidence level", "0.90", 0, 1),
    range(E::lon, "lon", "4.6.19", "a longitude in degrees", -180, 180),
    range(E::mag, "mag", "4.6.20", "a magnitude"),
    {.keyword = E::mag_type,
     .name = "mag_type",
     .section = "4.6.21",
     .kind = EnvKind::list,
     .type = ValueType::word,
     .what = "a magnitude type (mb, Ms or ML)",
     .words = kMagTypes},
    {.keyword = E::magpref_mb,
     .name = "magpref_mb",
     .section = "4.6.22",
     .kind = EnvKind::word,
     .type = ValueType::word,
     .what = "an mb magtype (mb, mb_ave, mb_mle, ...)",
     .words = kMagprefMb,
     .word_prefixes = kMagprefMbPrefix,
     .default_text = "mb_ave"},
    {.keyword = E::magpref_ms,
     .name = "magpref_ms",
     .section = "4.6.23",
     .kind = EnvKind::word,
     .type = ValueType::word,
     .what = "an Ms magtype (ms_ave, ms_mle, ...)",
     .words = kMagprefMs,
     .word_prefixes = kMagprefMsPrefix,
     .default_text = "ms_ave"},
    scalar(E::mb_err, "mb_err", "4.6.24", "a standard deviation", "0.34", 0),
    range(E::mb_minus_ms, "mb_minus_ms", "4.6.25", "a magnitude difference"),
    scalar(E::mbms_conf, "mbms_conf", "4.6.26", "a confidence level", "0.975", 0, 1),
    {.keyword = E::mbms_slope,
     .name = "mbms_slope",
     .section = "4.6.27",
     .kind = EnvKind::scalar,
     .what = "a positive slope",
     .min = 0,
     .min_exclusive = true,
     .default_text = "1.25"},
    scalar(E::mbms_thresh, "mbms_thresh", "4.6.28", "a magnitude", "2.20"),
    scalar(E::min_dp_snr_pp, "min_dp_snr_pp", "4.6.29", "a signal-to-noise ratio", "2.0", 0),
    scalar(E::min_dp_snr_sp, "min_dp_snr_sp", "4.6.30", "a signal-to-noise ratio", "2.0", 0),
    scalar(E::min_mb, "min_mb", "4.6.31", "a magnitude", "3.5"),
    scalar(E::min_moveout_pp, "min_moveout_pp", "4.6.32", "a time in seconds", "1.5", 0),
    scalar(E::min_moveout_sp, "min_moveout_sp", "4.6.33", "a time in seconds", "1.5", 0),
    scalar(E::min_ndef, "min_ndef", "4.6.34", "a number of phases", "3", 0, kNoLimit, ValueType::integer),
    scalar(E::min_ndp_pp, "min_ndp_pp", "4.6.35", "a number of stations", "3", 0, kNoLimit,
           ValueType::integer),
    scalar(E::min_ndp_sp, "min_ndp_sp", "4.6.36", "a number of stations", "3", 0, kNoLimit,
           ValueType::integer),
    scalar(E::min_nsta_ms, "min_nsta_ms", "4.6.37", "a number of stations", "1", 1, kNoLimit,
           ValueType::integer),
    scalar(E::min_wdepth_thresh, "min_wdepth_thresh", "4.6.38", "a water depth in km", "0.5", 0),
    scalar(E::ms_err, "ms_err", "4.6.39", "a standard deviation", "0.23", 0),
    id_list(E::origin_list, "origin_list", "4.6.40", "an origin id (orid)", Wildcard::all_only,
            EnvUse::request_only),
    scalar(E::reg_conf, "reg_conf", "4.6.41", "a confidence level", "0.995", 0, 1),
    {.keyword = E::relative_to,
     .name = "relative_to",
     .section = "4.6.42",
     .kind = EnvKind::relative_to,
     .type = ValueType::word,
     .what = "origin, event or bulletin",
     .words = kRelativeTo,
     .idc = IdcSupport::nowhere},
    {.keyword = E::sta_list,
     .name = "sta_list",
     .section = "4.6.43",
     .kind = EnvKind::list,
     .type = ValueType::code,
     .what = "a station code",
     .wildcard = Wildcard::pattern,
     .max_length = 5,
     .default_text = "*"},
    {.keyword = E::time,
     .name = "time",
     .section = "4.6.44",
     .kind = EnvKind::time,
     .what = "a date and time (yyyy/mm/dd [hh:mm:ss.sss])",
     .use = EnvUse::request_only},
    {.keyword = E::time_stamp, .name = "time_stamp", .section = "4.6.45", .kind = EnvKind::flag},
    id_list(E::delivid_list, "delivid_list", "5.5.1", "a delivery id", Wildcard::none,
            EnvUse::subscription_only),
    id_list(E::prodid_list, "prodid_list", "5.5.2", "a product id", Wildcard::none,
            EnvUse::subscription_only),
    id_list(E::subscr_list, "subscr_list", "5.5.3", "a subscription id", Wildcard::none,
            EnvUse::subscription_only),
    {.keyword = E::subscr_name,
     .name = "subscr_name",
     .section = "5.5.4",
     .kind = EnvKind::list,
     .type = ValueType::code,
     .what = "the name of an IDC product",
     .use = EnvUse::subscription_only},
    legacy(scalar(E::min_dp_snr, "min_dp_snr", "4.6.29", "a signal-to-noise ratio", "", 0),
           {E::min_dp_snr_pp, E::min_dp_snr_sp}),
    legacy(scalar(E::min_moveout, "min_moveout", "4.6.32", "a time in seconds", "", 0),
           {E::min_moveout_pp, E::min_moveout_sp}),
    legacy(
        scalar(E::min_ndp, "min_ndp", "4.6.35", "a number of stations", "", 0, kNoLimit, ValueType::integer),
        {E::min_ndp_pp, E::min_ndp_sp}),
    legacy(scalar(E::reg_min_psnr, "reg_min_psnr", "4.6.41", "a signal-to-noise ratio", ""), {}),
    legacy(scalar(E::reg_min_ssnr, "reg_min_ssnr", "4.6.41", "a signal-to-noise ratio", ""), {}),
}};

constexpr bool env_table_in_enum_order() {
  for (std::size_t i = 0; i < kEnvSpecs.size(); ++i)
    if (static_cast<std::size_t>(kEnvSpecs[i].keyword) != i) return false;
  return true;
}
static_assert(env_table_in_enum_order());

// ---- request lines ----

using R = RequestKeyword;

constexpr std::array<Option, 5> kArrivalSubtypes = {
    {{"automatic"}, {"reviewed", false}, {"grouped", false}, {"associated"}, {"unassociated", false}}};
constexpr std::array<Option, 1> kResponseSubtypes = {{{"operational"}}};  // App. I.27 (digest 7 #45)
constexpr std::array<Option, 3> kBulletinSubformats = {{{"short"}, {"long", false}, {"sc3xml"}}};
constexpr std::array<Option, 5> kWaveformSubformats = {
    {{"int"}, {"cm6"}, {"cm8", false}, {"csf"}, {"ms_st2_512"}}};
constexpr std::array<Option, 1> kCommStatusSubformats = {{{"verbose"}}};

// With RELATIVE_TO, the BULLETIN environments restrict the waveforms (4.7.8).
constexpr EnvSet kRelativeToConstraints = kEventConstraints | EnvSet{E::bull_type, E::sta_list};

// Table 8 and Tables 10-11: every radionuclide line takes TIME (required in requests) and STA_LIST.
constexpr RequestSpec rn(R k, std::string_view name, std::string_view request_section,
                         std::string_view subscription_section) {
  return {.keyword = k,
          .name = name,
          .domain = Domain::radionuclide,
          .request_section = request_section,
          .subscription_section = subscription_section,
          .in_request = {.required = {E::time}, .optional = {E::sta_list, E::time_stamp}},
          .in_subscription = {.optional = {E::sta_list, E::time_stamp}}};
}

constexpr RequestSpec command(R k, std::string_view name, std::string_view section, EnvRequirements env) {
  return {.keyword = k,
          .name = name,
          .domain = Domain::subscription_command,
          .subscription_section = section,
          .in_subscription = env};
}

constexpr RequestSpec arrival_like(R k, std::string_view name, std::string_view request_section,
                                   std::optional<RequestKeyword> synonym_of) {
  return {
      .keyword = k,
      .name = name,
      .domain = Domain::shi,
      .request_section = request_section,
      .subscription_section = "5.6.6",
      .subtypes = kArrivalSubtypes,
      .default_subtype = "associated",
      .in_request = {.required = {E::bull_type, E::time},
                     .optional = {E::arrival_list, E::beam_list, E::chan_list, E::sta_list, E::time_stamp}},
      .in_subscription = {.required = {E::bull_type, E::sta_list}, .optional = {E::time_stamp}},
      .synonym_of = synonym_of};
}

// In enum order: request_spec() indexes it directly.
constexpr std::array kRequestSpecs = {
    rn(R::alert_flow, "alert_flow", "4.7.1", "5.6.1"),
    rn(R::alert_system, "alert_system", "4.7.2", "5.6.2"),
    rn(R::alert_temp, "alert_temp", "4.7.3", "5.6.3"),
    rn(R::alert_ups, "alert_ups", "4.7.4", "5.6.4"),
    rn(R::arr, "arr", "4.7.5", "5.6.5"),
    arrival_like(R::arrival, "arrival", "4.7.6", std::nullopt),
    RequestSpec{.keyword = R::auth_status,
                .name = "auth_status",
                .domain = Domain::shi,
                .request_section = "IV",
                .in_request = {.optional = {E::time_stamp}},
                .idc = IdcSupport::nowhere},
    rn(R::blankphd, "blankphd", "4.7.7", "5.1"),
    RequestSpec{.keyword = R::bulletin,
                .name = "bulletin",
                .domain = Domain::shi,
                .request_section = "4.7.8",
                .subscription_section = "5.6.7",
                .subformats = kBulletinSubformats,
                .default_subformat = "short",
                .in_request = {.required = {E::bull_type, E::time},
                               .optional = kEventConstraints | kScreeningEnvironments |
                                           EnvSet{E::arrival_list, E::event_list, E::group_bull_list,
                                                  E::origin_list, E::sta_list, E::time_stamp}},
                .in_subscription = {.required = {E::bull_type},
                                    .optional = kEventConstraints | kScreeningEnvironments |
                                                EnvSet{E::sta_list, E::time_stamp}}},
    rn(R::calibphd, "calibphd", "4.7.9", "5.6.8"),
    RequestSpec{
        .keyword = R::channel,
        .name = "channel",
        .domain = Domain::shi,
        .request_section = "4.7.10",
        .in_request = {.optional = {E::aux_list, E::chan_list, E::lat, E::lon, E::sta_list, E::time_stamp}},
        .idc_unsupported_environments = {E::lat, E::lon}},
    RequestSpec{.keyword = R::chan_status,
                .name = "chan_status",
                .domain = Domain::shi,
                .request_section = "4.7.11",
                .subscription_section = "5.6.10",
                .in_request = {.required = {E::time},
                               .optional = {E::aux_list, E::chan_list, E::sta_list, E::time_stamp}},
                .in_subscription = {.optional = {E::chan_list, E::sta_list, E::time_stamp}},
                .idc_days_only = true},
    RequestSpec{.keyword = R::comment,
                .name = "comment",
                .domain = Domain::shi,
                .request_section = "4.7.12",
                .in_request = {.one_of = {E::arrival_list, E::event_list, E::origin_list, E::sta_list},
                               .optional = {E::time, E::time_stamp}},
                .idc = IdcSupport::nowhere},
    RequestSpec{.keyword = R::comm_status,
                .name = "comm_status",
                .domain = Domain::shi,
                .request_section = "4.7.13",
                .subscription_section = "5.6.11",
                .subformats = kCommStatusSubformats,
                .in_request = {.required = {E::time}, .optional = {E::comm_list, E::time_stamp}},
                .in_subscription = {.optional = {E::comm_list, E::sta_list, E::time_stamp}},
                .idc = IdcSupport::requests_only},
    rn(R::detbkphd, "detbkphd", "4.7.14", "5.6.12"),
    RequestSpec{.keyword = R::event,
                .name = "event",
                .domain = Domain::shi,
                .request_section = "4.7.15",
                .subscription_section = "5.6.13",
                .in_request = {.required = {E::bull_type, E::time},
                               .optional = kEventConstraints | EnvSet{E::event_list, E::group_bull_list,
                                                                      E::sta_list, E::time_stamp}},
                .in_subscription = {.required = {E::bull_type},
                                    .optional = kEventConstraints | EnvSet{E::sta_list, E::time_stamp}}},
    RequestSpec{.keyword = R::execsum,
                .name = "execsum",
                .domain = Domain::shi,
                .request_section = "4.7.16",
                .in_request = {.required = {E::time},
                               .optional = EnvSet{E::depth, E::depth_minus_error, E::event_list,
                                                  E::event_sta_dist, E::lat, E::lon, E::mag, E::mag_type,
                                                  E::origin_list, E::sta_list, E::time_stamp}}},
    rn(R::gasbkphd, "gasbkphd", "4.7.17", "5.6.14"),
    rn(R::met, "met", "4.7.18", "5.6.15"),
    RequestSpec{.keyword = R::network,
                .name = "network",
                .domain = Domain::shi,
                .request_section = "4.7.19",
                .in_request = {.optional = {E::sta_list, E::time_stamp}},
                .idc = IdcSupport::nowhere},
    RequestSpec{
        .keyword = R::origin,
        .name = "origin",
        .domain = Domain::shi,
        .request_section = "4.7.20",
        .subscription_section = "5.6.16",
        .in_request = {.required = {E::bull_type, E::time},
                       .optional = kEventConstraints | EnvSet{E::origin_list, E::sta_list, E::time_stamp}},
        .in_subscription = {.required = {E::bull_type},
                            .optional = kEventConstraints | EnvSet{E::sta_list, E::time_stamp}}},
    RequestSpec{.keyword = R::outage,
                .name = "outage",
                .domain = Domain::shi,
                .request_section = "4.7.21",
                .in_request = {.required = {E::time},
                               .optional = {E::aux_list, E::chan_list, E::sta_list, E::time_stamp}}},
    rn(R::qcphd, "qcphd", "4.7.22", "5.6.17"),
    RequestSpec{.keyword = R::response,
                .name = "response",
                .domain = Domain::shi,
                .request_section = "4.7.23",
                .subtypes = kResponseSubtypes,
                .in_request = {.optional = {E::aux_list, E::chan_list, E::sta_list, E::time, E::time_stamp}}},
    rn(R::revsamp, "revsamp", "4.7.28", "5.6.22"),
    rn(R::rlr, "rlr", "4.7.24", "5.6.18"),
    rn(R::rmssoh, "rmssoh", "4.7.25", "5.6.19"),
    rn(R::rnps, "rnps", "4.7.26", "5.6.20"),
    rn(R::rrr, "rrr", "4.7.27", "5.6.21"),
    rn(R::sampml, "sampml", "4.7.28", "5.6.22"),
    arrival_like(R::slsd, "slsd", "4.7.29", R::arrival),
    rn(R::sphdf, "sphdf", "4.7.30", "5.6.23"),
    rn(R::sphdp, "sphdp", "4.7.30", "5.6.23"),
    rn(R::ssreb, "ssreb", "4.7.31", "5.6.24"),
    RequestSpec{.keyword = R::station,
                .name = "station",
                .domain = Domain::shi,
                .request_section = "4.7.32",
                .in_request = {.optional = {E::lat, E::lon, E::sta_list, E::time_stamp}},
                .idc_unsupported_environments = {E::lat, E::lon}},
    RequestSpec{.keyword = R::sta_status,
                .name = "sta_status",
                .domain = Domain::shi,
                .request_section = "4.7.33",
                .subscription_section = "5.6.25",
                .in_request = {.required = {E::time}, .optional = {E::aux_list, E::sta_list, E::time_stamp}},
                .in_subscription = {.optional = {E::sta_list, E::time_stamp}},
                .idc_days_only = true},
    RequestSpec{
        .keyword = R::waveform,
        .name = "waveform",
        .domain = Domain::shi,
        .request_section = "4.7.34",
        .subscription_section = "5.6.31",
        .subformats = kWaveformSubformats,
        .in_request = {.required = {E::time},
                       .optional = kRelativeToConstraints | EnvSet{E::aux_list, E::beam_list, E::chan_list,
                                                                   E::relative_to, E::time_stamp}},
        .in_subscription = {.required = {E::sta_list},
                            .optional = kRelativeToConstraints |
                                        EnvSet{E::chan_list, E::relative_to, E::time_stamp}}},
    command(R::change, "change", "5.6.9", {.one_of = kSelectorEnvironments}),
    command(R::subscribe, "subscribe", "5.6.26", {.required = {E::subscr_name}}),
    command(R::subscr_log, "subscr_log", "5.6.27", {.optional = kSelectorEnvironments}),
    command(R::subscr_prod, "subscr_prod", "5.6.28", {.optional = kSelectorEnvironments}),
    command(R::subscr_resend, "subscr_resend", "5.6.29",
            {.required = {E::delivid_list}, .one_of = kSelectorEnvironments}),
    command(R::unsubscribe, "unsubscribe", "5.6.30", {.one_of = kSelectorEnvironments}),
    RequestSpec{.keyword = R::help, .name = "help", .domain = Domain::help, .request_section = "4.2"},
};

constexpr bool request_table_in_enum_order() {
  for (std::size_t i = 0; i < kRequestSpecs.size(); ++i)
    if (static_cast<std::size_t>(kRequestSpecs[i].keyword) != i) return false;
  return kRequestSpecs.back().keyword == R::help;
}
static_assert(request_table_in_enum_order());

constexpr std::array<std::pair<std::string_view, Freq>, 4> kFreqNames = {{{"continuous", Freq::continuous},
                                                                          {"immediate", Freq::immediate},
                                                                          {"daily", Freq::daily},
                                                                          {"custom", Freq::custom}}};

}  // namespace

std::vector<EnvKeyword> EnvSet::keywords() const {
  std::vector<EnvKeyword> out;
  for (std::size_t i = 0; i < kEnvKeywordCount; ++i)
    if (contains(static_cast<EnvKeyword>(i))) out.push_back(static_cast<EnvKeyword>(i));
  return out;
}

const EnvSpec& env_spec(EnvKeyword keyword) {
  return kEnvSpecs[static_cast<std::size_t>(keyword)];
}

const EnvSpec* find_env(std::string_view name) {
  for (const auto& spec : kEnvSpecs)
    if (iequals(spec.name, name)) return &spec;
  return nullptr;
}

std::span<const EnvSpec> env_specs() {
  return kEnvSpecs;
}

const RequestSpec& request_spec(RequestKeyword keyword) {
  return kRequestSpecs[static_cast<std::size_t>(keyword)];
}

const RequestSpec* find_request(std::string_view name) {
  for (const auto& spec : kRequestSpecs)
    if (iequals(spec.name, name)) return &spec;
  return nullptr;
}

std::span<const RequestSpec> request_specs() {
  return kRequestSpecs;
}

RequestKeyword canonical(RequestKeyword keyword) {
  const auto& spec = request_spec(keyword);
  return spec.synonym_of ? *spec.synonym_of : keyword;
}

std::string_view freq_name(Freq freq) {
  for (auto [name, f] : kFreqNames)
    if (f == freq) return name;
  return "?";
}

std::optional<Freq> parse_freq(std::string_view word) {
  for (auto [name, f] : kFreqNames)
    if (iequals(name, word)) return f;
  return std::nullopt;
}

}  // namespace imsgate::ims2::request
