// The request engine end to end: a real `imsgate serve`, waveforms uploaded into it, and requests over REST
// (at once, as jobs, resumed downloads), by the command-line client, and by e-mail through the intake.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/server_process.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/waveform.hpp"
#include "mail/mime.hpp"
#include "mail/smime.hpp"
#include "mail/smtp.hpp"
#include "mail/test_pki.hpp"
#include "test_dir.hpp"

namespace imsgate::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

constexpr double kRate = 40;
constexpr int kHours = 3;
constexpr std::size_t kInlineLimit = 200'000;  // the server's: larger answers become jobs
const ims2::TimePoint kStart{std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}};

// Three hours of one 40 Hz channel in CM6, one segment an hour: 432,000 samples, about 0.7 MB of text.
std::string waveform_message() {
  ims2::shi::Waveform waveform;
  std::mt19937 random(6);
  std::int32_t value = 0;
  for (int hour = 0; hour < kHours; ++hour) {
    ims2::shi::WaveformSegment segment;
    segment.wid2.start = kStart + std::chrono::hours(hour);
    segment.wid2.station = "ZZA0";
    segment.wid2.channel = "BHZ";
    segment.wid2.subformat = "CM6";
    segment.wid2.sample_rate = kRate;
    segment.wid2.sample_count = static_cast<std::int64_t>(3600 * kRate);
    for (std::int64_t i = 0; i < segment.wid2.sample_count; ++i)
      segment.samples.push_back(value += static_cast<std::int32_t>(random() % 201) - 100);
    waveform.blocks.emplace_back(std::move(segment));
  }
  auto body = ims2::shi::write_waveform(waveform);
  EXPECT_TRUE(body) << body.error();
  return "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID W1 ZZA0\nDATA_TYPE WAVEFORM IMS2.0:CM6\n" + body.value_or("") +
         "STOP\n";
}

// The first `minutes` of the data, asked for with MSG_ID WF<minutes>M.
std::string waveform_request(int minutes) {
  return fmt::format(
      "begin ims2.0\nmsg_type request\nmsg_id WF{0}M ANY_NDC\ntime 2026/11/01 00:00 to 2026/11/01 "
      "{1:02}:{2:02}\n"
      "sta_list ZZA0\nchan_list BHZ\nwaveform ims2.0:cm6\nstop\n",
      minutes, minutes / 60, minutes % 60);
}

std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') + 1);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The samples of the WAVEFORM sections of a response.
std::int64_t samples_in(const std::string& response) {
  std::int64_t samples = 0;
  const auto read = ims2::read_messages(response, {.read_data_sections = false});
  for (const auto& message : read.messages)
    if (const auto* data = std::get_if<ims2::DataMessage>(&message))
      for (const auto& section : data->sections) {
        if (section.header.type != "WAVEFORM") continue;
        ims2::Diagnostics diagnostics;
        for (const auto& block : ims2::shi::read_waveform(section, diagnostics).blocks)
          if (const auto* segment = std::get_if<ims2::shi::WaveformSegment>(&block)) {
            samples += static_cast<std::int64_t>(segment->samples.size());
            EXPECT_EQ(segment->checksum.stored, static_cast<std::int64_t>(segment->checksum.computed));
          }
        EXPECT_FALSE(diagnostics.has_errors());
      }
  return samples;
}

// One data centre for the whole suite (starting one and storing its data is most of the time): two users, one
// granted ZZ* waveforms, and three hours of waveforms uploaded and stored.
struct Centre {
  Centre() {
    const std::string d = data.string();
    std::ofstream(dir.path() / "imsgate.toml")
        << fmt::format("[requests]\ninline_limit = {}\n", kInlineLimit);
    EXPECT_EQ(run_imsgate({"admin", "--data-dir", d, "station", "add", "ZZA0", "--kind", "seismic"}).status,
              0);
    for (const char* user : {"analyst@ndc.example", "other@ndc.example"})
      EXPECT_EQ(run_imsgate({"admin", "--data-dir", d, "user", "add", user}).status, 0);
    EXPECT_EQ(
        run_imsgate({"admin", "--data-dir", d, "sender", "add", "analyst@ndc.example", "--station", "ZZA0"})
            .status,
        0);
    EXPECT_EQ(run_imsgate({"admin", "--data-dir", d, "grant", "add", "--user", "analyst@ndc.example",
                           "--product", "waveform", "--station", "ZZ*"})
                  .status,
              0);
    token = last_line(
        run_imsgate({"admin", "--data-dir", d, "token", "create", "--user", "analyst@ndc.example"}).output);
    other_token = last_line(
        run_imsgate({"admin", "--data-dir", d, "token", "create", "--user", "other@ndc.example"}).output);
    EXPECT_EQ(token.substr(0, 5), "imsg_");
    ready = server.start() && upload();
  }

  // The data: uploaded, then waited for until it is stored.
  bool upload() {
    std::string body;
    if (http_request("POST", server.url("/api/v1/messages"), token, waveform_message(), body) != 202)
      return false;
    const std::string sha = json::parse(body)["sha256"];
    for (int i = 0; i < 400; ++i) {
      if (http_request("GET", server.url("/api/v1/messages/" + sha), token, "", body) == 200)
        return json::parse(body)["status"] == "accepted";
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  imsgate::test::TempDir dir;
  fs::path data = dir.path() / "data";
  ServerProcess server{data, {"--config", (dir.path() / "imsgate.toml").string()}};
  std::string token, other_token;
  bool ready = false;
};

class RequestsEndToEnd : public ::testing::Test {
 protected:
  static Centre& centre() {
    static Centre shared;
    return shared;
  }

  void SetUp() override { ASSERT_TRUE(centre().ready) << "the data centre did not start with its data"; }

  mail::HttpAnswer call(const std::string& method, const std::string& path, const std::string& token,
                        const std::string& body = "", std::vector<std::string> headers = {}) {
    headers.push_back("Authorization: Bearer " + token);
    auto answer = mail::http_exchange({method, centre().server.url(path), headers, body, 60, true});
    EXPECT_TRUE(answer) << answer.error();
    return answer.value_or(mail::HttpAnswer{});
  }

  std::vector<std::string> client(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin() + 1, {"--server", centre().server.url(""), "--token", centre().token});
    return arguments;
  }

  imsgate::test::TempDir dir_;  // this test's own files
  const fs::path& data_ = centre().data;
  const std::string& token_ = centre().token;
  const std::string& other_token_ = centre().other_token;
};

TEST_F(RequestsEndToEnd, ASmallRequestIsAnsweredAtOnce) {
  const auto answer = call("POST", "/api/v1/requests", token_, waveform_request(20));
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_THAT(answer.body, HasSubstr("ref_id WF20M ANY_NDC"));
  EXPECT_EQ(samples_in(answer.body), static_cast<std::int64_t>(20 * 60 * kRate));
  EXPECT_THAT(answer.header("location"), HasSubstr("/api/v1/requests/"));

  EXPECT_EQ(call("POST", "/api/v1/requests", "imsg_wrong", waveform_request(20)).status, 401);
}

TEST_F(RequestsEndToEnd, ALargeAnswerBecomesAJobWithAResumableResult) {
  const auto answer = call("POST", "/api/v1/requests", token_, waveform_request(kHours * 60));
  ASSERT_EQ(answer.status, 202) << answer.body.substr(0, 300);
  const json job = json::parse(answer.body);
  EXPECT_EQ(job["status"], "done");
  const std::string result_url = job["result_url"];
  const auto whole = call("GET", result_url, token_);
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body.size(), job["response_bytes"].get<std::size_t>());
  EXPECT_EQ(samples_in(whole.body), static_cast<std::int64_t>(kHours * 3600 * kRate));

  const auto rest = call("GET", result_url, token_, "", {"Range: bytes=1000-"});
  EXPECT_EQ(rest.status, 206);
  EXPECT_EQ(rest.body, whole.body.substr(1000));
  EXPECT_EQ(rest.header("content-range"),
            fmt::format("bytes 1000-{}/{}", whole.body.size() - 1, whole.body.size()));
  EXPECT_EQ(call("GET", result_url, token_, "", {"Range: bytes=999999999-"}).status, 416);

  // Another user sees neither the job nor its result.
  EXPECT_EQ(call("GET", job["status_url"], other_token_).status, 404);
  EXPECT_EQ(call("GET", result_url, other_token_).status, 404);
}

TEST_F(RequestsEndToEnd, TheClientRunsALargeJobIntoAFolder) {
  const fs::path request = dir_.path() / "request.msg";
  std::ofstream(request) << waveform_request(kHours * 60);
  const fs::path out = dir_.path() / "out";
  const auto finished = run_imsgate(client({"request", "--json", "-o", out.string(), request.string()}));
  ASSERT_EQ(finished.status, 0) << finished.output;
  const json status = json::parse(last_line(finished.output));
  EXPECT_EQ(status["status"], "done");
  EXPECT_EQ(status["products"], "WAVEFORM");
  const std::string response = read_file(status["file"].get<std::string>());
  EXPECT_EQ(response.size(), status["response_bytes"].get<std::size_t>());
  EXPECT_EQ(samples_in(response), static_cast<std::int64_t>(kHours * 3600 * kRate));

  // The request and its delivery are on record.
  const auto listed = run_imsgate({"admin", "--data-dir", data_.string(), "requests", "--json"});
  EXPECT_THAT(listed.output, HasSubstr(R"("msg_id":"WF180M")"));
  EXPECT_THAT(listed.output, HasSubstr(R"("delivered_at")"));
}

TEST_F(RequestsEndToEnd, GetBuildsTheRequestAndAnswersOnStandardOutput) {
  const auto finished =
      run_imsgate(client({"get", "--type", "waveform", "--station", "ZZA0", "--channel", "BH*", "--from",
                          "2026-11-01T01:00:00Z", "--to", "2026-11-01T01:30:00Z", "--subformat", "int"}));
  ASSERT_EQ(finished.status, 0) << finished.output.substr(0, 500);
  EXPECT_THAT(finished.output, HasSubstr("DATA_TYPE WAVEFORM IMS2.0:INT"));
  EXPECT_EQ(samples_in(finished.output), static_cast<std::int64_t>(1800 * kRate));

  // A refused station: answered, with the refusal in the ERROR_LOG, and exit status 4.
  const auto refused = run_imsgate(client(
      {"get", "--type", "waveform", "--station", "ARA0", "--from", "2026-11-01", "--to", "2026-11-02"}));
  EXPECT_EQ(refused.status, 4);
  EXPECT_THAT(refused.output, HasSubstr("station ARA0 refused"));
}

// Sends a request e-mail in through `imsgate ingest` and gives back the answer that waits in the outbox (no
// SMTP server listens here): its envelope and message, as the outbox keeps them.
json email_answer(const fs::path& work, const fs::path& data) {
  const fs::path mail = work / "request.eml";
  std::ofstream(mail) << "From: analyst@ndc.example\r\nTo: vdms@imsgate.test\r\nSubject: request\r\n\r\n"
                      << waveform_request(20);
  EXPECT_EQ(run_imsgate({"ingest", "--data-dir", data.string(), mail.string()}).status, 0);
  std::string answer;
  for (int i = 0; i < 200 && answer.empty(); ++i) {
    for (const char* sub : {"new", "cur"})
      for (const auto& entry : fs::directory_iterator(data / "outbox" / sub))
        answer = read_file(entry.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(answer.empty());
  return answer.empty() ? json::object() : json::parse(answer);
}

TEST_F(RequestsEndToEnd, AnEmailRequestIsAnsweredThroughTheOutbox) {
  const json waiting = email_answer(dir_.path(), data_);
  EXPECT_EQ(waiting["to"], json::array({"analyst@ndc.example"}));
  const std::string message = waiting["message"];
  EXPECT_THAT(message, HasSubstr("To: analyst@ndc.example\r\nSubject: IMS2.0 response WF20M"));
  EXPECT_THAT(message, HasSubstr("ref_id WF20M ANY_NDC\r\n"));
  EXPECT_THAT(message, HasSubstr("data_type WAVEFORM IMS2.0:CM6\r\n"));
}

TEST_F(RequestsEndToEnd, EmailAnswersAreSignedWithTheCentresKey) {
  // A centre of its own, with the centre's key configured; its answer need hold no data to be signed.
  const auto pki = mail::test::make_test_pki();
  std::ofstream(dir_.path() / "centre.pem") << pki.station.certificate_pem;
  std::ofstream(dir_.path() / "centre.key") << pki.station.key_pem;
  std::ofstream(dir_.path() / "imsgate.toml")
      << fmt::format("[requests]\nsigning_certificate = \"{}\"\nsigning_key = \"{}\"\n",
                     (dir_.path() / "centre.pem").string(), (dir_.path() / "centre.key").string());
  const fs::path data = dir_.path() / "data";
  fs::create_directories(data);  // where the server's log goes
  ServerProcess signing(data, {"--config", (dir_.path() / "imsgate.toml").string()});
  ASSERT_TRUE(signing.start());

  const json waiting = email_answer(dir_.path(), data);
  auto parsed = mail::parse_mail(waiting.value("message", ""));
  ASSERT_TRUE(parsed) << parsed.error();
  ASSERT_TRUE(parsed->signed_parts);
  EXPECT_THAT(parsed->text, HasSubstr("ref_id WF20M ANY_NDC"));
  mail::TrustStore trust;
  ASSERT_TRUE(trust.add_certificates(pki.ca.certificate_pem));
  const auto verified =
      trust.verify(parsed->signed_parts->content, parsed->signed_parts->signature, pki.made);
  EXPECT_EQ(verified.fault, mail::SignatureFault::none) << verified.detail;
}

TEST_F(RequestsEndToEnd, TheApiIsDescribed) {
  const auto answer = call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(answer.status, 200);
  const json document = json::parse(answer.body);
  EXPECT_EQ(document["openapi"], "3.0.3");
  for (const char* path :
       {"/api/v1/requests", "/api/v1/requests/{id}", "/api/v1/requests/{id}/result", "/api/v1/messages"})
    EXPECT_TRUE(document["paths"].contains(path)) << path;
}

}  // namespace
}  // namespace imsgate::e2e
