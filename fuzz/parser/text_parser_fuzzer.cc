// libFuzzer target for the text parser: any bytes in, a Report or an error
// out, never a crash, a hang or a sanitizer finding.

#include <cstddef>
#include <cstdint>

#include "parser-svc/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const govreport::parser::Parser* parser = [] {
    govreport::parser::ParserOptions options;
    options.max_document_bytes = 1u << 20;
    return new govreport::parser::Parser(options);
  }();
  auto report = parser->Parse(
      "fuzz.txt", absl::string_view(reinterpret_cast<const char*>(data), size));
  if (report.ok()) {
    // Touch the result so that nothing is optimised away.
    volatile int cells = report->cells_size();
    (void)cells;
  }
  return 0;
}
