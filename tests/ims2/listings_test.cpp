// Every example listing of chapters 3, 4, 5 and 8: the valid ones read without errors and round-trip (byte
// for byte where they are already canonical); the templates, fragments and placeholder examples give the
// diagnostic recorded here for each.
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2 {
namespace {

struct ExpectedError {
  int line;
  int column;
  std::string rule;
  std::string fragment;  // part of the message
};

// Listings that are not valid messages (INDEX.md: syntax templates, fragments, "..." placeholders), with the
// first error each gives.
const std::map<std::string, ExpectedError> kNotMessages = {
    {"3.1-general-message-structure.msg", {1, 7, "3.2.1", "unknown message format 'version_identifier'"}},
    {"3.2-request-with-msg-id.msg", {4, 1, "4.7", "unknown keyword '...'"}},
    {"3.3-data-with-ref-id.msg", {5, 1, "6.1.1", "expected a DATA_TYPE line, found '...'"}},
    {"4.1-bulletin-request-event-sta-dist-fragment.msg", {0, 0, "3.1", "no message found"}},
    {"4.2-waveform-request-event-sta-dist-fragment.msg", {0, 0, "3.1", "no message found"}},
};

// Valid listings whose text is not in canonical form, and why.
const std::map<std::string, std::string> kNotCanonical = {
    {"4.3-waveform-request-relative-to-reb.msg", "dropped zeros in '1999/1/9 1:00'"},
    {"4.4-bulletin-and-waveform-request-relative-to-reb.msg", "dropped zeros in '1999/1/9 1:00'"},
    {"4.10-arr-request.msg", "a blank before the comma in 'FRP27 , RUP54'"},
    {"5.3-bulletin-data-consecutive-delivery-ids.msg", "blank lines between the three messages"},
    {"5.8-arr-subscription.msg", "upper-case request line 'ARR'"},
    {"5.28-rrr-subscription.msg", "upper-case request line 'RRR'"},
    {"5.29-sampml-subscription.msg", "upper-case request line 'SAMPML'"},
};

std::vector<std::string> listing_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(testing::listings_dir()))
    if (entry.path().extension() == ".msg") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string dump(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += format_diagnostic(x, "") + "\n";
  return out;
}

class Listing : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST(Listings, AllOfThemAreHere) {
  // 109 numbered listings and 3 unnumbered complete messages (INDEX.md).
  EXPECT_EQ(listing_names().size(), 112u);
}

TEST_P(Listing, IsHandled) {
  const std::string text = testing::read_file(testing::listings_dir() / GetParam());
  const ReadResult first = read_messages(text);

  // The chapter 8 listings are syntax templates; tests/ims2/command/command_listings_test.cpp asserts the
  // first error of each.
  if (GetParam().starts_with("8.") || GetParam().starts_with("unnumbered-8.")) {
    EXPECT_TRUE(first.diagnostics.has_errors()) << "a syntax template read without errors";
    return;
  }
  if (auto expected = kNotMessages.find(GetParam()); expected != kNotMessages.end()) {
    const Diagnostic* error = nullptr;
    for (const auto& d : first.diagnostics)
      if (d.severity == Severity::error) {
        error = &d;
        break;
      }
    ASSERT_NE(error, nullptr) << "expected an error\n" << dump(first.diagnostics);
    EXPECT_EQ(error->line, expected->second.line) << dump(first.diagnostics);
    EXPECT_EQ(error->column, expected->second.column) << dump(first.diagnostics);
    EXPECT_EQ(error->rule, expected->second.rule) << dump(first.diagnostics);
    EXPECT_NE(error->message.find(expected->second.fragment), std::string::npos) << dump(first.diagnostics);
    return;
  }

  ASSERT_FALSE(first.diagnostics.has_errors()) << dump(first.diagnostics);
  ASSERT_FALSE(first.messages.empty());
  const std::string written = write_messages(first.messages);
  const ReadResult second = read_messages(written);
  EXPECT_FALSE(second.diagnostics.has_errors()) << dump(second.diagnostics) << written;
  EXPECT_EQ(second.messages, first.messages) << written;
  EXPECT_EQ(write_messages(second.messages), written);
  if (!kNotCanonical.contains(GetParam())) {
    EXPECT_EQ(written, text);
  }
}

INSTANTIATE_TEST_SUITE_P(SpecExamples, Listing, ::testing::ValuesIn(listing_names()), [](const auto& info) {
  std::string name = info.param.substr(0, info.param.size() - 4);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

}  // namespace imsgate::ims2
