#include "parser-svc/decoders/docx_decoder.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/decoders/table_grid.h"
#include "parser-svc/decoders/text_cleanup.h"
#include "parser-svc/decoders/zip_reader.h"
#include "pugixml.hpp"

namespace govreport::parser {
namespace {

constexpr absl::string_view kDefaultMainPart = "word/document.xml";
// Tables nested deeper than this are read as plain text of their cell.
constexpr int kMaxTableDepth = 16;
// Estimated bytes per byte of the main part's XML: the inflated XML itself
// (parsed in place) and pugixml's DOM nodes (one per tag and text run).
constexpr size_t kDocxXmlBytesPerByte = 4;

absl::string_view LocalName(const pugi::xml_node& node) {
  absl::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == absl::string_view::npos ? name : name.substr(colon + 1);
}

bool Is(const pugi::xml_node& node, absl::string_view local) {
  return node.type() == pugi::node_element && LocalName(node) == local;
}

pugi::xml_node FirstChild(const pugi::xml_node& node, absl::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (Is(c, local)) return c;
  }
  return pugi::xml_node();
}

// The w:val attribute, whatever its prefix.
absl::string_view Val(const pugi::xml_node& node) {
  for (pugi::xml_attribute a = node.first_attribute(); a;
       a = a.next_attribute()) {
    absl::string_view name = a.name();
    if (name == "val" || absl::EndsWith(name, ":val")) return a.value();
  }
  return {};
}

size_t ValNumber(const pugi::xml_node& node, size_t fallback, size_t max) {
  size_t n = 0;
  if (!node || !absl::SimpleAtoi(Val(node), &n) || n == 0) return fallback;
  return n > max ? max : n;
}

// Elements that only wrap content (content controls, custom XML, smart
// tags, tracked insertions, hyperlinks, simple fields).
bool IsWrapper(absl::string_view local) {
  return local == "sdt" || local == "sdtContent" || local == "customXml" ||
         local == "smartTag" || local == "ins" || local == "hyperlink" ||
         local == "fldSimple" || local == "moveTo" || local == "dir" ||
         local == "bdo";
}

// Subtrees holding no visible text of their own.
bool IsSkipped(absl::string_view local) {
  return local == "del" || local == "delText" || local == "moveFrom" ||
         local == "instrText" || local == "delInstrText" || local == "pPr" ||
         local == "rPr" || local == "tblPr" || local == "trPr" ||
         local == "tcPr" || local == "sdtPr" || local == "sdtEndPr" ||
         local == "Fallback" || local == "fldData" ||
         local == "footnoteReference" || local == "endnoteReference";
}

// Children of `node`, looking through wrappers, that have local name
// `local`.
std::vector<pugi::xml_node> ChildrenThroughWrappers(const pugi::xml_node& node,
                                                    absl::string_view local) {
  std::vector<pugi::xml_node> out;
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling()) {
    stack.push_back(c);
  }
  while (!stack.empty()) {
    pugi::xml_node c = stack.back();
    stack.pop_back();
    if (c.type() != pugi::node_element) continue;
    absl::string_view name = LocalName(c);
    if (name == local) {
      out.push_back(c);
    } else if (IsWrapper(name)) {
      for (pugi::xml_node g = c.last_child(); g; g = g.previous_sibling()) {
        stack.push_back(g);
      }
    }
  }
  return out;
}

struct ParagraphText {
  std::vector<std::string> lines{std::string()};  // Split at w:br / w:cr.
  std::vector<pugi::xml_node> text_boxes;         // w:txbxContent.
};

// The visible text of a paragraph (or any subtree), without recursion.
ParagraphText ReadParagraph(const pugi::xml_node& paragraph) {
  ParagraphText out;
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = paragraph.last_child(); c; c = c.previous_sibling()) {
    stack.push_back(c);
  }
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    absl::string_view name = LocalName(n);
    if (IsSkipped(name)) continue;
    if (name == "t") {
      out.lines.back().append(n.child_value());
    } else if (name == "tab" || name == "ptab") {
      out.lines.back().push_back('\t');
    } else if (name == "br" || name == "cr") {
      out.lines.emplace_back();
    } else if (name == "noBreakHyphen") {
      out.lines.back().push_back('-');
    } else if (name == "txbxContent") {
      out.text_boxes.push_back(n);
    } else if (name == "AlternateContent") {
      // Choice and Fallback hold the same content; read the first Choice.
      pugi::xml_node choice = FirstChild(n, "Choice");
      if (choice) stack.push_back(choice);
    } else {
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
        stack.push_back(c);
      }
    }
  }
  return out;
}

struct DocxCell {
  size_t column = 0;
  size_t colspan = 1;
  size_t rowspan = 1;
  enum class Merge { kNone, kRestart, kContinue } vmerge = Merge::kNone;
  bool covered = false;  // A vMerge continuation filled from above.
  std::string text;
};

class DocxWalker {
 public:
  explicit DocxWalker(const DecodeOptions& options)
      : options_(options), cell_budget_(options.max_grid_cells) {}

  // Reads a block container (body, cell, text box, content control).
  absl::Status ReadBlocks(const pugi::xml_node& container, int depth) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      absl::string_view name = LocalName(c);
      if (name == "p") {
        RETURN_IF_ERROR(ReadParagraphLines(c, depth));
      } else if (name == "tbl") {
        RETURN_IF_ERROR(ReadTable(c, depth));
      } else if (IsWrapper(name) && depth < kMaxTableDepth * 4) {
        RETURN_IF_ERROR(ReadBlocks(c, depth + 1));
      }
    }
    return absl::OkStatus();
  }

  std::vector<DocLine> TakeLines() { return std::move(lines_); }

 private:
  absl::Status CheckTime(absl::string_view stage) {
    if (options_.budget == nullptr) return absl::OkStatus();
    return options_.budget->CheckTime(stage, ++steps_);
  }

  absl::Status ReadParagraphLines(const pugi::xml_node& p, int depth) {
    RETURN_IF_ERROR(CheckTime("DOCX paragraph or row"));
    ParagraphText text = ReadParagraph(p);
    for (std::string& line : text.lines) {
      absl::string_view trimmed = TrimBlank(line);
      if (trimmed.empty()) continue;
      DocLine doc_line;
      DocCell cell;
      cell.text = std::string(trimmed);
      cell.location.set_line(static_cast<uint32_t>(lines_.size() + 1));
      doc_line.cells.push_back(std::move(cell));
      lines_.push_back(std::move(doc_line));
    }
    if (depth < kMaxTableDepth) {
      for (const pugi::xml_node& box : text.text_boxes) {
        RETURN_IF_ERROR(ReadBlocks(box, depth + 1));
      }
    }
    return absl::OkStatus();
  }

  // The text of a cell: its paragraphs (and shallow text boxes) joined by
  // spaces; nested tables are queued in `nested`.
  std::string CellText(const pugi::xml_node& tc, int depth,
                       std::vector<pugi::xml_node>& nested) {
    std::string out;
    auto append = [&out](absl::string_view piece) {
      piece = TrimBlank(piece);
      if (piece.empty()) return;
      if (!out.empty()) out.push_back(' ');
      out.append(piece.data(), piece.size());
    };
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node c = tc.last_child(); c; c = c.previous_sibling()) {
      stack.push_back(c);
    }
    while (!stack.empty()) {
      pugi::xml_node n = stack.back();
      stack.pop_back();
      if (n.type() != pugi::node_element) continue;
      absl::string_view name = LocalName(n);
      if (name == "p") {
        ParagraphText text = ReadParagraph(n);
        for (std::string& line : text.lines) {
          for (char& ch : line) {
            if (ch == '\t') ch = ' ';
          }
          append(line);
        }
        for (auto it = text.text_boxes.rbegin(); it != text.text_boxes.rend();
             ++it) {
          for (pugi::xml_node c = it->last_child(); c;
               c = c.previous_sibling()) {
            stack.push_back(c);
          }
        }
      } else if (name == "tbl") {
        if (depth + 1 < kMaxTableDepth) {
          nested.push_back(n);
        } else {
          for (std::string& line : ReadParagraph(n).lines) append(line);
        }
      } else if (IsWrapper(name)) {
        for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
          stack.push_back(c);
        }
      }
    }
    return out;
  }

  absl::Status ReadTable(const pugi::xml_node& tbl, int depth) {
    const size_t max_columns = options_.max_grid_columns;
    std::vector<std::vector<DocxCell>> rows;
    std::vector<pugi::xml_node> nested;
    for (const pugi::xml_node& tr : ChildrenThroughWrappers(tbl, "tr")) {
      RETURN_IF_ERROR(CheckTime("DOCX paragraph or row"));
      std::vector<DocxCell> row;
      pugi::xml_node tr_pr = FirstChild(tr, "trPr");
      size_t column =
          ValNumber(FirstChild(tr_pr, "gridBefore"), 0, max_columns);
      for (const pugi::xml_node& tc : ChildrenThroughWrappers(tr, "tc")) {
        if (column >= max_columns) break;
        DocxCell cell;
        cell.column = column;
        pugi::xml_node tc_pr = FirstChild(tc, "tcPr");
        cell.colspan = ValNumber(FirstChild(tc_pr, "gridSpan"), 1, max_columns);
        pugi::xml_node vmerge = FirstChild(tc_pr, "vMerge");
        if (vmerge) {
          cell.vmerge = Val(vmerge) == "restart" ? DocxCell::Merge::kRestart
                                                 : DocxCell::Merge::kContinue;
        }
        pugi::xml_node hmerge = FirstChild(tc_pr, "hMerge");
        if (hmerge && Val(hmerge) != "restart" && !row.empty()) {
          // Legacy horizontal merge: widen the cell on the left.
          row.back().colspan += 1;
          column += 1;
          continue;
        }
        cell.text = CellText(tc, depth, nested);
        column += cell.colspan;
        row.push_back(std::move(cell));
      }
      rows.push_back(std::move(row));
    }
    // A vMerge chain becomes a rowspan of its first cell; the continuation
    // cells are then covered by the grid's rowspan copies.
    for (size_t r = 0; r < rows.size(); ++r) {
      for (DocxCell& cell : rows[r]) {
        if (cell.vmerge == DocxCell::Merge::kNone || cell.covered) continue;
        for (size_t below = r + 1; below < rows.size(); ++below) {
          // Cells of a row are in column order.
          auto it = std::lower_bound(
              rows[below].begin(), rows[below].end(), cell.column,
              [](const DocxCell& c, size_t col) { return c.column < col; });
          DocxCell* next = it != rows[below].end() && it->column == cell.column
                               ? &*it
                               : nullptr;
          if (next == nullptr || next->vmerge != DocxCell::Merge::kContinue) {
            break;
          }
          next->covered = true;
          ++cell.rowspan;
        }
      }
    }
    TableGrid grid(max_columns, &cell_budget_);
    for (std::vector<DocxCell>& row : rows) {
      RETURN_IF_ERROR(grid.StartRow());
      for (DocxCell& cell : row) {
        if (cell.covered) continue;
        RETURN_IF_ERROR(grid.PlaceCell(cell.column, std::move(cell.text),
                                       cell.rowspan, cell.colspan));
      }
    }
    if (!grid.IsBlank()) {
      RETURN_IF_ERROR(grid.AppendTo(++tables_, /*page=*/0, lines_));
    }
    for (const pugi::xml_node& inner : nested) {
      RETURN_IF_ERROR(ReadTable(inner, depth + 1));
    }
    return absl::OkStatus();
  }

  const DecodeOptions& options_;
  size_t cell_budget_;
  size_t steps_ = 0;
  uint32_t tables_ = 0;
  std::vector<DocLine> lines_;
};

// The main document part named by _rels/.rels, or word/document.xml.
std::string MainPartName(ZipReader& zip) {
  if (!zip.Contains("_rels/.rels")) return std::string(kDefaultMainPart);
  absl::StatusOr<std::string> rels = zip.Read("_rels/.rels");
  if (!rels.ok()) return std::string(kDefaultMainPart);
  pugi::xml_document doc;
  if (!doc.load_buffer(rels->data(), rels->size())) {
    return std::string(kDefaultMainPart);
  }
  for (pugi::xml_node rel = doc.document_element().first_child(); rel;
       rel = rel.next_sibling()) {
    absl::string_view type = rel.attribute("Type").value();
    if (!absl::EndsWith(type, "/officeDocument")) continue;
    std::string target = rel.attribute("Target").value();
    while (!target.empty() && target[0] == '/') target.erase(0, 1);
    if (!target.empty() && zip.Contains(target)) return target;
  }
  return std::string(kDefaultMainPart);
}

}  // namespace

absl::StatusOr<DecodedDocument> DecodeDocx(absl::string_view name,
                                           absl::string_view bytes,
                                           const DecodeOptions& options) {
  ASSIGN_OR_RETURN(
      std::unique_ptr<ZipReader> zip,
      ZipReader::Open(name, bytes, options.max_decompressed_bytes));
  std::string part = MainPartName(*zip);
  absl::StatusOr<std::string> xml = zip->Read(part);
  if (absl::IsNotFound(xml.status())) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": a ZIP archive without ", part, " (not a DOCX document)"));
  }
  if (!xml.ok()) return xml.status();
  if (options.budget != nullptr) {
    RETURN_IF_ERROR(options.budget->Charge(xml->size() * kDocxXmlBytesPerByte,
                                           absl::StrCat(part, " as XML")));
  }

  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(
      xml->data(), xml->size(),
      pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!parsed) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": ", part, " is not well-formed XML at byte ",
                     parsed.offset, ": ", parsed.description()));
  }
  pugi::xml_node body = FirstChild(doc.document_element(), "body");
  if (!Is(doc.document_element(), "document") || !body) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": ", part, " has no w:document/w:body (not a DOCX document)"));
  }
  DocxWalker walker(options);
  absl::Status status = walker.ReadBlocks(body, 0);
  if (!status.ok() && absl::StartsWith(status.message(), name)) return status;
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat(name, ": ", status.message()));
  }
  if (options.budget != nullptr) {
    // The DOM and the XML are freed on return.
    options.budget->Release(xml->size() * kDocxXmlBytesPerByte);
  }
  DecodedDocument out;
  out.format = v1::DOCUMENT_FORMAT_DOCX;
  out.encoding = "UTF-8";
  out.lines = walker.TakeLines();
  return out;
}

}  // namespace govreport::parser
