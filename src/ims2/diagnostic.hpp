// Diagnostics: what was wrong in an input, where (line, column) and which rule of the spec it breaks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imsgate::ims2 {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  int line = 0;         // 1-based physical line; 0 when the whole input is concerned
  int column = 0;       // 1-based column; 0 when the whole line is concerned
  std::string message;  // what was wrong and what was expected
  std::string rule;     // the spec section broken, e.g. "3.5.9"

  bool operator==(const Diagnostic&) const = default;
};

// A position in the input, as diagnostics report it.
struct Position {
  int line = 0;
  int column = 0;
};

class Diagnostics {
 public:
  void error(Position at, std::string message, std::string rule);
  void warning(Position at, std::string message, std::string rule);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  // Strict mode: every warning becomes an error.
  void escalate_warnings();
  // Puts the diagnostics in input order (line, then column), keeping the order of those at one place.
  void sort_by_position();

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

 private:
  std::vector<Diagnostic> items_;
};

// "FILE:LINE:COL: error: message [rule]" (line and column left out when 0).
std::string format_diagnostic(const Diagnostic& d, std::string_view file);

std::string_view severity_name(Severity s);

}  // namespace imsgate::ims2
