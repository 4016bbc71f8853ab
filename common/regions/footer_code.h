#ifndef GOVREPORT_COMMON_REGIONS_FOOTER_CODE_H_
#define GOVREPORT_COMMON_REGIONS_FOOTER_CODE_H_

// Division codes carried by web page footers: the public-security filing
// number of a site ("陕公网安备 61011502000007号") starts with the 6-digit
// GB/T 2260 code of the division whose police filed it (610115 = 临潼区). The
// code may be retired or a prefecture's (ending in 00): callers map it
// through Gazetteer::Find.
//
// Thread-safe: stateless.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace govreport::regions {

struct FooterCode {
  std::string division;  // The first six digits: "610115".
  std::string filing;    // The whole number as ASCII digits: "61011502000007".
};

// Every "公网安备 <digits>" in `text`, in text order, without repeats, at
// most the first eight distinct ones. Digits
// may be full-width; a colon or spaces may stand between the words and the
// number. Numbers shorter than six digits are ignored.
std::vector<FooterCode> FindFooterCodes(absl::string_view text);

}  // namespace govreport::regions

#endif  // GOVREPORT_COMMON_REGIONS_FOOTER_CODE_H_
