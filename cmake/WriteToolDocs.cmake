# cmake -DTOOL=... -DSOURCE_DIR=... -DPAGE=... -DCOMPLETION=... -P WriteToolDocs.cmake
# TOOL --help-man into PAGE and PAGE.gz (Debian ships man pages compressed),
# TOOL --bash-completion into COMPLETION; on failure nothing is left behind.
# The page's date is the last commit's (SOURCE_DATE_EPOCH), so a rebuild of
# the same sources writes the same page.
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git -C ${SOURCE_DIR} log -1 --format=%ct
                  OUTPUT_VARIABLE epoch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                  RESULT_VARIABLE status)
  if(status EQUAL 0 AND epoch)
    set(ENV{SOURCE_DATE_EPOCH} ${epoch})
  endif()
endif()

function(write_output file)
  get_filename_component(dir ${file} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  execute_process(COMMAND ${ARGN} OUTPUT_FILE ${file}.tmp RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE ${file}.tmp)
    message(FATAL_ERROR "${ARGN} failed (${status})")
  endif()
  file(RENAME ${file}.tmp ${file})
endfunction()

write_output(${PAGE} ${TOOL} --help-man)
write_output(${PAGE}.gz gzip -9nc ${PAGE})
write_output(${COMPLETION} ${TOOL} --bash-completion)
