#include <fmt/format.h>

#include "ims2/text.hpp"
#include "vdms/product.hpp"

namespace imsgate::vdms {

ProductOutput produce_events(const ims2::request::Job& job, ProductContext&) {
  ProductOutput out;
  out.log.push_back(fmt::format("{} cannot be produced from the store yet",
                                ims2::to_upper(ims2::request::request_spec(job.request.keyword).name)));
  return out;
}

}  // namespace imsgate::vdms
