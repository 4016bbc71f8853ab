#include "parser-svc/decoders/pdf_decoder.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/decoders/pdf_layout_cleanup.h"

namespace govreport::parser {
namespace {

// Estimated bytes poppler holds per byte of PDF (its object tables and the
// decompressed stream of the page being read).
constexpr size_t kPdfObjectsBytesPerByte = 4;
// Estimated bytes per byte of a page's UTF-8 text: poppler's UTF-16 text,
// its UTF-8 copy, the split lines and the cleaned layout.
constexpr size_t kPdfTextBytesPerByte = 5;

void IgnorePopplerMessage(const std::string&, void*) {}

// poppler prints every syntax problem of a damaged file to stderr; the
// caller gets one clear error instead.
void SilencePoppler() {
  static absl::once_flag once;
  absl::call_once(once, [] {
    poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  });
}

}  // namespace

absl::StatusOr<DecodedDocument> DecodePdf(absl::string_view name,
                                          absl::string_view bytes,
                                          const DecodeOptions& options) {
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return absl::ResourceExhaustedError(
        absl::StrCat(name, ": PDF larger than 2 GB"));
  }
  ParseBudget* budget = options.budget;
  size_t held = 0;  // What this call charged, released on success.
  if (budget != nullptr) {
    held = bytes.size() * kPdfObjectsBytesPerByte;
    RETURN_IF_ERROR(budget->Charge(held, "PDF objects"));
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": not a readable PDF (damaged or truncated file)"));
  }
  if (doc->is_locked()) {
    return absl::PermissionDeniedError(absl::StrCat(
        name,
        ": the PDF is encrypted and needs a password to open; save an "
        "unencrypted copy (e.g. qpdf --decrypt) and parse that"));
  }
  const int page_count = doc->pages();
  if (page_count <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": the PDF has no pages"));
  }
  if (page_count > options.max_pdf_pages) {
    return absl::ResourceExhaustedError(
        absl::StrCat(name, ": the PDF has ", page_count,
                     " pages, more than the limit of ", options.max_pdf_pages));
  }

  std::vector<std::vector<std::string>> pages(page_count);
  size_t visible = 0;
  for (int i = 0; i < page_count; ++i) {
    if (budget != nullptr) {
      RETURN_IF_ERROR(budget->CheckTime("PDF page", static_cast<size_t>(i) + 1));
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": page ", i + 1, " of the PDF cannot be read"));
    }
    poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    absl::string_view text(utf8.data(), utf8.size());
    if (budget != nullptr) {
      RETURN_IF_ERROR(budget->Charge(text.size() * kPdfTextBytesPerByte,
                                     absl::StrCat("text of PDF page ", i + 1)));
      held += text.size() * kPdfTextBytesPerByte;
    }
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      line = absl::StripSuffix(line, "\r");
      std::string kept;
      kept.reserve(line.size());
      for (char c : line) {
        if (c == '\f') continue;
        if (!absl::ascii_isspace(static_cast<unsigned char>(c))) ++visible;
        kept.push_back(c);
      }
      pages[i].push_back(std::move(kept));
    }
  }
  if (visible == 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        name, ": none of the PDF's ", page_count,
        " pages has a text layer (a scanned document); it needs OCR before "
        "it can be parsed"));
  }

  if (budget != nullptr) {
    RETURN_IF_ERROR(budget->CheckTime("the PDF's page layout"));
  }
  DecodedDocument out;
  out.format = v1::DOCUMENT_FORMAT_PDF;
  if (budget != nullptr) {
    // poppler's document and the page texts are freed on return; the lines
    // are charged by the parser with the rest of the decoded document.
    budget->Release(held);
  }
  out.encoding = "UTF-8";
  std::vector<LayoutLine> lines = CleanPdfLayout(pages);
  out.lines.reserve(lines.size());
  for (LayoutLine& l : lines) {
    DocLine line;
    DocCell cell;
    cell.text = std::move(l.text);
    cell.location.set_page(l.page);
    cell.location.set_line(static_cast<uint32_t>(out.lines.size() + 1));
    line.cells.push_back(std::move(cell));
    out.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace govreport::parser
