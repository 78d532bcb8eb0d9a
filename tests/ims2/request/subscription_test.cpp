#include "ims2/request/subscription.hpp"

#include <gtest/gtest.h>

#include "request_test_util.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::request {
namespace {

using testing::dump;
using testing::has;

SubscriptionResolution listing(std::string_view name) {
  auto result = read_messages(imsgate::testing::read_file(imsgate::testing::listings_dir() / name));
  EXPECT_FALSE(result.diagnostics.has_errors()) << dump(result.diagnostics);
  const auto r = resolve_subscription(std::get<SubscriptionMessage>(result.messages.at(0)).body);
  EXPECT_TRUE(r.issues.empty());
  return r;
}

std::string word_of(const Environment& e, EnvKeyword k) {
  return std::get<Word>(e.value(k)).text;
}
const NumberRange& range_of(const Environment& e, EnvKeyword k) {
  return std::get<NumberRange>(e.value(k));
}

TEST(SubscriptionActions, EachProductLineCreatesOneSubscription) {  // Listing 5.11
  const auto r = listing("5.11-bulletin-subscription-sel1-sel2.msg");
  ASSERT_EQ(r.actions.size(), 2u);
  const auto& sel1 = std::get<NewSubscription>(r.actions[0]);
  const auto& sel2 = std::get<NewSubscription>(r.actions[1]);
  EXPECT_EQ(sel1.request.keyword, RequestKeyword::bulletin);
  EXPECT_EQ(word_of(sel1.environment, EnvKeyword::bull_type), "sel1");
  EXPECT_EQ(word_of(sel2.environment, EnvKeyword::bull_type), "sel2");
  EXPECT_EQ(r.delivery.freq, Freq::immediate);
  EXPECT_TRUE(r.delivery.freq_given);
  EXPECT_EQ(r.delivery.period.from->kind, TimeBound::Kind::now);
  EXPECT_EQ(r.delivery.period.to->kind, TimeBound::Kind::forever);
  EXPECT_EQ(r.reply_to, "name@my.computer");
}

TEST(SubscriptionActions, ChangedConstraintsApplyToTheNextSubscriptionOnly) {  // Listing 5.12
  const auto r = listing("5.12-bulletin-subscription-depth-magnitude.msg");
  ASSERT_EQ(r.actions.size(), 2u);
  const auto& first = std::get<NewSubscription>(r.actions[0]).environment;
  const auto& second = std::get<NewSubscription>(r.actions[1]).environment;
  EXPECT_EQ(range_of(first, EnvKeyword::lat).low->text, "-30");
  EXPECT_EQ(range_of(first, EnvKeyword::lon).low->text, "-180");
  EXPECT_EQ(range_of(second, EnvKeyword::lat).low->text, "75");
  EXPECT_EQ(range_of(second, EnvKeyword::lon).high->text, "140");
  // MAG, DEPTH and BULL_TYPE persist into the second subscription.
  EXPECT_EQ(range_of(second, EnvKeyword::mag).high->text, "4.5");
  EXPECT_FALSE(range_of(second, EnvKeyword::depth).low.has_value());
  EXPECT_EQ(range_of(second, EnvKeyword::depth).high->text, "30");
  EXPECT_EQ(word_of(second, EnvKeyword::bull_type), "reb");
  EXPECT_EQ(r.delivery.freq, Freq::daily);
}

TEST(SubscriptionActions, ChangeIsCompletedByItsProductLine) {  // Listing 5.15
  const auto r = listing("5.15-change-subscription.msg");
  ASSERT_EQ(r.actions.size(), 1u);  // the product line does not create a subscription
  const auto& change = std::get<ChangeSubscription>(r.actions[0]);
  EXPECT_EQ(change.selector.subscription_ids, std::vector<std::int64_t>{52});
  ASSERT_EQ(change.changes.size(), 2u);
  EXPECT_EQ(change.changes[0].keyword, EnvKeyword::lat);
  EXPECT_EQ(std::get<NumberRange>(change.changes[0].value).low->text, "12");
  EXPECT_EQ(change.changes[1].keyword, EnvKeyword::lon);
  EXPECT_EQ(change.request.keyword, RequestKeyword::bulletin);
  EXPECT_EQ(change.line, 2u);
  EXPECT_EQ(change.request_index, 5u);
  EXPECT_FALSE(r.delivery.freq_given);
}

TEST(SubscriptionActions, SubscriptionLogWithSelectorBeforeEmail) {  // Listing 5.34
  const auto r = listing("5.34-subscr-log.msg");
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_EQ(std::get<SubscriptionLog>(r.actions[0]).selector.subscription_ids, std::vector<std::int64_t>{74});
  EXPECT_EQ(r.reply_to, "name@my.computer");
}

TEST(SubscriptionActions, SubscribedProductsDefaultsToAll) {  // Listing 5.36
  const auto r = listing("5.36-subscr-prod.msg");
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_TRUE(std::get<SubscribedProducts>(r.actions[0]).selector.empty());
}

TEST(SubscriptionActions, ResendNamesTheSubscriptionAndTheDeliveries) {  // Listing 5.38
  const auto r = listing("5.38-subscr-resend.msg");
  ASSERT_EQ(r.actions.size(), 1u);
  const auto& resend = std::get<Resend>(r.actions[0]);
  EXPECT_EQ(resend.selector.subscription_ids, std::vector<std::int64_t>{52});
  EXPECT_EQ(resend.delivery_ids, std::vector<std::int64_t>{32});
}

TEST(SubscriptionActions, UnsubscribeTakesTheListedSubscriptions) {  // Listing 5.39
  const auto r = listing("5.39-unsubscribe.msg");
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_EQ(std::get<Unsubscribe>(r.actions[0]).selector.subscription_ids,
            (std::vector<std::int64_t>{52, 57}));
}

TEST(SubscriptionActions, SubscribeByName) {  // Listing 5.33
  const auto r = listing("5.33-subscribe-seb.msg");
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_EQ(std::get<Subscribe>(r.actions[0]).names, std::vector<std::string>{"seb"});
}

TEST(SubscriptionActions, NationalBulletinWithScreeningIsEstablished) {  // Listing 5.13
  auto result = read_messages(
      imsgate::testing::read_file(imsgate::testing::listings_dir() / "5.13-bulletin-subscription-neb.msg"));
  EXPECT_EQ(result.diagnostics.error_count(), 0u) << dump(result.diagnostics);
  const auto r = resolve_subscription(std::get<SubscriptionMessage>(result.messages.at(0)).body);
  ASSERT_EQ(r.actions.size(), 1u);
  const auto& neb = std::get<NationalBulletin>(r.actions[0]);
  EXPECT_EQ(neb.name, "NEB_FR");
  EXPECT_TRUE(neb.establish);
  const auto& e = neb.environment;
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::depth_conf)).text, "0.990");
  // The legacy names set both of their successors; REG_MIN_PSNR/SSNR have none.
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_dp_snr_pp)).text, "1.5");
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_dp_snr_sp)).text, "1.5");
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_moveout_sp)).text, "2.5");
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::min_ndp_pp)).text, "1");
  EXPECT_FALSE(e.is_given(EnvKeyword::reg_min_psnr));
  // Screening environments not given take their defaults (5.6.7).
  EXPECT_FALSE(e.is_given(EnvKeyword::hydro_cp_thresh));
  EXPECT_EQ(std::get<Number>(e.value(EnvKeyword::hydro_cp_thresh)).text, "8.0");
  EXPECT_TRUE(e.is_given(EnvKeyword::time_stamp));
  EXPECT_EQ(r.delivery.freq, Freq::daily);
}

TEST(SubscriptionActions, NationalBulletinAloneIsSubscribedTo) {
  const auto read = testing::read_subscription("bull_type nseb_fr\nbulletin ims2.0\n");
  EXPECT_TRUE(read.diagnostics.empty()) << dump(read.diagnostics);
  const auto r = resolve_subscription(read.body);
  ASSERT_EQ(r.actions.size(), 1u);
  const auto& neb = std::get<NationalBulletin>(r.actions[0]);
  EXPECT_EQ(neb.name, "nseb_fr");
  EXPECT_FALSE(neb.establish);
}

TEST(SubscriptionActions, SelectorsAreUsedUpByTheCommandThatReadsThem) {
  const auto read =
      testing::read_subscription("subscr_list 52\nunsubscribe\nsubscr_prod\nprodid_list 7\nsubscr_log\n");
  EXPECT_TRUE(read.diagnostics.empty()) << dump(read.diagnostics);
  const auto r = resolve_subscription(read.body);
  ASSERT_EQ(r.actions.size(), 3u);
  EXPECT_EQ(std::get<Unsubscribe>(r.actions[0]).selector.subscription_ids, std::vector<std::int64_t>{52});
  EXPECT_TRUE(std::get<SubscribedProducts>(r.actions[1]).selector.empty());
  const auto& log = std::get<SubscriptionLog>(r.actions[2]).selector;
  EXPECT_TRUE(log.subscription_ids.empty());
  EXPECT_EQ(log.product_ids, std::vector<std::int64_t>{7});
}

TEST(SubscriptionActions, FreqAndTimeApplyToTheWholeMessage) {
  const auto read = testing::read_subscription(
      "sta_list ABC\nwaveform ims2.0\ntime 2030/01/01 to forever\nfreq "
      "continuous\n");
  EXPECT_TRUE(read.diagnostics.empty()) << dump(read.diagnostics);
  const auto r = resolve_subscription(read.body);
  EXPECT_EQ(r.delivery.freq, Freq::continuous);
  ASSERT_EQ(r.delivery.period.from->kind, TimeBound::Kind::at);
  EXPECT_EQ(write_date(r.delivery.period.from->at.time), "2030/01/01");
  EXPECT_EQ(r.delivery.period.to->kind, TimeBound::Kind::forever);
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<NewSubscription>(r.actions[0]));
}

TEST(SubscriptionActions, FreqWithoutValueIsDaily) {
  const auto read = testing::read_subscription("freq\nrnps\n");
  EXPECT_TRUE(read.diagnostics.empty()) << dump(read.diagnostics);
  EXPECT_EQ(resolve_subscription(read.body).delivery.freq, Freq::daily);
}

TEST(SubscriptionActions, FreqCustomIsReadAndWarnedAbout) {
  const auto read = testing::read_subscription("freq custom weekly_monday\nrnps\n");
  EXPECT_EQ(read.diagnostics.error_count(), 0u);
  EXPECT_TRUE(has(read.diagnostics, Severity::warning, 4, 6, "FREQ CUSTOM is not supported", "IV"))
      << dump(read.diagnostics);
  const auto r = resolve_subscription(read.body);
  EXPECT_EQ(r.delivery.freq, Freq::custom);
  EXPECT_EQ(r.delivery.custom, "weekly_monday");
  EXPECT_EQ(write_line(read.body.lines[0], KeywordCase::lower), "freq custom weekly_monday");
}

TEST(SubscriptionActions, ChangeLeftOpenBeforeAnotherCommandIsAnError) {
  const auto read = testing::read_subscription("subscr_list 52\nchange\nlat 1 to 2\nsubscr_prod\n");
  EXPECT_EQ(read.diagnostics.error_count(), 1u) << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::error, 5, 1, "before SUBSCR_PROD", "5.6.9"))
      << dump(read.diagnostics);
  const auto r = resolve_subscription(read.body);
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<SubscribedProducts>(r.actions[0]));
}

TEST(SubscriptionActions, RequiredEnvironmentsOfProductLinesFollowTable9) {
  const auto read = testing::read_subscription(
      "bull_type reb\nevent ims2.0\norigin\narrival\nbull_type\nbulletin\n"
      "sta_list ABC\nwaveform\nchan_status\n");
  EXPECT_EQ(read.diagnostics.error_count(), 2u) << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::error, 7, 1, "ARRIVAL needs STA_LIST", "5.6.6"))
      << dump(read.diagnostics);
  EXPECT_TRUE(has(read.diagnostics, Severity::error, 9, 1, "BULLETIN needs BULL_TYPE", "5.6.7"))
      << dump(read.diagnostics);
}

}  // namespace
}  // namespace imsgate::ims2::request
