#include "vdms/request_worker.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_dir.hpp"
#include "vdms/loaded_store.hpp"

namespace imsgate::vdms {
namespace {

struct Sent {
  std::string to;
  Answer answer;
};

class RequestWorkerTest : public ::testing::Test {
 protected:
  RequestWorkerTest() { loaded_.load_spec_examples(); }

  // A request e-mail as the acquisition commits it: accepted, with its request queued.
  std::int64_t receive_mail(const std::string& from, const std::string& text) {
    const std::string raw = "From: " + from + "\r\nTo: vdms@imsgate.test\r\nSubject: request\r\n\r\n" + text;
    EXPECT_TRUE(loaded_.store().archive().put(raw));
    store::Commit commit;
    commit.record.sha256 = store::sha256_hex(raw);
    commit.record.body_sha256 = store::sha256_hex(text);
    commit.record.sender = from;
    commit.record.msg_type = "request";
    commit.record.accepted = true;
    commit.request = store::RequestRow{};
    commit.request->channel = store::RequestChannel::email;
    commit.request->requester = from;
    commit.request->reply_to = from;
    std::vector<store::Commit> batch{commit};
    auto ids = loaded_.store().commit(batch);
    EXPECT_TRUE(ids) << ids.error();
    return ids ? ids->front() : 0;
  }

  std::string result_of(std::int64_t id) {
    std::ifstream in(worker_.result_path(id));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  test::LoadedStore loaded_;
  imsgate::test::TempDir results_;
  int sequence_ = 0;
  Engine engine_{loaded_.store(), {}, [this] { return "R" + std::to_string(++sequence_); }};
  std::vector<Sent> sent_;
  bool mail_works_ = true;
  RequestWorker worker_{
      loaded_.store(), engine_, results_.path(),
      [this](const std::string& to, const Answer& answer) -> tl::expected<void, std::string> {
        if (!mail_works_) return tl::unexpected(std::string("SMTP server down"));
        sent_.push_back({to, answer});
        return {};
      }};
};

const std::string kStationRequest =
    "begin ims2.0\nmsg_type request\nmsg_id 12 ANY_NDC\ne-mail results@ndc.example\n"
    "time 1990/01/01 to 2030/01/01\nsta_list AFI\nstation ims2.0\nstop\n";

TEST_F(RequestWorkerTest, AnswersAnEmailRequestToItsEmailLine) {
  loaded_.add_user("analyst@ndc.example", {"station:*"});
  const auto message_id = receive_mail("analyst@ndc.example", kStationRequest);
  EXPECT_EQ(worker_.drain(), 1u);
  ASSERT_EQ(sent_.size(), 1u);
  EXPECT_EQ(sent_[0].to, "results@ndc.example");
  const auto requests = loaded_.store().requests(0, 10);
  ASSERT_EQ(requests.size(), 1u);
  const auto& row = requests[0];
  EXPECT_EQ(row.message_id, message_id);
  EXPECT_EQ(row.status, store::RequestStatus::done);
  EXPECT_EQ(row.msg_id, "12");
  EXPECT_EQ(row.products, "STATION");
  EXPECT_EQ(row.reply_to, "results@ndc.example");
  EXPECT_TRUE(row.delivered_at);
  EXPECT_EQ(row.response_bytes, static_cast<std::int64_t>(result_of(row.id).size()));
  const auto read = ims2::read_messages(result_of(row.id), {.read_data_sections = false});
  ASSERT_EQ(read.messages.size(), 1u);
  const auto& answer = std::get<ims2::DataMessage>(read.messages[0]);
  EXPECT_EQ(answer.preface.ref_id->id, "12");
  bool station = false;
  for (const auto& s : answer.sections)
    station |= s.header.type == "STATION" && s.body.find("AFI") != std::string::npos;
  EXPECT_TRUE(station) << result_of(row.id);
  EXPECT_EQ(worker_.drain(), 0u);  // answered once
}

TEST_F(RequestWorkerTest, AnUnknownRequesterIsAnsweredWithAnErrorLog) {
  receive_mail("stranger@example.org", kStationRequest);
  worker_.drain();
  ASSERT_EQ(sent_.size(), 1u);
  EXPECT_EQ(sent_[0].answer.errors, 1);
  EXPECT_NE(sent_[0].answer.messages[0].find("stranger@example.org is not a registered user"),
            std::string::npos);
  EXPECT_EQ(sent_[0].answer.messages[0].find("DATA_TYPE STATION"), std::string::npos);
}

TEST_F(RequestWorkerTest, AnUndeliveredAnswerLeavesTheRequestFailedWithTheReason) {
  loaded_.add_user("analyst@ndc.example", {"*:*"});
  receive_mail("analyst@ndc.example", kStationRequest);
  mail_works_ = false;
  worker_.drain();
  const auto row = loaded_.store().requests(0, 1).at(0);
  EXPECT_EQ(row.status, store::RequestStatus::failed);
  EXPECT_NE(row.outcome.find("not delivered: SMTP server down"), std::string::npos) << row.outcome;
  EXPECT_FALSE(row.delivered_at);
}

TEST_F(RequestWorkerTest, ARestRequestIsAnsweredIntoItsResultFile) {
  const auto user = loaded_.add_user("analyst@ndc.example", {"station:AF*"});
  store::RequestRow row;
  row.channel = store::RequestChannel::rest;
  row.requester = user.email;
  row.user_id = user.id;
  row.text = kStationRequest;
  auto id = loaded_.store().add_request(row);
  ASSERT_TRUE(id);
  row.id = *id;
  const auto done = worker_.execute(row);
  EXPECT_EQ(done.status, store::RequestStatus::done);
  EXPECT_TRUE(sent_.empty());  // REST answers are fetched, not mailed
  EXPECT_NE(result_of(done.id).find("AFI"), std::string::npos);
  EXPECT_EQ(loaded_.store().request(done.id)->outcome, done.outcome);
  // The streamed file is the whole response: its size and parts as recorded, and it reads as one message.
  const std::string result = result_of(done.id);
  EXPECT_EQ(done.response_bytes, static_cast<std::int64_t>(result.size()));
  EXPECT_EQ(done.parts, 1);
  const auto read = ims2::read_messages(result, {.read_data_sections = false});
  ASSERT_EQ(read.messages.size(), 1u);
  const auto& message = std::get<ims2::DataMessage>(read.messages.front());
  ASSERT_FALSE(message.sections.empty());
  EXPECT_EQ(message.sections.front().header.type, "LOG");
  EXPECT_FALSE(std::filesystem::exists(worker_.result_path(done.id).string() + ".part"));
}

TEST_F(RequestWorkerTest, ARestHelpIsKeptAsTheHelpText) {
  const auto user = loaded_.add_user("analyst@ndc.example", {});
  store::RequestRow row;
  row.channel = store::RequestChannel::rest;
  row.requester = user.email;
  row.user_id = user.id;
  row.text = "help\n";
  auto id = loaded_.store().add_request(row);
  ASSERT_TRUE(id);
  row.id = *id;
  const auto done = worker_.execute(row);
  EXPECT_EQ(done.status, store::RequestStatus::done);
  EXPECT_EQ(done.parts, 1);
  EXPECT_EQ(result_of(done.id), engine_.help_text());
  EXPECT_EQ(done.response_bytes, static_cast<std::int64_t>(engine_.help_text().size()));
}

TEST_F(RequestWorkerTest, ARequestLeftRunningIsQueuedAgain) {
  store::RequestRow row;
  row.requester = "a@example.org";
  row.text = kStationRequest;
  row.status = store::RequestStatus::running;
  ASSERT_TRUE(loaded_.store().add_request(row));
  EXPECT_EQ(loaded_.store().requeue_running(), 1);
  EXPECT_EQ(worker_.drain(), 1u);
  EXPECT_EQ(loaded_.store().requests(0, 1).at(0).status, store::RequestStatus::done);
}

}  // namespace
}  // namespace imsgate::vdms
