// The HTML rendering of a report: a self-contained document (no scripts, no external style), well-formed
// XHTML so that XML tools read it as well as browsers.
#include <fmt/format.h>

#include "ims2/rn/arr.hpp"
#include "ims2/rn/arr_layout.hpp"

namespace imsgate::ims2::rn {
namespace arr {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The label-value pairs of a grid line: a cell ending in ':' or '?' opens a pair, the cells after it (the
// value and its unit) make its value. Two pairs make the 4 columns of the sample information grid.
std::vector<std::pair<std::string, std::string>> pairs(const std::vector<Cell>& cells) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Cell& c : cells) {
    const bool is_label = !c.text.empty() && (c.text.back() == ':' || c.text.back() == '?');
    if (is_label || out.empty()) {
      out.emplace_back(c.text, "");
    } else {
      auto& v = out.back().second;
      if (!c.text.empty()) v += (v.empty() ? "" : " ") + c.text;
    }
  }
  while (out.size() < 2) out.emplace_back();
  return out;
}

}  // namespace

std::string Document::html(std::string_view document_title) const {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n"
      "<style>\nbody {{ font-family: sans-serif; }}\n.title {{ text-align: center; margin: 0; }}\n"
      "table {{ border-collapse: collapse; margin-bottom: 1em; }}\n"
      "td, th {{ padding: 0 0.8em; text-align: left; white-space: nowrap; }}\n"
      "p.text {{ white-space: pre-wrap; margin: 0; }}\n</style>\n</head>\n<body>\n",
      escape(document_title));
  enum class Open { none, grid, table } open = Open::none;
  bool table_has_rows = false;
  auto close = [&] {
    if (open != Open::none) out += "</table>\n";
    open = Open::none;
  };
  for (const DocLine& line : lines_) {
    switch (line.role) {
      case Role::blank:
      case Role::rule:
        close();
        break;
      case Role::title:
        close();
        out += fmt::format("<p class=\"title\"><b>{}</b></p>\n", escape(line.cells[0].text));
        break;
      case Role::heading: {
        close();
        std::string_view t = line.cells[0].text;
        if (equals_rule_) t = trim(t.substr(0, t.find_last_not_of('=') + 1));
        out += fmt::format("<h2>{}</h2>\n", escape(t));
        break;
      }
      case Role::text:
        close();
        out += fmt::format("<p class=\"text\">{}</p>\n", escape(line.cells[0].text));
        break;
      case Role::grid:
        if (open != Open::grid) {
          close();
          out += "<table class=\"grid\">\n";
          open = Open::grid;
        }
        out += "<tr>";
        for (const auto& [l, v] : pairs(line.cells))
          out += "<th>" + escape(l) + "</th><td>" + escape(v) + "</td>";
        out += "</tr>\n";
        break;
      case Role::table_head:
      case Role::table_row: {
        const bool head = line.role == Role::table_head;
        if (open != Open::table || (head && table_has_rows)) {
          close();
          out += "<table class=\"data\">\n";
          open = Open::table;
          table_has_rows = false;
        }
        table_has_rows = table_has_rows || !head;
        out += "<tr>";
        for (const Cell& c : line.cells)
          out += head ? "<th>" + escape(c.text) + "</th>" : "<td>" + escape(c.text) + "</td>";
        out += "</tr>\n";
        break;
      }
    }
  }
  close();
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace arr

tl::expected<std::string, std::string> write_report_html(const RadionuclideReport& report) {
  auto doc = arr::report_document(report);
  if (!doc) return tl::unexpected(doc.error());
  const bool reviewed = report.kind == ReportKind::reviewed;
  const bool particulate = report.variant == ReportVariant::particulate;
  return doc->html(fmt::format("{} ({})",
                               reviewed ? "Reviewed Radionuclide Report" : "Automatic Radionuclide Report",
                               particulate ? "Particulate Version" : "Noble Gas Version"));
}

}  // namespace imsgate::ims2::rn
