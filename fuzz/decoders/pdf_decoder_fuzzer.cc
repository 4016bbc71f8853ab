// libFuzzer target for the PDF decoder: any bytes as a PDF held in memory
// (poppler-cpp's load_from_raw_data, page text in physical layout, the
// layout cleanup), under a parse budget like the parser's. Must return a
// document or an error, never crash or hang.
//
//   ninja -C build-fuzz pdf_decoder_fuzzer
//   build-fuzz/bin/pdf_decoder_fuzzer -max_len=524288 CORPUS_DIR
//
// tests/hardening/fuzz_regressions_test.cc replays
// tests/data/fuzz-regressions/pdf_decoder_fuzzer/ through this same entry
// point in the ordinary (gcc, ASan) build.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/decoders/pdf_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  govreport::parser::ParseBudget budget(
      "fuzz.pdf", {.max_time = absl::Seconds(5),
                   .max_memory_bytes = size_t{256} << 20});
  govreport::parser::DecodeOptions options;
  options.max_pdf_pages = 50;  // Keeps each run fast and small.
  options.budget = &budget;
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)govreport::parser::DecodePdf("fuzz.pdf", bytes, options);
  return 0;
}
