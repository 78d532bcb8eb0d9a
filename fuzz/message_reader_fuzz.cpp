// Fuzzes the whole message reader (envelope, request, subscription, command, data sections) and checks the
// writer's promise: a message read without errors, written and read again, gives the same model.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ims2/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto first = imsgate::ims2::read_messages(input);
  if (first.diagnostics.has_errors()) return 0;
  const std::string written = imsgate::ims2::write_messages(first.messages);
  const auto second = imsgate::ims2::read_messages(written);
  if (second.diagnostics.has_errors() || second.messages != first.messages) std::abort();
  if (imsgate::ims2::write_messages(second.messages) != written) std::abort();
  return 0;
}
