// The rows of the store: received messages, what they contain, the station registry, users and tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ims2/datetime.hpp"

namespace imsgate::store {

using ims2::TimePoint;

// How a message came in.
enum class Door { maildir, pipe, upload, reprocess };
std::string_view door_name(Door door);  // "maildir", "pipe", "upload", "reprocess"
std::optional<Door> door_from_name(std::string_view name);

// The signature of a received message as the acquisition found it.
enum class SignatureState { unsigned_message, valid, invalid };
std::string_view signature_state_name(SignatureState state);  // "unsigned", "valid", "invalid"
std::optional<SignatureState> signature_state_from_name(std::string_view name);

// One received message, accepted or rejected. `sha256` names the raw bytes in the archive; `body_sha256` is
// the hash of the IMS2.0 text extracted from its MIME structure (mail::parse_mail, which gives the same text
// again from the same bytes), which the index's offsets refer to.
struct MessageRecord {
  std::int64_t id = 0;  // set by the store
  std::string sha256;
  std::string body_sha256;  // empty when no IMS2.0 text could be extracted
  std::int64_t size = 0;
  TimePoint received_at{};
  Door door = Door::maildir;
  std::string sender;  // the From address, or the uploading user
  std::string subject;
  std::string mail_message_id;  // the Message-ID header
  std::string msg_type;         // IMS2.0 MSG_TYPE as written (data, request, ...); empty when unreadable
  std::string msg_id;           // MSG_ID id string
  std::string msg_id_source;
  std::string ref_id;      // REF_ID id string when present
  std::string data_types;  // the DATA_TYPE names of its sections, comma-separated, in order
  std::string station;     // the station or laboratory the content names (first one)
  SignatureState signature = SignatureState::unsigned_message;
  std::string signer;  // SHA-256 fingerprint (hex) of the signing certificate
  bool accepted = false;
  std::string reason;       // rejected: a short code ("bad_mime", "bad_signature", "revoked_certificate",
                            // "unknown_certificate", "expired_certificate", "unknown_sender",
                            // "unauthorised_sender", "unauthorised_certificate", "signature_required",
                            // "unparseable", "unsupported", "invalid")
  std::string diagnostics;  // the reader's diagnostics and the verification's details, one per line

  bool operator==(const MessageRecord&) const = default;
};

// One DATA_TYPE section of an accepted message: where its text lies in the body.
struct SectionRow {
  int index = 0;          // 0-based within the message
  std::string data_type;  // upper case
  std::string subtype;
  std::string format;
  std::string subformat;
  std::int64_t offset = 0;  // byte offset of the DATA_TYPE line in the body
  std::int64_t length = 0;  // bytes up to the next section or STOP

  bool operator==(const SectionRow&) const = default;
};

// A waveform segment (one WID2 block) of a WAVEFORM section.
struct WaveformSegmentRow {
  int section_index = 0;
  int block_index = 0;
  std::string station;
  std::string channel;
  std::string aux_id;
  std::string subformat;
  TimePoint start{};
  TimePoint end{};  // start + samples / rate
  double sample_rate = 0;
  std::int64_t samples = 0;
  std::int64_t message_id = 0;  // the message that holds it: set by the store's queries, ignored by commit

  bool operator==(const WaveformSegmentRow&) const = default;
};

// An origin of a BULLETIN, ORIGIN or EVENT section.
struct EventRow {
  int section_index = 0;
  std::string event_id;   // may be empty
  std::string origin_id;  // may be empty
  std::string author;
  TimePoint origin_time{};
  double latitude = 0;
  double longitude = 0;
  std::optional<double> depth;
  std::optional<double> magnitude;  // the first magnitude given
  std::string magnitude_type;
  std::int64_t message_id = 0;  // the message that holds it: set by the store's queries, ignored by commit
  // The event's own text in the message body (from its EVENT line, or an ORIGIN section's origin header, to
  // the next one or the section's end), so that a request reads only it; -1 when not known (rows stored
  // before schema 3, GSE2.0 bulletins, blocks the indexer could not tell apart).
  std::int64_t block_offset = -1;
  std::int64_t block_length = -1;

  bool operator==(const EventRow&) const = default;
};

// Bounds of an event query: what is not given is not constrained.
struct EventArea {
  std::optional<double> lat_low, lat_high, lon_low, lon_high;
};

// An arrival of an ARRIVAL section or a bulletin's phase lines.
struct ArrivalRow {
  int section_index = 0;
  std::string station;
  std::string channel;
  std::string phase;
  TimePoint time{};
  std::string arrival_id;
  std::int64_t message_id = 0;  // the message that holds it: set by the store's queries, ignored by commit

  bool operator==(const ArrivalRow&) const = default;
};

// Everything else the index keeps: one row per product of a section (a PHD, an SOH report, a MET group, an
// alert, a lab report, a station or channel line, a status report...). `kind` says what it is ("sample",
// "soh", "met", "alert", "lab_report", "report", "station", "channel", "response", "network", "status",
// "comment", "log"); `attributes` is a JSON object with the product's key values (for a sample: system type,
// qualifier, times, quantities, spectrum sizes; for a station line: coordinates...).
struct ItemRow {
  int section_index = 0;
  int item_index = 0;
  std::string data_type;  // upper case
  std::string kind;
  std::string station;
  std::string detector;  // detector code, or channel, or empty
  std::string srid;
  std::optional<TimePoint> start;
  std::optional<TimePoint> end;
  std::string attributes = "{}";
  std::int64_t message_id = 0;  // the message that holds it: set by the store's queries, ignored by commit

  bool operator==(const ItemRow&) const = default;
};

// What an accepted message contains.
struct MessageIndex {
  std::vector<SectionRow> sections;
  std::vector<WaveformSegmentRow> segments;
  std::vector<EventRow> events;
  std::vector<ArrivalRow> arrivals;
  std::vector<ItemRow> items;
};

// The station registry.
enum class SignaturePolicy { required, optional };
std::string_view signature_policy_name(SignaturePolicy policy);  // "required", "optional"
std::optional<SignaturePolicy> signature_policy_from_name(std::string_view name);

struct StationRow {
  std::string code;  // station code (ARA0, USP70), or laboratory code (RL7)
  std::string kind;  // "seismic", "hydroacoustic", "infrasound", "radionuclide", "laboratory", ...
  std::string name;
  std::string country;  // ISO code
  std::optional<double> latitude;
  std::optional<double> longitude;
  SignaturePolicy signature_policy = SignaturePolicy::optional;
  std::string request_address;  // where backfill requests go; empty: none

  bool operator==(const StationRow&) const = default;
};

struct SenderRow {      // an address allowed to send for a station or laboratory
  std::string address;  // lower case
  std::string station;

  bool operator==(const SenderRow&) const = default;
};

struct CertificateRow {
  std::string fingerprint;  // SHA-256 of the DER, lower-case hex
  std::string station;      // the station or laboratory it signs for; empty for a CA
  bool authority = false;   // a CA certificate trusted to issue station certificates
  std::string subject;
  TimePoint not_before{};
  TimePoint not_after{};
  std::string pem;

  bool operator==(const CertificateRow&) const = default;
};

struct UserRow {
  std::int64_t id = 0;
  std::string email;  // lower case
  std::string name;
  bool admin = false;

  bool operator==(const UserRow&) const = default;
};

struct TokenRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string prefix;  // the first 8 characters after "imsg_", to name a token without showing it
  TimePoint created{};
  bool revoked = false;

  bool operator==(const TokenRow&) const = default;
};

// An outstanding or closed backfill request (a WAVEFORM request sent to a station).
struct BackfillRequestRow {
  std::int64_t id = 0;
  std::string station;
  std::string msg_id;  // the MSG_ID of our request; the response's REF_ID names it
  std::string mode;    // "normal" or "backfilling"
  TimePoint from{};
  TimePoint to{};
  TimePoint sent_at{};
  std::optional<TimePoint> closed_at;
  std::int64_t response_message_id = 0;  // 0 while open

  bool operator==(const BackfillRequestRow&) const = default;
};

// A user's right to receive a product (a request keyword in lower case, or "*") for the stations that match
// a pattern ('*' stands for any string). Products that name no station need the station pattern "*".
struct GrantRow {
  std::int64_t user_id = 0;
  std::string product;
  std::string station;

  bool operator==(const GrantRow&) const = default;
};

// How a request came in.
enum class RequestChannel { email, rest };
std::string_view request_channel_name(RequestChannel channel);  // "email", "rest"
std::optional<RequestChannel> request_channel_from_name(std::string_view name);

// Where a request is: queued until the engine takes it, running, then done (answered, whatever the
// answer said) or failed (no answer could be made; the outcome says why).
enum class RequestStatus { queued, running, done, failed };
std::string_view request_status_name(RequestStatus status);  // "queued", "running", "done", "failed"
std::optional<RequestStatus> request_status_from_name(std::string_view name);

// One request and its delivery (10.6.6): who asked, what, when, how large the answer was and how it ended.
struct RequestRow {
  std::int64_t id = 0;
  RequestChannel channel = RequestChannel::rest;
  std::string requester;        // the sender's address, or the API user's e-mail
  std::int64_t user_id = 0;     // 0 when the requester is not a registered user
  std::int64_t message_id = 0;  // the received e-mail that carried it (e-mail requests); 0 for REST
  std::string msg_id;           // the request's MSG_ID, when read
  std::string text;             // the request text of a REST request; e-mail requests keep it in the archive
  TimePoint received_at{};
  RequestStatus status = RequestStatus::queued;
  std::string reply_to;  // where the answer goes (the E-MAIL line); empty for REST
  std::string products;  // the request lines' keywords, comma-separated, in order
  std::int64_t response_bytes = 0;
  int parts = 0;
  std::string outcome;  // a one-line summary: sections, refusals, errors; or why it failed
  std::optional<TimePoint> finished_at;
  std::optional<TimePoint> delivered_at;  // handed to the SMTP server, or first downloaded

  bool operator==(const RequestRow&) const = default;
};

}  // namespace imsgate::store
