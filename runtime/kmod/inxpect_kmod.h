/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * inxpect kernel module: what its parts share.
 *
 * The kfunc argument is a slot index into a fixed event table (the contract
 * with inxpect-run, docs/kernel-module.md): slot 0 is the time-stamp counter,
 * read with rdtsc everywhere; every other slot is a perf event the module
 * arms on each CPU on request and reads with rdpmc. Flags sit above the slot
 * (INXPECT_READ_FENCED); an argument with a flag this module does not know
 * is out of range and reads 0, like any slot >= INXPECT_SLOTS.
 */
#ifndef INXPECT_KMOD_H
#define INXPECT_KMOD_H

#include <linux/percpu.h>
#include <linux/types.h>

struct perf_event;

#define INXPECT_SLOT_TSC 0
#define INXPECT_SLOTS 8

/*
 * Part of the kfunc's argument, ORed with the slot: read as
 * "lfence; rdtsc|rdpmc; lfence", so that instructions before the read
 * complete before it and instructions after it start after it. Without it
 * the read is a bare rdtsc/rdpmc, which the CPU may execute early or late by
 * up to its reorder window. Since INXPECT_KFUNC_ABI_2 (inxpect_kfunc.c): a
 * runner must find that enum value in the module's BTF before it sets this
 * bit, because a module without it reads 0 for the argument. inxpect-run
 * sets it for --precise (tools/inxpect-run/counters/CounterSource.h,
 * kInxpectReadFenced).
 */
#define INXPECT_READ_FENCED (1u << 16)

/* Slot state, as /sys/kernel/inxpect/events shows it. */
enum inxpect_slot_state {
	INXPECT_OFF,         /* not asked for */
	INXPECT_ARMED,       /* counting on every online CPU */
	INXPECT_UNAVAILABLE, /* asked for, could not be armed: see the reason */
};

struct inxpect_slot_info {
	const char *name;
	const char *via; /* "rdtsc" or "rdpmc" */
	enum inxpect_slot_state state;
	char reason[96]; /* why it is unavailable, a sentence */
};

/* inxpect_events.c: the event table and its arming through perf. */
/* What the kfunc reads on its own CPU: the armed event of each slot, or NULL.
 * Written only under the module's arming mutex; an event is released only
 * after its pointer is cleared and an RCU grace period has passed. */
DECLARE_PER_CPU(struct perf_event *[INXPECT_SLOTS], inxpect_cpu_events);
int inxpect_slot_by_name(const char *name, size_t len);
void inxpect_slot_info(unsigned int slot, struct inxpect_slot_info *info);
/* Arms exactly the slots set in `wanted` (bit per slot), releases the others;
 * retries the wanted slots that are not armed yet.
 * Returns 0 when every wanted slot is armed, else the first error; the
 * reasons stay readable per slot. */
int inxpect_arm(unsigned long wanted);
void inxpect_disarm_all(void);

/* inxpect_kfunc.c */
int inxpect_kfunc_register(void);

/* inxpect_control.c: /dev/inxpect, arming sessions. */
int inxpect_parse_events(const char *buf, size_t count, unsigned long *wanted);
int inxpect_control_create(void);
void inxpect_control_remove(void);

/* inxpect_sysfs.c: /sys/kernel/inxpect/events. */
int inxpect_sysfs_create(void);
void inxpect_sysfs_remove(void);

#endif /* INXPECT_KMOD_H */
