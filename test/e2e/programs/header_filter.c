// SPDX-License-Identifier: GPL-2.0
/*
 * header_filter: a filter whose whole program lives in an included header
 * (header_filter/filter.h), as many programs keep their logic: the source
 * only includes it. Its functions, its loop and its region are sections all
 * the same, rewritten into the header's copy beside the output.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"
#include "header_filter/filter.h"

char LICENSE[] SEC("license") = "GPL";
