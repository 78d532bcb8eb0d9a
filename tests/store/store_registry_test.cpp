#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_fixtures.hpp"
#include "test_dir.hpp"

namespace imsgate::store {
namespace {

using imsgate::test::TempDir;
using imsgate::testing::at_seconds;
using imsgate::testing::open_store;

StationRow usp70() {
  return StationRow{"USP70", "radionuclide", "Sacramento, California",  "US",
                    38.67,   -121.36,        SignaturePolicy::required, "usp70@example.org"};
}

TEST(StoreRegistry, PutStationInsertsThenUpdatesByCode) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store->put_station(usp70()));
  ASSERT_TRUE(store->station("USP70"));
  EXPECT_EQ(*store->station("USP70"), usp70());

  StationRow changed = usp70();
  changed.name = "Sacramento";
  changed.latitude.reset();
  changed.longitude.reset();
  changed.signature_policy = SignaturePolicy::optional;
  changed.request_address.clear();
  ASSERT_TRUE(store->put_station(changed));
  EXPECT_EQ(*store->station("USP70"), changed);
  EXPECT_EQ(store->stations().size(), 1u);
  EXPECT_FALSE(store->station("ARP01"));
  EXPECT_FALSE(store->put_station(StationRow{}));  // no code
}

TEST(StoreRegistry, AddStationsAddsOnlyUnknownCodesAllOrNothing) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store->put_station(usp70()));
  StationRow other = usp70();
  other.name = "another name";
  StationRow arp01{
      "ARP01", "radionuclide", "Buenos Aires", "AR", std::nullopt, std::nullopt, SignaturePolicy::optional,
      ""};
  auto added = store->add_stations({other, arp01});
  ASSERT_TRUE(added) << added.error();
  EXPECT_EQ(*added, 1);
  EXPECT_EQ(*store->station("USP70"), usp70());  // kept as it was
  EXPECT_EQ(*store->station("ARP01"), arp01);

  StationRow nameless = arp01;
  nameless.code.clear();
  StationRow fresh = arp01;
  fresh.code = "ARP02";
  EXPECT_FALSE(store->add_stations({fresh, nameless}));
  EXPECT_FALSE(store->station("ARP02"));  // the failed call added nothing
}

TEST(StoreRegistry, StationsAreListedByCode) {
  TempDir dir;
  auto store = open_store(dir);
  for (const char* code : {"USP70", "ARCES", "RL7"}) {
    ASSERT_TRUE(store->put_station(
        StationRow{code, "seismic", code, "", std::nullopt, std::nullopt, SignaturePolicy::optional, ""}));
  }
  std::vector<std::string> codes;
  for (const auto& s : store->stations()) codes.push_back(s.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"ARCES", "RL7", "USP70"}));
}

TEST(StoreRegistry, SenderAddressesAreLowerCased) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store->put_station(usp70()));
  ASSERT_TRUE(store->put_station(StationRow{"ARP01", "radionuclide", "Buenos Aires", "AR", std::nullopt,
                                            std::nullopt, SignaturePolicy::optional, ""}));
  ASSERT_TRUE(store->add_sender({"Ops@Station.ORG", "USP70"}));
  ASSERT_TRUE(store->add_sender({"ops@station.org", "ARP01"}));
  ASSERT_TRUE(store->add_sender({"OPS@STATION.ORG", "USP70"}));  // the same pair again: kept once
  ASSERT_TRUE(store->add_sender({"lab@example.org", "USP70"}));

  EXPECT_EQ(store->senders(),
            (std::vector<SenderRow>{
                {"lab@example.org", "USP70"}, {"ops@station.org", "ARP01"}, {"ops@station.org", "USP70"}}));
  EXPECT_EQ(store->stations_of_sender("OPS@station.Org"), (std::vector<std::string>{"ARP01", "USP70"}));
  EXPECT_TRUE(store->stations_of_sender("nobody@example.org").empty());

  ASSERT_TRUE(store->remove_sender({"Ops@Station.org", "ARP01"}));
  EXPECT_EQ(store->stations_of_sender("ops@station.org"), (std::vector<std::string>{"USP70"}));
  EXPECT_FALSE(store->remove_sender({"ops@station.org", "ARP01"}));  // not there any more
}

TEST(StoreRegistry, SendersNeedAKnownStation) {
  TempDir dir;
  auto store = open_store(dir);
  auto added = store->add_sender({"ops@station.org", "XXX99"});
  ASSERT_FALSE(added);
  EXPECT_NE(added.error().find("XXX99"), std::string::npos);
  EXPECT_TRUE(store->senders().empty());
}

TEST(StoreRegistry, UpdatingAStationKeepsItsSenders) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store->put_station(usp70()));
  ASSERT_TRUE(store->add_sender({"ops@station.org", "USP70"}));
  StationRow renamed = usp70();
  renamed.name = "Sacramento";
  ASSERT_TRUE(store->put_station(renamed));
  EXPECT_EQ(store->stations_of_sender("ops@station.org"), (std::vector<std::string>{"USP70"}));
}

CertificateRow certificate(std::string station, bool authority, std::string_view seed) {
  return CertificateRow{sha256_hex(seed),
                        std::move(station),
                        authority,
                        fmt::format("CN={}", seed),
                        at_seconds(1'600'000'000),
                        at_seconds(1'900'000'000),
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"};
}

TEST(StoreRegistry, CertificatesByFingerprint) {
  TempDir dir;
  auto store = open_store(dir);
  const CertificateRow station = certificate("USP70", false, "usp70");
  const CertificateRow authority = certificate("", true, "ca");
  ASSERT_TRUE(store->put_certificate(station));
  ASSERT_TRUE(store->put_certificate(authority));

  std::string upper = station.fingerprint;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  ASSERT_TRUE(store->certificate(upper));
  EXPECT_EQ(*store->certificate(upper), station);
  EXPECT_EQ(store->certificates(),
            (std::vector<CertificateRow>{authority, station}));  // by station, then print
  EXPECT_FALSE(store->certificate(sha256_hex("unknown")));

  CertificateRow renewed = station;
  renewed.not_after = at_seconds(2'000'000'000);
  ASSERT_TRUE(store->put_certificate(renewed));
  EXPECT_EQ(*store->certificate(station.fingerprint), renewed);
  EXPECT_EQ(store->certificates().size(), 2u);
}

TEST(StoreRegistry, ACrlIsReplacedOnlyByANewerOne) {
  TempDir dir;
  auto store = open_store(dir);
  ASSERT_TRUE(store->put_crl("CN=CA one", "crl one v1", at_seconds(100)));
  ASSERT_TRUE(store->put_crl("CN=CA two", "crl two v1", at_seconds(100)));
  EXPECT_EQ(store->crls(), (std::vector<std::string>{"crl one v1", "crl two v1"}));

  ASSERT_TRUE(store->put_crl("CN=CA one", "crl one v2", at_seconds(200)));
  EXPECT_EQ(store->crls(), (std::vector<std::string>{"crl one v2", "crl two v1"}));
  ASSERT_TRUE(store->put_crl("CN=CA one", "crl one v0", at_seconds(50)));    // older: ignored
  ASSERT_TRUE(store->put_crl("CN=CA one", "crl one v2'", at_seconds(200)));  // not newer: ignored
  EXPECT_EQ(store->crls(), (std::vector<std::string>{"crl one v2", "crl two v1"}));
}

BackfillRequestRow backfill(std::string station, std::string msg_id, std::int64_t sent) {
  return BackfillRequestRow{0,
                            std::move(station),
                            std::move(msg_id),
                            "backfilling",
                            at_seconds(sent - 3600),
                            at_seconds(sent - 600),
                            at_seconds(sent),
                            std::nullopt,
                            0};
}

TEST(StoreBackfill, OpenRequestsUntilTheResponseCloses) {
  TempDir dir;
  auto store = open_store(dir);
  auto first = store->add_backfill_request(backfill("ARCES", "req-1", 10'000));
  auto second = store->add_backfill_request(backfill("ARCES", "req-2", 20'000));
  auto other = store->add_backfill_request(backfill("FINES", "req-3", 15'000));
  ASSERT_TRUE(first && second && other);
  EXPECT_NE(*first, *second);

  auto open = store->open_backfill_requests("ARCES");
  ASSERT_EQ(open.size(), 2u);
  BackfillRequestRow expected = backfill("ARCES", "req-1", 10'000);
  expected.id = *first;
  EXPECT_EQ(open[0], expected);
  EXPECT_EQ(open[1].msg_id, "req-2");
  EXPECT_EQ(store->open_backfill_requests("").size(), 3u);  // every station

  EXPECT_TRUE(store->close_backfill_request("req-1", 42, at_seconds(30'000)));
  EXPECT_FALSE(store->close_backfill_request("req-1", 43, at_seconds(31'000)));  // closed already
  EXPECT_FALSE(store->close_backfill_request("req-9", 44, at_seconds(31'000)));
  open = store->open_backfill_requests("ARCES");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, *second);
  EXPECT_TRUE(store->open_backfill_requests("XXXX").empty());
}

}  // namespace
}  // namespace imsgate::store
