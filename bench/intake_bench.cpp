// The acquisition's throughput: signed 50 KB WAVEFORM messages from the intake Maildir to the committed index
// (MIME, S/MIME verification, reading with CHK2, authorisation, archive with syncfs, one transaction per
// batch). The goal of the acquisition issue is 2,000 messages per second on 2 cores.
#include <random>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "acq/intake.hpp"
#include "acq/trust.hpp"
#include "ims2/message.hpp"
#include "ims2/shi/section.hpp"
#include "mail/smime.hpp"
#include "mail/test_pki.hpp"
#include "store/store.hpp"

namespace {

namespace fs = std::filesystem;
using namespace imsgate;

constexpr int kMessages = 2000;
constexpr int kSamplesPerMessage = 20'000;  // about 50 KB of CM6 text

// One hour's WAVEFORM message of a station: a channel of noise in CM6, written by the library's own writer.
std::string waveform_text(int n, std::mt19937& random) {
  ims2::shi::WaveformSegment segment;
  segment.wid2.start = ims2::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}} +
                       std::chrono::seconds(n * 500);
  segment.wid2.station = "ARCES";
  segment.wid2.channel = "BHZ";
  segment.wid2.subformat = "CM6";
  segment.wid2.sample_rate = 40;
  segment.wid2.sample_count = kSamplesPerMessage;
  std::normal_distribution<double> noise(0, 2000);
  for (int i = 0; i < kSamplesPerMessage; ++i)
    segment.samples.push_back(static_cast<std::int32_t>(noise(random)));
  ims2::shi::Waveform waveform;
  waveform.blocks.emplace_back(std::move(segment));
  ims2::DataMessage message;
  message.preface.type = ims2::MessageType::data;
  message.preface.keyword_case = ims2::KeywordCase::upper;
  message.preface.msg_id = {fmt::format("W{}", n), "ARCES"};
  ims2::DataSection section;
  section.header = {"WAVEFORM", "", "IMS2.0", ""};
  section.body = ims2::shi::write_section(waveform).value();
  message.sections.push_back(std::move(section));
  return ims2::write_message(message);
}

// Setting up must not fail; a benchmark has no better way to say so than to stop.
void must(const tl::expected<void, std::string>& done) {
  if (!done) throw std::runtime_error(done.error());
}

struct Fixture {
  Fixture() {
    std::mt19937 random(7);
    for (int n = 0; n < kMessages; ++n)
      mails.push_back(mail::sign_message({"autodrm@arces.example", "acq@imsgate.test", "waveform"},
                                         waveform_text(n, random), pki.station.certificate_pem,
                                         pki.station.key_pem)
                          .value());
  }
  mail::test::TestPki pki = mail::test::make_test_pki();
  std::vector<std::string> mails;
};

void BM_IntakeSignedWaveforms(benchmark::State& state) {
  static const Fixture fixture;
  const fs::path root = fs::temp_directory_path() / fmt::format("imsgate-intake-bench-{}", ::getpid());
  std::size_t bytes = 0;
  for (const auto& mail : fixture.mails) bytes += mail.size();
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove_all(root);
    auto store = store::Store::open(root).value();
    must(store->put_station(
        {"ARCES", "seismic", "ARCES", "NO", {}, {}, store::SignaturePolicy::required, ""}));
    must(store->add_sender({"autodrm@arces.example", "ARCES"}));
    for (const auto& [pem, station, authority] :
         {std::tuple{fixture.pki.ca.certificate_pem, "", true},
          std::tuple{fixture.pki.station.certificate_pem, "ARCES", false}}) {
      const auto c = mail::read_certificates(pem).value().front();
      must(store->put_certificate(
          {c.fingerprint, station, authority, c.subject, c.not_before, c.not_after, c.pem}));
    }
    acq::TrustCache trust(*store);
    acq::Intake intake(
        *store, acq::Maildir(root / "intake"), [&trust] { return trust.current(); },
        acq::IntakeSettings{256, static_cast<int>(state.range(0)), {}});
    must(intake.maildir().create());
    for (const auto& mail : fixture.mails) intake.maildir().deliver(mail).value();
    state.ResumeTiming();
    const std::size_t committed = intake.drain().value();
    state.PauseTiming();
    if (committed != fixture.mails.size() || store->counts().accepted != kMessages)
      state.SkipWithError("not every message was accepted");
    store.reset();
    state.ResumeTiming();
  }
  fs::remove_all(root);
  state.SetItemsProcessed(state.iterations() * kMessages);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_IntakeSignedWaveforms)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace
