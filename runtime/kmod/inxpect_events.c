// SPDX-License-Identifier: GPL-2.0-only
/*
 * The events the module offers and their arming through the kernel's perf
 * API: one pinned kernel counter per CPU and event, so perf (not raw MSR
 * writes) owns the hardware, shares it with its other users, and refuses
 * clearly when the counters are taken.
 */
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/mutex.h>
#include <linux/perf_event.h>
#include <linux/rcupdate.h>
#include <linux/string.h>

#include "inxpect_kmod.h"

DEFINE_PER_CPU(struct perf_event *[INXPECT_SLOTS], inxpect_cpu_events);

/* The events this module created, per CPU: what it must release. */
static DEFINE_PER_CPU(struct perf_event *[INXPECT_SLOTS], owned_events);

struct event_def {
	const char *name;
	u32 type;
	u64 config;
};

#define CACHE_EVENT(cache, op, result) \
	((cache) | ((op) << 8) | ((result) << 16))

/* Slot numbers are the interface with inxpect-run: append, never reorder. */
static const struct event_def event_table[INXPECT_SLOTS] = {
	[INXPECT_SLOT_TSC] = { "tsc", 0, 0 },
	[1] = { "cycles", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES },
	[2] = { "instructions", PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS },
	[3] = { "cache-references", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_REFERENCES },
	[4] = { "cache-misses", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_MISSES },
	[5] = { "l1d-read-misses", PERF_TYPE_HW_CACHE,
		CACHE_EVENT(PERF_COUNT_HW_CACHE_L1D, PERF_COUNT_HW_CACHE_OP_READ,
			    PERF_COUNT_HW_CACHE_RESULT_MISS) },
	[6] = { "llc-read-misses", PERF_TYPE_HW_CACHE,
		CACHE_EVENT(PERF_COUNT_HW_CACHE_LL, PERF_COUNT_HW_CACHE_OP_READ,
			    PERF_COUNT_HW_CACHE_RESULT_MISS) },
	[7] = { "branch-misses", PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_MISSES },
};

static DEFINE_MUTEX(arming);
static enum inxpect_slot_state slot_state[INXPECT_SLOTS];
static char slot_reason[INXPECT_SLOTS][96];

int inxpect_slot_by_name(const char *name, size_t len)
{
	unsigned int slot;

	for (slot = 0; slot < INXPECT_SLOTS; slot++)
		if (strlen(event_table[slot].name) == len &&
		    !strncmp(event_table[slot].name, name, len))
			return slot;
	return -ENOENT;
}

void inxpect_slot_info(unsigned int slot, struct inxpect_slot_info *info)
{
	mutex_lock(&arming);
	info->name = event_table[slot].name;
	info->via = slot == INXPECT_SLOT_TSC ? "rdtsc" : "rdpmc";
	info->state = slot == INXPECT_SLOT_TSC ? INXPECT_ARMED : slot_state[slot];
	strscpy(info->reason, slot_reason[slot], sizeof(info->reason));
	mutex_unlock(&arming);
}

static struct perf_event *create_counter(const struct event_def *def, int cpu)
{
	struct perf_event_attr attr = {
		.type = def->type,
		.size = sizeof(attr),
		.config = def->config,
		/* Pinned: never multiplexed away, so a reading is always live. */
		.pinned = 1,
	};

	return perf_event_create_kernel_counter(&attr, cpu, NULL, NULL, NULL);
}

/* Every x86 PMU counts cycles: if even that fails, there is no PMU at all. */
static bool pmu_present(int cpu)
{
	struct perf_event *probe = create_counter(&event_table[1], cpu);

	if (IS_ERR(probe))
		return false;
	perf_event_release_kernel(probe);
	return true;
}

static int explain_failure(unsigned int slot, int cpu, long err)
{
	const char *name = event_table[slot].name;

	if (err == -ENOENT || err == -ENODEV || err == -EOPNOTSUPP || err == -EINVAL) {
		if (!pmu_present(cpu)) {
			snprintf(slot_reason[slot], sizeof(slot_reason[slot]),
				 "no PMU on this machine (a VM without a virtual PMU?): only tsc works");
			return -ENODEV;
		}
		snprintf(slot_reason[slot], sizeof(slot_reason[slot]),
			 "this CPU's PMU cannot count %s", name);
		return -EOPNOTSUPP;
	}
	snprintf(slot_reason[slot], sizeof(slot_reason[slot]),
		 "perf refused %s on CPU %d (error %ld)", name, cpu, err);
	return (int)err;
}

static void release_slot(unsigned int slot)
{
	int cpu;

	for_each_possible_cpu(cpu)
		WRITE_ONCE(per_cpu(inxpect_cpu_events, cpu)[slot], NULL);
	/* A probe that already read the pointer finishes before the event goes. */
	synchronize_rcu();
	for_each_possible_cpu(cpu) {
		struct perf_event **owned = &per_cpu(owned_events, cpu)[slot];

		if (*owned)
			perf_event_release_kernel(*owned);
		*owned = NULL;
	}
}

static int arm_slot(unsigned int slot)
{
	int cpu, err = 0;

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		struct perf_event *event = create_counter(&event_table[slot], cpu);

		if (IS_ERR(event)) {
			err = explain_failure(slot, cpu, PTR_ERR(event));
			break;
		}
		per_cpu(owned_events, cpu)[slot] = event;
		/* A pinned event that does not fit is put in error state, not
		 * scheduled: someone else holds the counters. */
		if (READ_ONCE(event->state) != PERF_EVENT_STATE_ACTIVE) {
			snprintf(slot_reason[slot], sizeof(slot_reason[slot]),
				 "the counters of CPU %d are taken (perf, the NMI watchdog?): free one and retry",
				 cpu);
			err = -EBUSY;
			break;
		}
	}
	if (!err)
		for_each_online_cpu(cpu)
			WRITE_ONCE(per_cpu(inxpect_cpu_events, cpu)[slot],
				   per_cpu(owned_events, cpu)[slot]);
	cpus_read_unlock();
	if (err)
		release_slot(slot);
	return err;
}

int inxpect_arm(unsigned long wanted)
{
	unsigned int slot;
	int first_err = 0;

	mutex_lock(&arming);
	for (slot = 1; slot < INXPECT_SLOTS; slot++) {
		bool want = wanted & BIT(slot);

		if (!want) {
			if (slot_state[slot] == INXPECT_ARMED)
				release_slot(slot);
			slot_state[slot] = INXPECT_OFF;
			slot_reason[slot][0] = '\0';
			continue;
		}
		if (slot_state[slot] == INXPECT_ARMED)
			continue;
		slot_reason[slot][0] = '\0';
		if (arm_slot(slot)) {
			slot_state[slot] = INXPECT_UNAVAILABLE;
			pr_info("inxpect: %s unavailable: %s\n", event_table[slot].name,
				slot_reason[slot]);
			if (!first_err)
				first_err = -ENODEV;
		} else {
			slot_state[slot] = INXPECT_ARMED;
		}
	}
	mutex_unlock(&arming);
	return first_err;
}

void inxpect_disarm_all(void)
{
	inxpect_arm(0);
}
