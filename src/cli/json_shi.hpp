// JSON views of the S/H/I data models (chapter 6), for `imsgate dump --json`.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "ims2/datetime.hpp"
#include "ims2/shi/section.hpp"

namespace imsgate::cli {

struct JsonOptions {
  bool samples = false;  // a waveform segment's samples, not only their number
};

// Every field of the model under "data_type" naming its kind; blank fields are null, times are
// "yyyy/mm/dd hh:mm:ss.sss".
nlohmann::json to_json(const ims2::shi::Section& section, const JsonOptions& options);

// The pieces of the view, shared by json_shi.cpp, json_shi_station.cpp and json_shi_events.cpp.
namespace shi_json {

template <class T>
nlohmann::json value(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
template <class T, class F>
nlohmann::json array_of(const std::vector<T>& items, F view) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& item : items) a.push_back(view(item));
  return a;
}
nlohmann::json time(ims2::TimePoint t);
nlohmann::json time(const std::optional<ims2::TimePoint>& t);
nlohmann::json report_period(const ims2::shi::ReportPeriod& period);

// Station and response types, status reports and logs (json_shi_station.cpp).
nlohmann::json model(const ims2::shi::Channel& channel);
nlohmann::json model(const ims2::shi::Network& network);
nlohmann::json model(const ims2::shi::Station& station);
nlohmann::json model(const ims2::shi::Response& response);
nlohmann::json model(const ims2::shi::AuthStatus& status);
nlohmann::json model(const ims2::shi::ChanStatus& status);
nlohmann::json model(const ims2::shi::CommStatus& status);
nlohmann::json model(const ims2::shi::Outage& outage);
nlohmann::json model(const ims2::shi::StaStatus& status);
nlohmann::json model(const ims2::shi::Log& log);

// Arrivals, bulletins, origins, events and comments (json_shi_events.cpp).
nlohmann::json model(const ims2::shi::Arrival& arrival);
nlohmann::json model(const ims2::shi::Bulletin& bulletin);
nlohmann::json model(const ims2::shi::OriginList& origins);
nlohmann::json model(const ims2::shi::EventList& events);
nlohmann::json model(const ims2::shi::Comment& comment);

}  // namespace shi_json

}  // namespace imsgate::cli
