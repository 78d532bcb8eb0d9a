#include "vdms/response.hpp"

#include <gtest/gtest.h>

#include "ims2/message.hpp"

namespace imsgate::vdms {
namespace {

ResponseIds counting_ids() {
  auto n = std::make_shared<int>(0);
  return {[n] { return "R" + std::to_string(++*n); }, "TEST"};
}

ims2::DataSection section_of(std::string type, std::size_t bytes) {
  ims2::DataSection s;
  s.header.type = std::move(type);
  s.body = std::string(bytes - 1, 'x') + "\n";
  return s;
}

std::vector<ims2::DataMessage> read_back(const std::vector<std::string>& texts) {
  std::vector<ims2::DataMessage> messages;
  for (const auto& text : texts) {
    auto read = ims2::read_messages(text, {.read_data_sections = false});
    EXPECT_EQ(read.messages.size(), 1u) << text.substr(0, 200);
    if (!read.messages.empty()) messages.push_back(std::get<ims2::DataMessage>(read.messages.front()));
  }
  return messages;
}

TEST(Response, OneMessageWithLogProductsAndErrorLog) {
  ResponseDraft draft;
  draft.ref = ims2::RefId{"REQ1", "ANY_NDC", {}, {}};
  draft.log = {"Submitted request :", "begin ims2.0"};
  draft.sections.push_back(section_of("STATION", 100));
  draft.errors = {"Error[line=4,pos=5]: bad"};
  const auto texts = write_response(draft, 0, counting_ids());
  ASSERT_EQ(texts.size(), 1u);
  const auto messages = read_back(texts);
  const auto& m = messages.front();
  EXPECT_EQ(m.preface.type, ims2::MessageType::data);
  EXPECT_EQ(m.preface.msg_id, (ims2::MessageId{"R1", "TEST"}));
  ASSERT_TRUE(m.preface.ref_id);
  EXPECT_EQ(m.preface.ref_id->id, "REQ1");
  EXPECT_EQ(m.preface.ref_id->source, "ANY_NDC");
  EXPECT_FALSE(m.preface.ref_id->part);
  ASSERT_EQ(m.sections.size(), 3u);
  EXPECT_EQ(m.sections[0].header.type, "LOG");
  EXPECT_EQ(m.sections[0].body, " Submitted request :\n begin ims2.0\n");
  EXPECT_EQ(m.sections[1].header.type, "STATION");
  EXPECT_EQ(m.sections[2].header.type, "ERROR_LOG");
  EXPECT_EQ(m.sections[2].body, " Error[line=4,pos=5]: bad\n");
}

TEST(Response, SplitsAtDataTypeLinesWithinTheLimit) {
  ResponseDraft draft;
  draft.ref = ims2::RefId{"REQ2", "", {}, {}};
  draft.log = {"echo"};
  for (int i = 0; i < 5; ++i) draft.sections.push_back(section_of("WAVEFORM", 400));
  const std::size_t limit = 1100;  // the envelope, the LOG and two sections
  const auto texts = write_response(draft, limit, counting_ids());
  ASSERT_EQ(texts.size(), 3u);
  const auto messages = read_back(texts);
  std::size_t waveforms = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_LE(texts[i].size(), limit);
    const auto& ref = messages[i].preface.ref_id;
    ASSERT_TRUE(ref);
    EXPECT_EQ(ref->id, "REQ2");
    EXPECT_EQ(ref->part, static_cast<int>(i + 1));
    EXPECT_EQ(ref->total, 3);
    EXPECT_EQ(messages[i].preface.msg_id.id, "R" + std::to_string(i + 1));  // each part its own MSG_ID
    for (const auto& s : messages[i].sections) waveforms += s.header.type == "WAVEFORM";
  }
  EXPECT_EQ(messages.front().sections.front().header.type, "LOG");
  EXPECT_EQ(waveforms, 5u);
}

TEST(Response, ASectionLargerThanTheLimitGoesAloneInItsPart) {
  ResponseDraft draft;
  draft.sections.push_back(section_of("WAVEFORM", 5000));
  draft.sections.push_back(section_of("WAVEFORM", 100));
  const auto texts = write_response(draft, 1000, counting_ids());
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_GT(texts[0].size(), 5000u);
  EXPECT_LT(texts[1].size(), 1000u);
}

TEST(Response, StreamedIntoASinkGivesTheSameBytesAsTheMessages) {
  ResponseDraft draft;
  draft.style = ims2::KeywordCase::lower;
  draft.ref = ims2::RefId{"REQ3", "ANY_NDC", {}, {}};
  draft.log = {"echo"};
  for (int i = 0; i < 4; ++i) draft.sections.push_back(section_of("WAVEFORM", 400));
  draft.errors = {"Error[line=4,pos=5]: bad"};
  const auto texts = write_response(draft, 1100, counting_ids());
  std::string streamed;
  int pieces = 0;
  const ResponseSize size = write_response(draft, 1100, counting_ids(), [&](std::string_view piece) {
    streamed.append(piece);
    ++pieces;
  });
  std::string joined;
  for (const auto& text : texts) joined += text;
  EXPECT_EQ(streamed, joined);
  EXPECT_EQ(size.bytes, joined.size());
  EXPECT_EQ(size.parts, static_cast<int>(texts.size()));
  EXPECT_GT(size.parts, 1);
  EXPECT_GT(pieces, size.parts);  // handed over section by section, not message by message
  EXPECT_EQ(read_back(texts).front().preface.keyword_case, ims2::KeywordCase::lower);
}

}  // namespace
}  // namespace imsgate::vdms
