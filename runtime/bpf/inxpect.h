/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * inxpect runtime: the probes inxpect-instrument puts into a BPF program.
 *
 * Self-contained on purpose: it includes nothing and uses only builtin types,
 * so the rewriter can include it on any free line of a program built on
 * vmlinux.h or on the uapi headers, before or after them, without shifting a
 * single original line.
 *
 * Contents. The contract comes first, so a reader learns what to write and
 * what to rely on without reading the probes (docs/design.md says why each
 * choice was made):
 *  1. What a user writes: START_TRACE(name) ... END_TRACE(name) around code,
 *     and the build options -DINXPECT_STATS_LAYOUT=, -DINXPECT_RUN_STATE_INLINE,
 *     -DINXPECT_MAX_EVENTS=, -DINXPECT_MAX_CPUS=, -DINXPECT_NO_PARENT_STATS.
 *  2. What inxpect-run reads and writes, found by name through the object's
 *     BTF: in .data.inxpect, inxpect_config (enabled, counter[],
 *     probe_own[], probe_nested[], sample_every[]), inxpect_section_off[],
 *     inxpect_self[] (the embedded section table, JSON) and
 *     inxpect_manifest_hash; the maps inxpect_stats (struct inxpect_slot per
 *     (CPU, section): count, total, nested, self, children and a histogram
 *     by event; then, for the first event, struct inxpect_parent_stats by
 *     the section it was entered directly inside) and inxpect_runs (struct
 *     inxpect_run, its `runs`, then the probes' word a section).
 *  3. What inxpect-instrument writes: INXPECT_ENTRY, INXPECT_RUN,
 *     INXPECT_FUNCTION, INXPECT_CONTEXT at a function's opening brace,
 *     INXPECT_SCOPE, INXPECT_BEGIN / INXPECT_END around statements, the id
 *     in START_TRACE(name, id), and INXPECT_OBJECT after the last line.
 *  4. The machinery those expand to, after "Machinery" below: helper ids, the
 *     counter read (bpf_inxpect_read() from the inxpect kernel module when it
 *     is loaded, else the kernel's bpf_get_cpu_time_counter() where it has
 *     it, else bpf_ktime_get_ns(); decided at load time, no rebuild),
 *     the run state and the probes. Its names are the probes' own and may
 *     change, but for the two runtime/kmod shares: bpf_inxpect_read and enum
 *     inxpect_kfunc_abi. It stays in this file, not a second header, so the
 *     include stays one file that depends on nothing and the probes' line
 *     info names inxpect.h, which bench/probe_insns counts by.
 */
#ifndef INXPECT_H
#define INXPECT_H

/* ---- 1. What a user writes ------------------------------------------------ */

/*
 * Hand-placed sections, the original tool's workflow: START_TRACE(name) and
 * END_TRACE(name) in the source. inxpect-instrument gives each START_TRACE
 * its id (START_TRACE(name, id)); a source that still uses the one-argument
 * form was not run through it, which the static assertion says.
 */
#define INXPECT_PICK3_(a, b, c, ...) c
#ifdef INXPECT_NO_TRACE_MACROS /* the rewriter's: the program has its own */
#elif defined(INXPECT_INSTRUMENTING) /* the rewriter parsing the original */
#define START_TRACE(...) ((void)0)
#define END_TRACE(name) ((void)0)
#else
#define START_TRACE(...)                                                          \
	INXPECT_PICK3_(__VA_ARGS__, INXPECT_START_TRACE_, INXPECT_START_TRACE_NO_ID_)(__VA_ARGS__)
#define INXPECT_START_TRACE_NO_ID_(name)                                          \
	_Static_assert(0, "START_TRACE(" #name ") needs an id: build the output of "  \
			  "inxpect-instrument, not this source")
/* The leading `;` is an empty statement: START_TRACE may follow a case
 * label, where C before C23 wants a statement, not this declaration. */
#define INXPECT_START_TRACE_(name, id)                                            \
	;                                                                         \
	struct inxpect_probe INXPECT_CONCAT(inxpect_manual_, name)                \
		__attribute__((cleanup(inxpect_section_end), unused)) =           \
			inxpect_section_begin(inxpect_function_run_state(), id)
#define END_TRACE(name) inxpect_section_close(&INXPECT_CONCAT(inxpect_manual_, name))
#endif

/* Events measured at once; a slot holds a count, a total and a nested count
 * for each. */
#ifndef INXPECT_MAX_EVENTS
#define INXPECT_MAX_EVENTS 4
#endif
_Static_assert((INXPECT_MAX_EVENTS & (INXPECT_MAX_EVENTS - 1)) == 0,
	       "INXPECT_MAX_EVENTS must be a power of two: probes mask event indices with it");
/* CPU blocks in the stats map of an object loaded by another loader;
 * inxpect-run resizes the map to the machine's possible CPUs. */
#ifndef INXPECT_MAX_CPUS
#define INXPECT_MAX_CPUS 256
#endif
/* A slot keeps its section's timed entries by the section they were entered
 * directly inside (for folded stacks): 24 bytes a section of the program
 * and a slot. -DINXPECT_NO_PARENT_STATS keeps none, for a program of many
 * sections; inxpect-run --format folded then refuses it. */
#ifdef INXPECT_NO_PARENT_STATS
#define INXPECT_PARENTS(nsections) 0
#else
#define INXPECT_PARENTS(nsections) ((nsections) + 1) /* [0]: none around it */
#endif

/*
 * Stats layout, chosen at build time (-DINXPECT_STATS_LAYOUT=...); inxpect-run
 * recognises each by the map's type and size. docs/design.md compares them.
 *  CPU_SLOTS  (default) one slot per (CPU, section) in one mmapable array:
 *             plain adds, no shared cache line, read through mmap.
 *  GLOBAL     the original tool's: one slot per section shared by all CPUs,
 *             updated with atomic adds; mmapable.
 *  PERCPU_MAP a BPF_MAP_TYPE_PERCPU_ARRAY keyed by section: plain adds, read
 *             with one lookup system call a section.
 */
#define INXPECT_STATS_CPU_SLOTS 0
#define INXPECT_STATS_GLOBAL 1
#define INXPECT_STATS_PERCPU_MAP 2
#ifndef INXPECT_STATS_LAYOUT
#define INXPECT_STATS_LAYOUT INXPECT_STATS_CPU_SLOTS
#endif

/*
 * -DINXPECT_RUN_STATE_INLINE: functions other than the entry share one
 * run-state lookup, a subprogram (see inxpect_run_state below). Where the
 * kernel cannot mix subprograms with tail calls ("mixing of tail_calls and
 * bpf-to-bpf calls is not supported": the interpreter, JITs other than x86-64
 * before 5.10 and arm64 before 6.0), this option looks the state up inline
 * in each function instead.
 */

/* ---- 2. What inxpect-run reads and writes --------------------------------- */

#define INXPECT_ABI_VERSION 1

typedef unsigned long long inxpect_u64;
typedef unsigned int inxpect_u32;

/*
 * inxpect_stats, the map a section's figures are added to; its type, flags
 * and key per layout. Defined by INXPECT_OBJECT, which knows the number of
 * sections: CPU_SLOTS keys it cpu * inxpect_nsections + section id.
 */
#if INXPECT_STATS_LAYOUT == INXPECT_STATS_CPU_SLOTS
#define INXPECT_STATS_MAP_TYPE 2 /* BPF_MAP_TYPE_ARRAY */
#define INXPECT_STATS_MAP_FLAGS 1024 /* BPF_F_MMAPABLE */
#define INXPECT_STATS_MAP_ENTRIES(nsections) ((nsections) * INXPECT_MAX_CPUS)
#define INXPECT_STATS_KEY(id) (inxpect_get_smp_processor_id() * inxpect_nsections + (id))
#elif INXPECT_STATS_LAYOUT == INXPECT_STATS_GLOBAL
#define INXPECT_STATS_MAP_TYPE 2 /* BPF_MAP_TYPE_ARRAY */
#define INXPECT_STATS_MAP_FLAGS 1024 /* BPF_F_MMAPABLE */
#define INXPECT_STATS_MAP_ENTRIES(nsections) (nsections)
#define INXPECT_STATS_KEY(id) ((void)inxpect_nsections, (id)) /* one slot a section */
#elif INXPECT_STATS_LAYOUT == INXPECT_STATS_PERCPU_MAP
#define INXPECT_STATS_MAP_TYPE 6 /* BPF_MAP_TYPE_PERCPU_ARRAY */
#define INXPECT_STATS_MAP_FLAGS 0
#define INXPECT_STATS_MAP_ENTRIES(nsections) (nsections)
#define INXPECT_STATS_KEY(id) ((void)inxpect_nsections, (id)) /* one slot a section */
#else
#error "INXPECT_STATS_LAYOUT: use INXPECT_STATS_CPU_SLOTS, INXPECT_STATS_GLOBAL or INXPECT_STATS_PERCPU_MAP"
#endif

/*
 * A section's distribution, by event: each measured entry's reading, the
 * probes' cost taken out (inxpect_config.probe_own and probe_nested), is
 * counted in one of INXPECT_HIST_BUCKETS log-linear buckets
 * (inxpect_hist_bucket): values 0-15 one a bucket, then 8 buckets a power
 * of two, each at most 12.5% of its lowest value wide, up to 2^31 - 1 in
 * bucket 231; below 0 counts in the first bucket, above in that last one.
 */
#define INXPECT_HIST_BUCKETS 256

struct inxpect_event_stats {
	inxpect_u64 count; /* section entries measured for this event */
	inxpect_u64 total; /* sum of END - START readings */
};

struct inxpect_slot {
	struct inxpect_event_stats event[INXPECT_MAX_EVENTS];
	/* By event: the sections entered inside this one's measured entries,
	 * at any depth of the run (not only the lexically nested), each of
	 * which took the probes' untimed path: what those probes added to
	 * `total`, for inxpect-run to take out again. */
	inxpect_u64 nested[INXPECT_MAX_EVENTS];
	/* By event, for the runs that measured the depth just below this
	 * section's (its direct children): its entries in those runs, its
	 * children measured in them, their readings and their own nested. */
	inxpect_u64 passes[INXPECT_MAX_EVENTS];
	inxpect_u64 children[INXPECT_MAX_EVENTS];
	inxpect_u64 children_total[INXPECT_MAX_EVENTS];
	inxpect_u64 children_nested[INXPECT_MAX_EVENTS];
	inxpect_u64 hist[INXPECT_MAX_EVENTS][INXPECT_HIST_BUCKETS];
} __attribute__((aligned(64))); /* a slot never shares a cache line */

/* A section's timed entries for the first event made directly inside one
 * section (its run-time parent): INXPECT_OBJECT puts one a parent after
 * struct inxpect_slot, [0] for none around it, [1 + id] inside section
 * id. What folded stacks split a section's cost among its parents by. */
struct inxpect_parent_stats {
	inxpect_u64 count;
	inxpect_u64 total;
	inxpect_u64 nested;
};

/* Written by user space through the mmaped .data.inxpect map. */
struct inxpect_config {
	inxpect_u32 enabled;                          /* 0: probes do nothing */
	inxpect_u32 counter[INXPECT_MAX_EVENTS];      /* bpf_inxpect_read() argument */
	/* What the probes add to a reading, in 1/256 of the event's unit, as
	 * calibrated: its own, and each section measured inside it. Taken out
	 * before a reading is binned; 0: binned as read. */
	inxpect_u32 probe_own[INXPECT_MAX_EVENTS];
	inxpect_u32 probe_nested[INXPECT_MAX_EVENTS];
	inxpect_u32 sample_every[INXPECT_MAX_EVENTS]; /* N: every Nth run; 0: off, and so
							 * are all the slots after it */
};

/* Defaults for an object loaded by another loader: on, every run sampled,
 * event 0 on the default counter (0: the clock, or the module's first). */
struct inxpect_config inxpect_config __attribute__((section(".data.inxpect"))) = {
	.enabled = 1,
	.sample_every = { 1 },
};

/* Per-CPU state of the current run of an entry program; inxpect-run reads
 * `runs`, the rest is the probes' own. A sampled run measures one depth of
 * the sections it enters (its stratum): those above it only pass through,
 * those below take the untimed path, which costs a timed section little
 * and always the same (docs/design.md, "Strata"). */
struct inxpect_run {
	inxpect_u64 runs;                           /* entry-program runs on this CPU */
	inxpect_u32 event;                          /* 1 + the event this run samples; 0: none;
						     * | INXPECT_UNTIMED while a section is timed */
	inxpect_u32 countdown[INXPECT_MAX_EVENTS];  /* runs left until an event is due */
	inxpect_u32 active;                         /* 1 until the run's last entry program
						     * returns: a tail call goes on with it */
	inxpect_u32 entered;                        /* untimed entries on this CPU, mod 2^32:
						     * END - START is what a timed section holds */
	inxpect_u32 depth;                          /* sections passed through, open now */
	inxpect_u32 stratum;                        /* the depth this run times; or
						     * INXPECT_STRATUM_UNCHOSEN */
	inxpect_u32 deepest;                        /* the deepest stratum seen on this CPU */
	inxpect_u32 random;                         /* chooses the strata */
	inxpect_u32 children;                       /* of the section passed through just
						     * above the stratum: its timed children, */
	inxpect_u32 children_nested;                /* their nested entries */
	inxpect_u32 parent;                         /* and 1 + its id; 0: none (stratum 0) */
	inxpect_u64 children_total;                 /* and the sum of their readings */
};

/* What the run state keeps of a section, one a section after struct
 * inxpect_run (INXPECT_OBJECT sizes it). */
struct inxpect_open {
	inxpect_u64 start;   /* its timed START's reading + 1; INXPECT_PASSING:
			      * passed through; 0: neither (END calls nothing) */
	inxpect_u64 untimed; /* entries not timed (passed through or untimed)
			      * on this CPU, for inxpect-run's exact counts */
	inxpect_u32 entered; /* inxpect_run.entered at its timed START */
};
#define INXPECT_UNTIMED 0x80000000u
#define INXPECT_STRATUM_UNCHOSEN 0xffffffffu
#define INXPECT_PASSING (~0ULL)

/* Its value is a struct inxpect_run followed by a struct inxpect_open a
 * section: sized by the rewriter (INXPECT_OBJECT). */
struct inxpect_runs_map;
extern struct inxpect_runs_map inxpect_runs;

/* Sized by the rewriter at the end of the instrumented file (INXPECT_OBJECT). */
struct inxpect_stats_map;
extern struct inxpect_stats_map inxpect_stats;
static const inxpect_u32 inxpect_nsections;
extern unsigned char inxpect_section_off[];

/* ---- 3. What inxpect-instrument writes ------------------------------------ */

/*
 * Scope-shaped sections: the probe is a variable whose cleanup ends the
 * section, so every way out of the scope (return after its value is
 * computed, falling off the end, goto, break) ends it exactly once.
 */
/* First statement of an entry program (a SEC() function): starts a run. */
#define INXPECT_ENTRY(id)                                                         \
	INXPECT_RUN_STATE_OF_ENTRY_;                                              \
	INXPECT_SCOPED_PROBE_(inxpect_run, id)
/* First statement of an entry program that is not a section itself: runs
 * must still start there, or no section of the program would be sampled. */
#define INXPECT_RUN() INXPECT_RUN_STATE_OF_ENTRY_
/* First statement of any other instrumented function. */
#define INXPECT_FUNCTION(id)                                                      \
	struct inxpect_run *inxpect_run = inxpect_function_run_state();           \
	INXPECT_SCOPED_PROBE_(inxpect_run, id)
/* First statement of a function that only holds other sections (loops,
 * regions): looks the run state up once for all of them. */
#define INXPECT_CONTEXT()                                                         \
	struct inxpect_run *inxpect_run __attribute__((unused)) = inxpect_function_run_state()

/* A loop or a statement made a section: the rewriter wraps it as
 * { INXPECT_SCOPE(id); statement }, so leaving the braces ends it. */
#define INXPECT_SCOPE(id) INXPECT_SCOPED_PROBE_(inxpect_run, id)
/* inxpect:begin ... inxpect:end: no braces, so declarations made inside stay
 * visible after it. BEGIN opens like a scope (an early exit from the block
 * still ends it); END ends it where the range ends. END is an expression, so
 * it can also go in front of a bpf_tail_call. */
#define INXPECT_BEGIN(id) INXPECT_SCOPED_PROBE_(inxpect_run, id)
#define INXPECT_END(id) inxpect_section_close(&INXPECT_CONCAT(inxpect_probe_, id))

/*
 * The per-object part, appended by the rewriter after the last original line:
 * the stats map sized for this object's sections, the per-section switch and
 * the embedded section table (JSON, the manifest's sections without source
 * ranges) with the manifest's hash, so a runner attached to a program it did
 * not load can name its sections.
 */
#define INXPECT_OBJECT(nsections, manifest_hash, self_json)                      \
	static const inxpect_u32 inxpect_nsections = (nsections);                 \
	struct inxpect_run_of_object {                                            \
		struct inxpect_run run;                                           \
		struct inxpect_open open[(nsections)];                            \
	};                                                                        \
	struct inxpect_runs_map {                                                 \
		int (*type)[6 /* BPF_MAP_TYPE_PERCPU_ARRAY */];                   \
		int (*max_entries)[1];                                            \
		inxpect_u32 *key;                                                 \
		struct inxpect_run_of_object *value;                              \
	} inxpect_runs __attribute__((section(".maps"), used));                   \
	struct inxpect_run_of_object inxpect_no_run_object __attribute__((used)); \
	struct inxpect_slot_of_object {                                           \
		struct inxpect_slot slot;                                         \
		struct inxpect_parent_stats by_parent[INXPECT_PARENTS(nsections)]; \
	};                                                                        \
	struct inxpect_stats_map {                                                \
		int (*type)[INXPECT_STATS_MAP_TYPE];                              \
		int (*map_flags)[INXPECT_STATS_MAP_FLAGS];                        \
		int (*max_entries)[INXPECT_STATS_MAP_ENTRIES(nsections)];         \
		inxpect_u32 *key;                                                 \
		struct inxpect_slot_of_object *value;                             \
	} inxpect_stats __attribute__((section(".maps"), used));                  \
	unsigned char inxpect_section_off[(nsections)]                            \
		__attribute__((section(".data.inxpect"), used));                  \
	inxpect_u64 inxpect_manifest_hash                                         \
		__attribute__((section(".data.inxpect"), used)) = (manifest_hash); \
	INXPECT_MEASURED_PATHS_(nsections)                                        \
	char inxpect_self[] __attribute__((section(".data.inxpect"), used)) = self_json

/* ---- 4. Machinery --------------------------------------------------------- */
/* Small changes here change the code clang generates, which the verifier may
 * then refuse or clang may not fit in BPF's jumps: docs/design.md measures
 * each step. */

/* An event index the verifier can prove in bounds whatever the value. */
#define INXPECT_EVENT_INDEX(one_based) (((one_based) - 1) & (INXPECT_MAX_EVENTS - 1))

/* The helper ids are part of the kernel ABI; declaring our own pointers keeps
 * the header free of bpf_helper_defs.h and its type dependencies. */
static void *(*const inxpect_map_lookup_elem)(void *map, const void *key) = (void *)1;
static inxpect_u64 (*const inxpect_ktime_get_ns)(void) = (void *)5;
static inxpect_u32 (*const inxpect_get_smp_processor_id)(void) = (void *)8;

/* The counter read of the inxpect kernel module (runtime/kmod). Weak: when the
 * module is absent libbpf leaves it NULL and the probes read the clock. */
extern inxpect_u64 bpf_inxpect_read(inxpect_u32 counter)
	__attribute__((section(".ksyms"), weak));

/*
 * A probe's state, one per open section, on the stack: which section, in
 * which run state. Nothing of the sampling decision: a value branched on at
 * END would be tracked precisely by the verifier and split every state below
 * an open section in two (2^depth). So START and END each re-read the
 * decision from map memory, which the verifier cannot predict, and what a
 * measured START read waits in the run state (struct inxpect_open).
 */
struct inxpect_probe {
	const struct inxpect_run *run; /* this CPU's run state (never NULL on 6.x: constant key) */
	inxpect_u32 id;
};

/*
 * Whether the module is loaded, asked through a CO-RE relocation on an enum
 * only the module's BTF has: libbpf turns it into a constant at load time.
 * Not `if (bpf_inxpect_read)`: that compiles to an ld_imm64 of the kfunc,
 * which libbpf 1.1 points at vmlinux's BTF even for a module's kfunc, and
 * the kernel then refuses the program. The call itself resolves right; when
 * the module is absent it is dead code, which the verifier removes.
 */
enum inxpect_kfunc_abi { INXPECT_KFUNC_ABI_1 = 1 };
#define INXPECT_KFUNC_PRESENT() \
	__builtin_preserve_enum_value(*(enum inxpect_kfunc_abi *)INXPECT_KFUNC_ABI_1, \
				      0 /* BPF_ENUMVAL_EXISTS */)

/*
 * The kernel's own time-stamp counter read, where it has one: a kfunc its
 * JIT inlines into a few instructions (bpf_get_cpu_time_counter, proposed
 * upstream). Weak, and tested by address: libbpf resolves it to 0 on a
 * kernel without it, and the verifier drops the dead call. The same object
 * uses it wherever the kernel offers it.
 */
extern inxpect_u64 bpf_get_cpu_time_counter(void) __attribute__((section(".ksyms"), weak));

/* The inxpect module's kfunc first (it reads the TSC and PMU events), then
 * the kernel's counter, then the clock: inxpect-run's chooseCounterKind()
 * decides alike and names the result. -DINXPECT_CLOCK_ONLY (the rewriter
 * sets it for a program that is not GPL-compatible, which the kernel lets
 * call no kfunc, not even a dead one) keeps to the clock. */
static __attribute__((always_inline)) inline inxpect_u64 inxpect_read(inxpect_u32 event)
{
#ifndef INXPECT_CLOCK_ONLY
	if (INXPECT_KFUNC_PRESENT())
		return bpf_inxpect_read(inxpect_config.counter[event & (INXPECT_MAX_EVENTS - 1)]);
	if (bpf_get_cpu_time_counter)
		return bpf_get_cpu_time_counter();
#endif
	(void)event; /* unread with INXPECT_CLOCK_ONLY */
	return inxpect_ktime_get_ns();
}

/* This CPU's run state: never NULL at run time (a constant key in range),
 * but the verifier of older kernels wants the test. */
static __attribute__((always_inline)) inline struct inxpect_run *inxpect_run_lookup(void)
{
	inxpect_u32 zero = 0;

	return inxpect_map_lookup_elem(&inxpect_runs, &zero);
}

/*
 * The same for functions other than the entry: a subprogram declared `const`.
 * The pointer is the same for the whole run (a run never changes CPU), so
 * clang keeps one call per BPF function and the probes of every function
 * inlined there share its result instead of each looking the map up again
 * (12 instructions a sampled-out function section, docs/design.md). The
 * entry looks the state up inline: a program profiled as one section pays
 * no call. -DINXPECT_RUN_STATE_INLINE (section 1) looks the state up inline
 * in each function, for kernels that cannot mix subprograms with tail calls.
 */
#ifdef INXPECT_RUN_STATE_INLINE
#define INXPECT_RUN_STATE_ATTRS always_inline, unused
#else
#define INXPECT_RUN_STATE_ATTRS noinline, const, unused
#endif
static __attribute__((INXPECT_RUN_STATE_ATTRS)) struct inxpect_run *inxpect_run_state(void)
{
	return inxpect_run_lookup();
}

/*
 * The run state as one function's probes see it: the shared lookup's result,
 * never NULL. Given a pointer that may be NULL, the same in every inlined
 * function, clang hoists one NULL test out of all their probes and copies
 * the program's own code for the NULL path, which no run takes: twice the
 * code, and in a large function branches beyond BPF's 16-bit jump range
 * ("Branch target out of insn range"). A state that samples nothing
 * stands in for the NULL the verifier must be shown handled, so the probes
 * test only the sampling decision. (Older kernels, 6.1 among them, cannot
 * tell that the lookup never fails, and verify the stand-in's path too.)
 */
/* Event 0 always; only `active` is ever written, with 0. Sized like the
 * run state (INXPECT_OBJECT defines it): older verifiers, which check the
 * stand-in's path too, see every access of that path in bounds. */
struct inxpect_run_of_object;
extern struct inxpect_run_of_object inxpect_no_run_object;
#define inxpect_no_run (*(struct inxpect_run *)&inxpect_no_run_object)
static __attribute__((always_inline)) inline struct inxpect_run *inxpect_function_run_state(void)
{
	struct inxpect_run *run = inxpect_run_state();

	return run ? run : &inxpect_no_run;
}

/*
 * Called at the start of every entry program. A run samples at most one
 * event, so a sampled section costs exactly two counter reads and the
 * verifier sees one branch a probe; events due in the same run take turns
 * (the later one stays due). No division, no atomics: the state is per CPU.
 * An entry program reached by a tail call goes on with the run that called
 * it: no new run, the same event, so each packet is one run and every
 * section of the programs it passes through is measured together.
 */
static __attribute__((always_inline)) inline struct inxpect_run *inxpect_run_begin(void)
{
	struct inxpect_run *run = inxpect_run_state();
	/* Through memory, not a register: a constant "chosen" would be
	 * carried through the whole program, one verifier path per value. */
	volatile inxpect_u32 *chosen;

	/* Never NULL from here, as for functions (inxpect_no_run says why):
	 * the cleanup that ends the run then writes without a test. */
	if (!run)
		return &inxpect_no_run;
	if (run->active)
		return run;
	run->active = 1;
	chosen = &run->event;
	run->runs++;
	*chosen = 0;
	if (!inxpect_config.enabled)
		return run;
	/* Events are armed in slot order, so the first slot that is off ends
	 * the list: one event costs one pass, not INXPECT_MAX_EVENTS. */
#pragma unroll
	for (int e = 0; e < INXPECT_MAX_EVENTS; e++) {
		inxpect_u32 every = inxpect_config.sample_every[e];
		inxpect_u32 left = run->countdown[e];

		if (!every)
			break;
		/* A countdown longer than the rate was left by an earlier
		 * session's slower rate: due now, so a session's first runs
		 * are sampled as it asked, whatever the last one set. */
		if (left > 1 && left <= every) {
			run->countdown[e] = left - 1;
		} else if (!*chosen) {
			*chosen = e + 1;
			run->countdown[e] = every;
		}
	}
	/* Its stratum is chosen by its first measured START, out of line. */
	run->depth = 0;
	run->stratum = INXPECT_STRATUM_UNCHOSEN;
	return run;
}

/*
 * A probe inline is what a run not sampled pays: START reads the run's
 * event from the run state and END the reading START kept there, each then
 * branches (4 BPF instructions a section). Inside a timed section, START
 * takes the untimed path inline: it counts the entry, no call, nothing
 * to spill, the same cost at every site. Otherwise a sampled run calls the
 * measured path, out of line: global functions (INXPECT_OBJECT defines
 * them, the run state's size known), which the verifier checks once for
 * the whole program instead of at every section, and which exist once in
 * the program's code. -DINXPECT_RUN_STATE_INLINE inlines them too, for
 * kernels that cannot mix subprograms with tail calls.
 */
#ifdef INXPECT_RUN_STATE_INLINE
#define INXPECT_MEASURED_LINKAGE static __attribute__((always_inline)) inline
#else
#define INXPECT_MEASURED_LINKAGE __attribute__((noinline))
#endif
struct inxpect_run_of_object;
INXPECT_MEASURED_LINKAGE int inxpect_measured_start(struct inxpect_run_of_object *state,
						    inxpect_u32 id);
INXPECT_MEASURED_LINKAGE int inxpect_measured_end(struct inxpect_run_of_object *state,
						  inxpect_u32 id);

/* What the run state keeps of section `id` while it is open: a section is
 * open at most once at a time (BPF has no recursion). */
static __attribute__((always_inline)) inline struct inxpect_open *
inxpect_open_of(const struct inxpect_run *run, inxpect_u32 id)
{
	return (struct inxpect_open *)(run + 1) + id;
}

/* The run's event, read from memory each time (volatile): a value clang
 * kept from START to END would be a register the verifier tracks. */
static __attribute__((always_inline)) inline inxpect_u32
inxpect_event_of_run(const struct inxpect_run *run)
{
	return *(const volatile inxpect_u32 *)&run->event;
}

/* An entry inside a timed section: counted (the timed one's nested, the
 * section's exact count) unless switched off, and not timed; the START word
 * cleared, so END calls nothing even after a run that left it set (a tail
 * call that never returned). Written through volatile: clang would merge the stores of
 * neighbouring sections otherwise, and their cost must not depend on them. */
static __attribute__((always_inline)) inline void
inxpect_untimed_entry(const struct inxpect_run *run, inxpect_u32 id)
{
	struct inxpect_open *open = inxpect_open_of(run, id);

	*(volatile inxpect_u64 *)&open->start = 0;
	/* Switched off: counted nowhere, as outside a timed section. */
	if (inxpect_section_off[id])
		return;
	*(volatile inxpect_u32 *)&((struct inxpect_run *)run)->entered += 1;
	*(volatile inxpect_u64 *)&open->untimed += 1;
}

static __attribute__((always_inline)) inline struct inxpect_probe
inxpect_section_begin(const struct inxpect_run *run, inxpect_u32 id)
{
	struct inxpect_probe p = { .run = run, .id = id };
	inxpect_u32 event = inxpect_event_of_run(run);

	if (event) {
		if (event & INXPECT_UNTIMED)
			inxpect_untimed_entry(run, id);
		else
			inxpect_measured_start((struct inxpect_run_of_object *)run, id);
	}
	return p;
}

/* END calls the measured path only when its START measured: the word START
 * left in the run state, read from memory (volatile) like the event. A
 * section closed early (INXPECT_END, END_TRACE) or switched off costs its
 * parent two instructions at the scope's end, not a call. */
static __attribute__((always_inline)) inline void inxpect_section_end(struct inxpect_probe *p)
{
	const struct inxpect_open *open = inxpect_open_of(p->run, p->id);

	if (__builtin_expect(*(const volatile inxpect_u64 *)&open->start != 0, 0))
		inxpect_measured_end((struct inxpect_run_of_object *)p->run, p->id);
}

/* Ends a section before its scope does (end of an inxpect:begin/end range,
 * END_TRACE, a tail call): measures now; the measured path clears what its
 * START kept, so the cleanup at the end of the scope adds nothing. */
static __attribute__((always_inline)) inline void inxpect_section_close(struct inxpect_probe *p)
{
	inxpect_section_end(p);
}

/*
 * The bucket of `value` (a reading less the probes' cost, as signed):
 * branch-free, so the verifier follows one path. Its most significant bit
 * comes from a multiplication and a table (BPF has no count-leading-zeros):
 * the value with every bit below its top one set, times a de Bruijn
 * constant, names that bit in its top 6 bits. In 64 bits: 32-bit
 * arithmetic costs masks where clang targets BPF without alu32.
 * inxpect-run's histogramBucket() is the same function.
 */
#define INXPECT_HIST_LIMIT 0x7fffffff /* 2.1 s in ns: the last bucket's top */
/* Top bit less 3, by (smeared value * the constant) >> 58: never written
 * (not const: .data.inxpect is writable, for the configuration); the tests
 * compare the bucket with the runner's at every power of two. */
unsigned char inxpect_top_bit_less_3[64] __attribute__((section(".data.inxpect"), used)) = {
	0, 44, 0, 53, 45, 24, 0, 57, 54, 46, 38, 34, 25, 13, 0, 58,
	51, 55, 32, 49, 47, 39, 18, 41, 35, 29, 26, 20, 14, 8, 1, 59,
	43, 52, 23, 56, 37, 33, 12, 50, 31, 48, 17, 40, 28, 19, 7, 42,
	22, 36, 11, 30, 16, 27, 6, 21, 10, 15, 5, 9, 4, 3, 2, 60,
};
static __attribute__((always_inline)) inline inxpect_u32 inxpect_hist_bucket(inxpect_u64 value)
{
	inxpect_u64 below, over, smeared, shift;

	/* The masks pass through asm: else clang sees max(value, 0) and
	 * min(value, limit) in them and compiles each to a branch. */
	below = (inxpect_u64)((long long)value >> 63);      /* below 0: */
	asm volatile("" : "+r"(below));
	value &= ~below;                                     /* 0 */
	over = -((INXPECT_HIST_LIMIT - value) >> 63);       /* above the limit: */
	asm volatile("" : "+r"(over));
	value = (value | over) & INXPECT_HIST_LIMIT;        /* the limit */
	/* 15: values below 16 take the first power's shift, 0. Below 2^31,
	 * five steps set every bit under the top one. */
	smeared = value | 15;
	smeared |= smeared >> 1;
	smeared |= smeared >> 2;
	smeared |= smeared >> 4;
	smeared |= smeared >> 8;
	smeared |= smeared >> 16;
	shift = inxpect_top_bit_less_3[(smeared * 0x03f79d71b4cb0a89ULL) >> 58];
	/* 8 buckets a power of two: the value's top 4 bits, after 8 a power. */
	return (inxpect_u32)(8 * shift + (value >> shift)) & (INXPECT_HIST_BUCKETS - 1);
}

/* The measured path of START, for a run that samples an event: unless the
 * section is switched off, pass through it while the run is above its
 * stratum, else time it (the counter read last) with the sections inside
 * it untimed. */
static __attribute__((always_inline)) inline void
inxpect_measure_start(struct inxpect_run *state, inxpect_u32 id)
{
	struct inxpect_open *open = inxpect_open_of(state, id);
	inxpect_u32 event = state->event, depth = state->depth;

	if (!event || inxpect_section_off[id])
		return;
	/* A depth to time, 0..deepest, at random (a linear congruential
	 * generator's top bits): strata that took turns could keep step with
	 * a pattern in the traffic. */
	if (state->stratum == INXPECT_STRATUM_UNCHOSEN) {
		state->random = state->random * 1664525 + 1013904223;
		state->stratum = ((state->random >> 16) * (state->deepest + 1)) >> 16;
		state->parent = 0;
	}
	if (depth < state->stratum) {
		state->depth = depth + 1;
		open->untimed += 1;
		open->start = INXPECT_PASSING;
		/* Its timed children tally from here (those of the one just
		 * above the stratum go to its slot). */
		state->children = 0;
		state->children_nested = 0;
		state->children_total = 0;
		state->parent = id + 1;
		return;
	}
	state->event = event | INXPECT_UNTIMED;
	open->entered = state->entered;
	open->start = inxpect_read(INXPECT_EVENT_INDEX(event)) + 1;
}

/* This CPU's slot of section `id`. */
static __attribute__((always_inline)) inline struct inxpect_slot *inxpect_slot_of(inxpect_u32 id)
{
	inxpect_u32 key = INXPECT_STATS_KEY(id);

	return inxpect_map_lookup_elem(&inxpect_stats, &key);
}

#if INXPECT_STATS_LAYOUT == INXPECT_STATS_GLOBAL
/* One slot for all CPUs: the adds must be atomic (and bounce the line). */
#define INXPECT_ADD(field, value) __sync_fetch_and_add(&(field), (value))
#else
#define INXPECT_ADD(field, value) ((field) += (value))
#endif

/* A timed entry of the first event, to the figures of its slot by the
 * section passed through just above it (`parent`: 1 + its id, 0 none),
 * which follow the slot (struct inxpect_slot_of_object). */
static __attribute__((always_inline)) inline void
inxpect_parent_add(struct inxpect_slot *slot, inxpect_u32 parent, inxpect_u64 reading,
		   inxpect_u32 nested)
{
	struct inxpect_parent_stats *stats = (struct inxpect_parent_stats *)(slot + 1) + parent;

	if (parent >= INXPECT_PARENTS(inxpect_nsections))
		return;
	INXPECT_ADD(stats->count, 1);
	INXPECT_ADD(stats->total, reading);
	INXPECT_ADD(stats->nested, nested);
}

/* A section passed through ends: back up a depth and, just above the
 * stratum, the children it timed go to its slot. */
static __attribute__((always_inline)) inline void
inxpect_pass_end(struct inxpect_run *state, inxpect_u32 id, inxpect_u32 e)
{
	inxpect_u32 depth = state->depth - 1;
	struct inxpect_slot *slot;

	state->depth = depth;
	if (depth + 1 != state->stratum)
		return;
	slot = inxpect_slot_of(id);
	if (!slot)
		return;
	INXPECT_ADD(slot->passes[e], 1);
	INXPECT_ADD(slot->children[e], state->children);
	INXPECT_ADD(slot->children_nested[e], state->children_nested);
	INXPECT_ADD(slot->children_total[e], state->children_total);
}

/* The measured path of END, if its START passed through or timed in this
 * entry: for a timed one, the counter, then the figures into its slot. */
static __attribute__((always_inline)) inline void
inxpect_measure_end(struct inxpect_run *state, inxpect_u32 id)
{
	struct inxpect_open *open = inxpect_open_of(state, id);
	inxpect_u32 event = state->event & ~INXPECT_UNTIMED, e, nested, bucket;
	inxpect_u64 now, start, reading;
	struct inxpect_slot *slot;

	start = open->start;
	/* Not started in this entry: switched on mid-run, or closed already
	 * (INXPECT_END, END_TRACE before the scope's end). Tested before the
	 * read: a section closed early costs its parent no second read. */
	if (!start)
		return;
	open->start = 0;
	/* A START left open by a run that ended without its END (no sampled
	 * event now): cleared, nothing more. */
	if (!event)
		return;
	e = INXPECT_EVENT_INDEX(event);
	if (start == INXPECT_PASSING) {
		inxpect_pass_end(state, id, e);
		return;
	}
	now = inxpect_read(e);
	state->event = event;
	reading = now - (start - 1);
	nested = state->entered - open->entered;
	/* Sections inside the deepest stratum yet: time their depth too. */
	if (nested && state->stratum >= state->deepest)
		state->deepest = state->stratum + 1;
	state->children += 1;
	state->children_nested += nested;
	state->children_total += reading;
	slot = inxpect_slot_of(id);
	if (!slot)
		return;
	/* The reading less the probes' cost, in 1/256 units: its distribution. */
	bucket = inxpect_hist_bucket(reading - ((inxpect_config.probe_own[e] +
						 (inxpect_u64)nested * inxpect_config.probe_nested[e]) >> 8));
	INXPECT_ADD(slot->event[e].count, 1);
	INXPECT_ADD(slot->event[e].total, reading);
	INXPECT_ADD(slot->nested[e], nested);
	INXPECT_ADD(slot->hist[e][bucket], 1);
	if (e == 0)
		inxpect_parent_add(slot, state->parent, reading, nested);
}

/* The measured paths for this object's run state, INXPECT_OBJECT's last
 * part: the verifier checks a global function against its argument types,
 * so `state` is this object's whole run state and `id` is tested in range. */
#define INXPECT_MEASURED_PATHS_(nsections)                                        \
	INXPECT_MEASURED_LINKAGE int inxpect_measured_start(                      \
		struct inxpect_run_of_object *state, inxpect_u32 id)              \
	{                                                                         \
		if (state && id < (nsections))                                    \
			inxpect_measure_start(&state->run, id);                   \
		return 0;                                                         \
	}                                                                         \
	INXPECT_MEASURED_LINKAGE int inxpect_measured_end(                        \
		struct inxpect_run_of_object *state, inxpect_u32 id)              \
	{                                                                         \
		if (state && id < (nsections))                                    \
			inxpect_measure_end(&state->run, id);                     \
		return 0;                                                         \
	}

/* What INXPECT_ENTRY, INXPECT_FUNCTION, INXPECT_SCOPE and INXPECT_BEGIN open:
 * a probe named for its id, so INXPECT_END(id) can find it. */
#define INXPECT_CONCAT_(a, b) a##b
#define INXPECT_CONCAT(a, b) INXPECT_CONCAT_(a, b)
#define INXPECT_SCOPED_PROBE_(run, id)                                            \
	struct inxpect_probe INXPECT_CONCAT(inxpect_probe_, id)                   \
		__attribute__((cleanup(inxpect_section_end), unused)) =           \
			inxpect_section_begin(run, id)

/* An entry program's run state: the run is over when the entry program
 * returns, which the cleanup says. A tail call that succeeds never
 * returns, so the program it reaches finds the run still active. */
static __attribute__((always_inline)) inline void inxpect_run_end(struct inxpect_run **run)
{
	(*run)->active = 0;
}
#define INXPECT_RUN_STATE_OF_ENTRY_                                               \
	struct inxpect_run *inxpect_run                                           \
		__attribute__((cleanup(inxpect_run_end), unused)) = inxpect_run_begin()

#endif /* INXPECT_H */
