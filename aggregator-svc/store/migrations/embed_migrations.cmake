# Writes OUTPUT, a C++ source defining govreport::aggregator::Migrations(),
# from the NNNN_name.{sqlite,postgres}.sql files in DIR.
file(GLOB sqlite_files ${DIR}/*.sqlite.sql)
list(SORT sqlite_files)
set(entries "")
foreach(sqlite_file ${sqlite_files})
  get_filename_component(file_name ${sqlite_file} NAME)
  string(REGEX MATCH "^([0-9]+)_([a-z0-9_]+)\\.sqlite\\.sql$" _ ${file_name})
  if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "migration file name ${file_name} is not NNNN_name.sqlite.sql")
  endif()
  set(version ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  set(postgres_file ${DIR}/${version}_${name}.postgres.sql)
  if(NOT EXISTS ${postgres_file})
    message(FATAL_ERROR "migration ${version}_${name} has no .postgres.sql")
  endif()
  file(READ ${sqlite_file} sqlite_sql)
  file(READ ${postgres_file} postgres_sql)
  math(EXPR version_number "${version}")
  string(APPEND entries "      {${version_number}, \"${name}\",\n       R\"govreport_sql(${sqlite_sql})govreport_sql\",\n       R\"govreport_sql(${postgres_sql})govreport_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from aggregator-svc/store/migrations/*.sql; do not edit.
#include \"aggregator-svc/store/migrations/migrations.h\"

namespace govreport::aggregator {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration>* migrations = new std::vector<Migration>{
${entries}  };
  return *migrations;
}

}  // namespace govreport::aggregator
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
