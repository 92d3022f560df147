# Purpose: guard against silently skipped tests. catch_discover_tests splits the list of
# test names at '[' and ';', so a TEST_CASE whose name holds either makes CTest skip
# every test after it without a word. Fails when any name has one.
# Usage: cmake -DTEST_BINARY=path -P check_test_names.cmake
execute_process(COMMAND ${TEST_BINARY} --list-test-names-only OUTPUT_VARIABLE _names RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0 AND NOT _rc GREATER 0)
  message(FATAL_ERROR "${TEST_BINARY} --list-test-names-only failed: ${_rc}")
endif()
string(REPLACE ";" "<semicolon>" _names "${_names}")
string(REPLACE "\n" ";" _lines "${_names}")
set(_count 0)
foreach(_line IN LISTS _lines)
  if(_line STREQUAL "")
    continue()
  endif()
  math(EXPR _count "${_count} + 1")
  if(_line MATCHES "\\[" OR _line MATCHES "<semicolon>")
    message(FATAL_ERROR "test name '${_line}' has '[' or ';': CTest would silently skip the tests after it")
  endif()
endforeach()
message(STATUS "${_count} test names, all discoverable")
