// SPDX-License-Identifier: GPL-2.0-only
/*
 * /sys/kernel/inxpect/events, what inxpect-run reads: one line a slot,
 * "SLOT NAME VIA STATE[: REASON]", STATE being armed, off or unavailable.
 * Events are armed through /dev/inxpect (inxpect_control.c). The format is
 * documented in docs/kernel-module.md.
 */
#include <linux/kobject.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "inxpect_kmod.h"

static struct kobject *inxpect_kobj;

static const char *state_name(enum inxpect_slot_state state)
{
	switch (state) {
	case INXPECT_ARMED:
		return "armed";
	case INXPECT_UNAVAILABLE:
		return "unavailable";
	default:
		return "off";
	}
}

static ssize_t events_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct inxpect_slot_info info;
	unsigned int slot;
	int len = 0;

	for (slot = 0; slot < INXPECT_SLOTS; slot++) {
		inxpect_slot_info(slot, &info);
		len += sysfs_emit_at(buf, len, "%u %s %s %s%s%s\n", slot, info.name, info.via,
				     state_name(info.state), info.reason[0] ? ": " : "",
				     info.reason);
	}
	return len;
}

static struct kobj_attribute events_attr = __ATTR_RO(events);

static struct attribute *inxpect_attrs[] = {
	&events_attr.attr,
	NULL,
};

static const struct attribute_group inxpect_group = {
	.attrs = inxpect_attrs,
};

int inxpect_sysfs_create(void)
{
	int err;

	inxpect_kobj = kobject_create_and_add("inxpect", kernel_kobj);
	if (!inxpect_kobj)
		return -ENOMEM;
	err = sysfs_create_group(inxpect_kobj, &inxpect_group);
	if (err) {
		kobject_put(inxpect_kobj);
		inxpect_kobj = NULL;
	}
	return err;
}

void inxpect_sysfs_remove(void)
{
	kobject_put(inxpect_kobj);
	inxpect_kobj = NULL;
}
