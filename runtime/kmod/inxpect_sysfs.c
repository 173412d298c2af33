// SPDX-License-Identifier: GPL-2.0-only
/*
 * The control files inxpect-run talks to, in /sys/kernel/inxpect/:
 *   events  (read)  one line a slot: "SLOT NAME VIA STATE[: REASON]"
 *   arm     (write) the event names to arm, separated by spaces or commas;
 *                   every other event is released. Empty or "none": all.
 *           (read)  the names armed now.
 * The format is documented in docs/kernel-module.md; inxpect-run parses it.
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

static ssize_t arm_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	struct inxpect_slot_info info;
	unsigned int slot;
	int len = 0;

	for (slot = 0; slot < INXPECT_SLOTS; slot++) {
		inxpect_slot_info(slot, &info);
		if (info.state == INXPECT_ARMED)
			len += sysfs_emit_at(buf, len, "%s%s", len ? " " : "", info.name);
	}
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}

static ssize_t arm_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf,
			 size_t count)
{
	static const char separators[] = " ,\t\n";
	unsigned long wanted = 0;
	size_t pos = 0;
	int err;

	while (pos < count) {
		size_t len;
		int slot;

		pos += strspn(buf + pos, separators);
		len = strcspn(buf + pos, separators);
		if (!len)
			break;
		if (len == 4 && !strncmp(buf + pos, "none", 4)) {
			pos += len;
			continue;
		}
		slot = inxpect_slot_by_name(buf + pos, len);
		if (slot < 0) {
			pr_info("inxpect: unknown event '%.*s': cat /sys/kernel/inxpect/events lists them\n",
				(int)len, buf + pos);
			return -EINVAL;
		}
		wanted |= BIT(slot);
		pos += len;
	}
	err = inxpect_arm(wanted);
	return err ? err : (ssize_t)count;
}

static struct kobj_attribute events_attr = __ATTR_RO(events);
static struct kobj_attribute arm_attr = __ATTR(arm, 0644, arm_show, arm_store);

static struct attribute *inxpect_attrs[] = {
	&events_attr.attr,
	&arm_attr.attr,
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
