#include "store/registry_seed.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "store_fixtures.hpp"
#include "test_dir.hpp"

namespace imsgate::store {
namespace {

namespace fs = std::filesystem;
using imsgate::test::TempDir;
using imsgate::testing::open_store;

fs::path registry_dir() {
  return fs::path(IMSGATE_SOURCE_DIR) / "data" / "registry";
}

// The code tables hold 79 particulate, 46 noble gas, 51 primary and 119 auxiliary seismic, 22 hydroacoustic
// and 59 infrasound station codes, and 16 laboratories.
constexpr int kFacilities = 79 + 46 + 51 + 119 + 22 + 59 + 16;

TEST(RegistrySeed, LoadsEveryStationAndLaboratoryOfTheCodeTables) {
  TempDir dir;
  auto store = open_store(dir);
  auto loaded = load_registry(*store, registry_dir());
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(*loaded, kFacilities);
  EXPECT_EQ(store->stations().size(), static_cast<std::size_t>(kFacilities));

  auto expect = [&](std::string_view code, std::string_view kind, std::string_view name,
                    std::string_view country) {
    auto station = store->station(code);
    ASSERT_TRUE(station) << code;
    EXPECT_EQ(station->kind, kind) << code;
    EXPECT_EQ(station->name, name) << code;
    EXPECT_EQ(station->country, country) << code;
    EXPECT_FALSE(station->latitude) << code;  // the tables have no coordinates
    EXPECT_EQ(station->signature_policy, SignaturePolicy::optional) << code;
    EXPECT_EQ(station->request_address, "") << code;
  };
  expect("USP70", "radionuclide", "Sacramento, California", "US");
  expect("ARP01", "radionuclide", "Buenos Aires", "AR");
  expect("USG75", "radionuclide", "Charlottesville, Virginia", "US");  // noble gas
  expect("ARCES", "seismic", "Karasjok", "NO");
  expect("PLCA", "seismic", "Paso Flores", "AR");
  expect("H01W", "hydroacoustic", "Cape Leeuwin, WA", "AU");
  expect("I29IR", "infrasound", "Tehran", "IR");               // "Iran (Islamic Republic of)": an alias
  expect("VRAC", "seismic", "Vranov", "CZ");                   // "Czech Republic": an alias
  expect("TZP64", "radionuclide", "Dar es Salaam", "TZ");      // "Tanzania, United Republic of": an alias
  expect("SNAA", "seismic", "SANAE Station, Antarctica", "");  // "Germany/South Africa": no one country
  expect("ARL01", "laboratory", "National Board of Nuclear Regulation, Buenos Aires", "AR");
  expect("USL16", "laboratory", "McClellan Central Laboratories, Sacramento, California", "US");
}

TEST(RegistrySeed, LeavesTheStationsTheStoreHoldsAsTheyAre) {
  TempDir dir;
  auto store = open_store(dir);
  const StationRow mine{"USP70",
                        "radionuclide",
                        "Sacramento",
                        "US",
                        38.67,
                        -121.36,
                        SignaturePolicy::required,
                        "usp70@example.org"};
  ASSERT_TRUE(store->put_station(mine));
  auto loaded = load_registry(*store, registry_dir());
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(*loaded, kFacilities - 1);
  EXPECT_EQ(*store->station("USP70"), mine);
  EXPECT_EQ(load_registry(*store, registry_dir()), 0);  // loading again adds nothing
}

void write(const fs::path& file, std::string_view text) {
  std::ofstream(file, std::ios::binary) << text;
}

// Every table the loader reads, empty but for its header, in `dir`.
void write_empty_tables(const fs::path& dir) {
  write(dir / "countries.csv", "name,alpha2,alpha3\n");
  write(dir / "country_aliases.csv", "name,alpha2\n");
  for (const char* file :
       {"shi_primary_seismic.csv", "shi_auxiliary_seismic.csv", "shi_hydroacoustic.csv", "shi_infrasound.csv",
        "rn_particulate_stations.csv", "rn_noble_gas_stations.csv"}) {
    write(dir / file, "station_code,treaty_number,country,location\n");
  }
  write(dir / "rn_laboratories.csv", "lab_code,country,name_and_location\n");
}

TEST(RegistrySeed, ReadsQuotedFieldsAndCoordinatesWhereATableHasThem) {
  TempDir dir;
  const fs::path tables = dir.path() / "tables";
  fs::create_directories(tables);
  write_empty_tables(tables);
  write(tables / "countries.csv",
        "name,alpha2,alpha3\r\n\"Korea, \"\"South\"\"\",KR,KOR\r\nNorway,NO,NOR\r\n");
  write(tables / "shi_primary_seismic.csv",
        "station_code,treaty_number,country,location,latitude,longitude\n"
        "ARCES,PS28,Norway,Karasjok,69.5349,25.5058\n"
        "KSRS,PS31,\"Korea, \"\"South\"\"\",\"Wonju, \"\"array\"\"\",,\n");
  auto store = open_store(dir);
  auto loaded = load_registry(*store, tables);
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_EQ(*loaded, 2);
  auto arces = store->station("ARCES");
  ASSERT_TRUE(arces);
  EXPECT_EQ(arces->latitude, 69.5349);
  EXPECT_EQ(arces->longitude, 25.5058);
  auto ksrs = store->station("KSRS");
  ASSERT_TRUE(ksrs);
  EXPECT_EQ(ksrs->name, "Wonju, \"array\"");
  EXPECT_EQ(ksrs->country, "KR");
  EXPECT_FALSE(ksrs->latitude);
}

TEST(RegistrySeed, ReportsAMissingOrMalformedTable) {
  TempDir dir;
  const fs::path tables = dir.path() / "tables";
  fs::create_directories(tables);
  write_empty_tables(tables);
  auto store = open_store(dir);

  fs::remove(tables / "shi_infrasound.csv");
  auto missing = load_registry(*store, tables);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("shi_infrasound.csv"), std::string::npos) << missing.error();

  write(tables / "shi_infrasound.csv", "station_code,treaty_number,country,location\nI01AR,IS01,Argentina\n");
  auto short_row = load_registry(*store, tables);
  ASSERT_FALSE(short_row);
  EXPECT_NE(short_row.error().find("record 2"), std::string::npos) << short_row.error();

  write(tables / "shi_infrasound.csv", "code,country,location\n");
  auto no_column = load_registry(*store, tables);
  ASSERT_FALSE(no_column);
  EXPECT_NE(no_column.error().find("station_code"), std::string::npos) << no_column.error();

  write(tables / "shi_infrasound.csv",
        "station_code,treaty_number,country,location\n\"I01AR,IS01,Argentina,x\n");
  EXPECT_FALSE(load_registry(*store, tables));  // a quote never closed
}

}  // namespace
}  // namespace imsgate::store
