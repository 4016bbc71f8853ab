# Included at the end of validator-svc/CMakeLists.txt: the gRPC service
# around govreport_validator, and the validator-svc binary.
add_library(govreport_validator_service
  ${CMAKE_CURRENT_LIST_DIR}/validator_service.cc)
govreport_target_defaults(govreport_validator_service)
target_link_libraries(govreport_validator_service PUBLIC
  govreport_validator govreport_server govreport_proto)

add_executable(validator-svc ${CMAKE_CURRENT_LIST_DIR}/main.cc)
govreport_target_defaults(validator-svc)
target_link_libraries(validator-svc PRIVATE
  govreport_validator_service govreport_common)
target_link_libraries(validator-svc PRIVATE govreport_regions)
target_compile_definitions(validator-svc PRIVATE
  GOVREPORT_DEFAULT_GAZETTEER_DIR="${GOVREPORT_DATA_DIR}/gazetteer")
