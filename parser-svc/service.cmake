# Included at the end of parser-svc/CMakeLists.txt: the gRPC service around
# govreport_parser, and the parser-svc binary.
add_library(govreport_parser_service ${CMAKE_CURRENT_LIST_DIR}/parser_service.cc)
govreport_target_defaults(govreport_parser_service)
target_link_libraries(govreport_parser_service PUBLIC
  govreport_parser govreport_server govreport_proto)

if(NOT TARGET govreport_regions)
  message(STATUS "parser-svc not built yet: missing govreport_regions")
  return()
endif()
add_executable(parser-svc ${CMAKE_CURRENT_LIST_DIR}/main.cc)
govreport_target_defaults(parser-svc)
target_compile_definitions(parser-svc PRIVATE
  GOVREPORT_DEFAULT_GAZETTEER_DIR="${GOVREPORT_DATA_DIR}/gazetteer")
target_link_libraries(parser-svc PRIVATE
  govreport_parser_service govreport_regions govreport_common)
