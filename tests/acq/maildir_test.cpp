// The intake Maildir: durable delivery, notes, listing and removal.
#include "acq/maildir.hpp"

#include <gtest/gtest.h>

#include "acq/intake.hpp"
#include "test_dir.hpp"

namespace imsgate::acq {
namespace {

TEST(Maildir, DeliversIntoNewWithNothingLeftInTmp) {
  const imsgate::test::TempDir dir;
  const Maildir maildir(dir.path() / "intake");
  ASSERT_TRUE(maildir.create());
  const auto first = maildir.deliver("first");
  const auto second = maildir.deliver("second", arrival_note(store::Door::upload, "a@example.org"));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->parent_path().filename(), "new");
  EXPECT_EQ(read_file(*first).value(), "first");
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "intake" / "tmp"));
  EXPECT_EQ(maildir.waiting().size(), 2u);
  EXPECT_EQ(maildir.backlog(), 2u);
  EXPECT_EQ(maildir.note_of(*first), "");
  EXPECT_EQ(maildir.note_of(*second), R"({"door":"upload","user":"a@example.org"})");
  maildir.remove(*second);
  EXPECT_EQ(maildir.waiting(), std::vector<std::filesystem::path>{*first});
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "intake" / "meta"));
}

TEST(Maildir, ListsWhatAnMuaMovedToCur) {
  const imsgate::test::TempDir dir;
  const Maildir maildir(dir.path());
  ASSERT_TRUE(maildir.create());
  std::filesystem::rename(*maildir.deliver("x"), dir.path() / "cur" / "1.moved:2,S");
  ASSERT_EQ(maildir.waiting().size(), 1u);
  EXPECT_EQ(maildir.waiting()[0].filename(), "1.moved:2,S");
}

TEST(Maildir, ReportsADeliveryItCannotMake) {
  const Maildir maildir("/proc/imsgate-no-such-intake");
  const auto delivered = maildir.deliver("x");
  ASSERT_FALSE(delivered);
  EXPECT_NE(delivered.error().find("cannot create"), std::string::npos) << delivered.error();
}

}  // namespace
}  // namespace imsgate::acq
