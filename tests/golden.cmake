# golden.cmake — run `budgetrec <MODE> --format json INPUT` (MODE dump, the
# default, or check) and compare it with the reviewed EXPECTED file byte for
# byte; on a mismatch show a unified diff.
if(NOT MODE)
  set(MODE dump)
endif()
execute_process(COMMAND ${CLI} ${MODE} --format json ${INPUT}
                OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE rc)
# check exits 1 when it finds errors: that is its answer, not a failure
if(NOT rc EQUAL 0 AND NOT (MODE STREQUAL "check" AND rc EQUAL 1))
  message(FATAL_ERROR "budgetrec ${MODE} failed (${rc}) on ${INPUT}")
endif()
# The dump names the document by the path it was given: compare from the line after.
file(READ ${OUTPUT} actual)
file(READ ${EXPECTED} expected)
string(REGEX REPLACE "\"document\": \"[^\"]*\"" "\"document\": \"\"" actual "${actual}")
string(REGEX REPLACE "\"document\": \"[^\"]*\"" "\"document\": \"\"" expected "${expected}")
if(NOT actual STREQUAL expected)
  execute_process(COMMAND diff -u ${EXPECTED} ${OUTPUT})
  message(FATAL_ERROR "dump of ${INPUT} differs from ${EXPECTED}")
endif()
