#include "mail/smtp.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace imsgate::mail {
namespace {

constexpr std::size_t kMaxFetchSize = std::size_t{256} << 20;  // the largest CRLs are tens of MB

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlCleanup {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// One transfer: its handle, its error text, and the first option that could not be set.
class Transfer {
 public:
  Transfer() : handle_(curl_easy_init()) {
    if (handle_) set(CURLOPT_ERRORBUFFER, error_.data());
    set(CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for timeouts: threads call this
  }
  Transfer(Transfer&&) = delete;  // libcurl holds the address of the error buffer
  template <typename Value>
  void set(CURLoption option, Value value) {
    if (handle_ && code_ == CURLE_OK) code_ = curl_easy_setopt(handle_.get(), option, value);
  }
  long info_long(CURLINFO info) const {
    long value = 0;
    if (handle_) curl_easy_getinfo(handle_.get(), info, &value);
    return value;
  }

  // The transfer, or why it failed, prefixed by what.
  tl::expected<void, std::string> perform(std::string_view what) {
    if (!handle_) return tl::unexpected(std::string(what) + ": libcurl cannot start a transfer");
    if (code_ == CURLE_OK) code_ = curl_easy_perform(handle_.get());
    if (code_ == CURLE_OK) return {};
    std::string reason = error_[0] != '\0' ? std::string(error_.data()) : curl_easy_strerror(code_);
    return tl::unexpected(std::string(what) + ": " + reason);
  }

 private:
  std::unique_ptr<CURL, CurlCleanup> handle_;
  std::array<char, CURL_ERROR_SIZE> error_{};
  CURLcode code_ = CURLE_OK;
};

struct Upload {
  std::string_view rest;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

std::size_t write_download(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  std::size_t n = size * count;
  if (body->size() + n > kMaxFetchSize) return 0;  // makes the transfer fail
  body->append(data, n);
  return n;
}

// One header line of an HTTP answer: "Name: value\r\n" (the status line and the blank line are skipped).
std::size_t read_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
  const std::string_view line(data, size * count);
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    headers->emplace_back(std::move(name), std::string(value));
  }
  return size * count;
}

}  // namespace

std::string HttpAnswer::header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_case_name) return value;
  return {};
}

tl::expected<HttpAnswer, std::string> http_exchange(const HttpCall& call) {
  init_curl();
  std::unique_ptr<curl_slist, SlistFree> headers;
  for (const auto& header : call.headers) {
    curl_slist* list = curl_slist_append(headers.get(), header.c_str());
    if (list == nullptr) return tl::unexpected(std::string("out of memory"));
    headers.release();
    headers.reset(list);
  }
  HttpAnswer answer;
  Transfer transfer;
  transfer.set(CURLOPT_URL, call.url.c_str());
  transfer.set(CURLOPT_PROTOCOLS_STR, "http,https");
  transfer.set(CURLOPT_CUSTOMREQUEST, call.method.c_str());
  transfer.set(CURLOPT_HTTPHEADER, headers.get());
  if (!call.body.empty()) {
    transfer.set(CURLOPT_POSTFIELDS, call.body.data());
    transfer.set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
  }
  if (!call.verify_peer) {
    transfer.set(CURLOPT_SSL_VERIFYPEER, 0L);
    transfer.set(CURLOPT_SSL_VERIFYHOST, 0L);
  }
  transfer.set(CURLOPT_TIMEOUT, call.timeout_seconds);
  transfer.set(CURLOPT_HEADERFUNCTION, read_header);
  transfer.set(CURLOPT_HEADERDATA, &answer.headers);
  transfer.set(CURLOPT_WRITEFUNCTION, write_download);
  transfer.set(CURLOPT_WRITEDATA, &answer.body);
  if (auto done = transfer.perform(call.url); !done) return tl::unexpected(done.error());
  answer.status = transfer.info_long(CURLINFO_RESPONSE_CODE);
  return answer;
}

tl::expected<void, std::string> send_mail(const SmtpSettings& settings, std::string_view from,
                                          const std::vector<std::string>& recipients,
                                          std::string_view message) {
  if (recipients.empty()) return tl::unexpected(std::string("no recipient"));
  init_curl();
  std::unique_ptr<curl_slist, SlistFree> rcpt;
  for (const auto& recipient : recipients) {
    curl_slist* list = curl_slist_append(rcpt.get(), recipient.c_str());
    if (list == nullptr) return tl::unexpected(std::string("out of memory"));
    rcpt.release();
    rcpt.reset(list);
  }
  std::string sender(from);
  Upload upload{message};
  Transfer transfer;
  transfer.set(CURLOPT_URL, settings.url.c_str());
  transfer.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  transfer.set(CURLOPT_MAIL_FROM, sender.c_str());
  transfer.set(CURLOPT_MAIL_RCPT, rcpt.get());
  transfer.set(CURLOPT_UPLOAD, 1L);
  transfer.set(CURLOPT_READFUNCTION, read_upload);
  transfer.set(CURLOPT_READDATA, &upload);
  transfer.set(CURLOPT_TIMEOUT, settings.timeout_seconds);
  if (!settings.username.empty()) {
    transfer.set(CURLOPT_USERNAME, settings.username.c_str());
    transfer.set(CURLOPT_PASSWORD, settings.password.c_str());
  }
  if (settings.starttls) transfer.set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  return transfer.perform("SMTP to " + settings.url);
}

tl::expected<std::string, std::string> fetch_url(std::string_view url, long timeout_seconds) {
  init_curl();
  std::string address(url);
  std::string body;
  Transfer transfer;
  transfer.set(CURLOPT_URL, address.c_str());
  transfer.set(CURLOPT_PROTOCOLS_STR, "http,https,ldap,ldaps,file");
  transfer.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  transfer.set(CURLOPT_FOLLOWLOCATION, 1L);
  transfer.set(CURLOPT_MAXREDIRS, 5L);
  transfer.set(CURLOPT_FAILONERROR, 1L);  // HTTP 400 and above
  transfer.set(CURLOPT_TIMEOUT, timeout_seconds);
  transfer.set(CURLOPT_WRITEFUNCTION, write_download);
  transfer.set(CURLOPT_WRITEDATA, &body);
  auto done = transfer.perform(address);
  if (!done) return tl::unexpected(done.error());
  return body;
}

}  // namespace imsgate::mail
