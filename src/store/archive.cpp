#include "store/archive.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

namespace imsgate::store {

namespace fs = std::filesystem;

namespace {

// A file descriptor that closes itself.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now, to see the error that a write-back at close may report.
  int close() { return ::close(std::exchange(fd_, -1)); }

 private:
  int fd_;
};

std::string errno_text(std::string_view what, const fs::path& path) {
  return fmt::format("{} {}: {}", what, path.string(), std::strerror(errno));
}

bool is_sha256_hex(std::string_view name) {
  if (name.size() != 64) return false;
  for (char c : name) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

tl::expected<void, std::string> write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return tl::unexpected(errno_text("cannot write", path));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // EVP_Digest fails only when the digest cannot be fetched or memory runs out; the empty string then tells
  // every caller that no name could be made.
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) return {};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0x0f];
  }
  return hex;
}

RawArchive::RawArchive(fs::path root) : root_(std::move(root)) {
  std::error_code ignored;  // a folder that cannot be made shows up as put()'s error
  fs::create_directories(root_, ignored);
}

fs::path RawArchive::path_of(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) return {};
  return root_ / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

bool RawArchive::contains(std::string_view sha256) const {
  const fs::path path = path_of(sha256);
  std::error_code ec;
  return !path.empty() && fs::is_regular_file(path, ec);
}

tl::expected<std::string, std::string> RawArchive::put(std::string_view bytes) {
  std::string hash = sha256_hex(bytes);
  if (hash.empty()) return tl::unexpected(std::string("cannot compute SHA-256"));
  const fs::path final_path = path_of(hash);
  // Same name, same bytes. But a file renamed into place and never synced may come back empty or short after
  // a power loss, so one already there is compared before it stands for these bytes (only duplicates pay).
  if (contains(hash)) {
    auto existing = get(hash);
    if (existing && *existing == bytes) return hash;
  }

  std::error_code ec;
  const fs::path tmp_dir = root_ / "tmp";
  fs::create_directories(tmp_dir, ec);
  if (ec) return tl::unexpected(fmt::format("cannot create {}: {}", tmp_dir.string(), ec.message()));
  fs::create_directories(final_path.parent_path(), ec);
  if (ec)
    return tl::unexpected(
        fmt::format("cannot create {}: {}", final_path.parent_path().string(), ec.message()));

  std::string tmp_name = (tmp_dir / (hash.substr(0, 16) + ".XXXXXX")).string();
  Fd fd(::mkstemp(tmp_name.data()));
  if (fd.get() < 0) return tl::unexpected(errno_text("cannot create", tmp_name));
  const fs::path tmp_path = tmp_name;
  auto written = write_all(fd.get(), bytes, tmp_path);
  // 0444: the archive never modifies a file; fchmod is not subject to the umask.
  if (written && ::fchmod(fd.get(), 0444) != 0)
    written = tl::unexpected(errno_text("cannot chmod", tmp_path));
  if (written && fd.close() != 0) written = tl::unexpected(errno_text("cannot close", tmp_path));
  if (written && ::rename(tmp_name.c_str(), final_path.c_str()) != 0) {
    written = tl::unexpected(errno_text("cannot rename into", final_path));
  }
  if (!written) {
    ::unlink(tmp_name.c_str());
    return tl::unexpected(written.error());
  }
  return hash;
}

tl::expected<std::string, std::string> RawArchive::adopt(const fs::path& file, std::string_view bytes,
                                                         std::string_view sha256) {
  const std::string hash(sha256);
  const fs::path final_path = path_of(hash);
  if (!final_path.empty() && !contains(hash)) {
    std::error_code ec;
    fs::create_directories(final_path.parent_path(), ec);
    if (!ec && ::link(file.c_str(), final_path.c_str()) == 0) {
      if (::chmod(final_path.c_str(), 0444) == 0) return hash;
      ::unlink(final_path.c_str());  // not ours to make read-only: a copy of our own instead
    }
  }
  return put(bytes);
}

tl::expected<void, std::string> RawArchive::sync() {
  Fd fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return tl::unexpected(errno_text("cannot open", root_));
  // One syncfs covers every file, rename and new folder since the last sync, whatever their number.
  if (::syncfs(fd.get()) != 0) return tl::unexpected(errno_text("cannot syncfs", root_));
  return {};
}

tl::expected<std::string, std::string> RawArchive::get(std::string_view sha256) const {
  const fs::path path = path_of(sha256);
  if (path.empty()) return tl::unexpected(fmt::format("not a SHA-256 name: {}", sha256));
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return tl::unexpected(errno_text("cannot open", path));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return tl::unexpected(errno_text("cannot stat", path));
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return tl::unexpected(errno_text("cannot read", path));
    if (n == 0) return tl::unexpected(fmt::format("{} is shorter than its size", path.string()));
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

}  // namespace imsgate::store
