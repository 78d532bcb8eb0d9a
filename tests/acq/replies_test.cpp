// The answers the acquisition queues: ERROR_LOG to a registered sender of a rejected message, ACK when asked.
#include "acq/replies.hpp"

#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include "acq/acquisition_fixture.hpp"
#include "acq/outbox.hpp"
#include "ims2/message.hpp"
#include "mail/mime.hpp"

namespace imsgate::acq::test {
namespace {

using ::testing::HasSubstr;

class RepliesTest : public AcquisitionTest {
 protected:
  void SetUp() override {
    AcquisitionTest::SetUp();
    ASSERT_TRUE(outbox_.create());
    intake_->set_replies(&writer_, &outbox_);
  }

  // The IMS2.0 messages waiting in the outbox, read back, with their recipients.
  std::vector<std::pair<std::string, ims2::DataMessage>> queued() {
    std::vector<std::pair<std::string, ims2::DataMessage>> out;
    for (const auto& path : Maildir(outbox_dir_).waiting()) {
      const auto envelope = nlohmann::json::parse(read_file(path).value());
      const auto mail = mail::parse_mail(envelope.at("message").get<std::string>());
      EXPECT_TRUE(mail) << mail.error();
      const auto read = ims2::read_messages(mail->text);
      EXPECT_FALSE(read.diagnostics.has_errors()) << mail->text;
      if (read.messages.size() == 1 && std::holds_alternative<ims2::DataMessage>(read.messages[0]))
        out.emplace_back(envelope.at("to").at(0).get<std::string>(),
                         std::get<ims2::DataMessage>(read.messages[0]));
    }
    return out;
  }

  std::filesystem::path outbox_dir_ = dir_.path() / "outbox";
  Outbox outbox_{outbox_dir_};
  ReplyWriter writer_{ReplySettings{true, "acq@imsgate.test", "IMSGATE", false}};
};

TEST_F(RepliesTest, AnswersARejectionWithAnErrorLogNamingTheMessage) {
  take(plain_mail(alert_text("AUP10", 20)));  // the sender is not registered for AUP10
  const auto replies = queued();
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].first, kStationAddress);
  const ims2::DataMessage& reply = replies[0].second;
  ASSERT_TRUE(reply.preface.ref_id);
  EXPECT_EQ(reply.preface.ref_id->id, "ALERT20");
  EXPECT_EQ(reply.preface.msg_id.source, "IMSGATE");
  ASSERT_EQ(reply.sections.size(), 1u);
  EXPECT_EQ(reply.sections[0].header.type, "ERROR_LOG");
  EXPECT_THAT(reply.sections[0].body, HasSubstr("unauthorised_sender"));
  EXPECT_THAT(reply.sections[0].body, HasSubstr("AUP10"));
}

TEST_F(RepliesTest, DoesNotAnswerUnknownSenders) {
  take(plain_mail(alert_text("AUP06", 21), "spoofed@example.net"));
  EXPECT_TRUE(queued().empty());
}

TEST_F(RepliesTest, AcknowledgesWhenThePrefaceAsks) {
  take(plain_mail(alert_text("AUP06", 22)));
  EXPECT_TRUE(queued().empty()) << "no ACK unless asked";
  take(plain_mail(alert_text("AUP06", 23, "ACK TRUE\n")));
  const auto replies = queued();
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].second.sections.at(0).header.type, "LOG");
  EXPECT_EQ(replies[0].second.preface.ref_id->id, "ALERT23");
  EXPECT_THAT(replies[0].second.sections[0].body, HasSubstr("ALERT23 received"));
}

}  // namespace
}  // namespace imsgate::acq::test
