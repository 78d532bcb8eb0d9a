#include "acq/maildir.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>

#include <fmt/format.h>

namespace imsgate::acq {
namespace fs = std::filesystem;

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// A name unique across processes and threads (Maildir convention: time.unique.host).
std::string unique_name() {
  static std::atomic<unsigned> sequence{0};
  thread_local std::mt19937_64 random{std::random_device{}()};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
  char host[64] = "localhost";
  gethostname(host, sizeof host - 1);
  return fmt::format("{}.{}_{}_{:x}.{}", micros / 1000000, getpid(), sequence++, random() & 0xffffffffu,
                     host);
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

tl::expected<void, std::string> sync_folder(const fs::path& folder) {
  FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0)
    return tl::unexpected(fmt::format("cannot sync {}: {}", folder.string(), errno_text()));
  return {};
}

}  // namespace

Maildir::Maildir(fs::path root) : root_(std::move(root)) {}

tl::expected<void, std::string> Maildir::create() const {
  std::error_code error;
  for (const char* sub : {"tmp", "new", "cur"}) {
    fs::create_directories(root_ / sub, error);
    if (error)
      return tl::unexpected(fmt::format("cannot create {}: {}", (root_ / sub).string(), error.message()));
  }
  return {};
}

namespace {

// Writes a file under tmp/ durably and renames it to `target`; the target's folder is synced too.
tl::expected<void, std::string> write_durably(const fs::path& temporary, const fs::path& target,
                                              std::string_view bytes) {
  FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
  if (fd.get() < 0)
    return tl::unexpected(fmt::format("cannot create {}: {}", temporary.string(), errno_text()));
  auto fail = [&](std::string_view what) {
    const std::string reason = errno_text();
    ::unlink(temporary.c_str());
    return tl::unexpected(fmt::format("{} {}: {}", what, temporary.string(), reason));
  };
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write");
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return fail("cannot sync");
  if (::close(fd.release()) != 0) return fail("cannot close");
  if (::rename(temporary.c_str(), target.c_str()) != 0) return fail("cannot move");
  return sync_folder(target.parent_path());
}

}  // namespace

tl::expected<fs::path, std::string> Maildir::deliver(std::string_view bytes, std::string_view note) const {
  const std::string name = unique_name();
  if (!note.empty()) {
    std::error_code error;
    fs::create_directories(root_ / "meta", error);
    if (auto kept = write_durably(root_ / "tmp" / (name + ".meta"), root_ / "meta" / name, note); !kept)
      return tl::unexpected(kept.error());
  }
  const fs::path delivered = root_ / "new" / name;
  if (auto written = write_durably(root_ / "tmp" / name, delivered, bytes); !written)
    return tl::unexpected(written.error());
  return delivered;
}

std::string Maildir::note_of(const fs::path& message) const {
  const fs::path note = root_ / "meta" / message.filename();
  std::error_code error;
  if (!fs::exists(note, error)) return {};
  return read_file(note).value_or("");
}

void Maildir::remove(const fs::path& message) const {
  std::error_code ignored;
  fs::remove(message, ignored);
  fs::remove(root_ / "meta" / message.filename(), ignored);
}

std::vector<fs::path> Maildir::waiting() const {
  std::vector<fs::path> files;
  std::error_code error;
  for (const char* sub : {"new", "cur"})
    for (fs::directory_iterator it(root_ / sub, error), end; !error && it != end; it.increment(error))
      if (it->is_regular_file(error)) files.push_back(it->path());
  // Maildir names begin with the delivery time in seconds: sorting by name keeps arrival order roughly.
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return files;
}

std::size_t Maildir::backlog() const {
  std::size_t count = 0;
  std::error_code error;
  for (const char* sub : {"new", "cur"})
    for (fs::directory_iterator it(root_ / sub, error), end; !error && it != end; it.increment(error))
      ++count;
  return count;
}

tl::expected<std::string, std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected(fmt::format("cannot open {}: {}", path.string(), errno_text()));
  std::string bytes;
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) return tl::unexpected(fmt::format("cannot read {}", path.string()));
  return bytes;
}

}  // namespace imsgate::acq
