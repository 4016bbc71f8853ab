#ifndef GOVREPORT_PARSER_SVC_TABLES_TABLE2_H_
#define GOVREPORT_PARSER_SVC_TABLES_TABLE2_H_

// Table 2 (主动公开政府信息情况) in its V2021 and V2019 forms: the canonical
// keys of each row (CONTRACT.md section 2, with the V2019 mapping) and the
// structured reader. Table 2 has no identities: a digit run that splits in
// more than one way stays unresolved.
//
// Thread-safe: stateless.

#include <string>
#include <vector>

#include "parser-svc/tables/digit_segmenter.h"
#include "parser-svc/tables/label_matcher.h"

namespace govreport::parser {

// The keys of a table-2 row, in column order; empty when the version has
// no such row.
std::vector<std::string> T2RowKeys(T2Row row, T2Version version);

// One group of the row's cells (no sum) allowing a decimal in money cells.
GroupSpec T2RowGroup(T2Row row, T2Version version);

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_TABLES_TABLE2_H_
