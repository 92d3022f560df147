# Purpose: a CTest helper that runs a command and checks its exit code, stderr and stdout.
# Usage: cmake "-DCMD=prog|arg|..." "-DARGS=a|b" -DEXPECT_CODE=N [-DEXPECT_STDERR=regex]
#              [-DEXPECT_STDOUT=regex] -P expect_run.cmake
# ('|' separates words, because CTest would split a ';' list into separate arguments.)
string(REPLACE "|" ";" _cmd "${CMD}")
string(REPLACE "|" ";" _args "${ARGS}")
execute_process(COMMAND ${_cmd} ${_args} RESULT_VARIABLE _code OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT "${_code}" STREQUAL "${EXPECT_CODE}")
  message(FATAL_ERROR "exit code ${_code}, expected ${EXPECT_CODE}\nstdout: ${_out}\nstderr: ${_err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT "${_err}" MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}':\n${_err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT "${_out}" MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}':\n${_out}")
endif()
