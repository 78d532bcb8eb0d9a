#include "vdms/engine.hpp"

#include <variant>

#include <fmt/format.h>

#include "ims2/message.hpp"
#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {

namespace {

// "Error[line=4,pos=5]: ...", as the IDC writes its ERROR_LOG (App. I.16): pos is the 0-based column.
std::string position_text(int line, int column) {
  return fmt::format("[line={},pos={}]", line, column > 0 ? column - 1 : 0);
}

std::string diagnostic_line(const ims2::Diagnostic& d) {
  const std::string_view kind = d.severity == ims2::Severity::error ? "Error" : "Warning";
  return d.rule.empty()
             ? fmt::format("{}{}: {}", kind, position_text(d.line, d.column), d.message)
             : fmt::format("{}{}: {} ({})", kind, position_text(d.line, d.column), d.message, d.rule);
}

// The lines of the request message, BEGIN to STOP, as submitted (10.6.2).
std::vector<std::string> echo_lines(std::string_view text, int begin_line) {
  std::vector<std::string> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t lf = text.find('\n');
    std::string_view line = text.substr(0, lf);
    text.remove_prefix(lf == std::string_view::npos ? text.size() : lf + 1);
    if (++number < begin_line) continue;
    line = ims2::trim_right(line);
    lines.emplace_back(line);
    if (ims2::istarts_with(ims2::trim(line), "stop")) break;
  }
  return lines;
}

std::string keyword_name(const ims2::request::RequestLine& line) {
  return ims2::to_upper(ims2::request::request_spec(line.keyword).name);
}

// The request log's line.
void summarize(Answer& answer) {
  answer.outcome =
      fmt::format("{} section{}, {} error{}, {} part{}", answer.sections, answer.sections == 1 ? "" : "s",
                  answer.errors, answer.errors == 1 ? "" : "s", answer.parts, answer.parts == 1 ? "" : "s");
}

}  // namespace

Engine::Engine(const store::Store& store, EngineSettings settings, std::function<std::string()> next_msg_id)
    : store_(store),
      settings_(std::move(settings)),
      next_msg_id_(std::move(next_msg_id)),
      bodies_(settings_.body_cache) {}

std::optional<ResponseDraft> Engine::prepare(std::string_view text, const Requester& requester,
                                             ims2::TimePoint now, Answer& answer) const {
  const ims2::ReadResult read = ims2::read_messages(text);
  if (read.messages.size() == 1 && std::holds_alternative<ims2::HelpMessage>(read.messages.front())) {
    answer.help = true;
    answer.products = "HELP";
    answer.messages.push_back(help_text());
    answer.bytes = answer.messages.front().size();
    answer.parts = 1;
    answer.outcome = "help sent";
    return std::nullopt;
  }

  const ims2::RequestMessage* request = nullptr;
  for (const auto& message : read.messages)
    if ((request = std::get_if<ims2::RequestMessage>(&message))) break;

  ResponseDraft draft;
  if (request) {
    draft.style = request->preface.keyword_case;
    draft.ref = ims2::RefId{request->preface.msg_id.id, request->preface.msg_id.source, {}, {}};
    answer.msg_id = request->preface.msg_id.id;
    draft.log.push_back("Submitted request :");
    for (auto& line : echo_lines(text, request->preface.begin.number)) draft.log.push_back(std::move(line));
  }
  for (const auto& d : read.diagnostics) {
    if (d.severity == ims2::Severity::error)
      draft.errors.push_back(diagnostic_line(d));
    else
      draft.log.push_back(diagnostic_line(d));
  }
  if (!request) {
    std::string what = "no request message was found (BEGIN IMS2.0, MSG_TYPE request, MSG_ID, ..., STOP)";
    if (!read.messages.empty())
      if (const ims2::Preface* preface = ims2::preface_of(read.messages.front()))
        what = fmt::format("MSG_TYPE {} is not answered here: only request messages are",
                           ims2::message_type_name(preface->type));
    draft.errors.push_back(fmt::format("Error{}: {} (10.6.4)", position_text(0, 0), what));
  }
  if (request && !requester.user)
    draft.errors.push_back(
        fmt::format("Error{}: {} is not a registered user: requests are answered for registered users only",
                    position_text(request->preface.begin.number, 0),
                    requester.address.empty() ? "the requester" : requester.address));

  // A serious error aborts the whole message (10.6.4): nothing is executed, every error is reported.
  if (request && draft.errors.empty()) {
    const ims2::request::RequestResolution resolution = ims2::request::resolve_request(request->body);
    answer.reply_to = resolution.reply_to.value_or("");
    const Access access = requester.user->admin
                              ? Access::everything()
                              : Access::of(*requester.user, store_.grants(requester.user->id));
    SectionSource sections(store_, &bodies_);
    ProductContext context{store_, sections, access, draft.style, now};
    for (const auto& job : resolution.jobs) {
      const std::string name = keyword_name(job.request);
      answer.products += (answer.products.empty() ? "" : ",") + name;
      if (job.request.keyword == ims2::request::RequestKeyword::help) {
        draft.log.push_back("HELP:");
        const std::string text = help_text();
        std::string_view help = text;
        while (!help.empty()) {
          const std::size_t lf = help.find('\n');
          draft.log.emplace_back(help.substr(0, lf));
          help.remove_prefix(lf == std::string_view::npos ? help.size() : lf + 1);
        }
        continue;
      }
      ProductOutput out = produce(job, context);
      const int line = job.request.source.number;
      draft.log.push_back(fmt::format("{} (line {}): {} section{}", name, line, out.sections.size(),
                                      out.sections.size() == 1 ? "" : "s"));
      for (auto& note : out.log) draft.log.push_back(fmt::format("{}: {}", name, note));
      for (auto& error : out.errors)
        draft.errors.push_back(fmt::format("Error{}: {}: {}", position_text(line, 1), name, error));
      answer.sections += static_cast<int>(out.sections.size());
      for (auto& section : out.sections) draft.sections.push_back(std::move(section));
    }
  }

  answer.errors = static_cast<int>(draft.errors.size());
  return draft;
}

Answer Engine::answer(std::string_view text, const Requester& requester, Channel channel,
                      ims2::TimePoint now) const {
  Answer answer;
  auto draft = prepare(text, requester, now, answer);
  if (!draft) return answer;
  const std::size_t limit = channel == Channel::email ? settings_.email_limit : settings_.rest_limit;
  answer.messages = write_response(std::move(*draft), limit, {next_msg_id_, settings_.source});
  for (const auto& message : answer.messages) answer.bytes += message.size();
  answer.parts = static_cast<int>(answer.messages.size());
  summarize(answer);
  return answer;
}

Answer Engine::answer(std::string_view text, const Requester& requester, Channel channel, ims2::TimePoint now,
                      const ResponseSink& sink) const {
  Answer answer;
  auto draft = prepare(text, requester, now, answer);
  if (!draft) {
    sink(answer.messages.front());
    answer.messages.clear();
    return answer;
  }
  const std::size_t limit = channel == Channel::email ? settings_.email_limit : settings_.rest_limit;
  const ResponseSize size = write_response(std::move(*draft), limit, {next_msg_id_, settings_.source}, sink);
  answer.bytes = size.bytes;
  answer.parts = size.parts;
  summarize(answer);
  return answer;
}

}  // namespace imsgate::vdms
