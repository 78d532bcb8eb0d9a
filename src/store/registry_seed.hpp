// Seeds the station registry from the IMS code tables that ship in data/registry/ (stations and
// laboratories).
#pragma once

#include <filesystem>

#include <tl/expected.hpp>

#include "store/store.hpp"

namespace imsgate::store {

// Puts every station and laboratory of the code tables in `data_dir` that the store does not hold yet, with
// its kind (from its table), name, ISO country code, and coordinates where a table has `latitude`/`longitude`
// columns, in one transaction. Stations the store holds already are left as they are (their policy and
// addresses are the operator's). Returns how many were added.
tl::expected<int, Error> load_registry(Store& store, const std::filesystem::path& data_dir);

}  // namespace imsgate::store
