// The HELP text (10.7), made from the same keyword tables the request reader uses, so that it cannot say
// other than what is read, and from what the store holds.
#include <fmt/format.h>

#include "ims2/datetime.hpp"
#include "ims2/request/keywords.hpp"
#include "ims2/text.hpp"
#include "vdms/engine.hpp"

namespace imsgate::vdms {

namespace {

std::string options_text(std::span<const ims2::request::Option> options, std::string_view default_name) {
  std::string text;
  for (const auto& option : options) {
    if (!text.empty()) text += ", ";
    text += ims2::to_upper(option.name);
    if (option.name == default_name) text += " (default)";
  }
  return text;
}

std::string limit_text(std::size_t bytes) {
  return bytes == 0 ? std::string("no limit") : fmt::format("{} bytes", bytes);
}

std::string time_text(const std::optional<ims2::TimePoint>& t) {
  return t ? ims2::write_fixed_date_time(*t, 0) : std::string("-");
}

}  // namespace

std::string Engine::help_text() const {
  using namespace ims2::request;
  std::string out;
  auto line = [&out](std::string_view text) {
    out += text;
    out += '\n';
  };
  line("imsgate: IMS2.0 requests (IDC-ENG-SPC-103-Rev.8, chapter 4)");
  line("");
  line("Contact");
  line(fmt::format("  {}",
                   settings_.contact.empty() ? "the operator of this data centre" : settings_.contact));
  line("");
  line("How to ask");
  line("  Send a request message (BEGIN IMS2.0 / MSG_TYPE request / MSG_ID ... / lines / STOP) by e-mail,");
  line("  or POST it to /api/v1/requests with an API token. The response is a data message whose REF_ID");
  line("  names your MSG_ID; your request is echoed in its LOG section, and every error is listed in its");
  line(
      "  ERROR_LOG as Error[line=L,pos=P], P counting columns from 0. A message with an error is not "
      "executed.");
  line("");
  line("Local limits");
  line(fmt::format("  e-mailed response: {} per message; larger ones are split into parts at DATA_TYPE lines",
                   limit_text(settings_.email_limit)));
  line(fmt::format("  response over HTTP: {} per message", limit_text(settings_.rest_limit)));
  line("  requests are answered for registered users only, and only with the stations and products granted");
  line("  to them; returned mail (mailer-daemon, postmaster) is not answered");
  line("");
  line("Request lines: KEYWORD[:subtype] [IMS2.0[:subformat]]");
  for (const RequestSpec& spec : request_specs()) {
    if (spec.request_section.empty()) continue;
    std::string entry = fmt::format("  {:<13} ({})", ims2::to_upper(spec.name), spec.request_section);
    if (!spec.subtypes.empty()) entry += " subtypes: " + options_text(spec.subtypes, spec.default_subtype);
    if (!spec.subformats.empty())
      entry += " subformats: " + options_text(spec.subformats, spec.default_subformat);
    line(entry);
  }
  line("");
  line("Environments");
  for (const EnvSpec& spec : env_specs()) {
    if (spec.use == EnvUse::subscription_only || spec.legacy) continue;
    line(fmt::format("  {:<17} ({}){}", ims2::to_upper(spec.name), spec.section,
                     spec.default_text.empty() ? "" : fmt::format(" default: {}", spec.default_text)));
  }
  line("");
  line("Data held (data type, station, channel, count, from, to)");
  const auto holdings = store_.holdings();
  if (holdings.empty()) line("  none yet");
  for (const auto& h : holdings)
    line(fmt::format("  {:<14} {:<6} {:<4} {:>7}  {}  {}", h.data_type, h.station.empty() ? "-" : h.station,
                     h.channel.empty() ? "-" : h.channel, h.count, time_text(h.first), time_text(h.last)));
  return out;
}

}  // namespace imsgate::vdms
