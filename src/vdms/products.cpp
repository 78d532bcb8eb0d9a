#include <algorithm>

#include <fmt/format.h>

#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {

std::vector<std::string> list_items(const ims2::request::Environment& environment,
                                    ims2::request::EnvKeyword keyword) {
  std::vector<std::string> items;
  if (const auto* list = std::get_if<ims2::request::ItemList>(&environment.value(keyword)))
    for (const auto& item : list->items) items.push_back(item.text);
  if (items.empty()) items.emplace_back("*");
  return items;
}

bool matches_any(const std::vector<std::string>& patterns, std::string_view code) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return ims2::wildcard_match(p, code); });
}

ProductOutput produce(const ims2::request::Job& job, ProductContext& context) {
  using ims2::request::Domain;
  using ims2::request::RequestKeyword;
  const auto& spec = ims2::request::request_spec(job.request.keyword);
  switch (ims2::request::canonical(job.request.keyword)) {
    case RequestKeyword::waveform:
      return produce_waveform(job, context);
    case RequestKeyword::bulletin:
    case RequestKeyword::origin:
    case RequestKeyword::event:
    case RequestKeyword::arrival:
      return produce_events(job, context);
    case RequestKeyword::execsum:  // an IDC product, sent as received, like the radionuclide reports
      return produce_rn(job, context);
    default:
      break;
  }
  switch (spec.domain) {
    case Domain::shi:
      return produce_shi(job, context);
    case Domain::radionuclide:
      return produce_rn(job, context);
    case Domain::subscription_command:
    case Domain::help:
      break;
  }
  ProductOutput out;
  out.errors.push_back(fmt::format("{} is not a product of request messages", ims2::to_upper(spec.name)));
  return out;
}

}  // namespace imsgate::vdms
