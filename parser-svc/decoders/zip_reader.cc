#include "parser-svc/decoders/zip_reader.h"

#include <zip.h>

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace govreport::parser {

absl::StatusOr<std::unique_ptr<ZipReader>> ZipReader::Open(
    absl::string_view name, absl::string_view bytes, size_t budget) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InternalError(
        absl::StrCat(name, ": cannot read the ZIP container: ", message));
  }
  zip_t* archive =
      zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": not a readable ZIP archive (damaged or truncated: ", message,
        ")"));
  }
  zip_error_fini(&error);
  return std::unique_ptr<ZipReader>(
      new ZipReader(std::string(name), archive, budget));
}

ZipReader::~ZipReader() { zip_discard(archive_); }

bool ZipReader::Contains(absl::string_view member) const {
  return zip_name_locate(archive_, std::string(member).c_str(), 0) >= 0;
}

absl::StatusOr<std::string> ZipReader::Read(absl::string_view member) {
  std::string member_name(member);
  zip_int64_t index = zip_name_locate(archive_, member_name.c_str(), 0);
  if (index < 0) {
    return absl::NotFoundError(
        absl::StrCat(name_, ": the archive has no ", member));
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, index, 0, &stat) != 0) {
    return absl::DataLossError(
        absl::StrCat(name_, ": ", member, ": ",
                     zip_error_strerror(zip_get_error(archive_))));
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > budget_) {
    return absl::ResourceExhaustedError(
        absl::StrCat(name_, ": ", member, " declares ", stat.size,
                     " bytes uncompressed, over the decompression limit (",
                     budget_, " bytes left)"));
  }
  zip_file_t* file = zip_fopen_index(archive_, index, 0);
  if (file == nullptr) {
    return absl::DataLossError(
        absl::StrCat(name_, ": cannot open ", member, ": ",
                     zip_error_strerror(zip_get_error(archive_))));
  }
  std::string out;
  if (stat.valid & ZIP_STAT_SIZE) out.reserve(stat.size);
  char buffer[1 << 16];
  absl::Status status;
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer, sizeof(buffer));
    if (n < 0) {
      status = absl::DataLossError(absl::StrCat(
          name_, ": ", member,
          " is damaged: ", zip_error_strerror(zip_file_get_error(file))));
      break;
    }
    if (n == 0) break;
    if (static_cast<size_t>(n) > budget_ - out.size()) {
      status = absl::ResourceExhaustedError(absl::StrCat(
          name_, ": ", member, " inflates past the decompression limit (",
          budget_, " bytes left); refusing a possible zip bomb"));
      break;
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  budget_ -= out.size();
  return out;
}

}  // namespace govreport::parser
