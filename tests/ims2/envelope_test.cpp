#include "ims2/envelope.hpp"

#include <gtest/gtest.h>

#include "ims2/message.hpp"

namespace imsgate::ims2 {
namespace {

bool has(const Diagnostics& d, Severity s, int line, int column, std::string_view fragment) {
  for (const auto& x : d)
    if (x.severity == s && x.line == line && x.column == column &&
        x.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

std::string dump(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += format_diagnostic(x, "in") + "\n";
  return out;
}

}  // namespace

TEST(Envelope, SkipsMailHeadersBeforeBeginWithOneWarning) {
  const std::string input =
      "From: station@example.org\r\nSubject: data\r\n\r\n"
      "begin ims2.0\r\nmsg_type data\r\nmsg_id 42 ANY_NDC\r\ndata_type log ims2.0\r\n hello\r\nstop\r\n";
  Diagnostics d;
  auto split = split_messages(input, d);
  ASSERT_EQ(split.envelopes.size(), 1u);
  EXPECT_EQ(d.size(), 1u) << dump(d);
  EXPECT_TRUE(has(d, Severity::warning, 1, 1, "2 line(s) of free text"));
  const auto& e = split.envelopes[0];
  EXPECT_TRUE(e.complete);
  EXPECT_EQ(e.preface.type, MessageType::data);
  EXPECT_EQ(e.preface.msg_id.id, "42");
  EXPECT_EQ(e.preface.msg_id.source, "ANY_NDC");
  ASSERT_EQ(e.body.size(), 2u);
  EXPECT_EQ(e.body[1].text, " hello");  // CR removed, leading blank kept
  EXPECT_EQ(e.body[1].number, 8);
}

TEST(Envelope, ReadsSeveralMessagesAndIgnoresTextBetween) {
  const std::string input =
      "begin ims2.0\nmsg_type request\nmsg_id a\nstop\n"
      "-- signature --\n"
      "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID b SRC\nREF_ID a part 2 of 3\nSTOP trailing words\n";
  Diagnostics d;
  auto split = split_messages(input, d);
  ASSERT_EQ(split.envelopes.size(), 2u);
  EXPECT_EQ(split.envelopes[0].preface.keyword_case, KeywordCase::lower);
  EXPECT_EQ(split.envelopes[1].preface.keyword_case, KeywordCase::upper);
  const auto& ref = split.envelopes[1].preface.ref_id;
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->id, "a");
  EXPECT_EQ(ref->source, "");
  EXPECT_EQ(ref->part, 2);
  EXPECT_EQ(ref->total, 3);
  EXPECT_TRUE(has(d, Severity::warning, 5, 1, "free text"));
  EXPECT_TRUE(has(d, Severity::warning, 10, 6, "text after STOP ignored"));
}

TEST(Envelope, MissingStopDiscardsTheMessage) {
  Diagnostics d;
  auto result = read_messages("begin ims2.0\nmsg_type request\nmsg_id a\ntime 1999/01/01 to 1999/01/02\n");
  EXPECT_TRUE(result.messages.empty());
  EXPECT_TRUE(has(result.diagnostics, Severity::error, 1, 1, "no STOP")) << dump(result.diagnostics);
}

TEST(Envelope, BeginInsideAMessageStartsTheNextOne) {
  auto result = read_messages(
      "begin ims2.0\nmsg_type request\nmsg_id a\nbegin ims2.0\nmsg_type request\nmsg_id b\nstop\n");
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_EQ(preface_of(result.messages[0])->msg_id.id, "b");
  EXPECT_TRUE(has(result.diagnostics, Severity::error, 1, 1, "no STOP before the next BEGIN"));
}

TEST(Envelope, PrefaceErrorsNameLineAndColumn) {
  struct Case {
    std::string input;
    int line, column;
    std::string fragment, rule;
  };
  const std::vector<Case> cases = {
      {"begin ims3.0\nmsg_type request\nmsg_id a\nstop\n", 1, 7, "unknown message format 'ims3.0'", "3.2.1"},
      {"begin\nmsg_type request\nmsg_id a\nstop\n", 1, 1, "BEGIN needs the message format", "3.2.1"},
      {"begin ims2.0\nmsg_id a\nstop\n", 2, 1, "expected MSG_TYPE", "3.2.2"},
      {"begin ims2.0\nmsg_type letter\nmsg_id a\nstop\n", 2, 10, "unknown message type 'letter'", "3.2.2"},
      {"begin ims2.0\nmsg_type data\nstop\n", 1, 1, "ends before its preface", "3.1"},
      {"begin ims2.0\nmsg_type data\nmsg_id a\\b\nstop\n", 3, 8, "must not contain a backslash", "3.2.3"},
      {"begin ims2.0\nmsg_type data\nmsg_id a b c\nstop\n", 3, 12, "unexpected 'c'", "3.2"},
      {"begin ims2.0\nmsg_type data\nmsg_id a\nprod_id 74 x\nstop\n", 4, 9, "two integers", "3.2.6"},
      {"begin ims2.0\nmsg_type data\nmsg_id a\nref_id r s part 3 of 2\nstop\n", 4, 22, "exceeds", "3.5.6"},
      {"begin ims2.0\nmsg_type data\nmsg_id a\nref_id r s part x\nstop\n", 4, 17, "part number", "3.2.4"},
      {"begin ims2.0\nmsg_type request\nmsg_id a\nack maybe\nstop\n", 4, 5, "TRUE or FALSE", "3.2.5"},
  };
  for (const auto& c : cases) {
    Diagnostics d;
    split_messages(c.input, d);
    bool found = false;
    for (const auto& x : d)
      found |= x.line == c.line && x.column == c.column && x.rule == c.rule &&
               x.message.find(c.fragment) != std::string::npos;
    EXPECT_TRUE(found) << c.input << "\n" << dump(d);
  }
}

TEST(Envelope, LongIdsAreWarnedLegacyFormatsAccepted) {
  Diagnostics d;
  auto split = split_messages(
      "BEGIN GSE2.0\nMSG_TYPE DATA\nMSG_ID 123456789012345678901 ABCDEFGHIJKLMNOPQ\nSTOP\n", d);
  ASSERT_EQ(split.envelopes.size(), 1u);
  EXPECT_EQ(split.envelopes[0].preface.version, FormatVersion::gse2_0);
  EXPECT_TRUE(has(d, Severity::warning, 1, 7, "legacy message format"));
  EXPECT_TRUE(has(d, Severity::warning, 3, 8, "longer than 20"));
  EXPECT_TRUE(has(d, Severity::warning, 3, 30, "longer than 16"));
  EXPECT_FALSE(d.has_errors());
}

TEST(Envelope, LinesOverTheLimitAreErrorsOutsideDataSections) {
  const std::string long_list = "sta_list " + std::string(1020, 'A');
  auto request = read_messages("begin ims2.0\nmsg_type request\nmsg_id a\n" + long_list + "\nstop\n");
  EXPECT_TRUE(
      has(request.diagnostics, Severity::error, 4, 1025, "line of 1029 characters: the limit is 1024"))
      << dump(request.diagnostics);
  const std::string long_data(3000, '1');
  auto data =
      read_messages("begin ims2.0\nmsg_type data\nmsg_id a\ndata_type execsum\n" + long_data + "\nstop\n");
  EXPECT_FALSE(data.diagnostics.has_errors()) << dump(data.diagnostics);
}

TEST(Envelope, HelpEmail) {
  auto result = read_messages("\n  HELP \n\n");
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<HelpMessage>(result.messages[0]));
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST(Envelope, NothingToReadIsAnError) {
  auto result = read_messages("just a letter\n");
  EXPECT_TRUE(result.messages.empty());
  EXPECT_TRUE(result.diagnostics.has_errors());
}

TEST(DataMessage, SectionsKeepTheirTextAndComeBackByteIdentical) {
  const std::string input =
      "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID 54965 CTBTO_IDC\nREF_ID 0002324 ANY_NDC PART 1 OF 2\n"
      "DATA_TYPE WAVEFORM IMS2.0:CM6\nWID2 line\nDAT2\n\nDATA_TYPE ARRIVAL:ASSOCIATED IMS2.0\n a\nDATA_TYPE "
      "SAMPLEPHD\n"
      "#Header\nSTOP\n";
  auto result = read_messages(input, {.read_data_sections = false});  // the sections' content is made up
  ASSERT_EQ(result.messages.size(), 1u);
  EXPECT_TRUE(result.diagnostics.empty());
  const auto& m = std::get<DataMessage>(result.messages[0]);
  ASSERT_EQ(m.sections.size(), 3u);
  EXPECT_EQ(m.sections[0].header, (DataTypeLine{"WAVEFORM", "", "IMS2.0", "CM6"}));
  EXPECT_EQ(m.sections[0].body, "WID2 line\nDAT2\n\n");
  EXPECT_EQ(m.sections[0].first_body_line(), 6);
  EXPECT_EQ(m.sections[1].header, (DataTypeLine{"ARRIVAL", "ASSOCIATED", "IMS2.0", ""}));
  EXPECT_EQ(m.sections[2].header, (DataTypeLine{"SAMPLEPHD", "", "", ""}));
  EXPECT_EQ(write_messages(result.messages), input);
}

TEST(DataMessage, TextBeforeTheFirstSectionIsAnError) {
  auto result =
      read_messages("begin ims2.0\nmsg_type data\nmsg_id a\nhello there\ndata_type log ims2.0\nstop\n");
  EXPECT_TRUE(has(result.diagnostics, Severity::error, 4, 1, "expected a DATA_TYPE line"));
}

TEST(Message, StrictModeTurnsWarningsIntoErrors) {
  const std::string input = "junk\nbegin ims2.0\nmsg_type data\nmsg_id a\ndata_type log ims2.0\nstop\n";
  EXPECT_FALSE(read_messages(input).diagnostics.has_errors());
  EXPECT_TRUE(read_messages(input, {.strict = true}).diagnostics.has_errors());
}

}  // namespace imsgate::ims2
