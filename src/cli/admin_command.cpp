// `imsgate admin`: the station registry, users and tokens, rejected messages and reprocessing, on a data
// directory (the server may be running: the store takes concurrent writers).
#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "acq/processor.hpp"
#include "acq/trust.hpp"
#include "cli/input.hpp"
#include "cli/service_commands.hpp"
#include "cli/time_text.hpp"
#include "mail/smime.hpp"
#include "store/registry_seed.hpp"
#include "store/store.hpp"
#include "web/acquisition_api.hpp"
#include "web/request_api.hpp"

namespace imsgate::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;

struct AdminOptions {
  std::string data_dir = default_data_dir().string();
  // station
  std::string code, kind = "seismic", name, country, policy, request_address;
  std::optional<double> latitude, longitude;
  // sender, cert, user, token
  std::string address, station, file, email, prefix;
  // grant
  std::string product;
  bool authority = false, admin = false, json = false, all_rejected = false;
  int limit = 50;
  std::int64_t id = 0;
};

std::unique_ptr<store::Store> open_store(const AdminOptions& options) {
  auto store = store::Store::open(options.data_dir);
  if (!store) {
    std::cerr << "imsgate admin: " << store.error() << '\n';
    return nullptr;
  }
  return std::move(*store);
}

int report(const tl::expected<void, std::string>& done, std::string_view what) {
  if (!done) {
    std::cerr << "imsgate admin: " << done.error() << '\n';
    return kFailed;
  }
  std::cout << what << '\n';
  return kOk;
}

std::string_view policy_name(store::SignaturePolicy policy) {
  return policy == store::SignaturePolicy::required ? "required" : "optional";
}

int station_list(store::Store& store) {
  for (const auto& s : store.stations())
    std::cout << fmt::format("{:<8} {:<13} {:<3} {:>9} {:>10}  signature {:<8} {}\n", s.code, s.kind,
                             s.country, s.latitude ? fmt::format("{:.4f}", *s.latitude) : "-",
                             s.longitude ? fmt::format("{:.4f}", *s.longitude) : "-",
                             policy_name(s.signature_policy), s.name);
  return kOk;
}

int station_put(store::Store& store, const AdminOptions& o, bool adding) {
  store::StationRow row;
  if (auto existing = store.station(o.code))
    row = *existing;
  else if (!adding)
    return report(tl::unexpected("no station " + o.code), "");
  row.code = o.code;
  if (adding || !o.kind.empty()) row.kind = o.kind.empty() ? row.kind : o.kind;
  if (!o.name.empty()) row.name = o.name;
  if (!o.country.empty()) row.country = o.country;
  if (o.latitude) row.latitude = o.latitude;
  if (o.longitude) row.longitude = o.longitude;
  if (!o.policy.empty())
    row.signature_policy =
        o.policy == "required" ? store::SignaturePolicy::required : store::SignaturePolicy::optional;
  if (!o.request_address.empty()) row.request_address = o.request_address == "-" ? "" : o.request_address;
  return report(store.put_station(row), "station " + row.code + " saved");
}

int cert_import(store::Store& store, const AdminOptions& o) {
  std::string error;
  const auto input = read_input(o.file, error);
  if (!input) return report(tl::unexpected(error), "");
  auto certificates = mail::read_certificates(input->bytes);
  if (!certificates) return report(tl::unexpected(certificates.error()), "");
  if (!o.authority && o.station.empty())
    return report(tl::unexpected(std::string("say which station the certificate signs for (--station), or "
                                             "--authority for a CA")),
                  "");
  for (const auto& c : *certificates) {
    store::CertificateRow row{
        c.fingerprint, o.authority ? "" : o.station, o.authority, c.subject, c.not_before, c.not_after,
        c.pem};
    if (auto kept = store.put_certificate(row); !kept) return report(kept, "");
    std::cout << fmt::format("certificate {} ({}) registered{}\n", c.fingerprint, c.subject,
                             o.authority ? " as an authority" : " for " + o.station);
  }
  return kOk;
}

int crl_import(store::Store& store, const AdminOptions& o) {
  std::string error;
  const auto input = read_input(o.file, error);
  if (!input) return report(tl::unexpected(error), "");
  auto crl = mail::read_crl(input->bytes);
  if (!crl) return report(tl::unexpected(crl.error()), "");
  return report(store.put_crl(crl->issuer, crl->pem, crl->this_update),
                "CRL of " + crl->issuer + " registered");
}

int rejected_list(store::Store& store, const AdminOptions& o) {
  store::MessageFilter filter;
  filter.accepted = false;
  filter.limit = o.limit;
  for (const auto& r : store.messages(filter)) {
    if (o.json) {
      std::cout << web::message_json(r).dump() << '\n';
      continue;
    }
    std::cout << fmt::format("{:>6}  {}  {:<22} {:<30} {}\n", r.id, format_time(r.received_at), r.reason,
                             r.sender, r.sha256.substr(0, 16));
    for (std::string_view rest = r.diagnostics; !rest.empty();) {
      const auto end = rest.find('\n');
      std::cout << "        " << rest.substr(0, end) << '\n';
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  return kOk;
}

int grant(store::Store& store, const AdminOptions& o, bool add) {
  const auto user = store.user(o.email);
  if (!user) return report(tl::unexpected("no user " + o.email + " (imsgate admin user add)"), "");
  const store::GrantRow row{user->id, o.product, o.station};
  if (add)
    return report(store.add_grant(row),
                  fmt::format("{} may receive {} of {}", o.email, o.product, o.station));
  return report(store.remove_grant(row), "grant removed");
}

int grant_list(store::Store& store, const AdminOptions& o) {
  const auto user = store.user(o.email);
  if (!user) return report(tl::unexpected("no user " + o.email), "");
  if (user->admin) std::cout << "(administrator: may receive everything)\n";
  for (const auto& g : store.grants(user->id)) std::cout << fmt::format("{:<14} {}\n", g.product, g.station);
  return kOk;
}

// Every request and its delivery (10.6.6): who, what, when, how large, how it ended.
int request_list(store::Store& store, const AdminOptions& o) {
  std::int64_t user_id = 0;
  if (!o.email.empty()) {
    const auto user = store.user(o.email);
    if (!user) return report(tl::unexpected("no user " + o.email), "");
    user_id = user->id;
  }
  for (const auto& r : store.requests(user_id, o.limit)) {
    if (o.json) {
      std::cout << web::request_json(r).dump() << '\n';
      continue;
    }
    std::cout << fmt::format("{:>6}  {}  {:<5} {:<7} {:<30} {:<20} {:>9} B  {}\n", r.id,
                             format_time(r.received_at), store::request_channel_name(r.channel),
                             store::request_status_name(r.status), r.requester, r.products.substr(0, 20),
                             r.response_bytes, r.outcome);
  }
  return kOk;
}

// Judges a stored message again (after a registry change, say) from its archived bytes.
int reprocess(store::Store& store, const AdminOptions& o) {
  std::vector<std::int64_t> ids;
  if (o.all_rejected) {
    store::MessageFilter filter;
    filter.accepted = false;
    filter.limit = 1'000'000;
    for (const auto& r : store.messages(filter)) ids.push_back(r.id);
  } else {
    ids.push_back(o.id);
  }
  acq::TrustCache trust(store);
  const acq::Processor processor(store, *trust.current());
  int failed = 0;
  for (const auto id : ids) {
    const auto record = store.message(id);
    auto raw = record ? store.archive().get(record->sha256) : tl::unexpected(std::string("no message"));
    if (!raw) {
      std::cerr << fmt::format("imsgate admin: message {}: {}\n", id, raw.error());
      ++failed;
      continue;
    }
    const auto now =
        std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    acq::Verdict verdict = processor.examine(*raw, {store::Door::reprocess, now, record->sender});
    verdict.commit.record.door = record->door;
    verdict.commit.record.received_at = record->received_at;
    if (record->door == store::Door::upload) verdict.commit.record.sender = record->sender;
    if (auto replaced = store.replace(id, verdict.commit); !replaced) return report(replaced, "");
    const auto& r = verdict.commit.record;
    std::cout << fmt::format("message {}: {}{}\n", id, r.accepted ? "accepted" : "rejected",
                             r.accepted ? "" : " (" + r.reason + ")");
  }
  return failed ? kFailed : kOk;
}

int dispatch(const CLI::App& admin, const AdminOptions& o) {
  auto store = open_store(o);
  if (!store) return kFailed;
  auto is = [&](std::string_view group, std::string_view verb) {
    const auto* g = admin.get_subcommand(std::string(group));
    return g->parsed() && (verb.empty() || g->get_subcommand(std::string(verb))->parsed());
  };
  if (is("station", "list")) return station_list(*store);
  if (is("station", "add")) return station_put(*store, o, true);
  if (is("station", "set")) return station_put(*store, o, false);
  if (is("station", "seed")) {
    auto loaded = store::load_registry(*store, IMSGATE_REGISTRY_DIR);
    if (!loaded) return report(tl::unexpected(loaded.error()), "");
    std::cout << *loaded << " stations and laboratories loaded\n";
    return kOk;
  }
  if (is("sender", "add"))
    return report(store->add_sender({o.address, o.station}), o.address + " may send for " + o.station);
  if (is("sender", "remove")) return report(store->remove_sender({o.address, o.station}), "removed");
  if (is("sender", "list")) {
    for (const auto& s : store->senders()) std::cout << fmt::format("{:<40} {}\n", s.address, s.station);
    return kOk;
  }
  if (is("cert", "import")) return cert_import(*store, o);
  if (is("cert", "list")) {
    for (const auto& c : store->certificates())
      std::cout << fmt::format("{}  {:<8} {}  until {}\n", c.fingerprint, c.authority ? "(CA)" : c.station,
                               c.subject, format_time(c.not_after));
    return kOk;
  }
  if (is("crl", "import")) return crl_import(*store, o);
  if (is("user", "add")) {
    auto user = store->add_user(o.email, o.name, o.admin);
    return report(user ? tl::expected<void, std::string>{} : tl::unexpected(user.error()),
                  "user " + o.email + " added");
  }
  if (is("user", "list")) {
    for (const auto& u : store->users())
      std::cout << fmt::format("{:>4}  {:<40} {}{}\n", u.id, u.email, u.name, u.admin ? "  (admin)" : "");
    return kOk;
  }
  if (is("token", "create")) {
    const auto user = store->user(o.email);
    if (!user) return report(tl::unexpected("no user " + o.email + " (imsgate admin user add)"), "");
    auto token = store->create_token(user->id);
    if (!token) return report(tl::unexpected(token.error()), "");
    std::cout << "A new API token for " << o.email << " (shown only this once):\n" << *token << '\n';
    return kOk;
  }
  if (is("token", "list")) {
    const auto user = store->user(o.email);
    if (!user) return report(tl::unexpected("no user " + o.email), "");
    for (const auto& t : store->tokens(user->id))
      std::cout << fmt::format("{}…  created {}{}\n", t.prefix, format_time(t.created),
                               t.revoked ? "  revoked" : "");
    return kOk;
  }
  if (is("token", "revoke")) return report(store->revoke_token(o.prefix), "token revoked");
  if (is("rejected", "")) return rejected_list(*store, o);
  if (is("grant", "add")) return grant(*store, o, true);
  if (is("grant", "remove")) return grant(*store, o, false);
  if (is("grant", "list")) return grant_list(*store, o);
  if (is("requests", "")) return request_list(*store, o);
  if (is("reprocess", "")) return reprocess(*store, o);
  std::cerr << admin.help();
  return 2;
}

}  // namespace

Runner add_admin_command(CLI::App& app) {
  auto o = std::make_shared<AdminOptions>();
  auto* admin = app.add_subcommand(
      "admin", "Manage the station registry, users, tokens, grants, requests and rejected messages");
  admin->add_option("--data-dir", o->data_dir, "The server's data directory")->capture_default_str();
  admin->require_subcommand(1);

  auto* station = admin->add_subcommand("station", "Stations and laboratories")->require_subcommand(1);
  station->add_subcommand("list", "List the registry");
  station->add_subcommand("seed", "Load the IMS stations and laboratories shipped with imsgate");
  for (auto* verb : {station->add_subcommand("add", "Register a station or laboratory"),
                     station->add_subcommand("set", "Change a registered station")}) {
    verb->add_option("code", o->code, "Station or laboratory code")->required();
    verb->add_option("--kind", o->kind, "seismic, hydroacoustic, infrasound, radionuclide, laboratory, ...");
    verb->add_option("--name", o->name);
    verb->add_option("--country", o->country);
    verb->add_option("--lat", o->latitude);
    verb->add_option("--lon", o->longitude);
    verb->add_option("--signature", o->policy, "required or optional")
        ->check(CLI::IsMember({"required", "optional"}));
    verb->add_option("--request-address", o->request_address, "Where backfill requests go (- to clear)");
  }

  auto* sender =
      admin->add_subcommand("sender", "Addresses allowed to send for a station")->require_subcommand(1);
  for (auto* verb :
       {sender->add_subcommand("add", "Allow an address"), sender->add_subcommand("remove", "Remove")}) {
    verb->add_option("address", o->address)->required();
    verb->add_option("--station", o->station, "Station or laboratory code")->required();
  }
  sender->add_subcommand("list", "List the senders");

  auto* cert =
      admin->add_subcommand("cert", "Certificates that sign station messages")->require_subcommand(1);
  auto* cert_import_cmd = cert->add_subcommand("import", "Register the certificates of a PEM file");
  cert_import_cmd->add_option("file", o->file, "PEM file; - for standard input")->required();
  cert_import_cmd->add_option("--station", o->station, "The station or laboratory they sign for");
  cert_import_cmd->add_flag("--authority", o->authority, "A CA that issues station certificates");
  cert->add_subcommand("list", "List the certificates");
  auto* crl = admin->add_subcommand("crl", "Certificate revocation lists")->require_subcommand(1);
  crl->add_subcommand("import", "Register a CRL (PEM or DER)")->add_option("file", o->file)->required();

  auto* user = admin->add_subcommand("user", "Users of the API and the portal")->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user");
  user_add->add_option("email", o->email)->required();
  user_add->add_option("--name", o->name);
  user_add->add_flag("--admin", o->admin, "May administer the server through the API");
  user->add_subcommand("list", "List the users");

  auto* token = admin->add_subcommand("token", "API tokens")->require_subcommand(1);
  token->add_subcommand("create", "Create a token; it is printed on the last line")
      ->add_option("--user", o->email)
      ->required();
  token->add_subcommand("list", "List a user's tokens")->add_option("--user", o->email)->required();
  token->add_subcommand("revoke", "Revoke a token")
      ->add_option("prefix", o->prefix, "Its first 8 characters")
      ->required();

  auto* rejected = admin->add_subcommand("rejected", "List rejected messages with their reasons");
  rejected->add_option("--limit", o->limit)->capture_default_str();
  rejected->add_flag("--json", o->json, "One JSON object per message");

  auto* grant = admin->add_subcommand("grant", "What users may receive by request")->require_subcommand(1);
  for (auto* verb : {grant->add_subcommand("add", "Let a user receive a product of some stations"),
                     grant->add_subcommand("remove", "Take a grant back")}) {
    verb->add_option("--user", o->email)->required();
    verb->add_option("--product", o->product, "A request keyword (waveform, sphdf, ...) or *")->required();
    verb->add_option("--station", o->station, "A station code, with * wildcards; * for every station")
        ->required();
  }
  grant->add_subcommand("list", "List a user's grants")->add_option("--user", o->email)->required();

  auto* requests = admin->add_subcommand("requests", "List requests and their deliveries, newest first");
  requests->add_option("--user", o->email, "Only this user's");
  requests->add_option("--limit", o->limit)->capture_default_str();
  requests->add_flag("--json", o->json, "One JSON object per request");

  auto* again = admin->add_subcommand("reprocess", "Judge stored messages again from their archived bytes");
  again->add_option("id", o->id, "Message id");
  again->add_flag("--rejected", o->all_rejected, "Every rejected message");

  return [admin, o] { return dispatch(*admin, *o); };
}

}  // namespace imsgate::cli
