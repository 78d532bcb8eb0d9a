// BULLETIN, EVENT, ORIGIN and ARRIVAL/SLSD requests through the engine, against the spec's example
// bulletins (App. I.4, I.7, I.17, I.24) and bulletins written here.
#include <algorithm>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/shi/section.hpp"
#include "vdms/engine.hpp"
#include "vdms/loaded_store.hpp"

namespace imsgate::vdms {
namespace {

namespace shi = ims2::shi;
using test::LoadedStore;

ims2::TimePoint at(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0) {
  return ims2::TimePoint{std::chrono::sys_days{std::chrono::year{year} / month / day}} +
         std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

// One event of a bulletin written here: one origin and one mb magnitude.
shi::BulletinEvent event(std::string id, ims2::TimePoint time, double lat, double lon, double mb,
                         std::string author = "IDC_REB") {
  shi::BulletinEvent e;
  e.id = id;
  e.region = "TEST REGION";
  shi::Origin& o = e.origin.origins.emplace_back();
  o.time = time;
  o.latitude = lat;
  o.longitude = lon;
  o.depth = 10.0;
  o.depth_error = 2.0;
  o.analysis = "m";
  o.method = "i";
  o.event_type = "uk";
  o.author = author;
  o.id = "9" + id;
  shi::Magnitude& m = e.origin.magnitudes.emplace_back();
  m.type = "mb";
  m.value = mb;
  m.author = author;
  m.origin_id = o.id;
  shi::Phase& p = e.phases.emplace_back();
  p.station = "ABC";
  p.phase = "P";
  p.time = time + std::chrono::seconds{100};
  p.id = "7" + id;
  return e;
}

std::string bulletin_message(const std::string& msg_id, std::string title,
                             std::vector<shi::BulletinEvent> events) {
  shi::Bulletin b;
  b.title = std::move(title);
  b.events = std::move(events);
  auto body = shi::write_bulletin(b);
  EXPECT_TRUE(body) << body.error();
  return "BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID " + msg_id + " TEST\nDATA_TYPE BULLETIN IMS2.0:SHORT\n" +
         body.value_or("") + "STOP\n";
}

std::string request(const std::string& lines) {
  return "begin ims2.0\nmsg_type request\nmsg_id example any_ndc\ne-mail name@my.computer\n" + lines +
         "stop\n";
}

class EventProducts : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GT(loaded_.load_spec_examples(), 20);
    user_ = loaded_.add_user("analyst@example.org", {"*:*"});
  }

  ims2::DataMessage ask(const std::string& text, std::optional<store::UserRow> user = std::nullopt) {
    const Answer answer = engine_.answer(text, {user ? user : std::optional(user_), "analyst@example.org"},
                                         Channel::rest, at(2026, 11, 23));
    EXPECT_EQ(answer.messages.size(), 1u);
    auto read = ims2::read_messages(answer.messages.at(0));
    EXPECT_EQ(read.messages.size(), 1u) << answer.messages.at(0);
    last_text_ = answer.messages.at(0);
    return std::get<ims2::DataMessage>(read.messages.at(0));
  }

  static const ims2::DataSection* find(const ims2::DataMessage& m, std::string_view type) {
    for (const auto& s : m.sections)
      if (s.header.type == type) return &s;
    return nullptr;
  }

  static std::string log_of(const ims2::DataMessage& m, std::string_view type = "LOG") {
    const auto* s = find(m, type);
    return s ? s->body : "";
  }

  // The event ids of the one section of `type`, read back with the section readers.
  std::vector<std::string> event_ids(const ims2::DataMessage& m, std::string_view type) {
    std::vector<std::string> ids;
    const auto* s = find(m, type);
    if (!s) {
      ADD_FAILURE() << "no " << type << " section in\n" << last_text_;
      return ids;
    }
    ims2::Diagnostics diagnostics;
    auto model = shi::read_section(*s, diagnostics);
    EXPECT_TRUE(model);
    if (const auto* b = std::get_if<shi::Bulletin>(&*model))
      for (const auto& e : b->events) ids.push_back(e.id);
    if (const auto* e = std::get_if<shi::EventList>(&*model))
      for (const auto& ev : e->events) ids.push_back(ev.id);
    if (const auto* o = std::get_if<shi::OriginList>(&*model))
      for (const auto& block : o->blocks)
        for (const auto& origin : block.origins) ids.push_back(origin.id);
    return ids;
  }

  shi::Arrival arrivals(const ims2::DataMessage& m, std::string_view type) {
    const auto* s = find(m, type);
    if (!s) {
      ADD_FAILURE() << "no " << type << " section in\n" << last_text_;
      return {};
    }
    ims2::Diagnostics diagnostics;
    return shi::read_arrival(*s, diagnostics);
  }

  LoadedStore loaded_;
  store::UserRow user_;
  std::string last_text_;
  int sequence_ = 0;
  Engine engine_{loaded_.store(),
                 {.source = "IMSGATE", .contact = "", .email_limit = 1'000'000, .rest_limit = 0},
                 [this] { return "RESP" + std::to_string(++sequence_); }};
};

using Ids = std::vector<std::string>;

// Listing 4.14, TIME moved to the day of App. I.7 and I.17: the REB's events, each once, with the phases of
// the stored BULLETIN where there is one.
TEST_F(EventProducts, Listing414ReturnsTheRebOfTheDay) {
  const auto m = ask(request("time 2021/12/01 to 2021/12/02\nbull_type reb\nbulletin ims2.0\n"));
  const auto* s = find(m, "BULLETIN");
  ASSERT_NE(s, nullptr) << last_text_;
  EXPECT_EQ(s->header.format, "IMS2.0");
  EXPECT_EQ(s->header.subformat, "SHORT");
  EXPECT_EQ(event_ids(m, "BULLETIN"), (Ids{"21429064", "21428539", "21429217", "21428380", "21428379"}));
  ims2::Diagnostics diagnostics;
  const auto bulletin = shi::read_bulletin(*s, diagnostics);
  ASSERT_EQ(bulletin.events.size(), 5u);
  EXPECT_FALSE(bulletin.events[0].phases.empty());
  EXPECT_EQ(bulletin.events[0].phases[0].id, "165912469");
  ASSERT_TRUE(bulletin.events[1].origin.origins[0].latitude);
  EXPECT_DOUBLE_EQ(*bulletin.events[1].origin.origins[0].latitude, -18.7411);
  EXPECT_NE(log_of(m).find("5 events of REB"), std::string::npos) << log_of(m);
}

// Listing 4.30 on the day of App. I.24: every origin of the REB, ORIGIN sections included.
TEST_F(EventProducts, Listing430ReturnsTheOrigins) {
  const auto m = ask(request("time 2021/12/01 to 2021/12/02\nbull_type reb\norigin ims2.0\n"));
  const Ids ids = event_ids(m, "ORIGIN");
  for (const char* id : {"21451982", "21451882", "21451545", "21436469", "21452111"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
}

// Listing 4.31: mb 4.5 to 5.5 and depth 0 to 10: the three large I.24 origins, none of the small ones.
TEST_F(EventProducts, Listing431SelectsByMagnitudeAndDepth) {
  const auto m =
      ask(request("time 2021/12/01 to 2021/12/02\nmag_type mb\nmag 4.5 to 5.5\ndepth 0 to 10\nbull_type "
                  "reb\norigin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "ORIGIN"), (Ids{"21451982", "21451882", "21451545"}));
}

TEST_F(EventProducts, MagnitudeOfAnotherTypeDoesNotMatch) {
  // I.17's 21428380 has Ms 3.2, I.7's 21429064 ML 3.2: MAG 3.15 to 3.25 of type Ms matches the first only,
  // of type mb neither.
  auto m = ask(
      request("time 2021/12/01 to 2021/12/02\nmag_type Ms\nmag 3.15 to 3.25\nbull_type reb\nevent ims2.0\n"));
  EXPECT_EQ(event_ids(m, "EVENT"), (Ids{"21428380"}));
  m = ask(
      request("time 2021/12/01 to 2021/12/02\nmag_type mb\nmag 3.15 to 3.25\nbull_type reb\nevent ims2.0\n"));
  EXPECT_EQ(find(m, "EVENT"), nullptr);
  EXPECT_NE(log_of(m).find("no EVENT events of REB"), std::string::npos) << log_of(m);
}

// Listing 4.17: MB_MINUS_MS 0.5 and up, DEPTH_MINUS_ERROR up to 10: only 21428380 (mb 3.8, Ms 3.2) has both.
TEST_F(EventProducts, Listing417SelectsByMbMinusMs) {
  const auto m =
      ask(request("time 2021/12/01 to 2021/12/02\ndepth_minus_error to 10\nmb_minus_ms 0.5 to\n"
                  "bull_type reb\ngroup_bull_list sel2\nbulletin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "BULLETIN"), (Ids{"21428380"}));
}

// Listing 4.16: DEPTH_MINUS_ERROR to 10 leaves out the deep Fiji event (502.8 km, error 95.6).
TEST_F(EventProducts, Listing416LeavesOutDeepEvents) {
  const auto m =
      ask(request("time 2021/12/01 12:00 to 2021/12/01 13:00\ndepth_minus_error to 10\nbull_type reb\n"
                  "group_bull_list sel2\nbulletin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "BULLETIN"), (Ids{"21429064", "21429217"}));
}

// Listing 4.15: a SEL2 origin 20 s and 1 degree from REB event 21429064 joins its origin block; a SEL2 event
// far away does not, and is not reported by itself.
TEST_F(EventProducts, Listing415GroupsSel2Origins) {
  ASSERT_TRUE(loaded_.load(
      bulletin_message("SEL2A", "Standard Event List 2 from 2021/12/01 12:00:00 to 2021/12/01 13:00:00",
                       {event("500", at(2021, 12, 1, 12, 7, 28), 31.9, 142.9, 4.0, "IDC_SEL2"),
                        event("501", at(2021, 12, 1, 12, 30), -40, 10, 4.0, "IDC_SEL2")})));
  const auto m = ask(request(
      "time 2021/12/01 12:00 to 2021/12/01 13:00\nbull_type reb\ngroup_bull_list sel2\nbulletin ims2.0\n"));
  const auto* s = find(m, "BULLETIN");
  ASSERT_NE(s, nullptr) << last_text_;
  ims2::Diagnostics diagnostics;
  const auto bulletin = shi::read_bulletin(*s, diagnostics);
  ASSERT_EQ(bulletin.events.size(), 3u);
  ASSERT_EQ(bulletin.events[0].origin.origins.size(), 2u);
  EXPECT_EQ(bulletin.events[0].origin.origins[1].id, "9500");
  EXPECT_EQ(bulletin.events[0].origin.origins[1].author, "IDC_SEL2");
  EXPECT_EQ(bulletin.events[1].origin.origins.size(), 1u);
  EXPECT_EQ(last_text_.find("9501"), std::string::npos);
}

TEST_F(EventProducts, LatitudeLongitudeAndTheDateLine) {
  ASSERT_TRUE(loaded_.load(bulletin_message(
      "REBA", "Reviewed Event Bulletin of the TEST from 2025/01/01",
      {event("1", at(2025, 1, 1, 1), 10, 179.5, 4.0), event("2", at(2025, 1, 1, 2), -10, -178, 4.5),
       event("3", at(2025, 1, 1, 3), 10, 0, 5.0), event("4", at(2025, 1, 1, 4), 50, 179, 5.0)})));
  const std::string time = "time 2025/01/01 to 2025/01/02\nbull_type reb\n";
  auto m = ask(request(time + "lon 175 to -175\nbulletin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "BULLETIN"), (Ids{"1", "2", "4"}));
  m = ask(request(time + "lon 175 to -175\nlat -10 to 10\nevent ims2.0\n"));  // closed limits
  EXPECT_EQ(event_ids(m, "EVENT"), (Ids{"1", "2"}));
  m = ask(request(time + "lon -1 to 1\nmag 4.6 to\nbulletin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "BULLETIN"), (Ids{"3"}));
  m = ask(request(time + "event_list 2, 4\nbulletin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "BULLETIN"), (Ids{"2", "4"}));
  m = ask(request(time + "origin_list 93\norigin ims2.0\n"));
  EXPECT_EQ(event_ids(m, "ORIGIN"), (Ids{"93"}));
}

// Listing 4.25: events within 20 degrees of station ABC (placed in Japan): not the Fiji event.
TEST_F(EventProducts, Listing425SelectsEventsNearTheStations) {
  store::StationRow abc;
  abc.code = "ABC";
  abc.kind = "seismic";
  abc.latitude = 35.0;
  abc.longitude = 140.0;
  ASSERT_TRUE(loaded_.store().put_station(abc));
  const auto m =
      ask(request("time 2021/12/01 12:00 to 2021/12/01 13:00\nbull_type reb\ngroup_bull_list sel2\n"
                  "sta_list abc, def\nevent_sta_dist 0.0 to 20.0\nevent ims2.0\n"));
  EXPECT_EQ(event_ids(m, "EVENT"), (Ids{"21429064", "21429217"}));
}

TEST_F(EventProducts, NothingFoundIsLogged) {
  const auto m = ask(request("time 2030/01/01 to 2030/01/02\nbull_type reb\nbulletin ims2.0\n"));
  EXPECT_EQ(find(m, "BULLETIN"), nullptr);
  EXPECT_NE(log_of(m).find("no BULLETIN events of REB between 2030/01/01 00:00:00 and 2030/01/02 00:00:00"),
            std::string::npos)
      << log_of(m);
}

TEST_F(EventProducts, ARefusedBulletinIsAnErrorAndNoSection) {
  const auto user = loaded_.add_user("waveforms@example.org", {"waveform:*"});
  const auto m = ask(request("time 2021/12/01 to 2021/12/02\nbull_type reb\nbulletin ims2.0\n"), user);
  EXPECT_EQ(find(m, "BULLETIN"), nullptr);
  EXPECT_NE(log_of(m, "ERROR_LOG").find("BULLETIN refused"), std::string::npos) << last_text_;
}

// Listing 4.18: custom screening cannot be done from the store: said in the ERROR_LOG, no section.
TEST_F(EventProducts, CustomScreeningIsNotAvailable) {
  const auto m =
      ask(request("time 2021/12/01 to 2021/12/02\nbull_type idc_neb\nmag_type mb\nmag 4.0 to 6.0\n"
                  "depth_thresh 20.0\nbulletin ims2.0\n"));
  EXPECT_EQ(find(m, "BULLETIN"), nullptr);
  EXPECT_NE(log_of(m, "ERROR_LOG").find("custom screening (IDC_NEB) is not available"), std::string::npos)
      << last_text_;
}

TEST_F(EventProducts, TheLongSubformatIsWrittenAndSc3xmlRefused) {
  auto m = ask(request("time 2021/12/01 to 2021/12/02\nbull_type reb\nbulletin ims2.0:long\n"));
  const auto* s = find(m, "BULLETIN");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->header.subformat, "LONG");
  m = ask(request("time 2021/12/01 to 2021/12/02\nbull_type reb\nbulletin ims2.0:sc3xml\n"));
  EXPECT_EQ(find(m, "BULLETIN"), nullptr);
  EXPECT_NE(log_of(m, "ERROR_LOG").find("subformat SC3XML"), std::string::npos) << last_text_;
}

// Listing 4.11 on the day of App. I.4.2: automatic arrivals of two stations (their author, DFX, names no
// bulletin, so SEL1 keeps them).
TEST_F(EventProducts, Listing411AutomaticArrivalsOfTheStations) {
  const auto m = ask(request(
      "time 2016/06/01 to 2016/06/02\nsta_list CPUP, JKA\nbull_type SEL1\narrival:automatic ims2.0\n"));
  const auto* s = find(m, "ARRIVAL");
  ASSERT_NE(s, nullptr) << last_text_;
  EXPECT_EQ(s->header.subtype, "AUTOMATIC");
  const auto a = arrivals(m, "ARRIVAL");
  ASSERT_EQ(a.records.size(), 2u);
  EXPECT_EQ(a.records[0].station, "CPUP");
  EXPECT_EQ(a.records[0].id, "114378315");
  EXPECT_EQ(a.records[1].station, "JKA");
  ASSERT_TRUE(a.records[1].azimuth);
  EXPECT_DOUBLE_EQ(*a.records[1].azimuth, 271.0);
}

// Listing 4.12 with the associated subtype: WRA's arrivals of the REB come from the stored bulletin's phases;
// the SEL3 arrivals of App. I.4.1 are not the REB's.
TEST_F(EventProducts, Listing412AssociatedArrivalsOfTheReb) {
  const auto m = ask(request("time 2021/12/01 to 2021/12/02\nsta_list WRA\nbull_type REB\narrival ims2.0\n"));
  const auto a = arrivals(m, "ARRIVAL");
  std::vector<std::string> ids;
  for (const auto& r : a.records) ids.push_back(r.id);
  EXPECT_EQ(ids, (Ids{"165866253", "165867167"}));
  ASSERT_FALSE(a.records.empty());
  EXPECT_EQ(a.records[0].origin_id, "21451355");
  EXPECT_EQ(a.records[0].author, "IDC_REB");
}

TEST_F(EventProducts, SlsdIsArrivalAndSel3ArrivalsAreFound) {
  const auto m = ask(request("time 2021/12/01 to 2021/12/02\nsta_list WRA\nbull_type sel3\nslsd ims2.0\n"));
  const auto* s = find(m, "SLSD");
  ASSERT_NE(s, nullptr) << last_text_;
  EXPECT_EQ(s->header.subtype, "ASSOCIATED");
  const auto a = arrivals(m, "SLSD");
  ASSERT_EQ(a.records.size(), 2u);
  EXPECT_EQ(a.records[0].id, "165853968");
  EXPECT_EQ(a.records[1].id, "165853969");
}

TEST_F(EventProducts, ARefusedArrivalStationIsLeftOut) {
  const auto user = loaded_.add_user("wra@example.org", {"arrival:WRA"});
  const auto m = ask(
      request("time 2021/12/01 to 2021/12/02\nsta_list WRA, ASAR\nbull_type REB\narrival ims2.0\n"), user);
  const auto a = arrivals(m, "ARRIVAL");
  EXPECT_EQ(a.records.size(), 2u);
  for (const auto& r : a.records) EXPECT_EQ(r.station, "WRA");
  EXPECT_NE(log_of(m, "ERROR_LOG").find("station ASAR refused: no grant of ARRIVAL for it"),
            std::string::npos)
      << last_text_;
}

TEST_F(EventProducts, NoArrivalsIsLogged) {
  const auto m = ask(request("time 2021/12/01 to 2021/12/02\nsta_list XYZ\nbull_type REB\narrival ims2.0\n"));
  EXPECT_EQ(find(m, "ARRIVAL"), nullptr);
  EXPECT_NE(log_of(m).find("no ARRIVAL:ASSOCIATED data of REB for stations XYZ"), std::string::npos)
      << log_of(m);
}

}  // namespace
}  // namespace imsgate::vdms
