#include "ims2/shi/response.hpp"

#include <array>
#include <span>

#include <fmt/format.h>

#include "ims2/fixed_format.hpp"
#include "ims2/shi/layout.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::shi {
namespace {

using namespace layout;

constexpr std::string_view kRule = "6.3.1";

constexpr Field kKeyword = text_field(1, 4, "block keyword");
constexpr Field kStage = integer_field(6, 7, "stage number");

// CAL2 (Table 15); the end date's "(hh:mm:ss.s)" in the table is an error for yyyy/mm/dd.
constexpr Field kCalStation = text_field(6, 10, "station code");
constexpr Field kCalChannel = text_field(12, 14, "channel code");
constexpr Field kCalAux = text_field(16, 19, "auxiliary code");
constexpr Field kCalInstrument = text_field(21, 26, "instrument type");
constexpr Field kCalSensitivity = exponent_field(28, 42, 8, "system sensitivity");
constexpr Field kCalPeriod = real_field(44, 50, 3, "calibration period");
constexpr Field kCalSampleRate = real_field(52, 62, 5, "sample rate");
constexpr Field kCalStartDate = text_field(64, 73, "start date");
constexpr Field kCalStartTime = text_field(75, 79, "start time");
constexpr Field kCalEndDate = text_field(81, 90, "end date");
constexpr Field kCalEndTime = text_field(92, 96, "end time");
constexpr std::array kCalFields{kKeyword,       kCalStation,     kCalChannel, kCalAux,
                                kCalInstrument, kCalSensitivity, kCalPeriod,  kCalSampleRate,
                                kCalStartDate,  kCalStartTime,   kCalEndDate, kCalEndTime};

// PAZ2 (Table 16)
constexpr Field kPazUnits = text_field(9, 9, "output units");
constexpr Field kPazScale = exponent_field(11, 25, 8, "scale factor");
constexpr Field kPazDecimation = integer_field(27, 30, "decimation");
constexpr Field kPazCorrection = real_field(32, 39, 3, "group correction");
constexpr Field kPazPoles = integer_field(41, 43, "number of poles");
constexpr Field kPazZeros = integer_field(45, 47, "number of zeros");
constexpr Field kPazDescription = text_field(49, 73, "description");
constexpr std::array kPazFields{kKeyword,       kStage,    kPazUnits, kPazScale,      kPazDecimation,
                                kPazCorrection, kPazPoles, kPazZeros, kPazDescription};
constexpr Field kPazReal = exponent_field(2, 16, 8, "real part");
constexpr Field kPazImaginary = exponent_field(18, 32, 8, "imaginary part");
constexpr std::array kPazDataFields{kPazReal, kPazImaginary};

// FAP2 (Table 17)
constexpr Field kFapUnits = text_field(9, 9, "output units");
constexpr Field kFapDecimation = integer_field(11, 14, "decimation");
constexpr Field kFapCorrection = real_field(16, 23, 3, "group correction");
constexpr Field kFapCount = integer_field(25, 27, "number of triplets");
constexpr Field kFapDescription = text_field(29, 53, "description");
constexpr std::array kFapFields{kKeyword,       kStage,    kFapUnits,      kFapDecimation,
                                kFapCorrection, kFapCount, kFapDescription};
constexpr Field kFapFrequency = real_field(2, 11, 5, "frequency");
constexpr Field kFapAmplitude = exponent_field(13, 27, 8, "amplitude");
constexpr Field kFapPhase = integer_field(29, 32, "phase delay");
constexpr std::array kFapDataFields{kFapFrequency, kFapAmplitude, kFapPhase};

// GEN2 (Table 18); the period is 27-33 (the table's 27-32 is 6 columns for f7.3).
constexpr Field kGenUnits = text_field(9, 9, "output units");
constexpr Field kGenSensitivity = exponent_field(11, 25, 8, "section sensitivity");
constexpr Field kGenPeriod = real_field(27, 33, 3, "calibration period");
constexpr Field kGenDecimation = integer_field(35, 38, "decimation");
constexpr Field kGenCorrection = real_field(40, 47, 3, "group correction");
constexpr Field kGenCount = integer_field(49, 51, "number of corners");
constexpr Field kGenDescription = text_field(53, 77, "description");
constexpr std::array kGenFields{kKeyword,       kStage,         kGenUnits, kGenSensitivity, kGenPeriod,
                                kGenDecimation, kGenCorrection, kGenCount, kGenDescription};
constexpr Field kGenFrequency = real_field(2, 12, 5, "corner frequency");
constexpr Field kGenSlope = real_field(14, 19, 2, "slope");
constexpr std::array kGenDataFields{kGenFrequency, kGenSlope};

// DIG2 (Table 19)
constexpr Field kDigSensitivity = exponent_field(9, 23, 8, "sensitivity");
constexpr Field kDigSampleRate = real_field(25, 35, 5, "sample rate");
constexpr Field kDigDescription = text_field(37, 61, "description");
constexpr std::array kDigFields{kKeyword, kStage, kDigSensitivity, kDigSampleRate, kDigDescription};

// FIR2 (Table 20)
constexpr Field kFirGain = exponent_field(9, 18, 2, "gain");
constexpr Field kFirDecimation = integer_field(20, 23, "decimation");
constexpr Field kFirCorrection = real_field(25, 32, 3, "group correction");
constexpr Field kFirSymmetry = text_field(34, 34, "symmetry");
constexpr Field kFirCount = integer_field(36, 39, "number of factors");
constexpr Field kFirDescription = text_field(41, 65, "description");
constexpr std::array kFirFields{kKeyword,       kStage,       kFirGain,  kFirDecimation,
                                kFirCorrection, kFirSymmetry, kFirCount, kFirDescription};
constexpr std::array kFirDataFields{exponent_field(2, 16, 8, "factor"), exponent_field(18, 32, 8, "factor"),
                                    exponent_field(34, 48, 8, "factor"), exponent_field(50, 64, 8, "factor"),
                                    exponent_field(66, 80, 8, "factor")};

// A block line with the counts of data it announces.
template <class Block>
struct Announced {
  Block block;
  std::int64_t first = 0;   // poles, triplets, corners or factors
  std::int64_t second = 0;  // zeros
  Field count_field = kStage;
};

int stage_of(std::optional<std::int64_t> v) {
  return v ? static_cast<int>(*v) : 0;
}

void require_count(std::optional<std::int64_t> n, const Line& line, const Field& f, Diagnostics& d) {
  require(n.has_value(), line, f, d, kRule);
  if (n && *n < 0) d.error({line.number, f.first}, fmt::format("{} is negative", f.name), std::string(kRule));
}

std::optional<double> real_word(WordCursor& w) {
  auto x = parse_real(w.peek());
  if (x) w.take();
  return x;
}

std::optional<std::int64_t> integer_word(WordCursor& w) {
  auto x = parse_integer(w.peek());
  if (x) w.take();
  return x;
}

// The numbers after the fixed leading words of a block line, up to the description.
std::size_t numbers_ahead(const WordCursor& w) {
  std::size_t n = 0;
  while (n < w.remaining() && is_number_word(w.peek(n))) ++n;
  return n;
}

Cal2 cal_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  Cal2 c;
  c.station = r.text(kCalStation);
  c.channel = r.text(kCalChannel);
  c.aux = r.text(kCalAux);
  c.instrument = r.text(kCalInstrument);
  c.sensitivity = r.real(kCalSensitivity);
  c.period = r.real(kCalPeriod);
  c.sample_rate = r.real(kCalSampleRate);
  c.start = read_date_hm(line, kCalStartDate, kCalStartTime, d, kRule);
  c.end = read_date_hm(line, kCalEndDate, kCalEndTime, d, kRule);
  require(!c.station.empty(), line, kCalStation, d, kRule);
  require(!c.channel.empty(), line, kCalChannel, d, kRule);
  return c;
}

// CAL2 sta chan [aux] [inst] sensitivity period rate date time [date time]: the names before the first number
// are station, channel, then instrument (two or three names) or aux and instrument (four).
std::optional<Cal2> cal_by_words(const std::vector<Word>& words, const Line&) {
  WordCursor w(words);
  w.take();
  std::size_t names = 0;
  while (names < w.remaining() && !is_number_word(w.peek(names))) ++names;
  if (names < 2 || names > 4 || numbers_ahead(WordCursor(std::span(words).subspan(names + 1))) != 3)
    return std::nullopt;
  Cal2 c;
  c.station = w.take();
  c.channel = w.take();
  if (names == 4) c.aux = w.take();
  if (names >= 3) c.instrument = w.take();
  c.sensitivity = real_word(w);
  c.period = real_word(w);
  c.sample_rate = real_word(w);
  const std::string_view date = w.take(), time = w.take();
  c.start = time.size() == 5 ? parse_date_time_words(date, time) : std::nullopt;
  if (!c.start) return std::nullopt;
  if (!w.done()) {
    const std::string_view end_date = w.take(), end_time = w.take();
    c.end = end_time.size() == 5 ? parse_date_time_words(end_date, end_time) : std::nullopt;
    if (!c.end || !w.done()) return std::nullopt;
  }
  return c;
}

Announced<Paz2> paz_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  Announced<Paz2> a;
  a.count_field = kPazPoles;
  const auto stage = r.integer(kStage);
  require(stage.has_value(), line, kStage, d, kRule);
  a.block.stage = stage_of(stage);
  a.block.units = r.text(kPazUnits);
  a.block.scale = r.real(kPazScale);
  a.block.decimation = r.integer(kPazDecimation);
  a.block.correction = r.real(kPazCorrection);
  const auto poles = r.integer(kPazPoles), zeros = r.integer(kPazZeros);
  require_count(poles, line, kPazPoles, d);
  require_count(zeros, line, kPazZeros, d);
  a.first = poles.value_or(0);
  a.second = zeros.value_or(0);
  a.block.description = r.text(kPazDescription);
  return a;
}

// PAZ2 stage units scale [decimation correction] poles zeros [description]
std::optional<Announced<Paz2>> paz_by_words(const std::vector<Word>& words, const Line&) {
  WordCursor w(words);
  w.take();
  Announced<Paz2> a;
  a.count_field = kPazPoles;
  const auto stage = integer_word(w);
  if (!stage || w.peek().size() != 1) return std::nullopt;
  a.block.stage = stage_of(stage);
  a.block.units = w.take();
  a.block.scale = real_word(w);
  const std::size_t n = numbers_ahead(w);
  if (!a.block.scale || (n != 4 && n != 2)) return std::nullopt;
  if (n == 4) {
    a.block.decimation = integer_word(w);
    a.block.correction = real_word(w);
  }
  const auto poles = integer_word(w), zeros = integer_word(w);
  if (!poles || !zeros || *poles < 0 || *zeros < 0 || (n == 4 && !a.block.decimation)) return std::nullopt;
  a.first = *poles;
  a.second = *zeros;
  a.block.description = w.rest();
  return a;
}

Announced<Fap2> fap_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  Announced<Fap2> a;
  a.count_field = kFapCount;
  const auto stage = r.integer(kStage);
  require(stage.has_value(), line, kStage, d, kRule);
  a.block.stage = stage_of(stage);
  a.block.units = r.text(kFapUnits);
  a.block.decimation = r.integer(kFapDecimation);
  a.block.correction = r.real(kFapCorrection);
  const auto n = r.integer(kFapCount);
  require_count(n, line, kFapCount, d);
  a.first = n.value_or(0);
  a.block.description = r.text(kFapDescription);
  return a;
}

// FAP2 stage units [decimation correction] count [description]
std::optional<Announced<Fap2>> fap_by_words(const std::vector<Word>& words, const Line&) {
  WordCursor w(words);
  w.take();
  Announced<Fap2> a;
  a.count_field = kFapCount;
  const auto stage = integer_word(w);
  if (!stage || w.peek().size() != 1) return std::nullopt;
  a.block.stage = stage_of(stage);
  a.block.units = w.take();
  const std::size_t n = numbers_ahead(w);
  if (n != 3 && n != 1) return std::nullopt;
  if (n == 3) {
    a.block.decimation = integer_word(w);
    a.block.correction = real_word(w);
    if (!a.block.decimation) return std::nullopt;
  }
  const auto count = integer_word(w);
  if (!count || *count < 0) return std::nullopt;
  a.first = *count;
  a.block.description = w.rest();
  return a;
}

Announced<Gen2> gen_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  Announced<Gen2> a;
  a.count_field = kGenCount;
  const auto stage = r.integer(kStage);
  require(stage.has_value(), line, kStage, d, kRule);
  a.block.stage = stage_of(stage);
  a.block.units = r.text(kGenUnits);
  a.block.sensitivity = r.real(kGenSensitivity);
  a.block.period = r.real(kGenPeriod);
  a.block.decimation = r.integer(kGenDecimation);
  a.block.correction = r.real(kGenCorrection);
  const auto n = r.integer(kGenCount);
  require_count(n, line, kGenCount, d);
  a.first = n.value_or(0);
  a.block.description = r.text(kGenDescription);
  return a;
}

// GEN2 stage units sensitivity period [decimation correction] count [description]
std::optional<Announced<Gen2>> gen_by_words(const std::vector<Word>& words, const Line&) {
  WordCursor w(words);
  w.take();
  Announced<Gen2> a;
  a.count_field = kGenCount;
  const auto stage = integer_word(w);
  if (!stage || w.peek().size() != 1) return std::nullopt;
  a.block.stage = stage_of(stage);
  a.block.units = w.take();
  const std::size_t n = numbers_ahead(w);
  if (n != 5 && n != 3) return std::nullopt;
  a.block.sensitivity = real_word(w);
  a.block.period = real_word(w);
  if (n == 5) {
    a.block.decimation = integer_word(w);
    a.block.correction = real_word(w);
    if (!a.block.decimation) return std::nullopt;
  }
  const auto count = integer_word(w);
  if (!count || *count < 0) return std::nullopt;
  a.first = *count;
  a.block.description = w.rest();
  return a;
}

Announced<Dig2> dig_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  Announced<Dig2> a;
  const auto stage = r.integer(kStage);
  require(stage.has_value(), line, kStage, d, kRule);
  a.block.stage = stage_of(stage);
  a.block.sensitivity = r.real(kDigSensitivity);
  a.block.sample_rate = r.real(kDigSampleRate);
  a.block.description = r.text(kDigDescription);
  return a;
}

// DIG2 stage sensitivity rate [description]
std::optional<Announced<Dig2>> dig_by_words(const std::vector<Word>& words, const Line&) {
  WordCursor w(words);
  w.take();
  Announced<Dig2> a;
  const auto stage = integer_word(w);
  if (!stage || numbers_ahead(w) != 2) return std::nullopt;
  a.block.stage = stage_of(stage);
  a.block.sensitivity = real_word(w);
  a.block.sample_rate = real_word(w);
  a.block.description = w.rest();
  return a;
}

Announced<Fir2> fir_by_columns(const Line& line, Diagnostics& d) {
  FieldReader r(line, d, kRule);
  Announced<Fir2> a;
  a.count_field = kFirCount;
  const auto stage = r.integer(kStage);
  require(stage.has_value(), line, kStage, d, kRule);
  a.block.stage = stage_of(stage);
  a.block.gain = r.real(kFirGain);
  a.block.decimation = r.integer(kFirDecimation);
  a.block.correction = r.real(kFirCorrection);
  a.block.symmetry = r.text(kFirSymmetry);
  const auto n = r.integer(kFirCount);
  require_count(n, line, kFirCount, d);
  a.first = n.value_or(0);
  a.block.description = r.text(kFirDescription);
  return a;
}

// FIR2 stage gain decimation correction symmetry count [description]
std::optional<Announced<Fir2>> fir_by_words(const std::vector<Word>& words, const Line&) {
  WordCursor w(words);
  w.take();
  Announced<Fir2> a;
  a.count_field = kFirCount;
  const auto stage = integer_word(w);
  if (!stage || numbers_ahead(w) != 3) return std::nullopt;
  a.block.stage = stage_of(stage);
  a.block.gain = real_word(w);
  a.block.decimation = integer_word(w);
  a.block.correction = real_word(w);
  if (!a.block.decimation || w.peek().size() != 1) return std::nullopt;
  a.block.symmetry = w.take();
  const auto count = integer_word(w);
  if (!count || *count < 0) return std::nullopt;
  a.first = *count;
  a.block.description = w.rest();
  return a;
}

// A data line of numbers only: by columns, or by words when it does not fit them. Lines of FIR2 factors may
// hold fewer than five (`at_least` 1).
std::optional<std::vector<double>> numbers_line(const Line& line, std::span<const Field> fields,
                                                std::size_t wanted, Diagnostics& d, std::string_view table,
                                                std::size_t at_least = 0) {
  if (at_least == 0) at_least = wanted;
  auto by_columns = [&](const Line& l, Diagnostics& scratch) {
    FieldReader r(l, scratch, kRule);
    std::vector<double> values;
    for (const Field& f : fields)
      if (auto x = r.real(f)) values.push_back(*x);
    return values;
  };
  auto by_words = [&](const std::vector<Word>& words, const Line&) -> std::optional<std::vector<double>> {
    if (words.size() < at_least || words.size() > wanted) return std::nullopt;
    std::vector<double> values;
    for (const Word& w : words) {
      if (!is_number_word(w.text)) return std::nullopt;
      values.push_back(*parse_real(w.text));
    }
    return values;
  };
  auto values = read_data_line<std::vector<double>>(line, fields, by_columns, by_words, d, table, kRule);
  if (values && (values->size() < at_least || values->size() > wanted)) {
    d.error({line.number, 1},
            fmt::format("expected {} numbers on a {} data line, found {}", wanted, table, values->size()),
            std::string(kRule));
    return std::nullopt;
  }
  return values;
}

bool is_block_keyword(std::string_view word) {
  for (std::string_view k : {"CAL2", "PAZ2", "FAP2", "GEN2", "DIG2", "FIR2"})
    if (iequals(word, k)) return true;
  return false;
}

class ResponseReader {
 public:
  ResponseReader(const DataSection& section, Diagnostics& diagnostics)
      : lines_(section_lines(section)), d_(diagnostics) {}

  Response read() {
    while (next_ < lines_.size()) {
      const Line& line = lines_[next_++];
      if (is_blank_line(line.text)) continue;
      if (auto comment = read_comment_line(line, d_, kRule)) {
        if (response_.channels.empty())
          d_.error({line.number, 1}, "comment before the first CAL2 line", std::string(kRule));
        else if (auto& ch = response_.channels.back(); ch.stages.empty())
          ch.comments.push_back(std::move(*comment));
        else
          ch.stages.back().comments.push_back(std::move(*comment));
        continue;
      }
      const std::string keyword = to_upper(split_words(line.text)[0].text);
      if (keyword == "CAL2") {
        if (auto cal = read_data_line<Cal2>(line, kCalFields, cal_by_columns, cal_by_words, d_,
                                            "Table 15 (CAL2)", kRule))
          response_.channels.push_back({std::move(*cal), {}, {}});
        else
          response_.channels.push_back({});  // its stages still belong to a channel
      } else if (keyword == "PAZ2") {
        read_paz(line);
      } else if (keyword == "FAP2") {
        read_fap(line);
      } else if (keyword == "GEN2") {
        read_gen(line);
      } else if (keyword == "DIG2") {
        read_dig(line);
      } else if (keyword == "FIR2") {
        read_fir(line);
      } else {
        unexpected_line(line, d_, "a CAL2, PAZ2, FAP2, GEN2, DIG2 or FIR2 line, or a comment", kRule);
      }
    }
    return std::move(response_);
  }

 private:
  // The next data line of a block, or nothing (and an error at the count) when the block ends early.
  const Line* data_line(const Line& header, const Field& count, std::string_view what, std::size_t have,
                        std::size_t wanted) {
    while (next_ < lines_.size() && is_blank_line(lines_[next_].text))
      ++next_;  // blank lines go anywhere (3.5.5)
    if (next_ < lines_.size()) {
      const Line& line = lines_[next_];
      const auto words = split_words(line.text);
      if (!words.empty() && !is_block_keyword(words[0].text) && words[0].text[0] != '(') {
        ++next_;
        return &line;
      }
    }
    d_.error({header.number, count.first},
             fmt::format("{} announces {} {} but only {} follow", trim(header.text).substr(0, 4), wanted,
                         what, have),
             std::string(kRule));
    return nullptr;
  }

  void add_stage(const Line& line, ResponseStage stage) {
    if (response_.channels.empty()) {
      d_.error({line.number, 1}, "response stage before the first CAL2 line", std::string(kRule));
      return;
    }
    response_.channels.back().stages.push_back(std::move(stage));
  }

  void read_paz(const Line& line) {
    auto a = read_data_line<Announced<Paz2>>(line, kPazFields, paz_by_columns, paz_by_words, d_,
                                             "Table 16 (PAZ2)", kRule);
    if (!a) return;
    const auto total = static_cast<std::size_t>(a->first + a->second);
    for (std::size_t i = 0; i < total; ++i) {
      const Line* data = data_line(line, kPazPoles, "poles and zeros", i, total);
      if (data == nullptr) break;
      auto v = numbers_line(*data, kPazDataFields, 2, d_, "PAZ2");
      if (!v) continue;
      (i < static_cast<std::size_t>(a->first) ? a->block.poles : a->block.zeros)
          .emplace_back((*v)[0], (*v)[1]);
    }
    add_stage(line, {std::move(a->block), {}});
  }

  void read_fap(const Line& line) {
    auto a = read_data_line<Announced<Fap2>>(line, kFapFields, fap_by_columns, fap_by_words, d_,
                                             "Table 17 (FAP2)", kRule);
    if (!a) return;
    const auto total = static_cast<std::size_t>(a->first);
    for (std::size_t i = 0; i < total; ++i) {
      const Line* data = data_line(line, kFapCount, "triplets", i, total);
      if (data == nullptr) break;
      auto v = numbers_line(*data, kFapDataFields, 3, d_, "FAP2");
      if (!v) continue;
      if (!is_integer_word(split_words(data->text).back().text)) {
        d_.error({data->number, kFapPhase.first}, "phase delay is not an integer", std::string(kRule));
        continue;
      }
      a->block.triplets.push_back({(*v)[0], (*v)[1], static_cast<std::int64_t>((*v)[2])});
    }
    add_stage(line, {std::move(a->block), {}});
  }

  void read_gen(const Line& line) {
    auto a = read_data_line<Announced<Gen2>>(line, kGenFields, gen_by_columns, gen_by_words, d_,
                                             "Table 18 (GEN2)", kRule);
    if (!a) return;
    const auto total = static_cast<std::size_t>(a->first);
    for (std::size_t i = 0; i < total; ++i) {
      const Line* data = data_line(line, kGenCount, "corners", i, total);
      if (data == nullptr) break;
      if (auto v = numbers_line(*data, kGenDataFields, 2, d_, "GEN2"))
        a->block.corners.push_back({(*v)[0], (*v)[1]});
    }
    add_stage(line, {std::move(a->block), {}});
  }

  void read_dig(const Line& line) {
    auto a = read_data_line<Announced<Dig2>>(line, kDigFields, dig_by_columns, dig_by_words, d_,
                                             "Table 19 (DIG2)", kRule);
    if (!a) return;
    if (!response_.channels.empty())
      for (const auto& s : response_.channels.back().stages)
        if (std::holds_alternative<Dig2>(s.block))
          d_.warning({line.number, 1}, "a response has at most one DIG2 block", std::string(kRule));
    add_stage(line, {std::move(a->block), {}});
  }

  void read_fir(const Line& line) {
    auto a = read_data_line<Announced<Fir2>>(line, kFirFields, fir_by_columns, fir_by_words, d_,
                                             "Table 20 (FIR2)", kRule);
    if (!a) return;
    const auto total = static_cast<std::size_t>(a->first);
    while (a->block.factors.size() < total) {
      const Line* data = data_line(line, kFirCount, "factors", a->block.factors.size(), total);
      if (data == nullptr) break;
      const std::size_t wanted = std::min<std::size_t>(5, total - a->block.factors.size());
      if (auto v = numbers_line(*data, kFirDataFields, wanted, d_, "FIR2", 1))
        a->block.factors.insert(a->block.factors.end(), v->begin(), v->end());
    }
    add_stage(line, {std::move(a->block), {}});
  }

  std::vector<Line> lines_;
  std::size_t next_ = 0;
  Diagnostics& d_;
  Response response_;
};

void write_stage(TextBuilder& out, const Paz2& p) {
  FieldWriter w;
  w.literal(1, "PAZ2");
  w.integer(kStage, p.stage);
  w.text(kPazUnits, p.units);
  w.real(kPazScale, p.scale);
  w.integer(kPazDecimation, p.decimation);
  w.real(kPazCorrection, p.correction);
  w.integer(kPazPoles, static_cast<std::int64_t>(p.poles.size()));
  w.integer(kPazZeros, static_cast<std::int64_t>(p.zeros.size()));
  w.text(kPazDescription, p.description);
  out.add(w);
  for (const auto* list : {&p.poles, &p.zeros})
    for (const auto& c : *list) {
      FieldWriter data;
      data.real(kPazReal, c.real());
      data.real(kPazImaginary, c.imag());
      out.add(data);
    }
}

void write_stage(TextBuilder& out, const Fap2& f) {
  FieldWriter w;
  w.literal(1, "FAP2");
  w.integer(kStage, f.stage);
  w.text(kFapUnits, f.units);
  w.integer(kFapDecimation, f.decimation);
  w.real(kFapCorrection, f.correction);
  w.integer(kFapCount, static_cast<std::int64_t>(f.triplets.size()));
  w.text(kFapDescription, f.description);
  out.add(w);
  for (const auto& t : f.triplets) {
    FieldWriter data;
    data.real(kFapFrequency, t.frequency);
    data.real(kFapAmplitude, t.amplitude);
    data.integer(kFapPhase, t.phase);
    out.add(data);
  }
}

void write_stage(TextBuilder& out, const Gen2& g) {
  FieldWriter w;
  w.literal(1, "GEN2");
  w.integer(kStage, g.stage);
  w.text(kGenUnits, g.units);
  w.real(kGenSensitivity, g.sensitivity);
  w.real(kGenPeriod, g.period);
  w.integer(kGenDecimation, g.decimation);
  w.real(kGenCorrection, g.correction);
  w.integer(kGenCount, static_cast<std::int64_t>(g.corners.size()));
  w.text(kGenDescription, g.description);
  out.add(w);
  for (const auto& c : g.corners) {
    FieldWriter data;
    data.real(kGenFrequency, c.frequency);
    data.real(kGenSlope, c.slope);
    out.add(data);
  }
}

void write_stage(TextBuilder& out, const Dig2& g) {
  FieldWriter w;
  w.literal(1, "DIG2");
  w.integer(kStage, g.stage);
  w.real(kDigSensitivity, g.sensitivity);
  w.real(kDigSampleRate, g.sample_rate);
  w.text(kDigDescription, g.description);
  out.add(w);
}

void write_stage(TextBuilder& out, const Fir2& f) {
  FieldWriter w;
  w.literal(1, "FIR2");
  w.integer(kStage, f.stage);
  w.real(kFirGain, f.gain);
  w.integer(kFirDecimation, f.decimation);
  w.real(kFirCorrection, f.correction);
  w.text(kFirSymmetry, f.symmetry);
  w.integer(kFirCount, static_cast<std::int64_t>(f.factors.size()));
  w.text(kFirDescription, f.description);
  out.add(w);
  for (std::size_t i = 0; i < f.factors.size(); i += 5) {
    FieldWriter data;
    for (std::size_t k = 0; k < 5 && i + k < f.factors.size(); ++k)
      data.real(kFirDataFields[k], f.factors[i + k]);
    out.add(data);
  }
}

}  // namespace

Response read_response(const DataSection& section, Diagnostics& diagnostics) {
  return ResponseReader(section, diagnostics).read();
}

tl::expected<std::string, std::string> write_response(const Response& response) {
  TextBuilder out;
  for (std::size_t i = 0; i < response.channels.size(); ++i) {
    const ChannelResponse& ch = response.channels[i];
    if (i > 0) out.add("");
    FieldWriter w;
    w.literal(1, "CAL2");
    w.text(kCalStation, ch.cal.station);
    w.text(kCalChannel, ch.cal.channel);
    w.text(kCalAux, ch.cal.aux);
    w.text(kCalInstrument, ch.cal.instrument);
    w.real(kCalSensitivity, ch.cal.sensitivity);
    w.real(kCalPeriod, ch.cal.period);
    w.real(kCalSampleRate, ch.cal.sample_rate);
    write_date_hm(w, kCalStartDate, kCalStartTime, ch.cal.start);
    write_date_hm(w, kCalEndDate, kCalEndTime, ch.cal.end);
    out.add(w);
    for (const auto& c : ch.comments) out.add(write_comment_line(c));
    for (const ResponseStage& stage : ch.stages) {
      std::visit([&](const auto& block) { write_stage(out, block); }, stage.block);
      for (const auto& c : stage.comments) out.add(write_comment_line(c));
    }
  }
  return out.finish();
}

}  // namespace imsgate::ims2::shi
