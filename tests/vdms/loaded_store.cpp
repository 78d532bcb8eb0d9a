#include "vdms/loaded_store.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "acq/indexer.hpp"
#include "demo_data.hpp"
#include "ims2/message.hpp"
#include "mail/mime.hpp"
#include "test_paths.hpp"

namespace imsgate::vdms::test {

LoadedStore::LoadedStore() {
  auto opened = store::Store::open(dir_.path() / "data");
  EXPECT_TRUE(opened) << opened.error();
  if (opened) store_ = std::move(*opened);
}

std::int64_t LoadedStore::load(const std::string& raw, std::string station) {
  auto mail = mail::parse_mail(raw);
  EXPECT_TRUE(mail) << mail.error();
  if (!mail) return 0;
  const std::string& body = mail->text;
  const ims2::ReadResult read = ims2::read_messages(body, {.read_data_sections = false});
  store::Commit commit;
  auto& record = commit.record;
  record.sha256 = store::sha256_hex(raw);
  record.body_sha256 = store::sha256_hex(body);
  record.size = static_cast<std::int64_t>(raw.size());
  record.msg_type = "data";
  record.accepted = true;
  for (const auto& message : read.messages) {
    const auto* data = std::get_if<ims2::DataMessage>(&message);
    if (!data) continue;
    record.msg_id = data->preface.msg_id.id;
    acq::IndexedMessage indexed = acq::index_data_message(*data, body);
    auto& index = commit.index;
    index.sections.insert(index.sections.end(), indexed.index.sections.begin(), indexed.index.sections.end());
    index.segments.insert(index.segments.end(), indexed.index.segments.begin(), indexed.index.segments.end());
    index.events.insert(index.events.end(), indexed.index.events.begin(), indexed.index.events.end());
    index.arrivals.insert(index.arrivals.end(), indexed.index.arrivals.begin(), indexed.index.arrivals.end());
    index.items.insert(index.items.end(), indexed.index.items.begin(), indexed.index.items.end());
    if (station.empty() && !indexed.stations.empty()) station = indexed.stations.front();
    record.data_types = indexed.data_types;
  }
  EXPECT_FALSE(commit.index.sections.empty()) << "no data message in:\n" << body.substr(0, 200);
  if (commit.index.sections.empty()) return 0;
  record.station = station;
  EXPECT_TRUE(store_->archive().put(raw));
  std::vector<store::Commit> batch{std::move(commit)};
  auto ids = store_->commit(batch);
  EXPECT_TRUE(ids) << ids.error();
  return ids ? ids->front() : 0;
}

int LoadedStore::load_spec_examples() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::data_examples_dir()))
    if (entry.path().extension() == ".msg") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  int loaded = 0;
  for (const auto& file : files) {
    const std::string text = testing::read_file(file);
    const ims2::ReadResult read = ims2::read_messages(text, {.read_data_sections = false});
    // Some examples are data messages without DATA_TYPE sections (reports the IDC sends as they are).
    const bool data = std::any_of(read.messages.begin(), read.messages.end(), [](const auto& m) {
      const auto* data = std::get_if<ims2::DataMessage>(&m);
      return data && !data->sections.empty();
    });
    if (data && load(text)) ++loaded;
  }
  return loaded;
}

int LoadedStore::load_demo_data() {
  demo::DemoOptions options;
  options.start = ims2::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}};
  auto data = demo::make_demo_data(options);
  EXPECT_TRUE(data) << data.error();
  if (!data) return 0;
  int loaded = 0;
  for (const auto& message : data->messages)
    if (load(message.text, message.station)) ++loaded;
  return loaded;
}

store::UserRow LoadedStore::add_user(const std::string& email, std::initializer_list<const char*> grants) {
  auto user = store_->add_user(email, email, false);
  EXPECT_TRUE(user) << user.error();
  for (std::string_view grant : grants) {
    const std::size_t colon = grant.find(':');
    EXPECT_TRUE(store_->add_grant(
        {user->id, std::string(grant.substr(0, colon)), std::string(grant.substr(colon + 1))}));
  }
  return user.value_or(store::UserRow{});
}

}  // namespace imsgate::vdms::test
