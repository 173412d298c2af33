// replay, compare, run, attach and list: their own options, their arguments, their help.
#include "cli/CommandTable.h"

#include <cstdlib>
#include <limits>

#include "RunError.h"
#include "compare/Comparison.h"

namespace inxpect {

namespace {

// replay and run: one object file, given before or after the options.
void takeObject(ObjectOptions &o, const std::vector<std::string> &positional,
                const std::string &command, const std::string &synopsis) {
  if (positional.empty())
    throw UsageError(command + " needs an instrumented object: inxpect-run " + command + " " +
                     synopsis);
  if (positional.size() > 1)
    throw UsageError(command + " takes one object, got \"" + positional[0] + "\" and \"" +
                     positional[1] + "\"");
  o.object = positional[0];
}

const OptionSpec prog{"--prog", "NAME",
                      "the XDP program to profile; needed only when OBJ has several",
                      setterOf<ObjectOptions>([](ObjectOptions &o, const std::string &v) {
                        o.prog = v;
                      })};

const OptionSpec explainVerifier{
    "--explain-verifier", nullptr,
    "when the verifier refuses the program as too large, load it again with the verifier's "
    "full log and name the sections that cost it most (with --manifest M; else source lines) "
    "and the --functions that leave them out. Several times slower than a load",
    setterOf<ObjectOptions>([](ObjectOptions &o, const std::string &) {
      o.explainVerifier = true;
    })};

// replay

const OptionSpec pcap{"--pcap", "FILE", "packets from a pcap or pcapng capture (Ethernet)",
                      setterOf<ReplayOptions>([](ReplayOptions &o, const std::string &v) {
                        o.pcap = v;
                      })};

const OptionSpec synthetic{
    "--synthetic", "N",
    "N generated Ethernet frames, the same every time: many flows, IPv4/IPv6, TCP/UDP/ICMP, "
    "some ARP, 64-1500 bytes",
    setterOf<ReplayOptions>([](ReplayOptions &o, const std::string &v) {
      o.synthetic = positiveNumber("--synthetic", v, 100000000);
    })};

const OptionSpec repeat{"--repeat", "R", "passes over the packets (default 1)",
                        setterOf<ReplayOptions>([](ReplayOptions &o, const std::string &v) {
                          o.repeat = positiveNumber("--repeat", v, 1000000);
                        })};

const OptionGroup replayPackets{"Packets (one source)", {&pcap, &synthetic, &repeat}};
const OptionGroup replayProgram{"Program", {&prog, &common::manifest, &explainVerifier}};
const OptionGroup replayOutput{"Output", {&common::format, &common::raw, &common::output}};
// Accepted so that replay can say why it refuses them (cli/ReplayCommand.cpp).
const OptionGroup replayRefused{"For run and attach only (a replay reports once, at the end)",
                                {&common::sections, &common::sectionsFile, &common::interval,
                                 &common::duration, &common::perCpu, &common::prometheus},
                                true};

// replay and compare: exactly one packet source.
void checkPackets(const ReplayOptions &o, const char *command) {
  if (o.pcap && o.synthetic)
    throw UsageError("--pcap and --synthetic are alternatives: give one packet source");
  if (!o.pcap && !o.synthetic)
    throw UsageError(std::string(command) + " needs packets: --pcap FILE or --synthetic N" +
                     seeHelp(*findCommand(command)));
}

void checkReplay(Command &c, const std::vector<std::string> &positional) {
  takeObject(c.replay, positional, "replay", "OBJ (--pcap FILE | --synthetic N)");
  checkPackets(c.replay, "replay");
}

// compare

const OptionSpec rounds{
    "--rounds", "N",
    "rounds of each build (default 20, at least 2), interleaved A B B A A B B A ...; the "
    "interval comes from how the rounds spread, so more rounds narrow it",
    setterOf<CompareOptions>([](CompareOptions &o, const std::string &v) {
      o.rounds = positiveNumber("--rounds", v, 100000);
      if (o.rounds < 2)
        throw UsageError("--rounds must be at least 2: the interval comes from how the rounds "
                         "spread");
    })};

const OptionSpec threshold{
    "--threshold", "PCT",
    "how much costlier a section may get before it counts as slower, in percent of A's cost "
    "(default 5; 0: any change the interval is sure of)",
    setterOf<CompareOptions>([](CompareOptions &o, const std::string &v) {
      std::string digits = !v.empty() && v.back() == '%' ? v.substr(0, v.size() - 1) : v;
      char *end = nullptr;
      double pct = std::strtod(digits.c_str(), &end);
      if (digits.empty() || *end != '\0' || !(pct >= 0) || pct > 1000)
        throw UsageError("--threshold expects a percentage between 0 and 1000 (e.g. 5 or 2.5), "
                         "got \"" + v + "\"");
      o.threshold = pct / 100;
    })};

const OptionSpec compareFormat{
    "--format", "FMT",
    "table (default), json (one object: sections[] with name, a, b, change, ci, verdict) or "
    "markdown (for a pull request's comment)",
    setterOf<CompareOptions>([](CompareOptions &o, const std::string &v) {
      if (v == "table")
        o.view = CompareFormat::Table;
      else if (v == "json")
        o.view = CompareFormat::Json;
      else if (v == "markdown" || v == "md")
        o.view = CompareFormat::Markdown;
      else
        throw UsageError("--format expects table, json or markdown, got \"" + v + "\"");
    }),
    nullptr,
    {"table", "json", "markdown"}};

const OptionSpec deterministic{
    "--deterministic", nullptr,
    "run the comparison in a QEMU guest under -icount (one CPU, the clock advancing one tick "
    "an instruction), so each cost is the instructions executed (unit insns): the same on every "
    "run and every host, intervals of zero width where the counts agree; for CI, where timing "
    "noise would make the gate flaky. Needs qemu-system-x86_64 (scripts/install-deps.sh test) "
    "and fetches Debian's kernel image once (~/.cache/inxpect/vm-cache); measures the clock "
    "alone; a section whose every entry was timed costs the least of its rounds (an interrupt "
    "only adds instructions), the others their median",
    setterOf<CompareOptions>([](CompareOptions &o, const std::string &) {
      o.deterministic = true;
    })};

const OptionGroup comparePackets{"Packets (one source), the same for both builds",
                                 {&pcap, &synthetic, &repeat}};
const OptionGroup compareProgram{"Program and sections", {&prog, &common::sections}};
const OptionGroup compareRounds{"Rounds and verdict", {&rounds, &threshold, &deterministic}};
const OptionGroup compareOutput{"Output", {&compareFormat, &common::output}};

void checkCompare(Command &c, const std::vector<std::string> &positional) {
  CompareOptions &o = c.compare;
  const char synopsis[] = "inxpect-run compare A.o B.o (--pcap FILE | --synthetic N)";
  if (positional.size() < 2)
    throw UsageError(std::string("compare needs two instrumented objects, A (the base) and B "
                                 "(the change): ") + synopsis);
  if (positional.size() > 2)
    throw UsageError("compare takes two objects, got a third: \"" + positional[2] + "\"");
  o.object = positional[0];
  o.objectB = positional[1];
  checkPackets(o, "compare");
  if (o.events.size() > 1)
    throw UsageError("compare measures one event, --events names " +
                     std::to_string(o.events.size()) + ": give one (e.g. --events " +
                     o.events[0] + ")");
  // The guest has the clock alone: no PMU under TCG, no kernel module.
  if (o.deterministic && (!o.events.empty() || o.precise || o.sampleEvery != 1 ||
                          !o.sampleByEvent.empty()))
    throw UsageError("--deterministic measures the clock alone (in instructions): drop "
                     "--events, --sample and --precise");
}

// run

const OptionSpec dev{"--dev", "IFACE", "the interface to attach to (ip -br link lists them)",
                     setterOf<RunOptions>([](RunOptions &o, const std::string &v) {
                       o.device = v;
                     })};

const OptionSpec xdpMode{
    "--xdp-mode", "MODE",
    "native (default: in the driver, fastest) or generic (works on every interface, slower)",
    setterOf<RunOptions>([](RunOptions &o, const std::string &m) {
      if (m == "native" || m == "drv")
        o.xdpMode = XdpMode::Native;
      else if (m == "generic" || m == "skb")
        o.xdpMode = XdpMode::Generic;
      else
        throw UsageError("--xdp-mode expects native or generic, got \"" + m +
                         "\" (generic works on every interface, native needs driver support)");
    }),
    nullptr,
    {"native", "generic"}};

const OptionGroup runInterface{"Interface", {&dev, &xdpMode}};
const OptionGroup runProgram{
    "Program and sections",
    {&prog, &common::manifest, &explainVerifier, &common::sections, &common::sectionsFile}};

void checkRun(Command &c, const std::vector<std::string> &positional) {
  takeObject(c.run, positional, "run", "OBJ --dev IFACE");
  if (c.run.device.empty())
    throw UsageError("run needs an interface to attach to: --dev IFACE (ip -br link lists them)");
}

// attach

const OptionSpec progId{"--prog-id", "ID", "the program's id (bpftool prog list, ip link show)",
                        setterOf<AttachOptions>([](AttachOptions &o, const std::string &v) {
                          o.progId = positiveNumber("--prog-id", v,
                                                    std::numeric_limits<uint32_t>::max());
                        })};

const OptionSpec progName{
    "--prog-name", "NAME",
    "the loaded program's name (the first 15 characters of its function name); must name "
    "exactly one program",
    setterOf<AttachOptions>([](AttachOptions &o, const std::string &v) { o.progName = v; })};

const OptionSpec pinned{"--pinned", "PATH",
                        "a program pinned in bpffs, e.g. /sys/fs/bpf/xdp_prog",
                        setterOf<AttachOptions>([](AttachOptions &o, const std::string &v) {
                          o.pinned = v;
                        })};

const OptionGroup attachProgram{"Program (exactly one)", {&progId, &progName, &pinned}};
const OptionGroup attachSections{
    "Sections", {&common::manifest, &common::sections, &common::sectionsFile}};

void checkAttach(Command &c, const std::vector<std::string> &positional) {
  const AttachOptions &o = c.attach;
  const char ways[] = " --prog-id ID, --prog-name NAME or --pinned PATH";
  if (!positional.empty())
    throw UsageError("attach takes no object file, got \"" + positional[0] +
                     "\": name the loaded program with" + ways + " (bpftool prog list shows them)");
  int given = o.progId.has_value() + o.progName.has_value() + o.pinned.has_value();
  if (given != 1)
    throw UsageError(std::string(given ? "give only one of" : "attach needs a program:") + ways +
                     " (bpftool prog list shows loaded programs)");
}

// list

const OptionSpec listFormat{
    "--format", "FMT",
    "table (default: a block a program, as bpftool prog show prints them) or json (one "
    "array, an object a program)",
    [](CommonOptions &o, const std::string &v) {
      if (v == "table")
        o.format = OutputFormat::Table;
      else if (v == "json")
        o.format = OutputFormat::Json;
      else
        throw UsageError("list --format expects table or json, got \"" + v + "\"");
    },
    nullptr,
    {"table", "json"}};

const OptionSpec listAll{"--all", nullptr,
                         "list every loaded program, those not instrumented marked so",
                         setterOf<ListOptions>([](ListOptions &o, const std::string &) {
                           o.all = true;
                         })};

const OptionGroup listOutput{"Output", {&listFormat, &listAll}};

void checkList(Command &, const std::vector<std::string> &positional) {
  if (!positional.empty())
    throw UsageError("list takes no arguments, got \"" + positional[0] +
                     "\": it lists every instrumented program loaded on this host");
}

std::vector<CommandSpec> makeCommandTable() {
  return {
      {"replay", Command::Kind::Replay, "replay OBJ (--pcap FILE | --synthetic N) [options]",
       "run packets through the program with BPF_PROG_TEST_RUN: no NIC needed, works in CI "
       "and on a laptop (needs root)",
       "profile an instrumented XDP program on recorded or generated packets, without a "
       "network interface.",
       {"Loads OBJ (all its programs, so tail-call targets load too), runs every packet once "
        "per pass through the chosen XDP program with BPF_PROG_TEST_RUN, and prints for each "
        "section how often it ran and what it cost. Counters start from zero when profiling "
        "starts.",
        "Each section is entered once per run that reaches it; with --sample 1 the count of "
        "the entry function equals packets x passes.",
        "A replay leaves nothing on the host: maps the object pins by name stay private "
        "(nothing pinned, no earlier pin reused), and --output is written only once the "
        "report is whole."},
       {&replayPackets, &replayProgram, &common::eventsAndSampling, &replayOutput,
        &replayRefused},
       {"sudo inxpect-run replay xdp.o --pcap trace.pcap --repeat 3",
        "sudo inxpect-run replay xdp.o --synthetic 10000 --format json | jq .sections"},
       [](Command &c) -> CommonOptions & { return c.replay; }, checkReplay},
      {"compare", Command::Kind::Compare,
       "compare A.o B.o (--pcap FILE | --synthetic N) [options]",
       "replay the same packets through two builds and say, section by section, which got "
       "slower: a performance gate for CI (exit 3 when one did; needs root)",
       "A/B of two builds of a program: the same packets through both, section by section, "
       "with a verdict a CI job can gate on.",
       {"Loads A (the base) and B (the change), runs the packets once through each and "
        "compares, packet by packet, the verdicts and the bytes the program left: a "
        "difference in behaviour is reported first. Then runs --rounds rounds of each, "
        "interleaved A B B A A B B A ..., so a drift of the machine weighs on both alike, "
        "with the probes' cost calibrated before and after and taken out.",
        "Sections are matched by name (each object embeds its table); those in one build "
        "only are listed as removed (A only) or added (B only). For each section in both: "
        "A's and B's cost an entry (the median of the rounds), inclusive (with what ran "
        "inside it) and self (without the sections measured inside it), the relative change "
        "of B against A (-0.3: 30% cheaper) and its 95% confidence interval, from a "
        "percentile bootstrap of the rounds' medians. The verdict reads the inclusive cost: "
        "slower when the whole interval lies above +threshold, faster when below -threshold, "
        "else same; a cost, or a difference of costs, within the error of taking the probes' "
        "cost out (their calibration, and how their cost varies with where clang put them) "
        "decides nothing. --sections compares only the sections named (each must be in "
        "both builds).",
        "Exit status: 0 when no section is slower beyond the threshold, 3 when one is, 1 on "
        "errors, 2 on usage errors. A difference in behaviour is reported, and changes the "
        "exit status only through the costs. Nothing stays loaded, attached or locked "
        "afterwards."},
       {&comparePackets, &compareProgram, &compareRounds, &common::eventsAndSampling,
        &compareOutput},
       {"sudo inxpect-run compare cms-jenkins.o cms-djb2.o --synthetic 10000",
        "sudo inxpect-run compare main.o pr.o --pcap trace.pcap --threshold 2 --format markdown "
        "--output comment.md"},
       [](Command &c) -> CommonOptions & { return c.compare; }, checkCompare,
       {{kSlowerExitStatus, "a section in both builds is slower beyond --threshold, with "
                            "confidence"}}},
      {"run", Command::Kind::Run,
       "run OBJ --dev IFACE [--prog NAME] [--xdp-mode native|generic] [options]",
       "load the program, attach it to an interface and profile live traffic until Ctrl-C; "
       "nothing stays attached afterwards",
       "load an instrumented XDP program, attach it to an interface and profile the traffic "
       "that flows through it, live.",
       {"The program is attached through a bpf_link owned by this process: it is detached "
        "when inxpect-run exits, on Ctrl-C, SIGTERM, and even SIGKILL. Every --interval "
        "seconds the figures since the start are printed; at the end a final report. "
        "Counters start from zero when profiling starts. The session ends by itself when "
        "the interface is deleted. Maps the object pins by name are pinned, as its own "
        "loader would, and the runner says where."},
       {&runInterface, &runProgram, &common::eventsAndSampling, &common::liveOutput},
       {"sudo inxpect-run run xdp.o --dev eth0",
        "sudo inxpect-run run xdp.o --dev eth0 --duration 10 --format json --output prof.jsonl",
        "sudo inxpect-run run xdp.o --dev veth0 --xdp-mode generic --prometheus "
        "127.0.0.1:9435"},
       [](Command &c) -> CommonOptions & { return c.run; }, checkRun},
      {"attach", Command::Kind::Attach,
       "attach (--prog-id ID | --prog-name NAME | --pinned PATH) [options]",
       "profile a program someone else loaded (ip link, xdp-loader, a pin)",
       "profile an instrumented program that another loader loaded (ip link, xdp-loader, a "
       "pin), without reloading it.",
       {"The statistics map and the configuration are found among the program's maps; "
        "sections are named from the table the object embeds (or --manifest). Counting "
        "starts from zero when profiling starts. When the session ends, however it ends "
        "(SIGKILL too), the program's configuration is put back to the object's defaults "
        "(every section on, every run). One session a program: a second is refused, naming "
        "the first one's pid. The session ends by itself when the program is unloaded."},
       {&attachProgram, &attachSections, &common::eventsAndSampling, &common::liveOutput},
       {"sudo ip link set dev eth0 xdp obj xdp.o sec xdp",
        "sudo inxpect-run attach --prog-name xdp_parser --sample 16",
        "sudo inxpect-run attach --prog-id 42 --sections parse_ipv4,handle_tcp --format csv"},
       [](Command &c) -> CommonOptions & { return c.attach; }, checkAttach},
      {"list", Command::Kind::List, "list [--format table|json] [--all]",
       "the instrumented programs loaded on this host: sections, stats layout, where each "
       "is attached, whether a session profiles it",
       "list the instrumented programs loaded on this host, as bpftool prog show does.",
       {"For each program that carries inxpect's probes: its id, name and tag, the sections "
        "named by the table the object embeds, the layout of its statistics map and its "
        "manifest's hash; where it runs (XDP on an interface of this network namespace, with "
        "the mode and the bpf_link if one holds it; as an extension behind libxdp's "
        "dispatcher, and where that is attached; in a slot of a tail-call map); and the pid "
        "of the inxpect-run session profiling it, if one is. Programs without probes are "
        "left out unless --all. Reads only: nothing is configured or attached (needs root)."},
       {&listOutput},
       {"sudo inxpect-run list", "sudo inxpect-run list --all",
        "sudo inxpect-run list --format json | jq '.[] | select(.session) | .id'"},
       [](Command &c) -> CommonOptions & { return c.list; }, checkList},
  };
}

} // namespace

const std::vector<CommandSpec> &commandTable() {
  static const std::vector<CommandSpec> table = makeCommandTable();
  return table;
}

const CommandSpec *findCommand(const std::string &name) {
  for (const CommandSpec &command : commandTable())
    if (name == command.name)
      return &command;
  return nullptr;
}

std::string seeHelp(const CommandSpec &command) {
  return std::string(" (see inxpect-run ") + command.name + " --help)";
}

} // namespace inxpect
