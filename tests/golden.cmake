# golden.cmake — run `budgetrec dump --format json INPUT` and compare it with
# the reviewed EXPECTED file byte for byte; on a mismatch show a unified diff.
execute_process(COMMAND ${CLI} dump --format json ${INPUT}
                OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "budgetrec dump failed (${rc}) on ${INPUT}")
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
