// `imsgate serve`: one process that takes messages in (intake, uploads), judges and stores them, answers,
// backfills, and serves the HTTP API, until SIGINT or SIGTERM.
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "acq/backfill.hpp"
#include "acq/intake.hpp"
#include "acq/outbox.hpp"
#include "acq/replies.hpp"
#include "acq/trust.hpp"
#include "cli/server_config.hpp"
#include "cli/service_commands.hpp"
#include "store/registry_seed.hpp"
#include "store/store.hpp"
#include "telemetry/log.hpp"
#include "telemetry/metrics.hpp"
#include "vdms/engine.hpp"
#include "vdms/request_worker.hpp"
#include "web/acquisition_api.hpp"
#include "web/http_server.hpp"
#include "web/request_api.hpp"

namespace imsgate::cli {
namespace {

namespace fs = std::filesystem;
using telemetry::LogLevel;
using Clock = std::chrono::system_clock;

struct ServeOptions {
  std::string data_dir = default_data_dir().string();
  std::string listen;  // overrides the configuration
  std::string config;
  std::string log_format;  // overrides the configuration
};

ims2::TimePoint now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(Clock::now());
}

// The acquisition's metrics, registered once.
struct AcquisitionMetrics {
  explicit AcquisitionMetrics(telemetry::Registry& registry)
      : received(registry.counter("imsgate_messages_received_total", "Messages taken from the intake")),
        accepted(registry.counter("imsgate_messages_accepted_total", "Messages accepted and indexed")),
        rejected(registry.counter("imsgate_messages_rejected_total", "Messages rejected, by reason")),
        latency(registry.histogram("imsgate_processing_seconds",
                                   "Time from delivery into the intake to the committed index",
                                   {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60})),
        http(registry.counter("imsgate_http_requests_total",
                              "HTTP requests answered, by method and status")) {}

  void count(const store::MessageRecord& record, double seconds) {
    const std::string data_type = record.data_types.substr(0, record.data_types.find(','));
    const telemetry::Labels labels{{"data_type", data_type}, {"station", record.station}};
    received.add(labels);
    if (record.accepted) {
      accepted.add(labels);
    } else {
      telemetry::Labels with_reason = labels;
      with_reason.emplace_back("reason", record.reason);
      rejected.add(with_reason);
    }
    latency.observe({}, seconds);
  }

  telemetry::Counter& received;
  telemetry::Counter& accepted;
  telemetry::Counter& rejected;
  telemetry::Histogram& latency;
  telemetry::Counter& http;
};

// Work that runs now and then: sending replies, reloading certificates, fetching CRLs, backfilling.
class Housekeeping {
 public:
  Housekeeping(const ServerConfig& config, store::Store& store, acq::TrustCache& trust,
               const acq::Outbox& outbox, acq::ReplyWriter& writer, const telemetry::Logger& log)
      : config_(config),
        store_(store),
        trust_(trust),
        outbox_(outbox),
        writer_(writer),
        log_(log),
        backfill_(store, outbox, writer, config.backfill_settings) {}

  void run(std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any tick;
    auto last_crl = Clock::time_point{}, last_backfill = Clock::time_point{}, last_trust = Clock::now();
    while (!stop.stop_requested()) {
      const auto t = Clock::now();
      if (t - last_trust >= std::chrono::seconds(10)) {
        last_trust = t;
        if (auto problems = trust_.refresh(); !problems.empty())
          log_.warn("trust store", {{"problems", problems}});
      }
      if (!config_.crl_urls.empty() && t - last_crl >= config_.crl_refresh) {
        last_crl = t;
        for (const auto& failure : acq::fetch_crls(store_, config_.crl_urls))
          log_.warn("CRL not fetched", {{"reason", failure}});
      }
      if (config_.backfill && t - last_backfill >= config_.backfill_interval) {
        last_backfill = t;
        if (const auto queued = backfill_.run_once(now()); queued > 0)
          log_.info("backfill requests queued", {{"count", queued}});
      }
      // The outbox fills only with what the configuration asks to send: replies, answers, backfill requests.
      if (outbox_.waiting() > 0) {
        const auto attempt = outbox_.send_waiting(config_.smtp);
        if (attempt.sent) log_.info("mail sent", {{"count", attempt.sent}});
        if (attempt.failed)
          log_.warn("mail not sent", {{"count", attempt.failed}, {"reason", attempt.last_error}});
      }
      std::unique_lock lock(mutex);
      tick.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
    }
  }

 private:
  const ServerConfig& config_;
  store::Store& store_;
  acq::TrustCache& trust_;
  const acq::Outbox& outbox_;
  acq::ReplyWriter& writer_;
  const telemetry::Logger& log_;
  acq::Backfill backfill_;
};

// How the request engine's e-mail answers go out: each message of the answer one e-mail into the outbox,
// S/MIME-signed with the centre's key when one is configured.
class AnswerMailer {
 public:
  AnswerMailer(const ServerConfig& config, const acq::Outbox& outbox) : outbox_(outbox) {
    from_ = config.responses_from.empty() ? config.replies.from : config.responses_from;
    if (!config.signing_certificate.empty()) {
      certificate_ = read_text(config.signing_certificate);
      key_ = read_text(config.signing_key);
    }
  }

  // An error when the signing files could not be read.
  std::string problem() const {
    if (certificate_ && key_) return {};
    return certificate_ ? key_.error() : certificate_.error();
  }

  tl::expected<void, std::string> operator()(const std::string& to, const vdms::Answer& answer) const {
    if (to.empty()) return tl::unexpected(std::string("no address to answer to"));
    for (std::size_t i = 0; i < answer.messages.size(); ++i) {
      std::string subject =
          answer.help ? std::string("HELP") : fmt::format("IMS2.0 response {}", answer.msg_id);
      if (answer.messages.size() > 1)
        subject += fmt::format(" (part {} of {})", i + 1, answer.messages.size());
      const mail::Envelope envelope{from_, to, subject};
      std::string mail;
      if (certificate_ && !certificate_->empty()) {
        auto signed_mail = mail::sign_message(envelope, answer.messages[i], *certificate_, *key_);
        if (!signed_mail) return tl::unexpected("signing: " + signed_mail.error());
        mail = std::move(*signed_mail);
      } else {
        mail = mail::plain_message(envelope, answer.messages[i]);
      }
      if (auto queued = outbox_.put({from_, {to}, std::move(mail)}); !queued) return queued;
    }
    return {};
  }

 private:
  static tl::expected<std::string, std::string> read_text(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return tl::unexpected(fmt::format("cannot read {}", file));
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  const acq::Outbox& outbox_;
  std::string from_;
  tl::expected<std::string, std::string> certificate_ = std::string();
  tl::expected<std::string, std::string> key_ = std::string();
};

int run_serve(const ServeOptions& options) {
  // Block the stop signals before any thread starts, so that only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto config = read_server_config(options.config);
  if (!config) {
    std::cerr << "imsgate serve: " << config.error() << '\n';
    return 2;
  }
  if (!options.listen.empty())
    if (auto parsed = parse_listen(options.listen, config->http); !parsed) {
      std::cerr << "imsgate serve: " << parsed.error() << '\n';
      return 2;
    }
  if (!options.log_format.empty()) config->log.format = *telemetry::parse_log_format(options.log_format);
  const telemetry::Logger log(config->log);

  const fs::path data_dir(options.data_dir);
  auto opened = store::Store::open(data_dir);
  if (!opened) {
    log.error("cannot open the store", {{"data_dir", data_dir.string()}, {"reason", opened.error()}});
    return 1;
  }
  store::Store& store = **opened;
  if (config->seed_registry && store.stations().empty()) {
    if (auto loaded = store::load_registry(store, IMSGATE_REGISTRY_DIR))
      log.info("station registry loaded", {{"stations", *loaded}});
    else
      log.warn("station registry not loaded", {{"reason", loaded.error()}});
  }
  const acq::Maildir intake_dir(data_dir / "intake");
  const acq::Outbox outbox(data_dir / "outbox");
  for (const auto& created : {intake_dir.create(), outbox.create()})
    if (!created) {
      log.error("cannot create the intake", {{"reason", created.error()}});
      return 1;
    }

  acq::TrustCache trust(store);
  if (auto problems = trust.refresh(); !problems.empty()) log.warn("trust store", {{"problems", problems}});

  telemetry::Registry registry;
  AcquisitionMetrics metrics(registry);
  registry.gauge("imsgate_intake_backlog", "Messages waiting in the intake").set_callback({}, [&intake_dir] {
    return static_cast<double>(intake_dir.backlog());
  });
  registry.gauge("imsgate_outbox_backlog", "Replies and requests waiting to be sent")
      .set_callback({}, [&outbox] { return static_cast<double>(outbox.waiting()); });

  acq::Intake intake(
      store, intake_dir, [&trust] { return trust.current(); }, config->intake);
  acq::ReplyWriter writer(config->replies);
  if (config->replies.enabled) intake.set_replies(&writer, &outbox);

  const AnswerMailer mailer(*config, outbox);
  if (const auto problem = mailer.problem(); !problem.empty()) {
    log.error("cannot read the signing key of answers", {{"reason", problem}});
    return 1;
  }
  const vdms::Engine engine(store, config->engine, [&writer] { return writer.next_msg_id(now()); });
  vdms::RequestWorker worker(store, engine, data_dir / "responses", std::cref(mailer));
  intake.set_events({[&](const store::MessageRecord& record, double seconds) {
                       metrics.count(record, seconds);
                       log.log(record.accepted ? LogLevel::info : LogLevel::warn,
                               record.accepted ? "message accepted" : "message rejected",
                               {{"id", record.id},
                                {"sha256", record.sha256},
                                {"sender", record.sender},
                                {"station", record.station},
                                {"data_types", record.data_types},
                                {"reason", record.reason}});
                       if (record.accepted && (record.msg_type == "request" || record.msg_type == "help"))
                         worker.notify();
                     },
                     [&](const std::string& reason) {
                       log.error("intake batch not stored", {{"reason", reason}});
                     }});

  web::Router router;
  const web::AcquisitionApi api{store, intake_dir, [&intake] { intake.notify(); }, registry};
  web::add_acquisition_routes(router, api);
  const web::RequestApi request_api{store, worker, config->inline_limit};
  web::add_request_routes(router, request_api);
  config->http.on_response = [&](const web::Request& request, const web::Response& response, double seconds) {
    metrics.http.add({{"method", request.method}, {"status", std::to_string(response.status)}});
    log.debug("http", {{"method", request.method},
                       {"path", request.path},
                       {"status", response.status},
                       {"seconds", seconds}});
  };
  config->http.on_handler_exception = [&](const web::Request& request, std::string_view what) {
    log.error("handler failed", {{"path", request.path}, {"reason", what}});
  };
  web::HttpServer server(config->http, std::move(router));
  if (auto started = server.start(); !started) {
    log.error("cannot listen", {{"reason", started.error()}});
    return 1;
  }
  const bool tls = !config->http.tls_certificate_file.empty();
  std::cout << fmt::format("imsgate listening on {}://{}:{}/ (data in {})", tls ? "https" : "http",
                           config->http.address, server.port(), data_dir.string())
            << std::endl;
  log.info("serving", {{"address", config->http.address}, {"port", server.port()}, {"tls", tls}});

  Housekeeping housekeeping(*config, store, trust, outbox, writer, log);
  std::jthread intake_thread([&intake](std::stop_token stop) { intake.run(stop); });
  std::jthread housekeeping_thread([&housekeeping](std::stop_token stop) { housekeeping.run(stop); });
  std::jthread request_thread([&worker](std::stop_token stop) { worker.run(stop); });

  int signal = 0;
  sigwait(&stop_signals, &signal);
  log.info("stopping", {{"signal", signal}});
  server.stop();
  intake_thread.request_stop();
  housekeeping_thread.request_stop();
  request_thread.request_stop();
  return 0;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = app.add_subcommand("serve", "Run the data centre: intake, acquisition, HTTP API");
  command->add_option("--data-dir", options->data_dir, "Where the store, archive and intake live")
      ->capture_default_str();
  command->add_option("--listen", options->listen, "ADDRESS:PORT (default 127.0.0.1:8080)");
  command->add_option("--config", options->config, "TOML configuration file (docs/configuration.md)");
  command->add_option("--log-format", options->log_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  return [options] { return run_serve(*options); };
}

}  // namespace imsgate::cli
