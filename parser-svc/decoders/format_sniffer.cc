#include "parser-svc/decoders/format_sniffer.h"

#include <cstddef>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace govreport::parser {
namespace {

constexpr absl::string_view kZipLocalHeader("PK\x03\x04", 4);
constexpr absl::string_view kZipEmptyArchive("PK\x05\x06", 4);
constexpr absl::string_view kOle2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

bool IsZip(absl::string_view bytes) {
  return absl::StartsWith(bytes, kZipLocalHeader) ||
         absl::StartsWith(bytes, kZipEmptyArchive);
}

// The first bytes of the document as ASCII: UTF-16 is narrowed by dropping
// its high bytes (enough to see markup), a UTF-8 BOM is skipped.
std::string AsciiPrefix(absl::string_view bytes, size_t limit) {
  std::string out;
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  bool le = absl::StartsWith(bytes, "\xFF\xFE");
  bool be = absl::StartsWith(bytes, "\xFE\xFF");
  if (le || be) {
    bytes.remove_prefix(2);
    for (size_t i = 0; i + 1 < bytes.size() && out.size() < limit; i += 2) {
      char lo = le ? bytes[i] : bytes[i + 1];
      char hi = le ? bytes[i + 1] : bytes[i];
      out.push_back(hi == 0 ? lo : '\x80');
    }
    return out;
  }
  return std::string(bytes.substr(0, limit));
}

// Skips whitespace, comments, <?xml ...?> and <!doctype ...> at `pos`.
// Returns false when the prefix ends inside one of them.
bool SkipProlog(absl::string_view s, size_t& pos) {
  while (pos < s.size()) {
    unsigned char c = s[pos];
    if (absl::ascii_isspace(c)) {
      ++pos;
    } else if (s.substr(pos, 4) == "<!--") {
      size_t end = s.find("-->", pos + 4);
      if (end == absl::string_view::npos) return false;
      pos = end + 3;
    } else if (s.substr(pos, 2) == "<?") {
      size_t end = s.find("?>", pos + 2);
      if (end == absl::string_view::npos) return false;
      pos = end + 2;
    } else if (s.substr(pos, 2) == "<!" &&
               absl::StartsWithIgnoreCase(s.substr(pos + 2), "doctype")) {
      return true;  // The doctype itself is decisive; the caller checks it.
    } else {
      return true;
    }
  }
  return true;
}

bool LooksLikeHtml(absl::string_view bytes) {
  std::string prefix = AsciiPrefix(bytes, 8192);
  absl::string_view s(prefix);
  size_t pos = 0;
  if (!SkipProlog(s, pos) || pos >= s.size() || s[pos] != '<') return false;
  absl::string_view rest = s.substr(pos + 1);
  if (absl::StartsWithIgnoreCase(rest, "!doctype")) {
    return absl::AsciiStrToLower(rest.substr(0, 200)).find("html") !=
           std::string::npos;
  }
  static constexpr absl::string_view kTags[] = {
      "html", "head",    "body",    "meta",   "title", "table",  "div",
      "p",    "h1",      "h2",      "h3",     "h4",    "h5",     "h6",
      "span", "font",    "center",  "br",     "link",  "script", "style",
      "base", "section", "article", "header", "main",  "form",   "ul",
      "ol",   "strong",  "b",       "a",      "img"};
  for (absl::string_view tag : kTags) {
    if (!absl::StartsWithIgnoreCase(rest, tag)) continue;
    if (rest.size() == tag.size()) return true;
    char after = rest[tag.size()];
    if (after == '>' || after == '/' || absl::ascii_isspace(after)) return true;
  }
  return false;
}

}  // namespace

v1::DocumentFormat DetectFormat(absl::string_view bytes) {
  if (absl::StrContains(bytes.substr(0, 1024), "%PDF-")) {
    return v1::DOCUMENT_FORMAT_PDF;
  }
  if (IsZip(bytes)) {
    // The name is stored in the local header and in the central directory;
    // a damaged archive still shows one of them, and the DOCX decoder then
    // says what is wrong with it.
    return absl::StrContains(bytes, "word/document.xml")
               ? v1::DOCUMENT_FORMAT_DOCX
               : v1::DOCUMENT_FORMAT_UNSPECIFIED;
  }
  if (absl::StartsWith(bytes, kOle2)) return v1::DOCUMENT_FORMAT_UNSPECIFIED;
  if (LooksLikeHtml(bytes)) return v1::DOCUMENT_FORMAT_HTML;
  return v1::DOCUMENT_FORMAT_TEXT;
}

std::string DescribeUnknownFormat(absl::string_view bytes) {
  if (IsZip(bytes)) {
    return "a ZIP archive without word/document.xml (not a DOCX document)";
  }
  if (absl::StartsWith(bytes, kOle2)) {
    return "a legacy Office (.doc/.xls) file; save it as DOCX or PDF first";
  }
  return "binary data of an unknown format";
}

}  // namespace govreport::parser
