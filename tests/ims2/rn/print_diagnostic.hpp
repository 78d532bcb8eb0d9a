// Diagnostics printed readably when a test's expectation fails.
#pragma once

#include <ostream>

#include "ims2/diagnostic.hpp"

namespace imsgate::ims2 {

inline void PrintTo(const Diagnostic& d, std::ostream* os) {
  *os << severity_name(d.severity) << " " << d.line << ":" << d.column << " '" << d.message << "' [" << d.rule
      << "]";
}

}  // namespace imsgate::ims2
