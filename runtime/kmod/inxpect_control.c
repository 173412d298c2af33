// SPDX-License-Identifier: GPL-2.0-only
/*
 * /dev/inxpect: how a profiler arms events. Each open file is a session that
 * writes the event names it needs; the module keeps armed the union of what
 * the open sessions asked for, and a session's events are released when its
 * file is closed, which the kernel does for a process that dies: no counter
 * stays armed for a profiler that is gone (the original tool left them armed).
 */
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "inxpect_kmod.h"

struct session {
	struct list_head node;
	unsigned long wanted; /* a bit per slot */
};

static LIST_HEAD(sessions);
static DEFINE_MUTEX(sessions_lock);

/* Called with sessions_lock held. */
static int arm_union(void)
{
	struct session *s;
	unsigned long wanted = 0;

	list_for_each_entry(s, &sessions, node)
		wanted |= s->wanted;
	return inxpect_arm(wanted);
}

/* Names separated by spaces, commas or newlines; "none" or nothing: none. */
int inxpect_parse_events(const char *buf, size_t count, unsigned long *wanted)
{
	static const char separators[] = " ,\t\n";
	size_t pos = 0;

	*wanted = 0;
	while (pos < count) {
		size_t len;
		int slot;

		pos += strspn(buf + pos, separators);
		len = strcspn(buf + pos, separators);
		if (!len || pos + len > count)
			break;
		if (!(len == 4 && !strncmp(buf + pos, "none", 4))) {
			slot = inxpect_slot_by_name(buf + pos, len);
			if (slot < 0) {
				pr_info("inxpect: unknown event '%.*s': cat /sys/kernel/inxpect/events lists them\n",
					(int)len, buf + pos);
				return -EINVAL;
			}
			*wanted |= BIT(slot);
		}
		pos += len;
	}
	return 0;
}

static int control_open(struct inode *inode, struct file *file)
{
	struct session *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	mutex_lock(&sessions_lock);
	list_add(&s->node, &sessions);
	mutex_unlock(&sessions_lock);
	file->private_data = s;
	return 0;
}

static ssize_t control_write(struct file *file, const char __user *ubuf, size_t count,
			     loff_t *ppos)
{
	struct session *s = file->private_data;
	unsigned long wanted;
	char buf[256];
	int err;

	if (count >= sizeof(buf))
		return -E2BIG;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	err = inxpect_parse_events(buf, count, &wanted);
	if (err)
		return err;
	mutex_lock(&sessions_lock);
	s->wanted = wanted;
	err = arm_union();
	mutex_unlock(&sessions_lock);
	/* The write fails when one of the events could not be armed; the
	 * events file says why, per event. */
	return err ? err : (ssize_t)count;
}

static int control_release(struct inode *inode, struct file *file)
{
	struct session *s = file->private_data;

	mutex_lock(&sessions_lock);
	list_del(&s->node);
	arm_union();
	mutex_unlock(&sessions_lock);
	kfree(s);
	return 0;
}

static const struct file_operations control_fops = {
	.owner = THIS_MODULE,
	.open = control_open,
	.write = control_write,
	.release = control_release,
	.llseek = noop_llseek,
};

static struct miscdevice control_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "inxpect",
	.fops = &control_fops,
	.mode = 0600,
};

int inxpect_control_create(void)
{
	return misc_register(&control_device);
}

void inxpect_control_remove(void)
{
	misc_deregister(&control_device);
}
