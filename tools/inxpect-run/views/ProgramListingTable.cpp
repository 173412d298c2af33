// inxpect-run list as text: a block a program, its first line as bpftool
// prog show prints it (id, type, name, tag), then one line a fact.
#include "views/ProgramListing.h"

namespace inxpect {

namespace {

// Section names after "sections N: ", wrapped so no line passes 79 columns
// (a tab counted as 8).
std::string sectionNames(const std::vector<SectionRow> &sections) {
  std::string text = "sections " + std::to_string(sections.size()) + ":";
  std::size_t column = 8 + text.size();
  for (std::size_t i = 0; i < sections.size(); ++i) {
    std::string word = " " + sections[i].name + (i + 1 < sections.size() ? "," : "");
    if (column + word.size() > 79 && column > 8 + 12) {
      text += "\n\t ";
      column = 9;
    }
    text += word;
    column += word.size();
  }
  return text;
}

std::string onInterface(const XdpAttachment &a) {
  std::string text = a.interface.empty()
                         ? "ifindex " + std::to_string(a.ifindex) + " of another network namespace"
                         : a.interface + " (ifindex " + std::to_string(a.ifindex) + ")";
  if (a.mode)
    text += std::string(", ") + a.mode;
  return text + (a.linkId ? ", link " + std::to_string(a.linkId) : ", no link (netlink)");
}

void writeAttachments(std::ostream &out, const Attachments &a) {
  for (const XdpAttachment &x : a.xdp)
    out << "\txdp on " << onInterface(x) << "\n";
  if (const auto &e = a.extensionOf) {
    out << "\textension (freplace) of "
        << (isLibxdpDispatcher(e->targetName) ? "libxdp's dispatcher " : "program ")
        << e->targetName << " (id " << e->targetId << ")";
    for (const XdpAttachment &x : a.targetXdp)
      out << ", xdp on " << onInterface(x);
    out << "\n";
  }
  for (const TailCallSlot &t : a.tailCalls)
    out << "\ttail call: slot " << t.index << " of " << t.mapName << " (map id " << t.mapId
        << ")\n";
  if (a.xdp.empty() && !a.extensionOf && a.tailCalls.empty())
    out << "\tnot attached to an interface, a dispatcher or a tail-call map\n";
}

} // namespace

void writeProgramTable(std::ostream &out, const std::vector<ListedProgram> &programs) {
  for (const ListedProgram &p : programs) {
    out << p.id << ": " << p.type << "  name " << p.name << "  tag " << p.tag << "\n";
    if (!p.instrumented)
      out << "\tnot instrumented\n";
    else if (!p.problem.empty())
      out << "\tinstrumented, but unreadable: " << p.problem << "\n";
    else
      out << "\t" << sectionNames(p.sections) << "\n\tstats " << p.statsLayout << "  manifest "
          << hashText(*p.manifestHash) << "\n";
    writeAttachments(out, p.attached);
    if (p.session)
      out << "\tprofiled by inxpect-run"
          << (*p.session ? " (pid " + std::to_string(*p.session) + ")" : "") << "\n";
  }
}

} // namespace inxpect
