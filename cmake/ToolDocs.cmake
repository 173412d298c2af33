# The man pages and bash completions: each tool writes its own from the
# tables its --help comes from (--help-man, --bash-completion), whenever the
# tool is rebuilt, so they cannot drift from the options (docs/installing.md).
set(INXPECT_DOCS_DIR ${CMAKE_BINARY_DIR}/docs)

function(inxpect_tool_docs tool)
  set(page ${INXPECT_DOCS_DIR}/man1/${tool}.1)
  set(completion ${INXPECT_DOCS_DIR}/completions/${tool})
  add_custom_command(OUTPUT ${page} ${page}.gz ${completion}
    COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:${tool}> -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
            -DPAGE=${page} -DCOMPLETION=${completion} -P ${CMAKE_SOURCE_DIR}/cmake/WriteToolDocs.cmake
    DEPENDS ${tool} ${CMAKE_SOURCE_DIR}/cmake/WriteToolDocs.cmake
    COMMENT "Writing ${tool}(1) and its bash completion from its option tables")
  add_custom_target(${tool}-docs ALL DEPENDS ${page}.gz ${completion})
endfunction()

inxpect_tool_docs(inxpect-instrument)
inxpect_tool_docs(inxpect-run)
