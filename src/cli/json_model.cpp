#include "cli/json_model.hpp"

#include "cli/json_rn.hpp"
#include "ims2/datetime.hpp"
#include "ims2/shi/section.hpp"

namespace imsgate::cli {

using nlohmann::json;

json to_json(const ims2::Diagnostic& d) {
  return {{"severity", ims2::severity_name(d.severity)},
          {"line", d.line},
          {"column", d.column},
          {"message", d.message},
          {"rule", d.rule}};
}

json to_json(const ims2::Preface& p) {
  json j = {{"format", ims2::format_version_name(p.version)},
            {"msg_type", ims2::message_type_name(p.type)},
            {"msg_id", {{"id", p.msg_id.id}, {"source", p.msg_id.source}}},
            {"line", p.begin.number}};
  if (p.ref_id) {
    json r = {{"id", p.ref_id->id}, {"source", p.ref_id->source}};
    if (p.ref_id->part) r["part"] = *p.ref_id->part;
    if (p.ref_id->total) r["of"] = *p.ref_id->total;
    j["ref_id"] = r;
  }
  if (p.prod_id) j["prod_id"] = {{"product_id", p.prod_id->product}, {"delivery_id", p.prod_id->delivery}};
  if (p.ack) j["ack"] = *p.ack;
  return j;
}

namespace {

json section_header(const ims2::DataSection& s) {
  json j = {{"data_type", s.header.type}, {"line", s.line.number}};
  if (!s.header.subtype.empty()) j["subtype"] = s.header.subtype;
  if (!s.header.format.empty()) j["format"] = s.header.format;
  if (!s.header.subformat.empty()) j["subformat"] = s.header.subformat;
  return j;
}

}  // namespace

json summary_json(const ims2::Message& m) {
  if (std::holds_alternative<ims2::HelpMessage>(m)) return {{"msg_type", "help"}};
  json j = to_json(*ims2::preface_of(m));
  if (const auto* data = std::get_if<ims2::DataMessage>(&m)) {
    json sections = json::array();
    for (const auto& s : data->sections) sections.push_back(section_header(s));
    j["sections"] = sections;
  }
  return j;
}

json to_json(const ims2::Message& m, const JsonOptions& options) {
  json j = summary_json(m);
  std::visit(
      [&](const auto& msg) {
        using T = std::decay_t<decltype(msg)>;
        if constexpr (std::is_same_v<T, ims2::DataMessage>) {
          if (msg.email) j["e-mail"] = *msg.email;
          if (msg.bare) j["bare"] = true;
          json sections = json::array();
          for (const auto& s : msg.sections) {
            json sj = section_header(s);
            ims2::Diagnostics ignored;  // reported by the reader of the whole message
            if (auto model = ims2::shi::read_section(s, ignored))
              sj["model"] = to_json(*model, options);
            else if (auto rn_model = ims2::rn::read_section(s, ignored))
              sj["model"] = to_json(*rn_model);
            else
              sj["text"] = s.body;
            sections.push_back(sj);
          }
          j["sections"] = sections;
        } else if constexpr (!std::is_same_v<T, ims2::HelpMessage>) {
          j["body"] = to_json(msg.body);
        }
      },
      m);
  return j;
}

}  // namespace imsgate::cli
