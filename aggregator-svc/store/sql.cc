#include "aggregator-svc/store/sql.h"

#include <cstdlib>

namespace govreport::aggregator {
namespace {

const std::string& EmptyString() {
  static const std::string* empty = new std::string();
  return *empty;
}

}  // namespace

bool SqlResult::IsNull(size_t row, size_t col) const {
  return std::holds_alternative<std::nullptr_t>(rows_[row][col]);
}

int64_t SqlResult::Int(size_t row, size_t col) const {
  const SqlValue& v = rows_[row][col];
  if (const int64_t* i = std::get_if<int64_t>(&v)) return *i;
  if (const double* d = std::get_if<double>(&v))
    return static_cast<int64_t>(*d);
  if (const std::string* s = std::get_if<std::string>(&v)) {
    return std::strtoll(s->c_str(), nullptr, 10);
  }
  return 0;
}

double SqlResult::Double(size_t row, size_t col) const {
  const SqlValue& v = rows_[row][col];
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const int64_t* i = std::get_if<int64_t>(&v))
    return static_cast<double>(*i);
  if (const std::string* s = std::get_if<std::string>(&v)) {
    return std::strtod(s->c_str(), nullptr);
  }
  return 0;
}

const std::string& SqlResult::Text(size_t row, size_t col) const {
  const SqlValue& v = rows_[row][col];
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  return EmptyString();
}

}  // namespace govreport::aggregator
