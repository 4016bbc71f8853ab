// libFuzzer target: any bytes as an HTML page (charset detection, gumbo,
// table grids). Must return a document or an error, never crash or hang.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "parser-svc/decoders/html_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  govreport::parser::DecodeOptions options;
  options.max_grid_cells = 200'000;  // Keeps each run fast and small.
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)govreport::parser::DecodeHtml("fuzz.html", bytes, options);
  return 0;
}
