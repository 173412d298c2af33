// SPDX-License-Identifier: GPL-2.0-only
/*
 * bpf_inxpect_read(): the counter read the probes of runtime/bpf/inxpect.h
 * call, a few instructions instead of a perf read. It never faults, whatever
 * the argument: rdpmc only runs for a slot whose perf event is armed and
 * active on this CPU (rdpmc on a CPU without that counter is an oops), and
 * anything else reads 0. INXPECT_READ_FENCED in the argument puts an lfence
 * on each side of the read.
 */
#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/module.h>
#include <linux/perf_event.h>
#include <asm/msr.h>

#include "inxpect_kmod.h"

/* x86 PMU counters are 48 bits wide, and perf starts a counting event at
 * -period so that it climbs towards 0. Sign-extending makes the reading a
 * 64-bit number that steps from -1 to 0 at that wrap, so the probes'
 * `now - start` in u64 is right across it. */
#define PMC_WIDTH 48

/* lfence waits for every earlier instruction to complete and holds back
 * every later one until it completes (Intel SDM, AMD APM with
 * LFENCE_RDTSC, which Linux sets on the AMD CPUs that have it). */
static __always_inline void read_fence(void)
{
	asm volatile("lfence" ::: "memory");
}

static __always_inline u64 rdtsc_fenced(void)
{
	u64 tsc;

	read_fence();
	tsc = rdtsc();
	read_fence();
	return tsc;
}

static __always_inline u64 read_armed_pmc(const struct perf_event *event, bool fenced)
{
	u64 value;
	int index;

	if (READ_ONCE(event->state) != PERF_EVENT_STATE_ACTIVE || READ_ONCE(event->hw.idx) < 0)
		return 0;
	/* Assigned by perf's x86 scheduler: a counter this CPU has. */
	index = READ_ONCE(event->hw.event_base_rdpmc);
	if (fenced) {
		read_fence();
		value = native_read_pmc(index);
		read_fence();
	} else {
		value = native_read_pmc(index);
	}
	return (u64)((s64)(value << (64 - PMC_WIDTH)) >> (64 - PMC_WIDTH));
}

/* The probes test for this enum in the kernel's BTF (a CO-RE relocation) to
 * decide between the kfunc and the clock: runtime/bpf/inxpect.h. inxpect-run
 * reads its values to learn what the argument may hold
 * (tools/inxpect-run/counters/CounterSource.cpp): ABI_1, a slot; ABI_2, a
 * slot and INXPECT_READ_FENCED. Values are only ever added. The variable
 * keeps the type in the debug info pahole turns into the module's BTF. */
enum inxpect_kfunc_abi { INXPECT_KFUNC_ABI_1 = 1, INXPECT_KFUNC_ABI_2 = 2 };
const enum inxpect_kfunc_abi inxpect_kfunc_abi __used = INXPECT_KFUNC_ABI_2;

__diag_push();
__diag_ignore_all("-Wmissing-prototypes",
		  "kfuncs are called from BPF programs, not declared in a header");

noinline u64 bpf_inxpect_read(u32 counter)
{
	const struct perf_event *event;
	bool fenced = counter & INXPECT_READ_FENCED;
	u32 slot = counter & ~INXPECT_READ_FENCED;

	/* The default read first, so that its path stays the shortest. */
	if (counter == INXPECT_SLOT_TSC)
		return rdtsc();
	if (counter == (INXPECT_SLOT_TSC | INXPECT_READ_FENCED))
		return rdtsc_fenced();
	/* Also an argument with a flag this module does not know. */
	if (slot >= INXPECT_SLOTS)
		return 0;
	/* BPF programs run with migration disabled: this CPU stays ours. */
	event = READ_ONCE(this_cpu_ptr(&inxpect_cpu_events)[0][slot]);
	if (!event)
		return 0;
	return read_armed_pmc(event, fenced);
}

__diag_pop();

BTF_SET8_START(inxpect_kfunc_ids)
BTF_ID_FLAGS(func, bpf_inxpect_read)
BTF_SET8_END(inxpect_kfunc_ids)

static const struct btf_kfunc_id_set inxpect_kfunc_set = {
	.owner = THIS_MODULE,
	.set = &inxpect_kfunc_ids,
};

/* XDP, TC (6.1 has one kfunc hook for TC: classifiers) and tracing programs. */
int inxpect_kfunc_register(void)
{
	static const enum bpf_prog_type types[] = {
		BPF_PROG_TYPE_XDP,
		BPF_PROG_TYPE_SCHED_CLS,
		BPF_PROG_TYPE_TRACING,
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		err = register_btf_kfunc_id_set(types[i], &inxpect_kfunc_set);
		if (err)
			return err;
	}
	return 0;
}
