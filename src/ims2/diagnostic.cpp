#include "ims2/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace imsgate::ims2 {

void Diagnostics::error(Position at, std::string message, std::string rule) {
  items_.push_back({Severity::error, at.line, at.column, std::move(message), std::move(rule)});
}

void Diagnostics::warning(Position at, std::string message, std::string rule) {
  items_.push_back({Severity::warning, at.line, at.column, std::move(message), std::move(rule)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::escalate_warnings() {
  for (auto& d : items_) d.severity = Severity::error;
}

void Diagnostics::sort_by_position() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

std::string_view severity_name(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d, std::string_view file) {
  std::string where(file);
  if (d.line > 0) where += fmt::format(":{}", d.line);
  if (d.line > 0 && d.column > 0) where += fmt::format(":{}", d.column);
  std::string text = fmt::format("{}: {}: {}", where, severity_name(d.severity), d.message);
  if (!d.rule.empty()) text += fmt::format(" [spec {}]", d.rule);
  return text;
}

}  // namespace imsgate::ims2
