// One request line executed against the store: what every product (WAVEFORM, BULLETIN, SAMPLEPHD, ...) is
// given and what it gives back, and the dispatch from request keyword to product.
#pragma once

#include <string>
#include <vector>

#include "ims2/datetime.hpp"
#include "ims2/envelope.hpp"
#include "ims2/message.hpp"
#include "ims2/request/resolution.hpp"
#include "store/store.hpp"
#include "vdms/access.hpp"
#include "vdms/section_source.hpp"

namespace imsgate::vdms {

struct ProductContext {
  const store::Store& store;
  SectionSource& sections;  // the text of stored sections
  const Access& access;     // what the requesting user may receive
  ims2::KeywordCase style;  // the request's keyword case: data sections are written in it
  ims2::TimePoint now;
};

// What one request line produced. `log` lines go into the response's LOG section (what was found, what was
// not there, what the store cannot produce yet); `errors` go into its ERROR_LOG, each prefixed by the engine
// with the request line's position: refusals ("station ARA0 refused: no grant for WAVEFORM"), environments
// the product cannot honour. Nothing of refused data may be in `sections`.
struct ProductOutput {
  std::vector<ims2::DataSection> sections;  // in the order they go into the response
  std::vector<std::string> log;
  std::vector<std::string> errors;
};

// The codes of a list environment in force (STA_LIST, CHAN_LIST, ...), as written, '*' wildcards kept; a lone
// "*" when it holds none.
std::vector<std::string> list_items(const ims2::request::Environment& environment,
                                    ims2::request::EnvKeyword keyword);
// True when the code matches one of the patterns ('*' wildcards, case-insensitive).
bool matches_any(const std::vector<std::string>& patterns, std::string_view code);

// Executes one job of a resolved request. The job's line has passed ims2::request::check_request_line, so
// its required environments are given.
ProductOutput produce(const ims2::request::Job& job, ProductContext& context);

// The products by domain; `produce` picks one. WAVEFORM (products_waveform.cpp); BULLETIN, ORIGIN, EVENT,
// ARRIVAL and SLSD (products_events.cpp); the other S/H/I lines: station metadata and status reports
// (products_shi.cpp); the radionuclide lines and EXECSUM (products_rn.cpp).
ProductOutput produce_waveform(const ims2::request::Job& job, ProductContext& context);
ProductOutput produce_events(const ims2::request::Job& job, ProductContext& context);
ProductOutput produce_shi(const ims2::request::Job& job, ProductContext& context);
ProductOutput produce_rn(const ims2::request::Job& job, ProductContext& context);

}  // namespace imsgate::vdms
