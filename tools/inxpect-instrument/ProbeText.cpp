#include "ProbeText.h"

#include <cctype>
#include <cstdio>

namespace inxpect {

std::string sourceProbeId(unsigned id) { return std::to_string(id); }

std::string headerProbeId(const std::string &name) {
  std::string id = "inxpect_id_";
  for (char c : name)
    id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return id;
}

std::string headerIdEnum(const std::vector<std::pair<std::string, unsigned>> &ids) {
  std::string text = "enum {";
  for (size_t i = 0; i < ids.size(); ++i)
    text += (i ? ", " : " ") + ids[i].first + " = " + std::to_string(ids[i].second);
  return text + " };";
}

std::string openingProbe(const ProbeSite &site) {
  const char *macro = site.entry ? "INXPECT_ENTRY" : "INXPECT_FUNCTION";
  return std::string(macro) + "(" + site.id + ");";
}

std::string runStart() { return "INXPECT_RUN();"; }
std::string contextStart() { return "INXPECT_CONTEXT();"; }
std::string scopeOpen(const std::string &id) { return "{INXPECT_SCOPE(" + id + "); "; }
std::string rangeOpen(const std::string &id) { return "INXPECT_BEGIN(" + id + "); "; }
std::string rangeClose(const std::string &id) { return " INXPECT_END(" + id + ");"; }

std::string endsBeforeCall(const std::vector<std::string> &ids) {
  std::string text = "(";
  for (const std::string &id : ids)
    text += "INXPECT_END(" + id + "), ";
  return text;
}

std::string endsBeforeGoto(const std::vector<std::string> &ids) {
  std::string text = "{";
  for (const std::string &id : ids)
    text += "INXPECT_END(" + id + "); ";
  return text;
}

std::string returnValueDeclaration(const std::string &type, bool record) {
  // __typeof__ takes any type name, a pointer to function's included.
  return " __typeof__(" + type + ") inxpect_rv = " + zeroValue(record) + ";";
}
std::string zeroValue(bool record) { return record ? "{0}" : "0"; }
std::string divertedValueOpen() { return "({inxpect_rv = ("; }
std::string divertedValueClose(const std::string &id) {
  return "); goto inxpect_return_" + id + "; inxpect_rv;})";
}
std::string divertedBlockOpen() { return "{"; }
std::string divertedBlockClose(const std::string &id) {
  return " if (0) inxpect_return_" + id + ": return inxpect_rv;}";
}

std::vector<std::string> preamble(const HeaderSwitches &switches) {
  std::vector<std::string> directives;
  if (switches.clockOnly)
    directives.push_back("#define INXPECT_CLOCK_ONLY 1");
  if (switches.programTraceMacros)
    directives.push_back("#define INXPECT_NO_TRACE_MACROS 1");
  directives.push_back("#include \"inxpect.h\"");
  return directives;
}

std::string cStringLiteral(const std::string &text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string objectTail(const Manifest &manifest, bool codeEndsWithNewline) {
  char hash[32];
  std::snprintf(hash, sizeof hash, "0x%016llxULL",
                static_cast<unsigned long long>(manifestHash(manifest)));
  // Starts with an empty line: it also absorbs a backslash-newline that may
  // end the original file.
  std::string tail = codeEndsWithNewline ? "\n" : "\n\n";
  tail += "/* inxpect-instrument: this object's section table (generated) */\n";
  tail += "INXPECT_OBJECT(" + std::to_string(manifest.sections.size()) + ", " + hash + ",\n\t" +
          cStringLiteral(selfDescription(manifest)) + ");\n";
  return tail;
}

} // namespace inxpect
