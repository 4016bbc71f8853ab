// libFuzzer target for the DOCX decoder. Input starting with "PK" is read as
// a whole .docx (ZIP container, damaged archives, bombs); anything else is
// packed as word/document.xml of an otherwise valid .docx, so the fuzzer
// also explores the WordprocessingML walk (tables, spans, nesting).

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "parser-svc/decoders/docx_decoder.h"

namespace {

std::string PackAsDocument(absl::string_view xml) {
  std::string bytes;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (out == nullptr) return bytes;
  zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(out);
    return bytes;
  }
  zip_source_keep(out);
  zip_source_t* src = zip_source_buffer(archive, xml.data(), xml.size(), 0);
  if (src == nullptr ||
      zip_file_add(archive, "word/document.xml", src, 0) < 0 ||
      zip_close(archive) != 0) {
    if (src != nullptr) zip_source_free(src);
    zip_discard(archive);
    zip_source_free(out);
    return bytes;
  }
  zip_stat_t st;
  if (zip_source_open(out) == 0) {
    if (zip_source_stat(out, &st) == 0) {
      bytes.resize(st.size);
      zip_int64_t n = zip_source_read(out, bytes.data(), st.size);
      bytes.resize(n < 0 ? 0 : static_cast<size_t>(n));
    }
    zip_source_close(out);
  }
  zip_source_free(out);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  govreport::parser::DecodeOptions options;
  options.max_decompressed_bytes = 16u << 20;
  options.max_grid_cells = 200'000;
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  if (absl::StartsWith(input, "PK")) {
    (void)govreport::parser::DecodeDocx("fuzz.docx", input, options);
  } else {
    std::string docx = PackAsDocument(input);
    (void)govreport::parser::DecodeDocx("fuzz.docx", docx, options);
  }
  return 0;
}
