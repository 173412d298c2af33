// The verifier's full log of one program (log level 2: every instruction it
// walks, with its source line), for VerifierCost. Slow: the kernel formats
// every state it visits.
#pragma once

#include <string>

namespace inxpect {

// Opens `path` again and loads only the program `progName` with log level 2
// into a buffer of up to 1 GiB (address space only; the kernel writes what
// the log holds, and keeps its end if it is longer). Returns the log, ""
// when the object cannot be opened.
std::string fullVerifierLog(const std::string &path, const std::string &progName);

// The program libbpf named as failing in its messages ("prog 'NAME': BPF
// program load failed"), or "" when it named none.
std::string failedProgram(const std::string &libbpfMessages);

} // namespace inxpect
