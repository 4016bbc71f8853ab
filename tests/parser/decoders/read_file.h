#ifndef GOVREPORT_TESTS_PARSER_DECODERS_READ_FILE_H_
#define GOVREPORT_TESTS_PARSER_DECODERS_READ_FILE_H_

#include <fstream>
#include <sstream>
#include <string>

namespace govreport::testing {

// The whole file, or "" when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace govreport::testing

#endif  // GOVREPORT_TESTS_PARSER_DECODERS_READ_FILE_H_
