// NETWORK data type (6.2.2, Table 13): network codes and their descriptions.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ims2/diagnostic.hpp"
#include "ims2/message.hpp"

namespace imsgate::ims2::shi {

struct NetworkRecord {
  std::string code;
  std::string description;
  bool operator==(const NetworkRecord&) const = default;
};

struct Network {
  std::vector<NetworkRecord> records;
  bool operator==(const Network&) const = default;
};

Network read_network(const DataSection& section, Diagnostics& diagnostics);
tl::expected<std::string, std::string> write_network(const Network& network);

}  // namespace imsgate::ims2::shi
