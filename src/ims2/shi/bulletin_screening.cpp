#include "ims2/shi/bulletin_screening.hpp"

#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout.hpp"
#include "ims2/shi/layout_read.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

constexpr std::string_view kRule = "6.4.2";
constexpr std::string_view kTable44 = "Table 44";
constexpr std::string_view kTable45 = "Table 45";
using C = TokenClass;
using layout::Label;

constexpr Field kStation = text_field(1, 5, "station");
constexpr Field kPhase = text_field(7, 11, "associated phase");

namespace summary {
constexpr Field kCategory = text_field(1, 2, "screening category");
constexpr Field kSlash = text_field(3, 3, "'/'");
constexpr Field kLocation = text_field(4, 8, "onshore/offshore");
// "SO/Offsh" is one token when the line's blanks were collapsed.
constexpr Field kCategoryLocation = text_field(1, 8, "screening category/location");
constexpr Field kScore = real_field(10, 15, 2, "combined screening score");
constexpr Field kDepthScore = real_field(17, 22, 2, "depth screening score");
constexpr Field kMbMsScore = real_field(24, 29, 2, "mb-Ms screening score");
constexpr Field kRegionalScore = real_field(31, 36, 2, "regional seismic score");
constexpr Field kHydroScore = real_field(38, 43, 2, "hydroacoustic screening score");
constexpr Field kSemiMajor = real_field(45, 51, 1, "scaled semi-major axis");
constexpr Field kSemiMinor = real_field(53, 59, 1, "scaled semi-minor axis");
constexpr Field kDepth = real_field(61, 65, 1, "depth estimate");
constexpr Field kDepthConf = real_field(67, 71, 1, "depth confidence interval");
constexpr Field kMbMs = real_field(73, 77, 2, "A*mb-Ms");
constexpr Field kMbMsConf = real_field(79, 83, 2, "A*mb-Ms confidence interval");
constexpr Field kOffshore = real_field(93, 96, 2, "offshore fraction");
constexpr Field kWaterDepth = real_field(98, 102, 0, "minimum water depth");
constexpr Field kClearPath = integer_field(106, 106, "clear path flag");
constexpr std::array<TokenSlot, 15> kSlots = {{{&kCategoryLocation, C::any, kRequired},
                                               {&kScore, C::number, 2},
                                               {&kDepthScore, C::number, 2},
                                               {&kMbMsScore, C::number, 2},
                                               {&kRegionalScore, C::number, 2},
                                               {&kHydroScore, C::number, 2},
                                               {&kSemiMajor, C::number, 2},
                                               {&kSemiMinor, C::number, 2},
                                               {&kDepth, C::number, 2},
                                               {&kDepthConf, C::number, 2},
                                               {&kMbMs, C::number, 2},
                                               {&kMbMsConf, C::number, 2},
                                               {&kOffshore, C::number, 2},
                                               {&kWaterDepth, C::number, 2},
                                               {&kClearPath, C::number, 2}}};
}  // namespace summary

namespace hydro {
constexpr Field kCepstralPeak = real_field(8, 13, 2, "cepstral peak");
constexpr Field kSnr = real_field(15, 20, 2, "SNR of the total energy");
constexpr Field kNoise = real_field(22, 27, 2, "noise of the total energy");
constexpr std::array<TokenSlot, 4> kSlots = {{{&kStation, C::any, kRequired},
                                              {&kCepstralPeak, C::number, 2},
                                              {&kSnr, C::number, 2},
                                              {&kNoise, C::number, 2}}};
}  // namespace hydro

namespace regional {
constexpr Field kPnsmax = real_field(8, 13, 2, "pnsmax");
constexpr Field kCorrection = real_field(15, 20, 2, "pnsmax correction");
constexpr Field kError = real_field(22, 27, 2, "pnsmax error");
constexpr std::array<TokenSlot, 4> kSlots = {{{&kStation, C::any, kRequired},
                                              {&kPnsmax, C::number, 2},
                                              {&kCorrection, C::number, 2},
                                              {&kError, C::number, 2}}};
}  // namespace regional

namespace cepstral {
constexpr Field kAmplitude = real_field(8, 14, 5, "peak amplitude");
constexpr Field kQuefrency = real_field(16, 23, 4, "peak quefrency");
constexpr std::array<TokenSlot, 3> kSlots = {
    {{&kStation, C::any, kRequired}, {&kAmplitude, C::number, 2}, {&kQuefrency, C::number, 2}}};
}  // namespace cepstral

namespace energy {
constexpr Field kRatio = real_field(8, 17, 8, "energy ratio");
constexpr std::array<TokenSlot, 2> kSlots = {{{&kStation, C::any, kRequired}, {&kRatio, C::number, 2}}};
}  // namespace energy

// Four bands a block: band k's columns are 20 k to the right of band 0's.
namespace amplitude {
constexpr Field kNumber = integer_field(44, 46, "block number");
constexpr Field kTotal = integer_field(51, 53, "number of blocks");
constexpr Field band_min(int k) {
  return real_field(17 + 20 * k, 22 + 20 * k, 1, "band minimum frequency");
}
constexpr Field band_to(int k) {
  return text_field(24 + 20 * k, 25 + 20 * k, "'to'");
}
constexpr Field band_max(int k) {
  return real_field(27 + 20 * k, 32 + 20 * k, 1, "band maximum frequency");
}
constexpr Field amp(int k) {
  return real_field(12 + 20 * k, 20 + 20 * k, 1, "band amplitude");
}
constexpr Field snr(int k) {
  return real_field(26 + 20 * k, 30 + 20 * k, 1, "band SNR");
}
constexpr std::array<Field, 4> kMin = {band_min(0), band_min(1), band_min(2), band_min(3)};
constexpr std::array<Field, 4> kTo = {band_to(0), band_to(1), band_to(2), band_to(3)};
constexpr std::array<Field, 4> kMax = {band_max(0), band_max(1), band_max(2), band_max(3)};
constexpr std::array<Field, 4> kAmp = {amp(0), amp(1), amp(2), amp(3)};
constexpr std::array<Field, 4> kSnr = {snr(0), snr(1), snr(2), snr(3)};
constexpr auto kBandSlots = [] {
  std::array<TokenSlot, 12> s{};
  for (std::size_t k = 0; k < 4; ++k) {
    s[3 * k] = {&kMin[k], C::number, 2};
    s[3 * k + 1] = {&kTo[k], C::word, 2};
    s[3 * k + 2] = {&kMax[k], C::number, 2};
  }
  return s;
}();
constexpr auto kRowSlots = [] {
  std::array<TokenSlot, 10> s{};
  s[0] = {&kStation, C::any, kRequired};
  s[1] = {&kPhase, C::word, 2};
  for (std::size_t k = 0; k < 4; ++k) {
    s[2 + 2 * k] = {&kAmp[k], C::number, 2};
    s[3 + 2 * k] = {&kSnr[k], C::number, 2};
  }
  return s;
}();
}  // namespace amplitude

namespace spectral {
constexpr Field kMinFreq = real_field(13, 19, 2, "minimum frequency");
constexpr Field kMaxFreq = real_field(21, 27, 2, "maximum frequency");
constexpr Field kVariance = real_field(30, 41, 6, "spectral variance");
constexpr std::array<TokenSlot, 5> kSlots = {{{&kStation, C::any, kRequired},
                                              {&kPhase, C::word, 2},
                                              {&kMinFreq, C::number, 2},
                                              {&kMaxFreq, C::number, 2},
                                              {&kVariance, C::number, 2}}};
}  // namespace spectral

namespace complexity {
constexpr Field kComplexity = real_field(13, 23, 4, "complexity");
constexpr Field kSnr = real_field(25, 34, 4, "SNR of complexity");
constexpr std::array<TokenSlot, 4> kSlots = {{{&kStation, C::any, kRequired},
                                              {&kPhase, C::word, 2},
                                              {&kComplexity, C::number, 2},
                                              {&kSnr, C::number, 2}}};
}  // namespace complexity

namespace third_moment {
constexpr Field kValue = real_field(7, 14, 1, "third moment of frequency");
constexpr std::array<TokenSlot, 2> kSlots = {{{&kStation, C::any, kRequired}, {&kValue, C::number, 2}}};
}  // namespace third_moment

namespace time_frequency {
constexpr Field kBadPoints = real_field(9, 14, 4, "zavpct");
constexpr Field kCepstrum = real_field(20, 25, 1, "zavcep");
constexpr Field kCorrelation = real_field(31, 35, 3, "zavcor");
constexpr std::array<TokenSlot, 4> kSlots = {{{&kStation, C::any, kRequired},
                                              {&kBadPoints, C::number, 2},
                                              {&kCepstrum, C::number, 2},
                                              {&kCorrelation, C::number, 2}}};
}  // namespace time_frequency

struct Title {
  ScreeningSubBlock part;
  std::string_view text;
};
constexpr std::array<Title, 10> kTitles = {{
    {ScreeningSubBlock::summary, "EVENT SCREENING"},
    {ScreeningSubBlock::hydroacoustic, "HYDROACOUSTIC SCREENING"},
    {ScreeningSubBlock::regional, "REGIONAL SCREENING"},
    {ScreeningSubBlock::cepstral_peak, "CEPSTRAL PEAK ANALYSIS"},
    {ScreeningSubBlock::energy_ratio, "SHORT-PERIOD/LONG-PERIOD ENERGY RATIO"},
    {ScreeningSubBlock::phase_amplitude, "FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK"},
    {ScreeningSubBlock::spectral_variance, "SPECTRAL VARIANCE OF THE DETRENDED LOG SPECTRUM"},
    {ScreeningSubBlock::complexity, "COMPLEXITY"},
    {ScreeningSubBlock::third_moment, "THIRD MOMENT of FREQUENCY"},
    {ScreeningSubBlock::time_frequency, "TIME FREQUENCY PARAMETERS"},
}};

std::string_view title_of(ScreeningSubBlock part) {
  for (const Title& t : kTitles)
    if (t.part == part) return t.text;
  return {};
}

// The column titles as the tables place them.
std::string header_of(ScreeningSubBlock part) {
  using layout::header_line;
  switch (part) {
    case ScreeningSubBlock::summary:
      return header_line({{1, "Category"},
                          {11, "Score"},
                          {17, "Dscore"},
                          {24, "Mscore"},
                          {31, "Rscore"},
                          {38, "Hscore"},
                          {45, "Smaj_sc"},
                          {53, "Smin_sc"},
                          {61, "Depth"},
                          {68, "Sdep"},
                          {74, "mbms"},
                          {79, "Smbms"},
                          {91, "Foffsh"},
                          {98, "MinWD"},
                          {104, "Clr"}});
    case ScreeningSubBlock::hydroacoustic:
      return header_line({{1, "sta"}, {8, "cps8"}, {15, "snr7"}, {22, "noi7"}});
    case ScreeningSubBlock::regional:
      return header_line({{1, "sta"}, {8, "pnsmax"}, {17, "corr"}, {25, "err"}});
    case ScreeningSubBlock::cepstral_peak:
      return header_line({{1, "Sta"}, {8, "PeakAmp"}, {16, "PeakQuef"}});
    case ScreeningSubBlock::energy_ratio:
      return header_line({{1, "Sta"}, {13, "Ratio"}});
    case ScreeningSubBlock::phase_amplitude:
      return header_line({{1, "Sta"},
                          {7, "Phase"},
                          {18, "Amp"},
                          {28, "SNR"},
                          {38, "Amp"},
                          {48, "SNR"},
                          {58, "Amp"},
                          {68, "SNR"},
                          {78, "Amp"},
                          {88, "SNR"}});
    case ScreeningSubBlock::spectral_variance:
      return header_line({{1, "Sta"}, {7, "Phase"}, {13, "MinFreq"}, {21, "MaxFreq"}, {35, "SpecVar"}});
    case ScreeningSubBlock::complexity:
      return header_line({{1, "Sta"}, {7, "Phase"}, {14, "Complexity"}, {32, "SNR"}});
    case ScreeningSubBlock::third_moment:
      return header_line({{1, "Sta"}, {12, "TMF"}});
    case ScreeningSubBlock::time_frequency:
      return header_line({{1, "Sta"}, {9, "zavpct"}, {20, "zavcep"}, {31, "zavcor"}});
  }
  return {};
}

void require_station(const std::string& station, const Line& line, Diagnostics& d) {
  layout::require(!station.empty(), line, kStation, d, kRule);
}

ScreeningSummary read_summary(const Line& line, Diagnostics& d) {
  using namespace summary;
  FieldReader r(line, d, kRule);
  ScreeningSummary s;
  s.category = r.text(kCategory);
  if (const std::string slash = r.text(kSlash); !slash.empty() && slash != "/")
    d.error({line.number, kSlash.first}, "column 3 of the screening summary is not '/'", std::string(kRule));
  s.location = r.text(kLocation);
  s.score = r.real(kScore);
  s.depth_score = r.real(kDepthScore);
  s.mb_ms_score = r.real(kMbMsScore);
  s.regional_score = r.real(kRegionalScore);
  s.hydroacoustic_score = r.real(kHydroScore);
  s.scaled_semi_major = r.real(kSemiMajor);
  s.scaled_semi_minor = r.real(kSemiMinor);
  s.depth = r.real(kDepth);
  s.depth_confidence = r.real(kDepthConf);
  s.mb_ms = r.real(kMbMs);
  s.mb_ms_confidence = r.real(kMbMsConf);
  s.offshore_fraction = r.real(kOffshore);
  s.minimum_water_depth = r.real(kWaterDepth);
  if (auto clear = r.integer(kClearPath)) {
    if (*clear == 0 || *clear == 1)
      s.clear_path = *clear == 1;
    else
      d.error({line.number, kClearPath.first}, "clear path flag is neither 1 nor 0", std::string(kRule));
  }
  layout::require(!s.category.empty(), line, kCategory, d, kRule);
  return s;
}

void write_row(FieldWriter& w, const ScreeningSummary& s) {
  using namespace summary;
  w.text(kCategory, s.category);
  if (!s.category.empty() || !s.location.empty()) w.literal(kSlash.first, "/");
  w.text(kLocation, s.location);
  w.real(kScore, s.score);
  w.real(kDepthScore, s.depth_score);
  w.real(kMbMsScore, s.mb_ms_score);
  w.real(kRegionalScore, s.regional_score);
  w.real(kHydroScore, s.hydroacoustic_score);
  w.real(kSemiMajor, s.scaled_semi_major);
  w.real(kSemiMinor, s.scaled_semi_minor);
  w.real(kDepth, s.depth);
  w.real(kDepthConf, s.depth_confidence);
  w.real(kMbMs, s.mb_ms);
  w.real(kMbMsConf, s.mb_ms_confidence);
  w.real(kOffshore, s.offshore_fraction);
  w.real(kWaterDepth, s.minimum_water_depth);
  if (s.clear_path) w.integer(kClearPath, *s.clear_path ? 1 : 0);
}

HydroacousticScreening read_hydro(const Line& line, Diagnostics& d) {
  using namespace hydro;
  FieldReader r(line, d, kRule);
  HydroacousticScreening h{r.text(kStation), r.real(kCepstralPeak), r.real(kSnr), r.real(kNoise)};
  require_station(h.station, line, d);
  return h;
}

void write_row(FieldWriter& w, const HydroacousticScreening& h) {
  using namespace hydro;
  w.text(kStation, h.station);
  w.real(kCepstralPeak, h.cepstral_peak);
  w.real(kSnr, h.snr);
  w.real(kNoise, h.noise);
}

RegionalScreening read_regional(const Line& line, Diagnostics& d) {
  using namespace regional;
  FieldReader r(line, d, kRule);
  RegionalScreening g{r.text(kStation), r.real(kPnsmax), r.real(kCorrection), r.real(kError)};
  require_station(g.station, line, d);
  return g;
}

void write_row(FieldWriter& w, const RegionalScreening& g) {
  using namespace regional;
  w.text(kStation, g.station);
  w.real(kPnsmax, g.pnsmax);
  w.real(kCorrection, g.correction);
  w.real(kError, g.error);
}

CepstralPeak read_cepstral(const Line& line, Diagnostics& d) {
  using namespace cepstral;
  FieldReader r(line, d, kRule);
  CepstralPeak p{r.text(kStation), r.real(kAmplitude), r.real(kQuefrency)};
  require_station(p.station, line, d);
  return p;
}

void write_row(FieldWriter& w, const CepstralPeak& p) {
  using namespace cepstral;
  w.text(kStation, p.station);
  w.real(kAmplitude, p.amplitude);
  w.real(kQuefrency, p.quefrency);
}

EnergyRatio read_energy(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  EnergyRatio e{r.text(kStation), r.real(energy::kRatio)};
  require_station(e.station, line, d);
  return e;
}

void write_row(FieldWriter& w, const EnergyRatio& e) {
  w.text(kStation, e.station);
  w.real(energy::kRatio, e.ratio);
}

// The band line has no station: its first value is right of the phase column, or its second word is "to".
bool is_band_line(std::string_view text) {
  const auto tokens = split_tokens(text);
  return !tokens.empty() &&
         (tokens[0].column > kPhase.last || (tokens.size() > 1 && iequals(tokens[1].text, "to")));
}

std::array<FrequencyBand, 4> read_bands(const Line& line, Diagnostics& d) {
  using namespace amplitude;
  FieldReader r(line, d, kRule);
  std::array<FrequencyBand, 4> bands;
  for (std::size_t k = 0; k < bands.size(); ++k) {
    bands[k] = {r.real(kMin[k]), r.real(kMax[k])};
    if (const std::string to = r.text(kTo[k]); !to.empty() && !iequals(to, "to"))
      d.error({line.number, kTo[k].first}, "frequency band bounds are separated by 'to'", std::string(kRule));
  }
  return bands;
}

void write_bands(FieldWriter& w, const std::array<FrequencyBand, 4>& bands) {
  using namespace amplitude;
  for (std::size_t k = 0; k < bands.size(); ++k) {
    w.real(kMin[k], bands[k].min);
    if (bands[k].min || bands[k].max) w.literal(kTo[k].first, "to");
    w.real(kMax[k], bands[k].max);
  }
}

PhaseAmplitudes read_amplitudes(const Line& line, Diagnostics& d) {
  using namespace amplitude;
  FieldReader r(line, d, kRule);
  PhaseAmplitudes p{r.text(kStation), r.text(kPhase), {}};
  for (std::size_t k = 0; k < p.bands.size(); ++k) p.bands[k] = {r.real(kAmp[k]), r.real(kSnr[k])};
  require_station(p.station, line, d);
  return p;
}

void write_row(FieldWriter& w, const PhaseAmplitudes& p) {
  using namespace amplitude;
  w.text(kStation, p.station);
  w.text(kPhase, p.phase);
  for (std::size_t k = 0; k < p.bands.size(); ++k) {
    w.real(kAmp[k], p.bands[k].amplitude);
    w.real(kSnr[k], p.bands[k].snr);
  }
}

// "FREQUENCY-DEPENDENT PHASE AMPLITUDE BLOCK i of n", read by its words.
PhaseAmplitudeBlock read_amplitude_title(const Line& line, Diagnostics& d) {
  PhaseAmplitudeBlock b;
  const auto tokens = split_tokens(line.text);
  constexpr std::size_t kTitleWords = 4;
  if (tokens.size() == kTitleWords) return b;
  if (tokens.size() == kTitleWords + 3 && iequals(tokens[kTitleWords + 1].text, "of")) {
    b.number = parse_integer(tokens[kTitleWords].text);
    b.total = parse_integer(tokens[kTitleWords + 2].text);
    if (b.number && b.total) return b;
  }
  d.error({line.number, tokens.size() > kTitleWords ? tokens[kTitleWords].column : 1},
          "the frequency-dependent block title ends in 'i of n'", std::string(kRule));
  return {};
}

tl::expected<std::string, std::string> write_amplitude_title(const PhaseAmplitudeBlock& b) {
  using namespace amplitude;
  if (b.number.has_value() != b.total.has_value())
    return tl::unexpected(std::string("frequency-dependent block: its number and the total go together"));
  FieldWriter w;
  w.literal(1, title_of(ScreeningSubBlock::phase_amplitude));
  w.integer(kNumber, b.number);
  if (b.number) w.literal(48, "of");
  w.integer(kTotal, b.total);
  return w.finish();
}

SpectralVariance read_spectral(const Line& line, Diagnostics& d) {
  using namespace spectral;
  FieldReader r(line, d, kRule);
  SpectralVariance s{r.text(kStation), r.text(kPhase), r.real(kMinFreq), r.real(kMaxFreq), r.real(kVariance)};
  require_station(s.station, line, d);
  return s;
}

void write_row(FieldWriter& w, const SpectralVariance& s) {
  using namespace spectral;
  w.text(kStation, s.station);
  w.text(kPhase, s.phase);
  w.real(kMinFreq, s.min_frequency);
  w.real(kMaxFreq, s.max_frequency);
  w.real(kVariance, s.variance);
}

Complexity read_complexity(const Line& line, Diagnostics& d) {
  using namespace complexity;
  FieldReader r(line, d, kRule);
  Complexity c{r.text(kStation), r.text(kPhase), r.real(kComplexity), r.real(kSnr)};
  require_station(c.station, line, d);
  return c;
}

void write_row(FieldWriter& w, const Complexity& c) {
  using namespace complexity;
  w.text(kStation, c.station);
  w.text(kPhase, c.phase);
  w.real(kComplexity, c.complexity);
  w.real(kSnr, c.snr);
}

ThirdMoment read_third_moment(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  ThirdMoment t{r.text(kStation), r.real(third_moment::kValue)};
  require_station(t.station, line, d);
  return t;
}

void write_row(FieldWriter& w, const ThirdMoment& t) {
  w.text(kStation, t.station);
  w.real(third_moment::kValue, t.value);
}

TimeFrequency read_time_frequency(const Line& line, Diagnostics& d) {
  using namespace time_frequency;
  FieldReader r(line, d, kRule);
  TimeFrequency t{r.text(kStation), r.real(kBadPoints), r.real(kCepstrum), r.real(kCorrelation)};
  require_station(t.station, line, d);
  return t;
}

void write_row(FieldWriter& w, const TimeFrequency& t) {
  using namespace time_frequency;
  w.text(kStation, t.station);
  w.real(kBadPoints, t.bad_point_ratio);
  w.real(kCepstrum, t.cepstrum_maximum);
  w.real(kCorrelation, t.autocorrelation);
}

// One data line read by its columns, or realigned from its tokens; nothing when it could not be read.
template <std::size_t N, class Read>
auto read_row(const Line& line, const std::array<TokenSlot, N>& slots, std::string_view table, Diagnostics& d,
              Read read) -> std::optional<decltype(read(line, d))> {
  Diagnostics local;
  auto row = read_tolerant(line, slots, kRule, table, local, read);
  d.append(local);
  if (local.has_errors()) return std::nullopt;
  return row;
}

template <class Row, std::size_t N, class Read>
void add_row(std::vector<Row>& rows, const Line& line, const std::array<TokenSlot, N>& slots,
             std::string_view table, Diagnostics& d, Read read) {
  if (auto row = read_row(line, slots, table, d, read)) rows.push_back(std::move(*row));
}

// Title, column titles, data lines and the blank line that ends a sub-block.
template <class Row>
void write_sub_block(layout::TextBuilder& out, ScreeningSubBlock part, const std::vector<Row>& rows) {
  out.add(title_of(part));
  out.add(header_of(part));
  for (const Row& row : rows) {
    FieldWriter w;
    write_row(w, row);
    out.add(w);
  }
  out.add("");
}

template <class Row>
void write_sub_block(layout::TextBuilder& out, ScreeningSubBlock part,
                     const std::optional<std::vector<Row>>& rows) {
  if (rows) write_sub_block(out, part, *rows);
}

}  // namespace

std::optional<ScreeningSubBlock> screening_title(std::string_view line) {
  const std::string_view t = trim(line);
  for (const Title& title : kTitles)
    if (istarts_with(t, title.text) && (t.size() == title.text.size() || is_blank(t[title.text.size()])))
      return title.part;
  return std::nullopt;
}

void open_screening_sub_block(ScreeningSubBlock part, const Line& title, EventScreening& screening,
                              EventCharacterization& characterization, Diagnostics& diagnostics) {
  EventCharacterization& c = characterization;
  switch (part) {
    case ScreeningSubBlock::summary:
      if (!screening.summary) screening.summary.emplace();
      return;
    case ScreeningSubBlock::hydroacoustic:
      if (!screening.hydroacoustic) screening.hydroacoustic.emplace();
      return;
    case ScreeningSubBlock::regional:
      if (!screening.regional) screening.regional.emplace();
      return;
    case ScreeningSubBlock::cepstral_peak:
      if (!c.cepstral_peaks) c.cepstral_peaks.emplace();
      return;
    case ScreeningSubBlock::energy_ratio:
      if (!c.energy_ratios) c.energy_ratios.emplace();
      return;
    case ScreeningSubBlock::phase_amplitude:
      c.phase_amplitudes.push_back(read_amplitude_title(title, diagnostics));
      return;
    case ScreeningSubBlock::spectral_variance:
      if (!c.spectral_variances) c.spectral_variances.emplace();
      return;
    case ScreeningSubBlock::complexity:
      if (!c.complexities) c.complexities.emplace();
      return;
    case ScreeningSubBlock::third_moment:
      if (!c.third_moments) c.third_moments.emplace();
      return;
    case ScreeningSubBlock::time_frequency:
      if (!c.time_frequencies) c.time_frequencies.emplace();
      return;
  }
}

void read_screening_line(ScreeningSubBlock part, const Line& line, EventScreening& screening,
                         EventCharacterization& characterization, Diagnostics& d) {
  if (is_column_title(line.text, header_of(part))) return;
  EventCharacterization& c = characterization;
  switch (part) {
    case ScreeningSubBlock::summary:
      if (auto s = read_row(line, summary::kSlots, kTable44, d, read_summary)) {
        if (*screening.summary != ScreeningSummary{})
          d.error({line.number, 1}, "a second summary line in one event screening block", std::string(kRule));
        else
          *screening.summary = std::move(*s);
      }
      return;
    case ScreeningSubBlock::hydroacoustic:
      return add_row(*screening.hydroacoustic, line, hydro::kSlots, kTable44, d, read_hydro);
    case ScreeningSubBlock::regional:
      return add_row(*screening.regional, line, regional::kSlots, kTable44, d, read_regional);
    case ScreeningSubBlock::cepstral_peak:
      return add_row(*c.cepstral_peaks, line, cepstral::kSlots, kTable45, d, read_cepstral);
    case ScreeningSubBlock::energy_ratio:
      return add_row(*c.energy_ratios, line, energy::kSlots, kTable45, d, read_energy);
    case ScreeningSubBlock::phase_amplitude: {
      PhaseAmplitudeBlock& b = c.phase_amplitudes.back();
      if (!is_band_line(line.text))
        return add_row(b.rows, line, amplitude::kRowSlots, kTable45, d, read_amplitudes);
      if (auto bands = read_row(line, amplitude::kBandSlots, kTable45, d, read_bands)) {
        if (b.bands != std::array<FrequencyBand, 4>{})
          d.error({line.number, 1}, "a second frequency band line in one block", std::string(kRule));
        else
          b.bands = *bands;
      }
      return;
    }
    case ScreeningSubBlock::spectral_variance:
      return add_row(*c.spectral_variances, line, spectral::kSlots, kTable45, d, read_spectral);
    case ScreeningSubBlock::complexity:
      return add_row(*c.complexities, line, complexity::kSlots, kTable45, d, read_complexity);
    case ScreeningSubBlock::third_moment:
      return add_row(*c.third_moments, line, third_moment::kSlots, kTable45, d, read_third_moment);
    case ScreeningSubBlock::time_frequency:
      return add_row(*c.time_frequencies, line, time_frequency::kSlots, kTable45, d, read_time_frequency);
  }
}

tl::expected<std::string, std::string> write_event_screening(const EventScreening& screening) {
  layout::TextBuilder out;
  if (screening.summary) {
    out.add(title_of(ScreeningSubBlock::summary));
    out.add(header_of(ScreeningSubBlock::summary));
    if (*screening.summary != ScreeningSummary{}) {
      FieldWriter w;
      write_row(w, *screening.summary);
      out.add(w);
    }
    out.add("");
  }
  write_sub_block(out, ScreeningSubBlock::hydroacoustic, screening.hydroacoustic);
  write_sub_block(out, ScreeningSubBlock::regional, screening.regional);
  return out.finish();
}

tl::expected<std::string, std::string> write_event_characterization(const EventCharacterization& c) {
  layout::TextBuilder out;
  write_sub_block(out, ScreeningSubBlock::cepstral_peak, c.cepstral_peaks);
  write_sub_block(out, ScreeningSubBlock::energy_ratio, c.energy_ratios);
  for (const PhaseAmplitudeBlock& b : c.phase_amplitudes) {
    auto title = write_amplitude_title(b);
    if (!title) return title;
    out.add(*title);
    out.add(header_of(ScreeningSubBlock::phase_amplitude));
    if (b.bands != std::array<FrequencyBand, 4>{}) {
      FieldWriter w;
      write_bands(w, b.bands);
      out.add(w);
    }
    for (const PhaseAmplitudes& row : b.rows) {
      FieldWriter w;
      write_row(w, row);
      out.add(w);
    }
    out.add("");
  }
  write_sub_block(out, ScreeningSubBlock::spectral_variance, c.spectral_variances);
  write_sub_block(out, ScreeningSubBlock::complexity, c.complexities);
  write_sub_block(out, ScreeningSubBlock::third_moment, c.third_moments);
  write_sub_block(out, ScreeningSubBlock::time_frequency, c.time_frequencies);
  return out.finish();
}

}  // namespace imsgate::ims2::shi
