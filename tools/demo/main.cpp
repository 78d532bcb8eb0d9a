// imsgate-demo-data: writes the demo data set as e-mails, one file each, and the list of its senders for the
// station registry.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "demo_data.hpp"
#include "ims2/datetime.hpp"
#ifdef IMSGATE_DEMO_SIGNING
#include "mail/smime.hpp"
#endif

namespace {

namespace fs = std::filesystem;
using imsgate::demo::DemoMessage;
using imsgate::demo::DemoStation;

constexpr std::string_view kStartForm = "expected a UTC time such as 2026-11-20T00:00:00Z";

// "2026-11-20T00:00:00Z" (the Z may be left out).
tl::expected<imsgate::ims2::TimePoint, std::string> parse_start(std::string text) {
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) text.pop_back();
  if (text.size() != 19 || (text[10] != 'T' && text[10] != 't'))
    return tl::unexpected(std::string(kStartForm));
  std::string date = text.substr(0, 10);
  if (date[4] != '-' || date[7] != '-') return tl::unexpected(std::string(kStartForm));
  date[4] = date[7] = '/';
  return imsgate::ims2::parse_fixed_date_time(date, text.substr(11));
}

bool write_text(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out.flush());
}

std::string certificate_file(const DemoStation& s) {
  return fmt::format("pki/{}.pem", s.code);
}

// The senders, for scripts/demo to make their certificates and register them.
std::string stations_tsv(const std::vector<DemoStation>& stations) {
  std::string out = "station\tkind\taddress\tcertificate\n";
  for (const DemoStation& s : stations)
    out += fmt::format("{}\t{}\t{}\t{}\n", s.code, s.kind, s.address, certificate_file(s));
  return out;
}

std::string subject_of(const DemoMessage& m) {
  return fmt::format("IMS2.0 {} from {}", m.data_type, m.station);
}

#ifdef IMSGATE_DEMO_SIGNING

tl::expected<std::string, std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected(fmt::format("cannot read {}", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Signed with the sender's key when a PKI directory is given, else plain.
tl::expected<std::string, std::string> email(const DemoMessage& m, const std::string& to,
                                             const fs::path& pki) {
  const imsgate::mail::Envelope envelope{m.sender, to, subject_of(m)};
  if (pki.empty()) return imsgate::mail::plain_message(envelope, m.text);
  const auto certificate = read_text(pki / (m.station + ".pem"));
  if (!certificate) return tl::unexpected(certificate.error());
  const auto key = read_text(pki / (m.station + ".key"));
  if (!key) return tl::unexpected(key.error());
  return imsgate::mail::sign_message(envelope, m.text, *certificate, *key);
}

#else

// RFC 5322 date: "Fri, 20 Nov 2026 06:03:00 +0000".
std::string mail_date(imsgate::ims2::TimePoint t) {
  using namespace std::chrono;
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = floor<days>(t);
  const year_month_day ymd(day);
  const hh_mm_ss time(floor<seconds>(t - day));
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", kDays[weekday(day).c_encoding()],
                     unsigned(ymd.day()), kMonths[unsigned(ymd.month()) - 1], int(ymd.year()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

// This build has no mail library to sign with: a plain text/plain e-mail, CRLF lines. The IMS2.0 text is
// ASCII with lines shorter than 998 characters, so it goes as 7bit.
tl::expected<std::string, std::string> email(const DemoMessage& m, const std::string& to, const fs::path&) {
  std::string out = fmt::format(
      "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <{}@demo.example.org>\r\nMIME-Version: "
      "1.0\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n",
      m.sender, to, subject_of(m), mail_date(m.sent), fs::path(m.file_name).stem().string());
  for (char c : m.text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

#endif

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"imsgate-demo-data: writes a demo data set of IMS2.0 data messages as e-mails"};
  fs::path out_dir;
  std::string start_text = "2026-11-20T00:00:00Z";
  imsgate::demo::DemoOptions options;
  fs::path pki;
  std::string to = "acquisition@demo.example.org";
  bool stations_only = false;
  app.add_option("--out", out_dir, "Directory to write messages/ and stations.tsv into")->required();
  app.add_option("--start", start_text, "First moment of the data set, UTC")->capture_default_str();
  app.add_option("--days", options.days, "Days the data set covers (1 to 31)")->capture_default_str();
  app.add_option("--seed", options.seed, "Seed of the random numbers: one seed, one data set")
      ->capture_default_str();
  app.add_option("--pki", pki, "Directory with each sender's CODE.pem and CODE.key: sign the e-mails");
  app.add_option("--to", to, "The e-mails' recipient")->capture_default_str();
  app.add_flag("--stations-only", stations_only, "Write stations.tsv only (to make the PKI from it first)");
  app.footer(
      "Writes DIR/stations.tsv (station, kind, sender address, certificate file under DIR) and "
      "DIR/messages/NNNN-STATION-TYPE.eml in sending order.");
  CLI11_PARSE(app, argc, argv);

  const auto start = parse_start(start_text);
  if (!start) {
    std::cerr << "imsgate-demo-data: --start " << start_text << ": " << start.error() << "\n";
    return 2;
  }
  options.start = *start;
  std::error_code ec;
  fs::create_directories(out_dir / "messages", ec);
  if (ec) {
    std::cerr << "imsgate-demo-data: cannot create " << (out_dir / "messages").string() << ": "
              << ec.message() << "\n";
    return 2;
  }
  if (!write_text(out_dir / "stations.tsv", stations_tsv(imsgate::demo::demo_stations()))) {
    std::cerr << "imsgate-demo-data: cannot write " << (out_dir / "stations.tsv").string() << "\n";
    return 2;
  }
  if (stations_only) return 0;
#ifndef IMSGATE_DEMO_SIGNING
  if (!pki.empty())
    std::cerr << "imsgate-demo-data: this build has no mail library to sign with: the e-mails are unsigned\n";
#endif

  const auto data = imsgate::demo::make_demo_data(options);
  if (!data) {
    std::cerr << "imsgate-demo-data: " << data.error() << "\n";
    return 1;
  }
  std::uintmax_t bytes = 0;
  for (const DemoMessage& m : data->messages) {
    const auto mail = email(m, to, pki);
    if (!mail) {
      std::cerr << "imsgate-demo-data: " << m.file_name << ": " << mail.error() << "\n";
      return 1;
    }
    if (!write_text(out_dir / "messages" / m.file_name, *mail)) {
      std::cerr << "imsgate-demo-data: cannot write " << (out_dir / "messages" / m.file_name).string()
                << "\n";
      return 2;
    }
    bytes += mail->size();
  }
  std::cout << fmt::format("{} messages, {:.1f} MB, in {}\n", data->messages.size(), bytes / 1e6,
                           (out_dir / "messages").string());
  return 0;
}
