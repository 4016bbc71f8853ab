#include "cli/analyze/analyzed_file.h"

namespace govreport::cli {

int AnalyzedFile::Count(v1::Severity severity) const {
  int n = 0;
  for (const auto& f : findings) n += f.severity() == severity;
  return n;
}

}  // namespace govreport::cli
