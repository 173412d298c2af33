# cmake -DINPUT=F -DOUTPUT=F.cpp -DSYMBOL=NAME -P EmbedBytes.cmake
# Writes a C++ source that holds file F as `const unsigned char NAME[]` and
# `const std::size_t NAME_size`, in namespace inxpect: a BPF object built
# with the tools, carried inside them instead of looked for on disk.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by cmake/EmbedBytes.cmake: do not edit.\n"
  "#include <cstddef>\n\nnamespace inxpect {\n\nextern const unsigned char ${SYMBOL}[];\n"
  "extern const std::size_t ${SYMBOL}_size;\n"
  "const unsigned char ${SYMBOL}[] = {\n  ${bytes}\n};\n"
  "const std::size_t ${SYMBOL}_size = sizeof ${SYMBOL};\n\n} // namespace inxpect\n")
