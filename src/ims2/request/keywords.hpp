// The keyword tables of requests and subscriptions (4.4-4.7, 5.4-5.6), declared once for every user.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace imsgate::ims2::request {

// Every environment keyword of 4.6 and 5.5, and the legacy names of Listing 5.13 (digest 7 #35).
enum class EnvKeyword : std::uint8_t {
  arrival_list,
  aux_list,
  beam_list,
  bull_type,
  chan_list,
  comm_list,
  depth,
  depth_conf,
  depth_kvalue,
  depth_minus_error,
  depth_thresh,
  event_list,
  event_sta_dist,
  group_bull_list,
  hydro_cp_thresh,
  hydro_te_thresh,
  lat,
  loc_conf,
  lon,
  mag,
  mag_type,
  magpref_mb,
  magpref_ms,
  mb_err,
  mb_minus_ms,
  mbms_conf,
  mbms_slope,
  mbms_thresh,
  min_dp_snr_pp,
  min_dp_snr_sp,
  min_mb,
  min_moveout_pp,
  min_moveout_sp,
  min_ndef,
  min_ndp_pp,
  min_ndp_sp,
  min_nsta_ms,
  min_wdepth_thresh,
  ms_err,
  origin_list,
  reg_conf,
  relative_to,
  sta_list,
  time,
  time_stamp,
  delivid_list,
  prodid_list,
  subscr_list,
  subscr_name,  // subscription environments (5.5.1-5.5.4)
  min_dp_snr,
  min_moveout,
  min_ndp,
  reg_min_psnr,
  reg_min_ssnr,  // legacy names
};
inline constexpr std::size_t kEnvKeywordCount = static_cast<std::size_t>(EnvKeyword::reg_min_ssnr) + 1;

// A set of environment keywords, small enough for constant tables.
class EnvSet {
 public:
  constexpr EnvSet() = default;
  constexpr EnvSet(std::initializer_list<EnvKeyword> keywords) {
    for (EnvKeyword k : keywords) bits_ |= bit(k);
  }
  constexpr bool contains(EnvKeyword k) const { return (bits_ & bit(k)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr EnvSet operator|(EnvSet other) const { return from_bits(bits_ | other.bits_); }
  std::vector<EnvKeyword> keywords() const;  // in enum order
  constexpr bool operator==(const EnvSet&) const = default;

 private:
  static constexpr std::uint64_t bit(EnvKeyword k) { return std::uint64_t{1} << static_cast<unsigned>(k); }
  static constexpr EnvSet from_bits(std::uint64_t bits) {
    EnvSet s;
    s.bits_ = bits;
    return s;
  }
  std::uint64_t bits_ = 0;
};
static_assert(kEnvKeywordCount <= 64);

// How an environment line's arguments are written (4.6).
enum class EnvKind {
  list,         // a1[, a2, ...]
  range,        // [low] to [high]
  scalar,       // one number
  word,         // one word from an allowed set
  flag,         // no argument: switches something on (TIME_STAMP)
  relative_to,  // one request keyword, in force for the next request line only (4.6.42)
  time,         // a time range (4.6.44)
};

// The type of list items, range limits and scalars.
enum class ValueType { integer, real, code, word };

enum class Wildcard {
  none,
  all_only,  // a lone '*' means all (ARRIVAL_LIST, EVENT_LIST, ...)
  pattern,   // '*' anywhere in an item stands for any string (STA_LIST, CHAN_LIST, AUX_LIST)
};

// In which message type an environment keyword may be written.
enum class EnvUse { both, request_only, subscription_only };

// Where the IDC supports a keyword or request line (Appendix IV).
enum class IdcSupport { everywhere, requests_only, nowhere };

inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

struct EnvSpec {
  EnvKeyword keyword;
  std::string_view name;     // lower case, as written
  std::string_view section;  // of the spec, for diagnostics
  EnvKind kind;
  ValueType type = ValueType::real;
  std::string_view what = {};  // one argument, for diagnostics: "a latitude in degrees"
  double min = -kNoLimit;      // value limits, inclusive unless min_exclusive
  double max = kNoLimit;
  bool min_exclusive = false;
  Wildcard wildcard = Wildcard::none;
  std::size_t max_length = 0;                            // of a code, wildcards not counted; 0: any
  std::span<const std::string_view> words = {};          // the allowed words, lower case
  std::span<const std::string_view> word_prefixes = {};  // words may also start with one of these
  std::string_view default_text = {};                    // the default as an argument; empty: no value
  EnvUse use = EnvUse::both;
  IdcSupport idc = IdcSupport::everywhere;
  EnvSet alias_of = {};  // a legacy name that sets these keywords
  bool legacy = false;   // a name from before the current revision (Listing 5.13)
};

const EnvSpec& env_spec(EnvKeyword keyword);
const EnvSpec* find_env(std::string_view name);  // case-insensitive; nullptr when unknown
std::span<const EnvSpec> env_specs();

// The 24 screening environments of national bulletins (4.7.8, 5.5).
inline constexpr EnvSet kScreeningEnvironments = {
    EnvKeyword::depth_conf,        EnvKeyword::depth_kvalue,    EnvKeyword::depth_thresh,
    EnvKeyword::hydro_cp_thresh,   EnvKeyword::hydro_te_thresh, EnvKeyword::loc_conf,
    EnvKeyword::magpref_mb,        EnvKeyword::magpref_ms,      EnvKeyword::mb_err,
    EnvKeyword::mbms_conf,         EnvKeyword::mbms_slope,      EnvKeyword::mbms_thresh,
    EnvKeyword::min_dp_snr_pp,     EnvKeyword::min_dp_snr_sp,   EnvKeyword::min_mb,
    EnvKeyword::min_moveout_pp,    EnvKeyword::min_moveout_sp,  EnvKeyword::min_ndef,
    EnvKeyword::min_ndp_pp,        EnvKeyword::min_ndp_sp,      EnvKeyword::min_nsta_ms,
    EnvKeyword::min_wdepth_thresh, EnvKeyword::ms_err,          EnvKeyword::reg_conf};

// The constraints on events of bulletin-type lines (BULLETIN, EVENT, ORIGIN; WAVEFORM with RELATIVE_TO).
inline constexpr EnvSet kEventConstraints = {EnvKeyword::depth,
                                             EnvKeyword::depth_minus_error,
                                             EnvKeyword::event_sta_dist,
                                             EnvKeyword::lat,
                                             EnvKeyword::lon,
                                             EnvKeyword::mag,
                                             EnvKeyword::mag_type,
                                             EnvKeyword::mb_minus_ms};

// SUBSCR_LIST, PRODID_LIST, SUBSCR_NAME: which subscriptions a command acts on (5.5.2-5.5.4).
inline constexpr EnvSet kSelectorEnvironments = {EnvKeyword::subscr_list, EnvKeyword::prodid_list,
                                                 EnvKeyword::subscr_name};

// Every request line of 4.7 and 5.6, including the subscription commands and HELP.
enum class RequestKeyword : std::uint8_t {
  alert_flow,
  alert_system,
  alert_temp,
  alert_ups,
  arr,
  arrival,
  auth_status,
  blankphd,
  bulletin,
  calibphd,
  channel,
  chan_status,
  comment,
  comm_status,
  detbkphd,
  event,
  execsum,
  gasbkphd,
  met,
  network,
  origin,
  outage,
  qcphd,
  response,
  revsamp,
  rlr,
  rmssoh,
  rnps,
  rrr,
  sampml,
  slsd,
  sphdf,
  sphdp,
  ssreb,
  station,
  sta_status,
  waveform,
  change,
  subscribe,
  subscr_log,
  subscr_prod,
  subscr_resend,
  unsubscribe,
  help,
};

enum class Domain { shi, radionuclide, subscription_command, help };

// A subtype or sub_format, and whether the IDC supports it (Appendix IV).
struct Option {
  std::string_view name;  // lower case
  bool idc_supported = true;
};

// The environments of one request line in one message type (Tables 7-11 as rebuilt in the digest).
struct EnvRequirements {
  EnvSet required = {};  // must be given explicitly
  EnvSet one_of = {};    // at least one of them must be given
  EnvSet optional = {};  // apply when given
  EnvSet applicable() const { return required | one_of | optional; }
};

struct RequestSpec {
  RequestKeyword keyword;
  std::string_view name;  // lower case, as written
  Domain domain;
  std::string_view request_section = {};       // empty: not a line of request messages
  std::string_view subscription_section = {};  // empty: not a line of subscription messages
  std::span<const Option> subtypes = {};
  std::string_view default_subtype = {};
  std::span<const Option> subformats = {};
  std::string_view default_subformat = {};
  EnvRequirements in_request = {};
  EnvRequirements in_subscription = {};
  IdcSupport idc = IdcSupport::everywhere;
  EnvSet idc_unsupported_environments = {};  // with this line in requests (STATION/LAT, ...; Appendix IV)
  bool idc_days_only = false;                // the IDC reads its TIME in whole days (Appendix IV)
  std::optional<RequestKeyword> synonym_of = std::nullopt;  // SLSD is ARRIVAL (4.7.29)

  bool takes_format() const { return domain == Domain::shi || domain == Domain::radionuclide; }
};

const RequestSpec& request_spec(RequestKeyword keyword);
const RequestSpec* find_request(std::string_view name);  // case-insensitive; nullptr when unknown
std::span<const RequestSpec> request_specs();
// The keyword a synonym stands for (SLSD: ARRIVAL); the keyword itself otherwise.
RequestKeyword canonical(RequestKeyword keyword);

// The one format of request lines (4.7); the BEGIN format applies when none is written.
inline constexpr std::string_view kFormatIms20 = "ims2.0";

// Control lines (4.4, 4.5, 5.4).
inline constexpr std::string_view kEmailKeyword = "e-mail";
inline constexpr std::string_view kAckKeyword = "ack";
inline constexpr std::string_view kFreqKeyword = "freq";
inline constexpr std::string_view kTimeKeyword = "time";
inline constexpr std::string_view kHelpKeyword = "help";
inline constexpr std::string_view kToWord = "to";

// FREQ values (5.4.1); CUSTOM is the IDC-unsupported "user-specified frequency" (digest 7 #22).
enum class Freq { continuous, immediate, daily, custom };
inline constexpr Freq kDefaultFreq = Freq::daily;
std::string_view freq_name(Freq freq);  // lower case
std::optional<Freq> parse_freq(std::string_view word);

// The spec section of Appendix IV, cited by every "not supported at the IDC" warning.
inline constexpr std::string_view kUnsupportedRule = "IV";

}  // namespace imsgate::ims2::request
