#include "ims2/envelope.hpp"

#include <array>

#include <fmt/format.h>

#include "ims2/free_format.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2 {
namespace {

constexpr std::array kMessageTypes = {
    std::pair{"request", MessageType::request},
    std::pair{"subscription", MessageType::subscription},
    std::pair{"data", MessageType::data},
    std::pair{"labdata", MessageType::labdata},
    std::pair{"command_request", MessageType::command_request},
    std::pair{"command_response", MessageType::command_response},
};

constexpr std::array kVersions = {
    std::pair{"IMS2.0", FormatVersion::ims2_0},
    std::pair{"IMS1.0", FormatVersion::ims1_0},
    std::pair{"GSE2.0", FormatVersion::gse2_0},
    std::pair{"GSE2.1", FormatVersion::gse2_1},
};

constexpr std::size_t kMaxIdLength = 20;
constexpr std::size_t kMaxSourceLength = 16;

bool is_keyword(const std::vector<Token>& tokens, std::string_view keyword) {
  return !tokens.empty() && iequals(tokens.front().text, keyword);
}

// Reads the preface of one message, line by line; knows which line it expects next.
class PrefaceReader {
 public:
  PrefaceReader(Preface& preface, Diagnostics& diagnostics) : p_(preface), d_(diagnostics) {}

  bool read_begin(const std::vector<Token>& t) {
    p_.keyword_case = t[0].text[0] >= 'A' && t[0].text[0] <= 'Z' ? KeywordCase::upper : KeywordCase::lower;
    if (t.size() < 2) {
      d_.error(t[0].at, "BEGIN needs the message format, e.g. 'BEGIN IMS2.0'", "3.2.1");
      return false;
    }
    auto version = parse_format_version(t[1].text);
    if (!version) {
      d_.error(t[1].at, fmt::format("unknown message format '{}': expected IMS2.0", t[1].text), "3.2.1");
      return false;
    }
    p_.version = *version;
    if (*version != FormatVersion::ims2_0)
      d_.warning(t[1].at, fmt::format("legacy message format '{}': read with the IMS2.0 rules", t[1].text),
                 "3.2.1");
    extra_tokens(t, 2);
    return true;
  }

  bool read_msg_type(const std::vector<Token>& t, Position at) {
    if (!is_keyword(t, "msg_type")) {
      d_.error(at, "expected MSG_TYPE on the line after BEGIN", "3.2.2");
      return false;
    }
    if (t.size() < 2) {
      d_.error(t[0].at,
               "MSG_TYPE needs a type: request, subscription, data, command_request or command_response",
               "3.2.2");
      return false;
    }
    auto type = parse_message_type(t[1].text);
    if (!type) {
      d_.error(
          t[1].at,
          fmt::format("unknown message type '{}': expected request, subscription, data, command_request or "
                      "command_response",
                      t[1].text),
          "3.2.2");
      return false;
    }
    p_.type = *type;
    extra_tokens(t, 2);
    return true;
  }

  bool read_msg_id(const std::vector<Token>& t, Position at) {
    if (!is_keyword(t, "msg_id")) {
      d_.error(at, "expected MSG_ID on the line after MSG_TYPE", "3.2.3");
      return false;
    }
    if (t.size() < 2) {
      d_.error(t[0].at, "MSG_ID needs an id_string (and optionally a source)", "3.2.3");
      return false;
    }
    p_.msg_id.id = std::string(t[1].text);
    check_id(t[1], kMaxIdLength, "id_string", "3.2.3");
    if (t.size() > 2) {
      p_.msg_id.source = std::string(t[2].text);
      check_id(t[2], kMaxSourceLength, "source", "3.2.3");
    }
    extra_tokens(t, 3);
    return true;
  }

  // REF_ID, PROD_ID or ACK after MSG_ID. Returns false when the line is none of them.
  bool read_optional(const std::vector<Token>& t) {
    if (is_keyword(t, "ref_id")) return read_ref_id(t), true;
    if (is_keyword(t, "prod_id")) return read_prod_id(t), true;
    if (is_keyword(t, "ack") && !p_.ack) return read_ack(t), true;
    return false;
  }

 private:
  void duplicate(const Token& keyword, bool already) {
    if (already) d_.error(keyword.at, fmt::format("{} given twice", to_upper(keyword.text)), "3.2");
  }

  void read_ref_id(const std::vector<Token>& t) {
    duplicate(t[0], p_.ref_id.has_value());
    if (p_.type == MessageType::request || p_.type == MessageType::subscription)
      d_.warning(t[0].at, "REF_ID in a request or subscription: the VDMS treats the message as returned mail",
                 "10.6.3");
    if (t.size() < 2) {
      d_.error(t[0].at, "REF_ID needs the ref_str of the message answered", "3.2.4");
      return;
    }
    RefId ref;
    ref.id = std::string(t[1].text);
    check_id(t[1], kMaxIdLength, "ref_str", "3.2.4");
    std::size_t i = 2;
    if (i < t.size() && !iequals(t[i].text, "part")) {
      ref.source = std::string(t[i].text);
      check_id(t[i], kMaxSourceLength, "ref_src", "3.2.4");
      ++i;
    }
    if (i < t.size() && iequals(t[i].text, "part")) {
      auto number = [&](std::size_t k, std::string_view what) -> std::optional<int> {
        auto v = k < t.size() ? parse_integer(t[k].text) : std::nullopt;
        if (!v || *v < 1 || *v > 1000000) {
          d_.error(k < t.size() ? t[k].at : t[k - 1].at,
                   fmt::format("expected {} (a positive integer)", what), "3.2.4");
          return std::nullopt;
        }
        return static_cast<int>(*v);
      };
      ref.part = number(i + 1, "the part number after PART");
      i += 2;
      if (i < t.size() && iequals(t[i].text, "of")) {
        ref.total = number(i + 1, "the number of parts after OF");
        if (ref.part && ref.total && *ref.part > *ref.total)
          d_.error(t[i + 1].at,
                   fmt::format("part {} of {}: the part number exceeds the number of parts", *ref.part,
                               *ref.total),
                   "3.5.6");
        i += 2;
      }
    }
    extra_tokens(t, i);
    p_.ref_id = std::move(ref);
  }

  void read_prod_id(const std::vector<Token>& t) {
    duplicate(t[0], p_.prod_id.has_value());
    auto product = t.size() > 1 ? parse_integer(t[1].text) : std::nullopt;
    auto delivery = t.size() > 2 ? parse_integer(t[2].text) : std::nullopt;
    if (!product || !delivery) {
      d_.error(t.size() > 1 ? t[1].at : t[0].at, "PROD_ID needs two integers: product_id delivery_id",
               "3.2.6");
      return;
    }
    p_.prod_id = ProdId{*product, *delivery};
    extra_tokens(t, 3);
  }

  void read_ack(const std::vector<Token>& t) {
    if (t.size() < 2 || !(iequals(t[1].text, "true") || iequals(t[1].text, "false"))) {
      d_.error(t.size() > 1 ? t[1].at : t[0].at, "ACK takes TRUE or FALSE", "3.2.5");
      return;
    }
    p_.ack = iequals(t[1].text, "true");
    extra_tokens(t, 2);
  }

  void check_id(const Token& token, std::size_t max, std::string_view what, std::string_view rule) {
    if (token.text.find('\\') != std::string_view::npos)
      d_.error(token.at, fmt::format("the {} must not contain a backslash", what), std::string(rule));
    if (token.text.size() > max)
      d_.warning(token.at, fmt::format("the {} '{}' is longer than {} characters", what, token.text, max),
                 std::string(rule));
  }

  void extra_tokens(const std::vector<Token>& t, std::size_t expected) {
    if (t.size() > expected)
      d_.error(
          t[expected].at,
          fmt::format("unexpected '{}' at the end of the {} line", t[expected].text, to_upper(t[0].text)),
          "3.2");
  }

  Preface& p_;
  Diagnostics& d_;
};

}  // namespace

std::optional<MessageType> parse_message_type(std::string_view word) {
  for (auto [name, type] : kMessageTypes)
    if (iequals(word, name)) return type;
  return std::nullopt;
}

std::string_view message_type_name(MessageType type) {
  for (auto [name, t] : kMessageTypes)
    if (t == type) return name;
  return "?";
}

std::optional<FormatVersion> parse_format_version(std::string_view word) {
  for (auto [name, v] : kVersions)
    if (iequals(word, name)) return v;
  return std::nullopt;
}

std::string_view format_version_name(FormatVersion version) {
  for (auto [name, v] : kVersions)
    if (v == version) return name;
  return "?";
}

void append_keyword(std::string& out, std::string_view keyword, KeywordCase style) {
  for (char c : keyword) out += style == KeywordCase::upper ? ascii_upper(c) : ascii_lower(c);
}

SplitInput split_messages(std::string_view input, Diagnostics& diagnostics) {
  SplitInput result;
  LineReader reader(input);
  std::optional<Position> skipped;  // first line of the current run of free text outside a message
  int skipped_count = 0;
  std::vector<std::string_view> outside_words;

  auto flush_skipped = [&] {
    if (skipped)
      diagnostics.warning(
          *skipped, fmt::format("{} line(s) of free text outside BEGIN ... STOP skipped", skipped_count),
          "3.4.1");
    skipped.reset();
    skipped_count = 0;
  };

  std::optional<Line> pending;  // a BEGIN line met inside an unfinished message
  while (true) {
    std::optional<Line> line = pending ? pending : reader.next();
    pending.reset();
    if (!line) break;
    const LogicalLine logical(*line);
    auto tokens = logical.tokens();
    if (!is_keyword(tokens, "begin")) {
      if (!tokens.empty()) {
        if (!skipped) skipped = tokens.front().at;
        ++skipped_count;
        if (outside_words.size() < 2) outside_words.push_back(trim(line->text));
      }
      continue;
    }
    flush_skipped();

    Envelope envelope;
    envelope.preface.begin.number = line->number;
    PrefaceReader preface(envelope.preface, diagnostics);
    bool ok = preface.read_begin(tokens);
    int stage = 0;  // 0: expect MSG_TYPE, 1: expect MSG_ID, 2: optional lines, 3: body
    bool nested_begin = false;
    while (auto next = reader.next()) {
      const LogicalLine body_line(*next);
      auto t = body_line.tokens();
      // Inside data sections only a left-justified STOP ends the message: an indented one is comment text
      // (3.5.8), and a BEGIN is text too (a LOG section may echo a request). Elsewhere indentation is
      // tolerated and a BEGIN starts the next message.
      const bool in_data = stage == 3 && (envelope.preface.type == MessageType::data ||
                                          envelope.preface.type == MessageType::labdata);
      if (in_data && !t.empty() && t.front().at.column != 1) t.clear();
      if (is_keyword(t, "stop")) {
        envelope.complete = true;
        if (t.size() > 1) diagnostics.warning(t[1].at, "text after STOP ignored", "3.4.1");
        break;
      }
      // The 1,024-character limit (3.5.2) holds for every line but the data lines of data sections, which may
      // run longer; their readers judge them.
      if (!in_data && next->text.size() > kMaxLineLength)
        diagnostics.error(
            {next->number, static_cast<int>(kMaxLineLength) + 1},
            fmt::format("line of {} characters: the limit is {}", next->text.size(), kMaxLineLength),
            "3.5.2");
      if (!in_data && is_keyword(t, "begin") && t.size() >= 2 && parse_format_version(t[1].text)) {
        pending = next;
        nested_begin = true;
        break;
      }
      if (stage < 3 && t.empty()) continue;
      const Position at{next->number, 1};
      if (stage == 0) {
        ok = preface.read_msg_type(t, at) && ok;
        stage = 1;
      } else if (stage == 1) {
        ok = preface.read_msg_id(t, at) && ok;
        stage = 2;
      } else if (stage == 2 && !t.empty() && preface.read_optional(t)) {
        // stays in the optional lines
      } else {
        stage = 3;
        envelope.body.push_back(*next);
      }
    }
    if (!envelope.complete) {
      diagnostics.error({envelope.preface.begin.number, 1},
                        nested_begin
                            ? "message has no STOP before the next BEGIN: it is incomplete and discarded"
                            : "message has no STOP: it is incomplete and discarded",
                        "3.4.1");
    } else if (stage < 2) {
      diagnostics.error({envelope.preface.begin.number, 1},
                        "message ends before its preface: BEGIN, MSG_TYPE and MSG_ID are required", "3.1");
      ok = false;
    }
    if (ok) result.envelopes.push_back(std::move(envelope));
  }

  if (result.envelopes.empty() && skipped_count == 1 && iequals(outside_words.front(), "help")) {
    result.help = true;
    return result;
  }
  if (result.envelopes.empty() && !diagnostics.has_errors())
    diagnostics.error({0, 0}, "no message found: expected a line 'BEGIN IMS2.0'", "3.1");
  flush_skipped();
  return result;
}

void write_preface(const Preface& p, std::string& out) {
  const KeywordCase k = p.keyword_case;
  auto word = [&](std::string_view w) { append_keyword(out, w, k); };
  word("begin");
  out += ' ';
  word(format_version_name(p.version));
  out += '\n';
  word("msg_type");
  out += ' ';
  word(message_type_name(p.type));
  out += '\n';
  word("msg_id");
  out += ' ' + p.msg_id.id;
  if (!p.msg_id.source.empty()) out += ' ' + p.msg_id.source;
  out += '\n';
  if (p.ref_id) {
    word("ref_id");
    out += ' ' + p.ref_id->id;
    if (!p.ref_id->source.empty()) out += ' ' + p.ref_id->source;
    if (p.ref_id->part) {
      out += ' ';
      word("part");
      out += fmt::format(" {}", *p.ref_id->part);
      if (p.ref_id->total) {
        out += ' ';
        word("of");
        out += fmt::format(" {}", *p.ref_id->total);
      }
    }
    out += '\n';
  }
  if (p.prod_id) {
    word("prod_id");
    out += fmt::format(" {} {}\n", p.prod_id->product, p.prod_id->delivery);
  }
  if (p.ack) {
    word("ack");
    out += ' ';
    word(*p.ack ? "true" : "false");
    out += '\n';
  }
}

}  // namespace imsgate::ims2
