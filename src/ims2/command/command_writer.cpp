// Writes the body of a command message canonically: one blank between fields, keywords in the message's case,
// the lines of each command in the order of its listing in chapter 8, numbers as they were written.
#include <fmt/format.h>

#include "ims2/command/command.hpp"

namespace imsgate::ims2::command {
namespace {

class Writer {
 public:
  Writer(KeywordCase style, std::string& out) : k_(style), out_(out) {}

  // "keyword value\n"; the value as it is (codes, numbers, names, date-times).
  void line(std::string_view keyword, std::string_view value = {}) {
    append_keyword(out_, keyword, k_);
    if (!value.empty()) (out_ += ' ') += value;
    out_ += '\n';
  }
  // "keyword word\n" with the word a keyword too (YES, RANDOM, NOT_CONFIRMED, ...).
  void keyword_line(std::string_view keyword, std::string_view word) {
    append_keyword(out_, keyword, k_);
    out_ += ' ';
    append_keyword(out_, word, k_);
    out_ += '\n';
  }
  void text(std::string_view lines) { out_ += lines; }

  void head(const CommandBody& b) {
    if (b.email) line("e-mail", *b.email);
    line("time_stamp", write_date_time(b.time_stamp));
  }

  void station(const CommandBody& b) {
    std::string value = b.station.code;
    if (!b.station.detector.empty()) (value += ' ') += b.station.detector;
    line("sta_list", value);
    if (!b.channels.empty()) {
      std::string list;
      for (const auto& c : b.channels) list += (list.empty() ? "" : ", ") + c;
      line("chan_list", list);
    }
    if (b.auth_id) line("auth_id", *b.auth_id);
  }

  void start_time(const ConfirmedTime& t) {
    if (const auto* dt = std::get_if<DateTime>(&t))
      line("start_time", write_date_time(*dt));
    else
      keyword_line("start_time", "not_confirmed");
  }

  void calib_param(const CalibParam& p) {
    std::string values;
    auto add = [&](const std::optional<Number>& n) {
      if (n) (values += values.empty() ? "" : " ") += n->text;
    };
    add(p.frequency);
    add(p.final_frequency);
    add(p.duration);
    add(p.gap);
    add(p.amplitude);
    line("calib_param", values);
  }

  void recipient(const Recipient& r) {
    line("poc", r.poc);
    line("organization", r.organization);
    for (const auto& a : r.address) line("address", a);
  }

  void response(const ResponseSection& s) {
    std::string header = s.type;
    if (!s.subtype.empty()) (header += ':') += s.subtype;
    if (!s.format.empty()) (header += ' ') += s.format;
    line("data_type", header);
    text(s.body);
  }

 private:
  KeywordCase k_;
  std::string& out_;
};

std::string_view type_name(CalibrationType t) {
  switch (t) {
    case CalibrationType::random:
      return "random";
    case CalibrationType::sine:
      return "sine";
    case CalibrationType::pulse:
      return "pulse";
    case CalibrationType::sweep:
      break;
  }
  return "sweep";
}

}  // namespace

void write_command_body(const CommandBody& b, MessageType, KeywordCase style, std::string& out) {
  Writer w(style, out);
  w.head(b);
  const auto kind = command_kind(b.command);
  const std::string_view keyword = kind ? command_keyword(*kind) : std::string_view();
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          w.station(b);
        } else if constexpr (std::is_same_v<T, CalibrateStart>) {
          w.line("start_time", write_date_time(c.start_time));
          w.station(b);
          w.keyword_line("sensor", c.sensor ? "yes" : "no");
          w.keyword_line("type", type_name(c.type));
          for (const auto& p : c.params) w.calib_param(p);
          w.line(keyword);
        } else if constexpr (std::is_same_v<T, CalibrateConfirm>) {
          w.station(b);
          w.start_time(c.start_time);
          w.line(keyword);
        } else if constexpr (std::is_same_v<T, CalibrateResult>) {
          w.station(b);
          w.line(keyword);
          w.keyword_line("in_spec", c.in_spec ? "yes" : "no");
          if (c.calib) w.line("calib", c.calib->text);
          if (c.calper) w.line("calper", c.calper->text);
          if (c.response) w.response(*c.response);
        } else if constexpr (std::is_same_v<T, SpecialMeasurementStart>) {
          w.station(b);
          w.line(keyword);
          w.line("start_time", write_date_time(c.start_time));
          w.line("duration", c.duration.text);
        } else if constexpr (std::is_same_v<T, SpecialMeasurementConfirm>) {
          w.station(b);
          w.line(keyword);
          w.start_time(c.start_time);
        } else if constexpr (std::is_same_v<T, ChangeDecay>) {
          w.station(b);
          w.line(keyword);
          if (c.start_time) w.line("start_time", write_date_time(*c.start_time));
          w.line("decay_time", c.decay_time.text);
        } else if constexpr (std::is_same_v<T, DecayChanged>) {
          w.station(b);
          w.line(keyword);
          w.line("new_decay_time", c.new_decay_time.text + ' ' + c.srid);
        } else if constexpr (std::is_same_v<T, SendSample>) {
          w.station(b);
          w.line(keyword);
          w.keyword_line("priority", c.priority == Priority::urgent ? "urgent" : "routine");
          w.line("srid", c.srid);
          w.recipient(c.recipient);
        } else if constexpr (std::is_same_v<T, SampleSent>) {
          w.station(b);
          w.line(keyword);
          w.line("srid", c.srid);
          w.line("mass", c.mass.full.text + ' ' + c.mass.split.text);
          w.recipient(c.recipient);
          w.line("courier", c.courier);
          w.line("handover", write_date_time(c.handover));
          w.line("arrival", write_date_time(c.arrival));
          w.line("awb", c.awb);
          w.line("seal", c.seal);
        } else if constexpr (std::is_same_v<T, SampleNotSent>) {
          w.station(b);
          w.line(keyword);
          w.line("srid", c.srid);
          w.text(c.reason);
        } else if constexpr (std::is_same_v<T, SampleReceived>) {
          w.station(b);
          w.line(keyword);
          w.line("srid", c.srid);
          w.line("arrival", write_date_time(c.arrival));
        } else if constexpr (std::is_same_v<T, UpdateCalibPairs>) {
          w.station(b);
          w.line(keyword);
          // Block names are mixed case in every message type (chapter 7), whatever the case of the keywords.
          w.text("#g_Energy\n");
          w.text(c.energy);
          w.text("#g_Resolution\n");
          w.text(c.resolution);
          w.text("#g_Efficiency\n");
          w.text(c.efficiency);
          if (c.total_efficiency) {
            w.text("#g_TotalEfficiency\n");
            w.text(*c.total_efficiency);
          }
        } else if constexpr (std::is_same_v<T, GenerateKeypair>) {
          w.station(b);
          w.line(keyword);
          if (c.dsa_parameters) w.text(c.dsa_parameters->text);
        } else if constexpr (std::is_same_v<T, KeypairGenerated>) {
          w.station(b);
          w.line(keyword);
          if (c.signature) w.line("signature", *c.signature);
          w.text(c.certificate_request.text);
        } else if constexpr (std::is_same_v<T, StartKeypair>) {
          w.station(b);
          if (c.start_time) w.line("start_time", write_date_time(*c.start_time));
          w.line(keyword);
          w.text(c.certificate.text);
        } else if constexpr (std::is_same_v<T, UpdateCrl>) {
          w.station(b);
          w.line(keyword);
          w.text(c.crl.text);
        } else if constexpr (std::is_same_v<T, CrlUpdated>) {
          w.station(b);
          if (c.start_time) w.line("start_time", write_date_time(*c.start_time));
          w.line(keyword);
        } else {
          static_assert(std::is_same_v<T, CalibPairsUpdated> || std::is_same_v<T, KeypairStarted>);
          w.station(b);
          w.line(keyword);
        }
      },
      b.command);
}

}  // namespace imsgate::ims2::command
