// A whole file mapped read-only into memory: large inputs are read without copying them onto the heap.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imsgate::cli {

class MappedFile {
 public:
  // The mapped file, or nothing with the reason in `error`.
  static std::optional<MappedFile> open(const std::string& path, std::string& error);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace imsgate::cli
