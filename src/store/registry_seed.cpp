#include "store/registry_seed.hpp"

#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace imsgate::store {

namespace fs = std::filesystem;

namespace {

// The tables that name stations and laboratories, and the kind of facility each one lists.
struct Source {
  std::string_view file;
  std::string_view kind;
  std::string_view code_column;
  std::string_view name_column;
};

constexpr Source kSources[] = {
    {"shi_primary_seismic.csv", "seismic", "station_code", "location"},
    {"shi_auxiliary_seismic.csv", "seismic", "station_code", "location"},
    {"shi_hydroacoustic.csv", "hydroacoustic", "station_code", "location"},
    {"shi_infrasound.csv", "infrasound", "station_code", "location"},
    {"rn_particulate_stations.csv", "radionuclide", "station_code", "location"},
    {"rn_noble_gas_stations.csv", "radionuclide", "station_code", "location"},
    {"rn_laboratories.csv", "laboratory", "lab_code", "name_and_location"},
};

// A CSV file (RFC 4180: commas, double-quoted fields with "" for a quote) with its header row.
struct Table {
  fs::path file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::optional<std::size_t> column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    return std::nullopt;
  }

  tl::expected<std::size_t, Error> required_column(std::string_view name) const {
    if (auto found = column(name)) return *found;
    return tl::unexpected(fmt::format("{}: no column {}", file.string(), name));
  }
};

std::vector<std::vector<std::string>> parse_csv(std::string_view text, bool& unterminated) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool any = false;  // something read since the last record ended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        in_quotes = false;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      in_quotes = any = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      field.clear();
      record.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any || !field.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  unterminated = in_quotes;
  return records;
}

tl::expected<Table, Error> read_table(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return tl::unexpected(fmt::format("cannot read {}", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  bool unterminated = false;
  auto records = parse_csv(text.str(), unterminated);
  if (unterminated) return tl::unexpected(fmt::format("{}: a quoted field is not closed", file.string()));
  if (records.empty()) return tl::unexpected(fmt::format("{}: no header row", file.string()));
  Table table{file, std::move(records.front()), {}};
  records.erase(records.begin());
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].size() != table.header.size()) {
      return tl::unexpected(fmt::format("{}: record {} has {} fields, the header {}", file.string(), i + 2,
                                        records[i].size(), table.header.size()));
    }
  }
  table.rows = std::move(records);
  return table;
}

tl::expected<std::optional<double>, Error> coordinate(const Table& table, const std::vector<std::string>& row,
                                                      std::optional<std::size_t> column) {
  if (!column || row[*column].empty()) return std::nullopt;
  const std::string& text = row[*column];
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return tl::unexpected(fmt::format("{}: {} is not a coordinate", table.file.string(), text));
  }
  return value;
}

// Country name to ISO 3166 alpha-2: the country table, and the aliases for the other spellings the station
// tables use.
tl::expected<std::map<std::string, std::string, std::less<>>, Error> country_codes(const fs::path& data_dir) {
  std::map<std::string, std::string, std::less<>> codes;
  for (std::string_view file : {"countries.csv", "country_aliases.csv"}) {
    auto table = read_table(data_dir / file);
    if (!table) return tl::unexpected(table.error());
    auto name = table->required_column("name");
    if (!name) return tl::unexpected(name.error());
    auto alpha2 = table->required_column("alpha2");
    if (!alpha2) return tl::unexpected(alpha2.error());
    for (const auto& row : table->rows) codes.emplace(row[*name], row[*alpha2]);
  }
  return codes;
}

}  // namespace

tl::expected<int, Error> load_registry(Store& store, const fs::path& data_dir) {
  auto countries = country_codes(data_dir);
  if (!countries) return tl::unexpected(countries.error());
  std::vector<StationRow> stations;
  for (const Source& source : kSources) {
    auto table = read_table(data_dir / source.file);
    if (!table) return tl::unexpected(table.error());
    auto code = table->required_column(source.code_column);
    auto name = table->required_column(source.name_column);
    auto country = table->required_column("country");
    for (const auto* column : {&code, &name, &country}) {
      if (!*column) return tl::unexpected(column->error());
    }
    const auto latitude_column = table->column("latitude");
    const auto longitude_column = table->column("longitude");
    for (const auto& row : table->rows) {
      if (row[*code].empty()) continue;
      StationRow station;
      station.code = row[*code];
      station.kind = source.kind;
      station.name = row[*name];
      // A name the tables do not resolve (a joint entry such as "Germany/South Africa") leaves the code
      // empty.
      if (auto iso = countries->find(row[*country]); iso != countries->end()) station.country = iso->second;
      auto latitude = coordinate(*table, row, latitude_column);
      if (!latitude) return tl::unexpected(latitude.error());
      auto longitude = coordinate(*table, row, longitude_column);
      if (!longitude) return tl::unexpected(longitude.error());
      station.latitude = *latitude;
      station.longitude = *longitude;
      stations.push_back(std::move(station));
    }
  }
  // One transaction: the registry is seeded whole or not at all.
  return store.add_stations(stations);
}

}  // namespace imsgate::store
