# Purpose: a CTest helper for the `astradia bricks` tests: runs a command with an
# optional file on stdin and checks its exit code, stdout and stderr.
# Usage: cmake "-DCMD=prog|arg" "-DARGS=a|b" [-DINPUT=file] -DEXPECT_CODE=N
#              [-DEXPECT_STDOUT=regex] [-DEXPECT_STDOUT2=regex] [-DEXPECT_STDERR=regex] -P bricks_run.cmake
# ('|' separates words, because CTest would split a ';' list into separate arguments.)
string(REPLACE "|" ";" _cmd "${CMD}")
string(REPLACE "|" ";" _args "${ARGS}")
if(DEFINED INPUT)
  execute_process(COMMAND ${_cmd} ${_args} INPUT_FILE "${INPUT}" RESULT_VARIABLE _code OUTPUT_VARIABLE _out
                  ERROR_VARIABLE _err)
else()
  execute_process(COMMAND ${_cmd} ${_args} RESULT_VARIABLE _code OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
endif()
if(NOT "${_code}" STREQUAL "${EXPECT_CODE}")
  message(FATAL_ERROR "exit code ${_code}, expected ${EXPECT_CODE}\nstdout: ${_out}\nstderr: ${_err}")
endif()
foreach(_check EXPECT_STDOUT EXPECT_STDOUT2)
  if(DEFINED ${_check} AND NOT "${_out}" MATCHES "${${_check}}")
    message(FATAL_ERROR "stdout does not match '${${_check}}':\n${_out}")
  endif()
endforeach()
if(DEFINED EXPECT_STDERR AND NOT "${_err}" MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}':\n${_err}")
endif()
