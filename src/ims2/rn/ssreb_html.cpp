// The HTML form of the SSREB (7.8.3.2): the sections and tables of the plain text as XHTML, one table cell
// per column, so that the rendered text reads as I.37.2.
#include <fmt/format.h>

#include "ims2/rn/ssreb.hpp"
#include "ims2/rn/ssreb_layout.hpp"
#include "ims2/rn/xml_writer.hpp"
#include "ims2/text.hpp"

namespace imsgate::ims2::rn {
namespace {

using namespace ssreb_layout;

constexpr std::string_view kProlog = "<!DOCTYPE html>\n";
constexpr std::string_view kStyle =
    "body{font-family:sans-serif}table{border-collapse:collapse}"
    "th,td{border:1px solid #888;padding:2px 8px;text-align:left}pre{font-family:monospace}";

std::string yes_no(std::optional<bool> value) {
  return value ? (*value ? "YES" : "NO") : "";
}

class HtmlPage {
 public:
  explicit HtmlPage(const Ssreb& s) : s_(s), w_(std::string(kProlog)) {}

  tl::expected<std::string, std::string> write() {
    const bool particulate = s_.kind == SsrebKind::particulate;
    w_.open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", "en"}});
    w_.open("head");
    w_.leaf("meta", "", {{"charset", "UTF-8"}});
    w_.leaf("title", std::string(kTitleBulletin));
    w_.leaf("style", kStyle);
    w_.close();
    w_.open("body");
    w_.leaf("h1", fmt::format("{} {}", kTitleIdc, kTitleBulletin));
    std::vector<std::string> lines;
    if (s_.creation_date)
      lines.push_back(
          fmt::format("{}: {}", kCreation, write_report_date_time(*s_.creation_date, !particulate)));
    if (s_.time_difference)
      lines.push_back(
          fmt::format("{}: {}", kTimeDifference,
                      write_report_duration(*s_.time_difference,
                                            particulate ? DurationForm::hours : DurationForm::components)));
    paragraph(lines);
    lines.clear();
    if (s_.fission_product_id) lines.push_back(fmt::format("{}: {}", kFissionId, *s_.fission_product_id));
    if (s_.authenticated) lines.push_back(fmt::format("{}: {}", kAuthenticated, yes_no(s_.authenticated)));
    paragraph(lines);
    heading("h2", kSummary);
    particulate ? particulate_summary() : noble_gas_summary();
    if (!s_.other_lines.empty()) w_.leaf("pre", join(s_.other_lines), {{"class", "other"}});
    heading("h2", kFieldOfRegard);
    for (const std::string& url : s_.field_of_regard) {
      if (url.empty()) continue;
      if (istarts_with(url, "http://") || istarts_with(url, "https://")) {
        w_.line(fmt::format("<p><a href=\"{0}\">{0}</a></p>", w_.escape(url)));
      } else {
        w_.leaf("p", url);
      }
    }
    heading("h2", kLaboratory);
    if (!s_.laboratory_results.empty()) w_.leaf("pre", join(s_.laboratory_results));
    heading("h2", kAdditional);
    if (!s_.additional_information.empty()) w_.leaf("pre", join(s_.additional_information));
    for (TimePoint t : s_.time_stamps) w_.leaf("p", write_time_stamp(t), {{"class", "time-stamp"}});
    return w_.finish();
  }

 private:
  static std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
  }

  void heading(std::string_view tag, std::string_view text) {
    w_.leaf(tag, text);
    w_.leaf("hr", "");
  }

  void paragraph(const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    std::string markup = "<p>";
    for (std::size_t i = 0; i < lines.size(); ++i) markup += (i ? "<br/>" : "") + w_.escape(lines[i]);
    w_.line(markup + "</p>");
  }

  void row(std::string_view cell_tag, const std::vector<std::string>& cells) {
    std::string markup = "<tr>";
    for (const std::string& c : cells) markup += fmt::format("<{0}>{1}</{0}>", cell_tag, w_.escape(c));
    w_.line(markup + "</tr>");
  }

  void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    w_.open("table");
    row("th", header);
    for (const auto& r : rows) row("td", r);
    w_.close();
  }

  void particulate_summary() {
    std::vector<std::vector<std::string>> rows;
    for (const SsrebDetection& d : s_.detections) {
      rows.push_back({d.station, d.collection_stop ? write_report_date_time(*d.collection_stop, false) : "",
                      d.sample_id ? fmt::format("{}", *d.sample_id) : "", d.nuclide, d.comment});
    }
    std::vector<std::string> header;
    for (const Label& l : kDetectionHeader) header.emplace_back(l.text);
    table(header, rows);
    rows.clear();
    for (const FlagRow& r : kFlagRows) {
      if (r.yes_no && s_.particulate_flags.*r.yes_no) {
        rows.push_back({std::string(r.label), *(s_.particulate_flags.*r.yes_no) ? "Yes" : "No"});
      } else if (r.number && s_.particulate_flags.*r.number) {
        rows.push_back({std::string(r.label), fmt::format("{}", *(s_.particulate_flags.*r.number))});
      }
    }
    table({"Flag", "Yes/No/Value"}, rows);
  }

  void noble_gas_summary() {
    heading("h3", kSampleInformation);
    const SsrebSample& s = s_.sample;
    std::vector<std::string> lines;
    const auto info = [&](std::string_view label, const std::string& value) {
      if (!value.empty()) lines.push_back(fmt::format("{}: {}", label, value));
    };
    info(kStationId, s.station);
    info(kDetectorCode, s.detector);
    info(kSampleIdLabel, s.sample_id ? fmt::format("{}", *s.sample_id) : "");
    info(kSrid, s.sample_reference_id);
    info(kCollectionStop, s.collection_stop ? write_report_date_time(*s.collection_stop, true) : "");
    paragraph(lines);
    heading("h3", kCategorization);
    w_.leaf("p", kIsotopeCategory);
    std::vector<std::vector<std::string>> rows;
    for (const SsrebIsotope& i : s_.isotopes) {
      rows.push_back({i.isotope, yes_no(i.detected),
                      i.abnormal_threshold ? write_report_number(*i.abnormal_threshold, 2, true) : "",
                      i.comment});
    }
    table({"Isotope", "Nuclide detected", "Abnormal threshold (mBq/m3)", "Categorization comment"}, rows);
    if (!s_.sample_category.empty()) {
      w_.leaf("p", s_.sample_category_description.empty()
                       ? fmt::format("{}: {}", kSampleCategory, s_.sample_category)
                       : fmt::format("{}: {} - {}", kSampleCategory, s_.sample_category,
                                     s_.sample_category_description));
    }
    heading("h3", kScreening);
    rows.clear();
    for (const SsrebFlag& f : s_.flags) rows.push_back({f.name, f.value});
    table({"Name", "YES/NO/Value"}, rows);
    rows.clear();
    for (const SsrebRatio& r : s_.ratios) {
      rows.push_back({r.ratio, r.value ? write_report_number(*r.value, 2) : "", yes_no(r.exceeds), r.test});
    }
    table({std::string(kRatioHeader), "Value", "YES/NO", "Test"}, rows);
  }

  const Ssreb& s_;
  XmlWriter w_;
};

}  // namespace

tl::expected<std::string, std::string> write_ssreb_html(const Ssreb& ssreb) {
  return HtmlPage(ssreb).write();
}

}  // namespace imsgate::ims2::rn
