// The acquisition's judgement of one received message: MIME, S/MIME signature, IMS2.0 reading and
// validation, sender authorisation, and the index of what it contains. Stores nothing itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mail/smime.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace imsgate::acq {

// How a message arrived.
struct Arrival {
  store::Door door = store::Door::maildir;
  ims2::TimePoint at{};
  std::string uploader;  // the authenticated user of an upload (who stands for the sender)
  std::string sha256;    // of the raw bytes, when the caller has computed it already
};

// A message judged: the record and index to commit, and the IMS2.0 text to archive beside the raw bytes.
struct Verdict {
  store::Commit commit;
  std::string body;  // the IMS2.0 text found in the mail (empty when none); the index's offsets refer to it
  std::string reply_to;            // where an answer would go (Reply-To, else From); empty when unknown
  bool registered_sender = false;  // the sender is registered for some station or laboratory
  bool ack_asked = false;          // the message's preface says "ack true"
};

class Processor {
 public:
  Processor(const store::Store& store, const mail::TrustStore& trust) : store_(store), trust_(trust) {}

  // Judges one message (thread-safe: reads the registry and the trust store only). `raw` is the whole
  // e-mail as delivered.
  Verdict examine(std::string_view raw, const Arrival& arrival) const;

 private:
  const store::Store& store_;
  const mail::TrustStore& trust_;
};

}  // namespace imsgate::acq
