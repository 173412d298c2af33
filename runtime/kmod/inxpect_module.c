// SPDX-License-Identifier: GPL-2.0-only
/*
 * inxpect: a kfunc that reads a hardware counter with rdpmc (or the TSC with
 * rdtsc) for the probes inxpect-instrument puts into BPF programs.
 * docs/kernel-module.md explains its interface and safety rules.
 */
#include <linux/module.h>

#include "inxpect_kmod.h"

static int __init inxpect_init(void)
{
	int err = inxpect_sysfs_create();

	if (err)
		return err;
	err = inxpect_control_create();
	if (err)
		goto no_control;
	/* Last, with nothing to undo after it: 6.1 cannot unregister a kfunc
	 * set, which lives in this module's BTF and goes away with it. */
	err = inxpect_kfunc_register();
	if (err) {
		pr_err("inxpect: cannot register bpf_inxpect_read (error %d)\n", err);
		goto no_kfunc;
	}
	pr_info("inxpect: bpf_inxpect_read registered; events in /sys/kernel/inxpect/events, armed through /dev/inxpect\n");
	return 0;

no_kfunc:
	inxpect_control_remove();
no_control:
	inxpect_sysfs_remove();
	return err;
}

/* No program that calls the kfunc is loaded here: each holds a reference on
 * this module (through its BTF), so rmmod is refused until they are gone. */
static void __exit inxpect_exit(void)
{
	/* No session is open either: each holds a reference on the module. */
	inxpect_control_remove();
	inxpect_sysfs_remove();
	inxpect_disarm_all();
	pr_info("inxpect: unloaded, every counter released\n");
}

module_init(inxpect_init);
module_exit(inxpect_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("inxpect: rdpmc/rdtsc counter reads for BPF programs (bpf_inxpect_read kfunc)");
MODULE_VERSION("0.1");
