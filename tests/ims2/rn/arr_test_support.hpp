// Helpers of the ARR/RRR tests: the report section of an example message, read and round-tripped.
#pragma once

#include <algorithm>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <optional>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ims2/message.hpp"
#include "ims2/rn/arr.hpp"
#include "test_paths.hpp"

namespace imsgate::ims2::rn::testing {

// The first ARR or RRR section of an example file of Appendix I.
inline DataSection example_section(const std::string& file) {
  const std::string text = imsgate::testing::read_file(imsgate::testing::data_examples_dir() / file);
  const ReadResult read = read_messages(text);
  for (const Message& m : read.messages)
    if (const auto* data = std::get_if<DataMessage>(&m))
      for (const DataSection& s : data->sections)
        if (s.header.type == "ARR" || s.header.type == "RRR") return s;
  ADD_FAILURE() << "no ARR/RRR section in " << file;
  return {};
}

// A section cut from an example that read_messages discards (I.34 has no STOP): the lines after its
// DATA_TYPE line, numbered as in the file.
inline DataSection cut_section(const std::string& file, const std::string& type) {
  const std::string text = imsgate::testing::read_file(imsgate::testing::data_examples_dir() / file);
  const std::string marker = "DATA_TYPE " + type + "\n";
  const auto at = text.find(marker);
  EXPECT_NE(at, std::string::npos);
  DataSection s;
  s.header.type = type;
  s.line.number = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  s.body = text.substr(at + marker.size());
  return s;
}

inline DataSection section_of(std::string type, std::string body) {
  DataSection s;
  s.header.type = std::move(type);
  s.line.number = 1;
  s.body = std::move(body);
  return s;
}

inline std::string dump(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d) out += format_diagnostic(x, "report") + "\n";
  return out;
}

// Writes the report, reads the text back (it must equal the model, with no errors) and writes it again (the
// same text).
inline void expect_round_trip(const RadionuclideReport& report) {
  const auto written = write_report_section(report);
  ASSERT_TRUE(written) << written.error();
  Diagnostics d;
  const auto again =
      read_report_section(section_of(report.kind == ReportKind::reviewed ? "RRR" : "ARR", *written), d);
  ASSERT_TRUE(again);
  EXPECT_FALSE(d.has_errors()) << dump(d) << *written;
  EXPECT_TRUE(*again == report) << *written;
  const auto rewritten = write_report_section(*again);
  ASSERT_TRUE(rewritten);
  EXPECT_EQ(*rewritten, *written);
}

// The text content of a document parsed by libxml2, or nothing when the parser reports an error.
inline std::optional<std::string> parsed_text(const std::string& html, bool as_xml) {
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  xmlDocPtr doc =
      as_xml ? xmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8", options)
             : htmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8",
                              options | HTML_PARSE_NOIMPLIED);
  const xmlError* error = xmlGetLastError();
  const bool failed = !doc || (error && error->level >= XML_ERR_ERROR);
  std::optional<std::string> text;
  if (!failed) {
    xmlChar* content = xmlNodeGetContent(xmlDocGetRootElement(doc));
    text = content ? std::string(reinterpret_cast<const char*>(content)) : std::string();
    xmlFree(content);
  }
  xmlResetLastError();
  if (doc) xmlFreeDoc(doc);
  return text;
}

// The HTML document is well-formed (libxml2's XML parser and HTML parser accept it without error) and shows
// every value of the plain text: each of its words appears in the document's text, except the "=====" and
// "-----" rules that HTML draws as headings.
inline void expect_html_shows(const RadionuclideReport& report) {
  const auto html = write_report_html(report);
  ASSERT_TRUE(html) << html.error();
  EXPECT_EQ(html->rfind("<!DOCTYPE html>", 0), 0u);
  const auto as_xml = parsed_text(*html, true);
  ASSERT_TRUE(as_xml) << "not well-formed XML:\n" << *html;
  const auto as_html = parsed_text(*html, false);
  ASSERT_TRUE(as_html) << "rejected by the HTML parser";
  const auto plain = write_report_section(report);
  ASSERT_TRUE(plain);
  std::istringstream words(*plain);
  std::string word;
  int checked = 0;
  while (words >> word) {
    if (word.find_first_not_of('=') == std::string::npos || word.find_first_not_of('-') == std::string::npos)
      continue;
    EXPECT_NE(as_xml->find(word), std::string::npos) << "'" << word << "' is not in the HTML";
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

}  // namespace imsgate::ims2::rn::testing
