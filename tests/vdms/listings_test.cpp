// Every request listing of chapter 4, sent as it is to an engine over a store holding the spec's example
// data: each is answered with a data message naming the request, its request echoed, and every request line
// accounted for in the LOG or the ERROR_LOG, never silently.
#include <filesystem>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/request/resolution.hpp"
#include "ims2/text.hpp"
#include "test_paths.hpp"
#include "vdms/engine.hpp"
#include "vdms/loaded_store.hpp"

namespace imsgate::vdms {
namespace {

std::vector<std::filesystem::path> chapter_4_listings() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::listings_dir()))
    if (entry.path().filename().string().starts_with("4.")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string section_text(const ims2::DataMessage& message, std::string_view type) {
  std::string text;
  for (const auto& section : message.sections)
    if (section.header.type == type) text += section.body;
  return text;
}

TEST(RequestListings, EveryListingOfChapter4IsAnswered) {
  test::LoadedStore loaded;
  ASSERT_GT(loaded.load_spec_examples(), 20);
  store::UserRow analyst{0, "analyst@ndc.example", "", true};
  int sequence = 0;
  const Engine engine(loaded.store(), {}, [&] { return "R" + std::to_string(++sequence); });
  const auto files = chapter_4_listings();
  ASSERT_EQ(files.size(), 44u);
  int executed = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const std::string text = testing::read_file(file);
    const Answer answer = engine.answer(text, {analyst, analyst.email}, Channel::rest, ims2::TimePoint{});
    ASSERT_EQ(answer.messages.size(), 1u);
    const auto read = ims2::read_messages(answer.messages.front(), {.read_data_sections = false});
    ASSERT_EQ(read.messages.size(), 1u);
    const auto& response = std::get<ims2::DataMessage>(read.messages.front());
    const std::string log = section_text(response, "LOG");
    const std::string errors = section_text(response, "ERROR_LOG");

    const auto request_read = ims2::read_messages(text);
    const auto* request = request_read.messages.empty()
                              ? nullptr
                              : std::get_if<ims2::RequestMessage>(&request_read.messages.front());
    if (!request) {  // the two fragments of 4.1 and 4.2 have no BEGIN: nothing to execute, and said so
      EXPECT_NE(errors.find("no request message was found"), std::string::npos) << errors;
      continue;
    }
    ASSERT_TRUE(response.preface.ref_id);
    EXPECT_EQ(response.preface.ref_id->id, request->preface.msg_id.id);
    EXPECT_EQ(response.preface.ref_id->source, request->preface.msg_id.source);
    EXPECT_NE(log.find(" Submitted request :\n begin ims2.0\n"), std::string::npos) << log;
    if (!errors.empty() && answer.products.empty()) continue;  // not executed: each error is listed
    ++executed;
    for (const auto& job : ims2::request::resolve_request(request->body).jobs) {
      const std::string name = ims2::to_upper(ims2::request::request_spec(job.request.keyword).name);
      const std::string line = std::to_string(job.request.source.number);
      const bool accounted = log.find(" " + name + " (line " + line + "):") != std::string::npos ||
                             errors.find("[line=" + line + ",") != std::string::npos;
      EXPECT_TRUE(accounted) << name << " at line " << line << "\nLOG:\n" << log << "ERROR_LOG:\n" << errors;
    }
  }
  EXPECT_GE(executed, 38);  // the others have errors the spec's own text holds (see docs/examples.md)
}

}  // namespace
}  // namespace imsgate::vdms
