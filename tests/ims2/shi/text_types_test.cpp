#include <gtest/gtest.h>

#include "ims2/shi/comment.hpp"
#include "ims2/shi/log.hpp"
#include "shi_test_support.hpp"

namespace imsgate::ims2::shi {
namespace {

using testing::describe;
using testing::example_section;
using testing::text_section;

TEST(Comment, ReadsBothSectionsOfExampleI13) {
  Diagnostics d;
  const Comment free = read_comment(example_section("I.13-comment.msg", 0), d);
  EXPECT_EQ(free.id_type, "");
  ASSERT_EQ(free.lines.size(), 6u);
  EXPECT_EQ(free.lines[0], "  Almost anything may be typed into the space between the");
  EXPECT_EQ(free.lines[4], "  the DATA_TYPE in the second line of this paragraph is");
  const Comment event = read_comment(example_section("I.13-comment.msg", 1), d);
  EXPECT_EQ(event.id_type, "Event");
  EXPECT_EQ(event.id, "7687234");
  ASSERT_EQ(event.lines.size(), 2u);
  EXPECT_EQ(event.lines[1], "   kilometers) near the epicenter.");
  EXPECT_TRUE(d.empty()) << describe(d);
}

TEST(Comment, WritesTheAssociationAndIndentedTextByteForByte) {
  const std::string canonical =
      "Event      7687234\n The referenced event\n\n DATA_TYPE is only a word here.\n";
  Diagnostics d;
  const Comment c = read_comment(text_section("COMMENT", canonical), d);
  EXPECT_TRUE(d.empty()) << describe(d);
  EXPECT_EQ(c.lines[2], "DATA_TYPE is only a word here.");
  EXPECT_EQ(write_comment(c).value(), canonical);
  EXPECT_EQ(write_comment(Comment{"", "", {"text"}}).value(), "\n text\n");
  EXPECT_FALSE(write_comment(Comment{"Event", "123456789", {}}));
}

TEST(Comment, MalformedAssociationIsAnError) {
  Diagnostics d;
  read_comment(text_section("COMMENT", "Event 12 34\n text\n"), d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].line, 2);
  EXPECT_EQ(d.items()[0].column, 1);
  EXPECT_EQ(d.items()[0].rule, "6.4.3");
}

TEST(Log, ReadsExampleI21AndWarnsAboutTheLostIndentation) {
  Diagnostics d;
  const Log log = read_log(example_section("I.21-log.msg", 0), d);
  ASSERT_EQ(log.lines.size(), 6u);
  EXPECT_EQ(log.lines[1], "Info - 68531540 - Job 89153483: job status has changed to: QUEUED");
  EXPECT_EQ(d.warning_count(), 6u);
  EXPECT_EQ(d.items()[0].line, 6);
  EXPECT_EQ(d.items()[0].rule, "6.6.2");
  Diagnostics again;
  EXPECT_EQ(read_log(text_section("LOG", write_log(log).value()), again), log);
  EXPECT_TRUE(again.empty());
}

TEST(ErrorLog, ReadsExampleI16AndIndentsTheEchoedRequest) {
  Diagnostics d;
  const DataSection section = example_section("I.16-error-log.msg", 0);
  const Log log = read_error_log(section, d);
  ASSERT_FALSE(log.lines.empty());
  EXPECT_EQ(log.lines.front(), "Submitted request :");
  EXPECT_EQ(log.lines[1], "begin ims2.0");
  const std::string text = write_error_log(log).value();
  EXPECT_EQ(text.substr(0, 34), " Submitted request :\n begin ims2.0");
  Diagnostics again;
  EXPECT_EQ(read_error_log(text_section("ERROR_LOG", text), again), log);
  EXPECT_TRUE(again.empty());
}

}  // namespace
}  // namespace imsgate::ims2::shi
