#include "ims2/rn/sampml.hpp"

#include <algorithm>
#include <libxml/parser.h>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "print_diagnostic.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace std::chrono;

TimePoint at(int y, int mo, int d, int h, int mi, int s) {
  return sys_days{year{y} / mo / d} + hours{h} + minutes{mi} + seconds{s};
}

// The examples are XML without an envelope; as a section after "DATA_TYPE REVSAMP" on line 5.
DataSection section(const std::string& xml, const char* type = "REVSAMP") {
  DataSection s;
  s.header.type = type;
  s.body = xml;
  s.line.number = 5;
  return s;
}

std::vector<std::string> example_lines(const char* file) {
  std::istringstream in(testing::read_file(testing::data_examples_dir() / file));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A repaired copy: the listed lines (1-based) dropped or replaced, placeholders filled in.
std::string repaired(const char* file, const std::set<int>& drop, const std::map<int, std::string>& replace,
                     const std::map<std::string, std::string>& fill = {}) {
  const auto lines = example_lines(file);
  std::string out;
  for (int i = 1; i <= static_cast<int>(lines.size()); ++i) {
    if (drop.count(i)) continue;
    std::string line = replace.count(i) ? replace.at(i) : lines[i - 1];
    for (const auto& [from, to] : fill) {
      for (auto p = line.find(from); p != std::string::npos; p = line.find(from))
        line.replace(p, from.size(), to);
    }
    out += line + "\n";
  }
  return out;
}

// I.28.1: the elided stretches closed, the broken tags ("</Nuclide quantifiable=...>", doubled
// "</RoiNetCount>", "</RoiBoundaries>") and the elision marks taken out, the placeholders filled in.
std::string repaired_betagamma() {
  return repaired(
      "I.28.1-revsamp-sampml-noble-gas-betagamma.damaged.xml",
      {61, 66, 67, 97, 98, 99, 122, 123, 124, 132, 133, 134, 144, 153, 261, 262, 263},
      {{65,
        "</Data></SpectrumGroup></MeasuredInformation><Analyses><Analysis id=\"AN-MXX44-6482923-SPHD\" "
        "spectrumIDs=\"MXX44-6482923-SPHD\"><Software><Name>AutoSaint</Name></Software><IdedNuclides>"
        "<Corrected/>"}},
      {{"${SOH_FLAG}", "N/A"},
       {"${ACTIVITY_AT_ACQUISITION}", "-0.4190"},
       {"${ACTIVITY_AT_ACQUISITION_ERROR_PERC}", "80.96"},
       {"${Conc133131M}", "2.2676833289680367"},
       {"${ABGAM2D_PEAKINFO}", ""},
       {"${ABGAM2D_PARAMETERS}", ""}});
}

// I.28.2: the detector background group moved into <MeasuredInformation>, the stray closing tags and the
// elision marks taken out; the placeholders are kept.
std::string repaired_hpge() {
  return repaired(
      "I.28.2-revsamp-sampml-noble-gas-hpge.damaged.xml",
      {62, 63, 67, 68, 108, 109, 110, 138, 139, 140, 170, 210, 211, 212, 217, 233, 248, 256, 275, 345, 346},
      {});
}

TEST(SampmlDamaged, ExamplesAreNotWellFormed) {
  Diagnostics d;
  EXPECT_FALSE(read_sampml_section(
      section(testing::read_file(testing::data_examples_dir() /
                                 "I.28.1-revsamp-sampml-noble-gas-betagamma.damaged.xml")),
      d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::error, 71, 19,
                        "the SampML document is not well-formed XML: Opening and ending tag mismatch: "
                        "Data line 56 and Nuclide",
                        "7.8"}));
  Diagnostics d2;
  EXPECT_FALSE(
      read_sampml_section(section(testing::read_file(testing::data_examples_dir() /
                                                     "I.28.2-revsamp-sampml-noble-gas-hpge.damaged.xml")),
                          d2));
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(
      d2.items()[0],
      (Diagnostic{Severity::error, 73, 7,
                  "the SampML document is not well-formed XML: Extra content at the end of the document",
                  "7.8"}));
}

TEST(Sampml, ReadsTheRepairedBetaGammaExample) {
  Diagnostics d;
  const auto m = read_sampml_section(section(repaired_betagamma()), d, Mode::strict);
  ASSERT_TRUE(m) << d.items()[0].message;
  // The spectrum's elided channels are the only complaint.
  ASSERT_EQ(d.size(), 1u) << d.items()[1].message;
  EXPECT_EQ(d.items()[0].message,
            "the spectrum MXX44-6482923-SPHD-G holds 16 counts for a channel span of 256");
  EXPECT_TRUE(m->reviewed);
  EXPECT_EQ(m->namespace_uri, "http://www.ctbto.org/SAMPML/0.7");
  EXPECT_EQ(m->srid, "44202112071111X");
  EXPECT_EQ(m->sid, 6482923);
  EXPECT_EQ(m->mid, "MXX44_004-2021/12/08-06:39");
  EXPECT_EQ(m->station_code, "MXX44");
  EXPECT_EQ(m->latitude, 28);
  EXPECT_EQ(m->longitude, -114);
  EXPECT_EQ(m->elevation, 9.4);
  EXPECT_EQ(m->detector_description, "Detector #4 in Guerrero Negro,\nMexico.");
  EXPECT_EQ(m->sample_type, "SAUNA");
  ASSERT_EQ(m->spectrum_groups.size(), 1u);
  const SampSpectrumGroup& g = m->spectrum_groups[0];
  EXPECT_EQ(g.calibration_ids, (std::vector<std::string>{"EN-B-1195981", "EN-G-1169389"}));
  EXPECT_EQ(g.air_volume_element, "ProcessedAirVolume");
  EXPECT_EQ(g.air_volume, (SampValue{14.7095146179199, "", "m3"}));
  EXPECT_EQ(g.xe_volume, (SampValue{1.10733997821808, "", "ml"}));
  EXPECT_EQ(g.collection_start, at(2021, 12, 7, 11, 36, 35));
  EXPECT_EQ(g.arrival, at(2021, 12, 8, 17, 50, 4));
  EXPECT_EQ(g.real_time, 40198);
  EXPECT_EQ(g.decay_time, 25381);
  EXPECT_EQ(g.comments.substr(0, 31), "Using Pixie electronics v. 2.43");
  EXPECT_EQ(g.sample_id, 6482923);
  ASSERT_EQ(g.spectra.size(), 1u);
  EXPECT_EQ(g.spectra[0].channel_span, 256);
  EXPECT_EQ(g.spectra[0].counts.size(), 16u);
  EXPECT_EQ(g.spectra[0].counts[2], 7170);
  EXPECT_EQ(g.spectra[0].counts.back(), 395);
  ASSERT_EQ(m->analyses.size(), 1u);
  const SampAnalysis& a = m->analyses[0];
  ASSERT_EQ(a.uncorrected.size(), 1u);
  const SampNuclide& xe = a.uncorrected[0];
  EXPECT_EQ(xe.name, "XE-131M");
  EXPECT_EQ(xe.half_life, "11.962 D");
  EXPECT_EQ(xe.concentration, (SampValue{-0.0344312348882, "", "mBq/m3"}));
  EXPECT_EQ(xe.mdc->number, 0.116764127988);
  EXPECT_EQ(xe.lc_activity->number, 0.647742345365);
  EXPECT_EQ(xe.identification, 0);
  EXPECT_EQ(xe.identification_text, "nuclide not identified\nby automated analysis");
  ASSERT_EQ(a.roi_counts.size(), 1u);
  EXPECT_EQ(a.roi_counts[0].name, "PB-214");
  EXPECT_EQ(a.roi_counts[0].net_counts, -7.14836044950061);
  EXPECT_EQ(a.roi_counts[0].gas_background_error, 7.69206604390014);
  EXPECT_EQ(a.roi_counts[0].efficiency, (SampValue{std::nullopt, "N/A", ""}));
  ASSERT_EQ(a.roi_boundaries.size(), 1u);
  EXPECT_EQ(a.roi_boundaries[0].beta_high->number, 193);
  EXPECT_EQ(a.cat_data_long[0], (SampNamedValue{"PrevValidSamples", {604, "", ""}}));
  EXPECT_EQ(a.cat_params.size(), 7u);
  EXPECT_EQ(a.processing_parameters[12], (SampNamedValue{"LcAbscissa", {1.6449, "", ""}}));
  ASSERT_EQ(a.flags.size(), 6u);
  EXPECT_EQ(
      a.flags[0],
      (SampFlag{
          "DataQualityFlags", "XeVolume", {1.10733997821808, "", "ml"}, "Pass", "greater than 0.44 ml"}));
  EXPECT_EQ(a.flags[5].value.number, 30.2247222222);
  EXPECT_EQ(a.event_screening_flags[1], (SampNamedValue{"XeIsotopesSeenTimes", {99, "", ""}}));
  EXPECT_EQ(a.flags_other.size(), 1u);  // EventScreeningImages
  ASSERT_EQ(m->calibrations.size(), 3u);
  EXPECT_EQ(m->calibrations[0].type, "Beta Energy To Channel");
  EXPECT_EQ(m->calibrations[0].coefficients, (std::vector<double>{-3.39709, 0.386269, -0.000094}));
  EXPECT_EQ(m->calibrations[0].creation_date, at(2007, 11, 24, 12, 9, 53) + milliseconds(890));
  EXPECT_EQ(m->calibrations[1].form, "C(E)= t0 + t1 E + t2 E^2");
}

void expect_round_trip(const SampleMl& m) {
  const auto xml = write_sampml_section(m);
  ASSERT_TRUE(xml) << xml.error();
  Diagnostics d;
  const auto back = read_sampml_section(section(*xml, m.reviewed ? "REVSAMP" : "SAMPML"), d);
  ASSERT_TRUE(back) << d.items()[0].message << "\n" << *xml;
  EXPECT_EQ(*back, m);
  EXPECT_EQ(write_sampml_section(*back).value(), *xml);
}

TEST(Sampml, RoundTripsTheBetaGammaExample) {
  Diagnostics d;
  const auto m = read_sampml_section(section(repaired_betagamma()), d);
  expect_round_trip(*m);
}

TEST(Sampml, ReadsTheRepairedHpgeExampleKeepingItsPlaceholders) {
  Diagnostics d;
  const auto m = read_sampml_section(section(repaired_hpge(), "SAMPML"), d);
  ASSERT_TRUE(m) << d.items()[0].message;
  EXPECT_FALSE(d.has_errors()) << d.items()[0].message << " line " << d.items()[0].line;
  EXPECT_EQ(std::count_if(d.begin(), d.end(),
                          [](const Diagnostic& x) {
                            return x.message.find("template placeholder") != std::string::npos;
                          }),
            9);
  EXPECT_FALSE(m->reviewed);
  EXPECT_EQ(m->sample_type, "SPALAX");
  EXPECT_EQ(m->latitude, -20.909);
  ASSERT_EQ(m->spectrum_groups.size(), 2u);
  EXPECT_EQ(m->spectrum_groups[0].air_volume_element, "AirVolume");
  EXPECT_EQ(m->spectrum_groups[0].air_volume->number, 42.1189994812012);
  EXPECT_EQ(m->spectrum_groups[0].spectra[0].counts.size(), 45u);
  EXPECT_EQ(m->spectrum_groups[1].id, "FRX29-3263599-DETBK");
  EXPECT_EQ(m->spectrum_groups[1].calibration_ids.size(), 3u);
  const SampAnalysis& a = m->analyses.at(0);
  EXPECT_EQ(a.software_version, "1.0");
  ASSERT_EQ(a.corrected.size(), 2u);
  EXPECT_EQ(a.corrected[0].method, "Peak Fit Method");
  EXPECT_EQ(a.corrected[1].method, "Decay Analysis Method");
  EXPECT_EQ(a.corrected[0].relative_concentration_error->number, -207.712386779);
  EXPECT_EQ(a.corrected[0].mdi, (SampValue{std::nullopt, "${MDI}", "mBq"}));
  ASSERT_EQ(a.uncorrected.size(), 2u);
  EXPECT_EQ(a.uncorrected[0].activity, (SampValue{std::nullopt, "N/A", "mBq"}));
  EXPECT_EQ(a.uncorrected[1].ld->text, "None");
  ASSERT_EQ(a.covariances.size(), 3u);
  EXPECT_EQ(a.covariances[0].cells[1],
            (SampCovarianceCell{"XE-131M", "XE-133M", {-831.6442, "", "(mBq)^2"}}));
  EXPECT_EQ(a.covariances[2].method, "Decay Analysis Method");
  ASSERT_EQ(a.peaks.size(), 2u);
  EXPECT_EQ(a.peaks[0].energy, 20.875074);
  EXPECT_EQ(a.peaks[1].id, "20");
  EXPECT_EQ(a.peaks[1].efficiency, 0.023728);
  EXPECT_EQ(a.processing_parameters.back(), (SampNamedValue{"bkgndAcqLimit", {23.5, "", ""}}));
  ASSERT_EQ(m->calibrations.size(), 2u);
  EXPECT_EQ(m->calibrations[0].winner, "INITIAL");
  EXPECT_EQ(m->calibrations[0].coefficients[2], 9.396198E-9);
  EXPECT_EQ(m->calibrations[1].fwhm_units, "Energy");
  EXPECT_EQ(m->calibrations[1].form, "R(E)=SQRT( t0 + t1 E + t2 E^2 )");
  expect_round_trip(*m);
  Diagnostics strict;
  read_sampml_section(section(repaired_hpge(), "SAMPML"), strict, Mode::strict);
  EXPECT_EQ(strict.error_count(), 10u);  // and the elided spectrum
}

TEST(SampmlWriter, EscapesAndStaysInItsSection) {
  Diagnostics d;
  auto m = *read_sampml_section(section(repaired_betagamma()), d);
  m.station_location = "Réunion <\"Le Port\"> & co";
  m.spectrum_groups[0].comments = "line one\nline two";
  m.time_stamps = {at(2022, 6, 2, 13, 14, 52)};
  const auto xml = write_sampml_section(m);
  ASSERT_TRUE(xml);
  EXPECT_EQ(xml->substr(0, 31), "TIME_STAMP 2022/06/02 13:14:52\n");
  EXPECT_NE(xml->find("<StationLocation>R&#233;union &lt;&quot;Le Port&quot;&gt; &amp; co</StationLocation>"),
            std::string::npos);
  expect_round_trip(m);
  m.spectrum_groups[0].comments = "one\nSTOP\nthree";
  EXPECT_EQ(write_sampml_section(m).error(), "the SampML text line 'STOP' would end its section");
  m.spectrum_groups[0].comments = "bad \x02";
  EXPECT_FALSE(write_sampml_section(m));
  m.spectrum_groups[0].comments = "";
  m.analyses[0].cat_params[0].name = "not a name";
  EXPECT_EQ(write_sampml_section(m).error(), "'not a name' is not an element name of SampML");
}

// A small valid document, varied by each case of the catalogue.
const std::string kSmall =
    "<?xml version=\"1.0\"?>\n"                                                                           // 6
    "<SampML xmlns=\"http://www.ctbto.org/SAMPML/0.7\">\n"                                                // 7
    "<SampleInformation REFID=\"44202112071111X\" SID=\"6482923\" MID=\"MXX44_004-2021/12/08-06:39\">\n"  // 8
    "<DetectorInformation><DetectorCode>MXX44_004</DetectorCode></DetectorInformation>\n"                 // 9
    "<MeasuredInformation><SpectrumGroup id=\"G\">\n"                                           // 10
    "<CollectionStart>2021-12-07T11:36:35</CollectionStart>\n"                                  // 11
    "<CollectionStop>2021-12-07T23:36:35</CollectionStop>\n"                                    // 12
    "<AcquisitionStart>2021-12-08T06:39:36</AcquisitionStart>\n"                                // 13
    "<SamplingTime>PT43200S</SamplingTime>\n"                                                   // 14
    "</SpectrumGroup></MeasuredInformation>\n"                                                  // 15
    "<Analyses><Analysis id=\"A\"><IdedNuclides><Corrected><Nuclide>\n"                         // 16
    "<Name>XE-133</Name><Concentration>2.0</Concentration>\n"                                   // 17
    "<AbsoluteConcentrationError>0.5</AbsoluteConcentrationError>\n"                            // 18
    "<RelativeConcentrationError>25</RelativeConcentrationError>\n"                             // 19
    "</Nuclide></Corrected></IdedNuclides>\n"                                                   // 20
    "<PeakResults><PeakResult peakID=\"1\"><Energy>81.0</Energy></PeakResult></PeakResults>\n"  // 21
    "</Analysis></Analyses>\n"                                                                  // 22
    "</SampleInformation>\n"                                                                    // 23
    "</SampML>\n";                                                                              // 24

TEST(SampmlMalformed, Catalogue) {
  struct Case {
    std::string from, to;
    Diagnostic expected;
  };
  const std::vector<Case> cases{
      {"PT43200S",
       "PT43000S",
       {Severity::error, 10, 0,
        "the SamplingTime (collection stop - start) of G is 43000 s, but the times give 43200 s", "7.8"}},
      {"<RelativeConcentrationError>25<",
       "<RelativeConcentrationError>20<",
       {Severity::error, 16, 0,
        "the relative concentration error of XE-133 is 20 %, but absolute / value gives 25 %", "7.8"}},
      {"<Energy>81.0<",
       "<Energy>eighty<",
       {Severity::error, 21, 0, "<Energy> holds 'eighty', not a number", "7.8"}},
      {"2021-12-08T06:39:36",
       "2021-12-08 06:39:36",
       {Severity::error, 13, 0,
        "<AcquisitionStart> holds '2021-12-08 06:39:36', not an xs:dateTime "
        "(yyyy-mm-ddThh:mm:ss)",
        "7.8"}},
      {"PT43200S",
       "43200",
       {Severity::error, 14, 0, "<SamplingTime> holds '43200', not an xs:duration (PTnS)", "7.8"}},
      {" SID=\"6482923\"",
       "",
       {Severity::error, 8, 0, "<SampleInformation> carries the REFID (the SRID) and the SID", "7.8"}},
      {"MXX44_004-2021/12/08-06:39",
       "MXX44_004-2021/12/09-06:39",
       {Severity::warning, 8, 0,
        "the MID MXX44_004-2021/12/09-06:39 does not give the acquisition start 2021/12/08 06:39:36",
        "7.2.10"}},
      {"<Name>XE-133</Name>",
       "<Name>${NAME}</Name>",
       {Severity::warning, 17, 0, "<Name> holds the template placeholder '${NAME}'", "7.8"}},
      {"<Name>XE-133</Name>",
       "stray <Name>XE-133</Name>",
       {Severity::warning, 17, 0, "text 'stray' in <Nuclide>, where elements are expected: ignored", "7.8"}},
      {"http://www.ctbto.org/SAMPML/0.7",
       "urn:other",
       {Severity::warning, 7, 0, "the SampML namespace is http://www.ctbto.org/SAMPML/0.7, not 'urn:other'",
        "7.8"}},
      {"<Name>XE-133</Name>",
       "<Name>XE-133</Nam>",
       {Severity::error, 17, 19,
        "the SampML document is not well-formed XML: Opening and ending tag mismatch: Name "
        "line 12 and Nam",
        "7.8"}},
      {"<SampML xmlns",
       "<SampleML xmlns",
       {Severity::error, 6, 1, "the document element is <SampML>", "7.8"}},
  };
  for (const Case& c : cases) {
    std::string text = kSmall;
    text.replace(text.find(c.from), c.from.size(), c.to);
    if (c.from == "<SampML xmlns") text.replace(text.rfind("</SampML>"), 9, "</SampleML>");
    Diagnostics d;
    read_sampml_section(section(text), d);
    EXPECT_NE(std::find(d.begin(), d.end(), c.expected), d.end())
        << c.to << ": " << ::testing::PrintToString(d.items());
  }
  Diagnostics clean;
  EXPECT_TRUE(read_sampml_section(section(kSmall), clean, Mode::strict));
  EXPECT_TRUE(clean.empty()) << clean.items()[0].message;
  Diagnostics none;
  EXPECT_FALSE(read_sampml_section(section(kSmall, "SSREB"), none));
  EXPECT_FALSE(read_sampml_section(section("TIME_STAMP 2022/06/02 13:14:52\n\n"), none));
  EXPECT_EQ(none.items().at(0).message, "the section holds no SampML document");
}

}  // namespace
}  // namespace imsgate::ims2::rn
