// Reads the body of a command message in two steps: a scan sorts the lines into keyword lines, command lines
// and text blocks (PEM objects, #g_ blocks, a RESPONSE section, free text); then, once the command is known,
// each line is read as that command's line. This is what lets parameter lines stand before or after the
// command line.
#include <algorithm>
#include <array>
#include <cmath>
#include <deque>

#include <fmt/format.h>

#include "ims2/command/command.hpp"
#include "ims2/free_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::command {
namespace {

// The keyword lines of command messages other than the command line.
enum class Key {
  email,
  time_stamp,
  sta_list,
  chan_list,
  auth_id,
  start_time,
  sensor,
  type,
  calib_param,
  in_spec,
  calib,
  calper,
  duration,
  decay_time,
  new_decay_time,
  priority,
  srid,
  poc,
  organization,
  address,
  mass,
  courier,
  handover,
  arrival,
  awb,
  seal,
  signature,
};

struct KeyInfo {
  std::string_view keyword;
  Key key;
  std::string_view syntax;  // empty for a variant spelling; the first entry of a key names it
};

constexpr std::array kKeys = {
    KeyInfo{"e-mail", Key::email, "E-MAIL address"},
    KeyInfo{"email", Key::email, ""},  // the syntax line of 8.2
    KeyInfo{"time_stamp", Key::time_stamp, "TIME_STAMP yyyy/mm/dd hh:mm:ss"},
    KeyInfo{"sta_list", Key::sta_list, "STA_LIST station_code"},
    KeyInfo{"stn_list", Key::sta_list, ""},  // the CALIBRATE_START listing of 8.5.2
    KeyInfo{"chan_list", Key::chan_list, "CHAN_LIST channel[, channel ...]"},
    KeyInfo{"auth_id", Key::auth_id, "AUTH_ID id"},
    KeyInfo{"start_time", Key::start_time, "START_TIME yyyy/mm/dd hh:mm:ss"},
    KeyInfo{"start_time_not_confirmed", Key::start_time, ""},  // the prose of 8.5.2.4 and 8.5.3
    KeyInfo{"sensor", Key::sensor, "SENSOR YES|NO"},
    KeyInfo{"type", Key::type, "TYPE RANDOM|SINE|PULSE|SWEEP"},
    KeyInfo{"calib_param", Key::calib_param, "CALIB_PARAM values"},
    KeyInfo{"in_spec", Key::in_spec, "IN_SPEC YES|NO"},
    KeyInfo{"calib", Key::calib, "CALIB value"},
    KeyInfo{"calper", Key::calper, "CALPER seconds"},
    KeyInfo{"duration", Key::duration, "DURATION hours"},
    KeyInfo{"decay_time", Key::decay_time, "DECAY_TIME hours"},
    KeyInfo{"new_decay_time", Key::new_decay_time, "NEW_DECAY_TIME hours srid"},
    KeyInfo{"priority", Key::priority, "PRIORITY URGENT|ROUTINE"},
    KeyInfo{"srid", Key::srid, "SRID sample_reference_id"},
    KeyInfo{"poc", Key::poc, "POC name"},
    KeyInfo{"organization", Key::organization, "ORGANIZATION name"},
    KeyInfo{"address", Key::address, "ADDRESS text"},
    KeyInfo{"mass", Key::mass, "MASS full_grams split_grams"},
    KeyInfo{"courier", Key::courier, "COURIER company"},
    KeyInfo{"handover", Key::handover, "HANDOVER yyyy/mm/dd hh:mm:ss"},
    KeyInfo{"arrival", Key::arrival, "ARRIVAL yyyy/mm/dd hh:mm:ss"},
    KeyInfo{"awb", Key::awb, "AWB air_waybill_number"},
    KeyInfo{"seal", Key::seal, "SEAL seal_number"},
    KeyInfo{"signature", Key::signature, "SIGNATURE hex"},
};

std::optional<Key> find_key(std::string_view word) {
  for (const auto& k : kKeys)
    if (iequals(word, k.keyword)) return k.key;
  return std::nullopt;
}

const KeyInfo& key_info(Key key) {
  for (const auto& k : kKeys)
    if (k.key == key && !k.syntax.empty()) return k;
  return kKeys.front();
}

std::string key_name(Key key) {
  return to_upper(key_info(key).keyword);
}

// The lines each command takes besides E-MAIL, TIME_STAMP and STA_LIST, in the order of its listing.
std::span<const Key> lines_of(CommandKind kind) {
  using K = Key;
  static constexpr K calibrate_start[] = {K::start_time, K::chan_list, K::sensor, K::type, K::calib_param};
  static constexpr K calibrate_confirm[] = {K::chan_list, K::start_time};
  static constexpr K calibrate_result[] = {K::chan_list, K::in_spec, K::calib, K::calper};
  static constexpr K special_start[] = {K::start_time, K::duration};
  static constexpr K special_confirm[] = {K::start_time};
  static constexpr K change_decay[] = {K::start_time, K::decay_time};
  static constexpr K decay_changed[] = {K::new_decay_time};
  static constexpr K send_sample[] = {K::priority, K::srid, K::poc, K::organization, K::address};
  static constexpr K sample_sent[] = {K::srid,    K::mass,     K::poc,     K::organization, K::address,
                                      K::courier, K::handover, K::arrival, K::awb,          K::seal};
  static constexpr K sample_notsent[] = {K::srid};
  static constexpr K sample_received[] = {K::srid, K::arrival};
  static constexpr K keypair[] = {K::chan_list, K::auth_id};
  static constexpr K keypair_generated[] = {K::chan_list, K::auth_id, K::signature};
  static constexpr K keypair_timed[] = {K::chan_list, K::auth_id, K::start_time};
  switch (kind) {
    case CommandKind::calibrate_start:
      return calibrate_start;
    case CommandKind::calibrate_confirm:
      return calibrate_confirm;
    case CommandKind::calibrate_result:
      return calibrate_result;
    case CommandKind::detbkphd_start:
    case CommandKind::blankphd_start:
    case CommandKind::calibphd_start:
      return special_start;
    case CommandKind::detbkphd_confirm:
    case CommandKind::blankphd_confirm:
    case CommandKind::calibphd_confirm:
      return special_confirm;
    case CommandKind::change_decay:
      return change_decay;
    case CommandKind::decay_changed:
      return decay_changed;
    case CommandKind::send_sample:
      return send_sample;
    case CommandKind::sample_sent:
      return sample_sent;
    case CommandKind::sample_notsent:
      return sample_notsent;
    case CommandKind::sample_received:
      return sample_received;
    case CommandKind::update_calibpairs:
    case CommandKind::calibpairs_updated:
    case CommandKind::update_crl:
      return {};
    case CommandKind::generate_keypair:
    case CommandKind::keypair_started:
      return keypair;
    case CommandKind::keypair_generated:
      return keypair_generated;
    case CommandKind::start_keypair:
    case CommandKind::crl_updated:
      return keypair_timed;
  }
  return {};
}

bool takes(CommandKind kind, Key key) {
  if (key == Key::email || key == Key::time_stamp || key == Key::sta_list) return true;
  const auto keys = lines_of(kind);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// A detector code on STA_LIST: the listings of 8.9 show one; the other radionuclide commands (8.6-8.8)
// address a station the same way, so a station with several detectors can name one there too.
bool takes_detector(CommandKind kind) {
  switch (kind) {
    case CommandKind::detbkphd_start:
    case CommandKind::blankphd_start:
    case CommandKind::calibphd_start:
    case CommandKind::detbkphd_confirm:
    case CommandKind::blankphd_confirm:
    case CommandKind::calibphd_confirm:
    case CommandKind::change_decay:
    case CommandKind::decay_changed:
    case CommandKind::send_sample:
    case CommandKind::sample_sent:
    case CommandKind::sample_notsent:
    case CommandKind::sample_received:
    case CommandKind::update_calibpairs:
    case CommandKind::calibpairs_updated:
      return true;
    default:
      return false;
  }
}

std::optional<SpecialMeasurement> special_measurement(CommandKind kind) {
  switch (kind) {
    case CommandKind::detbkphd_start:
    case CommandKind::detbkphd_confirm:
      return SpecialMeasurement::detbkphd;
    case CommandKind::blankphd_start:
    case CommandKind::blankphd_confirm:
      return SpecialMeasurement::blankphd;
    case CommandKind::calibphd_start:
    case CommandKind::calibphd_confirm:
      return SpecialMeasurement::calibphd;
    default:
      return std::nullopt;
  }
}

std::string upper(CommandKind kind) {
  return to_upper(command_keyword(kind));
}

std::string_view first_word(std::string_view text) {
  text = trim(text);
  std::size_t i = 0;
  while (i < text.size() && !is_blank(text[i])) ++i;
  return text.substr(0, i);
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// 3.5.10 and 3.5.13: S/H/I station codes have 3 to 5 characters, radionuclide station codes 5.
bool is_station_code(std::string_view s) {
  return s.size() >= 3 && s.size() <= 5 && std::all_of(s.begin(), s.end(), is_alnum);
}

// 3.5.11: the site code, '_' and a three-digit setup number, e.g. DEX33_001.
bool is_detector_code(std::string_view s) {
  return s.size() == 9 && std::all_of(s.begin(), s.begin() + 5, is_alnum) && s[5] == '_' &&
         std::all_of(s.begin() + 6, s.end(), is_digit);
}

// 7.2.1: ccyyyymmddhhPp and an optional system letter (X noble gas, formerly G; K spike). The special forms
// of 7.2.2-7.2.8 (blank, background, QC, calibration) have the same shape.
bool is_srid(std::string_view s) {
  if (s.size() != 14 && s.size() != 15) return false;
  if (!std::all_of(s.begin(), s.begin() + 14, is_digit)) return false;
  return s.size() == 14 || (ascii_upper(s[14]) >= 'A' && ascii_upper(s[14]) <= 'Z');
}

bool is_unsigned_number(std::string_view s) {
  return !s.empty() && (is_digit(s.front()) || s.front() == '.') && parse_real(s).has_value();
}

bool is_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return is_digit(c) || (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f'); });
}

// Lines met while scanning.

struct KeyLine {
  Key key;
  std::string_view text;  // the logical line
  std::vector<Token> tokens;
  mutable bool taken = false;
  int line() const { return tokens[0].at.line; }
  std::string name() const { return to_upper(tokens[0].text); }
};

struct CommandLine {
  CommandKind kind;
  std::vector<Token> tokens;
};

struct PemBlock {
  PemObject object;
  Position at;
  std::optional<Position> lead_in;  // an "X509 ..." or "PEM ..." line just before it
  bool terminated = false;
  std::optional<Token> wrong_end;  // "-----END OTHER-----"
  mutable bool taken = false;
};

struct CalibBlock {
  std::string name;  // as written, e.g. "#g_Energy"
  std::string data;
  Position at;
  mutable bool taken = false;
};

struct ResponseBlock {
  std::vector<Token> tokens;  // the DATA_TYPE line
  std::string body;
  int line = 0;
  mutable bool taken = false;
};

struct FreeText {
  std::string text;
  Position at;
  mutable bool taken = false;
};

struct Unknown {
  std::string_view text;  // the logical line
  std::vector<Token> tokens;
  bool lead_in_without_pem = false;
};

// The tokens of a scan point into its logical lines: a scanner is neither copied nor moved.
class Scanner {
 public:
  Scanner(std::span<const Line> lines, const ReadOptions& options) : lines_(lines), options_(options) {}
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  void run() {
    std::optional<Position> lead_in;
    // After SAMPLE_NOTSENT, the first line that is not one of its lines starts the free text.
    bool notsent = false;
    std::size_t i = 0;
    while (i < lines_.size()) {
      const Line& line = lines_[i];
      const std::string_view text = trim(line.text);
      if (text.empty()) {
        ++i;
        continue;
      }
      if (notsent && !is_notsent_line(text)) {
        read_free_text(i);
        break;
      }
      if (pem_begin_label(text)) {
        i = read_pem(i, lead_in);
        lead_in.reset();
        continue;
      }
      if (text.front() == '#') {
        i = read_block(i);
        continue;
      }
      LogicalLine& logical = logical_.emplace_back(line);
      while (options_.allow_continuation && logical.ends_with_backslash() && i + 1 < lines_.size())
        logical.continue_with(lines_[++i]);
      ++i;
      auto tokens = logical.tokens();
      if (tokens.empty()) continue;  // a lone backslash continued by a blank line
      const std::string_view first = tokens[0].text;
      if (auto kind = parse_command_kind(first)) {
        commands.push_back({*kind, std::move(tokens)});
        notsent = notsent || *kind == CommandKind::sample_notsent;
      } else if (auto key = find_key(first)) {
        keys.push_back({*key, logical.text(), std::move(tokens)});
      } else if (iequals(first, "data_type")) {
        read_response(std::move(tokens), i);
        break;
      } else if (iequals(first, "x509") || iequals(first, "pem")) {
        // Problem 14 of the digest: a word line may announce the PEM object; it adds nothing.
        if (next_starts_pem(i))
          lead_in = tokens[0].at;
        else
          unknown.push_back({logical.text(), std::move(tokens), true});
      } else {
        unknown.push_back({logical.text(), std::move(tokens), false});
      }
    }
  }

  std::vector<KeyLine> keys;
  std::vector<CommandLine> commands;
  std::vector<PemBlock> pems;
  std::vector<CalibBlock> blocks;
  std::optional<ResponseBlock> response;
  std::optional<FreeText> free_text;
  std::vector<Unknown> unknown;

 private:
  static bool is_notsent_line(std::string_view text) {
    const auto key = find_key(first_word(text));
    return key && (*key == Key::srid || *key == Key::email || *key == Key::time_stamp ||
                   *key == Key::sta_list || *key == Key::chan_list || *key == Key::auth_id);
  }

  // A line that ends a text block: a command line, DATA_TYPE, or a keyword with arguments. PEM text (base64)
  // has neither blanks nor '_', so it can never be taken for one of these.
  static bool ends_block(std::string_view text) {
    const std::string_view word = first_word(text);
    if (parse_command_kind(word) || iequals(word, "data_type")) return true;
    return find_key(word) && word.size() < text.size();
  }

  bool next_starts_pem(std::size_t i) const {
    for (; i < lines_.size(); ++i) {
      const std::string_view text = trim(lines_[i].text);
      if (!text.empty()) return pem_begin_label(text).has_value();
    }
    return false;
  }

  static Position start_of(const Line& line) {
    int column = 1;
    for (char c : line.text) {
      if (!is_blank(c)) break;
      ++column;
    }
    return {line.number, column};
  }

  std::size_t read_pem(std::size_t i, std::optional<Position> lead_in) {
    PemBlock& b = pems.emplace_back();
    const Line& begin = lines_[i];
    b.at = start_of(begin);
    b.lead_in = lead_in;
    b.object.label = std::string(*pem_begin_label(begin.text));
    b.object.line.number = begin.number;
    (b.object.text += begin.text) += '\n';
    for (++i; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      const std::string_view text = trim(line.text);
      if (ends_block(text) || pem_begin_label(text)) return i;
      (b.object.text += line.text) += '\n';
      if (auto end = pem_end_label(text)) {
        b.terminated = true;
        if (*end != b.object.label) b.wrong_end = Token{text, start_of(line)};
        return i + 1;
      }
    }
    return i;
  }

  std::size_t read_block(std::size_t i) {
    CalibBlock& b = blocks.emplace_back();
    const Line& header = lines_[i];
    b.name = std::string(first_word(header.text));
    b.at = start_of(header);
    for (++i; i < lines_.size(); ++i) {
      const std::string_view text = trim(lines_[i].text);
      // Blank lines are not allowed inside radionuclide blocks (3.5.5): one ends the block.
      if (text.empty() || text.front() == '#' || ends_block(text) || pem_begin_label(text)) break;
      (b.data += lines_[i].text) += '\n';
    }
    return i;
  }

  void read_response(std::vector<Token> tokens, std::size_t i) {
    ResponseBlock& r = response.emplace();
    r.line = tokens[0].at.line;
    r.tokens = std::move(tokens);
    for (; i < lines_.size(); ++i) (r.body += lines_[i].text) += '\n';
  }

  void read_free_text(std::size_t i) {
    FreeText& f = free_text.emplace();
    f.at = start_of(lines_[i]);
    for (; i < lines_.size(); ++i) (f.text += lines_[i].text) += '\n';
  }

  std::span<const Line> lines_;
  const ReadOptions& options_;
  std::deque<LogicalLine> logical_;  // a deque does not move what it holds when it grows
};

class BodyReader {
 public:
  BodyReader(std::span<const Line> lines, MessageType type, const Scanner& scan, Diagnostics& diagnostics)
      : type_(type), scan_(scan), d_(diagnostics) {
    if (!lines.empty()) {
      start_ = {lines.front().number, 1};
      stop_ = {lines.back().number + 1, 1};  // the body runs up to the line before STOP
    }
  }

  CommandBody read() {
    CommandBody body;
    find_command();
    read_common(body);
    if (command_) body.command = read_command();
    report_leftovers();
    return body;
  }

 private:
  // ---- diagnostics ----

  void error(Position at, std::string message) { d_.error(at, std::move(message), std::string(rule_)); }
  void warning(Position at, std::string message) { d_.warning(at, std::move(message), std::string(rule_)); }

  Position command_at() const { return command_ ? command_->tokens[0].at : stop_; }
  std::string command_name() const { return command_ ? upper(command_->kind) : std::string("the command"); }

  void extra(const KeyLine& l, std::size_t expected) {
    if (l.tokens.size() > expected)
      error(l.tokens[expected].at,
            fmt::format("unexpected '{}' at the end of the {} line", l.tokens[expected].text, l.name()));
  }

  // Names the lines a command takes, for "expected ..." in messages.
  std::string expected_lines() const {
    std::string out;
    for (Key k : lines_of(command_->kind)) {
      if (!out.empty()) out += ", ";
      out += key_name(k);
    }
    return out.empty() ? "E-MAIL, TIME_STAMP or STA_LIST" : out + ", E-MAIL, TIME_STAMP or STA_LIST";
  }

  // ---- the lines of a command ----

  // The one line with `key` (a second one is an error), or nullptr.
  const KeyLine* one(Key key) {
    const KeyLine* found = nullptr;
    for (const auto& l : scan_.keys) {
      if (l.key != key) continue;
      l.taken = true;
      if (!found)
        found = &l;
      else
        error(l.tokens[0].at,
              fmt::format("{} given twice: the first is on line {}", l.name(), found->line()));
    }
    return found;
  }

  std::vector<const KeyLine*> all(Key key) {
    std::vector<const KeyLine*> out;
    for (const auto& l : scan_.keys)
      if (l.key == key) {
        l.taken = true;
        out.push_back(&l);
      }
    return out;
  }

  // The line the command needs; its absence is reported at the command line.
  const KeyLine* need(Key key) {
    const KeyLine* l = one(key);
    if (!l) missing(key_info(key).syntax);
    return l;
  }

  void missing(std::string_view what) {
    error(command_at(), fmt::format("{} needs a '{}' line", command_name(), what));
  }
  void missing_many(std::string_view what) {
    error(command_at(), fmt::format("{} needs one or more '{}' lines", command_name(), what));
  }

  // ---- values ----

  std::optional<Number> number(const Token& t, std::string_view what, bool positive) {
    const auto v = parse_real(t.text);
    if (!v || !std::isfinite(*v)) {
      error(t.at, fmt::format("expected {} (a number), found '{}'", what, t.text));
      return std::nullopt;
    }
    if (positive && *v <= 0) {
      error(t.at, fmt::format("{} must be positive, found '{}'", what, t.text));
      return std::nullopt;
    }
    return Number{*v, std::string(t.text)};
  }

  bool has_argument(const KeyLine& l, std::string_view what) {
    if (l.tokens.size() >= 2) return true;
    error(l.tokens[0].at, fmt::format("{} needs {}", l.name(), what));
    return false;
  }

  std::optional<Number> single_number(const KeyLine& l, std::string_view what, bool positive) {
    if (!has_argument(l, what)) return std::nullopt;
    auto n = number(l.tokens[1], what, positive);
    if (n) extra(l, 2);
    return n;
  }

  std::optional<std::string> word(const KeyLine& l, std::string_view what) {
    if (!has_argument(l, what)) return std::nullopt;
    extra(l, 2);
    return std::string(l.tokens[1].text);
  }

  // The rest of the line after the keyword, blanks inside kept: names and addresses.
  std::optional<std::string> rest(const KeyLine& l, std::string_view what) {
    if (!has_argument(l, what)) return std::nullopt;
    return std::string(rest_after_first_token(l.text));
  }

  std::optional<std::string> srid(const KeyLine& l, std::size_t index = 1) {
    if (index == 1 && !has_argument(l, "the sample reference id (SRID)")) return std::nullopt;
    const Token& t = l.tokens[index];
    if (!is_srid(t.text)) {
      error(t.at, fmt::format(
                      "'{}' is not a sample reference id: expected 14 digits ccyyyymmddhhPp and an optional "
                      "system letter (7.2.1)",
                      t.text));
      return std::nullopt;
    }
    if (index == 1) extra(l, 2);
    return std::string(t.text);
  }

  std::optional<bool> yes_no(const KeyLine& l) {
    if (!has_argument(l, "YES or NO")) return std::nullopt;
    const std::string_view v = l.tokens[1].text;
    if (!iequals(v, "yes") && !iequals(v, "no")) {
      error(l.tokens[1].at, fmt::format("expected YES or NO after {}, found '{}'", l.name(), v));
      return std::nullopt;
    }
    extra(l, 2);
    return iequals(v, "yes");
  }

  template <class E, std::size_t N>
  std::optional<E> choice(const KeyLine& l, const std::array<std::pair<std::string_view, E>, N>& options) {
    std::string names;
    for (std::size_t i = 0; i < N; ++i)
      names += fmt::format("{}{}", i == 0 ? "" : i + 1 == N ? " or " : ", ", to_upper(options[i].first));
    if (!has_argument(l, names)) return std::nullopt;
    const std::string_view v = l.tokens[1].text;
    for (const auto& [name, value] : options)
      if (iequals(v, name)) {
        extra(l, 2);
        return value;
      }
    error(l.tokens[1].at, fmt::format("expected {} after {}, found '{}'", names, l.name(), v));
    return std::nullopt;
  }

  std::optional<DateTime> date_time(const KeyLine& l) {
    if (!has_argument(l, "a date-time: yyyy/mm/dd hh:mm:ss")) return std::nullopt;
    const std::string_view time = l.tokens.size() > 2 ? l.tokens[2].text : std::string_view();
    auto dt = parse_date_time(l.tokens[1].text, time);
    if (!dt) {
      Position at = l.tokens[1 + dt.error().field].at;
      at.column += static_cast<int>(dt.error().offset);
      error(at, fmt::format("{}: {}", l.name(), dt.error().message));
      return std::nullopt;
    }
    extra(l, 3);
    return *dt;
  }

  // START_TIME of a request or of CRL_UPDATED: a date-time.
  std::optional<DateTime> start_time(const KeyLine& l) {
    if (iequals(l.tokens[0].text, "start_time_not_confirmed") ||
        (l.tokens.size() > 1 && iequals(l.tokens[1].text, "not_confirmed"))) {
      error(l.tokens.size() > 1 ? l.tokens[1].at : l.tokens[0].at,
            fmt::format("NOT_CONFIRMED answers a request (8.5.3, 8.6.3): START_TIME of {} needs a date-time",
                        command_name()));
      return std::nullopt;
    }
    return date_time(l);
  }

  // START_TIME of a confirmation: a date-time or NOT_CONFIRMED.
  std::optional<ConfirmedTime> confirmed_time(const KeyLine& l) {
    if (iequals(l.tokens[0].text, "start_time_not_confirmed")) {
      warning(l.tokens[0].at,
              "START_TIME_NOT_CONFIRMED read as 'START_TIME NOT_CONFIRMED', as the listings write it");
      extra(l, 1);
      return NotConfirmed{};
    }
    if (l.tokens.size() > 1 && iequals(l.tokens[1].text, "not_confirmed")) {
      extra(l, 2);
      return NotConfirmed{};
    }
    if (l.tokens.size() < 2) {
      error(l.tokens[0].at, "START_TIME needs a date-time (yyyy/mm/dd hh:mm:ss) or NOT_CONFIRMED");
      return std::nullopt;
    }
    if (auto dt = date_time(l)) return *dt;
    return std::nullopt;
  }

  // ---- the command line ----

  void find_command() {
    if (scan_.commands.empty()) {
      const bool request = type_ == MessageType::command_request;
      std::string names;
      for (CommandKind k : all_command_kinds())
        if (is_request(k) == request) names += (names.empty() ? "" : ", ") + upper(k);
      error(stop_, fmt::format("no command line: a {} holds one of {}",
                               request ? "command request" : "command response", names));
      return;
    }
    command_ = &scan_.commands.front();
    for (std::size_t i = 1; i < scan_.commands.size(); ++i)
      d_.error(scan_.commands[i].tokens[0].at,
               fmt::format("second command line {}: a command message holds one command, here {} on line {}",
                           upper(scan_.commands[i].kind), upper(command_->kind), command_->tokens[0].at.line),
               "8.4");
    const CommandKind kind = command_->kind;
    if (is_request(kind) != (type_ == MessageType::command_request))
      d_.error(command_->tokens[0].at,
               fmt::format("{} is a command {}, but MSG_TYPE is {}: expected a command {} (Table 165)",
                           upper(kind), is_request(kind) ? "request" : "response", message_type_name(type_),
                           is_request(kind) ? "response" : "request"),
               "8.4");
    rule_ = command_section(kind);
    if (command_->tokens.size() > 1)
      error(command_->tokens[1].at, fmt::format("unexpected '{}' after {}: the command line has no arguments",
                                                command_->tokens[1].text, upper(kind)));
  }

  // ---- E-MAIL, TIME_STAMP, STA_LIST, CHAN_LIST, AUTH_ID ----

  void read_common(CommandBody& body) {
    read_email(body);
    read_time_stamp(body);
    if (const KeyLine* l = one(Key::sta_list)) {
      read_station(*l, body.station);
    } else if (command_) {
      error(command_at(),
            fmt::format("{} needs a 'STA_LIST station_code' line naming the station that {}", command_name(),
                        is_request(command_->kind) ? "is to execute it" : "received the request"));
    }
    if (const KeyLine* l = one(Key::chan_list)) {
      not_taken_warning(*l);
      read_channels(*l, body.channels);
    }
    if (const KeyLine* l = one(Key::auth_id)) {
      not_taken_warning(*l);
      if (auto id = word(*l, "the id of the authenticator")) body.auth_id = std::move(*id);
    }
  }

  void not_taken_warning(const KeyLine& l) {
    if (command_ && !takes(command_->kind, l.key))
      warning(l.tokens[0].at, fmt::format("{} is not a line of {}: kept, but the station may not use it",
                                          l.name(), upper(command_->kind)));
  }

  void read_email(CommandBody& body) {
    const KeyLine* l = one(Key::email);
    if (!l) {
      if (type_ == MessageType::command_request)
        d_.error(start_, "a command request needs an E-MAIL line with the address responses go to", "8.2");
      return;
    }
    if (iequals(l->tokens[0].text, "email"))
      d_.warning(l->tokens[0].at, "EMAIL read as E-MAIL, as every listing writes it", "8.2");
    if (type_ == MessageType::command_response)
      d_.warning(l->tokens[0].at, "E-MAIL in a command response: responses go to the address of the request",
                 "8.2");
    if (l->tokens.size() < 2) {
      d_.error(l->tokens[0].at, "E-MAIL needs the address responses go to, e.g. 'E-MAIL name@host.org'",
               "8.2");
      return;
    }
    const Token& address = l->tokens[1];
    if (address.text.find('@') == std::string_view::npos || address.text.front() == '@' ||
        address.text.back() == '@') {
      d_.error(address.at, fmt::format("'{}' is not an e-mail address: expected name@host", address.text),
               "8.2");
      return;
    }
    if (l->tokens.size() > 2)
      d_.error(l->tokens[2].at,
               fmt::format("unexpected '{}' after the address: E-MAIL takes one address", l->tokens[2].text),
               "8.2");
    body.email = std::string(address.text);
  }

  void read_time_stamp(CommandBody& body) {
    const KeyLine* l = one(Key::time_stamp);
    if (!l) {
      d_.error(start_,
               "a command message needs a 'TIME_STAMP yyyy/mm/dd hh:mm:ss' line: the UTC time it was issued",
               "8.3");
      return;
    }
    // TIME_STAMP is ruled by 8.3 whatever the command.
    const std::string_view rule = rule_;
    rule_ = "8.3";
    if (auto dt = date_time(*l)) {
      body.time_stamp = *dt;
      if (dt->precision != TimePrecision::second)
        warning(l->tokens[1].at, "TIME_STAMP should give the time to the second: yyyy/mm/dd hh:mm:ss");
    }
    rule_ = rule;
  }

  void read_station(const KeyLine& l, Station& station) {
    if (iequals(l.tokens[0].text, "stn_list"))
      warning(l.tokens[0].at, "STN_LIST read as STA_LIST, as every listing but that of 8.5.2 writes it");
    station.line.number = l.line();
    if (!has_argument(l, "the code of the station")) return;
    const Token& code = l.tokens[1];
    if (code.text.find(',') != std::string_view::npos ||
        (l.tokens.size() > 2 && l.tokens[2].text.front() == ',')) {
      error(code.at, fmt::format("a command addresses one station: expected one station code, found '{}'",
                                 rest_after_first_token(l.text)));
      return;
    }
    if (!is_station_code(code.text)) {
      error(code.at,
            fmt::format("'{}' is not a station code: expected 3 to 5 letters or digits (3.5.10, 3.5.13)",
                        code.text));
      return;
    }
    station.code = std::string(code.text);
    if (l.tokens.size() > 2) {
      const Token& detector = l.tokens[2];
      if (command_ && !takes_detector(command_->kind)) {
        error(detector.at,
              fmt::format("unexpected '{}': only radionuclide commands name a detector after the station",
                          detector.text));
        return;
      }
      if (!is_detector_code(detector.text)) {
        error(detector.at,
              fmt::format("'{}' is not a detector code: expected the station code, '_' and three digits, "
                          "e.g. DEX33_001 (3.5.11)",
                          detector.text));
        return;
      }
      if (!iequals(detector.text.substr(0, 5), code.text))
        warning(detector.at, fmt::format("detector {} is not one of station {}", detector.text, code.text));
      station.detector = std::string(detector.text);
    }
    extra(l, 3);
  }

  void read_channels(const KeyLine& l, std::vector<std::string>& channels) {
    if (!has_argument(l, "one or more channels, separated by commas")) return;
    bool after_item = false;  // the last thing read was a channel, not a comma
    for (std::size_t i = 1; i < l.tokens.size(); ++i) {
      const Token& t = l.tokens[i];
      std::size_t offset = 0;
      while (true) {
        const std::size_t comma = t.text.find(',', offset);
        const std::string_view item =
            t.text.substr(offset, comma == std::string_view::npos ? comma : comma - offset);
        const Position at{t.at.line, t.at.column + static_cast<int>(offset)};
        if (!item.empty()) {
          if (after_item) {
            error(at,
                  fmt::format("expected ',' before '{}': CHAN_LIST channels are separated by commas", item));
            return;
          }
          channels.emplace_back(item);
          after_item = true;
        }
        if (comma == std::string_view::npos) break;
        if (!after_item) {
          error({t.at.line, t.at.column + static_cast<int>(comma)},
                "empty channel in CHAN_LIST: expected a channel before ','");
          return;
        }
        after_item = false;
        offset = comma + 1;
      }
    }
    if (!after_item) error(l.tokens.back().at, "CHAN_LIST ends with ',': expected a channel after it");
  }

  // ---- the commands ----

  Command read_command() {
    const CommandKind kind = command_->kind;
    SourceLine line{command_->tokens[0].at.line};
    switch (kind) {
      case CommandKind::calibrate_start:
        return read_calibrate_start(line);
      case CommandKind::calibrate_confirm: {
        CalibrateConfirm c{{}, line};
        if (const KeyLine* l = need(Key::start_time))
          if (auto t = confirmed_time(*l)) c.start_time = *t;
        return c;
      }
      case CommandKind::calibrate_result:
        return read_calibrate_result(line);
      case CommandKind::detbkphd_start:
      case CommandKind::blankphd_start:
      case CommandKind::calibphd_start: {
        SpecialMeasurementStart c{*special_measurement(kind), {}, {}, line};
        if (const KeyLine* l = need(Key::start_time))
          if (auto t = start_time(*l)) c.start_time = *t;
        if (const KeyLine* l = need(Key::duration))
          if (auto n = single_number(*l, "the duration in hours", true)) c.duration = *n;
        return c;
      }
      case CommandKind::detbkphd_confirm:
      case CommandKind::blankphd_confirm:
      case CommandKind::calibphd_confirm: {
        SpecialMeasurementConfirm c{*special_measurement(kind), {}, line};
        if (const KeyLine* l = need(Key::start_time))
          if (auto t = confirmed_time(*l)) c.start_time = *t;
        return c;
      }
      case CommandKind::change_decay: {
        ChangeDecay c{{}, {}, line};
        if (const KeyLine* l = one(Key::start_time)) c.start_time = start_time(*l);
        if (const KeyLine* l = need(Key::decay_time))
          if (auto n = single_number(*l, "the decay time in hours", true)) c.decay_time = *n;
        return c;
      }
      case CommandKind::decay_changed:
        return read_decay_changed(line);
      case CommandKind::send_sample: {
        static constexpr std::array kPriorities = {std::pair{std::string_view("urgent"), Priority::urgent},
                                                   std::pair{std::string_view("routine"), Priority::routine}};
        SendSample c;
        c.line = line;
        if (const KeyLine* l = need(Key::priority))
          if (auto p = choice(*l, kPriorities)) c.priority = *p;
        if (const KeyLine* l = need(Key::srid)) c.srid = srid(*l).value_or("");
        read_recipient(c.recipient);
        return c;
      }
      case CommandKind::sample_sent:
        return read_sample_sent(line);
      case CommandKind::sample_notsent: {
        SampleNotSent c{{}, {}, line};
        if (const KeyLine* l = need(Key::srid)) c.srid = srid(*l).value_or("");
        if (scan_.free_text) {
          scan_.free_text->taken = true;
          c.reason = scan_.free_text->text;
        } else {
          warning(command_at(), "SAMPLE_NOTSENT without free text saying why the sample could not be sent");
        }
        return c;
      }
      case CommandKind::sample_received: {
        SampleReceived c{{}, {}, line};
        if (const KeyLine* l = need(Key::srid)) c.srid = srid(*l).value_or("");
        if (const KeyLine* l = need(Key::arrival))
          if (auto t = date_time(*l)) c.arrival = *t;
        return c;
      }
      case CommandKind::update_calibpairs:
        return read_calibpairs(line);
      case CommandKind::calibpairs_updated:
        return CalibPairsUpdated{line};
      case CommandKind::generate_keypair: {
        static constexpr std::array<std::string_view, 1> kLabels = {"DSA PARAMETERS"};
        return GenerateKeypair{take_pem(kLabels, "DSA parameters", false), line};
      }
      case CommandKind::keypair_generated: {
        static constexpr std::array<std::string_view, 2> kLabels = {"CERTIFICATE REQUEST",
                                                                    "NEW CERTIFICATE REQUEST"};
        KeypairGenerated c;
        c.line = line;
        if (const KeyLine* l = one(Key::signature)) c.signature = signature(*l);
        c.certificate_request =
            take_pem(kLabels, "the certificate request of the new key", true).value_or(PemObject{});
        return c;
      }
      case CommandKind::start_keypair: {
        static constexpr std::array<std::string_view, 2> kLabels = {"CERTIFICATE", "X509 CERTIFICATE"};
        StartKeypair c;
        c.line = line;
        if (const KeyLine* l = one(Key::start_time)) c.start_time = start_time(*l);
        c.certificate = take_pem(kLabels, "the X.509 certificate of the new key", true).value_or(PemObject{});
        return c;
      }
      case CommandKind::keypair_started:
        return KeypairStarted{line};
      case CommandKind::update_crl: {
        static constexpr std::array<std::string_view, 1> kLabels = {"X509 CRL"};
        return UpdateCrl{take_pem(kLabels, "the X.509 CRL", true).value_or(PemObject{}), line};
      }
      case CommandKind::crl_updated: {
        CrlUpdated c{{}, line};
        if (const KeyLine* l = one(Key::start_time)) c.start_time = start_time(*l);
        return c;
      }
    }
    return std::monostate{};
  }

  Command read_calibrate_start(SourceLine line) {
    static constexpr std::array kTypes = {std::pair{std::string_view("random"), CalibrationType::random},
                                          std::pair{std::string_view("sine"), CalibrationType::sine},
                                          std::pair{std::string_view("pulse"), CalibrationType::pulse},
                                          std::pair{std::string_view("sweep"), CalibrationType::sweep}};
    CalibrateStart c;
    c.line = line;
    if (const KeyLine* l = need(Key::start_time))
      if (auto t = start_time(*l)) c.start_time = *t;
    if (const KeyLine* l = need(Key::sensor))
      if (auto s = yes_no(*l)) c.sensor = *s;
    std::optional<CalibrationType> type;
    if (const KeyLine* l = need(Key::type)) type = choice(*l, kTypes);
    const auto params = all(Key::calib_param);
    if (params.empty()) missing_many("CALIB_PARAM values");
    // Without a TYPE the values of CALIB_PARAM have no meaning: they are left unread.
    if (!type) return c;
    c.type = *type;
    for (std::size_t i = 0; i < params.size(); ++i)
      if (auto p = calib_param(*params[i], *type, i == 0)) c.params.push_back(std::move(*p));
    return c;
  }

  // 8.5.2.1-8.5.2.4; see CalibParam for the values of each type.
  std::optional<CalibParam> calib_param(const KeyLine& l, CalibrationType type, bool first) {
    const bool single = type == CalibrationType::random || type == CalibrationType::sweep;
    if (!first && single) {
      error(l.tokens[0].at, fmt::format("TYPE {} takes one CALIB_PARAM line",
                                        type == CalibrationType::random ? "RANDOM" : "SWEEP"));
      return std::nullopt;
    }
    struct Value {
      Number number;
      Position at;
    };
    std::vector<Value> values;
    bool ok = true;
    for (std::size_t i = 1; i < l.tokens.size(); ++i) {
      const Token& t = l.tokens[i];
      // "CALIB_PARAM 2.0 20.0 - 10.0" (8.5.2.3): a sign that lost its number in the conversion of the spec.
      if (t.text == "-" && i + 1 < l.tokens.size() && is_unsigned_number(l.tokens[i + 1].text)) {
        const Token& next = l.tokens[++i];
        warning(t.at, fmt::format("'- {}' read as -{}: a sign is written joined to its number", next.text,
                                  next.text));
        if (auto n = number(next, "a CALIB_PARAM value", false))
          values.push_back({{-n->value, "-" + n->text}, t.at});
        else
          ok = false;
        continue;
      }
      if (auto n = number(t, "a CALIB_PARAM value", false))
        values.push_back({std::move(*n), t.at});
      else
        ok = false;
    }
    if (!ok) return std::nullopt;

    enum Role { frequency, final_frequency, duration, gap, amplitude };
    std::vector<Role> roles;  // of the values, in the order written
    std::string_view layout;
    switch (type) {
      case CalibrationType::random:
        layout = "duration (s) and optionally amplitude (V)";
        roles = {duration, amplitude};
        break;
      case CalibrationType::sine:
        layout =
            first ? "the first line has frequency (Hz), duration (s) and optionally amplitude (V)"
                  : "a further line has frequency (Hz), duration (s), gap (s) and optionally amplitude (V)";
        roles = first ? std::vector<Role>{frequency, duration, amplitude}
                      : std::vector<Role>{frequency, duration, gap, amplitude};
        break;
      case CalibrationType::pulse:
        layout = first ? "the first line has duration (s) and optionally amplitude (V)"
                       : "a further line has duration (s), gap (s) and optionally amplitude (V)";
        roles = first ? std::vector<Role>{duration, amplitude} : std::vector<Role>{duration, gap, amplitude};
        break;
      case CalibrationType::sweep:
        layout =
            "frequency (Hz), duration (s) and optionally amplitude (V); or frequency, final frequency (Hz), "
            "duration (s) and amplitude (V)";
        roles = values.size() == 4 ? std::vector<Role>{frequency, final_frequency, duration, amplitude}
                                   : std::vector<Role>{frequency, duration, amplitude};
        break;
    }
    const std::size_t most = type == CalibrationType::sweep ? 4 : roles.size();
    const std::size_t least = roles.size() - 1;  // the amplitude is optional
    if (values.size() < least || values.size() > most) {
      const Position at = values.size() > most ? values[most].at : l.tokens[0].at;
      error(at, fmt::format("CALIB_PARAM of TYPE {}: {}; found {} value(s)", to_upper(kTypeNames[int(type)]),
                            layout, values.size()));
      return std::nullopt;
    }
    CalibParam p;
    p.line.number = l.line();
    for (std::size_t i = 0; i < values.size(); ++i) {
      const Value& v = values[i];
      const double x = v.number.value;
      switch (roles[i]) {
        case frequency:
        case final_frequency:
          if (x <= 0) ok = fail_value(v.at, "the frequency must be positive", v.number.text);
          (roles[i] == frequency ? p.frequency : p.final_frequency) = v.number;
          break;
        case duration:
          if (x <= 0) ok = fail_value(v.at, "the duration must be positive", v.number.text);
          p.duration = v.number;
          break;
        case gap:
          if (x < 0) ok = fail_value(v.at, "the gap must be 0 or more", v.number.text);
          p.gap = v.number;
          break;
        case amplitude:
          p.amplitude = v.number;
          break;
      }
    }
    if (!ok) return std::nullopt;
    return p;
  }

  bool fail_value(Position at, std::string_view what, std::string_view text) {
    error(at, fmt::format("{}, found '{}'", what, text));
    return false;
  }

  static constexpr std::array<std::string_view, 4> kTypeNames = {"random", "sine", "pulse", "sweep"};

  Command read_calibrate_result(SourceLine line) {
    CalibrateResult c;
    c.line = line;
    const KeyLine* in_spec = need(Key::in_spec);
    if (in_spec)
      if (auto v = yes_no(*in_spec)) c.in_spec = *v;
    const KeyLine* calib = one(Key::calib);
    const KeyLine* calper = one(Key::calper);
    if (calib) c.calib = single_number(*calib, "the calibration constant", true);
    if (calper) c.calper = single_number(*calper, "the calibration period in seconds", true);
    // CALIB and CALPER are a pair (8.5.4): a constant is meaningless without the period it holds at.
    if (calib && !calper)
      error(calib->tokens[0].at, "CALIB needs CALPER, the period at which it was computed");
    if (calper && !calib)
      error(calper->tokens[0].at, "CALPER needs CALIB, the calibration constant at that period");
    if (scan_.response) c.response = response_section(*scan_.response);
    if (in_spec && !c.in_spec && !calib && !scan_.response)
      warning(in_spec->tokens[0].at,
              "IN_SPEC NO without a new response: expected CALIB and CALPER or a RESPONSE");
    return c;
  }

  std::optional<ResponseSection> response_section(const ResponseBlock& r) {
    r.taken = true;
    const auto& t = r.tokens;
    auto split = [](std::string_view s) {
      const std::size_t colon = s.find(':');
      if (colon == std::string_view::npos) return std::pair{std::string(s), std::string()};
      return std::pair{std::string(s.substr(0, colon)), std::string(s.substr(colon + 1))};
    };
    if (t.size() < 2) {
      error(t[0].at, "DATA_TYPE needs the data type RESPONSE, e.g. 'DATA_TYPE RESPONSE IMS2.0'");
      return std::nullopt;
    }
    ResponseSection s;
    std::tie(s.type, s.subtype) = split(t[1].text);
    if (!iequals(s.type, "response")) {
      error(t[1].at,
            fmt::format("CALIBRATE_RESULT carries a RESPONSE data section, found DATA_TYPE {}", t[1].text));
      return std::nullopt;
    }
    if (t.size() > 2) s.format = t[2].text;
    if (t.size() > 3) error(t[3].at, fmt::format("unexpected '{}' after the format of DATA_TYPE", t[3].text));
    if (trim(r.body).empty())
      warning(t[0].at, "the RESPONSE section has no lines: expected CAL2 and its stages");
    s.body = r.body;
    s.line.number = r.line;
    return s;
  }

  Command read_decay_changed(SourceLine line) {
    DecayChanged c{{}, {}, line};
    const KeyLine* l = need(Key::new_decay_time);
    if (!l) return c;
    if (l->tokens.size() < 3) {
      error(l->tokens[0].at,
            "NEW_DECAY_TIME needs the new decay time in hours and the SRID of a sample, e.g. "
            "'NEW_DECAY_TIME 24 45202205282211X'");
      return c;
    }
    if (auto n = number(l->tokens[1], "the decay time in hours", true)) c.new_decay_time = *n;
    if (auto s = srid(*l, 2)) c.srid = *s;
    extra(*l, 3);
    return c;
  }

  void read_recipient(Recipient& r) {
    if (const KeyLine* l = need(Key::poc)) r.poc = rest(*l, "the point of contact").value_or("");
    if (const KeyLine* l = need(Key::organization))
      r.organization = rest(*l, "the organization").value_or("");
    const auto address = all(Key::address);
    if (address.empty()) missing_many("ADDRESS text");
    for (const KeyLine* l : address)
      if (auto a = rest(*l, "a line of the address")) r.address.push_back(std::move(*a));
  }

  Command read_sample_sent(SourceLine line) {
    SampleSent c;
    c.line = line;
    if (const KeyLine* l = need(Key::srid)) c.srid = srid(*l).value_or("");
    if (const KeyLine* l = need(Key::mass)) read_mass(*l, c.mass);
    read_recipient(c.recipient);
    if (const KeyLine* l = need(Key::courier)) c.courier = rest(*l, "the courier company").value_or("");
    const KeyLine* handover = need(Key::handover);
    const KeyLine* arrival = need(Key::arrival);
    std::optional<DateTime> from = handover ? date_time(*handover) : std::nullopt;
    std::optional<DateTime> to = arrival ? date_time(*arrival) : std::nullopt;
    if (from) c.handover = *from;
    if (to) c.arrival = *to;
    if (from && to && to->time < from->time)
      warning(arrival->tokens[1].at, "the estimated ARRIVAL is before the HANDOVER to the courier");
    if (const KeyLine* l = need(Key::awb)) c.awb = word(*l, "the air waybill number").value_or("");
    if (const KeyLine* l = need(Key::seal)) c.seal = word(*l, "the seal number").value_or("");
    return c;
  }

  // 8.8.2: "MASS followed by the numbers of the two masses (in grams)": the unsplit sample, then the split.
  void read_mass(const KeyLine& l, SampleMass& mass) {
    if (l.tokens.size() < 3) {
      error(l.tokens.size() > 1 ? l.tokens[1].at : l.tokens[0].at,
            "MASS needs two masses in grams: the full sample, then the split, e.g. 'MASS 250.3 120.1'");
      return;
    }
    auto full = number(l.tokens[1], "the mass of the full sample in grams", true);
    auto split = number(l.tokens[2], "the mass of the split in grams", true);
    if (!full || !split) return;
    if (split->value > full->value)
      warning(l.tokens[2].at, fmt::format("the split ({} g) weighs more than the full sample ({} g)",
                                          split->text, full->text));
    mass = {std::move(*full), std::move(*split)};
    extra(l, 3);
  }

  std::optional<std::string> signature(const KeyLine& l) {
    auto s = word(l, "the signature of the new key, in hexadecimal");
    if (!s) return std::nullopt;
    if (!is_hex(*s) || s->size() % 2 != 0) {
      error(l.tokens[1].at,
            "SIGNATURE: expected an even number of hexadecimal digits (the signature in hex)");
      return std::nullopt;
    }
    return s;
  }

  Command read_calibpairs(SourceLine line) {
    UpdateCalibPairs c;
    c.line = line;
    struct Slot {
      std::string_view name;
      std::string* data;
      const CalibBlock* found = nullptr;
    };
    std::string total;
    std::array<Slot, 4> slots = {Slot{"#g_Energy", &c.energy}, Slot{"#g_Resolution", &c.resolution},
                                 Slot{"#g_Efficiency", &c.efficiency}, Slot{"#g_TotalEfficiency", &total}};
    for (const CalibBlock& b : scan_.blocks) {
      auto slot =
          std::find_if(slots.begin(), slots.end(), [&](const Slot& s) { return iequals(s.name, b.name); });
      if (slot == slots.end()) continue;  // reported with the leftovers
      b.taken = true;
      if (slot->found) {
        error(b.at, fmt::format("{} given twice: the first is on line {}", slot->name, slot->found->at.line));
        continue;
      }
      slot->found = &b;
      if (trim(b.data).empty())
        error(b.at,
              fmt::format("{} has no data lines: expected the calibration pairs of chapter 7", slot->name));
      *slot->data = b.data;
    }
    // #g_TotalEfficiency is optional in a PHD (Table 73, 7.2.11): the same holds for its update.
    for (std::size_t i = 0; i < 3; ++i)
      if (!slots[i].found)
        error(command_at(),
              fmt::format("{} needs a {} block with its data lines", command_name(), slots[i].name));
    if (slots[3].found) c.total_efficiency = std::move(total);
    return c;
  }

  // The PEM object of a key-management command: the first one found, if its label is one of `labels`.
  std::optional<PemObject> take_pem(std::span<const std::string_view> labels, std::string_view what,
                                    bool required) {
    const PemBlock* found = nullptr;
    for (const PemBlock& b : scan_.pems) {
      b.taken = true;
      if (found) {
        error(b.at, fmt::format("a second PEM object: {} carries one, {}", command_name(), what));
        continue;
      }
      found = &b;
    }
    if (!found) {
      if (required)
        error(command_at(),
              fmt::format("{} needs {}: a PEM object from '-----BEGIN {}-----' to '-----END {}-----'",
                          command_name(), what, labels[0], labels[0]));
      return std::nullopt;
    }
    if (std::find(labels.begin(), labels.end(), found->object.label) == labels.end()) {
      error(found->at, fmt::format("expected {} ('-----BEGIN {}-----'), found '-----BEGIN {}-----'", what,
                                   labels[0], found->object.label));
      return std::nullopt;
    }
    return found->object;
  }

  // ---- what no command took ----

  void report_leftovers() {
    for (const PemBlock& b : scan_.pems) {
      if (b.lead_in)
        warning(*b.lead_in,
                "a word line before a PEM object is not needed: the object starts at its '-----BEGIN' line");
      if (!b.terminated)
        error(b.at, fmt::format("PEM object '-----BEGIN {}-----' has no '-----END {}-----' line",
                                b.object.label, b.object.label));
      else if (b.wrong_end)
        error(b.wrong_end->at, fmt::format("PEM object '-----BEGIN {}-----' ends with '{}'", b.object.label,
                                           b.wrong_end->text));
      if (!b.taken && command_)
        error(b.at, fmt::format("a PEM object is not part of {}: only GENERATE_KEYPAIR, KEYPAIR_GENERATED, "
                                "START_KEYPAIR and UPDATE_CRL carry one",
                                command_name()));
    }
    for (const CalibBlock& b : scan_.blocks)
      if (!b.taken) {
        const bool known = iequals(b.name, "#g_energy") || iequals(b.name, "#g_resolution") ||
                           iequals(b.name, "#g_efficiency") || iequals(b.name, "#g_totalefficiency");
        if (!known)
          error(b.at, fmt::format("unknown block '{}': UPDATE_CALIBPAIRS carries #g_Energy, #g_Resolution, "
                                  "#g_Efficiency and #g_TotalEfficiency",
                                  b.name));
        else if (command_)
          error(b.at, fmt::format("a {} block is not part of {}: only UPDATE_CALIBPAIRS carries one", b.name,
                                  command_name()));
      }
    if (scan_.response && !scan_.response->taken && command_)
      error(
          scan_.response->tokens[0].at,
          fmt::format("a DATA_TYPE section is not part of {}: only CALIBRATE_RESULT carries one (a RESPONSE)",
                      command_name()));
    if (scan_.free_text && !scan_.free_text->taken)
      error(scan_.free_text->at, "free text: only SAMPLE_NOTSENT carries free text, after its SRID line");
    for (const Unknown& u : scan_.unknown) report_unknown(u);
    if (!command_) return;
    for (const KeyLine& l : scan_.keys)
      if (!l.taken)
        error(l.tokens[0].at,
              fmt::format("{} is not a line of {}: expected {}", l.name(), command_name(), expected_lines()));
  }

  void report_unknown(const Unknown& u) {
    const Token& first = u.tokens[0];
    if (u.lead_in_without_pem) {
      error(first.at,
            fmt::format("expected the PEM object itself after '{}': a block from '-----BEGIN ...-----' to "
                        "'-----END ...-----'",
                        trim(u.text)));
      return;
    }
    if (first.text.front() == '[' || first.text.front() == '{') {
      error(first.at,
            fmt::format("'{}' is not a keyword: the [ ] and {{ }} of the syntax listings mark optional "
                        "lines and placeholders, they are not written",
                        first.text));
      return;
    }
    if (first.text.starts_with("-----")) {
      error(first.at, "not a PEM boundary line: expected '-----BEGIN LABEL-----'");
      return;
    }
    if (command_)
      error(first.at, fmt::format("unknown keyword '{}': expected a line of {}: {}", first.text,
                                  command_name(), expected_lines()));
    else
      error(first.at,
            fmt::format("unknown keyword '{}': expected a command line of Table 165 or one of its lines",
                        first.text));
  }

  MessageType type_;
  const Scanner& scan_;
  Diagnostics& d_;
  Position start_{};  // the first line of the body: where E-MAIL and TIME_STAMP are expected
  Position stop_{};   // the STOP line
  const CommandLine* command_ = nullptr;
  std::string_view rule_ = "8.4";
};

}  // namespace

CommandBody read_command_body(std::span<const Line> lines, MessageType type, const ReadOptions& options,
                              Diagnostics& diagnostics) {
  Scanner scan(lines, options);
  scan.run();
  Diagnostics found;
  CommandBody body = BodyReader(lines, type, scan, found).read();
  // Reported in the order of the input, as a compiler would.
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair{a.line, a.column} < std::pair{b.line, b.column};
  });
  for (auto& d : items) diagnostics.add(std::move(d));
  return body;
}

void check_command_preface(const Preface& preface, Diagnostics& diagnostics) {
  if (preface.type == MessageType::command_response && !preface.ref_id)
    diagnostics.error(
        {preface.begin.number, 1},
        "a command response needs a REF_ID line after MSG_ID, naming the MSG_ID of the command request "
        "it answers",
        "8.1");
}

}  // namespace imsgate::ims2::command
