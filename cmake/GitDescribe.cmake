# Writes OUT with INXPECT_VERSION and INXPECT_GIT_DESCRIBE (empty outside a
# git checkout), rewriting it only when it changes, so a build after a new
# commit says so without recompiling more than one file.
# cmake -DSOURCE_DIR=... -DVERSION=... -DOUT=... -P GitDescribe.cmake
execute_process(COMMAND git -C "${SOURCE_DIR}" describe --always --tags --dirty
                OUTPUT_VARIABLE describe OUTPUT_STRIP_TRAILING_WHITESPACE
                ERROR_QUIET RESULT_VARIABLE failed)
if(failed)
  set(describe "")
endif()
set(text "#define INXPECT_VERSION \"${VERSION}\"\n#define INXPECT_GIT_DESCRIBE \"${describe}\"\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
