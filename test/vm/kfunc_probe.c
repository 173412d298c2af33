// The VM test's direct line to bpf_inxpect_read():
//   kfunc-probe OBJ read INDEX...   prints "loaded: xdp tc fentry", then
//                                   "read INDEX: FIRST SECOND" for each index
//                                   and "tc read 0: READING"
//   kfunc-probe OBJ hold PIN        loads the program and pins it at PIN, so
//                                   the test can try rmmod while it is loaded
//   kfunc-probe OBJ cost REPEAT INDEX...
//                                   runs pair_none, pair_clock and pair_kfunc
//                                   (once for each INDEX) REPEAT times with
//                                   BPF_PROG_TEST_RUN and prints
//                                   "cost NAME: NS ns a run, reads DIFF apart":
//                                   instructions in the -icount guest (read-cost.sh)
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

static int fail(const char *what, int err)
{
	fprintf(stderr, "kfunc-probe: %s: %s\n", what, strerror(err < 0 ? -err : err));
	return 1;
}

static int read_from_tc(struct bpf_object *obj, int map)
{
	int prog = bpf_program__fd(bpf_object__find_program_by_name(obj, "read_counter_tc"));
	unsigned char packet[64] = { 0 };
	LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = packet, .data_size_in = sizeof(packet));
	__u32 key = 3;
	__u64 reading = 0;
	int err = bpf_prog_test_run_opts(prog, &run);

	if (err)
		return fail("running read_counter_tc", err);
	bpf_map_lookup_elem(map, &key, &reading);
	printf("tc read 0: %llu\n", (unsigned long long)reading);
	return 0;
}

static int read_indices(struct bpf_object *obj, int argc, char **argv)
{
	int map = bpf_object__find_map_fd_by_name(obj, "probe");
	int prog = bpf_program__fd(bpf_object__find_program_by_name(obj, "read_counter"));
	unsigned char packet[64] = { 0 };

	for (int i = 0; i < argc; i++) {
		__u32 key = 0;
		__u64 index = strtoull(argv[i], NULL, 0), first = 0, second = 0;
		LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = packet, .data_size_in = sizeof(packet));
		int err = bpf_map_update_elem(map, &key, &index, BPF_ANY);

		if (err || (err = bpf_prog_test_run_opts(prog, &run)))
			return fail("running read_counter", err);
		key = 1;
		bpf_map_lookup_elem(map, &key, &first);
		key = 2;
		bpf_map_lookup_elem(map, &key, &second);
		printf("read %s: %llu %llu\n", argv[i], (unsigned long long)first,
		       (unsigned long long)second);
	}
	return read_from_tc(obj, map);
}

static int cost_of(struct bpf_object *obj, int map, const char *prog_name, const char *label,
		   __u64 index, unsigned int repeat)
{
	int prog = bpf_program__fd(bpf_object__find_program_by_name(obj, prog_name));
	unsigned char packet[64] = { 0 };
	LIBBPF_OPTS(bpf_test_run_opts, run, .data_in = packet, .data_size_in = sizeof(packet),
		    .repeat = repeat);
	__u32 key = 0;
	__u64 diff = 0;
	int err = bpf_map_update_elem(map, &key, &index, BPF_ANY);

	if (err || (err = bpf_prog_test_run_opts(prog, &run)))
		return fail(prog_name, err);
	key = 1;
	bpf_map_lookup_elem(map, &key, &diff);
	printf("cost %s: %u ns a run, reads %llu apart\n", label, run.duration,
	       (unsigned long long)diff);
	return 0;
}

static int measure_costs(struct bpf_object *obj, unsigned int repeat, int argc, char **argv)
{
	int map = bpf_object__find_map_fd_by_name(obj, "probe");
	char label[64];

	if (cost_of(obj, map, "pair_none", "none", 0, repeat) ||
	    cost_of(obj, map, "pair_clock", "clock", 0, repeat))
		return 1;
	for (int i = 0; i < argc; i++) {
		snprintf(label, sizeof(label), "kfunc %s", argv[i]);
		if (cost_of(obj, map, "pair_kfunc", label, strtoull(argv[i], NULL, 0), repeat))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct bpf_object *obj;
	int err;

	if (argc < 4 || (strcmp(argv[2], "read") && strcmp(argv[2], "hold") &&
			 strcmp(argv[2], "cost"))) {
		fprintf(stderr, "usage: kfunc-probe OBJ read INDEX... | kfunc-probe OBJ hold PIN | "
				"kfunc-probe OBJ cost REPEAT INDEX...\n");
		return 2;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj)
		return fail(argv[1], errno);
	err = bpf_object__load(obj);
	if (err)
		return fail("loading (is the inxpect module loaded, with its BTF?)", err);
	printf("loaded: xdp tc fentry\n");
	if (!strcmp(argv[2], "hold")) {
		err = bpf_program__pin(bpf_object__find_program_by_name(obj, "read_counter"), argv[3]);
		return err ? fail(argv[3], err) : 0;
	}
	if (!strcmp(argv[2], "cost"))
		return measure_costs(obj, strtoul(argv[3], NULL, 0), argc - 4, argv + 4);
	return read_indices(obj, argc - 3, argv + 3);
}
