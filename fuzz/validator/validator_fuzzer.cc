// libFuzzer target: a Report from fuzz bytes, validated. Must never crash.
//
// The bytes are read as a serialized v1::Report when they parse as one (so
// the fuzzer explores every cell state, section and deviation), otherwise
// as the prose of an annual report with V2021 cells drawn from the bytes
// (so the narrative extraction sees arbitrary text). Cross-report checks and
// both renderings run on the result too.

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/report/cell_keys.h"
#include "govreport/v1/report.pb.h"
#include "validator-svc/cross_report.h"
#include "validator-svc/findings_format.h"
#include "validator-svc/validator.h"

namespace {

govreport::v1::Report FromBytes(const uint8_t* data, size_t size) {
  govreport::v1::Report report;
  if (size > 0 && data[0] % 2 == 0 &&
      report.ParseFromArray(data + 1, static_cast<int>(size - 1))) {
    return report;
  }
  report.Clear();
  report.set_is_annual_report(true);
  report.set_template_(govreport::v1::TEMPLATE_V2021);
  report.set_year(2023);
  report.set_agency_kind(govreport::v1::AGENCY_KIND_TOWNSHIP);
  report.set_text(std::string(reinterpret_cast<const char*>(data), size));
  const auto& keys = govreport::V2021CellKeys();
  for (size_t i = 0; i < keys.size(); ++i) {
    govreport::v1::Cell* cell = report.add_cells();
    cell->set_key(keys[i]);
    uint8_t b = size == 0 ? 0 : data[i % size];
    cell->set_state(static_cast<govreport::v1::CellState>(b % 6));
    if (b % 3 == 0) cell->set_count(b / 3);
  }
  govreport::v1::Section* section = report.add_sections();
  section->set_ordinal(6);
  section->set_text(report.text());
  return report;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const govreport::validator::Validator* const validator =
      new govreport::validator::Validator();
  govreport::v1::Report report = FromBytes(data, size);
  std::vector<govreport::v1::Finding> findings = validator->Validate(report);
  govreport::validator::FindingsToText(findings);
  govreport::validator::FindingsToJson(findings).dump();
  govreport::v1::Report previous = report;
  previous.set_year(report.year() - 1);
  govreport::validator::CheckCarryContinuity(report, previous);
  govreport::validator::CheckStockContinuity(report, previous);
  govreport::validator::TextFingerprint fp =
      govreport::validator::FingerprintReport(report);
  govreport::validator::CheckTextReuse(fp, {fp});
  return 0;
}
