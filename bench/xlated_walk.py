"""Executes the xlated instructions of a loaded BPF program on a model of its
maps and counts the instructions one run executes.

Why an interpreter: a probe's cost on the path not sampled is a count of
executed instructions, which neither the xlated size nor the verifier's
statistics give, and a shortest-path walk over the control flow would take
branches no run can take (a NULL run state, a failed bounds check). Here the
branches are decided by the values the program really computes: the maps'
memory starts as the kernel holds it after load (global data as libbpf wrote
it), so the probes' sampling countdown decides exactly as in the kernel.

Supported: what instrumented programs without packet access use (ALU,
loads and stores to the stack and map memory, the verifier's inlined map
lookups and per-CPU moves, the clock, prandom and map lookup helpers,
bpf-to-bpf calls). Anything else raises Unsupported rather than guessing.
"""
import json
import re
import subprocess

MASK = (1 << 64) - 1


class Unsupported(Exception):
    pass


class Ptr:
    """An address: a memory region and an offset in it."""

    def __init__(self, region, off=0):
        self.region, self.off = region, off

    def __add__(self, n):
        return Ptr(self.region, self.off + n)

    def __repr__(self):
        return f"Ptr({self.region}, {self.off})"


class Memory:
    """Sparse bytes per region, plus spilled pointers (8-byte stores of a Ptr)."""

    def __init__(self):
        self.bytes = {}
        self.ptrs = {}
        self.percpu_maps = set()  # map ids whose elements are per-CPU pointers

    def init(self, region, data):
        for i, b in enumerate(data):
            self.bytes[(region, i)] = b

    def load(self, ptr, size):
        if not isinstance(ptr, Ptr):
            raise Unsupported(f"load through a non-pointer {ptr!r}")
        spilled = self.ptrs.get((ptr.region, ptr.off))
        if spilled is not None and size == 8:
            return spilled
        if ptr.region[0] == "map" and ptr.region[1] in self.percpu_maps and size == 8:
            # struct bpf_array's pptrs[]: a per-CPU element address.
            return Ptr(("percpu-elem", ptr.region[1], ptr.off))
        if ptr.region[0] == "cpu-var":
            return 0  # bpf_get_smp_processor_id inlined: this is CPU 0
        return int.from_bytes(bytes(self.bytes.get((ptr.region, ptr.off + i), 0)
                                    for i in range(size)), "little")

    def store(self, ptr, size, value):
        if not isinstance(ptr, Ptr):
            raise Unsupported(f"store through a non-pointer {ptr!r}")
        for i in range(size):
            self.ptrs.pop((ptr.region, ptr.off + i), None)
        if isinstance(value, Ptr):
            if size != 8:
                raise Unsupported("partial store of a pointer")
            self.ptrs[(ptr.region, ptr.off)] = value
            return
        for i, b in enumerate((value & MASK).to_bytes(8, "little")[:size]):
            self.bytes[(ptr.region, ptr.off + i)] = b


def _le(byte_strings, signed):
    return int.from_bytes(bytes(int(b, 16) for b in byte_strings), "little", signed=signed)


def decode(with_opcodes, with_lines):
    """bpftool's `-j prog dump xlated` with `opcodes` and with `linum` (it
    takes one of them at a time) -> instructions by slot, each with the
    source line it was compiled from (file, line, text)."""
    insns, slot, source = {}, 0, None
    for entry, lines in zip(with_opcodes, with_lines):
        if "src" in lines:
            source = (lines.get("file", "?").rsplit("/", 1)[-1], lines.get("line_num", 0), lines["src"])
        op = entry["opcodes"]
        imm_bytes = op["imm"]
        insn = {
            "code": int(op["code"], 16),
            "src": int(op["src_reg"], 16),
            "dst": int(op["dst_reg"], 16),
            "off": _le(op["off"], True),
            "imm": _le(imm_bytes[:4], True),
            "text": entry["disasm"],
            "source": source,
            "slots": 1,
        }
        if insn["code"] == 0x18:  # ld_imm64: the second half's imm in the last 4 bytes
            insn["imm_hi"] = _le(imm_bytes[8:12], False)
            insn["slots"] = 2
        insns[slot] = insn
        slot += insn["slots"]
    return insns


def _signed(v, bits=64):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


class Machine:
    """One program's instructions and maps; run() executes one run."""

    def __init__(self, insns, memory, maps):
        self.insns, self.mem, self.maps = insns, memory, maps
        self.clock = 1_000_000

    def helper(self, name, r):
        if name == "bpf_ktime_get_ns":
            self.clock += 100
            return self.clock
        if name in ("bpf_get_prandom_u32", "bpf_user_rnd_u32"):  # the kernel's name for it
            return 0x2545F491
        if name == "bpf_get_smp_processor_id":
            return 0
        if name == "bpf_map_lookup_elem":
            m, key = r[1], r[2]
            if not (isinstance(m, Ptr) and m.region[0] == "map"):
                raise Unsupported("map lookup on a non-map")
            index = self.mem.load(key, 4)
            if index >= self.maps[m.region[1]]["max_entries"]:
                return 0
            return Ptr(("elem", m.region[1], index))
        raise Unsupported(f"helper {name}")

    def alu(self, op, a, b, bits):
        if isinstance(a, Ptr) or isinstance(b, Ptr):
            if op == 0x00 and isinstance(a, Ptr) and not isinstance(b, Ptr):
                return a + _signed(b)
            if op == 0x00 and isinstance(b, Ptr) and not isinstance(a, Ptr):
                return b + _signed(a)
            if op == 0x10 and isinstance(a, Ptr) and not isinstance(b, Ptr):
                return a + -_signed(b)
            if op == 0x10 and isinstance(a, Ptr) and isinstance(b, Ptr) and a.region == b.region:
                return (a.off - b.off) & MASK
            raise Unsupported(f"pointer arithmetic {op:#x}")
        m = (1 << bits) - 1
        a, b = a & m, b & m
        if op == 0x00: v = a + b
        elif op == 0x10: v = a - b
        elif op == 0x20: v = a * b
        elif op == 0x30: v = a // b if b else 0
        elif op == 0x40: v = a | b
        elif op == 0x50: v = a & b
        elif op == 0x60: v = a << (b & (bits - 1))
        elif op == 0x70: v = a >> (b & (bits - 1))
        elif op == 0x80: v = -a
        elif op == 0x90: v = a % b if b else a
        elif op == 0xa0: v = a ^ b
        elif op == 0xc0: v = _signed(a, bits) >> (b & (bits - 1))
        else: raise Unsupported(f"alu op {op:#x}")
        return v & m

    def cond(self, op, a, b, bits):
        if isinstance(a, Ptr) or isinstance(b, Ptr):
            # A map value pointer is never NULL; only (in)equality with 0 is asked.
            if op in (0x10, 0x50) and (b == 0 or a == 0):
                return op == 0x50
            raise Unsupported(f"pointer comparison {op:#x}")
        m = (1 << bits) - 1
        a, b = a & m, b & m
        sa, sb = _signed(a, bits), _signed(b, bits)
        return {0x10: a == b, 0x20: a > b, 0x30: a >= b, 0x40: bool(a & b), 0x50: a != b,
                0x60: sa > sb, 0x70: sa >= sb, 0xa0: a < b, 0xb0: a <= b, 0xc0: sa < sb,
                0xd0: sa <= sb}[op]

    def run(self, ctx, trace=None):
        """Executes one run from slot 0; returns (slots executed, return value).
        Appends each executed slot number to `trace` when given."""
        r = [None] * 11
        r[1], r[10] = ctx, Ptr(("stack", 0), 0)
        frames, depth, pc, executed = [], 0, 0, 0
        while True:
            insn = self.insns.get(pc)
            if insn is None:
                raise Unsupported(f"no instruction at slot {pc}")
            executed += insn["slots"]
            if trace is not None:
                trace.append(pc)
            if executed > 1_000_000:
                raise Unsupported("run does not end")
            code, dst, src, off, imm = insn["code"], insn["dst"], insn["src"], insn["off"], insn["imm"]
            cls, nxt = code & 0x07, pc + insn["slots"]
            if code == 0x18:
                if src == 0:
                    r[dst] = (imm & 0xFFFFFFFF) | (insn["imm_hi"] << 32)
                elif src == 1:
                    r[dst] = Ptr(("map", imm))
                elif src == 2:
                    r[dst] = Ptr(("value", imm), insn["imm_hi"])
                else:
                    raise Unsupported(insn["text"])
            elif cls in (0x04, 0x07):  # ALU, ALU64
                bits = 64 if cls == 0x07 else 32
                op = code & 0xF0
                b = r[src] if code & 0x08 else imm
                if op == 0xB0:  # mov
                    if code == 0xBF and off == -1:  # per-CPU address -> this CPU's
                        a = r[src]
                        r[dst] = a if isinstance(a, Ptr) else Ptr(("cpu-var", a))
                    elif isinstance(b, Ptr):
                        r[dst] = b
                    else:
                        r[dst] = b & ((1 << bits) - 1) if bits == 32 else b & MASK
                elif op == 0xD0:
                    raise Unsupported("byte swap")  # only packet code swaps
                else:
                    r[dst] = self.alu(op, r[dst], b, bits)
            elif cls == 0x01:  # LDX
                if code & 0xE0 != 0x60:
                    raise Unsupported(insn["text"])
                size = {0x00: 4, 0x08: 2, 0x10: 1, 0x18: 8}[code & 0x18]
                r[dst] = self.mem.load(r[src] + off, size)
            elif cls in (0x02, 0x03):  # ST, STX
                if code & 0xE0 != 0x60:
                    raise Unsupported(insn["text"])  # atomics: not in these programs
                size = {0x00: 4, 0x08: 2, 0x10: 1, 0x18: 8}[code & 0x18]
                self.mem.store(r[dst] + off, size, r[src] if cls == 0x03 else imm)
            elif cls in (0x05, 0x06):  # JMP, JMP32
                op = code & 0xF0
                if op == 0x00:
                    nxt = pc + 1 + (imm if cls == 0x06 else off)
                elif op == 0x80:
                    if src == 1:  # bpf-to-bpf call
                        frames.append((nxt, r[6:10]))
                        depth += 1
                        r[10] = Ptr(("stack", depth), 0)
                        # A JITed program's xlated imm is the callee's JIT
                        # slot; bpftool's text keeps the relative target.
                        target = re.search(r"call pc([+-]\d+)", insn["text"])
                        nxt = pc + 1 + (int(target.group(1)) if target else imm)
                    else:
                        name = re.search(r"call (\w+)", insn["text"])
                        r[0] = self.helper(name.group(1) if name else "?", r)
                        r[1:6] = [None] * 5
                elif op == 0x90:
                    if not frames:
                        return executed, r[0]
                    nxt, r[6:10] = frames.pop()
                    depth -= 1
                    r[10] = Ptr(("stack", depth), 0)
                else:
                    b = r[src] if code & 0x08 else imm
                    if self.cond(op, r[dst], b, 64 if cls == 0x05 else 32):
                        nxt = pc + 1 + off
            else:
                raise Unsupported(insn["text"])
            pc = nxt


def bpftool(*args):
    return json.loads(subprocess.run(["bpftool", "-j", *args], check=True,
                                     capture_output=True, text=True).stdout)


def datasec_field(btf_id, section, var, member):
    """Offset of var.member inside the loaded map of `section`, from its BTF."""
    types = {t["id"]: t for t in bpftool("btf", "dump", "id", str(btf_id))["types"]}
    for t in types.values():
        if t["kind"] == "DATASEC" and t["name"] == section:
            for v in t["vars"]:
                vt = types[v["type_id"]]
                if vt["name"] == var:
                    for m in types[vt["type_id"]]["members"]:
                        if m["name"] == member:
                            return v["offset"] + m["bits_offset"] // 8
    raise Unsupported(f"{section}: no {var}.{member} in BTF {btf_id}")


def load_machine(pin):
    """The pinned program's instructions and its maps' memory as loaded."""
    prog = bpftool("prog", "show", "pinned", pin)
    insns = decode(bpftool("prog", "dump", "xlated", "pinned", pin, "opcodes"),
                   bpftool("prog", "dump", "xlated", "pinned", pin, "linum"))
    mem, maps = Memory(), {}
    for map_id in prog.get("map_ids", []):
        info = bpftool("map", "show", "id", str(map_id))
        maps[map_id] = info
        if info["type"] == "percpu_array":
            mem.percpu_maps.add(map_id)
        elif info["type"] == "array" and info["max_entries"] == 1:
            # Global data: the value as libbpf wrote it before the program ran.
            value = bpftool("map", "dump", "id", str(map_id))[0]["value"]
            mem.init(("value", map_id), [int(b, 16) for b in value])
    return Machine(insns, mem, maps), prog, maps


def set_sample_every(machine, prog, maps, every):
    """inxpect_config.sample_every[0] = every, in the model's .data.inxpect."""
    for map_id, info in maps.items():
        if info["name"] == ".data.inxpect":
            off = datasec_field(prog["btf_id"], ".data.inxpect", "inxpect_config", "sample_every")
            machine.mem.store(Ptr(("value", map_id), off), 4, every)
            return
    raise Unsupported("no .data.inxpect map: not an instrumented program")
