#include "ims2/rn/ssreb.hpp"

#include <algorithm>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "print_diagnostic.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace std::chrono;

TimePoint at(int y, int mo, int d, int h, int mi, int s) {
  return sys_days{year{y} / mo / d} + hours{h} + minutes{mi} + seconds{s};
}

DataSection first_section(const std::string& text) {
  const auto result = read_messages(text);
  EXPECT_EQ(result.messages.size(), 1u);
  return std::get<DataMessage>(result.messages.at(0)).sections.at(0);
}

DataSection example(const std::string& file) {
  return first_section(testing::read_file(testing::data_examples_dir() / file));
}

// I.37.1 lost its DATA_TYPE line (DIGEST §6.5 #70): put it back after REF_ID.
DataSection noble_gas_example() {
  std::string text = testing::read_file(testing::data_examples_dir() / "I.37.1-ssreb-noble-gas.msg");
  const auto ref = text.find("REF_ID");
  text.insert(text.find('\n', ref) + 1, "DATA_TYPE SSREB\n");
  return first_section(text);
}

DataSection body(const std::string& text, int data_type_line = 10) {
  DataSection s;
  s.header.type = "SSREB";
  s.body = text;
  s.line.number = data_type_line;
  return s;
}

Ssreb round_trip(const Ssreb& s) {
  const auto text = write_ssreb_section(s);
  EXPECT_TRUE(text.has_value()) << text.error();
  Diagnostics d;
  const auto again = read_ssreb_section(body(*text), d);
  EXPECT_FALSE(d.has_errors()) << (d.empty() ? "" : d.items()[0].message);
  EXPECT_TRUE(again.has_value());
  const auto text2 = write_ssreb_section(*again);
  EXPECT_EQ(*text2, *text);
  return *again;
}

TEST(Ssreb, ReadsTheParticulateExample) {
  Diagnostics d;
  const auto s = read_ssreb_section(example("I.38-ssreb-particulate.msg"), d, Mode::strict);
  ASSERT_TRUE(s);
  EXPECT_TRUE(d.empty()) << d.items()[0].message;
  EXPECT_EQ(s->kind, SsrebKind::particulate);
  EXPECT_EQ(s->creation_date, at(2022, 3, 1, 14, 19, 36));
  ASSERT_TRUE(s->time_difference);
  EXPECT_EQ(s->time_difference->seconds, 9 * 3600);
  EXPECT_EQ(s->fission_product_id, 12340);
  EXPECT_EQ(s->authenticated, true);
  ASSERT_EQ(s->detections.size(), 1u);
  const SsrebDetection& det = s->detections[0];
  EXPECT_EQ(det.station, "AUP09");
  EXPECT_EQ(det.collection_stop, at(2022, 2, 27, 6, 11, 23));
  EXPECT_EQ(det.sample_id, 6604185);
  EXPECT_EQ(det.nuclide, "CO-60");
  EXPECT_EQ(det.comment, "Not Regularly Measured");
  const SsrebParticulateFlags& f = s->particulate_flags;
  EXPECT_EQ(f.activation_products, true);
  EXPECT_EQ(f.days_since_activation_product, 18);
  EXPECT_EQ(f.one_fission_product, false);
  EXPECT_EQ(f.fission_products, false);
  EXPECT_EQ(f.cs137, false);
  EXPECT_EQ(f.cs137_times_seen, std::nullopt);
  EXPECT_EQ(s->field_of_regard, std::vector<std::string>{"https://swp.ctbto.org/FOR/AUP09/2022/02/27"});
  EXPECT_TRUE(s->laboratory_results.empty());
  EXPECT_TRUE(s->other_lines.empty());
  EXPECT_EQ(round_trip(*s), *s);
}

TEST(Ssreb, WritesTheParticulateColumnsOfTable162) {
  Diagnostics d;
  const auto s = read_ssreb_section(example("I.38-ssreb-particulate.msg"), d);
  const auto text = write_ssreb_section(*s);
  ASSERT_TRUE(text);
  EXPECT_NE(
      text->find("\n     AUP09      2022/02/27 06:11:23  6604185    CO-60      Not Regularly Measured\n"),
      std::string::npos)
      << *text;
  EXPECT_NE(text->find("\n     Activation Products present in this spectrum                 Yes\n"
                       "          Number of days since last activation product            18\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(
      text->find("\nENHANCED FIELD OF REGARD =====\n\n     https://swp.ctbto.org/FOR/AUP09/2022/02/27\n"),
      std::string::npos);
}

TEST(Ssreb, ReadsTheNobleGasExample) {
  Diagnostics d;
  const auto s = read_ssreb_section(noble_gas_example(), d, Mode::strict);
  ASSERT_TRUE(s);
  EXPECT_TRUE(d.empty()) << d.items()[0].message << " line " << d.items()[0].line;
  EXPECT_EQ(s->kind, SsrebKind::noble_gas);
  EXPECT_EQ(s->time_stamps, (std::vector<TimePoint>{at(2022, 6, 2, 13, 14, 52), at(2022, 6, 2, 13, 14, 52)}));
  EXPECT_EQ(s->creation_date, at(2022, 5, 27, 9, 8, 24));
  EXPECT_EQ(s->time_difference, (ReportDuration{8 * 3600 + 14 * 60 + 17.0, 1}));
  EXPECT_EQ(s->fission_product_id, 12539);
  EXPECT_EQ(s->sample.station, "AUX04");
  EXPECT_EQ(s->sample.detector, "AUX04_005");
  EXPECT_EQ(s->sample.sample_id, 6731183);
  EXPECT_EQ(s->sample.sample_reference_id, "04202205251811X");
  EXPECT_EQ(s->sample.collection_stop, at(2022, 5, 26, 6, 31, 48));
  ASSERT_EQ(s->isotopes.size(), 4u);
  EXPECT_EQ(s->isotopes[2], (SsrebIsotope{"Xe-133", true, 0.512, "Abnormal xenon concentration"}));
  EXPECT_EQ(s->isotopes[3], (SsrebIsotope{"Xe-135", false, 0.884, "Below detection threshold"}));
  EXPECT_EQ(s->sample_category, "C");
  EXPECT_EQ(s->sample_category_description, "Abnormal xenon concentration");
  ASSERT_EQ(s->flags.size(), 5u);
  EXPECT_EQ(s->flags[0], (SsrebFlag{"Number of days since last xenon detection", "0"}));
  EXPECT_EQ(s->flags[1], (SsrebFlag{"2 or more xenon isotopes present in this sample", "NO"}));
  EXPECT_EQ(s->flags[3], (SsrebFlag{"Number of times Xe-133 seen in last 365 days", "108"}));
  EXPECT_EQ(s->flags[4], (SsrebFlag{"Short term flag", "c - Abnormal xenon concentration"}));
  ASSERT_EQ(s->ratios.size(), 4u);
  EXPECT_EQ(s->ratios[0], (SsrebRatio{"Xe-133m/131m", 0.84, false, "Xe-133m/131m > 2"}));
  EXPECT_EQ(s->ratios[3], (SsrebRatio{"Xe-133/131m", 2.67, false, "Xe-133/131m > 1000"}));
  EXPECT_TRUE(s->field_of_regard.empty());
  EXPECT_EQ(round_trip(*s), *s);
}

// The rendered text of the HTML twin (I.37.2, same sample, another report instance) read as a body: TAB
// cells, no rules, the title on one line.
TEST(Ssreb, ReadsTheRenderedHtmlTwinLeniently) {
  Diagnostics d;
  const auto html = read_ssreb_section(
      body(testing::read_file(testing::data_examples_dir() / "I.37.2-ssreb-noble-gas.damaged.html")), d);
  ASSERT_TRUE(html);
  EXPECT_FALSE(d.has_errors()) << d.items()[0].message;
  Diagnostics d2;
  const auto text = read_ssreb_section(noble_gas_example(), d2);
  EXPECT_EQ(html->creation_date, at(2022, 5, 27, 9, 8, 23));
  EXPECT_EQ(html->fission_product_id, 12538);
  EXPECT_EQ(html->sample, text->sample);
  EXPECT_EQ(html->isotopes, text->isotopes);
  EXPECT_EQ(html->flags, text->flags);
  EXPECT_EQ(html->ratios, text->ratios);
}

// The text of an XHTML page as a browser shows it: one line per table row (cells joined by TABs) and per
// text run of the other blocks.
std::string content(const xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string out = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return out;
}

void rendered_lines(const xmlNode* n, std::vector<std::string>& out) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = reinterpret_cast<const char*>(n->name);
    if (name == "tr") {
      std::string row;
      for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!row.empty()) row += '\t';
        row += content(c);
      }
      out.push_back(row);
    } else if (name == "p" || name == "h1" || name == "h2" || name == "h3") {
      for (const xmlNode* c = n->children; c; c = c->next) {
        if (std::string t = content(c); !t.empty()) out.push_back(t);
      }
    } else {
      rendered_lines(n->children, out);
    }
  }
}

std::vector<std::string> render(const std::string& html) {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(html.data(), static_cast<int>(html.size()), "ssreb.html", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeDoc);
  EXPECT_TRUE(doc) << "not well-formed:\n" << html;
  std::vector<std::string> lines;
  if (doc) rendered_lines(xmlDocGetRootElement(doc.get()), lines);
  return lines;
}

TEST(SsrebHtml, IsWellFormedAndRendersAsI372) {
  Diagnostics d;
  const auto s = read_ssreb_section(noble_gas_example(), d);
  const auto html = write_ssreb_html(*s);
  ASSERT_TRUE(html) << html.error();
  const auto lines = render(*html);
  std::istringstream twin(
      testing::read_file(testing::data_examples_dir() / "I.37.2-ssreb-noble-gas.damaged.html"));
  int compared = 0;
  for (std::string line; std::getline(twin, line);) {
    // The twin is another instance of the report: its creation time and fission product ID differ.
    if (line.empty() || line.find("Creation Date") != std::string::npos ||
        line.find("Time Difference") != std::string::npos ||
        line.find("Fission Product ID") != std::string::npos)
      continue;
    EXPECT_NE(std::find(lines.begin(), lines.end(), line), lines.end()) << line;
    ++compared;
  }
  EXPECT_EQ(compared, 31);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "Creation Date: 2022-05-27 09:08:24"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "TIME_STAMP 2022/06/02 13:14:52"), lines.end());
}

TEST(SsrebHtml, ParticulateHoldsEveryValueAndEscapes) {
  Diagnostics d;
  auto s = read_ssreb_section(example("I.38-ssreb-particulate.msg"), d);
  s->additional_information = {"Seen at <AUP10> & RN39 too", "Café"};
  const auto html = write_ssreb_html(*s);
  ASSERT_TRUE(html);
  const auto lines = render(*html);
  for (const char* expected :
       {"AUP09\t2022/02/27 06:11:23\t6604185\tCO-60\tNot Regularly Measured",
        "Activation Products present in this spectrum\tYes",
        "Number of days since last activation product\t18", "Cs-137 present in spectrum\tNo",
        "https://swp.ctbto.org/FOR/AUP09/2022/02/27", "Creation Date: 2022/03/01 14:19:36",
        "Fission Product ID: 12340", "Authenticated: YES"}) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end()) << expected;
  }
  EXPECT_NE(html->find("Seen at &lt;AUP10&gt; &amp; RN39 too\nCaf&#233;"), std::string::npos);
  s->additional_information = {std::string("bad \x01 byte")};
  EXPECT_FALSE(write_ssreb_html(*s));
}

// Malformed inputs: each gives its diagnostic.

const std::string kNobleGasBody =
    "IDC Generated Report\n"                                                    // 11
    "STANDARD SCREENED RADIONUCLIDE EVENT BULLETIN\n"                           // 12
    "Creation Date: 2022-05-27 09:08:24\n"                                      // 13
    "Time Difference Between Receipt of Raw Data and Creation Date: 1 d 2 h\n"  // 14
    "EVENT DETECTION SUMMARY\n"                                                 // 15
    "Sample Information\n"                                                      // 16
    "Station ID: AUX04\n"                                                       // 17
    "Sample ID: 6731183\n"                                                      // 18
    "Collection Stop: 2022-05-26 06:31:48\n"                                    // 19
    "Measurement Categorization\n"                                              // 20
    "Xe-133 YES 5.12E-01 Abnormal xenon concentration\n"                        // 21
    "Sample Category: C - Abnormal xenon concentration\n"                       // 22
    "Event Screening Flags\n"                                                   // 23
    "Isotopic Ratio  Value  YES/NO  Test\n"                                     // 24
    "Xe-133/131m 999.5 YES Xe-133/131m > 1000\n"                                // 25
    "Xe-133m/133 0.30 YES Xe-133m/133 > 0.3\n"                                  // 26
    "ENHANCED FIELD OF REGARD\n"                                                // 27
    "CERTIFIED LABORATORY RESULTS\n"                                            // 28
    "ADDITIONAL INFORMATION\n";                                                 // 29

TEST(SsrebMalformed, RatioAnswerContradictsItsTestBeyondThePrintedPrecision) {
  Diagnostics d;
  const auto s = read_ssreb_section(body(kNobleGasBody), d);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->time_difference, (ReportDuration{93600, 0}));
  ASSERT_EQ(d.size(), 1u) << d.items()[1].message;  // 0.30 against > 0.3 is within the printed precision
  EXPECT_EQ(d.items()[0], (Diagnostic{Severity::error, 25, 23,
                                      "Xe-133/131m = 999.5 but the test 'Xe-133/131m > 1000' is answered YES",
                                      "7.8.3.2 Table 163"}));
}

TEST(SsrebMalformed, Catalogue) {
  struct Case {
    std::string from, to;
    Diagnostic expected;
  };
  const std::vector<Case> cases{
      {"Creation Date: 2022-05-27 09:08:24",
       "Creation Date: 2022-13-27 09:08:24",
       {Severity::error, 13, 16,
        "a Creation Date is 'yyyy/mm/dd hh:mm:ss' (noble gas: 'yyyy-mm-dd hh:mm:ss')", "7.8.3"}},
      {"1 d 2 h",
       "26 hours",
       {Severity::warning, 14, 64,
        "a noble gas SSREB writes the time difference as '[N d] [N h] [N m] [N s]'", "7.8.3"}},
      {"1 d 2 h",
       "soon",
       {Severity::error, 14, 64, "'soon' is not a duration ('9 hours' or '8 h 14 m 17.0 s')", "7.8.3"}},
      {"Sample ID: 6731183",
       "Sample ID: 67311x3",
       {Severity::error, 18, 12, "'67311x3' is not a sample ID (an integer)", "7.8.3.2"}},
      {"Xe-133 YES 5.12E-01",
       "Xe-133 MAYBE 5.12E-01",
       {Severity::error, 21, 8, "'Nuclide detected' is YES or NO, not 'MAYBE'", "7.8.3.2"}},
      {"Xe-133 YES 5.12E-01",
       "Xe-133 YES high",
       {Severity::error, 21, 12, "'high' is not a valid abnormal threshold: expected a number", "7.8.3.2"}},
      {"Xe-133m/133 0.30 YES Xe-133m/133 > 0.3",
       "Xe-133m/133 0.30 YES Xe-133m/133 exceeds",
       {Severity::error, 26, 22, "the test 'Xe-133m/133 exceeds' is not 'ratio > threshold'",
        "7.8.3.2 Table 163"}},
      {"Sample Category: C",
       "Sample Category: B",
       {Severity::warning, 11, 1, "a noble gas SSREB is made for samples of category C, not B", "7.8"}},
      {"EVENT DETECTION SUMMARY\n",
       "EVENT SUMMARY\n",
       {Severity::error, 11, 1, "the SSREB has no EVENT DETECTION SUMMARY", "7.8.3"}},
      {"ADDITIONAL INFORMATION\n",
       "",
       {Severity::warning, 11, 1, "the SSREB has no 'ADDITIONAL INFORMATION' section", "7.8.3"}},
      {"Station ID: AUX04\n",
       "Station ID: AUX04\nWeather: rain\n",
       {Severity::warning, 18, 1, "not a line of the Sample Information: kept verbatim", "7.8.3"}},
  };
  for (const Case& c : cases) {
    std::string text = kNobleGasBody;
    text.replace(text.find(c.from), c.from.size(), c.to);
    text.replace(text.find("Xe-133/131m 999.5 YES"), 21, "Xe-133/131m 2.5 NO");
    Diagnostics d;
    ASSERT_TRUE(read_ssreb_section(body(text), d)) << c.to;
    EXPECT_NE(std::find(d.begin(), d.end(), c.expected), d.end())
        << c.to << ": " << ::testing::PrintToString(d.items());
  }
}

TEST(SsrebMalformed, ParticulateNumberRowAfterANoIsADeviation) {
  std::string text = testing::read_file(testing::data_examples_dir() / "I.38-ssreb-particulate.msg");
  text.replace(text.find("spectrum              Yes"), 25, "spectrum              No");
  for (Mode mode : {Mode::lenient, Mode::strict}) {
    Diagnostics d;
    const auto s = read_ssreb_section(first_section(text), d, mode);
    ASSERT_TRUE(s);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(
        d.items()[0],
        (Diagnostic{mode == Mode::strict ? Severity::error : Severity::warning, 26, 1,
                    "'Number of days since last activation product' follows only a Yes to the flag above it",
                    "7.8.3.1"}));
    EXPECT_EQ(s->particulate_flags.days_since_activation_product, 18);
  }
}

TEST(SsrebMalformed, ParticulateContradictionsAndMissingRows) {
  std::string text = testing::read_file(testing::data_examples_dir() / "I.38-ssreb-particulate.msg");
  text.replace(text.find("Only one fission product in spectrum                      No"), 60,
               "Only one fission product in spectrum                      Yes");
  text.replace(text.find("2 or more fission products in spectrum                    No"), 60,
               "2 or more fission products in spectrum                    Yes");
  text.erase(text.find("     AUP09 ") + 5, 6);
  Diagnostics d;
  const auto s = read_ssreb_section(first_section(text), d);
  ASSERT_TRUE(s);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d.items()[0],
            (Diagnostic{Severity::error, 6, 1, "the Event Detection Summary lists no station and nuclide",
                        "7.8.3.1"}));
  EXPECT_EQ(d.items()[1].message, "'Only one fission product' and '2 or more fission products' are both Yes");
  EXPECT_EQ(d.items()[2], (Diagnostic{Severity::warning, 22, 1,
                                      "not a line of the Event Detection Summary: kept verbatim", "7.8.3"}));
  EXPECT_EQ(s->other_lines, std::vector<std::string>{"2022/02/27 06:11:23  6604185     CO-60         Not "
                                                     "Regularly Measured"});
}

TEST(SsrebWriter, RefusesWhatCannotBeReadBack) {
  Diagnostics d;
  auto s = *read_ssreb_section(example("I.38-ssreb-particulate.msg"), d);
  Ssreb bad = s;
  bad.additional_information = {"STOP"};
  EXPECT_EQ(write_ssreb_section(bad).error(),
            "the ADDITIONAL INFORMATION line 'STOP' cannot be written: it would be read as a STOP line");
  bad = s;
  bad.laboratory_results = {"ENHANCED FIELD OF REGARD"};
  EXPECT_FALSE(write_ssreb_section(bad));
  bad = s;
  bad.detections[0].sample_id.reset();
  EXPECT_FALSE(write_ssreb_section(bad));
  bad = s;
  bad.detections[0].station = "AUP09X";
  EXPECT_EQ(write_ssreb_section(bad).error(), "station code 'AUP09X' does not fit in columns 6-10");
  s.laboratory_results = {"#Header", "  GBL15 RLR", "", "#Conclusions", "  Co-60 confirmed"};
  s.additional_information = {"Detected at AUP10 on 2022/02/28."};
  EXPECT_EQ(round_trip(s), s);
}

TEST(SsrebReader, OnlySsrebSections) {
  Diagnostics d;
  DataSection s = body(kNobleGasBody);
  s.header.type = "ARR";
  EXPECT_FALSE(read_ssreb_section(s, d));
  EXPECT_TRUE(d.empty());
}

}  // namespace
}  // namespace imsgate::ims2::rn
