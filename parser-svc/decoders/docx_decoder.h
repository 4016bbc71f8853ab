#ifndef GOVREPORT_PARSER_SVC_DECODERS_DOCX_DECODER_H_
#define GOVREPORT_PARSER_SVC_DECODERS_DOCX_DECODER_H_

// Decodes a DOCX (Office Open XML word-processing) document into
// DecodedDocument lines in reading order: each paragraph of the main part a
// text line (tabs kept, line breaks splitting it), each table a grid with
// w:gridSpan and w:vMerge expanded into span copies, w:gridBefore/After
// holes kept as blank cells. Deleted revisions, field codes and
// alternative-content fallbacks are skipped; text boxes are read after the
// paragraph that anchors them; a table nested in a cell follows its outer
// table. Cell paragraphs are joined with a space.
//
// Errors: a damaged ZIP or part (INVALID_ARGUMENT / DATA_LOSS), no main
// document part, malformed XML (naming the byte offset), decompression past
// DecodeOptions.max_decompressed_bytes or grids past max_grid_cells
// (RESOURCE_EXHAUSTED). Nesting is bounded; memory is bounded by the
// decompression limit.
//
// Thread-safe: stateless.

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parser-svc/decoded_document.h"
#include "parser-svc/decoders/decode_options.h"

namespace govreport::parser {

absl::StatusOr<DecodedDocument> DecodeDocx(absl::string_view name,
                                           absl::string_view bytes,
                                           const DecodeOptions& options = {});

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_DECODERS_DOCX_DECODER_H_
