#include "parser-svc/decoders/html_decoder.h"

#include <gumbo.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "parser-svc/decoders/html_charset.h"
#include "parser-svc/decoders/html_nesting.h"
#include "parser-svc/decoders/parse_budget.h"
#include "parser-svc/decoders/table_grid.h"
#include "parser-svc/decoders/text_cleanup.h"

namespace govreport::parser {
namespace {

// A cell holding more text than this is page content, not a table cell.
constexpr size_t kMaxDataCellBytes = 1000;
// Estimated bytes gumbo's tree holds per byte of UTF-8 page (parse_budget.h
// has the calibration).
constexpr size_t kHtmlTreeBytesPerByte = 12;
// The page in UTF-8 next to the downloaded bytes (GB18030 grows by half).
constexpr size_t kHtmlUtf8BytesPerByte = 2;

const GumboVector* Children(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

const GumboNode* Child(const GumboVector* v, unsigned i) {
  return static_cast<const GumboNode*>(v->data[i]);
}

absl::string_view Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? absl::string_view() : absl::string_view(a->value);
}

bool IsIgnoredTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

bool IsHidden(const GumboNode* node) {
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) {
    return true;
  }
  std::string style;
  for (char c : Attribute(node, "style")) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
      style.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return absl::StrContains(style, "display:none") ||
         absl::StrContains(style, "visibility:hidden");
}

enum class Chrome { kNone, kNavigation, kFooter };

// Site chrome told by tag, ARIA role, or an id/class word such as "nav",
// "menu", "breadcrumb", "footer", "copyright".
Chrome ChromeKind(const GumboNode* node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_NAV) return Chrome::kNavigation;
  if (tag == GUMBO_TAG_FOOTER) return Chrome::kFooter;
  std::string role = absl::AsciiStrToLower(Attribute(node, "role"));
  if (role == "navigation" || role == "menubar" || role == "menu") {
    return Chrome::kNavigation;
  }
  if (role == "contentinfo") return Chrome::kFooter;
  std::string names = absl::AsciiStrToLower(
      absl::StrCat(Attribute(node, "id"), " ", Attribute(node, "class")));
  for (absl::string_view word :
       absl::StrSplit(names, absl::ByAnyChar(" \t\n-_"), absl::SkipEmpty())) {
    if (absl::StartsWith(word, "nav") || absl::StartsWith(word, "menu") ||
        absl::StartsWith(word, "breadcrumb") ||
        absl::StartsWith(word, "crumb") || word == "sidebar" ||
        word == "toolbar" || word == "topbar" || word == "share") {
      return Chrome::kNavigation;
    }
    if (word == "footer" || word == "foot" || word == "copyright" ||
        word == "bottom") {
      return Chrome::kFooter;
    }
  }
  return Chrome::kNone;
}

bool Skipped(const GumboNode* node) {
  return IsIgnoredTag(node->v.element.tag) || IsHidden(node);
}

// The text of `node`'s subtree with whitespace collapsed; block boundaries
// and <br> become `separator`. Stops early (setting *found_table) at a
// nested <table> when `found_table` is given.
std::string GatherText(const GumboNode* node, char separator,
                       bool* found_table = nullptr) {
  std::string out;
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{node, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* kids = Children(f.node);
    if (kids == nullptr || f.next >= kids->length) {
      if (f.node->type == GUMBO_NODE_ELEMENT &&
          IsBlockTag(f.node->v.element.tag) && !out.empty() &&
          out.back() != separator) {
        out.push_back(separator);
      }
      stack.pop_back();
      continue;
    }
    const GumboNode* child = Child(kids, f.next++);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        AppendCollapsed(child->v.text.text, out);
        break;
      case GUMBO_NODE_ELEMENT: {
        if (Skipped(child)) break;
        GumboTag tag = child->v.element.tag;
        if (tag == GUMBO_TAG_TABLE && found_table != nullptr) {
          *found_table = true;
          return out;
        }
        if (tag == GUMBO_TAG_BR) {
          if (!out.empty() && out.back() != separator) out.push_back(separator);
          break;
        }
        if (IsBlockTag(tag) && !out.empty() && out.back() != separator) {
          out.push_back(separator);
        }
        stack.push_back({child, 0});
        break;
      }
      default:
        break;
    }
  }
  return out;
}

struct HtmlCell {
  std::string text;
  size_t rowspan = 1;
  size_t colspan = 1;
};

size_t SpanAttribute(const GumboNode* cell, const char* name, size_t max) {
  absl::string_view v = absl::StripAsciiWhitespace(Attribute(cell, name));
  size_t n = 0;
  size_t i = 0;
  for (; i < v.size() && absl::ascii_isdigit(static_cast<unsigned char>(v[i]));
       ++i) {
    n = n * 10 + (v[i] - '0');
    if (n > max) return max;
  }
  return i == 0 || n == 0 ? 1 : n;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(const DecodeOptions& options)
      : options_(options), cell_budget_(options.max_grid_cells) {}

  absl::Status Walk(const GumboNode* document) {
    stack_.push_back({document, 0, false, false});
    size_t visited = 0;
    while (!stack_.empty()) {
      if (options_.budget != nullptr && ++visited % 256 == 0) {
        RETURN_IF_ERROR(options_.budget->CheckTime("HTML node", visited));
      }
      Frame& f = stack_.back();
      const GumboVector* kids = Children(f.node);
      if (kids == nullptr || f.next >= kids->length) {
        if (f.block) Flush();
        if (f.pre) --pre_depth_;
        stack_.pop_back();
        continue;
      }
      const GumboNode* child = Child(kids, f.next++);
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          AddText(child);
          break;
        case GUMBO_NODE_ELEMENT:
          RETURN_IF_ERROR(Enter(child));
          break;
        default:
          break;
      }
    }
    Flush();
    return absl::OkStatus();
  }

  std::vector<DocLine> TakeLines() { return std::move(lines_); }

 private:
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool block;
    bool pre;
  };

  absl::Status Enter(const GumboNode* node) {
    if (Skipped(node)) return absl::OkStatus();
    GumboTag tag = node->v.element.tag;
    switch (ChromeKind(node)) {
      case Chrome::kNavigation:
        return absl::OkStatus();
      case Chrome::kFooter:
        KeepFooterRecordLines(node);
        return absl::OkStatus();
      case Chrome::kNone:
        break;
    }
    if (tag == GUMBO_TAG_BR) {
      Flush();
      return absl::OkStatus();
    }
    if (tag == GUMBO_TAG_TABLE) {
      Flush();
      ASSIGN_OR_RETURN(bool handled, TryDataTable(node));
      if (handled) return absl::OkStatus();
    }
    bool block = IsBlockTag(tag);
    bool pre = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING ||
               tag == GUMBO_TAG_PLAINTEXT;
    if (block) Flush();
    if (pre) ++pre_depth_;
    stack_.push_back({node, 0, block, pre});
    return absl::OkStatus();
  }

  void AddText(const GumboNode* node) {
    absl::string_view text = node->v.text.text;
    if (line_.empty()) line_source_ = node->v.text.start_pos.line;
    if (pre_depth_ == 0) {
      AppendCollapsed(text, line_);
      return;
    }
    // Preformatted text keeps its lines and tabs (a tab-separated table
    // pasted into <pre> is still one for the text engine).
    bool first = true;
    for (absl::string_view piece : absl::StrSplit(text, '\n')) {
      if (!first) FlushPreformatted();
      first = false;
      line_.append(piece.data(), piece.size());
    }
  }

  void FlushPreformatted() {
    absl::string_view line = absl::StripTrailingAsciiWhitespace(line_);
    if (!TrimBlank(line).empty()) PushTextLine(std::string(line));
    line_.clear();
  }

  void Flush() {
    if (pre_depth_ > 0) {
      FlushPreformatted();
      return;
    }
    absl::string_view line = TrimBlank(line_);
    if (!line.empty()) PushTextLine(std::string(line));
    line_.clear();
  }

  void PushTextLine(std::string text) {
    DocLine line;
    DocCell cell;
    cell.text = std::move(text);
    cell.location.set_line(line_source_);
    line.cells.push_back(std::move(cell));
    lines_.push_back(std::move(line));
  }

  // A site footer is dropped except for its public-security filing line
  // ("…公网安备 61011502000007号"), whose number encodes the division.
  void KeepFooterRecordLines(const GumboNode* node) {
    Flush();
    std::string text = GatherText(node, '\n');
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      line = TrimBlank(line);
      if (absl::StrContains(line, "公网安备")) {
        line_source_ = node->v.element.start_pos.line;
        PushTextLine(std::string(line));
      }
    }
  }

  // Reads `table` as a data table unless it is a layout table. Returns
  // false (nothing consumed) for a layout table.
  absl::StatusOr<bool> TryDataTable(const GumboNode* table) {
    std::vector<const GumboNode*> rows;
    std::string caption;
    const GumboVector* kids = Children(table);
    for (unsigned i = 0; i < kids->length; ++i) {
      const GumboNode* k = Child(kids, i);
      if (k->type != GUMBO_NODE_ELEMENT || Skipped(k)) continue;
      GumboTag tag = k->v.element.tag;
      if (tag == GUMBO_TAG_TR) {
        rows.push_back(k);
      } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY ||
                 tag == GUMBO_TAG_TFOOT) {
        const GumboVector* section = Children(k);
        for (unsigned j = 0; j < section->length; ++j) {
          const GumboNode* r = Child(section, j);
          if (r->type == GUMBO_NODE_ELEMENT &&
              r->v.element.tag == GUMBO_TAG_TR && !Skipped(r)) {
            rows.push_back(r);
          }
        }
      } else if (tag == GUMBO_TAG_CAPTION) {
        bool nested = false;
        caption = GatherText(k, ' ', &nested);
        if (nested) return false;
      }
    }
    std::vector<std::vector<HtmlCell>> cells(rows.size());
    size_t count = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      const GumboVector* row_kids = Children(rows[r]);
      for (unsigned j = 0; j < row_kids->length; ++j) {
        const GumboNode* c = Child(row_kids, j);
        if (c->type != GUMBO_NODE_ELEMENT || Skipped(c)) continue;
        GumboTag tag = c->v.element.tag;
        if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
        bool nested = false;
        HtmlCell cell;
        cell.text = std::string(TrimBlank(GatherText(c, ' ', &nested)));
        if (nested || cell.text.size() > kMaxDataCellBytes) return false;
        cell.rowspan = SpanAttribute(c, "rowspan", 65534);
        cell.colspan = SpanAttribute(c, "colspan", 1000);
        cells[r].push_back(std::move(cell));
        ++count;
      }
    }
    if (count <= 1) return false;  // A frame around content, or nothing.

    TableGrid grid(options_.max_grid_columns, &cell_budget_);
    for (auto& row : cells) {
      RETURN_IF_ERROR(grid.StartRow());
      for (HtmlCell& cell : row) {
        RETURN_IF_ERROR(
            grid.AddCell(std::move(cell.text), cell.rowspan, cell.colspan));
      }
    }
    if (grid.IsBlank()) return true;  // A spacer: nothing to read.
    caption = std::string(TrimBlank(caption));
    if (!caption.empty()) {
      line_source_ = table->v.element.start_pos.line;
      PushTextLine(std::move(caption));
    }
    RETURN_IF_ERROR(grid.AppendTo(++tables_, /*page=*/0, lines_));
    return true;
  }

  const DecodeOptions& options_;
  size_t cell_budget_;
  std::vector<Frame> stack_;
  int pre_depth_ = 0;
  std::string line_;
  uint32_t line_source_ = 0;
  uint32_t tables_ = 0;
  std::vector<DocLine> lines_;
};

}  // namespace

absl::StatusOr<DecodedDocument> DecodeHtmlUtf8(absl::string_view name,
                                               absl::string_view utf8,
                                               const DecodeOptions& options) {
  if (options.budget != nullptr) {
    RETURN_IF_ERROR(
        options.budget->Charge(utf8.size() * kHtmlTreeBytesPerByte, "HTML tree"));
  }
  // gumbo's time grows with the square of the nesting depth.
  std::optional<std::string> capped =
      CapTagNesting(utf8, kMaxHtmlNestingDepth);
  absl::string_view page = capped ? absl::string_view(*capped) : utf8;
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // Parse errors are not kept: bounded memory.
  GumboOutput* output =
      gumbo_parse_with_options(&gumbo_options, page.data(), page.size());
  if (output == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": the HTML parser could not read the page"));
  }
  HtmlWalker walker(options);
  absl::Status status =
      options.budget != nullptr ? options.budget->CheckTime("the HTML tree")
                                : absl::OkStatus();
  if (status.ok()) status = walker.Walk(output->document);
  gumbo_destroy_output(&gumbo_options, output);
  if (options.budget != nullptr) {
    options.budget->Release(utf8.size() * kHtmlTreeBytesPerByte);
  }
  if (!status.ok() && absl::StartsWith(status.message(), name)) return status;
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat(name, ": ", status.message()));
  }
  DecodedDocument doc;
  doc.format = v1::DOCUMENT_FORMAT_HTML;
  doc.encoding = "UTF-8";
  doc.lines = walker.TakeLines();
  return doc;
}

absl::StatusOr<DecodedDocument> DecodeHtml(absl::string_view name,
                                           absl::string_view bytes,
                                           const DecodeOptions& options) {
  if (options.budget != nullptr) {
    RETURN_IF_ERROR(options.budget->Charge(
        bytes.size() * kHtmlUtf8BytesPerByte, "HTML page in UTF-8"));
  }
  ASSIGN_OR_RETURN(Utf8Page page, DecodeHtmlCharset(name, bytes));
  ASSIGN_OR_RETURN(DecodedDocument doc,
                   DecodeHtmlUtf8(name, page.text, options));
  doc.encoding = page.encoding;
  if (options.budget != nullptr) {
    options.budget->Release(bytes.size() * kHtmlUtf8BytesPerByte);
  }
  return doc;
}

}  // namespace govreport::parser
