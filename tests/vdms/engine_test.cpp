#include "vdms/engine.hpp"

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "vdms/loaded_store.hpp"

namespace imsgate::vdms {
namespace {

using test::LoadedStore;

ims2::TimePoint at(int year, unsigned month, unsigned day) {
  return ims2::TimePoint{std::chrono::sys_days{std::chrono::year{year} / month / day}};
}

class EngineTest : public ::testing::Test {
 protected:
  Answer ask(const std::string& text, const std::optional<store::UserRow>& user,
             Channel channel = Channel::rest) {
    return engine_.answer(text, {user, user ? user->email : "someone@example.org"}, channel,
                          at(2026, 11, 23));
  }

  static ims2::DataMessage only_message(const Answer& answer) {
    EXPECT_EQ(answer.messages.size(), 1u);
    auto read = ims2::read_messages(answer.messages.at(0), {.read_data_sections = false});
    EXPECT_EQ(read.messages.size(), 1u) << answer.messages.at(0);
    return std::get<ims2::DataMessage>(read.messages.at(0));
  }

  static const ims2::DataSection* find(const ims2::DataMessage& m, std::string_view type) {
    for (const auto& s : m.sections)
      if (s.header.type == type) return &s;
    return nullptr;
  }

  LoadedStore loaded_;
  int sequence_ = 0;
  Engine engine_{
      loaded_.store(),
      {.source = "IMSGATE", .contact = "ops@example.org", .email_limit = 1'000'000, .rest_limit = 0},
      [this] { return "RESP" + std::to_string(++sequence_); }};
};

TEST_F(EngineTest, HelpAloneIsAnsweredWithTheHelpText) {
  const Answer answer = ask("HELP\n", std::nullopt, Channel::email);
  ASSERT_TRUE(answer.help);
  ASSERT_EQ(answer.messages.size(), 1u);
  const std::string& help = answer.messages.front();
  EXPECT_NE(help.find("ops@example.org"), std::string::npos);
  EXPECT_NE(help.find("WAVEFORM"), std::string::npos);
  EXPECT_NE(help.find("CM6"), std::string::npos);
  EXPECT_NE(help.find("STA_LIST"), std::string::npos);
  EXPECT_NE(help.find("1000000 bytes"), std::string::npos);
}

TEST_F(EngineTest, HelpListsWhatTheStoreHolds) {
  ASSERT_GT(loaded_.load_spec_examples(), 20);
  const std::string help = engine_.help_text();
  EXPECT_NE(help.find("SPHDF          AUP09"), std::string::npos) << help;
  EXPECT_EQ(help.find("none yet"), std::string::npos);
}

TEST_F(EngineTest, AnUnregisteredRequesterGetsAnErrorLogAndNoData) {
  ASSERT_GT(loaded_.load_spec_examples(), 20);
  const Answer answer =
      ask("begin ims2.0\nmsg_type request\nmsg_id 42 ANY_NDC\ntime 1999/01/01 to 2030/01/01\nsta_list *\n"
          "station ims2.0\nstop\n",
          std::nullopt);
  const auto message = only_message(answer);
  ASSERT_TRUE(message.preface.ref_id);
  EXPECT_EQ(message.preface.ref_id->id, "42");
  EXPECT_EQ(message.preface.ref_id->source, "ANY_NDC");
  EXPECT_EQ(find(message, "STATION"), nullptr);
  const auto* errors = find(message, "ERROR_LOG");
  ASSERT_NE(errors, nullptr);
  EXPECT_NE(errors->body.find("someone@example.org is not a registered user"), std::string::npos);
  EXPECT_EQ(answer.sections, 0);
}

TEST_F(EngineTest, ABadDateIsReportedWithLineAndPositionAndNothingIsExecuted) {
  // App. I.16: the IDC answers "Error[line=4,pos=5]: 2021/12/001 is not a valid DATETIME."; the position
  // here is the day's, where the date goes wrong.
  const auto user = loaded_.add_user("analyst@example.org", {"*:*"});
  const Answer answer =
      ask("begin ims2.0\nmsg_type request\nmsg_id 888888\ntime 2021/12/001 12:00 to 2021/12/001 16:00\n"
          "bull_type REB\nevent ims2.0\nstop\n",
          user);
  const auto message = only_message(answer);
  const auto* log = find(message, "LOG");
  ASSERT_NE(log, nullptr);
  EXPECT_NE(log->body.find(" Submitted request :\n begin ims2.0\n msg_type request\n msg_id 888888\n"),
            std::string::npos)
      << log->body;
  const auto* errors = find(message, "ERROR_LOG");
  ASSERT_NE(errors, nullptr);
  EXPECT_NE(errors->body.find(" Error[line=4,pos=13]: '2021/12/001' is not a valid date"), std::string::npos)
      << errors->body;
  EXPECT_EQ(find(message, "EVENT"), nullptr);
  EXPECT_EQ(answer.products, "");
}

TEST_F(EngineTest, AMissingTimeNamesTheRequestLine) {
  const auto user = loaded_.add_user("analyst@example.org", {"*:*"});
  const Answer answer =
      ask("begin ims2.0\nmsg_type request\nmsg_id 7\nsta_list ARA0\nwaveform ims2.0:cm6\nstop\n", user);
  const auto message = only_message(answer);
  const auto* errors = find(message, "ERROR_LOG");
  ASSERT_NE(errors, nullptr);
  EXPECT_NE(errors->body.find("[line=5,"), std::string::npos) << errors->body;
  EXPECT_NE(errors->body.find("TIME"), std::string::npos) << errors->body;
}

TEST_F(EngineTest, ASubscriptionIsNotTakenForARequest) {
  const auto user = loaded_.add_user("analyst@example.org", {"*:*"});
  const Answer answer =
      ask("begin ims2.0\nmsg_type subscription\nmsg_id 9\ntime now to forever\nsta_list ARA0\nfreq daily\n"
          "sta_status ims2.0\nstop\n",
          user);
  const auto message = only_message(answer);
  const auto* errors = find(message, "ERROR_LOG");
  ASSERT_NE(errors, nullptr);
  EXPECT_NE(errors->body.find("MSG_TYPE subscription is not answered here"), std::string::npos)
      << errors->body;
}

TEST_F(EngineTest, EmailResponsesAreSplitAtTheEmailLimit) {
  Engine small{loaded_.store(),
               {.source = "IMSGATE", .contact = "", .email_limit = 2000, .rest_limit = 0},
               [this] { return "RESP" + std::to_string(++sequence_); }};
  const auto user = loaded_.add_user("analyst@example.org", {"*:*"});
  std::string request = "begin ims2.0\nmsg_type request\nmsg_id 11\n";
  for (int i = 0; i < 60; ++i) request += "help\n";  // each HELP line puts the help text into the LOG
  request += "stop\n";
  const Answer by_mail = small.answer(request, {user, user.email}, Channel::email, at(2026, 11, 23));
  const Answer by_rest = small.answer(request, {user, user.email}, Channel::rest, at(2026, 11, 23));
  EXPECT_EQ(by_rest.messages.size(), 1u);
  // The LOG is one section: it cannot be cut, so it goes alone, and the answer stays one message.
  EXPECT_EQ(by_mail.messages.size(), 1u);
}

TEST_F(EngineTest, AStreamedAnswerIsTheSameResponseAsTheMessages) {
  int a = 0, b = 0;
  const auto user = loaded_.add_user("analyst@example.org", {"station:*"});
  const std::string request =
      "begin ims2.0\nmsg_type request\nmsg_id 12\ntime 1990/01/01 to 2030/01/01\nsta_list AFI\n"
      "station ims2.0\nstop\n";
  const Engine kept{loaded_.store(), {}, [&] { return "R" + std::to_string(++a); }};
  const Engine streaming{loaded_.store(), {}, [&] { return "R" + std::to_string(++b); }};
  const Answer whole = kept.answer(request, {user, user.email}, Channel::rest, at(2026, 11, 23));
  std::string streamed;
  const Answer answer = streaming.answer(request, {user, user.email}, Channel::rest, at(2026, 11, 23),
                                         [&](std::string_view piece) { streamed.append(piece); });
  ASSERT_EQ(whole.messages.size(), 1u);
  EXPECT_EQ(streamed, whole.messages.front());
  EXPECT_TRUE(answer.messages.empty());
  EXPECT_EQ(answer.bytes, streamed.size());
  EXPECT_EQ(answer.parts, 1);
  EXPECT_EQ(answer.sections, whole.sections);
  EXPECT_EQ(answer.outcome, whole.outcome);
  EXPECT_NE(streamed.find("AFI"), std::string::npos);
}

}  // namespace
}  // namespace imsgate::vdms
