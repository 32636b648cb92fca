# golden.cmake — run `budgetrec <MODE> --format json INPUT` (MODE dump, the
# default, or check) and compare it with the reviewed EXPECTED file byte for
# byte (NORMALISE: reader and line numbers left out); on a mismatch show a
# unified diff.
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
# NORMALISE: the model without what depends on the reader — its name and
# line numbers (a PDF line is one of its rendering, a text line one of the
# text) — so a PDF and its layout text share one golden file.
if(NORMALISE)
  string(REGEX REPLACE "\"reader\": \"[^\"]*\"" "\"reader\": \"\"" actual "${actual}")
  string(REGEX REPLACE "\"line\": [0-9]+" "\"line\": 0" actual "${actual}")
  file(WRITE ${OUTPUT} "${actual}")
endif()
if(NOT actual STREQUAL expected)
  execute_process(COMMAND diff -u ${EXPECTED} ${OUTPUT})
  message(FATAL_ERROR "dump of ${INPUT} differs from ${EXPECTED}")
endif()
